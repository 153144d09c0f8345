"""What the clerk and the 分管领导 are told before an item falls due, and what waits for a leader."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.models import ItemExtension, SupervisionItem
from desktop.services import settings
from desktop.services.status_values import DueReminder, PendingApproval


def due_reminders(session: Session, today: date) -> list[DueReminder]:
    """Open items with no reply whose deadline is within ItemRules.remind_before_days."""
    days = settings.item_rules(session).remind_before_days
    if days <= 0:
        return []
    query = (
        select(SupervisionItem)
        .where(
            SupervisionItem.closed_on.is_(None),
            SupervisionItem.reply_received_on.is_(None),
            SupervisionItem.reply_due >= today,
            SupervisionItem.reply_due <= today + timedelta(days=days),
        )
        .order_by(SupervisionItem.reply_due, SupervisionItem.id)
        .options(selectinload(SupervisionItem.unit))
    )
    return [
        DueReminder(
            i.id, i.unit.name, i.leader, i.reply_due, (i.reply_due - today).days, i.requirement
        )  # fmt: skip
        for i in session.scalars(query)
    ]


def pending_approvals(session: Session) -> list[PendingApproval]:
    """延期 requests the clerk has checked and passed, waiting for a leader's decision."""
    query = (
        select(ItemExtension)
        .join(SupervisionItem)
        .where(
            ItemExtension.check_passed.is_(True),
            ItemExtension.approved.is_(None),
            SupervisionItem.closed_on.is_(None),
        )
        .order_by(ItemExtension.id)
    )
    return [
        PendingApproval(e.id, e.supervision_id, e.item.unit.name, e.old_due, e.new_due, e.reason)
        for e in session.scalars(query)
    ]
