"""What a clerk set up on a page — filters, sort, column widths — is there again next session,
for that clerk only."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services.enums import LampColor
from desktop.ui.main_window import MainWindow
from desktop.ui.progress.model import PERCENT


def test_filters_sort_and_widths_come_back_for_the_same_user_only(
    clerk_window, window_as, qtbot
) -> None:
    page = clerk_window.show_page("tasks")
    page.lamp.setCurrentIndex(page.lamp.findData(LampColor.RED))
    page.search.setText("01-")  # typed: the reload waits for a pause (its timer)
    qtbot.waitUntil(lambda: page.model.filter.text == "01-", timeout=3000)
    lamp_column = [c.header for c in page.model.columns].index("亮灯")
    page.table.sortByColumn(lamp_column, Qt.SortOrder.DescendingOrder)
    page.table.setColumnWidth(1, 333)
    reports = clerk_window.show_page("reports")
    reports.grid.setColumnWidth(PERCENT, 150)
    shown = [r.code for r in page.model.rows]
    clerk_window.save_state()  # what closing the window does

    again = MainWindow(clerk_window.desk)
    qtbot.addWidget(again)
    restored = again.show_page("tasks")
    assert restored.lamp.currentData() == LampColor.RED and restored.search.text() == "01-"
    assert restored.model.filter.lamp == LampColor.RED and restored.model.filter.text == "01-"
    assert (restored.model.sort_key, restored.model.descending) == ("lamp", True)
    assert [r.code for r in restored.model.rows] == shown
    assert restored.table.columnWidth(1) == 333
    assert again.show_page("reports").grid.columnWidth(PERCENT) == 150

    leader = window_as("leader")
    leader.remember = True
    other = MainWindow(leader.desk)
    qtbot.addWidget(other)
    theirs = other.show_page("tasks")
    assert theirs.lamp.currentData() is None and theirs.table.columnWidth(1) != 333


def test_a_reload_keeps_the_sort_the_clerk_clicked(clerk_window) -> None:
    page = clerk_window.show_page("supervision")
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    before = [r.id for r in page.model.rows]
    clerk_window.data_changed()  # F5 or a write elsewhere
    assert [r.id for r in page.model.rows] == before == sorted(before, reverse=True)
