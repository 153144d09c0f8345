"""退办 / 补办 and 催办 of one item: a reply that falls short goes back with the reason and a
补办 date; a 催办 is refused when the last one is too recent (settings.ItemRules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from db.models import ItemReturn, ItemUrge, SupervisionItem
from desktop.services import audit, settings
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing


@dataclass(frozen=True)
class ReturnRow:
    id: int
    returned_on: date
    reason: str
    resubmit_due: date
    reply_received_on: date
    reply_text: str
    reply_signer: str
    reply_stamped: bool
    returned_by: str


def returns_of(session: Session, item_id: int) -> list[ReturnRow]:
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    return [
        ReturnRow(
            r.id,
            r.returned_on,
            r.reason,
            r.resubmit_due,
            r.reply_received_on,
            r.reply_text,
            r.reply_signer,
            r.reply_stamped,
            r.returned_by,
        )  # fmt: skip
        for r in item.returns
    ]


@audit.writes(Permission.EDIT_LEDGER)
def return_reply(
    session: Session, actor: Actor, item_id: int, reason: str, resubmit_due: date | None = None
) -> int:
    """Send the reply back (退办): it is kept with the reason; the unit replies again by
    ``resubmit_due``, which becomes the deadline; by default today + ItemRules.resubmit_days,
    or the deadline as it stands if that is later (a 退办 never shortens the time given)."""
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    today = clock_of(session).today()
    if item.closed_on:
        raise ValidationError("该督办事项已办结，不能退办；确需退办，请先重新打开。")
    if item.reply_received_on is None:
        raise ValidationError("尚未登记回复，没有可退回的回复。")
    if not reason.strip():
        raise ValidationError("请写明退办理由（回复哪里不符合要求）。", field="reason")
    due = resubmit_due or max(
        item.reply_due, today + timedelta(days=settings.item_rules(session).resubmit_days)
    )
    if due <= today:
        raise ValidationError("补办期限应晚于今天。", field="resubmit_due")
    back = ItemReturn(
        returned_on=today,
        reason=reason.strip(),
        resubmit_due=due,
        reply_received_on=item.reply_received_on,
        reply_text=item.reply_text,
        reply_signer=item.reply_signer,
        reply_stamped=item.reply_stamped,
        returned_by=actor.label,
    )
    item.returns.append(back)
    old_due = item.reply_due
    item.reply_received_on, item.reply_text = None, ""
    item.reply_signer, item.reply_stamped = "", False
    item.reply_due = due
    session.flush()
    audit.record(
        session,
        actor,
        "return",
        "supervision",
        item.id,
        f"退回{item.unit.name}的回复，限 {due:%Y-%m-%d} 前补办：{reason.strip()}",
        {"old_due": old_due.isoformat(), "resubmit_due": due.isoformat()},
    )
    return back.id


@audit.writes(Permission.EDIT_LEDGER)
def urge_item(session: Session, actor: Actor, item_id: int, note: str = "") -> int:
    """催办 an open item; refused while the last 催办 is closer than the minimum interval."""
    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    today = clock_of(session).today()
    if item.closed_on:
        raise ValidationError("该督办事项已办结，无需催办。")
    if item.reply_received_on is not None:
        raise ValidationError("该事项已回复，无需催办；回复不合格的请退办。")
    gap = settings.item_rules(session).urge_interval_days
    if item.urges and (today - item.urges[-1].urged_on).days < gap:
        last = item.urges[-1].urged_on
        raise ValidationError(
            f"该事项已于 {last:%Y-%m-%d} 催办，距今 {(today - last).days} 天，"
            f"未满两次催办的最短间隔 {gap} 天（可在设置中调整），此次催办未登记。"
        )
    urge = ItemUrge(urged_on=today, note=note.strip(), urged_by=actor.label)
    item.urges.append(urge)
    session.flush()
    audit.record(
        session,
        actor,
        "urge",
        "supervision",
        item.id,
        f"催办{item.unit.name}（期限 {item.reply_due:%Y-%m-%d}）" + (f"：{note}" if note else ""),
    )
    return urge.id
