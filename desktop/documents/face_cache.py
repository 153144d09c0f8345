"""Parsed TrueType faces kept in the user's cache folder, so that a cold command does not parse
the same fonts again: reportlab reads a CJK font's cmap and metrics glyph by glyph in Python,
about 0.27 s of CPU for the five shipped fonts, a fifth of a cold `duban notice circular`
(issue 11), and a font file always parses the same.

The cache holds data only, never pickle: a JSON header and flat arrays of integers and floats,
read back into exactly the attributes reportlab's ``extractInfo`` sets, each checked for its
type, so a forged file can at worst give wrong widths, never run code. A file counts only when
its format version, reportlab's version and the font file's SHA-256 all match (the same bytes
then serve reportlab's subsets, so nothing reads it twice). Anything else (missing, damaged,
stale, forged) is parsed from the font again and rewritten.

Hashing the five fonts' 31 MB cost every cold command ~0.04 s of CPU (issue 11), so the digest
is recorded beside the cache with the file's path, size, mtime_ns, ctime_ns and inode, and the
file is hashed again only when one of those changes. The fonts are unpacked once into the cache
folder and hash-checked there (shipped_fonts.py; the self-test hashes them again), and a file
rewritten in place gets a new ctime however its mtime is set back.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, BinaryIO, overload
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

log = logging.getLogger(__name__)

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


def cache_folder() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("duban", appauthor=False)) / "font-faces"


def load_font(name: str, path: str, index: int = 0) -> TTFont:
    """reportlab's TTFont for the file, its face from the cache when the cache vouches for it."""
    handle = open(path, "rb")  # noqa: SIM115 - kept open: the face reads from it (FileBytes)
    try:
        seen = _identity(path, os.fstat(handle.fileno()))  # of the very file that is read
        digest = _known_digest(seen)
        if digest is None:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
            _remember(seen, digest)
        target = cache_folder() / f"{digest}-{index}-{FORMAT}.face"  # formats side by side
        info = None
        try:
            info = decode(target.read_bytes(), digest, index)
        except FileNotFoundError:
            pass
        except (OSError, BadCache) as exc:
            log.info("font cache %s not used: %s", target, exc)
        if info is None:  # parsing reads the whole file, table by table: read it at once
            handle.seek(0)
            data: bytes | FileBytes = handle.read()
            handle.close()
        else:
            data = FileBytes(handle, seen["size"])
        face = _Face(path, data, index, info)
    except BaseException:
        handle.close()
        raise
    if info is None:
        _store(target, face, digest, index)
    return _font(name, face)


def _identity(path: str, stat: os.stat_result) -> dict[str, Any]:
    return {"format": FORMAT, "path": path, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
            "ctime_ns": stat.st_ctime_ns, "inode": stat.st_ino, "device": stat.st_dev}  # fmt: skip


def _digest_file(path: str) -> Path:
    """Where a font file's recorded digest is kept: one small JSON file per path."""
    return cache_folder() / f"{hashlib.sha256(os.fsencode(path)).hexdigest()[:32]}.file"


