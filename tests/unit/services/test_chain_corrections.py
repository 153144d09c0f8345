"""Correcting the escalation chain's records: each correction, each refusal, before/after audited."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from desktop.services import meetings, supervision, tasks
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.escalation import documents as escalation_documents
from desktop.services.interviews import corrections as interview_corrections
from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import InterviewNotice, InterviewRecord, InterviewStatus
from desktop.services.meetings import MeetingInput, MeetingKind
from desktop.services.notices import issuing
from desktop.services.notices import register as notices
from desktop.services.supervision import ItemEdit, SupervisionInput, SupervisionKind

TODAY = date(2026, 11, 28)


def _last(session) -> tuple[AuditEntry, dict]:
    entry = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
    return entry, json.loads(entry.detail)


def _count(session) -> int:
    return len(session.scalars(select(AuditEntry.id)).all())


def _advance(clock, days: int) -> date:
    clock.moment = clock.moment + timedelta(days=days)
    return clock.moment.date()


@pytest.fixture
def unit_id(session, clerk) -> int:
    return tasks.create_unit(session, clerk, "市应急管理局").id


@pytest.fixture
def item_id(session, clerk, unit_id) -> int:
    data = SupervisionInput(SupervisionKind.NOTICE, unit_id, "书面报告滞后原因", date(2026, 12, 8))
    return supervision.raise_item(session, clerk, data)


# --- supervision items ------------------------------------------------------------------------


def test_edit_item_keeps_before_and_after(session, clerk, item_id) -> None:
    edit = ItemEdit("书面报告滞后原因及整改措施", "", date(2026, 12, 10))
    assert supervision.edit_item(session, clerk, item_id, edit) == ""  # no document yet
    row = supervision.get_item(session, item_id, TODAY)
    assert row.requirement.endswith("整改措施") and row.reply_due == date(2026, 12, 10)
    entry, detail = _last(session)
    assert entry.action == "update" and "督办要求、回复期限" in entry.summary
    assert detail["reply_due"] == {"前": "2026-12-08", "后": "2026-12-10"}
    assert set(detail) == {"requirement", "reply_due"}  # the reason did not change


def test_edit_item_refusals(session, clerk, leader, item_id) -> None:
    before = _count(session)
    same = ItemEdit("书面报告滞后原因", "", date(2026, 12, 8))
    with pytest.raises(ValidationError, match="没有任何改动"):
        supervision.edit_item(session, clerk, item_id, same)
    with pytest.raises(ValidationError, match="督办要求") as blank:
        supervision.edit_item(session, clerk, item_id, ItemEdit(" ", "", date(2026, 12, 8)))
    assert blank.value.field == "requirement"
    with pytest.raises(ValidationError, match="不能早于发起日期"):
        supervision.edit_item(session, clerk, item_id, ItemEdit("x", "", date(2026, 11, 1)))
    with pytest.raises(PermissionDenied):
        supervision.edit_item(session, leader, item_id, ItemEdit("x", "", date(2026, 12, 9)))
    supervision.close_item(session, clerk, item_id, "单位已当面说明")
    with pytest.raises(ValidationError, match="已办结.*重新打开"):
        supervision.edit_item(session, clerk, item_id, ItemEdit("x", "", date(2026, 12, 9)))
    # the closing and the leader's refusal were recorded; nothing else changed
    assert _count(session) == before + 2
    assert supervision.get_item(session, item_id, TODAY).reply_due == date(2026, 12, 8)


def test_correct_reply(session, clerk, clock, item_id) -> None:
    with pytest.raises(ValidationError, match="尚未登记回复"):
        supervision.correct_reply(session, clerk, item_id, TODAY, "已整改")
    later = _advance(clock, 3)
    supervision.record_reply(session, clerk, item_id, later, "已整改完毕")
    with pytest.raises(ValidationError, match="发起日期和今天之间"):
        supervision.correct_reply(session, clerk, item_id, later + timedelta(days=1), "已整改完毕")
    supervision.correct_reply(session, clerk, item_id, later - timedelta(days=1), "已整改完毕")
    entry, detail = _last(session)
    assert "更正回复" in entry.summary and "回复日期" in entry.summary
    assert detail == {"reply_received_on": {"前": "2026-12-01", "后": "2026-11-30"}}
    assert supervision.get_item(session, item_id, later).reply_received_on == date(2026, 11, 30)


def test_reopen_closed_item_with_reason(session, clerk, item_id) -> None:
    with pytest.raises(ValidationError, match="尚未办结"):
        supervision.reopen_item(session, clerk, item_id, "误办结")
    supervision.close_item(session, clerk, item_id, "已电话说明")
    with pytest.raises(ValidationError, match="理由") as no_reason:
        supervision.reopen_item(session, clerk, item_id, "  ")
    assert no_reason.value.field == "reason"
    supervision.reopen_item(session, clerk, item_id, "误点办结，单位尚未书面回复")
    entry, detail = _last(session)
    assert entry.action == "reopen"
    assert detail["closed_on"] == {"前": "2026-11-28", "后": None}
    assert detail["closing_note"]["前"] == "已电话说明" and detail["理由"].startswith("误点")
    row = supervision.get_item(session, item_id, TODAY)
    assert row.closed_on is None and row.state == "待回复"
    supervision.edit_item(session, clerk, item_id, ItemEdit("补充要求", "", row.reply_due))


# --- meetings ---------------------------------------------------------------------------------


def _meeting(session, clerk) -> int:
    data = MeetingInput(
        MeetingKind.LEADING_GROUP, "领导小组会议", date(2026, 11, 20), "一楼", "唐启航", "甲、乙"
    )
    return meetings.create_meeting(session, clerk, data)


def test_edit_meeting(session, clerk) -> None:
    mid = _meeting(session, clerk)
    data = MeetingInput(
        MeetingKind.LEADING_GROUP,
        "领导小组会议",
        date(2026, 11, 21),
        "三楼会议室",
        "唐启航",
        "甲、乙、丙",
        absent="丁",
    )
    assert meetings.edit_meeting(session, clerk, mid, data) == ""
    info = meetings.get_meeting(session, mid, TODAY)
    assert (info.place, info.present, info.absent, info.issue_no) == (
        "三楼会议室",
        "甲、乙、丙",
        "丁",
        1,
    )
    entry, detail = _last(session)
    assert entry.entity == "meeting" and "日期、地点、出席、请假" in entry.summary
    assert detail["held_on"] == {"前": "2026-11-20", "后": "2026-11-21"}
    assert detail["absent"] == {"前": "", "后": "丁"}

    with pytest.raises(ValidationError, match="没有任何改动"):
        meetings.edit_meeting(session, clerk, mid, data)
    with pytest.raises(ValidationError, match="类别决定期号"):
        meetings.edit_meeting(
            session, clerk, mid, MeetingInput(**{**vars(data), "kind": MeetingKind.CONSULTATION})
        )
    with pytest.raises(ValidationError, match="不能改到其他年份"):
        meetings.edit_meeting(
            session, clerk, mid, MeetingInput(**{**vars(data), "held_on": date(2027, 1, 3)})
        )
    with pytest.raises(ValidationError, match="主持人"):
        meetings.edit_meeting(session, clerk, mid, MeetingInput(**{**vars(data), "chair": ""}))


def test_decision_edit_until_supervised(session, clerk, unit_id) -> None:
    mid = _meeting(session, clerk)
    did = meetings.add_decision(session, clerk, mid, "补齐视频监控")
    meetings.edit_decision(session, clerk, did, "补齐农村视频监控", unit_id, date(2026, 12, 31))
    entry, detail = _last(session)
    assert entry.entity == "meeting_decision" and "议定事项、责任单位、完成时限" in entry.summary
    assert detail["unit"] == {"前": "", "后": "市应急管理局"}
    assert detail["due"] == {"前": None, "后": "2026-12-31"}

    item = meetings.supervise_decision(session, clerk, did)
    with pytest.raises(ValidationError, match=f"督办事项 #{item}.*不能再改") as refused:
        meetings.edit_decision(session, clerk, did, "补齐农村视频监控", unit_id, date(2027, 1, 31))
    assert "督办" in str(refused.value)
    with pytest.raises(ValidationError, match="不能再改"):
        meetings.edit_decision(session, clerk, did, "补齐农村视频监控", None, date(2026, 12, 31))
    # The wording of the minutes may still be corrected.
    meetings.edit_decision(session, clerk, did, "补齐农村视频监控点位", unit_id, date(2026, 12, 31))
    assert meetings.get_meeting(session, mid, TODAY).decisions[0].content.endswith("点位")


def test_delete_decision_renumbers(session, clerk, unit_id) -> None:
    mid = _meeting(session, clerk)
    ids = [meetings.add_decision(session, clerk, mid, f"事项{n}") for n in (1, 2, 3)]
    meetings.delete_decision(session, clerk, ids[0])
    decisions = meetings.get_meeting(session, mid, TODAY).decisions
    assert [(d.seq, d.content) for d in decisions] == [(1, "事项2"), (2, "事项3")]
    entry, detail = _last(session)
    assert entry.action == "delete" and "议定事项1" in entry.summary
    assert detail["decision"]["前"]["content"] == "事项1" and detail["decision"]["后"] is None
    assert detail["seq"] == {str(ids[1]): {"前": 2, "后": 1}, str(ids[2]): {"前": 3, "后": 2}}

    meetings.edit_decision(session, clerk, ids[1], "事项2", unit_id, date(2026, 12, 31))
    item = meetings.supervise_decision(session, clerk, ids[1])
    with pytest.raises(ValidationError, match=f"督办事项 #{item}，不能删除"):
        meetings.delete_decision(session, clerk, ids[1])


# --- interviews -------------------------------------------------------------------------------

NOTICE = InterviewNotice(datetime(2026, 12, 1, 9, 30), "三楼会议室", "陈立群", "书记", "周海涛")


def _record(when: datetime) -> InterviewRecord:
    return InterviewRecord(when, "李明", "李明", "改造滞后", "承认不力", "月底完成")


def _notified(session, clerk, unit_id) -> int:
    iid = interviews.propose(session, clerk, unit_id, "红灯持续")
    interviews.schedule(session, clerk, iid, NOTICE)
    return iid


def test_correct_notice(session, clerk, clock, unit_id) -> None:
    iid = interviews.propose(session, clerk, unit_id, "红灯持续")
    with pytest.raises(ValidationError, match="“拟约谈”.*修改约谈通知|修改约谈通知"):
        interview_corrections.correct_notice(session, clerk, iid, NOTICE)
    interviews.schedule(session, clerk, iid, NOTICE)
    # The noticed day has passed, the record is not in yet: the place may still be fixed.
    _advance(clock, 5)
    fixed = InterviewNotice(**{**vars(NOTICE), "place": "市委政法委三楼会议室"})
    interview_corrections.correct_notice(session, clerk, iid, fixed)
    entry, detail = _last(session)
    assert "更正约谈" in entry.summary and "地点" in entry.summary
    assert detail == {"place": {"前": "三楼会议室", "后": "市委政法委三楼会议室"}}
    past = InterviewNotice(**{**vars(fixed), "scheduled_at": datetime(2026, 12, 2, 9, 0)})
    with pytest.raises(ValidationError, match="不能早于今天"):
        interview_corrections.correct_notice(session, clerk, iid, past)
    with pytest.raises(ValidationError, match="被约谈人"):
        interview_corrections.correct_notice(
            session, clerk, iid, InterviewNotice(**{**vars(fixed), "summoned": ""})
        )
    # schedule() on a notice already out is the same correction (改期), audited before/after.
    moved = InterviewNotice(**{**vars(fixed), "scheduled_at": datetime(2026, 12, 8, 15, 0)})
    interviews.schedule(session, clerk, iid, moved)
    entry, detail = _last(session)
    assert entry.action == "update"
    assert detail["scheduled_at"] == {"前": "2026-12-01 09:30", "后": "2026-12-08 15:00"}
    clock.moment = datetime(2026, 12, 8, 17, 0)
    interviews.record_held(session, clerk, iid, _record(datetime(2026, 12, 8, 15, 0)))
    with pytest.raises(ValidationError, match="“已约谈”|需要先处于"):
        interview_corrections.correct_notice(session, clerk, iid, NOTICE)


def test_correct_record_until_rectification(session, clerk, clock, unit_id) -> None:
    iid = _notified(session, clerk, unit_id)
    clock.moment = datetime(2026, 12, 1, 12, 0)
    interviews.record_held(session, clerk, iid, _record(datetime(2026, 12, 1, 9, 30)))
    fixed = InterviewRecord(
        **{**vars(_record(datetime(2026, 12, 1, 9, 30))), "attendees": "李明、王芳"}
    )
    interview_corrections.correct_record(session, clerk, iid, fixed)
    _, detail = _last(session)
    assert detail == {"attendees": {"前": "李明", "后": "李明、王芳"}}
    future = InterviewRecord(**{**vars(fixed), "held_at": datetime(2026, 12, 2, 9, 0)})
    with pytest.raises(ValidationError, match="尚未进行"):
        interview_corrections.correct_record(session, clerk, iid, future)
    interviews.order_rectification(session, clerk, iid, "限期整改", date(2026, 12, 31))
    with pytest.raises(ValidationError, match="修改约谈记录"):
        interview_corrections.correct_record(
            session, clerk, iid, _record(datetime(2026, 12, 1, 9, 0))
        )
    assert interviews.get_interview(session, iid, TODAY).record.attendees == "李明、王芳"


def test_correct_rectification_until_first_report(session, clerk, clock, unit_id) -> None:
    iid = _notified(session, clerk, unit_id)
    clock.moment = datetime(2026, 12, 1, 12, 0)
    interviews.record_held(session, clerk, iid, _record(datetime(2026, 12, 1, 9, 30)))
    interviews.order_rectification(session, clerk, iid, "限期整改", date(2026, 12, 31))
    interview_corrections.correct_rectification(
        session, clerk, iid, "限期整改，每周报送进度", date(2027, 1, 15)
    )
    entry, detail = _last(session)
    assert "整改要求" in entry.summary and "整改期限" in entry.summary
    assert detail["rectification_due"] == {"前": "2026-12-31", "后": "2027-01-15"}
    with pytest.raises(ValidationError, match="应晚于今天"):
        interview_corrections.correct_rectification(
            session, clerk, iid, "限期整改", date(2026, 12, 1)
        )
    # Past the deadline the measures may be reworded, the deadline itself not moved.
    clock.moment = datetime(2027, 1, 20, 9, 0)
    with pytest.raises(ValidationError, match="整改期限已过"):
        interview_corrections.correct_rectification(
            session, clerk, iid, "限期整改", date(2027, 2, 28)
        )
    interview_corrections.correct_rectification(
        session, clerk, iid, "限期整改（补充）", date(2027, 1, 15)
    )
    interviews.add_follow_up(session, clerk, iid, date(2027, 1, 20), "已完成")
    with pytest.raises(ValidationError, match="已报送整改情况"):
        interview_corrections.correct_rectification(session, clerk, iid, "x", date(2027, 1, 15))
    assert interviews.get_interview(session, iid, TODAY).status == InterviewStatus.RECTIFYING


def test_issued_document_stays_frozen(session, clerk, unit_id) -> None:
    iid = _notified(session, clerk, unit_id)
    doc_id = escalation_documents.draft_for_interview(session, clerk, iid, "notice")
    fixed = InterviewNotice(**{**vars(NOTICE), "contact": "刘建华 0715-8201101"})
    note = interview_corrections.correct_notice(session, clerk, iid, fixed)
    assert "草稿不随之更新" in note
    issued = issuing.issue(session, clerk, doc_id)
    content = notices.get_document(session, doc_id)
    again = InterviewNotice(**{**vars(fixed), "to_bring": "整改方案"})
    note = interview_corrections.correct_notice(session, clerk, iid, again)
    assert issued.number in note and "拟制更正件" in note
    assert notices.get_document(session, doc_id) == content  # the register is untouched
