"""Ledger export: lamps in colour, reports by period, funds; progress, cancel and no half-written file."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.services.excel.export import export_ledger
from desktop.services.jobs import Cancelled


def test_export_sheets_lamps_and_numbers(demo_session, tmp_path) -> None:
    calls: list[tuple[int, int]] = []
    summary = export_ledger(
        demo_session, tmp_path / "台账.xlsx", lambda d, t: calls.append((d, t)) or True
    )
    assert (summary.tasks, summary.reports) == (37, 329)
    assert calls[-1][0] == calls[-1][1]
    book = openpyxl.load_workbook(summary.path)
    assert book.sheetnames == ["任务台账", "进度报送（按期次）", "进度报送明细", "资金明细",
                               "督办事项", "约谈", "说明"]  # fmt: skip
    interviews = list(book["约谈"].iter_rows(min_row=2, values_only=True))
    assert sorted(row[7] for row in interviews) == ["已问责", "整改销号"]
    assert book["督办事项"].max_row > 4  # reminders, a notice and meeting decisions
    tasks = book["任务台账"]
    assert tasks.freeze_panes == "D2" and tasks.auto_filter.ref == "A1:S1"
    lamps = {tasks.cell(r, 9).value: tasks.cell(r, 9).fill.fgColor.rgb[-6:] for r in range(2, 39)}
    assert lamps == {"绿": "C6EFCE", "黄": "FFEB9C", "红": "FFC7CE"}
    assert tasks["N1"].value == "计划投资(万元)" and isinstance(tasks["N2"].value, int | float)
    matrix = book["进度报送（按期次）"]
    assert matrix["D1"].value.endswith("月") and matrix.max_row == 38


def test_cancel_leaves_no_file(demo_session, tmp_path) -> None:
    target = tmp_path / "out" / "台账.xlsx"
    with pytest.raises(Cancelled):
        export_ledger(demo_session, target, lambda d, t: False)
    assert not target.parent.exists() or not list(target.parent.iterdir())


def test_existing_file_is_replaced_whole(demo_session, tmp_path) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old")
    export_ledger(demo_session, target)
    assert openpyxl.load_workbook(target, read_only=True).sheetnames[0] == "任务台账"


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path) -> None:
    import xlsxwriter

    from desktop.services.excel.export import write_cell

    path = tmp_path / "t.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("s")
    write_cell(sheet, 0, 0, '=HYPERLINK("http://x")', None)
    write_cell(sheet, 0, 1, 12.5, None)
    book.close()
    cells = openpyxl.load_workbook(path)["s"]
    assert (cells["A1"].data_type, cells["A1"].value) == ("s", '=HYPERLINK("http://x")')
    assert cells["B1"].value == 12.5


def test_each_kind_of_value_lands_in_its_cell_as_the_clerk_reads_it(tmp_path) -> None:
    """Texts, enum labels, amounts (Decimal), counts, ticks, dates; empty values leave no
    cell; formula-looking text keeps its text and gets the quote prefix from its format."""
    from datetime import date
    from decimal import Decimal
    from enum import StrEnum

    import xlsxwriter

    from desktop.services.excel.export import _format, _quoted
    from desktop.services.sheet_guard import CellWriter

    class Source(StrEnum):
        EXCEL = "Excel导入"

    path = tmp_path / "kinds.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("s")
    body = _format(book, ("body", None, None))
    cell = CellWriter(sheet, _quoted)
    values = ["市公安局", Source.EXCEL, Decimal("12.50"), 3, True, date(2026, 11, 30), None, "",
              " +86 公安", 0.625]  # fmt: skip
    day = _format(book, ("body", "yyyy-mm-dd", None))
    for col, value in enumerate(values):
        cell(0, col, value, day if col == 5 else body)
    book.close()
    row = next(openpyxl.load_workbook(path)["s"].iter_rows())
    assert [c.value for c in row[:5]] == ["市公安局", "Excel导入", 12.5, 3, True]
    assert row[5].value.date() == date(2026, 11, 30) and row[5].number_format == "yyyy-mm-dd"
    assert row[6].value is None and row[7].value is None
    assert (row[8].value, row[8].data_type, row[8].quotePrefix) == (" +86 公安", "s", True)
    assert row[9].value == 0.625 and not row[0].quotePrefix