def _known_digest(seen: dict[str, Any]) -> str | None:
    """The SHA-256 recorded for this file when it had exactly this identity, else None."""
    try:
        recorded = json.loads(_digest_file(seen["path"]).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or set(recorded) != {*seen, "sha256"}:
        return None
    digest = recorded["sha256"]
    if any(recorded[key] != value for key, value in seen.items()) or not _is_hex(digest):
        return None
    return str(digest)


def _is_hex(digest: Any) -> bool:
    return isinstance(digest, str) and len(digest) == 64 and set(digest) <= set("0123456789abcdef")


def _remember(seen: dict[str, Any], digest: str) -> None:
    """Record the digest for the file's identity (best effort, like the cache itself)."""
    _write(_digest_file(seen["path"]), json.dumps({**seen, "sha256": digest}).encode("utf-8"))


class FileBytes:
    """A font file as reportlab reads its ``_ttf_data`` (slices and single bytes), read from the
    open file where it is sliced: a face from the cache reads a few tables and the glyphs a
    subset needs, not the whole file (the five shipped fonts are 31 MB, ~0.03 s of a cold
    command's CPU to read, issue 11). A file cut short since gives short reads, so reportlab's
    own errors, never a crash (as an mmap would give)."""

    def __init__(self, handle: BinaryIO, size: int, start: int = 0) -> None:
        self._handle, self._fd, self._size, self._start = handle, handle.fileno(), size, start

    def window(self, start: int, size: int) -> FileBytes:
        """``size`` bytes from ``start`` on, read where sliced as the whole is."""
        size = max(0, min(size, self._size - start))
        return FileBytes(self._handle, size, self._start + start)

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> bytes: ...
    def __getitem__(self, index: int | slice) -> int | bytes:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._size)
            if step != 1:
                raise ValueError("a font file is read forwards")
            return os.pread(self._fd, max(0, stop - start), self._start + start)
        at = index + self._size if index < 0 else index
        byte = os.pread(self._fd, 1, self._start + at) if 0 <= at < self._size else b""
        if not byte:
            raise IndexError(index)
        return byte[0]

    def __bytes__(self) -> bytes:
        return self[:]


class _Face(TTFontFace):
    """A TTFontFace over bytes already read, its extractInfo answered from the cache if given.

    The tables reportlab reads only to make a subset (glyphPos, hmetrics) or never after parsing
    (glyphToChar) are made when first read, hmetrics as a sequence over its arrays: a render
    needs charWidths and charToGlyph at once, the others for a few glyphs at the end, if at
    all."""

    def __init__(self, path: str, data: bytes | FileBytes, index: int, info: Cached | None) -> None:
        self._ttf_data = data  # readFile then keeps it (and reads nothing)
        self.filename = path
        self._cached = info
        super().__init__(path, validate=0, subfontIndex=index)
        del self._cached

    def extractInfo(self, charInfo: int = 1) -> None:  # noqa: N802 - reportlab's name
        if self._cached is None:
            super().extractInfo(charInfo)
            return
        self.__dict__.update(self._cached.eager)
        self._pdfScale = _scale(self.unitsPerEm)
        self._later = self._cached.later

    def get_table(self, tag: str) -> Any:
        """A table's bytes; the glyf table of a face over its file as a window on the file:
        makeSubset slices the few glyphs it needs from it, where reading it whole cost a
        cold circular ~0.015 s of CPU for its 7 subsets (2.7-13 MB each, issue 11)."""
        data = self._ttf_data
        if tag != "glyf" or not isinstance(data, FileBytes):
            return super().get_table(tag)
        return data.window(*self.get_table_pos(tag))

    def __getattr__(self, name: str) -> Any:
        later = self.__dict__.get("_later")
        if later is None or name not in LATER:
            raise AttributeError(name)
        value = LATER[name](later)
        setattr(self, name, value)
        return value


