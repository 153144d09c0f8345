"""The escalation chain's documents, composed from its records and kept in the register."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import DocKind, Interview, Meeting, SupervisionItem
from desktop.documents.compose_interview import (
    InterviewData,
    compose_interview_notice,
    compose_interview_record,
    compose_rectification_notice,
)
from desktop.documents.compose_minutes import MinutesData, compose_minutes
from desktop.documents.compose_supervision import SupervisionData, compose_supervision
from desktop.services import audit, meetings, settings, supervision
from desktop.services.auth import Actor, Permission
from desktop.services.circular import letterhead
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.interviews import lifecycle as interviews
from desktop.services.lookup import get_or_missing
from desktop.services.notices import register as notices
from desktop.services.notices.drafts import as_letter, supervised_task
from desktop.services.overview import TaskFilter, task_rows
from desktop.services.supervision import SupervisionKind


def _head(session: Session):  # noqa: ANN202 - a Letterhead
    return letterhead(settings.office(session))


@audit.writes(Permission.ISSUE_DOCUMENTS)
def draft_for_supervision(session: Session, actor: Actor, item_id: int) -> int:
    """督办通知 or 催办单 for a supervision item, linked to it."""
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    today = clock_of(session).today()
    rows = task_rows(session, today, TaskFilter(task_ids=tuple(t.id for t in item.tasks)))
    if not rows:
        raise ValidationError("该督办事项没有关联任务，请用“通知”拟文。")
    kind = DocKind.REMINDER if item.kind == SupervisionKind.REMINDER else DocKind.SUPERVISION
    data = SupervisionData(
        kind=kind.value,
        unit=item.unit.name,
        tasks=[supervised_task(session, r) for r in rows],
        as_of=today,
        reply_by=item.reply_due,
        issued=today,
        extra=[item.requirement] if item.origin.value != "lamp" else [],
        letter=as_letter(settings.office(session), kind),
    )
    doc_id = notices.create_draft(
        session,
        actor,
        kind,
        compose_supervision(data, _head(session)),
        task_id=rows[0].id,
        unit_id=item.unit_id,
        task_ids=[r.id for r in rows],
        confirm_fallbacks=None,
    )
    supervision.link_document(session, actor, item.id, doc_id)
    return doc_id


def _interview_data(interview: Interview) -> InterviewData:
    return InterviewData(
        unit=interview.unit.name,
        reason=interview.reason,
        tasks=tuple(f"{t.code} {t.title}" for t in interview.tasks),
        scheduled_at=interview.scheduled_at,
        place=interview.place,
        interviewer=interview.interviewer,
        interviewer_title=interview.interviewer_title,
        summoned=interview.summoned,
        to_bring=interview.to_bring,
        contact=interview.contact,
        held_at=interview.held_at,
        attendees=interview.attendees,
        recorder=interview.recorder,
        problems=interview.problems,
        statements=interview.statements,
        commitments=interview.commitments,
        measures=interview.measures,
        rectification_due=interview.rectification_due,
    )


_INTERVIEW_DOCS = {
    "notice": (DocKind.INTERVIEW_NOTICE, compose_interview_notice, "scheduled_at", "约谈通知"),
    "record": (DocKind.INTERVIEW_RECORD, compose_interview_record, "held_at", "约谈记录"),
    "rectification": (
        DocKind.RECTIFICATION,
        compose_rectification_notice,
        "rectification_due",
        "限期整改要求",
    ),
}


@audit.writes(Permission.ISSUE_DOCUMENTS)
def draft_for_interview(session: Session, actor: Actor, interview_id: int, role: str) -> int:
    """约谈通知书 (notice), 约谈记录 (record) or 限期整改通知书 (rectification)."""
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    kind, compose, needs, what = _INTERVIEW_DOCS[role]
    if getattr(interview, needs) is None:
        raise ValidationError(f"请先登记{what}，再生成{kind.label}。")
    model = compose(_interview_data(interview), _head(session), clock_of(session).today())
    task_id = interview.tasks[0].id if interview.tasks else None
    doc_id = notices.create_draft(
        session,
        actor,
        kind,
        model,
        task_id=task_id,
        unit_id=interview.unit_id,
        task_ids=[t.id for t in interview.tasks],
        confirm_fallbacks=None,
    )
    interviews.link_document(session, actor, interview.id, role, doc_id)
    return doc_id


@audit.writes(Permission.ISSUE_DOCUMENTS)
def draft_minutes(session: Session, actor: Actor, meeting_id: int) -> int:
    meeting = get_or_missing(session, Meeting, meeting_id, "会议")
    if not meeting.decisions:
        raise ValidationError("会议尚无议定事项，无法生成纪要。")

    def names(text: str) -> tuple[str, ...]:
        return tuple(n.strip() for n in text.replace("，", "、").split("、") if n.strip())

    data = MinutesData(
        meeting_kind=meeting.kind.label,
        title=meeting.title,
        issue_no=meeting.issue_no,
        held_on=meeting.held_on,
        place=meeting.place,
        chair=meeting.chair,
        present=names(meeting.present),
        absent=names(meeting.absent),
        attending=names(meeting.attending),
        topics=meeting.topics,
        decisions=tuple(d.content for d in meeting.decisions),
    )
    model = compose_minutes(data, _head(session), clock_of(session).today())
    doc_id = notices.create_draft(session, actor, DocKind.MINUTES, model, confirm_fallbacks=None)
    meetings.link_minutes(session, actor, meeting.id, doc_id)
    return doc_id
