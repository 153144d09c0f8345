"""更正/撤回 from the task page: a report saved by mistake withdrawn with a reason, on the timeline."""

from __future__ import annotations

from desktop.services import progress, tasks
from desktop.services.periods import Period
from desktop.ui.task.correction_dialog import WITHDRAW, CorrectRecordDialog


def test_clerk_withdraws_a_report_and_the_timeline_says_why(clerk_window, demo_ledger) -> None:
    desk = clerk_window.desk
    period = str(Period.of(desk.today))
    with demo_ledger.session() as session:
        task_id = tasks.find_task_id(session, "05-02")
        progress.record_report(session, desk.actor, progress.ReportInput(task_id, period, 60))
    clerk_window.open_task(task_id)
    page = clerk_window.pages["task"]
    assert page.correct_button.isEnabled()
    dialog = CorrectRecordDialog(page, desk, page.detail)
    assert "05-02" in dialog.windowTitle()
    dialog.mode.setCurrentIndex(dialog.mode.findData(WITHDRAW))
    dialog.accept()
    assert "理由" in dialog.error.text()  # a reason is required
    dialog.reason.setText("误报")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    clerk_window.data_changed()
    events = [e for e in page.events.rows if e.kind == "更正"]
    assert events and "误报" in events[0].detail
    with demo_ledger.session() as session:
        assert all(r.period != period for r in progress.reports_of_task(session, task_id))


def test_leader_cannot_correct(leader_window, demo_ledger) -> None:
    with demo_ledger.session() as session:
        task_id = tasks.find_task_id(session, "05-02")
    leader_window.open_task(task_id)
    assert not leader_window.pages["task"].correct_button.isEnabled()
