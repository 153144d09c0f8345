"""预警: which green or yellow tasks will be red at the next period's end if their trend holds.

The forecast uses only what the ledger knew on the day it speaks of (reports submitted by then,
milestones not done by then), so replaying it as of each past month-end and comparing with the
lamps that really lit a month later (:func:`replay`) measures how often it is right.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import FundKind, LampColor
from db.models import FundEntry, Milestone, ProgressReport, Task, Unit
from desktop.services import settings
from desktop.services.jobs import shed
from desktop.services.lamps.ledger_rows import LedgerRows, lead_names
from desktop.services.lamps.rules import TaskFacts, evaluate, kept_evaluate
from desktop.services.periods import Period, schedule_progress
from desktop.services.settings import LampRules

TREND_REPORTS = 3  # the last reports the trend is drawn from


@dataclass(frozen=True)
class Forecast:
    """A task that is not red now and will be at ``horizon`` if nothing changes."""

    task_id: int
    code: str
    title: str
    unit: str
    color_now: LampColor
    horizon: date
    reasons: tuple[str, ...]  # the first says why, in words a leader reads

    @property
    def reason_text(self) -> str:
        return "；".join(self.reasons)


@dataclass
class _Task:
    id: int
    code: str
    title: str
    unit: str
    start: date
    deadline: date
    status: object
    reports: list[tuple[str, float, date]]  # period, percent, submitted_on; by period
    milestones: list[tuple[str, date, date | None]]  # title, due, done_on
    funds: list[tuple[FundKind, Decimal, date]]
    earlier_max: Decimal | float = 0  # the highest percent reported before the reports loaded


def month_end(period: Period) -> date:
    return date(period.year, period.month, calendar.monthrange(period.year, period.month)[1])


def forecast(
    session: Session,
    as_of: date,
    *,
    rules: LampRules | None = None,
    rows: LedgerRows | None = None,
) -> list[Forecast]:
    """Every task not red on ``as_of`` whose trend turns it red at the next period's end.

    ``rows``: the ledger already read (the circular's), instead of the forecast's own query.
    """
    rules = rules or settings.lamp_rules(session)
    since = Period.of(as_of).shift(-12)
    tasks = _load(session, since=since) if rows is None else _from_rows(rows, since)
    try:
        return [f for t in tasks if (f := _forecast_one(t, rules, as_of)) is not None]
    finally:
        shed(tasks)  # a year of reports per task: freed at once, it froze the window 0.66 s


def _forecast_one(task: _Task, rules: LampRules, as_of: date) -> Forecast | None:
    now = kept_evaluate(_facts(task, as_of), rules, as_of)
    if now.color == LampColor.RED or now.done:
        return None
    horizon = month_end(Period.of(as_of).shift(1))
    known = [r for r in task.reports if r[2] <= as_of]
    rate, basis = _trend(task, known, as_of)
    last_pct = known[-1][1] if known else 0
    months_ahead = _months(month_end(Period.parse(known[-1][0])) if known else as_of, horizon)
    projected = min(100, round(last_pct + rate * months_ahead))
    facts = _facts(task, as_of, projected, horizon, lagging=now.color == LampColor.YELLOW)
    later = kept_evaluate(facts, rules, horizon)
    if later.color != LampColor.RED:
        return None
    lag = schedule_progress(task.start, task.deadline, horizon) - projected
    head = (
        f"{basis}，{horizon.month}月底将滞后序时{lag:.0f}个百分点"
        if lag > rules.red_lag
        else f"{horizon.month}月底：{later.reasons[0]}"
    )
    others = tuple(r for r in later.reasons if "滞后序时进度" not in r)
    reasons = (head, *[r for r in others if r not in head])
    return Forecast(task.id, task.code, task.title, task.unit, now.color, horizon, reasons)


def _trend(task: _Task, known: list[tuple[str, float, date]], as_of: date) -> tuple[float, str]:
    """Points per month from the last reports (or from the start), and how it was drawn."""
    recent = known[-TREND_REPORTS:]
    if len(recent) >= 2:
        first, last = Period.parse(recent[0][0]), Period.parse(recent[-1][0])
        span = max(1, (last.year - first.year) * 12 + last.month - first.month)
        rate = (recent[-1][1] - recent[0][1]) / span
        n = len(recent)
        return rate, f"按近{n}期平均每月推进{rate:.0f}个百分点"
    months = max(1.0, _months(task.start, as_of))
    rate = (recent[-1][1] if recent else 0) / months
    return rate, f"按开工以来平均每月推进{rate:.0f}个百分点"


def _months(first: date, last: date) -> float:
    return max(0.0, (last - first).days / 30.44)


def _facts(
    task: _Task,
    day: date,
    projected_percent: int | None = None,
    horizon: date | None = None,
    lagging: bool = False,
) -> TaskFacts:
    """The lamp rules' view of the task on ``day`` — or, projected, at ``horizon``."""
    known = [r for r in task.reports if r[2] <= day]
    periods = {r[0] for r in known}
    latest = known[-1][1] if known else None
    at = day
    if horizon is not None:
        at = horizon
        latest = projected_percent
        # The trend assumes the unit keeps reporting: every period up to the horizon counts.
        last = Period.of(horizon)
        p = Period.of(day)
        while p <= last:
            periods.add(str(p))
            p = p.shift(1)
    # An overdue milestone stays overdue; one not yet due is assumed met on time, unless the
    # task already lags (a yellow task rarely meets its next milestone: replay() measured it).
    until = at if lagging else day
    overdue = tuple(
        (title, due)
        for title, due, done in task.milestones
        if due < until and (done is None or done > day)
    )
    budget = sum((a for k, a, d in task.funds if k == FundKind.BUDGET and d <= day), Decimal(0))
    arrived = sum((a for k, a, d in task.funds if k == FundKind.ARRIVED and d <= day), Decimal(0))
    return TaskFacts(
        start=task.start,
        deadline=task.deadline,
        status=task.status,  # type: ignore[arg-type]
        latest_percent=latest,
        reported_periods=frozenset(periods),
        max_percent=max([latest or 0, task.earlier_max, *(r[1] for r in known)]),
        overdue_milestones=overdue,
        budget=budget,
        arrived=arrived,
    )


def _load(session: Session, since: Period | None = None) -> list[_Task]:
    leads = lead_names(session)
    units = dict(session.execute(select(Unit.id, Unit.name)).all())
    reports: dict[int, list] = defaultdict(list)
    query = select(
        ProgressReport.task_id,
        ProgressReport.period,
        ProgressReport.percent,
        ProgressReport.submitted_on,
    ).order_by(ProgressReport.task_id, ProgressReport.period)
    earlier: dict[int, Decimal] = {}
    if since is not None:  # the trend and the missed-report rule look a year back at most
        query = query.where(ProgressReport.period >= str(since))
        earlier = dict(  # older reports count only for "has it ever started"
            session.execute(
                select(ProgressReport.task_id, func.max(ProgressReport.percent))
                .where(ProgressReport.period < str(since))
                .group_by(ProgressReport.task_id)
            ).all()
        )
    for task_id, period, percent, submitted in session.execute(query):
        reports[task_id].append((period, float(percent), submitted))  # a projection: floats
    milestones: dict[int, list] = defaultdict(list)
    for task_id, title, due, done in session.execute(
        select(Milestone.task_id, Milestone.title, Milestone.due, Milestone.done_on)
    ):
        milestones[task_id].append((title, due, done))
    funds: dict[int, list] = defaultdict(list)
    for task_id, kind, amount, day in session.execute(
        select(
            FundEntry.task_id, FundEntry.kind, func.sum(FundEntry.amount), FundEntry.entry_date
        ).group_by(FundEntry.task_id, FundEntry.kind, FundEntry.entry_date)
    ):
        funds[task_id].append((kind, Decimal(amount), day))
    rows = session.execute(
        select(
            Task.id,
            Task.code,
            Task.title,
            Task.lead_unit_id,
            Task.start,
            Task.deadline,
            Task.status,
        ).order_by(Task.code)
    ).all()
    return [
        _Task(
            r.id,
            r.code,
            r.title,
            leads.get(r.id) or units.get(r.lead_unit_id, ""),
            r.start,
            r.deadline,
            r.status,
            reports[r.id],
            milestones[r.id],
            funds[r.id],
            earlier.get(r.id, 0),
        )
        for r in rows
    ]


def _from_rows(rows: LedgerRows, since: Period) -> list[_Task]:
    """What _load(since=since) reads, from rows read whole (the circular's)."""
    first = str(since)
    out = []
    for t in rows.tasks:
        own = rows.reports.get(t.id, [])
        earlier = [percent for period, percent, _on in own if period < first]
        out.append(
            _Task(
                t.id,
                t.code,
                t.title,
                rows.leads.get(t.id) or rows.unit_names.get(t.lead_unit_id, ""),
                t.start,
                t.deadline,
                t.status,
                [(p, float(percent), on) for p, percent, on in own if p >= first],
                rows.milestones.get(t.id, []),
                rows.funds.get(t.id, []),
                max(earlier) if earlier else 0,
            )
        )
    return out


# -- how often it is right ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReplayMonth:
    as_of: date
    predicted: frozenset[int]
    turned_red: frozenset[int]  # not red at as_of, red a month later

    @property
    def hits(self) -> int:
        return len(self.predicted & self.turned_red)


@dataclass(frozen=True)
class Replay:
    months: tuple[ReplayMonth, ...]

    @property
    def predicted(self) -> int:
        return sum(len(m.predicted) for m in self.months)

    @property
    def turned_red(self) -> int:
        return sum(len(m.turned_red) for m in self.months)

    @property
    def hits(self) -> int:
        return sum(m.hits for m in self.months)

    @property
    def precision(self) -> float | None:
        return self.hits / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.turned_red if self.turned_red else None


def replay(session: Session, first: Period, last: Period) -> Replay:
    """Forecast as of each month-end from ``first`` to ``last`` and check a month later."""
    rules = settings.lamp_rules(session)
    tasks = _load(session)
    months = []
    p = first
    while p <= last:
        as_of, horizon = month_end(p), month_end(p.shift(1))
        predicted, turned = set(), set()
        for task in tasks:
            now = evaluate(_facts(task, as_of), rules, as_of)
            if now.color == LampColor.RED or now.done:
                continue
            if _forecast_one(task, rules, as_of) is not None:
                predicted.add(task.id)
            if evaluate(_facts(task, horizon), rules, horizon).color == LampColor.RED:
                turned.add(task.id)
        months.append(ReplayMonth(as_of, frozenset(predicted), frozenset(turned)))
        p = p.shift(1)
    return Replay(tuple(months))
