"""render_ofd: the same laid-out pages as the PDF, written as OFD (GB/T 33190-2016).

Structure: ``OFD.xml`` (DocInfo with the document's metadata as CustomData named after DA/T 46),
``Doc_0/Document.xml``, ``Doc_0/PublicRes.xml`` (fonts, each an embedded TrueType subset),
``Doc_0/Pages/Page_N/Content.xml`` (text objects with X/Y/DeltaX so that every glyph sits where
it sits in the PDF, rules as path objects in their colour) and ``Doc_0/Res/``. Units are
millimetres, the standard namespace ``http://www.ofdspec.org/2016``. ``archival=True`` writes
OFD-A (GB/T 42133): DocType "OFD-A", no permissions, no viewer preferences, no encryption.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from struct import error as struct_error
from xml.sax.saxutils import escape, quoteattr

from reportlab.pdfbase import pdfmetrics

from .fonts import FontSet, reportlab_lock
from .grid import LEFT, PAGE_H, PAGE_W, TOP
from .model import OfficialDocument
from .pages import Page, RuleOp, TextOp
from .render import FAUX_BOLD, Layout, lay_out

NS = "http://www.ofdspec.org/2016"
MM = 25.4 / 72.0  # millimetres per point
# Tables a reader needs to draw from an embedded TrueType (GB/T 33190 §11.1, ofdrw's subset).
FONT_TABLES = ("cmap", "glyf", "loca", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post")


@dataclass(frozen=True)
class OfdResult:
    ofd: bytes
    page_count: int
    font_notes: list[str]
    glyph_warnings: list[str]


def mm(points: float) -> str:
    """A length in millimetres, as OFD writes it (3 decimals, no trailing zeros)."""
    text = f"{points * MM:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def render_ofd(
    doc: OfficialDocument,
    fonts: FontSet | None = None,
    *,
    line_pitch_pt: float | None = None,
    bold_level3: bool = True,
    title_words: tuple[str, ...] = (),
    archival: bool = False,
    metadata: dict[str, str] | None = None,
) -> OfdResult:
    """Lay ``doc`` out exactly as :func:`render_pdf` does and write the pages as OFD."""
    with reportlab_lock:
        laid = lay_out(
            doc,
            fonts,
            line_pitch_pt=line_pitch_pt,
            bold_level3=bold_level3,
            title_words=title_words,
        )
        data = _package(laid, doc, archival, metadata or {})
    return OfdResult(data, len(laid.pages), laid.font_notes, laid.glyph_warnings)


def doc_metadata(doc: OfficialDocument) -> dict[str, str]:
    """DA/T 46 names for what the document says of itself."""
    found = {
        "题名": doc.title,
        "发文机关": doc.signature or doc.issuer_mark,
        "文号": doc.doc_number,
        "期号": doc.minutes_issue,  # 纪要 carry an issue number of their own, no 文号
        "成文日期": doc.date.isoformat() if doc.date else "",
        "文种": doc.kind.value if hasattr(doc.kind, "value") else str(doc.kind),
        "密级": doc.classification,
    }
    return {k: v for k, v in found.items() if v}


class _Ids:
    def __init__(self) -> None:
        self.last = 0

    def next(self) -> int:
        self.last += 1
        return self.last


def _package(laid: Layout, doc: OfficialDocument, archival: bool, extra: dict[str, str]) -> bytes:
    ids = _Ids()
    fonts: dict[str, int] = {}  # reportlab font name -> OFD font id
    used: dict[str, set[str]] = defaultdict(set)
    for page in laid.pages:
        for op in page.ops:
            if isinstance(op, TextOp):
                for g in op.glyphs:
                    used[g.font].add(g.ch)
    for name in used:
        fonts[name] = ids.next()
    page_ids = [ids.next() for _ in laid.pages]
    contents = [_page_xml(page, fonts, ids) for page in laid.pages]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", _ofd_xml(doc, archival, {**doc_metadata(doc), **extra}))
        z.writestr("Doc_0/Document.xml", _document_xml(page_ids, ids.last))
        font_entries = []
        for name, font_id in fonts.items():
            face = pdfmetrics.getFont(name).face
            file = f"font_{font_id}.ttf"
            z.writestr(f"Doc_0/Res/{file}", subset_font(Path(face.filename), used[name]))
            family = getattr(face, "familyName", b"") or name
            family = family.decode("utf-8", "replace") if isinstance(family, bytes) else family
            font_entries.append(
                f'<ofd:Font ID="{font_id}" FontName={quoteattr(family)}'
                f" FamilyName={quoteattr(family)}><ofd:FontFile>{file}</ofd:FontFile></ofd:Font>"
            )
        z.writestr(
            "Doc_0/PublicRes.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
            f"<ofd:Fonts>{''.join(font_entries)}</ofd:Fonts></ofd:Res>",
        )
        for i, content in enumerate(contents):
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", content)
    return buffer.getvalue()


def _ofd_xml(doc: OfficialDocument, archival: bool, metadata: dict[str, str]) -> str:
    today = dt.date.today().isoformat()
    custom = "".join(
        f"<ofd:CustomData Name={quoteattr(k)}>{escape(v)}</ofd:CustomData>"
        for k, v in metadata.items()
    )
    author = metadata.get("发文机关", "")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.1"'
        f' DocType="{"OFD-A" if archival else "OFD"}"><ofd:DocBody><ofd:DocInfo>'
        f"<ofd:DocID>{uuid.uuid4().hex}</ofd:DocID><ofd:Title>{escape(doc.title)}</ofd:Title>"
        f"<ofd:Author>{escape(author)}</ofd:Author>"
        f"<ofd:Subject>{escape(metadata.get('文种', ''))}</ofd:Subject>"
        f"<ofd:CreationDate>{today}</ofd:CreationDate><ofd:Creator>督办台</ofd:Creator>"
        f"<ofd:CustomDatas>{custom}</ofd:CustomDatas></ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )


def _document_xml(page_ids: list[int], max_id: int) -> str:
    pages = "".join(
        f'<ofd:Page ID="{pid}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
        for i, pid in enumerate(page_ids)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
        f"<ofd:CommonData><ofd:MaxUnitID>{max_id}</ofd:MaxUnitID><ofd:PageArea>"
        f"<ofd:PhysicalBox>0 0 {mm(PAGE_W)} {mm(PAGE_H)}</ofd:PhysicalBox></ofd:PageArea>"
        "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
        f"<ofd:Pages>{pages}</ofd:Pages></ofd:Document>"
    )


def _rgb(color: tuple[float, float, float]) -> str:
    return " ".join(str(round(c * 255)) for c in color)


def _page_xml(page: Page, fonts: dict[str, int], ids: _Ids) -> str:
    objects = []
    for op in page.ops:
        if isinstance(op, RuleOp):
            objects.append(_rule(op, ids))
        elif op.glyphs:
            objects.extend(_text(op, fonts, ids))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
        f'<ofd:Layer ID="{ids.next()}">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'
    )


def _rule(op: RuleOp, ids: _Ids) -> str:
    x0, y0 = LEFT + op.x0, TOP + op.y0
    x1, y1 = LEFT + op.x1, TOP + op.y1
    left, top = min(x0, x1), min(y0, y1)
    pad = op.thickness / 2
    box = f"{mm(left - pad)} {mm(top - pad)} {mm(abs(x1 - x0) + 2 * pad)} {mm(abs(y1 - y0) + 2 * pad)}"
    path = (
        f"M {mm(x0 - left + pad)} {mm(y0 - top + pad)} L {mm(x1 - left + pad)} {mm(y1 - top + pad)}"
    )
    return (
        f'<ofd:PathObject ID="{ids.next()}" Boundary="{box}" LineWidth="{mm(op.thickness)}"'
        f' Stroke="true" Fill="false"><ofd:StrokeColor Value="{_rgb(op.color)}"/>'
        f"<ofd:AbbreviatedData>{path}</ofd:AbbreviatedData></ofd:PathObject>"
    )


def _text(op: TextOp, fonts: dict[str, int], ids: _Ids) -> list[str]:
    """One text object per run of one font and weight; glyphs at the PDF's positions."""
    first = pdfmetrics.getFont(op.glyphs[0].font)
    descent = first.face.descent / 1000.0
    baseline = TOP + op.top + op.size * (1.0 + descent)  # from the page's top, pt
    xs = [LEFT + x for x in op.positions()]
    top = baseline - op.size * 1.1
    height = op.size * 1.4
    runs: list[tuple[int, int]] = []
    start = 0
    for i, g in enumerate(op.glyphs):
        nxt = op.glyphs[i + 1] if i + 1 < len(op.glyphs) else None
        if nxt is None or (nxt.font, nxt.bold) != (g.font, g.bold):
            runs.append((start, i + 1))
            start = i + 1
    out = []
    for a, b in runs:
        glyphs = op.glyphs[a:b]
        left = xs[a]
        right = xs[b - 1] + glyphs[-1].width * op.hscale
        width = max(right - left, op.size * 0.5)
        box = f"{mm(left)} {mm(top)} {mm(width)} {mm(height)}"
        scale = op.hscale
        deltas = " ".join(mm((xs[i + 1] - xs[i]) / scale) for i in range(a, b - 1))
        g0 = glyphs[0]
        attrs = f'Font="{fonts[g0.font]}" Size="{mm(op.size)}"'
        if scale != 1.0:
            attrs += f' CTM="{scale:.4f} 0 0 1 0 0"'
        stroke = ""
        if g0.bold:  # faux bold as in the PDF: fill plus an outline
            attrs += f' Stroke="true" LineWidth="{mm(op.size * FAUX_BOLD)}"'
            stroke = f'<ofd:StrokeColor Value="{_rgb(op.color)}"/>'
        delta = f' DeltaX="{deltas}"' if deltas else ""
        text = escape("".join(g.ch for g in glyphs))
        out.append(
            f'<ofd:TextObject ID="{ids.next()}" Boundary="{box}" {attrs}>'
            f'<ofd:FillColor Value="{_rgb(op.color)}"/>{stroke}'
            f'<ofd:TextCode X="0" Y="{mm(baseline - top)}"{delta}>{text}</ofd:TextCode>'
            "</ofd:TextObject>"
        )
    return out


