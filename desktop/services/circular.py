"""The periodic circular (通报): the ledger as it stood at a period's end, turned into a draft."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import FundKind, TaskStatus
from db.models import (
    DocKind,
    DocStatus,
    Document,
    ProgressReport,
)
from desktop.documents.compose_circular import (
    AHEAD,
    BEHIND,
    DONE,
    ON,
    CircularData,
    CircularFunds,
    CircularTask,
    CircularUnit,
    compose_circular,
)
from desktop.documents.compose_common import Letterhead
from desktop.services import settings
from desktop.services.auth import Actor
from desktop.services.clock import clock_of
from desktop.services.errors import ConflictError, ValidationError
from desktop.services.lamps.forecast import Forecast
from desktop.services.lamps.ledger_rows import LedgerRows, TaskRow, read_rows
from desktop.services.lamps.rules import (
    DONE_STATUSES,
    Lamp,
    TaskFacts,
    kept_evaluate,
    lag_of,
)
from desktop.services.notices import register as notices
from desktop.services.periods import Period, add_months
from desktop.services.settings import LampRules, OfficeSettings

AHEAD_POINTS = 5.0  # 超序时: reported progress at least this many points above schedule


@dataclass(frozen=True)
class TaskState:
    """One task as it stood on a day, with only the reports of periods up to then."""

    task: CircularTask
    lead_unit_id: int
    project_id: int
    gap: float
    budget: Decimal
    arrived: Decimal
    spent: Decimal


def period_end(period: Period) -> date:
    return period.shift(1).first_day() - timedelta(days=1)


def as_of_day(period: Period, today: date) -> date:
    """The circular speaks of the period's last day, or of today while the period runs."""
    return min(today, period_end(period))


def task_states(
    session: Session, period: Period, day: date, rules: LampRules, rows: LedgerRows | None = None
) -> list[TaskState]:
    """Every task as it stood on ``day``: the circular's tables and the yearly assessment.

    ``rows`` (read_rows) serve several days from one read; by default they are read here.
    """
    rows = rows or read_rows(session)
    last = str(period)
    states = []
    for task in rows.tasks:
        if task.start > day:
            continue
        own = [(p, percent) for p, percent, _on in rows.reports.get(task.id, ()) if p <= last]
        overdue = tuple(
            (title, due)
            for title, due, done in rows.milestones.get(task.id, ())
            if due < day and (done is None or done > day)
        )
        status = task.status
        if status in DONE_STATUSES and task.closed_on and task.closed_on > day:
            status = TaskStatus.IN_PROGRESS  # closed only later: still in progress back then
        m = rows.money(task.id, day)
        facts = TaskFacts(
            start=task.start,
            deadline=task.deadline,
            status=status,
            latest_percent=own[-1][1] if own else None,
            reported_periods=frozenset(p for p, _ in own),
            max_percent=max((pc for _, pc in own), default=0),
            overdue_milestones=overdue,
            budget=m[FundKind.BUDGET],
            arrived=m[FundKind.ARRIVED],
            previous_report=own[-2] if len(own) > 1 else None,
        )
        lamp = kept_evaluate(facts, rules, day)
        unit_name = rows.unit_names[task.lead_unit_id]
        project_name = rows.project_names[task.project_id]
        states.append(_state(task, unit_name, project_name, facts, lamp, rules, day, m))
    return states


def _state(
    task: TaskRow,
    unit_name: str,
    project_name: str,
    facts: TaskFacts,
    lamp: Lamp,
    rules: LampRules,
    day: date,
    money: dict[FundKind, Decimal],
) -> TaskState:
    reported = Decimal(100) if lamp.done else lamp.reported
    gap = -lag_of(lamp.schedule_pct, reported or 0)  # as decimals, like the lamp itself
    if lamp.done:
        category = DONE
    elif -gap >= rules.yellow_lag or day > task.deadline:
        category = BEHIND
    elif gap >= AHEAD_POINTS:
        category = AHEAD
    else:
        category = ON
    budget, arrived = money[FundKind.BUDGET], money[FundKind.ARRIVED]
    funds_lagging = (
        not lamp.done
        and budget > 0
        and lamp.schedule_pct >= rules.funds_check_after_schedule
        and float(arrived / budget * 100) < rules.funds_min_arrival_rate
    )
    not_started = (
        not lamp.done
        and facts.max_percent == 0
        and day >= add_months(task.start, rules.not_started_months)
    )
    row = CircularTask(
        code=task.code,
        title=task.title,
        project=project_name,
        lead_unit=unit_name,
        schedule_pct=lamp.schedule_pct,
        reported_pct=reported,
        lamp=lamp.color.value,
        reasons=lamp.reasons,
        category=category,
        overdue_days=0 if lamp.done else max(0, (day - task.deadline).days),
        overdue_milestones=0 if lamp.done else len(facts.overdue_milestones),
        missed_reports=lamp.missed_reports
        if lamp.missed_reports >= rules.missed_reports_yellow
        else 0,
        funds_lagging=funds_lagging,
        not_started=not_started,
    )
    return TaskState(
        row, task.lead_unit_id, task.project_id, float(gap), budget, arrived, money[FundKind.SPENT]
    )


