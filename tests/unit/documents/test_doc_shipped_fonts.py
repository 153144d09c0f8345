"""The bundle's fonts ship xz-compressed and are unpacked once per user: whole and checked, or
refused with a message the clerk can act on; documents drawn from them embed the same faces."""

from __future__ import annotations

import errno
import io
import lzma
import os
from pathlib import Path
from typing import Any

import pypdf
import pytest

from desktop.documents import FontRole, FontSet, render_pdf, shipped_fonts
from desktop.documents.samples import sample_document
from desktop.documents.shipped_fonts import FontUnpackError, pack, shipped_font


@pytest.fixture
def packed(tmp_path: Path) -> Path:
    """A bundle's fonts folder made by build.spec's packing, from two made-up font files."""
    source = tmp_path / "source"
    source.mkdir()
    (source / "fangsong.ttf").write_bytes(b"\x00\x01\x00\x00" + os.urandom(200_000))
    (source / "heiti.ttf").write_bytes(b"\x00\x01\x00\x00" + bytes(300_000))
    (source / "build_fonts.py").write_text("# not a font\n")
    out = tmp_path / "bundle" / "resources" / "fonts"
    shipped = pack(source, out, cache=tmp_path / "build-cache", preset=0)
    assert sorted(p.name for p in shipped) == ["fangsong.ttf.xz", "fonts.sha256", "heiti.ttf.xz"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in shipped)
    return out


def test_a_font_is_unpacked_once_into_the_cache_with_its_own_bytes(packed, tmp_path):
    cache = tmp_path / "cache"
    font = shipped_font("fangsong.ttf", packed, cache)
    assert font.parent.parent == cache and font.name == "fangsong.ttf"
    assert font.read_bytes() == (tmp_path / "source" / "fangsong.ttf").read_bytes()
    stamp = font.stat().st_mtime_ns
    assert shipped_font("fangsong.ttf", packed, cache) == font
    assert font.stat().st_mtime_ns == stamp  # used as it is, not written again
    assert [p.name for p in font.parent.iterdir()] == ["fangsong.ttf"]  # no temporary left
    names = [p.name for p in shipped_fonts.shipped_fonts(packed, cache)]
    assert names == ["fangsong.ttf", "heiti.ttf"]


def test_a_damaged_compressed_font_is_refused_and_nothing_is_left(packed, tmp_path):
    xz = packed / "fangsong.ttf.xz"
    data = bytearray(xz.read_bytes())
    data[len(data) // 2] ^= 0xFF
    xz.write_bytes(bytes(data))
    cache = tmp_path / "cache"
    with pytest.raises(FontUnpackError, match="fangsong.ttf 已损坏.*请重新安装督办台"):
        shipped_font("fangsong.ttf", packed, cache)
    assert not any(p.is_file() for p in cache.rglob("*"))


def test_a_font_that_decompresses_to_other_bytes_is_refused(packed, tmp_path):
    (packed / "fangsong.ttf.xz").write_bytes(lzma.compress(b"\x00\x01\x00\x00 another font"))
    with pytest.raises(FontUnpackError, match="校验值不符"):
        shipped_font("fangsong.ttf", packed, tmp_path / "cache")
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))


def test_a_cache_file_changed_since_is_found_by_verify_and_unpacked_anew(packed, tmp_path):
    cache = tmp_path / "cache"
    font = shipped_font("heiti.ttf", packed, cache)
    good = font.read_bytes()
    font.write_bytes(b"X" * len(good))  # same size: only the hash tells
    assert shipped_font("heiti.ttf", packed, cache).read_bytes() != good  # start: size only
    assert shipped_font("heiti.ttf", packed, cache, verify=True).read_bytes() == good
    font.write_bytes(good[:100])  # cut short: any use notices
    assert shipped_font("heiti.ttf", packed, cache).read_bytes() == good


@pytest.mark.parametrize(
    ("code", "said"),
    [(errno.ENOSPC, "磁盘空间不足"), (errno.EROFS, "磁盘只读"), (errno.EACCES, "没有写入权限")],
)
def test_a_full_or_read_only_disk_says_so_in_chinese(packed, tmp_path, monkeypatch, code, said):
    def refuse(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(shipped_fonts.os, "fsync", refuse)
    cache = tmp_path / "cache"
    with pytest.raises(FontUnpackError) as caught:
        shipped_font("heiti.ttf", packed, cache)
    assert str(caught.value).startswith(f"无法把随程序提供的字体 heiti.ttf 解压到 {cache}")
    assert said in str(caught.value) and "请腾出磁盘空间或让该文件夹可写" in str(caught.value)
    assert not any(p.is_file() for p in cache.rglob("*"))


def test_a_cache_folder_that_cannot_be_made_says_so(packed, tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    with pytest.raises(FontUnpackError, match=f"无法把随程序提供的字体 heiti.ttf 解压到 {blocked}"):
        shipped_font("heiti.ttf", packed, blocked)


def test_a_font_missing_from_the_manifest_is_an_incomplete_install(packed, tmp_path):
    manifest = packed / "fonts.sha256"
    manifest.write_text(manifest.read_text().splitlines()[1] + "\n")  # heiti only
    with pytest.raises(FontUnpackError, match="不在 fonts.sha256 中"):
        shipped_font("fangsong.ttf", packed, tmp_path / "cache")


def test_the_source_tree_uses_its_plain_fonts(tmp_path):
    assert shipped_font("kaiti.ttf", cache=tmp_path) == shipped_fonts.FONT_DIR / "kaiti.ttf"
    assert not any(tmp_path.iterdir())
    assert len(shipped_fonts.shipped_fonts(cache=tmp_path)) == len(FontRole)


def test_documents_drawn_from_unpacked_fonts_embed_the_same_faces(tmp_path, monkeypatch):
    """小标宋 (the smallest role font) from its .xz, the others plain (xz takes a while)."""
    source, bundle = tmp_path / "source", tmp_path / "fonts"
    source.mkdir()
    (source / "xiaobiaosong.ttf").symlink_to(shipped_fonts.FONT_DIR / "xiaobiaosong.ttf")
    pack(source, bundle, preset=0)
    for role in FontRole:
        if role is not FontRole.XIAOBIAOSONG:
            (bundle / f"{role}.ttf").symlink_to(shipped_fonts.FONT_DIR / f"{role}.ttf")
    plain = _embedded(FontSet.shipped())
    monkeypatch.setattr(shipped_fonts, "FONT_DIR", bundle)
    monkeypatch.setattr(shipped_fonts, "cache_root", lambda: tmp_path / "cache")
    unpacked = FontSet.shipped()
    assert unpacked[FontRole.XIAOBIAOSONG].path.is_relative_to(tmp_path / "cache")
    assert _embedded(unpacked) == plain and "NotoSerifCJKsc-Bold" in plain


def _embedded(fonts: FontSet) -> dict[str, bytes]:
    """BaseFont (without the subset tag) -> the embedded subset's bytes, over the document."""
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(sample_document(2), fonts).pdf))
    found = {}
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for entry in resources["/Font"].values():
            font = entry.get_object()
            if font["/Subtype"] == "/Type1":
                continue
            descriptor = font["/FontDescriptor"].get_object()
            name = str(font["/BaseFont"]).split("+")[1]
            found[name] = descriptor["/FontFile2"].get_object().get_data()
    return found
