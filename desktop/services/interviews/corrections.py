"""Correcting an interview's notice, record or rectification order while its step is the current one.

Each step may be corrected only until the next one builds on it: the notice until the interview is
recorded, the record until rectification is ordered, the order until the unit first reports.
Documents already composed stay as they are (see corrections.py); each call returns that note.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db.models import Interview, InterviewStatus
from desktop.services import audit, corrections
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.interviews.lifecycle import (
    InterviewNotice,
    InterviewRecord,
    check_measures,
    check_notice,
    check_record,
    require_status,
)
from desktop.services.lookup import get_or_missing

LABELS = {
    "scheduled_at": "约谈时间",
    "place": "地点",
    "interviewer": "约谈人",
    "interviewer_title": "约谈人职务",
    "summoned": "被约谈人",
    "to_bring": "需携带材料",
    "contact": "联系人及电话",
    "held_at": "约谈时间",
    "attendees": "参加人员",
    "recorder": "记录人",
    "problems": "存在问题",
    "statements": "表态发言",
    "commitments": "整改承诺",
    "measures": "整改要求",
    "rectification_due": "整改期限",
}


def _apply(
    session: Session,
    actor: Actor,
    interview: Interview,
    after: dict[str, object],
    what: str,
    document_id: int | None,
) -> str:
    after = {k: (v.strip() if isinstance(v, str) else v) for k, v in after.items()}
    changed = corrections.diff({k: getattr(interview, k) for k in after}, after)
    for key, value in after.items():
        setattr(interview, key, value)
    audit.record(
        session,
        actor,
        "update",
        "interview",
        interview.id,
        f"更正约谈（{interview.unit.name}）{what}：{corrections.names(changed, LABELS)}",
        changed,
    )
    return corrections.document_note(session, document_id)


@audit.writes(Permission.EDIT_LEDGER)
def correct_notice(
    session: Session, actor: Actor, interview_id: int, notice: InterviewNotice
) -> str:
    """A new time (改期) or a mistyped place, interviewer…, before the interview is recorded."""
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    require_status(interview, InterviewStatus.NOTIFIED, doing="修改约谈通知")
    check_notice(notice)
    # The time already noticed may lie in the past (the record is simply not in yet); a new one not.
    moved = notice.scheduled_at != interview.scheduled_at
    if moved and notice.scheduled_at.date() < clock_of(session).today():
        raise ValidationError("改定的约谈时间不能早于今天。", field="scheduled_at")
    return _apply(
        session, actor, interview, dict(vars(notice)), "通知", interview.notice_document_id
    )


@audit.writes(Permission.EDIT_LEDGER)
def correct_record(
    session: Session, actor: Actor, interview_id: int, record: InterviewRecord
) -> str:
    """Fix the 约谈记录 until rectification is ordered on the strength of it."""
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    require_status(interview, InterviewStatus.HELD, doing="修改约谈记录")
    check_record(session, record)
    return _apply(
        session, actor, interview, dict(vars(record)), "记录", interview.record_document_id
    )


@audit.writes(Permission.EDIT_LEDGER)
def correct_rectification(
    session: Session, actor: Actor, interview_id: int, measures: str, due: date
) -> str:
    """Fix what the unit must do and by when, until it first reports on it."""
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    require_status(interview, InterviewStatus.RECTIFYING, doing="修改整改要求")
    if interview.follow_ups:
        raise ValidationError("单位已报送整改情况，整改要求和期限不能再改。")
    check_measures(measures)
    old_due = interview.rectification_due
    today = clock_of(session).today()
    if due != old_due:
        # A lapsed deadline is the ground for accountability; a correction must not erase it.
        if old_due is not None and old_due < today:
            raise ValidationError(
                "整改期限已过，不能再修改期限；请认定整改未完成，或核实整改情况后销号。",
                field="due",
            )
        if due <= today:
            raise ValidationError("整改期限应晚于今天。", field="due")
    after: dict[str, object] = {"measures": measures, "rectification_due": due}
    return _apply(session, actor, interview, after, "整改要求", interview.rectification_document_id)