def _ranking(
    rows: LedgerRows, states: list[TaskState]
) -> list[tuple[int, str, list[TaskState], float]]:
    """Lead units, best first, by the mean gap of their tasks (ties: fewer red, fewer yellow)."""
    by_unit: dict[int, list[TaskState]] = defaultdict(list)
    for s in states:
        by_unit[s.lead_unit_id].append(s)
    names, order = rows.unit_names, rows.unit_order
    ranked = []
    for unit_id, own in by_unit.items():
        gap = sum(s.gap for s in own) / len(own)
        red = sum(s.task.lamp == "red" for s in own)
        yellow = sum(s.task.lamp == "yellow" for s in own)
        ranked.append(((-round(gap, 1), red, yellow, order[unit_id]), unit_id, own, gap))
    ranked.sort(key=lambda r: r[0])
    return [(unit_id, names[unit_id], own, gap) for _key, unit_id, own, gap in ranked]


def circular_data(session: Session, period: Period | str) -> CircularData:
    """The figures of the circular for a period, from the ledger as it stood then."""
    period = Period.parse(period) if isinstance(period, str) else period
    today = clock_of(session).today()
    if period.first_day() > today:
        raise ValidationError(f"{period.label}尚未开始，不能生成通报。", field="period")
    rules = settings.lamp_rules(session)
    day = as_of_day(period, today)
    rows = read_rows(session)  # this period, the one before and the forecast: one read
    states = task_states(session, period, day, rules, rows)
    if not states:
        raise ValidationError(f"截至{period.label}，台账中没有已开始的任务。", field="period")
    earlier = period.shift(-1)
    before = _ranking(rows, task_states(session, earlier, period_end(earlier), rules, rows))
    previous = {unit_id: rank for rank, (unit_id, *_rest) in enumerate(before, start=1)}
    units = []
    for rank, (unit_id, name, own, gap) in enumerate(_ranking(rows, states), start=1):
        units.append(
            CircularUnit(
                name=name,
                tasks=len(own),
                done=sum(s.task.category == DONE for s in own),
                green=sum(s.task.lamp == "green" for s in own),
                yellow=sum(s.task.lamp == "yellow" for s in own),
                red=sum(s.task.lamp == "red" for s in own),
                gap=gap,
                rank=rank,
                previous_rank=previous.get(unit_id),
            )
        )
    return CircularData(
        period_label=period.label,
        as_of=day,
        issued=today,
        projects=len({s.project_id for s in states}),
        tasks=[s.task for s in states],
        units=units,
        funds=_funds(rows, states),
        next_report_due=period.shift(1).due(rules.report_day),
        ahead_points=AHEAD_POINTS,
        yellow_lag=rules.yellow_lag,
        red_lag=rules.red_lag,
        reported_problems=_reported_problems(session, period),
        forecast=[(f.code, f.title, f.unit) for f in _forecast(session, day, rules, rows)],
    )


def _forecast(session: Session, day: date, rules: LampRules, rows: LedgerRows) -> list[Forecast]:
    from desktop.services.lamps.forecast import forecast  # it builds on the lamp rules

    return forecast(session, day, rules=rules, rows=rows)


def _funds(rows: LedgerRows, states: list[TaskState]) -> list[CircularFunds]:
    sums: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 3)
    for s in states:
        total = sums[s.project_id]
        sums[s.project_id] = [total[0] + s.budget, total[1] + s.arrived, total[2] + s.spent]
    names = [(pid, name) for pid, name in rows.project_names.items() if pid in sums]
    return [CircularFunds(name, *sums[pid]) for pid, name in names]


def _reported_problems(session: Session, period: Period, limit: int = 3) -> list[tuple[str, int]]:
    texts = session.scalars(
        select(ProgressReport.problems).where(
            ProgressReport.period == str(period), ProgressReport.problems != ""
        )
    )
    return Counter(t.strip() for t in texts if t.strip()).most_common(limit)


def letterhead(office: OfficeSettings) -> Letterhead:
    return Letterhead(
        issuer_name=office.issuer_name,
        issuer_short=office.issuer_short,
        city=office.city,
        cc=f"{office.city}平安建设领导小组组长、副组长",
    )


def circulars_of(session: Session, period: Period) -> list[Any]:
    """The period's circulars in the register, newest first: (id, status, number)."""
    return list(
        session.execute(
            select(Document.id, Document.status, Document.number)
            .where(Document.kind == DocKind.CIRCULAR, Document.period == str(period))
            .order_by(Document.id.desc())
        ).all()
    )


def draft_circular(
    session: Session, actor: Actor, period: Period | str, *, recompose: bool = False
) -> int:
    """The period's circular draft: the existing one (the clerk's edits kept), or a new one.

    ``recompose`` rewrites an existing draft from the ledger as it is now.
    """
    period = Period.parse(period) if isinstance(period, str) else period
    found = circulars_of(session, period)
    drafts = [doc_id for doc_id, status, _n in found if status == DocStatus.DRAFT]
    issued = [number for _id, status, number in found if status == DocStatus.ISSUED]
    if drafts and not recompose:
        return drafts[0]
    if issued and not drafts:
        raise ConflictError(
            f"{period.label}的通报已印发（{issued[0]}）。如需更正，请对该文件拟制更正件。"
        )
    model = compose_circular(circular_data(session, period), letterhead(settings.office(session)))
    if drafts:
        notices.update_draft(session, actor, drafts[0], model, confirm_fallbacks=None)
        return drafts[0]
    return notices.create_draft(
        session, actor, DocKind.CIRCULAR, model, period=str(period), confirm_fallbacks=None
    )