_SUBSETS: dict[tuple[str, frozenset[str]], bytes] = {}


def subset_font(path: Path, chars: set[str]) -> bytes:
    """A TrueType subset holding the characters used (and .notdef), with the tables OFD needs."""
    key = (str(path), frozenset(chars))
    if key not in _SUBSETS:
        from fontTools import subset
        from fontTools.ttLib import TTFont

        options = subset.Options()
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = False
        options.layout_features = []
        options.drop_tables += [
            "GSUB",
            "GPOS",
            "GDEF",
            "DSIG",
            "vhea",
            "vmtx",
            "mort",
            "morx",
            "BASE",
            "VORG",
        ]
        font = TTFont(str(path), fontNumber=0, lazy=True)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(sorted(chars)))
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
        _SUBSETS[key] = out.getvalue()
    return _SUBSETS[key]


# --- checking and archiving an OFD ---------------------------------------------------------------


class OfdProblem(Exception):
    """An OFD that does not open, or breaks a rule of the archival profile (Chinese message)."""


def _tag(name: str) -> str:
    return f"{{{NS}}}{name}"


def check_ofd(data: bytes, *, archival: bool = False) -> int:
    """Open an OFD as a reader would: its page count, or :class:`OfdProblem` naming what is wrong.

    Checked: the container, ``OFD.xml`` in the standard namespace, every page's content, every
    font embedded and readable; with ``archival`` also the OFD-A rules (GB/T 42133): DocType,
    one document, no encryption, permissions or viewer preferences."""
    from xml.etree import ElementTree as ET

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = set(z.namelist())
        root = ET.fromstring(z.read("OFD.xml"))
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as exc:
        raise OfdProblem(f"OFD 无法打开（{exc}）") from exc
    if root.tag != _tag("OFD"):
        raise OfdProblem("OFD.xml 不是 GB/T 33190 的命名空间")
    bodies = root.findall(_tag("DocBody"))
    doc_root = bodies[0].findtext(_tag("DocRoot")) if bodies else None
    if not doc_root or doc_root not in names:
        raise OfdProblem("OFD 缺少文档根（DocRoot）")
    if archival:
        if root.get("DocType") != "OFD-A":
            raise OfdProblem("归档 OFD 的 DocType 应为 OFD-A")
        if len(bodies) != 1:
            raise OfdProblem("归档 OFD 应只含一个文档")
        if any(n.lower().endswith(("encryptions.xml", "signatures.xml")) for n in names):
            raise OfdProblem("归档 OFD 不得加密")
    base = doc_root.rsplit("/", 1)[0]
    try:
        document = ET.fromstring(z.read(doc_root))
        if archival and (
            document.find(_tag("Permissions")) is not None
            or document.find(_tag("VPreferences")) is not None
        ):
            raise OfdProblem("归档 OFD 不得设置权限或视图首选项")
        pages = document.findall(f"{_tag('Pages')}/{_tag('Page')}")
        for page in pages:
            ET.fromstring(z.read(f"{base}/{page.get('BaseLoc')}"))
        res_name = document.findtext(f"{_tag('CommonData')}/{_tag('PublicRes')}")
        if res_name:
            res = ET.fromstring(z.read(f"{base}/{res_name}"))
            folder = f"{base}/{res.get('BaseLoc', '')}".rstrip("/")
            for font in res.iter(_tag("Font")):
                file = font.findtext(_tag("FontFile"))
                if not file:
                    raise OfdProblem(f"字体“{font.get('FontName')}”未嵌入")
                _check_font(z.read(f"{folder}/{file}"), file)
    except (KeyError, ET.ParseError) as exc:
        raise OfdProblem(f"OFD 内容不完整（{exc}）") from exc
    if not pages:
        raise OfdProblem("OFD 没有页面")
    return len(pages)


