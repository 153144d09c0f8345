"""Recording a 问责 step by step: each dated, checked against the one before it, audited."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date

from sqlalchemy.orm import Session

from db.models import (
    Accountability,
    AccountabilityKind,
    AccountabilityStep,
    Interview,
    InterviewStatus,
)
from desktop.services import audit, settings
from desktop.services.accountability.steps import (
    APPEAL,
    CHOICES,
    DECISION,
    NAMES,
    SPEC,
    START,
    WAIVE,
    StepSpec,
    label_of,
    names_of,
)
from desktop.services.accountability.views import get_case
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.interviews.lifecycle import require_status
from desktop.services.lookup import get_or_missing


def _clean(session: Session, spec: StepSpec, values: Mapping[str, str]) -> dict[str, str]:
    unknown = set(values) - {f.key for f in spec.fields}
    if unknown:
        raise ValueError(f"unknown fields for {spec.code}: {sorted(unknown)}")
    clean: dict[str, str] = {}
    for field in spec.fields:
        value = (values.get(field.key) or "").strip()
        if field.required and not value:
            raise ValidationError(f"{spec.label}须写明{field.label}。", field=field.key)
        if field.kind in CHOICES and value:
            try:
                CHOICES[field.kind](value)
            except ValueError:
                raise ValidationError(
                    f"{field.label}“{value}”不是可选的一项。", field=field.key
                ) from None
        if field.kind == NAMES:
            names = names_of(value)
            least = settings.accountability_rules(session).investigators_min
            if len(names) < least:
                raise ValidationError(
                    f"调查组应由至少 {least} 名具名人员组成，现为 {len(names)} 名。",
                    field=field.key,
                )
            value = "、".join(names)
        clean[field.key] = value
    return clean


def _summary(code: str, v: dict[str, str], case: Accountability) -> str:
    def lab(key: str) -> str:
        return label_of(next(f for f in SPEC[code].fields if f.key == key), v[key])

    return {
        START: lambda: f"经{v['approver_title']}{v['approver']}批准，对{v['persons']}启动问责",
        "investigate": lambda: f"成立调查组：组长{v['leader']}，成员{v['members']}",
        "findings": lambda: f"调查认定{case.persons}{lab('finding')}",
        "statement": lambda: f"{v['person']}陈述申辩",
        DECISION: lambda: f"{v['decided_by']}决定对{v['persons']}予以{lab('form')}",
        "notify": lambda: f"问责情况通报{v['department']}",
        "execute": lambda: "问责决定执行完毕",
        APPEAL: lambda: f"{v['appellant']}提出申诉",
        "appeal_outcome": lambda: f"申诉复查：{v['reviewed_by']}{lab('outcome')}",
        WAIVE: lambda: f"{v['decided_by']}决定对{case.persons}{lab('ending')}",
    }[code]()


def _check_day(session: Session, spec: StepSpec, on: date, case: Accountability | None) -> None:
    if on > clock_of(session).today():
        raise ValidationError(f"{spec.label}的日期不能晚于今天。", field="on")
    if case is None or spec.after is None:
        return
    before = next((s for s in case.steps if s.step == spec.after), None)
    if before is None:
        raise ValidationError(f"请先登记“{SPEC[spec.after].label}”，再登记“{spec.label}”。")
    if on < before.done_on:
        raise ValidationError(
            f"{spec.label}的日期不能早于{SPEC[spec.after].label}（{before.done_on:%Y-%m-%d}）。",
            field="on",
        )


def _add(
    session: Session, actor: Actor, case: Accountability, code: str, on: date, v: dict[str, str]
) -> None:
    summary = _summary(code, v, case)
    session.add(
        AccountabilityStep(
            accountability=case,
            step=code,
            done_on=on,
            summary=summary,
            detail=json.dumps(v, ensure_ascii=False, sort_keys=True),
            recorded_at=clock_of(session).now(),
            recorded_by=actor.label,
        )
    )
    session.flush()
    audit.record(
        session, actor, code, "accountability", case.id, f"{case.unit.name}问责：{summary}", v
    )


@audit.writes(Permission.EDIT_LEDGER)
def start(
    session: Session, actor: Actor, interview_id: int, on: date, values: Mapping[str, str]
) -> int:
    """启动问责 on a failed rectification, with the principal leader's approval. Returns its id."""
    interview = get_or_missing(session, Interview, interview_id, "约谈")
    require_status(interview, InterviewStatus.FAILED, doing="启动问责")
    if any(c.decided_on is None for c in interview.decisions):
        raise ValidationError("该约谈已有进行中的问责程序（或已决定不予、免予问责）。")
    spec = SPEC[START]
    v = _clean(session, spec, values)
    _check_day(session, spec, on, None)
    if interview.failed_on and on < interview.failed_on:
        raise ValidationError("启动问责的日期不能早于认定整改未完成的日期。", field="on")
    case = Accountability(
        interview=interview,
        unit_id=interview.unit_id,
        persons=v["persons"],
        grounds=v["grounds"],
        started_on=on,
    )
    session.add(case)
    session.flush()
    _add(session, actor, case, START, on, v)
    return case.id


