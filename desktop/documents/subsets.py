"""Embedded font subsets made once per process: the same characters of the same font give the
same subset bytes, so the live preview and repeated renders reuse them compressed.

reportlab builds every subset (up to 256 characters) of a TrueType font anew for each PDF and
deflates it: for CJK fonts that is most of a warm render. The subset's bytes depend only on the
font file and the characters in it, in their order; the cache keeps them deflated and hands
reportlab a stream that is already filtered (it then leaves the content alone).

The same holds for each subset's Widths array and ToUnicode CMap: formatting the circular's
seven 256-number arrays and deflating their CMaps again cost 6-8 ms of a warm render's save
(issue 11); they are kept as the bytes reportlab writes for them, so the PDF is the same. The
widths and the CMap's text are kept too, and each subset's FontDescriptor as its bytes around the
reference to its font program: the font dictionaries are made as reportlab's addObjects makes
them (_add_objects), without computing any of it again.
"""

from __future__ import annotations

import threading
import zlib
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from .kept import Kept

# Subsets kept: a few documents' worth of five fonts (a few MB at most).
_cache: Kept[tuple[str, bytes, tuple[int, ...]], tuple[bytes, int]] = Kept(96)
_lock = threading.Lock()
# Deflate level of the subsets' font programs: 1 deflates the demo circular's 7 subsets (425 KB)
# in 7.5 ms of CPU where zlib's default 6 takes 16 ms, for a file 6 % larger (273 vs 258 KB
# deflated); the pages' content streams (152 KB, 1.8 ms) keep reportlab's default (issue 11).
SUBSET_LEVEL = 1


def deflated_subset(face: Any, subset: list[int]) -> tuple[bytes, int]:
    """The subset's font program, deflated, and its length before deflating."""
    key = (face.filename, face.subfontNameX, tuple(subset))
    found = _cache.get(key)
    if found is not None:
        return found
    raw = face.makeSubset(subset)
    return _cache.put(key, (zlib.compress(raw, SUBSET_LEVEL), len(raw)))


def install(font: Any) -> None:
    """Make a registered reportlab TTFont embed its subsets through the cache."""
    face = font.face
    original = face.addSubsetObjects

    def add_font_objects(doc: Any) -> None:
        _add_objects(font, doc)

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


def _add_objects(font: Any, doc: Any) -> None:
    """reportlab's TTFont.addObjects (3.6-4.x), the same objects in the same order, but each
    subset's Widths and ToUnicode CMap taken from the per-process tables: computing the widths
    and the CMap text of the circular's seven subsets again cost 1.2 ms of every save."""
    from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

    try:
        state = font.state[doc]
    except KeyError:
        state = font.state[doc] = TTFont.State(font._asciiReadable)
    state.frozen = 1
    face = font.face
    for n, subset in enumerate(state.subsets):
        internal_name = font.getSubsetInternalName(n, doc)[1:]
        base = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
        pdf_font = pdfdoc.PDFTrueTypeFont()
        pdf_font.__Comment__ = f"Font {font.fontName} subset {n}"
        pdf_font.Name = internal_name
        pdf_font.BaseFont = base
        pdf_font.FirstChar = 0
        pdf_font.LastChar = len(subset) - 1
        widths, cmap_text = _tables(face, base, subset)
        pdf_font.Widths = _Widths(widths)
        cmap = pdfdoc.PDFStream()
        cmap.content = cmap_text
        if doc.compression:
            cmap.filters = [_DEFLATE]
        pdf_font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base)
        pdf_font.FontDescriptor = face.addSubsetObjects(doc, base, subset)
        doc.Reference(pdf_font, internal_name)
        doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
    del font.state[doc]


def _tables(face: Any, base: str, subset: list[int]) -> tuple[list[Any], str]:
    """A subset's widths and its ToUnicode CMap's text, as reportlab computes them."""
    from reportlab.pdfbase.ttfonts import makeToUnicodeCMap

    key = (face.filename, face.subfontNameX, base, tuple(subset))
    with _lock:
        found = _kept_tables.get(key)
    if found is None:
        found = (list(map(face.getCharWidth, subset)), makeToUnicodeCMap(base, subset))
        with _lock:
            if len(_kept_tables) >= _TABLES_LIMIT:
                _kept_tables.clear()
            _kept_tables[key] = found
    return found


def _descriptor(face: Any, doc: Any, fontname: str, font_file: Any) -> Any:
    """The FontDescriptor reportlab's TTFontFace.addSubsetObjects writes for a subset, as its
    bytes around the reference to the font program (the same for a font's subset every time)."""
    key = (face.filename, face.subfontNameX, fontname, rl_config.pdfMultiLine)
    with _lock:
        found = _descriptors.get(key)
    if found is None:
        text = _descriptor_dictionary(face, fontname, _MARK).format(doc)
        before, after = text.split(_MARK.text)
        found = (before, after)
        with _lock:
            if len(_descriptors) >= _TABLES_LIMIT:
                _descriptors.clear()
            _descriptors[key] = found
    return doc.Reference(_Around(found, font_file), "fontDescriptor:" + fontname)


def _descriptor_dictionary(face: Any, fontname: str, font_file: Any) -> Any:
    from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC

    flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
    return pdfdoc.PDFDictionary(
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


class _Mark(pdfdoc.PDFObject):  # type: ignore[misc]
    """Stands where the reference goes while a descriptor's bytes are made."""

    text = b"\x00font file\x00"

    def format(self, document: Any) -> bytes:
        return self.text


_MARK = _Mark()


class _Around(pdfdoc.PDFObject):  # type: ignore[misc]
    """Kept bytes around one reference: what the dictionary formatted to, with this PDF's."""

    def __init__(self, around: tuple[bytes, bytes], reference: Any) -> None:
        self.around = around
        self.reference = reference

    def format(self, document: Any) -> bytes:
        before, after = self.around
        return before + pdfdoc.format(self.reference, document) + after


_formatted: dict[tuple[Any, ...], bytes] = {}  # a Widths array's numbers -> its PDF text
_deflated: dict[str | bytes, bytes] = {}  # a ToUnicode CMap -> deflated as reportlab deflates it
_kept_tables: dict[tuple[Any, ...], tuple[list[Any], str]] = {}  # a subset -> widths, CMap
_descriptors: dict[tuple[Any, ...], tuple[bytes, bytes]] = {}  # a descriptor's bytes
_TABLES_LIMIT = 512


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
