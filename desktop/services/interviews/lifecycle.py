"""约谈: proposed → notice → held and recorded → rectification → verified closed, or failed → 问责."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db.models import (
    AccountabilityKind,
    Interview,
    InterviewStatus,
    RectificationReport,
    Task,
    Unit,
)
from desktop.services import audit
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.interviews.views import (
    AccountabilityInfo,
    FollowUp,
    InterviewInfo,
    InterviewNotice,
    InterviewRecord,
    get_interview,
    list_interviews,
)
from desktop.services.lookup import get_or_missing

# Re-exported: callers read and write interviews through this one module.
__all__ = [
    "AccountabilityInfo",
    "AccountabilityKind",
    "FollowUp",
    "InterviewInfo",
    "InterviewNotice",
    "InterviewRecord",
    "InterviewStatus",
    "get_interview",
    "list_interviews",
]


def require_status(interview: Interview, *allowed: InterviewStatus, doing: str) -> None:
    if interview.status not in allowed:
        need = "或".join(f"“{s.label}”" for s in allowed)
        raise ValidationError(
            f"约谈（{interview.unit.name}）当前为“{interview.status.label}”，{doing}需要先处于{need}状态。"
        )


@audit.writes(Permission.EDIT_LEDGER)
def propose(
    session: Session,
    actor: Actor,
    unit_id: int,
    reason: str,
    task_ids: tuple[int, ...] = (),
    supervision_id: int | None = None,
) -> int:
    unit = get_or_missing(session, Unit, unit_id, "单位")
    if not reason.strip():
        raise ValidationError("请写明约谈事由。", field="reason")
    interview = Interview(
        unit_id=unit.id,
        status=InterviewStatus.PROPOSED,
        reason=reason.strip(),
        proposed_on=clock_of(session).today(),
        supervision_id=supervision_id,
        tasks=[get_or_missing(session, Task, t, "任务") for t in task_ids],
    )
    session.add(interview)
    session.flush()
    audit.record(
        session, actor, "create", "interview", interview.id, f"拟约谈{unit.name}：{reason.strip()}"
    )
    return interview.id


def check_notice(notice: InterviewNotice) -> None:
    for name, label in (("place", "地点"), ("interviewer", "约谈人"), ("summoned", "被约谈人")):
        if not getattr(notice, name).strip():
            raise ValidationError(f"约谈通知书须写明{label}。", field=name)


def check_record(session: Session, record: InterviewRecord) -> None:
    if record.held_at > clock_of(session).now():
        raise ValidationError("约谈尚未进行，不能登记约谈记录。", field="held_at")
    for name, label in (
        ("recorder", "记录人"),
        ("problems", "存在问题"),
        ("commitments", "整改承诺"),
    ):
        if not getattr(record, name).strip():
            raise ValidationError(f"约谈记录须写明{label}。", field=name)


def check_measures(measures: str) -> None:
    if not measures.strip():
        raise ValidationError("请写明整改措施要求。", field="measures")


@audit.writes(Permission.EDIT_LEDGER)
def schedule(
    session: Session,
    actor: Actor,
    interview_id: int,
    notice: InterviewNotice,
    document_id: int | None = None,
) -> None:
    """Fix time, place and interviewer: the 约谈通知书 goes out.

    Once it is out, a new time or place is a correction of the notice (before/after audited)."""
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    if interview.status == InterviewStatus.NOTIFIED:
        from desktop.services.interviews import (
            corrections as interview_corrections,  # builds on this
        )

        interview_corrections.correct_notice(session, actor, interview_id, notice)
        if document_id is not None:
            link_document(session, actor, interview_id, "notice", document_id)
        return
    require_status(interview, InterviewStatus.PROPOSED, doing="发约谈通知")
    check_notice(notice)
    if notice.scheduled_at.date() < clock_of(session).today():
        raise ValidationError("约谈时间不能早于今天。", field="scheduled_at")
    for name, value in vars(notice).items():
        setattr(interview, name, value.strip() if isinstance(value, str) else value)
    interview.status = InterviewStatus.NOTIFIED
    if document_id is not None:
        interview.notice_document_id = document_id
    audit.record(
        session,
        actor,
        "notify",
        "interview",
        interview.id,
        f"约谈{interview.unit.name}：定于{notice.scheduled_at:%Y年%m月%d日 %H:%M}在{notice.place}",
    )


@audit.writes(Permission.EDIT_LEDGER)
def record_held(
    session: Session,
    actor: Actor,
    interview_id: int,
    record: InterviewRecord,
    document_id: int | None = None,
) -> None:
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    require_status(interview, InterviewStatus.NOTIFIED, doing="登记约谈记录")
    check_record(session, record)
    for name, value in vars(record).items():
        setattr(interview, name, value.strip() if isinstance(value, str) else value)
    interview.status = InterviewStatus.HELD
    if document_id is not None:
        interview.record_document_id = document_id
    audit.record(
        session,
        actor,
        "hold",
        "interview",
        interview.id,
        f"约谈{interview.unit.name}已于{record.held_at:%Y年%m月%d日}进行，记录人{record.recorder}",
    )


@audit.writes(Permission.EDIT_LEDGER)
def order_rectification(
    session: Session,
    actor: Actor,
    interview_id: int,
    measures: str,
    due: date,
    document_id: int | None = None,
) -> None:
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    require_status(interview, InterviewStatus.HELD, doing="下达限期整改")
    check_measures(measures)
    if due <= clock_of(session).today():
        raise ValidationError("整改期限应晚于今天。", field="due")
    interview.measures, interview.rectification_due = measures.strip(), due
    interview.status = InterviewStatus.RECTIFYING
    if document_id is not None:
        interview.rectification_document_id = document_id
    audit.record(
        session,
        actor,
        "rectify",
        "interview",
        interview.id,
        f"责令{interview.unit.name}于{due:%Y年%m月%d日}前完成整改",
    )


@audit.writes(Permission.EDIT_LEDGER)
def add_follow_up(
    session: Session, actor: Actor, interview_id: int, reported_on: date, content: str
) -> int:
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    require_status(interview, InterviewStatus.RECTIFYING, doing="登记整改情况")
    if not content.strip():
        raise ValidationError("请填写整改情况。", field="content")
    if reported_on > clock_of(session).today():
        raise ValidationError("报告日期不能晚于今天。", field="reported_on")
    report = RectificationReport(
        interview_id=interview.id, reported_on=reported_on, content=content.strip()
    )
    session.add(report)
    session.flush()
    audit.record(
        session,
        actor,
        "follow_up",
        "interview",
        interview.id,
        f"{interview.unit.name}报送整改情况（{reported_on:%Y-%m-%d}）",
    )
    return report.id


@audit.writes(Permission.EDIT_LEDGER)
def verify_closed(session: Session, actor: Actor, interview_id: int, verification: str) -> None:
    """对账销号: only after a follow-up report and a written verification."""
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    require_status(interview, InterviewStatus.RECTIFYING, doing="整改销号")
    if not interview.follow_ups:
        raise ValidationError("尚无整改情况报告，不能核实销号。")
    if not verification.strip():
        raise ValidationError("请写明核实情况。", field="verification")
    interview.verified_on, interview.verification = clock_of(session).today(), verification.strip()
    interview.status = InterviewStatus.CLOSED
    audit.record(
        session,
        actor,
        "verify",
        "interview",
        interview.id,
        f"{interview.unit.name}整改经核实完成，对账销号",
    )


@audit.writes(Permission.EDIT_LEDGER)
def mark_failed(session: Session, actor: Actor, interview_id: int, note: str = "") -> None:
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    require_status(interview, InterviewStatus.RECTIFYING, doing="认定整改未完成")
    today = clock_of(session).today()
    if interview.rectification_due is None or today <= interview.rectification_due:
        raise ValidationError("整改期限未到，不能认定整改未完成。")
    interview.failed_on, interview.status = today, InterviewStatus.FAILED
    interview.verification = note.strip()
    audit.record(
        session,
        actor,
        "fail",
        "interview",
        interview.id,
        f"{interview.unit.name}逾期未完成整改，提出问责建议",
    )


@audit.writes(Permission.EDIT_LEDGER)
def link_document(
    session: Session, actor: Actor, interview_id: int, role: str, document_id: int
) -> None:
    """Attach an issued document to its step: role is notice, record or rectification."""
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    if role not in ("notice", "record", "rectification"):
        raise ValueError(role)
    setattr(interview, f"{role}_document_id", document_id)
    audit.record(
        session,
        actor,
        "link",
        "interview",
        interview.id,
        f"约谈（{interview.unit.name}）关联公文 {document_id}",
    )
