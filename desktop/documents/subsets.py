"""Embedded font subsets made once per process: the same characters of the same font give the
same subset bytes, so the live preview and repeated renders reuse them compressed.

reportlab builds every subset (up to 256 characters) of a TrueType font anew for each PDF and
deflates it: for CJK fonts that is most of a warm render. The subset's bytes depend only on the
font file and the characters in it, in their order; the cache keeps them deflated and hands
reportlab a stream that is already filtered (it then leaves the content alone).

The same holds for each subset's Widths array and ToUnicode CMap: formatting the circular's
seven 256-number arrays and deflating their CMaps again cost 6-8 ms of a warm render's save
(issue 11); they are kept as the bytes reportlab writes for them, so the PDF is the same.
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

_LIMIT = 96  # subsets kept: a few documents' worth of five fonts (a few MB at most)
_cache: OrderedDict[tuple[str, bytes, tuple[int, ...]], tuple[bytes, int]] = OrderedDict()
_lock = threading.Lock()
# Deflate level of the subsets' font programs: 1 deflates the demo circular's 7 subsets (425 KB)
# in 7.5 ms of CPU where zlib's default 6 takes 16 ms, for a file 6 % larger (273 vs 258 KB
# deflated); the pages' content streams (152 KB, 1.8 ms) keep reportlab's default (issue 11).
SUBSET_LEVEL = 1


def deflated_subset(face: Any, subset: list[int]) -> tuple[bytes, int]:
    """The subset's font program, deflated, and its length before deflating."""
    key = (face.filename, face.subfontNameX, tuple(subset))
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    raw = face.makeSubset(subset)
    found = (zlib.compress(raw, SUBSET_LEVEL), len(raw))
    with _lock:
        _cache[key] = found
        while len(_cache) > _LIMIT:
            _cache.popitem(last=False)
    return found


def install(font: Any) -> None:
    """Make a registered reportlab TTFont embed its subsets through the cache."""
    face = font.face
    original = face.addSubsetObjects
    add_objects = font.addObjects

    def add_font_objects(doc: Any) -> None:
        state = font.state.get(doc)
        add_objects(doc)  # makes the subsets' font dictionaries (and forgets the state)
        if state is not None and state.internalName is not None:
            _reuse_tables(doc, f"{state.internalName}+", len(state.subsets))

    font.addObjects = add_font_objects

    def add_subset_objects(doc: Any, fontname: str, subset: list[int]) -> Any:
        if not doc.compression:
            return original(doc, fontname, subset)
        data, length = deflated_subset(face, subset)
        stream = pdfdoc.PDFStream()
        stream.content = data
        stream.dictionary["Length1"] = length
        stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
        reference = doc.Reference(stream, f"fontFile:{face.filename}({fontname})")
        return _descriptor(face, doc, fontname, reference)

    face.addSubsetObjects = add_subset_objects


def _descriptor(face: Any, doc: Any, fontname: str, font_file: Any) -> Any:
    """The FontDescriptor reportlab's TTFontFace.addSubsetObjects writes for a subset."""
    from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC

    flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
    descriptor = pdfdoc.PDFDictionary(
        {
            "Type": "/FontDescriptor",
            "Ascent": face.ascent,
            "CapHeight": face.capHeight,
            "Descent": face.descent,
            "Flags": flags,
            "FontBBox": pdfdoc.PDFArray(face.bbox),
            "FontName": pdfdoc.PDFName(fontname),
            "ItalicAngle": face.italicAngle,
            "StemV": face.stemV,
            "FontFile2": font_file,
            "MissingWidth": face.defaultWidth,
        }
    )
    return doc.Reference(descriptor, "fontDescriptor:" + fontname)


_formatted: dict[tuple[Any, ...], bytes] = {}  # a Widths array's numbers -> its PDF text
_deflated: dict[str | bytes, bytes] = {}  # a ToUnicode CMap -> deflated as reportlab deflates it
_TABLES_LIMIT = 512


def _reuse_tables(doc: Any, prefix: str, count: int) -> None:
    """Point the font dictionaries addObjects just made at the kept Widths and CMap bytes."""
    fonts = doc.idToObject["BasicFonts"].dict
    for n in range(count):
        pdf_font = fonts[f"{prefix}{n}"]
        pdf_font.Widths = _Widths(pdf_font.Widths.sequence)
        cmap = doc.idToObject["toUnicodeCMap:" + pdf_font.BaseFont]
        if cmap.filters:
            cmap.filters = [_DEFLATE if f.pdfname == "FlateDecode" else f for f in cmap.filters]


class _Widths(pdfdoc.PDFObject):  # type: ignore[misc]
    """A Widths array formatted once per process: pdfdoc.PDFArray's own text for it."""

    def __init__(self, widths: list[Any]) -> None:
        self.widths = widths

    def format(self, document: Any) -> bytes:
        key = (rl_config.pdfMultiLine, *self.widths)
        with _lock:
            found = _formatted.get(key)
        if found is None:
            found = pdfdoc.PDFArray(self.widths).format(document)
            with _lock:
                if len(_formatted) >= _TABLES_LIMIT:
                    _formatted.clear()
                _formatted[key] = found
        return found


class _Deflate:
    """reportlab's FlateDecode filter (zlib at its default level), each CMap deflated once."""

    pdfname = "FlateDecode"

    def encode(self, text: str | bytes) -> bytes:
        with _lock:
            found = _deflated.get(text)
        if found is None:
            found = pdfdoc.PDFZCompress.encode(text)
            with _lock:
                if len(_deflated) >= _TABLES_LIMIT:
                    _deflated.clear()
                _deflated[text] = found
        return found


_DEFLATE = _Deflate()
