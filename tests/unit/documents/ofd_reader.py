"""A small OFD reader written only for tests, from GB/T 33190's XML (not from our writer):
where each glyph of each text object sits on the page (mm), in which colour and embedded font."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from fontTools.ttLib import TTFont

NS = {"ofd": "http://www.ofdspec.org/2016"}


@dataclass(frozen=True)
class PlacedGlyph:
    page: int
    ch: str
    x: float  # mm from the page's left edge (pen position)
    baseline: float  # mm from the page's top edge
    color: tuple[int, ...]
    font_file: str


@dataclass
class OfdDocument:
    doc_type: str
    custom: dict[str, str]
    title: str
    pages: int
    glyphs: list[PlacedGlyph]
    paths: list[tuple[int, tuple[float, ...], tuple[int, ...]]]  # page, boundary, stroke colour
    fonts: dict[str, TTFont]  # file name -> parsed embedded font
    names: list[str]


def _nums(text: str | None) -> list[float]:
    return [float(v) for v in (text or "").split()]


def read(data: bytes) -> OfdDocument:
    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    root = ET.fromstring(z.read("OFD.xml"))
    assert root.tag == "{http://www.ofdspec.org/2016}OFD", root.tag
    info = root.find("ofd:DocBody/ofd:DocInfo", NS)
    custom = {
        c.get("Name", ""): c.text or "" for c in info.iterfind("ofd:CustomDatas/ofd:CustomData", NS)
    }
    doc_root = str(root.find("ofd:DocBody/ofd:DocRoot", NS).text)
    base = doc_root.rsplit("/", 1)[0]
    document = ET.fromstring(z.read(doc_root))
    res = ET.fromstring(z.read(f"{base}/{document.find('ofd:CommonData/ofd:PublicRes', NS).text}"))
    res_dir = f"{base}/{res.get('BaseLoc')}"
    font_files = {}
    fonts = {}
    for font in res.iterfind("ofd:Fonts/ofd:Font", NS):
        file = font.find("ofd:FontFile", NS).text
        font_files[font.get("ID")] = file
        fonts[file] = TTFont(io.BytesIO(z.read(f"{res_dir}/{file}")))
    glyphs: list[PlacedGlyph] = []
    paths = []
    pages = document.findall("ofd:Pages/ofd:Page", NS)
    for number, page in enumerate(pages, start=1):
        content = ET.fromstring(z.read(f"{base}/{page.get('BaseLoc')}"))
        for obj in content.iter("{http://www.ofdspec.org/2016}TextObject"):
            bx, by, _w, _h = _nums(obj.get("Boundary"))
            ctm = _nums(obj.get("CTM")) or [1, 0, 0, 1, 0, 0]
            color = tuple(int(v) for v in _nums(obj.find("ofd:FillColor", NS).get("Value")))
            size = float(obj.get("Size", "0"))
            font = fonts[font_files[obj.get("Font")]]
            for code in obj.iterfind("ofd:TextCode", NS):
                x, y = float(code.get("X", "0")), float(code.get("Y", "0"))
                deltas = _nums(code.get("DeltaX"))
                text = code.text or ""
                for i, ch in enumerate(text):
                    gx = bx + ctm[0] * x + ctm[4]
                    glyphs.append(
                        PlacedGlyph(number, ch, gx, by + y, color, str(font_files[obj.get("Font")]))
                    )
                    if i < len(deltas):
                        x += deltas[i]
                    elif i < len(text) - 1:  # no DeltaX: the glyph's own advance
                        name = font.getBestCmap()[ord(ch)]
                        x += font["hmtx"][name][0] / font["head"].unitsPerEm * size
        for obj in content.iter("{http://www.ofdspec.org/2016}PathObject"):
            stroke = obj.find("ofd:StrokeColor", NS)
            colour = tuple(int(v) for v in _nums(stroke.get("Value"))) if stroke is not None else ()
            paths.append((number, tuple(_nums(obj.get("Boundary"))), colour))
    title = info.find("ofd:Title", NS).text or ""
    return OfdDocument(
        root.get("DocType", ""),
        custom,
        title,
        len(pages),
        glyphs,
        paths,
        fonts,  # type: ignore[arg-type]
        names,
    )


# --- the PDF side of the comparison: MuPDF, not our writer ------------------------------------

PT = 25.4 / 72  # millimetres per point


def pdf_glyphs(pdf: bytes) -> list[tuple[int, str, float, float, tuple[int, int, int]]]:
    """(page, character, pen x, baseline, colour) of each glyph as MuPDF renders the PDF, in mm
    from the page's top left (pdfminer drops the character spacing after the last glyph of
    every string, so it is no reference here)."""
    import pymupdf

    out = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for number, page in enumerate(doc, start=1):
            raw = page.get_text("rawdict")
            for block in raw["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        c = span["color"]
                        colour = (c >> 16 & 255, c >> 8 & 255, c & 255)
                        for ch in span["chars"]:
                            if ch["c"].isspace():
                                continue
                            x, baseline = ch["origin"]
                            out.append((number, ch["c"], x * PT, baseline * PT, colour))
    return out


def pdf_rules(pdf: bytes) -> list[tuple[int, float, float, tuple[int, ...]]]:
    """(page, centre x, centre y, ink) of each straight line MuPDF finds in the PDF, in mm."""
    import pymupdf

    out = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for number, page in enumerate(doc, start=1):
            for drawing in page.get_drawings():
                colour = tuple(round(v * 255) for v in (drawing.get("color") or (0, 0, 0)))
                for item in drawing["items"]:
                    if item[0] != "l":
                        continue
                    a, b = item[1], item[2]
                    out.append((number, (a.x + b.x) / 2 * PT, (a.y + b.y) / 2 * PT, colour))
    return sorted(out)


def ofd_rules(ofd: OfdDocument) -> list[tuple[int, float, float, tuple[int, ...]]]:
    """The same of the OFD's path objects (their boundary's centre)."""
    out = []
    for page, (x, y, w, h), colour in ofd.paths:
        out.append((page, x + w / 2, y + h / 2, colour))
    return sorted(out)


def ink(rgb: tuple[int, ...]) -> str:
    """The PDF prints in CMYK (M80 Y80 red, pure K text) and a reader shows that through its own
    profile; the OFD keeps the page model's screen RGB: compare the ink, not the value."""
    r, g, b = rgb
    if r > 200 and g < 120 and b < 120:
        return "red"
    if max(r, g, b) < 60:
        return "black"
    return f"{r},{g},{b}"