def _check_font(data: bytes, name: str) -> None:
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(io.BytesIO(data), lazy=True)
        missing = [t for t in FONT_TABLES if t not in font]
    except (TTLibError, AssertionError, ValueError, struct_error) as exc:
        raise OfdProblem(f"嵌入字体“{name}”无法读取（{exc}）") from exc
    if missing:
        raise OfdProblem(f"嵌入字体“{name}”缺少 {'、'.join(missing)} 表")


def to_archival(data: bytes, stamp: list[tuple[str, str]], fonts: FontSet) -> bytes:
    """The OFD as an archive copy (OFD-A): DocType OFD-A, and the 归档章 (label, value cells, two
    rows of three) as a stamp annotation on page 1 in a file of its own — the pages untouched."""
    from xml.etree import ElementTree as ET

    from .fonts import FontRole

    ET.register_namespace("ofd", NS)
    z = zipfile.ZipFile(io.BytesIO(data))
    files = {n: z.read(n) for n in z.namelist()}
    root = ET.fromstring(files["OFD.xml"])
    root.set("DocType", "OFD-A")
    doc_root = root.findtext(f"{_tag('DocBody')}/{_tag('DocRoot')}") or "Doc_0/Document.xml"
    base = doc_root.rsplit("/", 1)[0]
    document = ET.fromstring(files[doc_root])
    common = document.find(_tag("CommonData"))
    assert common is not None
    max_id = common.find(_tag("MaxUnitID"))
    assert max_id is not None
    ids = _Ids()
    ids.last = int(max_id.text or "0")
    first_page = document.find(f"{_tag('Pages')}/{_tag('Page')}")
    assert first_page is not None
    # The stamp's own font: a subset of 宋体 holding just its characters, beside the others.
    choice = fonts[FontRole.SONGTI]
    # One subset serves every item of a package: the digits and capitals the codes use, plus
    # whatever else this stamp holds (subsetting a full CJK face costs ~0.4 s each time).
    text = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ·-" + "".join(v for _label, v in stamp)
    font_id = ids.next()
    font_file = f"font_{font_id}.ttf"
    res_name = common.findtext(_tag("PublicRes")) or "PublicRes.xml"
    res = ET.fromstring(files[f"{base}/{res_name}"])
    folder = res.get("BaseLoc", "Res")
    files[f"{base}/{folder}/{font_file}"] = subset_font(choice.path, set(text))
    fonts_el = res.find(_tag("Fonts"))
    if fonts_el is None:
        fonts_el = ET.SubElement(res, _tag("Fonts"))
    font_el = ET.SubElement(fonts_el, _tag("Font"), ID=str(font_id), FontName="归档章宋体")
    ET.SubElement(font_el, _tag("FontFile")).text = font_file
    files[f"{base}/{res_name}"] = ET.tostring(res, encoding="utf-8", xml_declaration=True)
    annotation = _stamp_annotation(stamp, font_id, ids)
    files[f"{base}/Annots/Page_0/Annotation.xml"] = annotation.encode("utf-8")
    files[f"{base}/Annots/Annotations.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Annotations xmlns:ofd="{NS}">'
        f'<ofd:Page PageID="{first_page.get("ID")}"><ofd:FileLoc>Page_0/Annotation.xml'
        "</ofd:FileLoc></ofd:Page></ofd:Annotations>"
    ).encode()
    if document.find(_tag("Annotations")) is None:
        ET.SubElement(document, _tag("Annotations")).text = "Annots/Annotations.xml"
    max_id.text = str(ids.last)
    files[doc_root] = ET.tostring(document, encoding="utf-8", xml_declaration=True)
    files["OFD.xml"] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in files.items():
            target.writestr(name, content)
    return out.getvalue()


