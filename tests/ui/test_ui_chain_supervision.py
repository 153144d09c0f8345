"""督办 page: a red task's proposal adopted becomes an item in the list; reply, close, its document."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from desktop.services import supervision
from desktop.services.escalation import proposals as escalation


def _row_of(box, code: str) -> int:
    return next(i for i, p in enumerate(box.model.rows) if p.code == code)


def test_red_task_proposal_adopted_then_replied_closed_and_drafted(
    clerk_window, monkeypatch
) -> None:
    page = clerk_window.show_page("supervision")
    box = page.proposals
    row = _row_of(box, "04-02")  # red, no earlier step: a 督办通知
    proposal = box.model.row_at(row)
    assert proposal.step == escalation.NOTICE
    box.table.selectRow(row)
    box.adopt_button.click()

    assert clerk_window.current_key == "supervision"
    item = page.detail.item
    assert item is not None and item.task_codes == ("04-02",) and item.state == "待回复"
    assert item.id in [r.id for r in page.model.rows]
    # The notice is carried out; the desk's next word on 04-02 is no longer a notice.
    assert ("04-02", escalation.NOTICE) not in [(p.code, p.step) for p in box.model.rows]

    # A reply without text stays in the form with the message; then a real one is recorded.
    page.detail.reply_button.click()
    assert page.detail.reply_error.isVisible() and "回复内容" in page.detail.reply_error.text()
    page.detail.reply_edit.setPlainText("已制定整改方案，月底前完成。")
    page.detail.reply_button.click()
    assert page.detail.item.state == "已回复"
    assert not page.detail.reply_button.isEnabled()

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("回复属实", True))
    page.detail.close_button.click()
    # The default filter shows open items only: the closed one leaves the list.
    assert item.id not in [r.id for r in page.model.rows]
    page.state_filter.setCurrentIndex(3)  # 已办结
    assert item.id in [r.id for r in page.model.rows]

    page.select_item(item.id)
    page.detail.draft_button.click()  # 督办通知 draft opens in the 公文 page
    assert clerk_window.current_key == "notices"
    notices_page = clerk_window.pages["notices"]
    assert notices_page.current is not None and "督办" in notices_page.current.row.kind.label
    with clerk_window.desk.session() as s:
        assert supervision.get_item(s, item.id, clerk_window.desk.today).document_id == (
            notices_page.current.row.id
        )


def test_dismissal_needs_a_reason_and_hides_the_proposal(clerk_window, monkeypatch, messages):
    page = clerk_window.show_page("supervision")
    box = page.proposals
    box.table.selectRow(_row_of(box, "02-02"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    box.dismiss_button.click()
    assert messages and "理由" in messages[-1]
    assert "02-02" in [p.code for p in box.model.rows]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("资金已在途", True))
    box.dismiss_button.click()
    assert "02-02" not in [p.code for p in box.model.rows]


def test_filters_by_kind_unit_and_overdue(clerk_window) -> None:
    page = clerk_window.show_page("supervision")
    page.state_filter.setCurrentIndex(2)  # 逾期未回复
    assert page.model.rows and all(r.state == "逾期未回复" for r in page.model.rows)
    page.state_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(1)  # 催办
    assert page.model.rows and all(r.kind.label == "催办" for r in page.model.rows)
    page.kind_filter.setCurrentIndex(0)
    page.unit_filter.setCurrentIndex(page.unit_filter.findText("市应急管理局"))
    assert page.model.rows and {r.unit for r in page.model.rows} == {"市应急管理局"}


def test_leader_sees_supervision_but_every_action_is_disabled(leader_window) -> None:
    page = leader_window.show_page("supervision")
    assert page.proposals.model.rows and page.model.rows
    assert not page.proposals.adopt_button.isEnabled()
    assert not page.proposals.dismiss_button.isEnabled()
    assert not page.detail.reply_button.isEnabled() and not page.detail.close_button.isEnabled()
    assert not page.detail.draft_button.isEnabled()
    assert not page.detail.files.attach_button.isEnabled()
