"""Every way of breaking a package is caught: a flipped byte, a missing file, an extra file …"""
# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from archive_fixtures import docs_session  # noqa: F401

from desktop.services.archive import export_year, verify_package


@pytest.fixture
def package(docs_session, admin, tmp_path: Path) -> Path:
    stick = tmp_path / "stick"
    stick.mkdir()
    return export_year(docs_session, admin, 2026, stick).path


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _failed(package: Path) -> dict[str, list[str]]:
    report = verify_package(package)
    assert not report.ok
    assert "未通过" in report.summary()
    return {k: v for k, v in report.findings.items() if v}


def test_a_flipped_byte_in_a_pdf(package: Path) -> None:
    pdf = next(package.glob("电子档案/*/*/*/*正文.pdf"))
    _flip(pdf, len(pdf.read_bytes()) // 2)
    found = _failed(package)
    assert any(pdf.name in m for m in found["真实性"])


def test_a_flipped_byte_in_the_data_and_the_catalogue(package: Path) -> None:
    _flip(package / "data" / "task.csv", 50)
    _flip(package / "catalogue.xlsx", 100)
    messages = " ".join(_failed(package)["真实性"])
    assert "data/task.csv" in messages and "catalogue.xlsx" in messages


def test_a_missing_file(package: Path) -> None:
    victim = next(package.glob("电子档案/*/*/*/*附件1*"))
    victim.unlink()
    found = _failed(package)
    assert any("缺少" in m and victim.name in m for m in found["完整性"])


def test_an_extra_file(package: Path) -> None:
    (package / "电子档案" / "notes.txt").write_text("hello")
    (package / "data" / "extra.csv").write_text("a,b\n")
    messages = " ".join(_failed(package)["安全性"])
    assert "电子档案/notes.txt" in messages and "data/extra.csv" in messages


def test_an_item_removed_consistently_still_leaves_a_gap(package: Path) -> None:
    # Remove item 0003 from disk, the manifest and the metadata: the numbering shows the hole.
    code = next(
        p.name
        for p in (package / "电子档案" / "2026" / "文书").iterdir()
        if p.name.endswith("-0003")
    )
    shutil.rmtree(package / "电子档案" / "2026" / "文书" / code)
    manifest = package / "manifest.sha256"
    manifest.write_text("".join(x for x in manifest.read_text().splitlines(True) if code not in x))
    meta = package / "metadata.xml"
    meta.write_text(
        re.sub(rf'<item seq="3" code="{code}">.*?</item>\s*', "", meta.read_text(), flags=re.S)
    )
    found = _failed(package)
    assert any("0003 缺失" in m for m in found["完整性"])


def test_metadata_that_lies_about_a_file(package: Path) -> None:
    meta = package / "metadata.xml"
    meta.write_text(meta.read_text().replace('pages="1"', 'pages="7"', 1))
    found = _failed(package)  # the manifest catches the edit, and the page count is checked too
    assert any("metadata.xml" in m for m in found["真实性"])
    assert any("元数据记载 7 页" in m for m in found["真实性"])


def test_missing_manifest_and_a_foreign_report(package: Path) -> None:
    (package / "REPORT.txt").write_text("manifest.sha256 的 SHA-256：" + "0" * 64)
    assert any("REPORT.txt" in m for m in _failed(package)["真实性"])
    (package / "manifest.sha256").unlink()
    assert any("manifest.sha256" in m for m in _failed(package)["完整性"])


def test_a_disallowed_format_and_a_broken_pdf(package: Path, tmp_path: Path) -> None:
    (package / "电子档案" / "run.exe").write_bytes(b"MZ")
    pdf = next(package.glob("电子档案/*/*/*/*正文.pdf"))
    pdf.write_bytes(pdf.read_bytes()[:200])  # truncated
    found = _failed(package)
    assert any("run.exe" in m for m in found["可用性"])
    assert any(pdf.name in m for m in found["可用性"])


def test_a_flipped_byte_inside_a_zip(docs_session, admin, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    path = export_year(docs_session, admin, 2026, stick, as_zip=True).path
    with zipfile.ZipFile(path) as z:
        info = next(i for i in z.infolist() if i.filename.endswith("正文.pdf"))
        offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 10
    _flip(path, offset)
    assert not verify_package(path).ok


def test_a_symlink_inside_a_package_folder_is_refused(package: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    (package / "data" / "link.csv").symlink_to(secret)
    found = _failed(package)
    assert any("链接" in m for m in found["安全性"])
