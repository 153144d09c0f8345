"""Funds (资金): budget, arrivals and spending per task and source, in exact yuan."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import FundKind, FundSource
from db.models import FundEntry, Task, Unit
from desktop.services import audit
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing

ZERO = Decimal("0.00")
TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class FundEntryInfo:
    id: int
    task_id: int
    kind: FundKind
    source: FundSource
    amount: Decimal
    entry_date: date
    note: str


@dataclass(frozen=True)
class FundTotals:
    budget: Decimal = ZERO
    arrived: Decimal = ZERO
    spent: Decimal = ZERO

    @property
    def arrival_rate(self) -> float | None:
        return float(self.arrived / self.budget * 100) if self.budget else None

    @property
    def spending_rate(self) -> float | None:
        """Spent as a share of what has arrived (支出率)."""
        return float(self.spent / self.arrived * 100) if self.arrived else None


@dataclass(frozen=True)
class FundRow:
    task_id: int
    code: str
    title: str
    lead_unit: str
    totals: FundTotals


def parse_amount(text: str | Decimal | int) -> Decimal:
    """Yuan from what the clerk typed: '1,250,000.5', '125万' or a Decimal."""
    if isinstance(text, Decimal | int):
        return Decimal(text).quantize(Decimal("0.01"))
    raw = str(text).strip().replace(",", "").replace("，", "").replace("元", "")
    factor = Decimal(1)
    if raw.endswith("万"):
        raw, factor = raw[:-1], TEN_THOUSAND
    try:
        return (Decimal(raw) * factor).quantize(Decimal("0.01"))
    except InvalidOperation as exc:
        raise ValidationError(f"金额“{text}”不是有效的数字。", field="amount") from exc


def parse_wan(text: str | Decimal | int) -> Decimal:
    """Yuan from an amount typed in 万元, the unit of every table: '12.5' is 125,000 元;
    '125000元' or '12.5万元' say their own unit."""
    if isinstance(text, Decimal | int):
        return parse_amount(Decimal(text) * TEN_THOUSAND)
    raw = str(text).strip().replace(",", "").replace("，", "").replace(" ", "")
    if raw.endswith("元") and not raw.endswith("万元"):
        return parse_amount(raw)
    raw = raw.removesuffix("元").removesuffix("万")
    return parse_amount(raw + "万") if raw else parse_amount(text)


@audit.writes(Permission.EDIT_LEDGER)
def add_fund_entry(
    session: Session,
    actor: Actor,
    task_id: int,
    kind: FundKind,
    source: FundSource,
    amount: Decimal | str,
    entry_date: date,
    note: str = "",
) -> FundEntryInfo:
    task = get_or_missing(session, Task, task_id, "任务")
    value = parse_amount(amount)
    if value <= 0:
        raise ValidationError("金额必须大于零。", field="amount")
    if entry_date > clock_of(session).today():
        raise ValidationError("日期不能晚于今天。", field="entry_date")
    entry = FundEntry(
        task_id=task.id,
        kind=kind,
        source=source,
        amount=value,
        entry_date=entry_date,
        note=note.strip(),
    )
    session.add(entry)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "fund_entry",
        entry.id,
        f"任务 {task.code} 登记{source.label}{kind.label}资金 {yuan_to_wan(value)} 万元",
        {"amount": str(value), "date": entry_date.isoformat()},
    )
    return _info(entry)


def entries_of_task(session: Session, task_id: int) -> list[FundEntryInfo]:
    return [
        _info(e)
        for e in session.scalars(
            select(FundEntry)
            .where(FundEntry.task_id == task_id)
            .order_by(FundEntry.entry_date.desc(), FundEntry.id.desc())
        )
    ]


def totals_by_task(session: Session, task_ids: list[int] | None = None) -> dict[int, FundTotals]:
    query = select(FundEntry.task_id, FundEntry.kind, func.sum(FundEntry.amount)).group_by(
        FundEntry.task_id, FundEntry.kind
    )
    wanted = None if task_ids is None else set(task_ids)
    if task_ids is not None and len(task_ids) <= 900:  # few: let SQL pick them
        query = query.where(FundEntry.task_id.in_(task_ids))
    sums: dict[int, dict[FundKind, Decimal]] = defaultdict(dict)
    for task_id, kind, total in session.execute(query):
        # Many ids: one grouped pass over the table beats an IN list past SQLite's limit.
        if wanted is None or task_id in wanted:
            sums[task_id][kind] = Decimal(total)
    return {
        tid: FundTotals(
            v.get(FundKind.BUDGET, ZERO), v.get(FundKind.ARRIVED, ZERO), v.get(FundKind.SPENT, ZERO)
        )
        for tid, v in sums.items()
    }


def totals_by_source(session: Session) -> dict[FundSource, FundTotals]:
    sums: dict[FundSource, dict[FundKind, Decimal]] = defaultdict(dict)
    for source, kind, total in session.execute(
        select(FundEntry.source, FundEntry.kind, func.sum(FundEntry.amount)).group_by(
            FundEntry.source, FundEntry.kind
        )
    ):
        sums[source][kind] = Decimal(total)
    return {
        s: FundTotals(
            v.get(FundKind.BUDGET, ZERO), v.get(FundKind.ARRIVED, ZERO), v.get(FundKind.SPENT, ZERO)
        )
        for s, v in sums.items()
    }


def fund_rows(session: Session) -> list[FundRow]:
    totals = totals_by_task(session)
    rows = session.execute(
        select(Task.id, Task.code, Task.title, Unit.name)
        .join(Unit, Task.lead_unit_id == Unit.id)
        .order_by(Task.code)
    )
    return [
        FundRow(tid, code, title, unit, totals.get(tid, FundTotals()))
        for tid, code, title, unit in rows
    ]


def yuan_to_wan(amount: Decimal) -> str:
    """万元 with two decimals, as the office writes money."""
    return f"{(amount / TEN_THOUSAND).quantize(Decimal('0.01')):,}"


def _info(entry: FundEntry) -> FundEntryInfo:
    return FundEntryInfo(
        entry.id,
        entry.task_id,
        entry.kind,
        entry.source,
        entry.amount,
        entry.entry_date,
        entry.note,
    )
