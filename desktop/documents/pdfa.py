"""An issued PDF made PDF/A-2b (ISO 19005-2, level B): what reportlab's open-source edition
leaves out, added with pypdf (already the desk's PDF reader and the archive's writer).

reportlab already gives what PDF/A asks of the pages: every font embedded (TrueType subsets,
symbolic, one cmap encoding, no /Encoding, ToUnicode), colours in DeviceCMYK only, no
transparency, no encryption, no annotations or JavaScript, a trailer /ID and a binary header
comment. Missing are the XMP metadata stream (with pdfaid:part 2, conformance B and the same
title, author, subject, keywords, tool and dates as the Info dictionary) and an output intent
whose ICC profile says what the CMYK numbers mean (resources/color/FOGRA39L_coated.icc).
"""

from __future__ import annotations

import io
import re
import zlib
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

PROFILE = Path(__file__).resolve().parents[2] / "resources" / "color" / "FOGRA39L_coated.icc"
CONDITION = "FOGRA39"  # ICC's registry name of the printing condition the profile describes
CONDITION_INFO = "Coated FOGRA39 (ISO 12647-2:2004/Amd 1, offset, paper type 1 or 2)"
REGISTRY = "http://www.color.org"
PART, CONFORMANCE = 2, "B"


@cache
def profile() -> bytes:
    return PROFILE.read_bytes()


@cache
def _deflated_profile() -> bytes:
    return zlib.compress(profile(), 9)  # once a process: deflating it takes 0.2 s


def _xmp_date(pdf_date: str) -> str:
    """D:20261128100000+08'00' → 2026-11-28T10:00:00+08:00 (the same moment, XMP's way)."""
    m = re.fullmatch(
        r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:(Z)|([+-])(\d\d)'?(\d\d)'?)?", pdf_date
    )
    if m is None:
        raise ValueError(f"not a PDF date: {pdf_date!r}")
    y, mo, d, h, mi, s, z, sign, th, tm = m.groups()
    zone = "Z" if z or sign is None else f"{sign}{th}:{tm}"
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{zone}"


# Info key, its XMP property (PDF/A-2 §6.6.2.3.1), and how the value is held ("": plain text).
XMP_TWINS = (
    ("/Title", "dc:title", "alt"),
    ("/Author", "dc:creator", "seq"),
    ("/Subject", "dc:description", "alt"),
    ("/Keywords", "pdf:Keywords", ""),
    ("/Producer", "pdf:Producer", ""),
    ("/Creator", "xmp:CreatorTool", ""),
    ("/CreationDate", "xmp:CreateDate", ""),
    ("/ModDate", "xmp:ModifyDate", ""),
)


def _alt(text: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'


def xmp(info: dict[str, str]) -> bytes:
    """The XMP packet for the Info dictionary's entries, as PDF/A-2 §6.6.2.3 pairs them."""
    fields = [
        f"<pdfaid:part>{PART}</pdfaid:part>",
        f"<pdfaid:conformance>{CONFORMANCE}</pdfaid:conformance>",
    ]
    for key, tag, wrap in XMP_TWINS:
        value = info.get(key)
        if not value:
            continue
        if key.endswith("Date"):
            value = _xmp_date(value)
        inner = {"alt": _alt(value), "seq": f"<rdf:Seq><rdf:li>{escape(value)}</rdf:li></rdf:Seq>"}
        fields.append(f"<{tag}>{inner.get(wrap, escape(value))}</{tag}>")
    body = "\n   ".join(fields)
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   {body}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return packet.encode("utf-8")


def to_pdfa(pdf: bytes) -> bytes:
    """The same pages, with XMP metadata and the CMYK output intent: PDF/A-2b."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header.encode()  # reportlab's %PDF-1.4 (PDF/A-2: 1.0–1.7)
    info = {k: str(v) for k, v in (reader.metadata or {}).items() if k != "/Trapped"}
    # /Trapped has no XMP twin that PDF/A-2 predefines: left out rather than declared.
    writer.metadata = None
    writer.add_metadata(info)

    metadata = DecodedStreamObject()  # unfiltered, so that any tool can read it
    metadata.set_data(xmp(info))
    metadata[NameObject("/Type")] = NameObject("/Metadata")
    metadata[NameObject("/Subtype")] = NameObject("/XML")

    icc_stream = EncodedStreamObject()
    icc_stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    icc_stream[NameObject("/N")] = NumberObject(4)
    icc_stream._data = _deflated_profile()  # already deflated: set_data would deflate again
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): TextStringObject(CONDITION),
            NameObject("/Info"): TextStringObject(CONDITION_INFO),
            NameObject("/RegistryName"): TextStringObject(REGISTRY),
            NameObject("/DestOutputProfile"): writer._add_object(icc_stream),
        }
    )
    root = writer._root_object
    root[NameObject("/Metadata")] = writer._add_object(metadata)
    root[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
