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
from xml.sax.saxutils import escape, quoteattr

from reportlab.pdfbase import pdfmetrics

from .fonts import FontSet, reportlab_lock
from .grid import LEFT, PAGE_H, PAGE_W, TOP
from .model import OfficialDocument, format_date
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


__all__ = ["OfdResult", "doc_metadata", "format_date", "render_ofd", "subset_font"]
