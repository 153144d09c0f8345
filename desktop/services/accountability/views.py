"""Reading a 问责: its steps so far, what comes next, the execution lamp and the 申诉 window."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Accountability, AccountabilityKind, Task, Waiver
from desktop.services import settings
from desktop.services.accountability.steps import (
    APPEAL,
    APPEAL_OUTCOME,
    DECISION,
    EXECUTE,
    MAIN,
    SPEC,
    WAIVE,
)
from desktop.services.enums import LampColor
from desktop.services.lookup import get_or_missing


@dataclass(frozen=True)
class StepRecord:
    code: str
    label: str
    on: date
    summary: str
    values: dict[str, str]
    recorded_by: str
    document_id: int | None


@dataclass(frozen=True)
class CaseInfo:
    id: int
    interview_id: int
    unit: str
    persons: str
    grounds: str
    kind: AccountabilityKind | None
    decided_on: date | None
    steps: tuple[StepRecord, ...]
    next_steps: tuple[str, ...]  # the step codes that may be recorded now
    execution_due: date | None
    lamp: LampColor | None  # the execution lamp, once decided
    lamp_reason: str
    appeal_until: date | None
    closed: bool
    legacy: bool  # decided before the due-process steps were kept
    task_ids: tuple[int, ...]
    ending: str = ""  # 不予问责 / 免予问责: the case ended without a form of art. 8

    def step(self, code: str) -> StepRecord | None:
        return next((s for s in self.steps if s.code == code), None)

    @property
    def document_id(self) -> int | None:
        decision = self.step(DECISION)
        return decision.document_id if decision else None


def _next(done: set[str], appeal_until: date | None, today: date) -> tuple[str, ...]:
    if WAIVE in done:
        return ()
    found = [next(code for code in MAIN if code not in done)] if not done >= set(MAIN) else []
    if found == [DECISION]:
        found.append(WAIVE)
    if DECISION in done and APPEAL not in done and appeal_until and today <= appeal_until:
        found.append(APPEAL)
    if APPEAL in done and APPEAL_OUTCOME not in done:
        found.append(APPEAL_OUTCOME)
    return tuple(found)


def _lamp(
    decided: date | None, executed: date | None, due: date | None, today: date, warn: int
) -> tuple[LampColor | None, str]:
    if decided is None or due is None:
        return None, ""
    if executed is not None:
        if executed > due:
            return (
                LampColor.YELLOW,
                f"逾期执行（期限 {due:%Y-%m-%d}，{executed:%Y-%m-%d} 执行完毕）",
            )
        return LampColor.GREEN, f"已按期执行（{executed:%Y-%m-%d}）"
    if today > due:
        return LampColor.RED, f"执行逾期 {(today - due).days} 天（期限 {due:%Y-%m-%d}）"
    if (due - today).days <= warn:
        return LampColor.YELLOW, f"执行期限将至（{due:%Y-%m-%d}）"
    return LampColor.GREEN, f"执行期限 {due:%Y-%m-%d}"


def case_info(session: Session, case: Accountability, today: date) -> CaseInfo:
    rules = settings.accountability_rules(session)
    steps = tuple(
        StepRecord(
            s.step,
            SPEC[s.step].label,
            s.done_on,
            s.summary,
            json.loads(s.detail),
            s.recorded_by,
            s.document_id,
        )
        for s in case.steps
    )
    done = {s.code: s for s in steps}
    legacy = not steps and case.decided_on is not None
    decided = case.decided_on
    due = decided + timedelta(days=rules.execution_days) if decided else None
    executed = done[EXECUTE].on if EXECUTE in done else None
    lamp, reason = _lamp(decided, executed, due, today, rules.execution_warning_days)
    appeal_until = decided + timedelta(days=rules.appeal_days) if decided else None
    next_steps = () if legacy else _next(set(done), appeal_until, today)
    appeal_settled = APPEAL_OUTCOME in done or (
        APPEAL not in done and appeal_until is not None and today > appeal_until
    )
    return CaseInfo(
        case.id,
        case.interview_id,
        case.unit.name,
        case.persons,
        case.grounds,
        case.kind,
        decided,
        steps,
        next_steps,
        due,
        lamp,
        reason,
        appeal_until,
        legacy or (executed is not None and appeal_settled) or WAIVE in done,
        legacy,
        tuple(t.id for t in case.interview.tasks),
        _ending(done.get(WAIVE)),
    )


def _ending(waived: StepRecord | None) -> str:
    """不予问责 / 免予问责 when the case ended so, else ""."""
    return Waiver(waived.values["ending"]).label if waived else ""


def get_case(session: Session, case_id: int, today: date) -> CaseInfo:
    return case_info(session, get_or_missing(session, Accountability, case_id, "问责"), today)


def list_cases(
    session: Session, today: date, *, interview_id: int | None = None, task_id: int | None = None
) -> list[CaseInfo]:
    query = select(Accountability).order_by(Accountability.id)
    if interview_id is not None:
        query = query.where(Accountability.interview_id == interview_id)
    if task_id is not None:
        from db.models import Interview

        query = query.join(Interview).where(Interview.tasks.any(Task.id == task_id))
    return [case_info(session, c, today) for c in session.scalars(query)]
