"""Parsed font faces cached on disk (desktop/documents/face_cache.py): the same face as
reportlab's own parse, the same PDF bytes, and a cache file that is not this version's own for
this very font (damaged, stale, forged, a pickle) is never used and never runs."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from desktop.documents import face_cache
from desktop.documents.fonts import SHIPPED, SHIPPED_DIR

ROOT = Path(__file__).resolve().parents[3]
FONTS = [SHIPPED_DIR / file for file, _name in SHIPPED.values()]
SMALL = SHIPPED_DIR / "xiaobiaosong.ttf"  # the smallest shipped font: quick to parse


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "faces"
    monkeypatch.setattr(face_cache, "cache_folder", lambda: folder)
    return folder


def _attributes(obj: object, skip: set[str]) -> dict[str, object]:
    return {k: v for k, v in vars(obj).items() if k not in skip}


# a function, a read position, the lazy tables, the file read where sliced (compared below)
FACE_OWN = {"_pdfScale", "_pos", "_later", "_ttf_data"}


@pytest.mark.parametrize("path", FONTS, ids=[p.stem for p in FONTS])
def test_a_cached_face_is_reportlabs_own_parse(cache: Path, path: Path) -> None:
    parsed = TTFont("reference", str(path))
    face_cache.load_font("cached", str(path))  # parses and writes the cache
    assert len(list(cache.glob("*.face"))) == 1
    cached = face_cache.load_font("reference", str(path))
    assert isinstance(cached.face._later, dict)  # served from the file, not parsed again
    for lazy in face_cache.LATER:
        getattr(cached.face, lazy)
    metrics = cached.face.hmetrics
    assert isinstance(metrics, face_cache.Metrics)  # what makeSubset indexes, tuple by tuple
    assert metrics[5] == parsed.face.hmetrics[5] and metrics[-1] == parsed.face.hmetrics[-1]
    assert metrics[2:9] == parsed.face.hmetrics[2:9]
    cached.face.hmetrics = list(metrics)
    mine, theirs = _attributes(cached.face, FACE_OWN), _attributes(parsed.face, FACE_OWN)
    assert mine.keys() == theirs.keys()
    for key in ("charToGlyph", "charWidths"):  # entries made as asked for, then all of them
        lookup, expected = mine[key], theirs[key]
        assert isinstance(lookup, face_cache.Lookup) and isinstance(expected, dict)
        assert lookup[0x4E2D] == expected[0x4E2D]
        assert 0x4E00 in lookup and lookup.get(0x10FFFF) is None and 0x10FFFF not in lookup
        assert len(lookup) == len(expected) and dict(lookup) == expected, key
        mine[key] = dict(lookup)
    for key, value in theirs.items():
        assert mine[key] == value and type(mine[key]) is type(value), key
    assert cached.face._pdfScale(517) == parsed.face._pdfScale(517)
    data = cached.face._ttf_data
    assert isinstance(data, face_cache.FileBytes)  # not read whole from a cached face
    assert len(data) == len(parsed.face._ttf_data) and bytes(data) == parsed.face._ttf_data
    assert data[5] == parsed.face._ttf_data[5] and data[-1] == parsed.face._ttf_data[-1]
    glyf, whole = cached.face.get_table("glyf"), parsed.face.get_table("glyf")
    assert isinstance(glyf, face_cache.FileBytes)  # makeSubset slices glyphs from the file
    assert len(glyf) == len(whole) and glyf[100:300] == whole[100:300] and glyf[-1] == whole[-1]
    assert cached.face.get_table("name") == parsed.face.get_table("name")
    skip = {"face", "state", "encoding"}
    assert _attributes(cached, skip) == _attributes(parsed, skip)
    for text in ("中a", "（一）2026"):  # widths read by reportlab's C code, entries made first
        fresh = face_cache.load_font("fresh", str(path))
        assert fresh.stringWidth(text, 16) == parsed.stringWidth(text, 16), text


def _forged(blob: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    start = len(face_cache.MAGIC) + 4
    size = int.from_bytes(blob[len(face_cache.MAGIC) : start], "big")
    header = json.loads(blob[start : start + size])
    change(header)
    text = json.dumps(header).encode()
    return face_cache.MAGIC + len(text).to_bytes(4, "big") + text + blob[start + size :]


class _Boom:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, ("touch boom",))


def _set_scalar(key: str, value: object):  # type: ignore[no-untyped-def]
    return lambda header: header["scalars"].__setitem__(key, value)


FORGERIES = {
    "garbage": lambda good: b"not a cache at all",
    "a pickle": lambda good: pickle.dumps(_Boom()),
    "cut short": lambda good: good[: len(good) - 100],
    "another font": lambda good: _forged(good, lambda h: h.__setitem__("sha256", "0" * 64)),
    "older format": lambda good: _forged(good, lambda h: h.__setitem__("format", 0)),
    "an object": lambda good: _forged(good, _set_scalar("ascent", {"__class__": "os.system"})),
    "a missing attribute": lambda good: _forged(good, lambda h: h["scalars"].pop("ascent")),
    "an extra attribute": lambda good: _forged(good, _set_scalar("makeSubset", 1)),
    "a glyph count off": lambda good: _forged(good, _set_scalar("numGlyphs", 3)),
}


@pytest.mark.parametrize("forgery", FORGERIES, ids=list(FORGERIES))
def test_a_cache_file_not_made_for_this_font_is_parsed_again(
    cache: Path, forgery: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    face_cache.load_font("first", str(SMALL))
    (target,) = cache.glob("*.face")
    good = target.read_bytes()
    target.write_bytes(FORGERIES[forgery](good))
    font = face_cache.load_font("again", str(SMALL))
    assert "_later" not in vars(font.face)  # parsed from the font, not taken from the file
    assert font.face.charWidths == TTFont("reference", str(SMALL)).face.charWidths
    assert target.read_bytes() == good  # written again, as it was
    assert not (tmp_path / "boom").exists()


def test_without_a_writable_cache_folder_the_font_still_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setattr(face_cache, "cache_folder", lambda: blocker / "faces")
    font = face_cache.load_font("nowhere", str(SMALL))
    assert font.face.name == TTFont("reference", str(SMALL)).face.name


RENDER = """
import sys
from pathlib import Path
from reportlab import rl_config
rl_config.invariant = 1  # no dates or random ids: two runs give the same bytes
from desktop.documents import FontSet, face_cache, render_pdf
face_cache.cache_folder = lambda: Path(sys.argv[1])
from desktop.documents.samples import sample_with_attachments
sys.stdout.buffer.write(render_pdf(sample_with_attachments(), FontSet.shipped()).pdf)
"""


def test_the_pdf_is_the_same_byte_for_byte_from_the_cache(tmp_path: Path) -> None:
    """A fresh process parsing the fonts (and filling the cache), then one reading the cache:
    the same PDF, every shipped font embedded (its subset in a FontFile2 stream)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    folder = tmp_path / "faces"

    def render() -> bytes:
        done = subprocess.run(
            [sys.executable, "-c", RENDER, str(folder)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout

    parsed = render()
    faces = list(folder.glob("*.face"))
    assert len(faces) == len(FONTS)
    cached = render()
    assert cached == parsed
    assert cached.count(b"/FontFile2") >= 4 and b"/FontDescriptor" in cached


def _unhashed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make hashing a whole font file fail the test (a path's short name is still hashed)."""
    real = face_cache.hashlib.sha256

    def sha256(data: bytes = b"") -> object:
        assert len(data) < 10_000, "the font file was hashed again"
        return real(data)

    monkeypatch.setattr(face_cache.hashlib, "sha256", sha256)


def test_an_unchanged_font_file_is_not_hashed_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    face_cache.load_font("first", str(SMALL))
    assert len(list(cache.glob("*.file"))) == 1  # its digest, recorded with its identity
    _unhashed(monkeypatch)
    font = face_cache.load_font("again", str(SMALL))
    assert "_later" in vars(font.face)  # from the cache, found by the recorded digest


@pytest.mark.parametrize("change", ["size", "same size, mtime set back"])
def test_a_font_file_changed_at_the_same_path_is_hashed_again(
    cache: Path, tmp_path: Path, change: str
) -> None:
    font_file = tmp_path / "font.ttf"
    data = SMALL.read_bytes()
    font_file.write_bytes(data)
    face_cache.load_font("first", str(font_file))
    before = font_file.stat()
    if change == "size":
        font_file.write_bytes(data + b"\0\0\0\0")
    else:
        with font_file.open("r+b") as handle:  # in place: the same inode
            handle.seek(len(data) - 1)
            handle.write(bytes([data[-1] ^ 1]))
        os.utime(font_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    font = face_cache.load_font("again", str(font_file))
    assert "_later" not in vars(font.face)  # a new digest: parsed, not the old file's cache
    assert len(list(cache.glob("*.face"))) == 2
