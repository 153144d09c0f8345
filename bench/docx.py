"""An equivalent .docx of an official document, for the LibreOffice anchor: the same text,
headings and ruled tables on A4 with the standard's margins and sizes (仿宋 三号 body, 小标宋
二号 title, 四号 tables), written by hand as the minimal WordprocessingML LibreOffice reads."""

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
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# A4, margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm) in twentieths
# of a point; 22 lines of 28 characters.
_SECTION = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851"'
    ' w:footer="992" w:gutter="0"/></w:sectPr>'
)


def _run(text: str, font: str, half_points: int, bold: bool = False, red: bool = False) -> str:
    props = (
        f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}"/>'
        + ("<w:b/>" if bold else "")
        + ('<w:color w:val="E50012"/>' if red else "")
        + f'<w:sz w:val="{half_points}"/>'
    )
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, font: str = "仿宋", size: int = 32, align: str = "both", indent: bool = True,
          bold: bool = False, red: bool = False) -> str:  # fmt: skip
    ind = '<w:ind w:firstLineChars="200" w:firstLine="640"/>' if indent else ""
    spacing = '<w:spacing w:line="560" w:lineRule="exact"/>'
    return (
        f'<w:p><w:pPr><w:jc w:val="{align}"/>{spacing}{ind}</w:pPr>'
        + _run(text, font, size, bold, red)
        + "</w:p>"
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
        _para(doc.issuer_mark + doc.mark_suffix, "方正小标宋简体", 72, "center", False, red=True),
        _para(doc.doc_number, "仿宋", 32, "center", indent=False),
        _para(doc.title, "方正小标宋简体", 44, "center", indent=False),
        _para(doc.recipients.rstrip("：") + "：", indent=False) if doc.recipients else "",
        *_blocks(doc.body),
        _para(doc.signature, align="right", indent=False),
        _para(format_date(doc.date), align="right", indent=False) if doc.date else "",
    ]
    for number, attachment in enumerate(doc.attachments, start=1):
        body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        body.append(_para(f"附件{number}", "黑体", 32, "left", indent=False))
        body.append(_para(attachment.title, "方正小标宋简体", 44, "center", indent=False))
        body.extend(_blocks(attachment.blocks))
    if doc.cc or doc.printing_office:
        body.append(_para(f"抄送：{doc.cc}", size=28, align="left", indent=False))
        body.append(_para(doc.printing_office, size=28, align="left", indent=False))
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
        f"<w:body>{''.join(body)}{_SECTION}</w:body></w:document>"
    )


def write_docx(doc: OfficialDocument, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", document_xml(doc))
    return path
