"""What can be checked of PDF/A-2b (ISO 19005-2, level B) without veraPDF: the file structure, the
XMP identification and its agreement with the Info dictionary, the output intent and its ICC
profile, fonts (embedded, symbolic TrueType rules, widths), colour spaces, transparency and
encryption. Returns the problems found, each a sentence; an empty list is a pass."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from typing import Any

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}
# Colour operators of DeviceRGB, and operators that would bring in a colour space or an image.
RGB_OPS = re.compile(rb"(?<![A-Za-z])(rg|RG)(?![A-Za-z])")
SPACE_OPS = re.compile(rb"(?<![A-Za-z])(cs|CS|sc|SC|scn|SCN|BI|sh)(?![A-Za-z])")


def _obj(value):  # type: ignore[no-untyped-def]
    return value.get_object() if isinstance(value, IndirectObject) else value


def _xmp_date(pdf_date: str) -> str:
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([+-])(\d\d)'(\d\d)'?", pdf_date)
    assert m, pdf_date
    y, mo, d, h, mi, s, sign, th, tm = m.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{sign}{th}:{tm}"


def problems(pdf: bytes) -> list[str]:
    found: list[str] = []
    if not re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", pdf):
        found.append("header: not %PDF-1.n followed by a comment of four bytes above 127")
    if b"/Encrypt" in pdf:
        found.append("encrypted")
    reader = PdfReader(io.BytesIO(pdf))
    if "/ID" not in reader.trailer:
        found.append("trailer without /ID")
    root = _obj(reader.trailer["/Root"])
    found += _metadata(reader, root)
    found += _output_intent(root)
    for key in ("/AA", "/OpenAction", "/AcroForm", "/Names"):
        if key in root:
            found.append(f"catalog has {key}")
    for n, page in enumerate(reader.pages, start=1):
        found += [f"page {n}: {p}" for p in _page(page)]
    return found


def _metadata(reader: PdfReader, root: DictionaryObject) -> list[str]:
    if "/Metadata" not in root:
        return ["no XMP metadata stream"]
    stream = _obj(root["/Metadata"])
    found = []
    if "/Filter" in stream:
        found.append("metadata stream is filtered")
    if stream.get("/Type") != "/Metadata" or stream.get("/Subtype") != "/XML":
        found.append("metadata stream without /Type /Metadata /Subtype /XML")
    data = stream.get_data()
    if not data.startswith(b"<?xpacket begin=") or not data.rstrip().endswith(b"?>"):
        found.append("XMP without xpacket header and trailer")
    tree = ET.fromstring(data.decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
    desc = tree.find("rdf:RDF/rdf:Description", NS)
    if desc is None:
        return [*found, "XMP without rdf:Description"]

    def text(path: str) -> str | None:
        node = desc.find(path, NS)
        return node.text if node is not None else None

    if text("pdfaid:part") != "2" or text("pdfaid:conformance") != "B":
        found.append("XMP does not say pdfaid:part 2, conformance B")
    info = {k: str(v) for k, v in (reader.metadata or {}).items()}
    pairs = {
        "/Title": text("dc:title/rdf:Alt/rdf:li"),
        "/Author": text("dc:creator/rdf:Seq/rdf:li"),
        "/Subject": text("dc:description/rdf:Alt/rdf:li"),
        "/Keywords": text("pdf:Keywords"),
        "/Producer": text("pdf:Producer"),
        "/Creator": text("xmp:CreatorTool"),
        "/CreationDate": text("xmp:CreateDate"),
        "/ModDate": text("xmp:ModifyDate"),
    }
    for key, xmp_value in pairs.items():
        value = info.get(key)
        if key.endswith("Date") and value:
            value = _xmp_date(value)
        if (value or None) != xmp_value:
            found.append(f"Info {key} {value!r} and XMP {xmp_value!r} differ")
    if "/Trapped" in info:
        found.append("Info /Trapped without its XMP twin")
    return found


def _output_intent(root: DictionaryObject) -> list[str]:
    intents = _obj(root.get("/OutputIntents"))
    if not isinstance(intents, ArrayObject) or not intents:
        return ["no /OutputIntents"]
    found = []
    pdfa = [_obj(i) for i in intents if _obj(i).get("/S") == "/GTS_PDFA1"]
    if len(pdfa) != 1:
        return ["not exactly one GTS_PDFA1 output intent"]
    intent = pdfa[0]
    if "/OutputConditionIdentifier" not in intent:
        found.append("output intent without OutputConditionIdentifier")
    profile = _obj(intent.get("/DestOutputProfile"))
    if not isinstance(profile, StreamObject):
        return [*found, "output intent without DestOutputProfile"]
    icc = profile.get_data()
    if profile.get("/N") != 4 or icc[16:20] != b"CMYK":
        found.append("output profile is not CMYK with /N 4 (the pages use DeviceCMYK)")
    if icc[12:16] not in (b"prtr", b"mntr") or icc[36:40] != b"acsp" or icc[8] > 4:
        found.append("output profile is not an ICC v2–v4 output or display profile")
    if int.from_bytes(icc[0:4], "big") != len(icc):
        found.append("ICC profile's size field disagrees with its length")
    return found


def _page(page: DictionaryObject) -> list[str]:
    found = []
    if "/Annots" in page or "/AA" in page:
        found.append("annotations or actions")
    group = _obj(page.get("/Group"))
    if group is not None and group.get("/S") == "/Transparency":
        found.append("transparency group")
    data = page.get_contents().get_data() if page.get_contents() else b""
    return found + _content(data, _obj(page.get("/Resources")) or {})


def _content(data: bytes, resources: Any, depth: int = 0) -> list[str]:
    """A content stream and its resources; form XObjects (the archive's 归档章) the same way."""
    found = []
    if RGB_OPS.search(data):
        found.append("DeviceRGB colour in the content (the output intent is CMYK)")
    if SPACE_OPS.search(data):
        found.append("colour spaces, shadings or inline images beyond DeviceCMYK/Gray")
    for gs in (_obj(resources.get("/ExtGState")) or {}).values():
        gs = _obj(gs)
        for key in ("/SMask", "/TR", "/TR2", "/HTP"):
            if key in gs and gs[key] != "/None":
                found.append(f"ExtGState {key}")
        if float(gs.get("/CA", 1)) < 1 or float(gs.get("/ca", 1)) < 1:
            found.append("transparency (CA/ca below 1)")
        if gs.get("/BM", "/Normal") not in ("/Normal", "/Compatible"):
            found.append("blend mode")
    for name, xobject in (_obj(resources.get("/XObject")) or {}).items():
        form = _obj(xobject)
        if form.get("/Subtype") != "/Form" or depth > 4:
            found.append(f"XObject {name} ({form.get('/Subtype')}) to check by hand")
            continue
        group = _obj(form.get("/Group"))
        if group is not None and group.get("/S") == "/Transparency":
            found.append(f"XObject {name}: transparency group")
        inner = _obj(form.get("/Resources")) or {}
        found += [f"XObject {name}: {p}" for p in _content(form.get_data(), inner, depth + 1)]
    for name, font in (_obj(resources.get("/Font")) or {}).items():
        found += [f"font {name}: {p}" for p in _font(_obj(font))]
    return found


def _font(font: DictionaryObject) -> list[str]:
    found = []
    if font.get("/Subtype") != "/TrueType":
        return [f"{font.get('/Subtype')} font: only TrueType subsets are expected"]
    fd = _obj(font.get("/FontDescriptor"))
    if fd is None or "/FontFile2" not in fd:
        return ["not embedded"]
    program = TTFont(io.BytesIO(_obj(fd["/FontFile2"]).get_data()))
    symbolic = int(fd.get("/Flags", 0)) & 4
    cmaps = [(t.platformID, t.platEncID) for t in program["cmap"].tables]
    if symbolic:
        if "/Encoding" in font:
            found.append("symbolic TrueType with /Encoding")
        if len(cmaps) != 1 and (3, 0) not in cmaps:
            found.append(f"symbolic TrueType with cmap subtables {cmaps}")
    else:
        found.append("non-symbolic TrueType (needs WinAnsi/MacRoman and AGL names: not expected)")
    # Widths in the dictionary and in the program agree (±1 of 1000 units)
    first = int(str(font["/FirstChar"]))
    widths = [float(w) for w in font["/Widths"]]
    table = next(t for t in program["cmap"].tables)
    hmtx, upem = program["hmtx"], program["head"].unitsPerEm
    for code, glyph in table.cmap.items():
        i = code - first
        if 0 <= i < len(widths) and glyph in hmtx.metrics:
            drawn = hmtx[glyph][0] * 1000 / upem
            if abs(drawn - widths[i]) > 1:
                found.append(f"width of code {code}: {widths[i]} in the dictionary, {drawn:.1f}")
                break
    return found