def archive_stamp(data: bytes) -> list[str] | None:
    """The cell values of the 归档章 annotation (Type Stamp, Subtype 归档章) on the first page,
    found the way a reader finds it (Document.xml → Annotations → the page's own file), or
    None when the OFD carries none."""
    from xml.etree import ElementTree as ET

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        root = ET.fromstring(z.read("OFD.xml"))
        doc_root = root.findtext(f"{_tag('DocBody')}/{_tag('DocRoot')}") or ""
        base = doc_root.rsplit("/", 1)[0]
        document = ET.fromstring(z.read(doc_root))
        index = document.findtext(_tag("Annotations"))
        first = document.find(f"{_tag('Pages')}/{_tag('Page')}")
        if not index or first is None:
            return None
        folder = f"{base}/{index}".rsplit("/", 1)[0]
        annotations = ET.fromstring(z.read(f"{base}/{index}"))
        for page in annotations.iter(_tag("Page")):
            if page.get("PageID") != first.get("ID"):
                continue
            annots = ET.fromstring(z.read(f"{folder}/{page.findtext(_tag('FileLoc'))}"))
            for annot in annots.iter(_tag("Annot")):
                if (annot.get("Type"), annot.get("Subtype")) == ("Stamp", "归档章"):
                    return [code.text or "" for code in annot.iter(_tag("TextCode"))]
    except (zipfile.BadZipFile, KeyError, ET.ParseError):
        return None
    return None


