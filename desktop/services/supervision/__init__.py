"""Supervision items (督办事项): 催办, 督办通知 and 现场督查 with a reply due, a reply, and closing.

Every matter is one item (一事一项), registered with its source (任务来源), 收文时间, 主办 and
协办 units, 拟办意见 and a deadline (a default from settings.ItemRules where none is given): the
督办事项登记簿. Its procedure lives beside: extensions.py (延期), returns.py (退办, 催办),
deadlines.py (default deadlines), reminders.py (what falls due)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.models import (
    ReportFrequency,
    SupervisionItem,
    SupervisionKind,
    SupervisionOrigin,
    Task,
    Unit,
    Urgency,
)
from desktop.services import audit, corrections, settings
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.enums import QT_TR_NOOP
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing
from desktop.services.supervision.deadlines import default_due

# re-exported for the GUI and CLI
__all__ = ["ReportFrequency", "SupervisionKind", "SupervisionOrigin", "Urgency"]


@dataclass(frozen=True)
class SupervisionInput:
    kind: SupervisionKind
    unit_id: int  # 主办单位: answers for the 协办单位 too
    requirement: str
    reply_due: date | None  # None: the default of its source (settings.ItemRules)
    task_ids: tuple[int, ...] = ()
    reason: str = ""
    origin: SupervisionOrigin = SupervisionOrigin.MANUAL
    decision_id: int | None = None
    co_unit_ids: tuple[int, ...] = ()  # 协办单位
    source_ref: str = ""  # 来文文号, or who gave the 批示 and what it says
    received_on: date | None = None  # 收文时间; the default deadline counts from it
    handling: str = ""  # 拟办意见
    urgency: Urgency = Urgency.ORDINARY
    report_every: ReportFrequency = ReportFrequency.ONCE
    leader: str = ""  # 分管领导 (reminded before the deadline); default: the task's


@dataclass(frozen=True)
class ItemEdit:
    """What may be corrected on an open item; kind, unit and tasks are what it was raised for."""

    requirement: str
    reason: str
    reply_due: date


LABELS = {
    "requirement": "督办要求",
    "reason": "事由",
    "reply_due": "回复期限",
    "reply_received_on": "回复日期",
    "reply_text": "回复内容",
    "closed_on": "办结日期",
    "closing_note": "办结说明",
}


@dataclass(frozen=True)
class SupervisionRow:
    id: int
    kind: SupervisionKind
    origin: SupervisionOrigin
    unit_id: int
    unit: str
    task_ids: tuple[int, ...]
    task_codes: tuple[str, ...]
    requirement: str
    reason: str
    raised_on: date
    reply_due: date
    reply_received_on: date | None
    reply_text: str
    closed_on: date | None
    document_id: int | None
    state: str  # 待回复, 逾期未回复, 已回复, 退回补办, 已办结
    co_units: tuple[str, ...] = ()
    source_ref: str = ""
    received_on: date | None = None
    handling: str = ""
    urgency: Urgency = Urgency.ORDINARY
    report_every: ReportFrequency = ReportFrequency.ONCE
    leader: str = ""
    reply_signer: str = ""
    reply_stamped: bool = False
    first_due: date | None = None  # the deadline first set, before any 延期 or 退办
    extension_pending: bool = False  # a 延期 request not yet decided
    extended: bool = False  # a 延期 was approved: reply_due is the approved date
    returns: int = 0  # times a reply was sent back (退办)
    last_urged_on: date | None = None

    @property
    def overdue(self) -> bool:
        return self.state == "逾期未回复"


def state_of(item: SupervisionItem, today: date) -> str:
    if item.closed_on:
        return QT_TR_NOOP("已办结")
    if item.reply_received_on:
        return QT_TR_NOOP("已回复")
    if item.reply_due < today:
        return QT_TR_NOOP("逾期未回复")
    return QT_TR_NOOP("退回补办") if item.returns else QT_TR_NOOP("待回复")


def _row(item: SupervisionItem, today: date) -> SupervisionRow:
    return SupervisionRow(
        item.id,
        item.kind,
        item.origin,
        item.unit_id,
        item.unit.name,
        tuple(t.id for t in item.tasks),
        tuple(t.code for t in item.tasks),
        item.requirement,
        item.reason,
        item.raised_on,
        item.reply_due,
        item.reply_received_on,
        item.reply_text,
        item.closed_on,
        item.document_id,
        state_of(item, today),
        co_units=tuple(u.name for u in item.co_units),
        source_ref=item.source_ref,
        received_on=item.received_on,
        handling=item.handling,
        urgency=item.urgency,
        report_every=item.report_every,
        leader=item.leader,
        reply_signer=item.reply_signer,
        reply_stamped=item.reply_stamped,
        first_due=item.first_due or item.reply_due,
        extension_pending=any(
            e.approved is None and e.check_passed is not False for e in item.extensions
        ),  # fmt: skip
        extended=any(e.approved for e in item.extensions),
        returns=len(item.returns),
        last_urged_on=item.urges[-1].urged_on if item.urges else None,
    )


def _check_reminder_interval(session: Session, tasks: list[Task], today: date) -> None:
    """Two 催办 of one task keep the minimum interval of settings.ItemRules."""
    gap = settings.item_rules(session).urge_interval_days
    if not tasks or gap <= 0:
        return
    last = session.execute(
        select(Task.code, SupervisionItem.raised_on)
        .join(SupervisionItem.tasks)
        .where(
            SupervisionItem.kind == SupervisionKind.REMINDER,
            Task.id.in_([t.id for t in tasks]),
            SupervisionItem.raised_on > today - timedelta(days=gap),
        )
        .order_by(SupervisionItem.raised_on.desc())
    ).first()
    if last is not None:
        code, day = last
        raise ValidationError(
            f"任务 {code} 已于 {day:%Y-%m-%d} 催办，距今 {(today - day).days} 天，"
            f"未满两次催办的最短间隔 {gap} 天（可在设置中调整），此次催办未发起。"
        )


@audit.writes(Permission.EDIT_LEDGER)
def raise_item(session: Session, actor: Actor, data: SupervisionInput) -> int:
    today = clock_of(session).today()
    unit = get_or_missing(session, Unit, data.unit_id, "单位")
    if not data.requirement.strip():
        raise ValidationError("请写明督办要求。", field="requirement")
    received = data.received_on or today
    if received > today:
        raise ValidationError("收文时间不能晚于今天。", field="received_on")
    due = data.reply_due or default_due(settings.item_rules(session), data, received)
    if due < today:
        why = (
            ""
            if data.reply_due
            else f"（按{data.origin.label}的默认期限应为 {due:%Y-%m-%d}，已过）"
        )
        raise ValidationError(f"回复期限不能早于今天{why}，请另定期限。", field="reply_due")
    if data.unit_id in data.co_unit_ids:
        raise ValidationError("主办单位不必再列为协办单位。", field="co_units")
    co_units = [get_or_missing(session, Unit, u, "单位") for u in dict.fromkeys(data.co_unit_ids)]
    tasks = [get_or_missing(session, Task, t, "任务") for t in data.task_ids]
    if data.kind == SupervisionKind.REMINDER:
        _check_reminder_interval(session, tasks, today)
    leader = data.leader.strip() or next(
        (t.leader_in_charge for t in tasks if t.leader_in_charge), ""
    )
    item = SupervisionItem(
        kind=data.kind,
        origin=data.origin,
        unit_id=unit.id,
        requirement=data.requirement.strip(),
        reason=data.reason.strip(),
        raised_on=today,
        reply_due=due,
        first_due=due,
        decision_id=data.decision_id,
        tasks=tasks,
        co_units=co_units,
        source_ref=data.source_ref.strip(),
        received_on=data.received_on,
        handling=data.handling.strip(),
        urgency=data.urgency,
        report_every=data.report_every,
        leader=leader,
    )
    session.add(item)
    session.flush()
    codes = "、".join(t.code for t in tasks)
    audit.record(
        session,
        actor,
        "create",
        "supervision",
        item.id,
        f"对{unit.name}发起{data.kind.label}" + (f"（任务 {codes}）" if codes else ""),
        {
            "reply_due": due.isoformat(),
            "default_due": data.reply_due is None,
            "origin": data.origin.label,
            "co_units": [u.name for u in co_units],
        },
    )
    return item.id


@audit.writes(Permission.EDIT_LEDGER)
def record_reply(
    session: Session,
    actor: Actor,
    item_id: int,
    received_on: date,
    text: str,
    signer: str = "",
    stamped: bool = False,
) -> None:
    """The 主办单位's written reply: who signed it (签发人) and whether it bears the seal."""
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    if item.closed_on:
        raise ValidationError("该督办事项已办结，不能再登记回复。")
    if item.reply_received_on is not None:
        raise ValidationError("该督办事项已登记回复；如需更正请用“更正回复”，不合格的请退办。")
    _check_reply(session, item, received_on, text)
    item.reply_received_on, item.reply_text = received_on, text.strip()
    item.reply_signer, item.reply_stamped = signer.strip(), stamped
    late = received_on > item.reply_due
    audit.record(
        session,
        actor,
        "reply",
        "supervision",
        item.id,
        f"{item.unit.name}回复{item.kind.label}" + ("（逾期回复）" if late else ""),
        {"signer": item.reply_signer, "stamped": stamped},
    )


