"""约谈 page: an interview proposed from the 督办 page driven by its buttons to 对账销号."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop.services import attachments
from desktop.services.escalation import proposals as escalation
from desktop.services.interviews.lifecycle import InterviewStatus
from desktop.ui.interviews.stage import set_datetime


def _adopt_interview(window) -> int:
    page = window.show_page("supervision")
    box = page.proposals
    row = next(i for i, p in enumerate(box.model.rows) if p.step == escalation.INTERVIEW)
    box.table.selectRow(row)
    box.adopt_button.click()
    assert window.current_key == "interviews"
    return window.pages["interviews"].detail.info.id


def test_interview_from_notice_to_verified_close(clerk_window, monkeypatch, tmp_path: Path):
    iid = _adopt_interview(clerk_window)
    page = clerk_window.pages["interviews"]
    d = page.detail
    assert d.info.status == InterviewStatus.PROPOSED
    assert d.notice.action_button.isEnabled() and not d.record.action_button.isEnabled()

    # 发约谈通知: a missing place is refused next to its field; the clerk fills it in.
    f = d.notice.fields
    set_datetime(f["scheduled_at"], datetime(2026, 11, 28, 9, 0))
    f["interviewer"].setText("陈立群")
    d.notice.action_button.click()
    assert d.notice.error.isVisible() and "地点" in d.notice.error.text()
    assert d.info.status == InterviewStatus.PROPOSED
    f["place"].setText("市委政法委三楼会议室")
    d.notice.action_button.click()
    assert d.info.status == InterviewStatus.NOTIFIED and d.info.notice.place.startswith("市委")
    assert d.record.action_button.isEnabled() and d.notice.doc_button.isEnabled()

    # 登记约谈记录 (the time is pre-filled from the notice, not later than now).
    r = d.record.fields
    r["recorder"].setText("李明")
    r["commitments"].setPlainText("12月底前完成剩余整改")
    d.record.action_button.click()
    assert d.info.status == InterviewStatus.HELD, d.record.error.text()

    # 下达限期整改: measures pre-filled from the commitments, 30 days by default.
    d.rectification.action_button.click()
    assert d.info.status == InterviewStatus.RECTIFYING and d.info.rectification_due > date(
        2026, 11, 28
    )
    assert not d.verify.action_button.isEnabled()  # nothing reported yet
    assert not d.verify.fail_button.isEnabled()  # the deadline has not passed

    # 登记整改情况 with evidence chosen in the file dialog.
    scan = tmp_path / "整改照片.jpg"
    scan.write_bytes(b"\xff\xd8photo")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(scan)], ""))
    d.follow_up.choose_button.click()
    d.follow_up.fields["content"].setPlainText("已完成消防设施整改")
    d.follow_up.action_button.click()
    assert len(d.info.follow_ups) == 1
    with clerk_window.desk.session() as s:
        files = attachments.list_attachments(s, "rectification_report", d.info.follow_ups[0].id)
    assert [a.filename for a in files] == ["整改照片.jpg"]
    assert d.follow_up.evidence.rows and d.follow_up.evidence.rows[0].sha256 == files[0].sha256

    # 核实销号.
    d.verify.fields["verification"].setPlainText("现场核实，整改到位")
    d.verify.action_button.click()
    assert d.info.status == InterviewStatus.CLOSED and d.info.id == iid
    assert not any(s.action_button.isEnabled() for s in d.stages)

    # 生成限期整改通知书 opens the draft in the 公文 page.
    d.rectification.doc_button.click()
    assert clerk_window.current_key == "notices"
    assert clerk_window.pages["notices"].current.row.kind.label == "限期整改通知书"


def test_leader_sees_interviews_with_every_action_disabled(leader_window) -> None:
    page = leader_window.show_page("interviews")
    assert page.model.rows
    for row in range(len(page.model.rows)):
        page.table.selectRow(row)
        d = page.detail
        assert not any(s.action_button.isEnabled() for s in d.stages)
        assert not any(s.doc_button.isEnabled() for s in d.stages if s.doc_button is not None)
        assert not d.files.attach_button.isEnabled()
