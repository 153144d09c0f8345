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
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from .face_file import FORMAT, LATER, MAGIC, BadCache, Cached, decode, encode
from .face_tables import FileBytes, Lookup, Metrics

__all__ = ["MAGIC", "LATER", "FileBytes", "Lookup", "Metrics", "cache_folder", "load_font"]

log = logging.getLogger(__name__)


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