# The 归档章 of DA/T 22: 2 rows × 3 cells, each 15 mm × 7 mm, top right, 3 mm below the edge.
CELL_W, CELL_H, STAMP_TOP, STAMP_RIGHT = 15.0, 7.0, 3.0, 3.0
STAMP_RED = "230 0 18"


def _stamp_annotation(stamp: list[tuple[str, str]], font_id: int, ids: _Ids) -> str:
    width, height = CELL_W * 3, CELL_H * 2
    left = PAGE_W * MM - STAMP_RIGHT - width
    objects = [
        f'<ofd:PathObject ID="{ids.next()}" Boundary="0 0 {width} {height}" LineWidth="0.3"'
        f' Stroke="true" Fill="false"><ofd:StrokeColor Value="{STAMP_RED}"/><ofd:AbbreviatedData>'
        f"M 0 0 L {width} 0 L {width} {height} L 0 {height} C M 0 {CELL_H} L {width} {CELL_H}"
        f" M {CELL_W} 0 L {CELL_W} {height} M {2 * CELL_W} 0 L {2 * CELL_W} {height}"
        "</ofd:AbbreviatedData></ofd:PathObject>"
    ]
    size = 3.0
    for i, (_label, value) in enumerate(stamp[:6]):
        col, row = i % 3, i // 3
        chars = len(value) or 1
        advance = min(size, (CELL_W - 1) / chars)
        x = col * CELL_W + (CELL_W - advance * chars) / 2
        y = row * CELL_H + CELL_H / 2 + size * 0.35
        deltas = " ".join(f"{advance:.3f}" for _ in range(chars - 1))
        delta = f' DeltaX="{deltas}"' if deltas else ""
        objects.append(
            f'<ofd:TextObject ID="{ids.next()}" Boundary="0 0 {width} {height}" Font="{font_id}"'
            f' Size="{size}"><ofd:FillColor Value="{STAMP_RED}"/><ofd:TextCode X="{x:.3f}"'
            f' Y="{y:.3f}"{delta}>{escape(value)}</ofd:TextCode></ofd:TextObject>'
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot xmlns:ofd="{NS}">'
        f'<ofd:Annot ID="{ids.next()}" Type="Stamp" Creator="督办台" Subtype="归档章">'
        f'<ofd:Appearance Boundary="{left:.3f} {STAMP_TOP} {width} {height}">'
        f"{''.join(objects)}</ofd:Appearance></ofd:Annot></ofd:PageAnnot>"
    )
