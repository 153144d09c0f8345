"""An equivalent .docx of an official document, for the LibreOffice anchor: the same text,
headings and ruled tables on A4 with the standard's margins and sizes (仿宋 三号 body, 小标宋
二号 title, 四号 tables), the red separator under the 发文字号, the 版记's rules and the page
numbers (— 1 —, 宋体 四号, odd pages right and even pages left, one character in), written by
hand as the minimal WordprocessingML LibreOffice reads.

:func:`fonts_conf` maps the .docx's font names onto the desk's own font files for the process
converting it (FONTCONFIG_FILE), so that LibreOffice draws the same five faces the desk embeds:
without it, a machine with no 仿宋 gives LibreOffice one sans font for everything (one subset
to embed, no page numbers or rules to draw), less work than the document asks for (issue 11)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from desktop.documents.model import OfficialDocument, Table, format_date

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_REL}/settings" Target="settings.xml"/>
<Relationship Id="rId2" Type="{_REL}/footer" Target="footer1.xml"/>
<Relationship Id="rId3" Type="{_REL}/footer" Target="footer2.xml"/>
</Relationships>"""
# Odd and even pages have footers of their own (the page number's side alternates).
_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{_W}"><w:evenAndOddHeaders/></w:settings>"""
# A4, margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm) in twentieths
# of a point; 22 lines of 28 characters.
_SECTION = (
    '<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>'
    '<w:footerReference w:type="even" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851"'
    ' w:footer="992" w:gutter="0"/></w:sectPr>'
)


def _run(text: str, font: str, half_points: int, bold: bool = False, red: bool = False,
         scale: int = 100) -> str:  # fmt: skip
    props = (
        f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}"/>'
        + ("<w:b/>" if bold else "")
        + ('<w:color w:val="E50012"/>' if red else "")
        + (f'<w:w w:val="{scale}"/>' if scale != 100 else "")
        + f'<w:sz w:val="{half_points}"/>'
    )
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, font: str = "仿宋", size: int = 32, align: str = "both", indent: bool = True,
          bold: bool = False, red: bool = False, border: str = "", scale: int = 100) -> str:  # fmt: skip
    ind = '<w:ind w:firstLineChars="200" w:firstLine="640"/>' if indent else ""
    spacing = '<w:spacing w:line="560" w:lineRule="exact"/>'
    return (
        f'<w:p><w:pPr>{border}<w:jc w:val="{align}"/>{spacing}{ind}</w:pPr>'
        + _run(text, font, size, bold, red, scale)
        + "</w:p>"
    )


_AREA_TWIPS = 11906 - 1588 - 1474  # the type area's width (156 mm)


def _mark(text: str) -> str:
    """The issuer mark in red 小标宋 on one line, narrowed as the desk narrows it."""
    scale = min(100, _AREA_TWIPS * 100 // (len(text) * 36 * 20))
    return _para(text, _XBS, 72, "center", False, bold=True, red=True, scale=scale)


_XBS = "方正小标宋简体"


def _rule(side: str, eighths: int, color: str = "000000") -> str:
    """A paragraph's rule above or below it (the separator, the 版记's lines)."""
    return (
        f'<w:pBdr><w:{side} w:val="single" w:sz="{eighths}" w:space="4"'
        f' w:color="{color}"/></w:pBdr>'
    )


def _footer(align: str, indent: str) -> str:
    """— N — in 宋体 四号, one character (14 pt) in from the type area's edge."""
    props = '<w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/></w:rPr>'
    run = f'<w:r>{props}<w:t xml:space="preserve">{{}}</w:t></w:r>'
    field = (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        + run.format("1")
        + f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{_W}">'
        f'<w:p><w:pPr><w:jc w:val="{align}"/><w:ind {indent}="280"/></w:pPr>'
        + run.format("— ")
        + field
        + run.format(" —")
        + "</w:p></w:ftr>"
    )


def _heading_font(text: str) -> str:
    if text.startswith(
        ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、")
    ):
        return "黑体"
    if text.startswith("（") and "）" in text[:4]:
        return "楷体"
    return "仿宋"


def _table(table: Table) -> str:
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{border}'
           "</w:tblBorders></w:tblPr>"]  # fmt: skip
    rows = ([table.header] if table.header else []) + table.rows
    for index, row in enumerate(rows):
        head = index == 0 and bool(table.header)
        out.append("<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if head else ""))
        for cell in row:
            font = "黑体" if head else "仿宋"
            out.append(
                '<w:tc><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
                + _run(str(cell), font, int(table.font_size * 2))
                + "</w:p></w:tc>"
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    if table.caption:
        out.insert(0, _para(table.caption, "黑体", 32, "center", indent=False))
    return "".join(out)


def _blocks(blocks: list) -> list[str]:
    return [_table(b) if isinstance(b, Table) else _para(b, _heading_font(b)) for b in blocks]


def document_xml(doc: OfficialDocument) -> str:
    body = [
        _mark(doc.issuer_mark + doc.mark_suffix),
        _para(
            doc.doc_number, "仿宋", 32, "center", indent=False, border=_rule("bottom", 8, "E50012")
        ),  # the red separator
        _para(doc.title, _XBS, 44, "center", indent=False, bold=True),
        _para(doc.recipients.rstrip("：") + "：", indent=False) if doc.recipients else "",
        *_blocks(doc.body),
        _para(doc.signature, align="right", indent=False),
        _para(format_date(doc.date), align="right", indent=False) if doc.date else "",
    ]
    for number, attachment in enumerate(doc.attachments, start=1):
        body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        body.append(_para(f"附件{number}", "黑体", 32, "left", indent=False))
        body.append(_para(attachment.title, _XBS, 44, "center", indent=False, bold=True))
        body.extend(_blocks(attachment.blocks))
    if doc.cc or doc.printing_office:
        body.append(_para(f"抄送：{doc.cc}", size=28, align="left", indent=False,
                          border=_rule("top", 8)))  # fmt: skip
        body.append(_para(doc.printing_office, size=28, align="left", indent=False,
                          border=_rule("bottom", 8)))  # fmt: skip
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}" xmlns:r="{_R}">'
        f"<w:body>{''.join(body)}{_SECTION}</w:body></w:document>"
    )


def write_docx(doc: OfficialDocument, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", document_xml(doc))
        package.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        package.writestr("word/settings.xml", _SETTINGS)
        package.writestr("word/footer1.xml", _footer("right", "w:right"))  # odd pages
        package.writestr("word/footer2.xml", _footer("left", "w:left"))  # even pages
    return path


# The .docx's font names, as the desk's role fonts (resources/fonts) are called inside.
_FACES = {
    "仿宋": "FandolFang R",
    "黑体": "WenQuanYi Micro Hei",
    "楷体": "AR PL KaitiM GB",
    "方正小标宋简体": "Noto Serif CJK SC",  # its Bold: the desk's xiaobiaosong.ttf
    "宋体": "Noto Serif CJK SC",
}


def fonts_conf(path: Path, fonts_dir: Path) -> Path:
    """A fontconfig file: the system's, plus ``fonts_dir`` and the .docx's names as its faces."""
    aliases = "".join(
        f'<alias binding="same"><family>{escape(name)}</family>'
        f"<prefer><family>{escape(face)}</family></prefer></alias>"
        for name, face in _FACES.items()
    )
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{escape(str(fonts_dir))}</dir>{aliases}</fontconfig>",
        encoding="utf-8",
    )
    return path