def _apply_decision(case: Accountability, on: date, v: dict[str, str]) -> None:
    """The decision's form, day, persons and 文号 onto the case (the 考核 counts them)."""
    kind = AccountabilityKind(v["form"])
    if kind == AccountabilityKind.OTHER:
        raise ValidationError("问责方式应为问责条例第八条所列之一。", field="form")
    case.kind, case.decided_on, case.persons = kind, on, v["persons"]
    case.doc_number = v["doc_number"]


@audit.writes(Permission.EDIT_LEDGER)
def record_step(
    session: Session,
    actor: Actor,
    case_id: int,
    code: str,
    on: date,
    values: Mapping[str, str],
) -> None:
    """Any step after the start, once, in its order; the decision marks the interview 已问责."""
    case = get_or_missing(session, Accountability, case_id, "问责")
    spec = SPEC[code]
    if code == START:
        raise ValueError("start() opens a case")
    info = get_case(session, case_id, clock_of(session).today())
    done = info.step(code)
    if done is not None:
        raise ValidationError(f"“{spec.label}”已登记（{done.on:%Y-%m-%d}），不能重复登记。")
    v = _clean(session, spec, values)
    _check_day(session, spec, on, case)
    if code not in info.next_steps and code != APPEAL:
        needed = "、".join(f"“{SPEC[c].label}”" for c in info.next_steps) or "（无）"
        raise ValidationError(f"当前应登记{needed}，不能登记“{spec.label}”。")
    if code == APPEAL and info.appeal_until is not None and on > info.appeal_until:
        days = settings.accountability_rules(session).appeal_days
        raise ValidationError(
            f"申诉期已过：问责决定于{info.decided_on:%Y-%m-%d}作出，申诉期限 {days} 天，"
            f"至{info.appeal_until:%Y-%m-%d}止。",
            field="on",
        )
    if code == DECISION:
        _apply_decision(case, on, v)
        case.interview.status = InterviewStatus.ESCALATED
    if code == WAIVE:
        case.interview.status = InterviewStatus.WAIVED
    _add(session, actor, case, code, on, v)


# --- corrections: a recorded step is corrected, never deleted ------------------------------------


def _check_corrected_day(session: Session, case: Accountability, code: str, on: date) -> None:
    """The corrected date keeps the order: not before the step it follows, not after a step
    recorded after it, not later than today."""
    spec = SPEC[code]
    _check_day(session, spec, on, case if spec.after else None)
    for later in case.steps:
        if SPEC[later.step].after == code and later.done_on < on:
            raise ValidationError(
                f"{spec.label}的日期不能晚于其后的{SPEC[later.step].label}"
                f"（{later.done_on:%Y-%m-%d}）。",
                field="on",
            )


@audit.writes(Permission.EDIT_LEDGER)
def correct_step(
    session: Session,
    actor: Actor,
    case_id: int,
    code: str,
    on: date,
    values: Mapping[str, str],
    reason: str,
) -> str:
    """Correct a recorded step (a mistyped date, name or finding): the step takes the new
    values, the audit entry keeps the old and the new with the reason; nothing is deleted.
    Returns a note on the step's paper if one was already drafted or issued."""
    from desktop.services import corrections

    case = get_or_missing(session, Accountability, case_id, "问责")
    step = next((s for s in case.steps if s.step == code), None)
    spec = SPEC[code]
    if step is None:
        raise ValidationError(f"尚未登记“{spec.label}”，无可更正。")
    if not reason.strip():
        raise ValidationError("更正须写明理由。", field="reason")
    v = _clean(session, spec, values)
    _check_corrected_day(session, case, code, on)
    if code == DECISION:
        _apply_decision(case, on, v)
    if code == START:
        case.persons, case.grounds, case.started_on = v["persons"], v["grounds"], on
    before = {"on": step.done_on.isoformat(), **json.loads(step.detail)}
    after = {"on": on.isoformat(), **v}
    changed = {
        k: {"前": before.get(k, ""), "后": after[k]} for k in after if before.get(k) != after[k]
    }
    if not changed:
        raise ValidationError("与已登记的内容相同，无需更正。")
    step.done_on, step.detail = on, json.dumps(v, ensure_ascii=False, sort_keys=True)
    step.summary = _summary(code, v, case)
    labels = {"on": "日期", **{f.key: f.label for f in spec.fields}}
    names = "、".join(labels[k] for k in changed)
    audit.record(
        session,
        actor,
        "correct",
        "accountability",
        case.id,
        f"{case.unit.name}问责：更正“{spec.label}”的{names}",
        {"step": code, "changed": changed, "reason": reason.strip()},
    )
    return corrections.document_note(session, step.document_id)