def _check_reply(session: Session, item: SupervisionItem, received_on: date, text: str) -> None:
    if not text.strip():
        raise ValidationError("请填写回复内容。", field="reply_text")
    if received_on > clock_of(session).today() or received_on < item.raised_on:
        raise ValidationError("回复日期应在发起日期和今天之间。", field="received_on")


@audit.writes(Permission.EDIT_LEDGER)
def close_item(session: Session, actor: Actor, item_id: int, note: str = "") -> None:
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    if item.closed_on:
        raise ValidationError("该督办事项已办结。")
    if item.reply_received_on is None and not note.strip():
        raise ValidationError("尚未收到回复，办结需要写明理由。", field="note")
    item.closed_on, item.closing_note = clock_of(session).today(), note.strip()
    audit.record(
        session,
        actor,
        "close",
        "supervision",
        item.id,
        f"{item.kind.label}（{item.unit.name}）办结" + (f"：{note}" if note else ""),
    )


@audit.writes(Permission.EDIT_LEDGER)
def link_document(session: Session, actor: Actor, item_id: int, document_id: int) -> None:
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    item.document_id = document_id
    audit.record(
        session,
        actor,
        "link",
        "supervision",
        item.id,
        f"{item.kind.label}（{item.unit.name}）关联公文 {document_id}",
    )


