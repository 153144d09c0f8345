"""The face cache's file (face_cache.py): a JSON header and flat arrays of integers and
floats, never pickle, each value checked for its type as it is read back."""

from __future__ import annotations

import json
import sys
from array import array
from dataclasses import dataclass
from typing import Any

import reportlab
from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

from .face_tables import Lookup, Metrics

FORMAT = 2  # of the file below; a change of layout or of what is kept raises it
MAGIC = b"DUBAN-FACE\n"
# What extractInfo sets, apart from the big tables below and reportlab's scale function.
SCALARS = (
    "name",
    "familyName",
    "styleName",
    "fullName",
    "uniqueFontID",
    "fontRevision",
    "unitsPerEm",
    "bbox",
    "ascent",
    "descent",
    "capHeight",
    "stemV",
    "italicAngle",
    "underlinePosition",
    "underlineThickness",
    "flags",
    "numGlyphs",
    "_full_font",
    "defaultWidth",
)
# The tables, as flat arrays: (attribute, part) in the order they are written.
ARRAYS = (
    ("charToGlyph", "keys"),
    ("charToGlyph", "values"),
    ("charWidths", "keys"),
    ("charWidths", "values"),
    ("glyphToChar", "keys"),
    ("glyphToChar", "counts"),
    ("glyphToChar", "values"),
    ("hmetrics", "advances"),
    ("hmetrics", "bearings"),
    ("glyphPos", "values"),
)
TYPECODES = {"I": 4, "q": 8, "d": 8}  # unsigned 32-bit, signed 64-bit, double
Tables = dict[tuple[str, str], "array[Any]"]


class BadCache(ValueError):
    """The cache file is not one this version wrote for this font."""


def encode(face: TTFontFace, digest: str, index: int) -> bytes:
    scalars = {key: _scalar_out(getattr(face, key)) for key in SCALARS}
    g2c = face.glyphToChar
    parts: dict[tuple[str, str], list[Any]] = {
        ("charToGlyph", "keys"): sorted(face.charToGlyph),  # ascending: Lookup bisects them
        ("charToGlyph", "values"): [face.charToGlyph[c] for c in sorted(face.charToGlyph)],
        ("charWidths", "keys"): sorted(face.charWidths),
        ("charWidths", "values"): [face.charWidths[c] for c in sorted(face.charWidths)],
        ("glyphToChar", "keys"): list(g2c),
        ("glyphToChar", "counts"): [len(v) for v in g2c.values()],
        ("glyphToChar", "values"): [c for v in g2c.values() for c in v],
        ("hmetrics", "advances"): [aw for aw, _ in face.hmetrics],
        ("hmetrics", "bearings"): [lsb for _, lsb in face.hmetrics],
        ("glyphPos", "values"): list(face.glyphPos),
    }
    blobs, layout = [], []
    for key in ARRAYS:
        values = parts[key]
        typecode = _typecode(values)
        blobs.append(array(typecode, values).tobytes())
        layout.append([*key, typecode, len(values)])
    header = {
        "format": FORMAT,
        "reportlab": reportlab.Version,
        "sha256": digest,
        "index": index,
        "byteorder": sys.byteorder,
        "scalars": scalars,
        "arrays": layout,
    }
    text = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return MAGIC + len(text).to_bytes(4, "big") + text + b"".join(blobs)


def _typecode(values: list[Any]) -> str:
    if all(type(v) is int for v in values):
        return "I" if all(0 <= v < 2**32 for v in values) else "q"
    if all(type(v) is float for v in values):
        return "d"
    raise BadCache("a table mixes integers and floats")  # reportlab's never do


def decode(blob: bytes, digest: str, index: int) -> Cached:
    """The face's attributes from a cache file, or BadCache."""
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + 4:
        raise BadCache("not a face cache")
    start = len(MAGIC) + 4
    size = int.from_bytes(blob[len(MAGIC) : start], "big")
    try:
        header = json.loads(blob[start : start + size].decode("utf-8"))
    except ValueError as exc:
        raise BadCache("unreadable header") from exc
    expected = {"format": FORMAT, "reportlab": reportlab.Version, "sha256": digest,
                "index": index, "byteorder": sys.byteorder}  # fmt: skip
    if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
        raise BadCache("made for another font, format or reportlab")
    info = _scalars_in(header.get("scalars"))
    return _tables(_arrays_in(header.get("arrays"), memoryview(blob)[start + size :]), info)