def _scale(units_per_em: int) -> Any:
    """reportlab's own scale (extractInfo): font units to 1/1000 em, unchanged at 1000."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


class _Font(TTFont):
    """reportlab's TTFont, its widths' entries made before its C stringWidth reads them."""

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:  # noqa: N802
        widths = self.face.charWidths
        if isinstance(widths, Lookup):
            widths.want(text if isinstance(text, str) else text.decode(encoding))
        return float(TTFont.stringWidth(self, text, size, encoding))


def _font(name: str, face: TTFontFace) -> TTFont:
    """What TTFont.__init__ makes, around a face made here (test_doc_face_cache holds the two
    equal, so that a reportlab upgrade that changes it fails a test, not a print)."""
    font = TTFont.__new__(_Font)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font


# --- the file ---------------------------------------------------------------------------------


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


class Metrics(Sequence[tuple[int, int]]):
    """hmetrics as reportlab reads it, (advance, left side bearing) by glyph index, over the two
    arrays: makeSubset looks up a few hundred glyphs, so no tuple is made for the other 30,000."""

    def __init__(self, advances: array[Any], bearings: array[Any]) -> None:
        self._advances, self._bearings = advances, bearings

    def __len__(self) -> int:
        return len(self._advances)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(index, slice):
            return list(zip(self._advances[index], self._bearings[index], strict=True))
        return self._advances[index], self._bearings[index]


def _hmetrics(found: Tables) -> Metrics:
    return Metrics(found["hmetrics", "advances"], found["hmetrics", "bearings"])


class Lookup(dict[int, Any]):
    """charToGlyph or charWidths over its two arrays (keys ascending): an entry is made when a
    character is first looked up, and the whole dict only when something reads it whole.
    Making the five fonts' dicts at once cost a cold command ~0.02 s of CPU (issue 11) for the
    few hundred characters a document uses. reportlab's C stringWidth reads the dict's own
    entries (PyDict_GetItem, no __missing__), so _Font.stringWidth looks its text up first."""

    def __init__(self, keys: array[Any], values: array[Any]) -> None:
        super().__init__()
        self._keys, self._values, self._whole = keys, values, False

    def _find(self, key: Any) -> Any:
        if type(key) is int and not self._whole:
            at = bisect_left(self._keys, key)
            if at < len(self._keys) and self._keys[at] == key:
                value = self._values[at]
                dict.__setitem__(self, key, value)
                return value
        raise KeyError(key)

    def want(self, text: str) -> None:
        """Make the entries of the characters in ``text`` (those the font has)."""
        for ch in text:
            code = ord(ch)
            if not dict.__contains__(self, code):
                with suppress(KeyError):
                    self._find(code)

    def whole(self) -> Lookup:
        """Every entry made (those set since win over the arrays'); the arrays let go."""
        if not self._whole:
            made = dict(zip(self._keys, self._values, strict=True))
            made.update(dict.items(self))
            dict.clear(self)
            dict.update(self, made)
            self._whole = True
        return self

    def __bool__(self) -> bool:  # reportlab asks `if charToGlyph:` of every new PDF's font
        return bool(len(self._keys)) or dict.__len__(self) > 0

    def __missing__(self, key: Any) -> Any:
        return self._find(key)

    def __contains__(self, key: object) -> bool:
        if dict.__contains__(self, key):
            return True
        try:
            self._find(key)
        except KeyError:
            return False
        return True

    def get(self, key: Any, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[key]
        except KeyError:
            return default

    def setdefault(self, key: Any, default: Any = None) -> Any:  # type: ignore[override]
        if key in self:
            return self[key]
        self[key] = default
        return default


def _whole(name: str) -> Any:
    method = getattr(dict, name)

    def whole(self: Lookup, *args: Any, **kwargs: Any) -> Any:
        return method(self.whole(), *args, **kwargs)

    whole.__name__ = name
    return whole


# What reads the dict whole (or removes from it) sees every entry.
for _name in ("__iter__", "__len__", "__reversed__", "__eq__", "__ne__", "__repr__", "__or__",
              "__ror__", "__delitem__", "keys", "values", "items", "copy", "pop", "popitem"):  # fmt: skip
    setattr(Lookup, _name, _whole(_name))


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


def _store(target: Path, face: TTFontFace, digest: str, index: int) -> None:
    """Write the cache beside nothing else: a temporary name, then renamed (best effort)."""
    try:
        blob = encode(face, digest, index)
    except (BadCache, OverflowError) as exc:
        log.info("font cache %s not written: %s", target, exc)
        return
    _write(target, blob)


def _write(target: Path, blob: bytes) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f"{target.name}.{os.getpid()}.part")
        temp.write_bytes(blob)
        os.replace(temp, target)
    except OSError as exc:
        log.info("font cache %s not written: %s", target, exc)
