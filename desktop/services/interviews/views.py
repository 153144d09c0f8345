"""Reading interviews: where each stands, what comes next, its follow-ups and any 问责."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AccountabilityKind, Interview, InterviewStatus, Task
from desktop.services.enums import QT_TR_NOOP
from desktop.services.lookup import get_or_missing


@dataclass(frozen=True)
class InterviewNotice:
    """What the 约谈通知书 says."""

    scheduled_at: datetime
    place: str
    interviewer: str
    interviewer_title: str
    summoned: str
    to_bring: str = ""
    contact: str = ""


@dataclass(frozen=True)
class InterviewRecord:
    """What the 约谈记录 says."""

    held_at: datetime
    attendees: str
    recorder: str
    problems: str
    statements: str
    commitments: str


@dataclass(frozen=True)
class FollowUp:
    id: int
    reported_on: date
    content: str


@dataclass(frozen=True)
class AccountabilityInfo:
    """A 问责 as the interview sees it; kind and day stay empty until the decision step."""

    id: int
    kind: AccountabilityKind | None
    persons: str
    grounds: str
    doc_number: str
    decided_on: date | None
    document_id: int | None


@dataclass(frozen=True)
class InterviewInfo:
    id: int
    unit_id: int
    unit: str
    status: InterviewStatus
    reason: str
    proposed_on: date
    task_ids: tuple[int, ...]
    task_codes: tuple[str, ...]
    notice: InterviewNotice | None
    record: InterviewRecord | None
    measures: str
    rectification_due: date | None
    verified_on: date | None
    verification: str
    failed_on: date | None
    follow_ups: tuple[FollowUp, ...]
    accountability: tuple[AccountabilityInfo, ...]
    notice_document_id: int | None
    record_document_id: int | None
    rectification_document_id: int | None
    overdue: bool  # rectification past its deadline and not verified

    @property
    def next_step(self) -> str:
        return (
            NEXT_STEP[self.status]
            if not self.overdue
            else QT_TR_NOOP("整改已逾期：认定未完成并提出问责")
        )


NEXT_STEP = {
    InterviewStatus.PROPOSED: QT_TR_NOOP("拟发约谈通知书"),
    InterviewStatus.NOTIFIED: QT_TR_NOOP("约谈后登记约谈记录"),
    InterviewStatus.HELD: QT_TR_NOOP("下达限期整改通知书"),
    InterviewStatus.RECTIFYING: QT_TR_NOOP("登记整改情况，核实后对账销号"),
    InterviewStatus.CLOSED: QT_TR_NOOP("已销号"),
    InterviewStatus.FAILED: QT_TR_NOOP("经主要负责人批准后启动问责"),
    InterviewStatus.ESCALATED: QT_TR_NOOP("已问责"),
    InterviewStatus.WAIVED: QT_TR_NOOP("已决定不予或免予问责"),
}


# --- reading ---------------------------------------------------------------------------------


def _info(interview: Interview, today: date) -> InterviewInfo:
    notice = None
    if interview.scheduled_at is not None:
        notice = InterviewNotice(
            interview.scheduled_at,
            interview.place,
            interview.interviewer,
            interview.interviewer_title,
            interview.summoned,
            interview.to_bring,
            interview.contact,
        )
    record = None
    if interview.held_at is not None:
        record = InterviewRecord(
            interview.held_at,
            interview.attendees,
            interview.recorder,
            interview.problems,
            interview.statements,
            interview.commitments,
        )
    decisions = [
        AccountabilityInfo(
            a.id, a.kind, a.persons, a.grounds, a.doc_number, a.decided_on, a.document_id
        )
        for a in interview.decisions
    ]
    overdue = (
        interview.status == InterviewStatus.RECTIFYING
        and interview.rectification_due is not None
        and today > interview.rectification_due
    )
    return InterviewInfo(
        interview.id,
        interview.unit_id,
        interview.unit.name,
        interview.status,
        interview.reason,
        interview.proposed_on,
        tuple(t.id for t in interview.tasks),
        tuple(t.code for t in interview.tasks),
        notice,
        record,
        interview.measures,
        interview.rectification_due,
        interview.verified_on,
        interview.verification,
        interview.failed_on,
        tuple(FollowUp(f.id, f.reported_on, f.content) for f in interview.follow_ups),
        tuple(decisions),
        interview.notice_document_id,
        interview.record_document_id,
        interview.rectification_document_id,
        overdue,
    )


def get_interview(session: Session, interview_id: int, today: date) -> InterviewInfo:
    return _info(get_or_missing(session, Interview, interview_id, "约谈"), today)


def list_interviews(
    session: Session,
    today: date,
    *,
    unit_id: int | None = None,
    task_id: int | None = None,
    open_only: bool = False,
) -> list[InterviewInfo]:
    query = select(Interview).order_by(Interview.proposed_on.desc(), Interview.id.desc())
    if unit_id is not None:
        query = query.where(Interview.unit_id == unit_id)
    if task_id is not None:
        query = query.where(Interview.tasks.any(Task.id == task_id))
    if open_only:
        query = query.where(
            Interview.status.not_in(
                [InterviewStatus.CLOSED, InterviewStatus.ESCALATED, InterviewStatus.WAIVED]
            )
        )
    return [_info(interview, today) for interview in session.scalars(query)]
