"""延期: the 主办单位 asks before the deadline, the clerk checks, a leader decides.

An approved request moves the item's deadline (and so its state) to the new date, and the
deadline of each task it concerns that would fall before it (and so the task's lamp); the request
keeps the date it replaced and the approval's audit entry each task's two dates."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, ItemExtension, SupervisionItem
from desktop.services import audit, tasks
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.enums import QT_TR_NOOP
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing


@dataclass(frozen=True)
class ExtensionRow:
    id: int
    item_id: int
    requested_on: date
    reason: str
    old_due: date
    new_due: date
    checked_on: date | None
    check_passed: bool | None
    check_note: str
    checked_by: str
    decided_on: date | None
    approved: bool | None
    decision_note: str
    decided_by: str
    # tasks whose deadline the approval moved: (code, old deadline, new deadline)
    task_moves: tuple[tuple[str, date, date], ...] = ()

    @property
    def state(self) -> str:
        if self.check_passed is None:
            return QT_TR_NOOP("待核查")
        if not self.check_passed:
            return QT_TR_NOOP("核查未通过")
        if self.approved is None:
            return QT_TR_NOOP("待领导审批")
        return QT_TR_NOOP("已批准") if self.approved else QT_TR_NOOP("不予批准")


def task_moves(session: Session, e: ItemExtension) -> tuple[tuple[str, date, date], ...]:
    """The task deadlines an approval moved, as its audit entry keeps them (both dates)."""
    if not e.approved:
        return ()
    for (detail,) in session.execute(
        select(AuditEntry.detail).where(
            AuditEntry.entity == "supervision",
            AuditEntry.entity_id == str(e.supervision_id),
            AuditEntry.action == "extension_decision",
        )
    ):
        kept = json.loads(detail)
        if kept.get("old_due") == e.old_due.isoformat() and kept.get("new_due") == (
            e.new_due.isoformat()
        ):
            return tuple(
                (code, date.fromisoformat(old), date.fromisoformat(new))
                for code, old, new in kept.get("tasks", [])
            )
    return ()


def _row(session: Session, e: ItemExtension) -> ExtensionRow:
    return ExtensionRow(
        e.id,
        e.supervision_id,
        e.requested_on,
        e.reason,
        e.old_due,
        e.new_due,
        e.checked_on,
        e.check_passed,
        e.check_note,
        e.checked_by,
        e.decided_on,
        e.approved,
        e.decision_note,
        e.decided_by,
        task_moves(session, e),
    )


def extensions_of(session: Session, item_id: int) -> list[ExtensionRow]:
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    return [_row(session, e) for e in item.extensions]


def _open_request(item: SupervisionItem) -> ItemExtension | None:
    return next((e for e in item.extensions if e.approved is None and e.check_passed is not False),
                None)  # fmt: skip


@audit.writes(Permission.EDIT_LEDGER)
def request_extension(
    session: Session,
    actor: Actor,
    item_id: int,
    new_due: date,
    reason: str,
    requested_on: date | None = None,
) -> int:
    """Record the unit's request (dated the day it came in, never after the deadline)."""
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    today = clock_of(session).today()
    asked = requested_on or today
    if item.closed_on:
        raise ValidationError("该督办事项已办结，不能申请延期。")
    if _open_request(item) is not None:
        raise ValidationError("该事项已有一份延期申请尚未办完，请先核查、审批。")
    if not reason.strip():
        raise ValidationError("请写明延期理由。", field="reason")
    if asked > today or asked < item.raised_on:
        raise ValidationError("申请日期应在交办日期和今天之间。", field="requested_on")
    if asked > item.reply_due:
        raise ValidationError(
            f"延期须在办理期限（{item.reply_due:%Y-%m-%d}）前提出；逾期后的申请不予受理。",
            field="requested_on",
        )
    if new_due <= item.reply_due:
        raise ValidationError(
            f"申请延至的日期应晚于现在的期限（{item.reply_due:%Y-%m-%d}）。", field="new_due"
        )
    request = ItemExtension(
        requested_on=asked,
        reason=reason.strip(),
        old_due=item.reply_due,
        new_due=new_due,
        recorded_by=actor.label,
    )
    item.extensions.append(request)
    session.flush()
    audit.record(
        session,
        actor,
        "extension_request",
        "supervision",
        item.id,
        f"{item.unit.name}申请延期：{item.reply_due:%Y-%m-%d} 延至 {new_due:%Y-%m-%d}",
        {"reason": reason.strip(), "requested_on": asked.isoformat()},
    )
    return request.id


def _request(session: Session, extension_id: int) -> ItemExtension:
    request = get_or_missing(session, ItemExtension, extension_id, "延期申请")
    if request.item.closed_on:
        raise ValidationError("该督办事项已办结，延期申请不再办理。")
    return request


@audit.writes(Permission.EDIT_LEDGER)
def check_extension(
    session: Session, actor: Actor, extension_id: int, passed: bool, note: str
) -> None:
    """The clerk's check (核查): is the reason true and the new date reasonable?"""
    request = _request(session, extension_id)
    if request.check_passed is not None:
        raise ValidationError("该延期申请已核查。")
    if not note.strip():
        raise ValidationError("请写明核查意见。", field="note")
    request.checked_on, request.check_passed = clock_of(session).today(), passed
    request.check_note, request.checked_by = note.strip(), actor.label
    verdict = "核查通过，报领导审批" if passed else "核查未通过，不予延期"
    audit.record(
        session,
        actor,
        "extension_check",
        "supervision",
        request.supervision_id,
        f"延期申请（延至 {request.new_due:%Y-%m-%d}）{verdict}",
        {"note": note.strip()},
    )


@audit.writes(Permission.APPROVE)
def decide_extension(
    session: Session, actor: Actor, extension_id: int, approved: bool, note: str = ""
) -> None:
    """The leader's decision; approved, the item's deadline becomes the new date."""
    request = _request(session, extension_id)
    if request.check_passed is None:
        raise ValidationError("该延期申请尚未经科员核查，不能审批。")
    if not request.check_passed:
        raise ValidationError("该延期申请核查未通过，无需审批。")
    if request.approved is not None:
        raise ValidationError("该延期申请已审批。")
    if not approved and not note.strip():
        raise ValidationError("不予批准需要写明理由。", field="note")
    item = request.item
    request.decided_on, request.approved = clock_of(session).today(), approved
    request.decision_note, request.decided_by = note.strip(), actor.label
    moved: list[list[str]] = []
    if approved:
        item.reply_due = request.new_due
        why = f"督办事项 #{item.id}（{item.origin.label}）延期经{actor.label}批准"
        for task in item.tasks:
            dates = tasks.follow_extension(session, actor, task, request.new_due, why)
            if dates is not None:
                moved.append([task.code, dates[0].isoformat(), dates[1].isoformat()])
    verdict = (
        f"批准延期：{request.old_due:%Y-%m-%d} 延至 {request.new_due:%Y-%m-%d}"
        if approved
        else f"不予延期，期限仍为 {item.reply_due:%Y-%m-%d}"
    )
    if moved:
        verdict += "；任务 " + "、".join(m[0] for m in moved) + " 的完成时限随之延后"
    audit.record(
        session,
        actor,
        "extension_decision",
        "supervision",
        item.id,
        f"{item.unit.name}的延期申请：{verdict}",
        {
            "note": note.strip(),
            "old_due": request.old_due.isoformat(),
            "new_due": request.new_due.isoformat(),
            "tasks": moved,  # [code, old deadline, new deadline]
        },  # fmt: skip
    )
