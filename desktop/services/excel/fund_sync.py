"""Funds arrived and spent in a period, as a report sheet states them: one entry per task, kind and period.

The entries an import creates carry a note naming the period, so that importing the same sheet
again finds them and changes nothing, and a corrected sheet replaces the amount instead of adding.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import FundKind, FundSource
from db.models import FundEntry, Task
from desktop.services import audit, funds
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.lookup import get_or_missing
from desktop.services.periods import Period

ZERO = Decimal("0.00")
SHEET_KINDS = (FundKind.ARRIVED, FundKind.SPENT)


def marker(period: str) -> str:
    return f"进度报送表 {period}"


@dataclass(frozen=True)
class PeriodEntry:
    entry_id: int
    amount: Decimal
    source: FundSource


@dataclass(frozen=True)
class FundChange:
    """What to do with one task's arrived or spent amount for the period; amount 0 removes it."""

    task_id: int
    kind: FundKind
    period: str
    amount: Decimal
    source: FundSource
    entry_id: int | None  # the entry a previous import made, if any


def period_entries(
    session: Session, task_ids: list[int], period: str
) -> dict[tuple[int, FundKind], PeriodEntry]:
    found: dict[tuple[int, FundKind], PeriodEntry] = {}
    for chunk in (task_ids[i : i + 900] for i in range(0, len(task_ids), 900)):
        for entry in session.scalars(
            select(FundEntry)
            .where(FundEntry.task_id.in_(chunk), FundEntry.note == marker(period))
            .order_by(FundEntry.id)
        ):
            found[(entry.task_id, entry.kind)] = PeriodEntry(entry.id, entry.amount, entry.source)
    return found


def diff(
    existing: PeriodEntry | None,
    task_id: int,
    kind: FundKind,
    period: str,
    amount: Decimal | None,
    source: FundSource | None,
) -> FundChange | None:
    """None when the ledger already says what the sheet says (an empty cell means nothing)."""
    amount = amount or ZERO
    if existing is None:
        if amount == ZERO:
            return None
        return FundChange(task_id, kind, period, amount, source or FundSource.CITY, None)
    if existing.amount == amount and (amount == ZERO or existing.source == source):
        return None
    return FundChange(task_id, kind, period, amount, source or existing.source, existing.entry_id)


def entry_date(period: str, today: date) -> date:
    last_day = Period.parse(period).shift(1).first_day() - timedelta(days=1)
    return min(last_day, today)


@audit.writes(Permission.EDIT_LEDGER)
def apply_fund_changes(session: Session, actor: Actor, changes: list[FundChange]) -> None:
    today = clock_of(session).today()
    for change in changes:
        if change.entry_id is None:
            funds.add_fund_entry(
                session,
                actor,
                change.task_id,
                change.kind,
                change.source,
                change.amount,
                entry_date(change.period, today),
                note=marker(change.period),
            )
            continue
        entry = get_or_missing(session, FundEntry, change.entry_id, "资金记录")
        task = get_or_missing(session, Task, change.task_id, "任务")
        label = Period.parse(change.period).label
        before = {"amount": str(entry.amount), "source": entry.source.value}
        if change.amount == ZERO:
            session.delete(entry)
            session.flush()
            audit.record(
                session,
                actor,
                "delete",
                "fund_entry",
                change.entry_id,
                f"任务 {task.code} 撤销{label}报送表登记的{change.kind.label}资金 "
                f"{funds.yuan_to_wan(Decimal(before['amount']))} 万元",
                {"before": before},
            )
            continue
        entry.amount, entry.source = change.amount, change.source
        audit.record(
            session,
            actor,
            "update",
            "fund_entry",
            entry.id,
            f"任务 {task.code} {label}{change.kind.label}资金改为 "
            f"{change.source.label} {funds.yuan_to_wan(change.amount)} 万元",
            {"before": before},
        )
    session.flush()
