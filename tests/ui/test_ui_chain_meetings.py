"""会议 page: a new meeting, a decision with a unit and a deadline turned into a supervision item."""

from __future__ import annotations

from desktop.services import supervision
from desktop.ui.meetings.dialogs import DecisionDialog, MeetingDialog


def test_new_meeting_decision_becomes_a_supervision_item(clerk_window, monkeypatch) -> None:
    page = clerk_window.show_page("meetings")
    before = len(page.model.rows)
    seen: list[str] = []

    def fill_meeting(dialog: MeetingDialog) -> int:
        dialog.title_edit.setText("平安建设重点工程推进会商")
        dialog.accept()  # no chair, no attendance: refused inside the dialog
        seen.append(dialog.error.text())
        dialog.chair.setText("唐启航")
        dialog.present.setPlainText("市公安局、市应急管理局")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(MeetingDialog, "exec", fill_meeting)
    page.new_meeting()
    assert seen and "主持人" in seen[0]
    assert len(page.model.rows) == before + 1
    assert page.current is not None and page.current.title == "平安建设重点工程推进会商"
    assert not page.minutes_button.isEnabled()  # no decisions yet

    def fill_decision(dialog: DecisionDialog) -> int:
        dialog.content.setPlainText("市公安局12月底前完成农村视频监控补点")
        dialog.unit.setCurrentIndex(dialog.unit.findText("市公安局"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", fill_decision)
    page.add_decision_button.click()
    assert [d.unit for d in page.current.decisions] == ["市公安局"]
    page.decision_table.selectRow(0)
    assert page.supervise_button.isEnabled()
    page.supervise_button.click()

    assert clerk_window.current_key == "supervision"
    item = clerk_window.pages["supervision"].detail.item
    assert item is not None and item.unit == "市公安局" and item.origin.label == "会议议定"
    with clerk_window.desk.session() as s:
        assert supervision.get_item(s, item.id, clerk_window.desk.today).requirement.startswith(
            "市公安局12月底前"
        )

    # Back on the meeting: the decision shows its item and cannot be converted twice.
    page = clerk_window.show_page("meetings")
    page.decision_table.selectRow(0)
    assert page.current.decisions[0].supervision_id == item.id
    assert not page.supervise_button.isEnabled() and page.open_item_button.isEnabled()

    page.minutes_button.click()  # 会议纪要 draft in the 公文 page
    assert clerk_window.current_key == "notices"
    assert clerk_window.pages["notices"].current.row.kind.label == "会议纪要"


def test_leader_cannot_add_or_convert(leader_window) -> None:
    page = leader_window.show_page("meetings")
    assert page.model.rows
    page.decision_table.selectRow(0)
    for b in (page.add_decision_button, page.supervise_button, page.minutes_button):
        assert not b.isEnabled()
    assert page.open_minutes_button.isEnabled()  # reading the minutes is for everyone
