"""Importing returned report sheets: preview kinds, refusals naming file, sheet and cell, idempotence."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, FundEntry, ProgressReport
from desktop.services.auth import Actor, Role
from desktop.services.errors import ConflictError, PermissionDenied, ValidationError
from desktop.services.excel.import_reports import apply_import, preview_import
from desktop.services.excel.templates import write_templates
from desktop.services.progress import ReportInput, record_report
from desktop.services.tasks import find_task_id

POLICE = "市公安局_2026-11.xlsx"


def fill(
    path: Path, values: dict[str, object], sheet: str = "进度报送", out: Path | None = None
) -> Path:
    book = openpyxl.load_workbook(path)
    for ref, value in values.items():
        book[sheet][ref] = value
    book.save(out or path)
    return out or path


def row_of(path: Path, code: str, sheet: str = "进度报送") -> int:
    ws = openpyxl.load_workbook(path)[sheet]
    return next(r for r in range(5, ws.max_row + 1) if ws[f"A{r}"].value == code)


def snapshot(session) -> tuple:
    return tuple(
        session.scalar(select(func.count()).select_from(m))
        for m in (ProgressReport, FundEntry, AuditEntry)
    )


@pytest.fixture
def clerk() -> Actor:
    return Actor(2, "clerk", "李明", Role.CLERK)  # the demo ledger's clerk


@pytest.fixture
def leader() -> Actor:
    return Actor(3, "leader", "张书记", Role.LEADER)


@pytest.fixture
def out(tmp_path: Path, demo_session) -> Path:
    folder = tmp_path / "stick"
    write_templates(demo_session, "2026-11", folder)
    return folder


def test_untouched_templates_preview_as_unchanged_or_empty(demo_session, out) -> None:
    preview = preview_import(demo_session, [out])
    assert len(preview.files) == 10 and not preview.refused
    assert {r.change for r in preview.rows} == {"unchanged", "skipped"}
    assert not preview.has_changes


def test_changed_percent_and_new_funds_apply_once(demo_session, clerk, out) -> None:
    path = out / POLICE
    row = row_of(path, "02-01")
    before = demo_session.scalar(
        select(ProgressReport.percent).where(
            ProgressReport.task_id == find_task_id(demo_session, "02-01"),
            ProgressReport.period == "2026-11",
        )
    )
    fill(path, {f"D{row}": min(before + 3, 100), f"I{row}": 12.5, f"K{row}": "市财政"})
    preview = preview_import(demo_session, [path])
    changed = [r for r in preview.rows if r.change == "changed"]
    assert len(changed) == 1 and changed[0].code == "02-01"
    assert "到位资金 12.50 万元" in changed[0].detail
    result = apply_import(demo_session, clerk, preview)
    assert result.changed == 1
    report = demo_session.scalar(
        select(ProgressReport).where(
            ProgressReport.task_id == find_task_id(demo_session, "02-01"),
            ProgressReport.period == "2026-11",
        )
    )
    assert report.source_file == POLICE and len(report.source_sha256) == 64
    entry = demo_session.scalar(select(FundEntry).where(FundEntry.note == "进度报送表 2026-11"))
    assert entry.amount == Decimal("125000.00")
    # The same file again, even renamed: nothing changes, not even the audit log.
    renamed = shutil.copy(path, out / "公安局报回（改名）.xlsx")
    state = snapshot(demo_session)
    again = preview_import(demo_session, [renamed])
    assert not again.has_changes
    assert apply_import(demo_session, clerk, again).changed == 0
    assert snapshot(demo_session) == state


def test_corrected_amount_replaces_instead_of_adding(demo_session, clerk, out) -> None:
    path = out / POLICE
    row = row_of(path, "02-01")
    fill(path, {f"J{row}": 3})
    apply_import(demo_session, clerk, preview_import(demo_session, [path]))
    fill(path, {f"J{row}": 4.25})
    apply_import(demo_session, clerk, preview_import(demo_session, [path]))
    amounts = demo_session.scalars(
        select(FundEntry.amount).where(FundEntry.note == "进度报送表 2026-11")
    ).all()
    assert amounts == [Decimal("42500.00")]
    fill(path, {f"J{row}": 0})
    apply_import(demo_session, clerk, preview_import(demo_session, [path]))
    assert not demo_session.scalars(
        select(FundEntry.id).where(FundEntry.note == "进度报送表 2026-11")
    ).all()


def test_decimal_percent_is_kept_as_the_unit_wrote_it(demo_session, clerk, out) -> None:
    """62.5 typed in the returned sheet (or 62.5% in a cell Excel made a percent) is stored as
    62.5, shown so in the preview, and the same file again changes nothing."""
    path = out / POLICE
    first, second = row_of(path, "02-01"), row_of(path, "02-02")
    book = openpyxl.load_workbook(path)
    book["进度报送"][f"D{first}"] = 99.5
    book["进度报送"][f"D{second}"] = 0.995  # what Excel keeps for 99.5% typed in a % cell
    book["进度报送"][f"D{second}"].number_format = "0.0%"
    book.save(path)
    preview = preview_import(demo_session, [path])
    assert not preview.problems, preview.problems
    shown = {r.code: r.detail for r in preview.rows if r.change in ("changed", "new")}
    assert "99.5%" in shown["02-01"] and "99.5%" in shown["02-02"], shown
    apply_import(demo_session, clerk, preview)
    for code in ("02-01", "02-02"):
        stored = demo_session.scalar(
            select(ProgressReport.percent).where(
                ProgressReport.task_id == find_task_id(demo_session, code),
                ProgressReport.period == "2026-11",
            )
        )
        assert stored == Decimal("99.5")
    assert not preview_import(demo_session, [path]).has_changes
    # The next template shows the unit what it reported, decimal and all.
    again = out.parent / "again"
    write_templates(demo_session, "2026-11", again)
    ws = openpyxl.load_workbook(again / POLICE)["进度报送"]
    assert ws[f"D{row_of(again / POLICE, '02-01')}"].value == 99.5


def test_blank_row_filled_is_new(demo_session, clerk, out) -> None:
    preview = preview_import(demo_session, [out])
    blank = next(r for r in preview.rows if r.change == "skipped")
    path = out / blank.file
    row = blank.cell[1:]
    previous = openpyxl.load_workbook(path)["进度报送"][f"C{row}"].value
    fill(path, {f"D{row}": min((previous or 0) + 5, 100), f"E{row}": "已启动前期调研"})
    again = preview_import(demo_session, [path])
    assert not again.problems
    assert [r.change for r in again.rows if r.code == blank.code] == ["new"]
    assert apply_import(demo_session, clerk, again).new == 1


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("D", 130, "完成百分比应为0到100的数，最多一位小数"),
        ("D", 45.55, "完成百分比最多一位小数（填的是 45.55）"),
        ("D", "过半", "完成百分比应为0到100的数，最多一位小数"),
        ("I", -2, "不能为负数"),
        ("I", 1.23456, "最多保留四位小数"),
        ("K", "银行贷款", "资金来源应从下拉列表中选择"),
        ("B", "改过的任务名称", "锁定单元格被改动"),
        ("E", "字" * 2001, "超过 2000 字"),
    ],
)
def test_wrong_cell_is_named_and_nothing_written(
    demo_session, clerk, out, column, value, reason
) -> None:
    path = out / POLICE
    row = row_of(path, "02-03")
    fill(path, {f"{column}{row}": value, f"D{row_of(path, '02-01')}": 99})
    state = snapshot(demo_session)
    preview = preview_import(demo_session, [out])
    assert [f.name for f in preview.refused] == [POLICE]
    assert any(
        p.startswith(f"“{POLICE}”工作表“进度报送”{column}{row}：") and reason in p
        for p in preview.problems
    ), preview.problems
    with pytest.raises(ValidationError, match="未导入任何内容"):
        apply_import(demo_session, clerk, preview)
    assert snapshot(demo_session) == state


def test_fall_without_reason_names_reason_cell(demo_session, out) -> None:
    path = out / POLICE
    row = row_of(path, "02-01")
    fill(path, {f"D{row}": 1})
    preview = preview_import(demo_session, [path])
    assert any(f"H{row}：" in p and "回落原因" in p for p in preview.problems), preview.problems


def test_added_row_and_removed_signature_and_other_period(demo_session, out, tmp_path) -> None:
    path = out / POLICE
    fill(path, {"A40": "加一行"}, out=tmp_path / "added.xlsx")
    book = openpyxl.load_workbook(path)
    del book["_duban"]
    book.save(tmp_path / "nosig.xlsx")
    preview = preview_import(demo_session, [tmp_path / "added.xlsx", tmp_path / "nosig.xlsx"])
    text = "\n".join(preview.problems)
    assert "A40：表格范围之外有内容" in text
    assert "“nosig.xlsx”：不是督办台下发的报送模板" in text
    other = preview_import(demo_session, [path], expect_period="2026-10")
    assert "这是2026年11月的报送表，当前导入的是2026年10月" in other.problems[0]


def test_two_files_disagree_on_a_task(demo_session, out, tmp_path) -> None:
    path = out / POLICE
    row = row_of(path, "02-01")
    fill(path, {f"D{row}": 100}, out=tmp_path / "copy1.xlsx")
    fill(path, {f"D{row}": 99}, out=tmp_path / "copy2.xlsx")
    preview = preview_import(demo_session, [tmp_path / "copy1.xlsx", tmp_path / "copy2.xlsx"])
    assert [f.name for f in preview.refused] == ["copy1.xlsx", "copy2.xlsx"]  # neither wins
    for problem in preview.problems:
        assert "“copy1.xlsx”、“copy2.xlsx”都是市公安局2026年11月的报送表" in problem
        assert "任务 02-01 的内容不同，两份都不导入" in problem
    same = preview_import(demo_session, [tmp_path / "copy1.xlsx", tmp_path / "copy1.xlsx"])
    assert len(same.files) == 1  # the same path twice is read once


def test_ledger_changed_after_preview_is_a_conflict(demo_session, clerk, out) -> None:
    path = out / POLICE
    row = row_of(path, "02-01")
    fill(path, {f"D{row}": 100})
    preview = preview_import(demo_session, [path])
    task_id = find_task_id(demo_session, "02-01")
    record_report(demo_session, clerk, ReportInput(task_id, "2026-11", 100))
    with pytest.raises(ConflictError):
        apply_import(demo_session, clerk, preview)


def test_leader_cannot_import(demo_session, leader, out) -> None:
    path = out / POLICE
    fill(path, {f"D{row_of(path, '02-01')}": 100})
    with pytest.raises(PermissionDenied):
        apply_import(demo_session, leader, preview_import(demo_session, [path]))


def test_single_workbook_for_all_units(demo_session, clerk, tmp_path) -> None:
    [item] = write_templates(demo_session, "2026-11", tmp_path, single=True)
    book = openpyxl.load_workbook(item.path)
    assert "公安局" in book.sheetnames and len(book.sheetnames) == 12
    preview = preview_import(demo_session, [item.path])
    assert not preview.refused and len({r.unit for r in preview.rows}) == 10
