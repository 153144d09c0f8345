"""考核 after the figures: the 平安办's 优秀 eligibility review, the 领导小组's decision on the
grades the desk proposed (who, when, the minutes' 期号), and reopening a finalised year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import AssessmentManual, AssessmentResult, SchemeStatus, Unit
from desktop.services import audit
from desktop.services.assessment.rules import ZERO
from desktop.services.assessment.views import (
    Results,
    SchemeInfo,
    info_of,
    manual_entries,
    scheme_row,
    stored_results,
)
from desktop.services.assessment.writes import editable
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ConflictError, ValidationError
from desktop.services.lookup import get_or_missing


@audit.writes(Permission.EDIT_LEDGER)
def review_excellent(
    session: Session, actor: Actor, year: int, unit_id: int, eligible: bool, note: str
) -> None:
    """The 平安办's review of a unit's eligibility for the top grade (优秀): eligible, or not
    with the reason; a unit found not eligible is proposed the next grade at best."""
    scheme = scheme_row(session, year)
    editable(scheme, "审核优秀资格")
    if not note.strip():
        raise ValidationError("请写明资格审核意见。", field="note")
    top = scheme.grades[0].label if scheme.grades else "优秀"
    what = f"{top}等次资格审核（{'符合' if eligible else '不符合'}）"
    value = Decimal(1) if eligible else ZERO
    unit = get_or_missing(session, Unit, unit_id, "单位")
    entry = manual_entries(session, scheme.id).get((unit_id, "review", "excellent"))
    if entry is None:
        entry = AssessmentManual(
            scheme_id=scheme.id, unit_id=unit.id, target="review", code="excellent", source=""
        )
        session.add(entry)
    entry.value, entry.note = value, note.strip()
    entry.entered_by, entry.entered_at = actor.label, clock_of(session).now()
    session.flush()
    audit.record(
        session, actor, "review", "assessment_scheme", scheme.id,
        f"{year}年度考核：{unit.name}{what}", {"unit_id": unit_id, "eligible": eligible,
                                              "note": note.strip()},
    )  # fmt: skip


@audit.writes(Permission.EDIT_LEDGER)
def record_decision(
    session: Session,
    actor: Actor,
    year: int,
    *,
    decided_on: date,
    decided_by: str,
    minutes_issue: str,
    meeting_id: int | None = None,
    changes: dict[int, tuple[str, str]] | None = None,
) -> Results:
    """The 领导小组's decision on the grades the desk proposed, as its meeting took it: who,
    when, the minutes' 期号; ``changes``: unit → (grade, reason) where it decided otherwise.
    The desk proposes; the meeting decides; the desk records."""
    scheme = scheme_row(session, year)
    if scheme.status != SchemeStatus.FINAL:
        raise ConflictError(f"{year}年度考核尚未定稿：先定稿，再提交领导小组会议审定。")
    if not decided_by.strip() or not minutes_issue.strip():
        raise ValidationError("请写明审定的会议（主持人）和会议纪要期号。", field="decided_by")
    if decided_on > clock_of(session).today():
        raise ValidationError("审定日期不能晚于今天。", field="decided_on")
    if scheme.finalised_at is not None and decided_on < scheme.finalised_at.date():
        raise ValidationError("审定日期不能早于定稿日期。", field="decided_on")
    if meeting_id is not None:
        from db.models import Meeting

        get_or_missing(session, Meeting, meeting_id, "会议")
    labels = [g.label for g in scheme.grades]
    rows = {
        r.unit_id: r
        for r in session.scalars(
            select(AssessmentResult).where(AssessmentResult.scheme_id == scheme.id)
        )
    }
    for unit_id, (grade, reason) in (changes or {}).items():
        if unit_id not in rows:
            raise ValidationError("该单位不在本年度考核结果中。", field="changes")
        if grade not in labels:
            raise ValidationError(f"等次“{grade}”不在方案中。", field="changes")
        if not reason.strip():
            raise ValidationError("改变拟定等次须写明理由。", field="changes")
        rows[unit_id].grade, rows[unit_id].decision_note = grade, reason.strip()
    scheme.decided_on, scheme.decided_by = decided_on, decided_by.strip()
    scheme.minutes_issue, scheme.meeting_id = minutes_issue.strip(), meeting_id
    session.flush()
    audit.record(
        session,
        actor,
        "decide",
        "assessment_scheme",
        scheme.id,
        f"{year}年度考核等次经{decided_by.strip()}审定（{decided_on:%Y-%m-%d}，"
        f"纪要{minutes_issue.strip()}）",
        {"changes": {str(k): list(v) for k, v in (changes or {}).items()}},
    )
    return stored_results(session, scheme)


@audit.writes(Permission.EDIT_LEDGER)
def reopen(session: Session, actor: Actor, year: int, reason: str) -> SchemeInfo:
    """Reopen a finalised year (复核, a score found wrong …): the reason is required, the frozen
    results and any decision go into the audit record, and the scheme is published again."""
    scheme = scheme_row(session, year)
    if scheme.status != SchemeStatus.FINAL:
        raise ConflictError(f"{year}年度考核尚未定稿，无需重新打开。")
    if not reason.strip():
        raise ValidationError("重新打开已定稿的考核须写明理由。", field="reason")
    frozen = stored_results(session, scheme)
    kept = {
        "reason": reason.strip(),
        "results": [[r.unit, str(r.total), r.rank, r.proposed, r.grade] for r in frozen.rows],
        "decision": [str(scheme.decided_on or ""), scheme.decided_by, scheme.minutes_issue],
    }
    session.execute(delete(AssessmentResult).where(AssessmentResult.scheme_id == scheme.id))
    scheme.status = SchemeStatus.PUBLISHED
    scheme.finalised_at, scheme.finalised_by, scheme.as_of = None, "", ""
    scheme.decided_on, scheme.decided_by, scheme.minutes_issue = None, "", ""
    scheme.meeting_id = None
    session.flush()
    audit.record(
        session, actor, "reopen", "assessment_scheme", scheme.id,
        f"重新打开{year}年度考核：{reason.strip()}", kept,
    )  # fmt: skip
    return info_of(scheme)
