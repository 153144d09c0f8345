"""进度报送 from the keyboard: enter a month's report, save, see the lamp change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.services.enums import LampColor
from desktop.services.overview import TaskFilter
from desktop.ui import unsaved
from desktop.ui.progress.model import FIELD_COLUMN, PERCENT
from desktop.ui.unsaved import Choice


def _lamp_of(window, code: str) -> LampColor:
    window.open_task_ledger(TaskFilter(text=code))
    rows = [r for r in window.pages["tasks"].model.rows if r.code == code]
    return rows[0].lamp.color


def _type(qtbot, grid, text: str) -> None:
    """Type as the clerk does: the first key opens the cell's editor, Return commits (ASCII only:
    PITFALLS)."""
    qtbot.keyClick(grid, text[0])
    editor = next(e for e in grid.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=2000)  # Qt commits on a queued call


def _unit_row(page, code: str) -> int:
    for row, line in enumerate(page.model.lines):
        if line.grid.code == code:
            return row
    raise AssertionError(code)


def test_enter_missing_report_by_keyboard_and_lamp_turns_green(clerk_window, qtbot) -> None:
    assert _lamp_of(clerk_window, "05-02") == LampColor.RED  # 连续 2 期未报送
    page = clerk_window.show_page("reports")
    assert "05-02" in {c for u in page.units.rows for c in u.missing_codes}
    unit_id = next(u.unit_id for u in page.units.rows if "05-02" in u.missing_codes)
    page.select_unit(unit_id)
    assert "未报" in page.summary.text()
    row = _unit_row(page, "05-02")
    page.grid.setCurrentIndex(page.model.index(row, PERCENT))
    page.grid.setFocus()
    _type(qtbot, page.grid, "60")
    assert page.model.lines[row].draft.percent == 60
    assert page.grid.currentIndex().row() == min(row + 1, page.model.rowCount() - 1)
    job = page.save()
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    assert job.error is None
    assert page.model.lines[row].grid.report is not None  # reloaded from the ledger
    assert not page.model.dirty_reports()
    assert _lamp_of(clerk_window, "05-02") == LampColor.GREEN


def test_fall_below_last_report_needs_a_reason(clerk_window, qtbot, messages) -> None:
    page = clerk_window.show_page("reports")
    unit_id = next(u.unit_id for u in page.units.rows if u.name == "市委政法委")
    page.select_unit(unit_id)
    row = _unit_row(page, "01-01")
    assert page.model.setData(page.model.index(row, PERCENT), "10")
    assert page.model.lines[row].needs_reason
    job = page.save()
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    assert job.error is not None and "回落原因" in messages[-1]
    assert page.model.lines[row].dirty  # nothing lost
    assert page.grid.currentIndex().column() == FIELD_COLUMN["fall_reason"]
    page.model.setData(page.model.index(row, FIELD_COLUMN["fall_reason"]), "设计变更返工")
    job = page.save()
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    assert job.error is None


def test_leader_grid_is_read_only(leader_window) -> None:
    page = leader_window.show_page("reports")
    assert not page.save_button.isEnabled()
    assert not page.model.setData(page.model.index(0, PERCENT), "50")


def test_large_ledger_loads_the_grid_in_a_worker_with_the_grid_locked(
    clerk_window, qtbot, monkeypatch
) -> None:
    """Over LARGE_LEDGER tasks the unit list and grid are read off the GUI thread; until they
    arrive nothing can be typed into rows about to be replaced, nor the unit switched."""
    import threading

    from desktop.services import reporting
    from desktop.ui.calls import running_jobs
    from desktop.ui.desk import Desk

    threads: list[threading.Thread] = []
    counted = reporting.unit_reporting

    def spy(session, period):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return counted(session, period)

    monkeypatch.setattr(reporting, "unit_reporting", spy)
    monkeypatch.setattr(Desk, "is_large", lambda _self: True)
    page = clerk_window.show_page("reports")
    assert not page.grid.isEnabled() and not page.unit.isEnabled()
    qtbot.waitUntil(lambda: running_jobs() == 0 and page.grid.isEnabled(), timeout=10_000)
    assert threads and threads[0] is not threading.main_thread()
    assert page.model.rowCount() > 0 and page.unit.count() > 1
    # An edit, then F5 with 取消: the edit stays (the worker never replaces unsaved rows).
    model = page.model
    model.setData(model.index(0, PERCENT), "99")
    answers = [Choice.CANCEL, Choice.SAVE]
    monkeypatch.setattr(unsaved, "ask", lambda *_a: answers.pop(0))
    clerk_window.reload()  # F5, 取消
    assert running_jobs() == 0 and model.dirty_reports()[0].percent == 99
    task_id = model.lines[0].grid.task_id
    clerk_window.reload()  # F5, 保存: saved in a worker, then reread in another
    qtbot.waitUntil(lambda: running_jobs() == 0 and page.grid.isEnabled(), timeout=10_000)
    line = next(x for x in page.model.lines if x.grid.task_id == task_id)
    assert not page.model.dirty_reports() and line.grid.report.percent == 99
