"""Correcting a saved record: the before/after of each field, the document rule, and the
correction or withdrawal of a saved progress report or fund entry (with its reason).

The rule for documents: a correction changes the record only. A document already composed from it
is a snapshot — an issued one stays frozen (its number and text are in the register), so the clerk
drafts a correction of it in the 公文 page (拟制更正件); a draft is regenerated or edited there.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DocStatus, Document, FundEntry, ProgressReport, Task
from desktop.services import audit, funds, progress
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.enums import QT_TR_NOOP
from desktop.services.errors import NotFound, ValidationError
from desktop.services.lookup import get_or_missing
from desktop.services.percents import percent_json, percent_text
from desktop.services.periods import Period
from desktop.services.progress import ReportInput

NOTHING_CHANGED = "没有任何改动。"


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def diff(before: Mapping[str, object], after: Mapping[str, object]) -> dict[str, dict[str, object]]:
    """{field: {"前": old, "后": new}} for the fields whose value changed, ready for the audit log.

    Raises ValidationError when nothing changed: a correction without a change is a mistake.
    """
    changed = {
        key: {"前": _plain(before[key]), "后": _plain(value)}
        for key, value in after.items()
        if _plain(before[key]) != _plain(value)
    }
    if not changed:
        raise ValidationError(NOTHING_CHANGED)
    return changed


def names(changed: Mapping[str, object], labels: Mapping[str, str]) -> str:
    """The changed fields in Chinese, for the audit summary: 地点、主持人."""
    return "、".join(labels.get(key, key) for key in changed)


def document_note(session: Session, document_id: int | None) -> str:
    """What the clerk must know about the document composed from the corrected record ("" if none)."""
    doc = session.get(Document, document_id) if document_id is not None else None
    if doc is None:
        return ""
    if doc.status == DocStatus.ISSUED:
        return (
            f"已印发的{doc.kind.label}（{doc.number}）保持原样，不随本次更正改变；"
            "如需更正，请在“公文”页选中该公文，点“拟制更正件”。"
        )
    return f"已生成的{doc.kind.label}草稿不随之更新；请重新生成公文，或在“公文”页修改草稿。"


# --- saved reports and fund entries: corrected or withdrawn, never silently ---------------------
# The ledger table then holds what is true now; the original stays in the audit chain in full
# (detail "前"/"后", the reason, who and when), and the task's timeline shows it (timeline.py).
# Lamps and fund rates follow by themselves: the lamp cache recomputes every task a transaction
# touched (lamps/cache.py), and the rates are computed from the rows.

REPORT_FIELDS = {
    "percent": QT_TR_NOOP("完成百分比"),
    "progress": QT_TR_NOOP("本期进展"),
    "problems": QT_TR_NOOP("存在问题"),
    "next_steps": QT_TR_NOOP("下步计划"),
    "fall_reason": QT_TR_NOOP("回落原因"),
}
FUND_FIELDS = {
    "kind": QT_TR_NOOP("类别"),
    "source": QT_TR_NOOP("来源"),
    "amount": QT_TR_NOOP("金额"),
    "entry_date": QT_TR_NOOP("日期"),
    "note": QT_TR_NOOP("说明"),
}
CORRECTION_ACTIONS = ("correct_report", "withdraw_report", "correct_fund", "withdraw_fund")


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError("请填写更正或撤回的理由。", field="reason")
    return reason


def _report(session: Session, task_id: int, period: str) -> tuple[Task, ProgressReport]:
    task = get_or_missing(session, Task, task_id, "任务")
    text = str(Period.parse(period))
    report = session.scalar(
        select(ProgressReport).where(
            ProgressReport.task_id == task_id, ProgressReport.period == text
        )
    )
    if report is None:
        raise NotFound(f"任务 {task.code} 没有{Period.parse(text).label}的进度报送。")
    return task, report


@audit.writes(Permission.EDIT_LEDGER)
def correct_report(
    session: Session, actor: Actor, task_id: int, period: str, reason: str, **changes: object
) -> ReportInput:
    """Correct a saved report (percent, progress, problems, next_steps, fall_reason)."""
    why = _reason(reason)
    task, report = _report(session, task_id, period)
    unknown = set(changes) - set(REPORT_FIELDS)
    if unknown:
        raise ValidationError(f"不能更正的栏目：{'、'.join(sorted(unknown))}。")
    if "percent" in changes:  # "62.5", 62.5, 62 → the ledger's Decimal, or refused
        changes["percent"] = progress.checked_percent(task.code, changes["percent"])
    before = {f: getattr(report, f) for f in REPORT_FIELDS}
    after = {**before, **changes}
    shown = {**before, "percent": percent_json(report.percent)}  # the audit's JSON: 60, 62.5
    changed = diff(shown, {**after, "percent": percent_json(after["percent"])})  # type: ignore[arg-type]
    data = replace(progress.as_input(report), **changes)  # type: ignore[arg-type]
    progress.check_report(session, data, clock_of(session).today())
    for name in changed:
        setattr(report, name, after[name])
    label = Period.parse(report.period).label
    audit.record(
        session,
        actor,
        "correct_report",
        "task",
        task.id,
        f"更正任务 {task.code} {label}进度（{names(changed, REPORT_FIELDS)}）",
        {"record": "progress_report", "id": report.id, "changes": changed, "reason": why},
    )
    return progress.as_input(report)


@audit.writes(Permission.EDIT_LEDGER)
def withdraw_report(session: Session, actor: Actor, task_id: int, period: str, reason: str) -> None:
    """Withdraw a report saved by mistake: the period counts as not reported again."""
    why = _reason(reason)
    task, report = _report(session, task_id, period)
    original = {f: _plain(getattr(report, f)) for f in (*REPORT_FIELDS, "submitted_on")}
    original["percent"] = percent_json(report.percent)
    label = Period.parse(report.period).label
    audit.record(
        session,
        actor,
        "withdraw_report",
        "task",
        task.id,
        f"撤回任务 {task.code} {label}进度（原 {percent_text(report.percent)}%）",
        {"record": "progress_report", "id": report.id, "original": original, "reason": why},
    )
    session.delete(report)
    session.flush()


def _fund(session: Session, entry_id: int) -> tuple[Task, FundEntry]:
    entry = get_or_missing(session, FundEntry, entry_id, "资金记录")
    return entry.task, entry


@audit.writes(Permission.EDIT_LEDGER)
def correct_fund_entry(
    session: Session, actor: Actor, entry_id: int, reason: str, **changes: object
) -> None:
    """Correct a saved fund entry (kind, source, amount in 元 or with its unit, date, note)."""
    why = _reason(reason)
    task, entry = _fund(session, entry_id)
    unknown = set(changes) - set(FUND_FIELDS)
    if unknown:
        raise ValidationError(f"不能更正的栏目：{'、'.join(sorted(unknown))}。")
    if "amount" in changes:
        changes["amount"] = funds.parse_amount(changes["amount"])  # type: ignore[arg-type]
        if changes["amount"] <= 0:  # type: ignore[operator]
            raise ValidationError("金额必须大于零。", field="amount")
    day = changes.get("entry_date")
    if isinstance(day, date) and day > clock_of(session).today():
        raise ValidationError("日期不能晚于今天。", field="entry_date")
    before = {f: getattr(entry, f) for f in FUND_FIELDS}
    changed = diff(before, {**before, **changes})
    for name in changed:
        setattr(entry, name, changes[name])
    audit.record(
        session,
        actor,
        "correct_fund",
        "task",
        task.id,
        f"更正任务 {task.code} 资金记录 #{entry.id}（{names(changed, FUND_FIELDS)}）",
        {"record": "fund_entry", "id": entry.id, "changes": changed, "reason": why},
    )


@audit.writes(Permission.EDIT_LEDGER)
def withdraw_fund_entry(session: Session, actor: Actor, entry_id: int, reason: str) -> None:
    """Withdraw a fund entry registered by mistake."""
    why = _reason(reason)
    task, entry = _fund(session, entry_id)
    original = {f: _plain(getattr(entry, f)) for f in FUND_FIELDS}
    audit.record(
        session,
        actor,
        "withdraw_fund",
        "task",
        task.id,
        f"撤回任务 {task.code} 资金记录 #{entry.id}"
        f"（{entry.source.label}{entry.kind.label} {funds.yuan_to_wan(entry.amount)} 万元）",
        {"record": "fund_entry", "id": entry.id, "original": original, "reason": why},
    )
    session.delete(entry)
    session.flush()


def reason_of(detail: str) -> str:
    """The reason kept in a correction's audit detail (JSON), for the timeline."""
    try:
        return str(json.loads(detail).get("reason", ""))
    except ValueError:
        return ""