def _scalar_out(value: Any) -> Any:
    if isinstance(value, TTFNameBytes):
        return {"name": value.ustr}
    if isinstance(value, tuple):
        return {"tuple": list(value)}
    return value


def _scalar_in(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"name"} and isinstance(value["name"], str):
        return TTFNameBytes(value["name"].encode("utf-8"))
    if isinstance(value, dict) and set(value) == {"tuple"} and _numbers(value["tuple"]):
        return tuple(value["tuple"])
    if value is None or isinstance(value, str | int | float) or _numbers(value):
        return value
    raise BadCache("an unexpected value")


def _numbers(value: Any) -> bool:
    return isinstance(value, list) and all(type(v) in (int, float) for v in value)


def _scalars_in(scalars: Any) -> dict[str, Any]:
    if not isinstance(scalars, dict) or set(scalars) != set(SCALARS):
        raise BadCache("unexpected attributes")
    info = {key: _scalar_in(scalars[key]) for key in SCALARS}
    if type(info["unitsPerEm"]) is not int or info["unitsPerEm"] <= 0:
        raise BadCache("no units per em")
    if type(info["numGlyphs"]) is not int:
        raise BadCache("no glyph count")
    return info


def _arrays_in(layout: Any, payload: memoryview) -> Tables:
    if not isinstance(layout, list) or len(layout) != len(ARRAYS):
        raise BadCache("unexpected tables")
    found: Tables = {}
    offset = 0
    for key, entry in zip(ARRAYS, layout, strict=True):
        if not isinstance(entry, list) or len(entry) != 4 or tuple(entry[:2]) != key:
            raise BadCache("unexpected tables")
        typecode, count = entry[2], entry[3]
        if typecode not in TYPECODES or type(count) is not int or count < 0:
            raise BadCache("unexpected table type")
        values = array(typecode)
        if values.itemsize != TYPECODES[typecode]:
            raise BadCache("another machine's sizes")
        end = offset + count * values.itemsize
        if end > len(payload):
            raise BadCache("cut short")
        values.frombytes(payload[offset:end])
        found[key] = values
        offset = end
    if offset != len(payload):
        raise BadCache("trailing bytes")
    return found


def _pair(found: Tables, name: str, a: str, b: str) -> tuple[array[Any], array[Any]]:
    first, second = found[name, a], found[name, b]
    if len(first) != len(second):
        raise BadCache(f"{name} out of step")
    return first, second


def _glyph_to_char(found: Tables) -> dict[int, list[int]]:
    flat = found["glyphToChar", "values"].tolist()
    out: dict[int, list[int]] = {}
    at = 0
    keys, counts = (found["glyphToChar", p].tolist() for p in ("keys", "counts"))
    for glyph, n in zip(keys, counts, strict=True):
        out[glyph] = flat[at : at + n]
        at += n
    return out


def _hmetrics(found: Tables) -> Metrics:
    return Metrics(found["hmetrics", "advances"], found["hmetrics", "bearings"])


# Built when first read (see _Face), from tables whose sizes decode() has checked.
LATER = {
    "glyphToChar": _glyph_to_char,
    "hmetrics": _hmetrics,
    "glyphPos": lambda found: found["glyphPos", "values"].tolist(),
}


@dataclass(frozen=True)
class Cached:
    eager: dict[str, Any]  # set on the face at once
    later: Tables  # the arrays of LATER's attributes


def _tables(found: Tables, info: dict[str, Any]) -> Cached:
    keys, counts = _pair(found, "glyphToChar", "keys", "counts")
    if sum(counts) != len(found["glyphToChar", "values"]):
        raise BadCache("glyphToChar out of step")
    _pair(found, "hmetrics", "advances", "bearings")
    if len(found["glyphPos", "values"]) != info["numGlyphs"] + 1:
        raise BadCache("glyph positions do not fit the glyph count")
    eager = {
        **info,
        "charToGlyph": Lookup(*_pair(found, "charToGlyph", "keys", "values")),
        "charWidths": Lookup(*_pair(found, "charWidths", "keys", "values")),
    }
    return Cached(eager, found)
