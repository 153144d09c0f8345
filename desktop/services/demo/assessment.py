"""The demo's 考核: the base-100 scheme, scores from four sources, a grade-capping veto, the
平安办's 优秀 review, 定稿, and the 领导小组 meeting that decides the grades, recorded."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit
from desktop.services import meetings
from desktop.services.assessment import decision
from desktop.services.assessment import writes as assessment
from desktop.services.auth import Actor
from desktop.services.clock import clock_of
from desktop.services.escalation import documents as escalation_documents
from desktop.services.meetings import MeetingInput, MeetingKind
from desktop.services.notices import issuing

# 工作实效 by source: (unit, 群众评价, 自查自评, 部门考评, 实地考评)
QUALITY = (
    ("市公安局", "95", "98", "96", "94"),
    ("市司法局", "88", "95", "86", "90"),
    ("市应急管理局", "70", "90", "72", "68"),
    ("市教育局", "96", "97", "95", "97"),
)
SOURCES = ("群众评价", "自查自评", "部门考评", "实地考评")
VETO = ("市司法局", "2026年9月辖区发生一起较大安全生产事故，按方案不得评为优秀")
COMMENDED = ("市教育局", "2", "获省级平安校园建设表彰两项")


def add_demo_assessment(session: Session, actor: Actor) -> None:
    year = clock_of(session).today().year
    assessment.create_scheme(session, actor, year, base100=True)
    units = {name: unit_id for name, unit_id in session.execute(select(Unit.name, Unit.id))}
    for unit, *scores in QUALITY:
        for source, score in zip(SOURCES, scores, strict=True):
            assessment.set_manual_score(
                session, actor, year, units[unit], "quality", score, "年度考评", source
            )
    unit, count, note = COMMENDED
    assessment.set_manual_count(session, actor, year, units[unit], "commended", count, note)
    assessment.set_manual_count(session, actor, year, units[VETO[0]], "veto", 1, VETO[1])
    assessment.publish_scheme(session, actor, year)
    top = assessment.get_scheme(session, year).grades[0].label
    for row in assessment.results(session, year).rows:
        if row.grade == top:
            decision.review_excellent(
                session,
                actor,
                year,
                row.unit_id,
                True,
                "经平安办审核，年内无否决情形，符合优秀条件",
            )
    assessment.finalise(session, actor, year)
    today = clock_of(session).today()
    meeting = meetings.create_meeting(
        session,
        actor,
        MeetingInput(
            MeetingKind.LEADING_GROUP,
            f"市平安建设领导小组{year}年度考核审定会议",
            today,
            "市委常委会议室",
            "陈立群",
            "林振邦、周明远、何佩玲、唐启航",
            topics=f"审定{year}年度平安建设重点工程推进工作考核结果",
        ),
    )
    meetings.add_decision(
        session, actor, meeting, f"审定{year}年度考核等次：同意市平安办拟定的考核等次", None, None
    )
    issuing.issue(session, actor, escalation_documents.draft_minutes(session, actor, meeting))
    issue = meetings.get_meeting(session, meeting, today).issue_no
    decision.record_decision(
        session,
        actor,
        year,
        decided_on=today,
        decided_by=f"市平安建设领导小组{year}年度考核审定会议（陈立群主持）",
        minutes_issue=f"第{issue}期",
        meeting_id=meeting,
    )
