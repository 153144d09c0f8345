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
