"""First use: an office's own ledger spreadsheet becomes units, projects and tasks; the mapping is remembered."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, Task
from desktop.services.errors import ValidationError
from desktop.services.excel import ledger_mapping
from desktop.services.excel.ledger_import import apply_ledger, inspect, preview_ledger
from desktop.services.tasks import find_task_id, list_projects, list_units, task_input

HEADERS = ["序号", "重点工程", "任务名称", "牵头单位", "配合单位", "责任领导", "开始时间",
           "完成时限", "工作目标", "备注"]  # fmt: skip


def office_sheet(tmp_path: Path, rows: list[list[object]], headers=HEADERS) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "2026年台账"
    ws["A1"] = "江城市2026年平安建设重点任务台账"
    ws.append(headers)
    for row in rows:
        ws.append(row)
    path = tmp_path / "原台账.xlsx"
    book.save(path)
    return path


ROWS = [
    [1, "智慧安防小区建设", "新建智慧安防小区50个", "市公安局", "市财政局、市住建局", "副市长 周明远",
     datetime(2026, 3, 1), "2026年12月", "年底前建成50个", ""],
    [2, "智慧安防小区建设", "老旧小区监控改造", "市公安局", "", "", "2026-04-01", "2026/10/31", "", "续建"],
    [3, "矛盾纠纷化解", "人民调解组织规范化", "市司法局", "市民政局", "", 46082, "2026.12.31", "", ""],
]  # fmt: skip


def test_inspect_guesses_the_header_row(tmp_path) -> None:
    [info] = inspect(office_sheet(tmp_path, ROWS))
    assert info.name == "2026年台账" and info.header_row == 2 and info.headers[:3] == HEADERS[:3]


def test_preview_then_import_creates_units_projects_tasks(session, clerk, tmp_path) -> None:
    path = office_sheet(tmp_path, ROWS)
    preview = preview_ledger(session, path)
    assert preview.mapping.columns["title"] == "任务名称"
    assert preview.mapping.columns["leader_in_charge"] == "责任领导"
    assert [r.change for r in preview.rows] == ["new", "new", "new"]
    assert set(preview.new_units) == {"市公安局", "市财政局", "市住建局", "市司法局", "市民政局"}
    result = apply_ledger(session, clerk, preview)
    assert result.tasks == 3 and len(list_projects(session)) == 2 and len(list_units(session)) == 5
    first = task_input(session, find_task_id(session, "01-01"))
    assert first.deadline == date(2026, 12, 31) and first.start == date(2026, 3, 1)
    assert len(first.cooperating_unit_ids) == 2
    third = task_input(session, find_task_id(session, "02-01"))
    assert third.start == date(2026, 3, 1)  # 46082, an Excel serial number
    # Importing again finds the tasks already there.
    again = preview_ledger(session, path)
    assert [r.change for r in again.rows] == ["exists"] * 3


def test_bad_row_refuses_everything(session, clerk, tmp_path) -> None:
    rows = [*ROWS, [4, "", "无时限的任务", "市公安局", "", "", "", "尽快", "", ""]]
    preview = preview_ledger(session, office_sheet(tmp_path, rows))
    assert "第6行：完成时限“尽快”不是日期" in preview.problems[0]
    before = session.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(ValidationError, match="未导入任何内容"):
        apply_ledger(session, clerk, preview)
    assert session.scalar(select(func.count()).select_from(Task)) == 0
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_mapping_is_remembered_for_unusual_headers(session, clerk, tmp_path) -> None:
    headers = ["事项", "主办", "办结期限"]
    path = office_sheet(tmp_path, [["排查隐患", "市应急管理局", "2026-12-31"]], headers)
    with pytest.raises(ValidationError, match="请为以下字段指定对应的列"):
        preview_ledger(session, path)
    chosen = ledger_mapping.LedgerMapping(
        "2026年台账", 2, {"title": "事项", "lead_unit": "主办", "deadline": "办结期限"}
    )
    apply_ledger(session, clerk, preview_ledger(session, path, chosen))
    suggested = preview_ledger(session, path).mapping
    assert suggested.columns == chosen.columns
