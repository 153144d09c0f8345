"""A year's package: written, read back, verified here and as a copy elsewhere; 档号 without gaps."""
# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from archive_fixtures import docs_session, issue_documents, package_files  # noqa: F401
from sqlalchemy import text

from desktop.services import audit
from desktop.services.archive import (
    build,
    codes,
    export_year,
    open_view,
    package_name,
    reminder,
    verify_package,
)
from desktop.services.errors import DomainError, PermissionDenied


def test_folder_round_trip_verifies_here_and_on_a_copy(docs_session, admin, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    result = export_year(docs_session, admin, 2026, stick)
    assert result.path == stick / package_name("J001", 2026)
    assert result.report.ok and result.items == 5
    assert not list(stick.glob("*.未完成"))
    files = package_files(result.path)
    assert {"catalogue.xlsx", "metadata.xml", "manifest.sha256", "REPORT.txt"} <= set(files)
    assert "data/task.csv" in files and "data/user_account.csv" not in files
    # The manifest is what `sha256sum -c` reads on any machine.
    for line in files["manifest.sha256"].decode().splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256(files[name]).hexdigest() == digest
    elsewhere = tmp_path / "other-pc" / result.path.name
    shutil.copytree(result.path, elsewhere)
    report = verify_package(elsewhere)
    assert report.ok, report.text()
    assert report.items == 5 and "校验通过" in report.summary()


def test_items_are_ordered_by_date_with_contiguous_codes(docs_session, admin, tmp_path) -> None:
    built = build(docs_session, 2026)
    items = built.info.items
    assert [i.day for i in items] == sorted(i.day for i in items)
    assert [codes.parse(i.code).number for i in items] == [1, 2, 3, 4, 5]
    assert items[0].code == "J001-WS·2026-D30-PAB-0001"
    first = items[0]
    assert [f.role for f in first.files] == ["正文", "附件"]
    assert all(f.path.startswith(f"电子档案/2026/文书/{first.code}/") for f in first.files)
    book = openpyxl.load_workbook(io.BytesIO(built.files["catalogue.xlsx"]))
    sheet = book["归档文件目录"]
    assert [c.value for c in sheet[2]] == [
        "序号",
        "档号",
        "文号",
        "责任者",
        "题名",
        "日期",
        "密级",
        "页数",
        "备注",
    ]
    assert sheet.cell(row=3, column=2).value == first.code
    assert sheet.cell(row=3, column=6).value == first.day.strftime("%Y%m%d")
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert {"任务", "进度报送", "资金", "督办事项", "约谈"} <= set(book.sheetnames)


def test_zip_round_trip(docs_session, admin, tmp_path: Path) -> None:
    result = export_year(docs_session, admin, 2026, tmp_path, as_zip=True)
    assert result.path.name.endswith("归档包.zip") and result.report.ok
    with zipfile.ZipFile(result.path) as z:
        assert all(n.startswith(package_name("J001", 2026) + "/") for n in z.namelist())
    assert verify_package(result.path).ok
    second = export_year(docs_session, admin, 2026, tmp_path, as_zip=True)
    assert second.path.name.endswith("归档包-2.zip")  # never overwrites


def test_export_is_audited_and_leaves_pc_resets_the_reminder(docs_session, admin, tmp_path) -> None:
    assert reminder(docs_session).due
    export_year(docs_session, admin, 2026, tmp_path, leaves_pc=True)
    entry = audit.recent(docs_session, 1)[0]
    assert entry.action == "offsite_archive" and "5 件" in entry.summary
    later = reminder(docs_session)
    assert not later.due and later.days == 0


def test_leader_may_not_export(docs_session, leader, tmp_path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(PermissionDenied):
        export_year(docs_session, leader, 2026, stick)
    assert list(stick.iterdir()) == []


def test_a_pdf_changed_in_the_ledger_is_refused(docs_session, admin, tmp_path) -> None:
    pdf = docs_session.execute(text("SELECT pdf FROM document WHERE id = 2")).scalar_one()
    docs_session.execute(text("UPDATE document SET pdf = :p WHERE id = 2"), {"p": pdf + b" "})
    docs_session.commit()
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(DomainError, match="校验值不符"):
        export_year(docs_session, admin, 2026, stick)
    assert list(stick.iterdir()) == []


def test_an_empty_year_is_still_a_valid_package(session, admin, tmp_path) -> None:
    result = export_year(session, admin, 2019, tmp_path)
    assert result.items == 0 and verify_package(result.path).ok


def test_browse_a_package_read_only(docs_session, admin, tmp_path) -> None:
    result = export_year(docs_session, admin, 2026, tmp_path, as_zip=True)
    before = result.path.read_bytes()
    view = open_view(result.path)
    try:
        assert len(view.items) == 5
        pdf = view.read(view.items[0].files[0].path)
        assert pdf.startswith(b"%PDF-")
    finally:
        view.close()
    assert result.path.read_bytes() == before


def test_demo_year_goes_onto_a_stick(demo_session, admin, tmp_path) -> None:
    issue_documents(demo_session, 2026, 3)
    result = export_year(demo_session, admin, 2026, tmp_path)
    assert result.report.ok and result.items >= 3
    assert verify_package(result.path).ok