def same_ink(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """The same ink seen two ways: MuPDF shows the PDF's CMYK through a profile, the OFD holds
    the page model's screen RGB, so values differ (blue 0,91,179 against 0,86,144) while the
    ink does not: both black, or the same hue (±15°) both saturated."""
    import colorsys

    (h1, s1, v1), (h2, s2, v2) = (colorsys.rgb_to_hsv(*(c / 255 for c in x)) for x in (a, b))
    if v1 < 0.25 or v2 < 0.25:
        return v1 < 0.25 and v2 < 0.25
    turn = abs(h1 - h2) % 1.0
    return min(turn, 1 - turn) * 360 <= 15 and (s1 > 0.5) == (s2 > 0.5)


def assert_same_pages(pdf: bytes, ofd_data: bytes, tolerance: float = 0.2) -> OfdDocument:
    """The OFD, read by this reader, shows what MuPDF shows of the PDF: the same pages, the same
    text glyph by glyph, each within ``tolerance`` mm of the PDF's, in the same ink, and the
    same rules at the same places in the same ink."""
    import pymupdf

    ofd = read(ofd_data)
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        assert ofd.pages == doc.page_count
    theirs = pdf_glyphs(pdf)
    ours = [g for g in ofd.glyphs if not g.ch.isspace()]
    assert "".join(g.ch for g in ours) == "".join(t[1] for t in theirs)
    for g, (page, _ch, x, baseline, colour) in zip(ours, theirs, strict=True):
        assert g.page == page, (g, page)
        assert abs(g.x - x) <= tolerance and abs(g.baseline - baseline) <= tolerance, (g, x)
        assert same_ink(g.color, colour), (g, colour)
    rules, paths = pdf_rules(pdf), ofd_rules(ofd)
    assert len(rules) == len(paths)
    for rule in rules:  # each rule of the PDF has its path in the OFD
        p, x, y, stroke = rule
        match = next(
            (
                path
                for path in paths
                if path[0] == p and abs(path[1] - x) <= tolerance and abs(path[2] - y) <= tolerance
            ),
            None,
        )
        assert match is not None, rule
        assert same_ink(match[3], stroke), (rule, match)
        paths.remove(match)
    return ofd
