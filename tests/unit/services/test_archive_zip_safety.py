"""Malicious ZIPs are refused before anything is trusted: '..', absolute paths, links, bombs."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest

from desktop.services.archive import open_view, verify_package
from desktop.services.archive.reader import Limits, UnsafePackage, ZipReader, check_name


def _zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            z.writestr(info, data)
    return path


def _safety(path: Path) -> str:
    report = verify_package(path)
    assert not report.ok
    return " ".join(report.findings["安全性"])


@pytest.mark.parametrize(
    "name",
    [
        "pkg/../../evil.txt",
        "../evil.txt",
        "/etc/cron.d/evil",
        "C:/Windows/evil.txt",
        "pkg\\..\\evil",
    ],
)
def test_paths_leaving_the_package_are_refused(tmp_path: Path, name: str) -> None:
    bad = _zip(tmp_path / "bad.zip", [("pkg/manifest.sha256", b""), (name, b"x")])
    assert "拒绝" in _safety(bad)
    with pytest.raises(UnsafePackage):
        open_view(bad)
    assert not (tmp_path / "evil.txt").exists()


def test_a_symlink_entry_is_refused(tmp_path: Path) -> None:
    link = zipfile.ZipInfo("pkg/data/passwd.csv")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = _zip(tmp_path / "link.zip", [("pkg/metadata.xml", b"<a/>"), (link, b"/etc/passwd")])
    assert "链接" in _safety(bad)


def test_a_zip_bomb_is_refused_by_counting_inflated_bytes(tmp_path: Path) -> None:
    bad = _zip(tmp_path / "bomb.zip", [("pkg/data/zeros.csv", b"\0" * (20 * 1024 * 1024))])
    assert bad.stat().st_size < 100_000
    assert "压缩" in _safety(bad)


def test_header_sizes_are_not_trusted(tmp_path: Path) -> None:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as z:
        z.writestr("pkg/a.txt", b"A" * 5000)
    reader = ZipReader(io.BytesIO(raw.getvalue()), Limits(entry=1000))
    with pytest.raises(UnsafePackage, match="过大"):
        reader.read("a.txt")


def test_too_many_entries_and_duplicates(tmp_path: Path) -> None:
    many = _zip(tmp_path / "many.zip", [(f"pkg/{n}.txt", b"") for n in range(60)])
    with pytest.raises(UnsafePackage, match="条目超过"):
        ZipReader(many, Limits(entries=50))
    with zipfile.ZipFile(tmp_path / "dup.zip", "w") as z:
        z.writestr("pkg/a.txt", b"1")
        with pytest.warns(UserWarning):
            z.writestr("pkg/a.txt", b"2")
    assert "两次" in _safety(tmp_path / "dup.zip")


def test_not_a_zip_and_a_missing_path(tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    assert "不是可读的 ZIP" in _safety(junk)
    assert "找不到" in _safety(tmp_path / "nothing-here")


def test_check_name_accepts_ordinary_chinese_paths() -> None:
    assert check_name("items/J001-WS·2026-D30-PAB-0001/正文.pdf").endswith("正文.pdf")
