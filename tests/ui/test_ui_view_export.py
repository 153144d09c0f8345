"""导出 and 打印 take the table as it is on screen: the filtered rows, in the clicked order, the
visible columns in their dragged order, the filter in the sheet's title."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from desktop.services.enums import LampColor
from desktop.services.overview import TaskFilter
from desktop.ui import view_export


def _filtered_sorted_ledger(window):  # type: ignore[no-untyped-def]
    window.open_task_ledger(TaskFilter(lamp=LampColor.RED))
    page = window.pages["tasks"]
    table = page.table
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # 任务, Z→A
    header = table.horizontalHeader()
    header.setSectionHidden(2, True)  # 重点工程 hidden
    header.moveSection(header.visualIndex(3), 0)  # 牵头单位 dragged to the front
    return page


def test_export_writes_exactly_the_view(clerk_window, qtbot, monkeypatch, tmp_path: Path) -> None:
    page = _filtered_sorted_ledger(clerk_window)
    shown = [(r.lead_unit, r.code, r.title) for r in page.model.rows]
    assert 0 < len(shown) < 37
    assert [t for _u, _c, t in shown] == sorted((t for _u, _c, t in shown), reverse=True)
    target = tmp_path / "红灯.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert view_export.export_current(clerk_window) == target
    qtbot.waitUntil(target.exists, timeout=10_000)
    sheet = load_workbook(target).active
    values = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert "亮灯：红灯" in values[0][0]
    assert values[1][:3] == ("牵头单位", "编号", "任务") and "重点工程" not in values[1]
    assert [tuple(row[:3]) for row in values[2:]] == shown


def test_print_preview_is_landscape_with_a_repeated_header(clerk_window, monkeypatch) -> None:
    monkeypatch.setattr(QPrintPreviewDialog, "open", lambda self: None)
    page = _filtered_sorted_ledger(clerk_window)
    preview = view_export.print_current(clerk_window)
    assert preview is not None
    found = view_export.current_view(clerk_window)
    assert found is not None
    _page, view = found
    assert len(view.rows) == len(page.model.rows)
    html = view_export.view_html(view)
    assert "<thead>" in html and "亮灯：红灯" in html
    printer = view_export.landscape_printer()
    assert printer.pageLayout().orientation().name == "Landscape"
    document = view_export.print_document(view)
    assert document.toPlainText().count(view.rows[0][1]) >= 1
    assert any(b.text() == "打印…" and b.shortcut().toString() == "Ctrl+P"
               for b in page.findChildren(type(page.remind_button)))  # fmt: skip


def test_column_widths_order_and_sort_are_remembered_per_user(
    clerk_window, demo_ledger, qtbot
) -> None:
    from desktop.ui.main_window import MainWindow

    page = _filtered_sorted_ledger(clerk_window)
    page.table.setColumnWidth(1, 333)
    clerk_window.save_state()
    again = MainWindow(clerk_window.desk)
    qtbot.addWidget(again)
    table = again.show_page("tasks").table
    header = table.horizontalHeader()
    assert table.columnWidth(1) == 333 and header.isSectionHidden(2)
    assert header.logicalIndex(0) == 3
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_assessment_results_export_and_print_as_shown(
    clerk_window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    """The 考核 results take the same 导出 / 打印 (Ctrl+P) as the ledger: the rows in their order,
    the visible columns in their dragged order, the year in the title."""
    page = clerk_window.show_page("assessment")
    table = page.results
    assert table.rowCount() >= 10
    header = table.horizontalHeader()
    total = next(
        c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == "总分"
    )
    header.moveSection(header.visualIndex(total), 0)  # 总分 dragged to the front
    header.setSectionHidden(0, True)  # 排名 hidden
    shown = [
        (table.item(r, total).text(), table.item(r, 1).text()) for r in range(table.rowCount())
    ]
    target = tmp_path / "考核.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert view_export.export_current(clerk_window) == target
    qtbot.waitUntil(target.exists, timeout=10_000)
    values = [tuple(row) for row in load_workbook(target).active.iter_rows(values_only=True)]
    assert values[0][0] == f"考核结果（{page.year.currentText()}）"
    assert values[1][:2] == ("总分", "单位") and "排名" not in values[1]
    assert all("\n" not in str(h) for h in values[1])
    assert [(float(row[0]), row[1]) for row in values[2:]] == [(float(t), u) for t, u in shown]

    monkeypatch.setattr(QPrintPreviewDialog, "open", lambda self: None)
    printing = next(b for b in page.findChildren(type(page.scores_button)) if b.text() == "打印…")
    assert printing.shortcut().toString() == "Ctrl+P"
    printing.click()
    preview = clerk_window._print_preview
    assert "考核结果" in preview.windowTitle()
    found = view_export.current_view(clerk_window)
    assert found is not None and [r[:2] for r in found[1].rows] == shown
