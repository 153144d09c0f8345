"""修改… in the 督办, 会议 and 约谈 detail panels: prefilled forms, state rules, leaders locked out."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import InterviewNotice
from desktop.ui.meetings.dialogs import DecisionDialog, MeetingDialog
from desktop.ui.supervision.raise_dialog import RaiseItemDialog


def test_supervision_item_edited_in_its_own_form_and_reopened(clerk_window, monkeypatch):
    page = clerk_window.show_page("supervision")
    d = page.detail
    item = d.item
    assert item is not None and item.closed_on is None and d.edit_button.isEnabled()
    seen: dict[str, object] = {}

    def fill(dialog: RaiseItemDialog) -> int:
        seen["title"] = dialog.windowTitle()
        seen["prefilled"] = dialog.requirement.toPlainText()
        seen["unit_locked"] = not dialog.unit.isEnabled() and not dialog.kind.isEnabled()
        dialog.requirement.setPlainText(item.requirement + "（含整改措施）")
        dialog.due.setDate(QDate(2026, 12, 31))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RaiseItemDialog, "exec", fill)
    d.edit_button.click()
    assert seen == {"title": "修改督办事项", "prefilled": item.requirement, "unit_locked": True}
    assert d.item.id == item.id and d.item.reply_due == date(2026, 12, 31)
    assert d.item.requirement.endswith("（含整改措施）")

    # Closed: no editing (the tooltip says how), but it can be reopened with a reason.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("单位已书面说明", True))
    d.close_button.click()
    page.select_item(item.id)
    assert page.detail.item.closed_on is not None
    assert not d.edit_button.isEnabled() and "重新打开" in d.edit_button.toolTip()
    assert d.reopen_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("误点办结", True))
    d.reopen_button.click()
    assert d.item.id == item.id and d.item.closed_on is None and d.edit_button.isEnabled()


def test_meeting_and_decision_corrections(clerk_window, monkeypatch, messages):
    page = clerk_window.show_page("meetings")
    # the demo meeting whose decisions are partly supervised (later ones, e.g. the 考核 decision's, have none)
    meeting = next(
        m
        for m in page.model.rows
        if any(d.supervision_id for d in m.decisions)
        and any(not d.supervision_id for d in m.decisions)
    )
    page.select_meeting(meeting.id)
    assert page.current.id == meeting.id and page.edit_meeting_button.isEnabled()

    def fill_meeting(dialog: MeetingDialog) -> int:
        assert dialog.title_edit.text() == meeting.title and not dialog.kind.isEnabled()
        dialog.place.setText("市委二号楼会议室")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(MeetingDialog, "exec", fill_meeting)
    page.edit_meeting_button.click()
    assert page.current.id == meeting.id and page.current.place == "市委二号楼会议室"
    if meeting.minutes_document_id:  # the minutes already composed are not rewritten
        assert messages and "会议纪要" in messages[-1]

    # A supervised decision: neither deleted nor moved to another unit or deadline.
    supervised = next(i for i, x in enumerate(page.current.decisions) if x.supervision_id)
    page.decision_table.selectRow(supervised)
    assert not page.delete_decision_button.isEnabled()
    assert "不能删除" in page.delete_decision_button.toolTip()

    def check_locked(dialog: DecisionDialog) -> int:
        assert not dialog.unit.isEnabled() and not dialog.due.isEnabled()
        assert "督办" in dialog.unit.toolTip()
        return 0

    monkeypatch.setattr(DecisionDialog, "exec", check_locked)
    page.edit_decision_button.click()

    # An unsupervised one is deleted after confirmation; the rest move up.
    free = next(x for x in page.current.decisions if not x.supervision_id)
    page.decision_table.selectRow(free.seq - 1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_decision_button.click()
    seqs = [x.seq for x in page.current.decisions]
    assert free.id not in [x.id for x in page.current.decisions]
    assert seqs == list(range(1, len(seqs) + 1))


def test_interview_notice_corrected_in_its_stage(clerk_window, leader_window):
    desk = clerk_window.desk
    with desk.session() as s:
        unit_id = interviews.list_interviews(s, desk.today)[0].unit_id
        iid = interviews.propose(s, desk.actor, unit_id, "督办通知逾期未回复")
        notice = InterviewNotice(datetime(2026, 12, 3, 9, 30), "三楼", "陈立群", "书记", "局长")
        interviews.schedule(s, desk.actor, iid, notice)
    clerk_window.data_changed()
    page = clerk_window.show_page("interviews")
    page.select(iid)
    stage = page.detail.notice
    assert stage.fields["place"].isReadOnly()  # sent: read-only until 修改…
    assert stage.correct_button.isEnabled() and "拟制更正件" in stage.correct_button.toolTip()
    assert not page.detail.record.correct_button.isEnabled()  # no record yet

    stage.correct_button.click()
    assert not stage.fields["place"].isReadOnly() and stage.action_button.text() == "保存修改"
    stage.fields["place"].setText("")
    stage.action_button.click()  # refused beside its field; still correcting
    assert stage.error.isVisible() and "地点" in stage.error.text() and stage.editing
    stage.fields["place"].setText("市委政法委三楼会议室")
    stage.action_button.click()
    info = page.detail.info
    assert info.id == iid and info.notice.place == "市委政法委三楼会议室"
    assert not stage.editing and stage.fields["place"].isReadOnly()

    leader_window.data_changed()  # the same ledger, signed in as a leader
    leader_page = leader_window.show_page("interviews")
    leader_page.select(iid)
    ld = leader_page.detail
    assert not ld.notice.correct_button.isEnabled()
    assert "只读" in ld.notice.correct_button.toolTip()
