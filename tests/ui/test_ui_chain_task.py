"""From a red task's page to the chain (督办…), and a failed rectification to 问责 on the 约谈 page."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.services import tasks
from desktop.services.escalation import proposals as escalation
from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import InterviewNotice, InterviewRecord, InterviewStatus
from desktop.ui.supervision.task_dialog import EscalationDialog


def test_task_page_shows_and_adopts_its_proposal(clerk_window, monkeypatch) -> None:
    with clerk_window.desk.session() as s:
        task_id = tasks.find_task_id(s, "04-02")
    clerk_window.open_task(task_id)
    shown: list[EscalationDialog] = []

    def adopt(dialog: EscalationDialog) -> int:
        shown.append(dialog)
        dialog.adopt_button.click()
        return dialog.result()

    monkeypatch.setattr(EscalationDialog, "exec", adopt)
    clerk_window.pages["task"].escalate_button.click()
    assert shown[0].proposal is not None and shown[0].proposal.step == escalation.NOTICE
    assert clerk_window.current_key == "supervision"
    assert clerk_window.pages["supervision"].detail.item.task_codes == ("04-02",)

    clerk_window.open_task(task_id)  # the task's timeline tells it
    events = clerk_window.pages["task"].events.rows
    assert any("督办通知" in e.title or "督办通知" in e.detail for e in events)


def test_leader_sees_the_proposal_but_cannot_act(leader_window, monkeypatch) -> None:
    with leader_window.desk.session() as s:
        task_id = tasks.find_task_id(s, "04-02")
    leader_window.open_task(task_id)
    dialog = EscalationDialog(leader_window, leader_window.desk, leader_window, task_id)
    assert dialog.proposal is not None
    assert not dialog.adopt_button.isEnabled() and not dialog.dismiss_button.isEnabled()
    assert not dialog.raise_button.isEnabled()


def test_failed_rectification_ends_in_accountability(clerk_window, clock) -> None:
    desk = clerk_window.desk
    at = datetime(2026, 11, 28, 9, 0)
    with desk.session() as s:  # the first stages through the services; the page does the rest
        p = escalation.proposals(s, desk.today, task_id=tasks.find_task_id(s, "05-03"))[0]
        iid = escalation.confirm(s, desk.actor, p)
        interviews.schedule(s, desk.actor, iid, InterviewNotice(at, "会议室", "陈", "书记", "局长"))
        rec = InterviewRecord(at, "李", "李明", "滞后", "", "月底完成")
        interviews.record_held(s, desk.actor, iid, rec)
        interviews.order_rectification(s, desk.actor, iid, "限期整改", date(2026, 12, 20))
    clock.moment = clock.moment + timedelta(days=30)  # the deadline passes with nothing reported

    page = clerk_window.show_page("interviews")
    page.select(iid)
    d = page.detail
    assert d.info.overdue and "逾期" in d.values["next"].text()
    assert d.verify.fail_button.isEnabled() and not d.verify.action_button.isEnabled()
    d.verify.fields["verification"].setPlainText("逾期未完成整改")
    d.verify.fail_button.click()
    assert d.info.status == InterviewStatus.FAILED

    # 六、问责: started only with the principal leader's approval, then a 调查组 of two named.
    acc = d.accountability
    assert acc.step_choice.currentData() == "start" and acc.action_button.isEnabled()
    f = acc.step_fields["start"]
    assert "逾期未完成约谈整改" in f["grounds"].toPlainText()  # pre-filled from the interview
    f["approver_title"].setText("市平安建设领导小组组长")
    f["opinion"].setPlainText("同意")
    f["persons"].setText("市住房和城乡建设局分管负责同志")
    acc.action_button.click()
    assert acc.error.isVisible() and "批准人" in acc.error.text()
    f["approver"].setText("陈立群")
    acc.action_button.click()
    assert [s.code for s in acc.model.rows] == ["start"], acc.error.text()
    assert acc.step_choice.currentData() == "investigate"
    group = acc.step_fields["investigate"]
    group["members"].setText("王静")
    group["leader"].setText("王静")
    acc.action_button.click()
    assert "至少 2 名" in acc.error.text()
    group["members"].setText("王静、刘建华")
    acc.action_button.click()
    assert [s.code for s in acc.model.rows] == ["start", "investigate"]
    assert "尚未作出问责决定" in acc.lamp.text()
    assert d.info.status == InterviewStatus.FAILED  # 已问责 once the decision is recorded

    acc.table.selectRow(0)
    acc.doc_button.click()
    assert clerk_window.current_key == "notices"
    assert clerk_window.pages["notices"].current.row.kind.label == "问责程序记录"


def test_a_step_corrected_and_the_case_waived_from_the_stage(
    clerk_window, clock, monkeypatch
) -> None:
    """六、问责: 更正所选步骤… corrects a recorded step with a reason; after the 陈述申辩 the
    deciding body's 免予问责 ends the case (offered beside the 问责决定)."""
    from PySide6.QtWidgets import QDialog

    from desktop.services.accountability import writes as accountability
    from desktop.ui import confirm
    from desktop.ui.interviews.step_correction import StepCorrectionDialog

    desk = clerk_window.desk
    at = datetime(2026, 11, 28, 9, 0)
    with desk.session() as s:
        p = escalation.proposals(s, desk.today, task_id=tasks.find_task_id(s, "05-03"))[0]
        iid = escalation.confirm(s, desk.actor, p)
        interviews.schedule(s, desk.actor, iid, InterviewNotice(at, "会议室", "陈", "书记", "局长"))
        interviews.record_held(
            s, desk.actor, iid, InterviewRecord(at, "李", "李明", "滞后", "", "改")
        )
        interviews.order_rectification(s, desk.actor, iid, "限期整改", date(2026, 12, 20))
    clock.moment = clock.moment + timedelta(days=30)
    with desk.session() as s:
        interviews.mark_failed(s, desk.actor, iid, "逾期未完成整改")
        today = clock.moment.date()
        case = accountability.start(s, desk.actor, iid, today, {
            "approver": "陈立群", "approver_title": "组长", "opinion": "同意",
            "persons": "分管负责同志", "grounds": "逾期未整改"})  # fmt: skip
        for code, values in (
            ("investigate", {"members": "王静、刘建华", "leader": "王静", "remit": ""}),
            ("findings", {"finding": "refused", "facts": "未整改", "responsibility": ""}),
            ("statement", {"person": "钱立", "content": "确有客观困难", "response": ""}),
        ):
            accountability.record_step(s, desk.actor, case, code, today, values)
    page = clerk_window.show_page("interviews")
    page.select(iid)
    acc = page.detail.accountability
    acc.table.selectRow(2)  # 调查认定
    assert acc.step_correct_button.isEnabled()

    def fix(dialog: QDialog) -> int:
        assert isinstance(dialog, StepCorrectionDialog)
        finding = dialog.values["finding"]
        finding.setCurrentIndex(finding.findData("weak"))
        dialog.reason.setText("认定情形录入有误")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(QDialog, "exec", fix)
    acc.correct()
    findings = next(r for r in acc.model.rows if r.code == "findings")
    assert "执行不力" in findings.summary and len(acc.model.rows) == 4
    codes = [acc.step_choice.itemData(i) for i in range(acc.step_choice.count())]
    assert codes == ["decision", "waive"]
    acc.step_choice.setCurrentIndex(1)
    fields = acc.step_fields["waive"]
    fields["ending"].setCurrentIndex(fields["ending"].findData("exempted"))
    fields["decided_by"].setText("市委")
    fields["basis"].setPlainText("主动采取补救措施，有效挽回损失")
    monkeypatch.setattr(confirm, "confirm", lambda *a, **k: True)
    acc.action_button.click()
    assert "已决定免予问责" in acc.lamp.text(), acc.error.text()
    assert page.detail.info.status == InterviewStatus.WAIVED
