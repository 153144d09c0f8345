"""Verifiers and importers return a result for every input (issue 20): the crash inputs kept in
tests/fixtures/faults are refused (exit 1), an internal error exits 3 with a reference into
the log, a zip is verified in bounded memory, and OS litter on a stick is named, not failed."""

from __future__ import annotations

import json
import os
import shutil
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from db import chain
from desktop.cli import main
from desktop.services.archive import export_year, seal, verify, verify_package
from desktop.services.archive.metadata import manifest, sha256
from desktop.services.archive.verify import report_manifest_line
from desktop.services.excel import import_reports
from desktop.services.excel.templates import write_templates

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "faults"


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> str:
    copy = tmp_path / "ledger.sqlite3"
    shutil.copy(demo_template, copy)
    return str(copy)


def _no_traceback(captured) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in captured.out + captured.err


def test_a_flipped_byte_in_the_manifest_of_a_zip_is_refused_not_crashed(demo_db, capsys) -> None:
    package = str(FIXTURES / "manifest-flipped.zip")
    report = verify_package(Path(package))
    assert not report.ok and not report.internal
    assert any("manifest.sha256" in m for m in report.failures["readable"])  # 载体可读
    assert main(["archive", "verify", package]) == 1
    _no_traceback(capsys.readouterr())
    assert main(["--database", demo_db, "archive", "import", package, "--dry-run"]) == 1
    out = capsys.readouterr()
    _no_traceback(out)
    assert "未通过" in out.out


def test_1e400_in_a_percent_cell_is_refused_and_the_folder_goes_on(
    demo_db, demo_session, tmp_path, capsys
) -> None:
    folder = tmp_path / "returned"
    folder.mkdir()
    shutil.copy(FIXTURES / "percent-1e400.xlsx", folder / "公安局_2026-11.xlsx")
    [good] = write_templates(demo_session, "2026-11", tmp_path / "t", unit_name="交通局")
    shutil.copy(good.path, folder / good.path.name)
    preview = import_reports.preview_import(demo_session, [folder])
    by_name = {f.name: f for f in preview.files}
    assert by_name["公安局_2026-11.xlsx"].refused and not preview.internal
    assert any("完成百分比" in p for p in by_name["公安局_2026-11.xlsx"].problems)
    assert not by_name[good.path.name].refused  # read and previewed all the same
    for dry in (["--dry-run"], []):
        assert main(["--database", demo_db, "excel", "import", str(folder), *dry]) == 1
        captured = capsys.readouterr()
        _no_traceback(captured)
        assert "完成百分比" in captured.out + captured.err


def test_an_internal_error_exits_3_with_a_reference(demo_db, monkeypatch, capsys, tmp_path):
    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("a bug, not the file's fault")

    package = FIXTURES / "manifest-flipped.zip"
    monkeypatch.setattr(verify, "from_xml", broken)
    assert not verify_package(package).ok
    assert main(["archive", "verify", str(package)]) == 3
    out = capsys.readouterr().out
    assert "内部错误（参考编号" in out and "a bug" not in out
    monkeypatch.setattr(import_reports, "parse_report_file", broken)
    code = main(["--database", demo_db, "excel", "import", str(FIXTURES / "percent-1e400.xlsx")])
    captured = capsys.readouterr()
    assert code == 3 and "参考编号" in captured.out + captured.err
    _no_traceback(captured)


def test_any_escaped_exception_is_exit_3(monkeypatch, capsys) -> None:
    from desktop.cli import archive_cmds

    def broken(*_a: object) -> int:
        raise KeyError("deep inside")

    monkeypatch.setattr(archive_cmds, "cmd_verify", broken)  # any verb, any bug
    code = main(["archive", "verify", str(FIXTURES / "manifest-flipped.zip")])
    captured = capsys.readouterr()
    assert code == 3 and "参考编号" in captured.err and "deep inside" not in captured.err
    _no_traceback(captured)


def test_a_zip_is_verified_in_bounded_memory(tmp_path: Path) -> None:
    """24 MB inflating from about 6 MB: the old reader held every entry whole (1.28 GB for 9.7)."""
    big = tmp_path / "big.zip"
    random = os.urandom(24 * 1024 * 1024)
    letters = random.translate(bytes(b"ACGT"[i & 3] for i in range(256)))
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("pkg/data/big.csv", letters)
        z.writestr("pkg/manifest.sha256", f"{sha256(letters)}  data/big.csv\n")
    del random, letters
    tracemalloc.start()
    try:
        report = verify_package(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.files == 2 and not report.internal
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


@pytest.fixture
def package(demo_session, clerk, tmp_path: Path) -> Path:
    stick = tmp_path / "stick"
    stick.mkdir()
    from desktop.services import auth

    return export_year(demo_session, auth.system_actor("测试"), 2026, stick).path


def test_the_manifest_covers_report_txt(package: Path) -> None:
    listed = (package / "manifest.sha256").read_text("utf-8")
    assert "  REPORT.txt\n" in listed and "  manifest.sha256" not in listed
    assert verify_package(package).ok
    report = package / "REPORT.txt"
    text = report.read_text("utf-8")
    report.write_text(text.replace("件数 ", "件数 9", 1), "utf-8")  # its 件数 line edited
    found = verify_package(package)
    assert not found.ok and any("REPORT.txt" in m for m in found.findings["真实性"])


def test_an_older_package_without_report_in_the_manifest_still_verifies(package: Path) -> None:
    files = {
        p.relative_to(package).as_posix(): p.read_bytes()
        for p in package.rglob("*")
        if p.is_file() and p.name not in ("manifest.sha256", "REPORT.txt", seal.SEAL)
    }
    old_manifest = manifest(files)
    (package / "manifest.sha256").write_bytes(old_manifest)
    uid = json.loads((package / seal.SEAL).read_text())["ledger"]  # sealed here, as it was
    (package / seal.SEAL).write_bytes(seal.make(old_manifest, uid, chain.load_key(uid) or b""))
    (package / "REPORT.txt").write_text(
        "旧版自检报告\n" + report_manifest_line(sha256(old_manifest))
    )
    found = verify_package(package)
    assert found.ok, found.text()
    assert "未受校验保护" in found.text()


LITTER = [".DS_Store", "Thumbs.db", "desktop.ini", "._正文.pdf", "__MACOSX/._REPORT.txt"]


def test_os_litter_on_a_stick_is_named_and_ignored(package: Path, demo_db, tmp_path, capsys):
    item = next((package / "电子档案" / "2026" / "文书").iterdir())
    for name in LITTER:
        target = package / name if "/" in name or name != "._正文.pdf" else item / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"\x00\x05\x16\x07 litter")
    found = verify_package(package)
    assert found.ok, found.text()
    assert len(found.litter) == len(LITTER) and "已忽略系统留下的文件 5 个" in found.text()
    into = tmp_path / "received"
    code = main(["--database", demo_db, "archive", "import", str(package), "--to", str(into)])
    assert code in (0, 1)  # the demo ledger may already hold these notices
    _no_traceback(capsys.readouterr())
