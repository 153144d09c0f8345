"""Logout or shutdown while the clerk is typing (SIGTERM, desktop/ui/stop_signals.py): nobody is
there to answer 保存 / 不保存, so nothing is saved or asked and the typed lines are offered back
at the next sign-in, as at the idle lock. The signal itself: tests/integration/test_gui_terminate."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QApplication


def test_typed_lines_are_kept_for_the_next_sign_in_when_the_system_ends_the_desk(
    clerk_window, qtbot, monkeypatch, unsaved_answers, confirmations
) -> None:
    from desktop.services import progress
    from desktop.ui import autosave, stop_signals
    from desktop.ui.main_window import MainWindow
    from desktop.ui.progress.model import PERCENT

    page = clerk_window.show_page("reports")
    unit = next(u for u in page.units.rows if u.missing)
    page.select_unit(unit.unit_id)
    row = next(i for i, line in enumerate(page.model.lines) if line.grid.report is None)
    task_id = page.model.lines[row].grid.task_id
    assert page.model.setData(page.model.index(row, PERCENT), "66.5")

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    stop_signals.keep_typed_work(app)  # what the SIGTERM handler does before the loops exit

    assert unsaved_answers.asked == [] and confirmations.asked == []
    with clerk_window.desk.session() as session:
        assert not any(
            r.period == page.model.period for r in progress.reports_of_task(session, task_id)
        )
    offered: list[str] = []
    monkeypatch.setattr(autosave, "offer", lambda _p, what: offered.append(what) or True)
    again = MainWindow(clerk_window.desk, remember=False)  # the clerk signs in again
    qtbot.addWidget(again)
    again.idle_lock.set_timeout_ms(0)
    restored = again.show_page("reports")
    assert offered and "1 项" in offered[0]
    assert {d.task_id: d.percent for d in restored.model.dirty_reports()} == {
        task_id: Decimal("66.5")
    }
