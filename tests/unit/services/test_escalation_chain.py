"""The escalation chain from a red task to an accountability decision, and its state rules."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.services import attachments, meetings, supervision, timeline
from desktop.services.accountability import writes as accountability
from desktop.services.enums import LampColor
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.escalation import proposals as escalation
from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import (
    InterviewNotice,
    InterviewRecord,
    InterviewStatus,
)
from desktop.services.meetings import MeetingInput, MeetingKind

TODAY = date(2026, 11, 28)


def _advance(clock, days: int) -> date:
    clock.moment = clock.moment + timedelta(days=days)
    return clock.moment.date()


def _proposal(session, code: str, today: date) -> escalation.Proposal:
    found = [p for p in escalation.proposals(session, today) if p.code == code]
    assert found, f"no proposal for {code}"
    return found[0]


NOTICE = InterviewNotice(
    datetime(2026, 12, 10, 9, 30),
    "市委政法委三楼会议室",
    "陈立群",
    "市委常委、政法委书记",
    "市应急管理局局长 周海涛",
    "整改方案",
    "刘建华 0715-8201101",
)


def _record(day: date) -> InterviewRecord:
    return InterviewRecord(
        datetime(day.year, day.month, day.day, 9, 30),
        "市平安办 李明",
        "李明",
        "燃气管网改造滞后 37 个百分点",
        "承认组织推进不力",
        "12 月底前完成 30 公里改造",
    )


def test_red_task_from_notice_to_accountability(demo_session, clerk, clock) -> None:
    session = demo_session
    # 04-02 城镇燃气安全专项整治 is red: the desk proposes a supervision notice, not a mere reminder.
    proposal = _proposal(session, "04-02", TODAY)
    assert proposal.lamp == LampColor.RED and proposal.step == escalation.NOTICE
    item_id = escalation.confirm(session, clerk, proposal)
    item = supervision.get_item(session, item_id, TODAY)
    assert item.kind == supervision.SupervisionKind.NOTICE and item.state == "待回复"

    # The reply does not come: the notice becomes overdue and the desk proposes an interview.
    later = _advance(clock, 12)
    assert supervision.get_item(session, item_id, later).state == "逾期未回复"
    proposal = _proposal(session, "04-02", later)
    assert proposal.step == escalation.INTERVIEW and "逾期未回复" in proposal.reason
    interview_id = escalation.confirm(session, clerk, proposal)

    # No record can be held before its notice.
    with pytest.raises(ValidationError, match="需要先处于“已发约谈通知”"):
        interviews.record_held(session, clerk, interview_id, _record(later))
    interviews.schedule(session, clerk, interview_id, NOTICE)
    held = _advance(clock, 3)
    interviews.record_held(session, clerk, interview_id, _record(held))
    interviews.order_rectification(
        session, clerk, interview_id, "倒排工期，每周报送进度", held + timedelta(days=30)
    )
    # No closing without a follow-up report and verification.
    with pytest.raises(ValidationError, match="尚无整改情况报告"):
        interviews.verify_closed(session, clerk, interview_id, "已核实")
    # Not failed before the deadline.
    with pytest.raises(ValidationError, match="整改期限未到"):
        interviews.mark_failed(session, clerk, interview_id)
    after = _advance(clock, 31)
    assert interviews.get_interview(session, interview_id, after).overdue
    interviews.mark_failed(session, clerk, interview_id, "仅完成 12 公里")
    accountability.start(
        session,
        clerk,
        interview_id,
        after,
        {
            "approver": "陈立群",
            "approver_title": "市平安建设领导小组组长",
            "opinion": "同意",
            "persons": "市应急管理局分管负责同志",
            "grounds": "约谈整改逾期未完成",
        },
    )
    info = interviews.get_interview(session, interview_id, after)
    assert info.status == InterviewStatus.FAILED  # 已问责 only once the decision is recorded
    assert info.accountability[0].kind is None

    # The task's timeline tells the story in order.
    task_id = proposal.task_id
    titles = [e.title for e in reversed(timeline.timeline(session, task_id))]
    story = [
        t
        for t in titles
        if any(k in t for k in ("督办通知", "约谈", "限期整改", "逾期未完成", "问责"))
    ]
    assert story.index("对市应急管理局发起督办通知") < story.index("约谈通知")
    assert story[-1].endswith("启动问责")


def test_rectification_that_succeeds_is_closed_after_verification(demo_session, clerk, clock):
    session = demo_session
    proposal = _proposal(session, "04-02", TODAY)
    interview_id = interviews.propose(
        session, clerk, proposal.unit_id, "红灯持续", (proposal.task_id,)
    )
    interviews.schedule(session, clerk, interview_id, NOTICE)
    held = _advance(clock, 13)
    interviews.record_held(session, clerk, interview_id, _record(held))
    interviews.order_rectification(session, clerk, interview_id, "限期整改", held + timedelta(20))
    report_day = _advance(clock, 10)
    report_id = interviews.add_follow_up(session, clerk, interview_id, report_day, "已完成改造")
    evidence = attachments.attach(
        session,
        clerk,
        "rectification_report",
        report_id,
        "现场照片.jpg",
        b"\xff\xd8\xff fake jpeg bytes",
    )
    assert attachments.content_of(session, evidence.id) == b"\xff\xd8\xff fake jpeg bytes"
    interviews.verify_closed(session, clerk, interview_id, "经现场核实，整改到位")
    info = interviews.get_interview(session, interview_id, report_day)
    assert info.status == InterviewStatus.CLOSED and info.verified_on == report_day
    assert proposal.task_id not in {
        p.task_id
        for p in escalation.proposals(session, report_day)
        if p.step == escalation.INTERVIEW and "约谈" in p.reason
    }


def test_yellow_task_gets_a_reminder_first_and_dismissal_needs_a_reason(demo_session, clerk):
    session = demo_session
    proposals = escalation.proposals(session, TODAY)
    yellow = [p for p in proposals if p.lamp == LampColor.YELLOW]
    reminded = {p.code for p in yellow if p.step == escalation.NOTICE}
    # 01-03 and 07-04 were reminded two months ago (demo story) and are still yellow: notice next.
    assert reminded == {"01-03", "07-04"}
    assert all("催办" in p.reason for p in yellow if p.code in reminded)
    yellow = [p for p in yellow if p.code not in reminded]
    assert yellow and all(p.step == escalation.REMIND for p in yellow)
    with pytest.raises(ValidationError, match="理由"):
        escalation.dismiss(session, clerk, yellow[0], "  ")
    escalation.dismiss(session, clerk, yellow[0], "已电话督促，单位承诺本周补报")
    assert yellow[0].task_id not in {p.task_id for p in escalation.proposals(session, TODAY)}


def test_a_leader_cannot_move_the_chain(demo_session, leader) -> None:
    proposal = escalation.proposals(demo_session, TODAY)[0]
    with pytest.raises(PermissionDenied, match="无权"):
        escalation.confirm(demo_session, leader, proposal)


def test_meeting_decision_becomes_a_supervision_item(demo_session, clerk) -> None:
    session = demo_session
    held = [
        m.issue_no
        for m in meetings.list_meetings(session, TODAY)
        if m.kind is MeetingKind.LEADING_GROUP and m.held_on.year == TODAY.year
    ]
    meeting_id = meetings.create_meeting(
        session,
        clerk,
        MeetingInput(
            MeetingKind.LEADING_GROUP,
            "市平安建设领导小组2026年第四次全体会议",
            TODAY,
            "市委第一会议室",
            "陈立群",
            "林振邦、周明远、何佩玲",
            "唐启航（出差）",
            "各牵头单位分管负责同志",
        ),
    )
    units = {p.unit: p.unit_id for p in escalation.proposals(session, TODAY)}
    decision_id = meetings.add_decision(
        session,
        clerk,
        meeting_id,
        "市住建局牵头，12月20日前完成电动自行车充电设施选址",
        units["市住房和城乡建设局"],
        date(2026, 12, 20),
    )
    with pytest.raises(ValidationError, match="责任单位和完成时限"):
        meetings.supervise_decision(
            session, clerk, meetings.add_decision(session, clerk, meeting_id, "加强宣传")
        )
    item_id = meetings.supervise_decision(session, clerk, decision_id)
    info = meetings.get_meeting(session, meeting_id, TODAY)
    # Numbering counts per kind and year, after the demo's own meetings of that kind.
    assert info.issue_no == max(held, default=0) + 1
    assert info.decisions[0].supervision_id == item_id
    assert info.decisions[0].supervision_state == "待回复"
    row = supervision.get_item(session, item_id, TODAY)
    assert row.origin == supervision.SupervisionOrigin.MEETING


def test_no_interview_proposed_while_a_notice_awaits_its_reply(demo_session, clerk, clock):
    session = demo_session
    proposal = _proposal(session, "04-02", TODAY)
    item_id = escalation.confirm(session, clerk, proposal)
    assert "04-02" not in {p.code for p in escalation.proposals(session, TODAY)}
    later = _advance(clock, 5)
    supervision.record_reply(session, clerk, item_id, later, "已制定整改方案")
    again = _proposal(session, "04-02", later)
    assert again.step == escalation.INTERVIEW and "已回复仍亮红灯" in again.reason