# --- corrections (see corrections.py for what happens to a document already composed) --------


def _open_for_correction(session: Session, item_id: int) -> SupervisionItem:
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    if item.closed_on:
        raise ValidationError("该督办事项已办结，不能修改；确需修改的，请先“重新打开”并写明理由。")
    return item


def _record_correction(
    session: Session,
    actor: Actor,
    item: SupervisionItem,
    action: str,
    what: str,
    changed: dict[str, dict[str, object]],
) -> str:
    audit.record(
        session,
        actor,
        action,
        "supervision",
        item.id,
        f"{what}（{item.kind.label}，{item.unit.name}）：{corrections.names(changed, LABELS)}",
        changed,
    )
    return corrections.document_note(session, item.document_id)


@audit.writes(Permission.EDIT_LEDGER)
def edit_item(session: Session, actor: Actor, item_id: int, data: ItemEdit) -> str:
    """Correct what was required, why and by when. Returns a note on the linked document."""
    item = _open_for_correction(session, item_id)
    if not data.requirement.strip():
        raise ValidationError("请写明督办要求。", field="requirement")
    # A mistyped deadline may be corrected to a past day, but never before the item was raised.
    if data.reply_due < item.raised_on:
        raise ValidationError(
            f"回复期限不能早于发起日期（{item.raised_on:%Y-%m-%d}）。", field="reply_due"
        )
    after = {
        "requirement": data.requirement.strip(),
        "reason": data.reason.strip(),
        "reply_due": data.reply_due,
    }
    changed = corrections.diff({k: getattr(item, k) for k in after}, after)
    for key, value in after.items():
        setattr(item, key, value)
    return _record_correction(session, actor, item, "update", "修改督办事项", changed)


@audit.writes(Permission.EDIT_LEDGER)
def correct_reply(
    session: Session, actor: Actor, item_id: int, received_on: date, text: str
) -> str:
    """Correct the date or the text of a reply already recorded."""
    item = _open_for_correction(session, item_id)
    if item.reply_received_on is None:
        raise ValidationError("该督办事项尚未登记回复，请直接登记回复。")
    _check_reply(session, item, received_on, text)
    after = {"reply_received_on": received_on, "reply_text": text.strip()}
    changed = corrections.diff({k: getattr(item, k) for k in after}, after)
    item.reply_received_on, item.reply_text = received_on, text.strip()
    return _record_correction(session, actor, item, "update", "更正回复", changed)


@audit.writes(Permission.EDIT_LEDGER)
def reopen_item(session: Session, actor: Actor, item_id: int, reason: str) -> None:
    """Undo a closing made in error (or when the unit's answer proved hollow); needs a reason."""
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    if item.closed_on is None:
        raise ValidationError("该督办事项尚未办结，无需重新打开。")
    if not reason.strip():
        raise ValidationError("重新打开需要写明理由。", field="reason")
    changed: dict[str, object] = {
        "closed_on": {"前": item.closed_on.isoformat(), "后": None},
        "closing_note": {"前": item.closing_note, "后": ""},
        "理由": reason.strip(),
    }
    item.closed_on, item.closing_note = None, ""
    audit.record(
        session,
        actor,
        "reopen",
        "supervision",
        item.id,
        f"重新打开{item.kind.label}（{item.unit.name}）：{reason.strip()}",
        changed,
    )


_LISTED = ("unit", "tasks", "co_units", "extensions", "returns", "urges")


def list_items(
    session: Session,
    today: date,
    *,
    unit_id: int | None = None,
    task_id: int | None = None,
    open_only: bool = False,
    kind: SupervisionKind | None = None,
) -> list[SupervisionRow]:
    query = (
        select(SupervisionItem)
        .order_by(SupervisionItem.raised_on.desc(), SupervisionItem.id.desc())
        .options(*(selectinload(getattr(SupervisionItem, r)) for r in _LISTED))
    )
    if unit_id is not None:
        query = query.where(SupervisionItem.unit_id == unit_id)
    if task_id is not None:
        query = query.where(SupervisionItem.tasks.any(Task.id == task_id))
    if open_only:
        query = query.where(SupervisionItem.closed_on.is_(None))
    if kind is not None:
        query = query.where(SupervisionItem.kind == kind)
    return [_row(item, today) for item in session.scalars(query)]


def get_item(session: Session, item_id: int, today: date) -> SupervisionRow:
    return _row(get_or_missing(session, SupervisionItem, item_id, "督办事项"), today)
