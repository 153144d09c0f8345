"""Logout or shutdown while the clerk is typing (SIGTERM, desktop/ui/stop_signals.py): nobody is
there to answer 保存 / 不保存, so nothing is saved or asked and the typed lines are offered back
at the next sign-in, as at the idle lock. The signal itself: tests/integration/test_gui_terminate."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QApplication

from tests.fixtures.progress_grid import saved_this_period, sign_in_again, type_unsaved_percent


def test_typed_lines_are_kept_for_the_next_sign_in_when_the_system_ends_the_desk(
    clerk_window, qtbot, monkeypatch, unsaved_answers, confirmations
) -> None:
    from desktop.ui import stop_signals

    page, task_id = type_unsaved_percent(clerk_window, "66.5")

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    stop_signals.keep_typed_work(app)  # what the SIGTERM handler does before the loops exit

    assert unsaved_answers.asked == [] and confirmations.asked == []
    assert not saved_this_period(clerk_window, page, task_id)
    offered, restored = sign_in_again(clerk_window, qtbot, monkeypatch)
    assert offered and "1 项" in offered[0]
    assert {d.task_id: d.percent for d in restored.model.dirty_reports()} == {
        task_id: Decimal("66.5")
    }
