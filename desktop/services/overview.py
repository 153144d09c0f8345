"""What the desk shows: task rows with lamps, filtered, sorted and paged; roll-ups per project and unit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import Select, func, or_, select, true
from sqlalchemy.orm import Session

from db.enums import LampColor, TaskStatus
from db.models import Milestone, ProgressReport, Project, Task, Unit
from desktop.services import settings
from desktop.services.funds import FundTotals, totals_by_task
from desktop.services.lamps import Lamp, TaskFacts, evaluate, worst
from desktop.services.periods import Period


@dataclass(frozen=True)
class TaskRow:
    id: int
    code: str
    title: str
    project_id: int
    project_code: str
    project: str
    lead_unit_id: int
    lead_unit: str
    leader_in_charge: str
    start: date
    deadline: date
    status: TaskStatus
    lamp: Lamp
    funds: FundTotals
    last_period: str | None
    last_submitted: date | None

    @property
    def reported_pct(self) -> int | None:
        return None if self.lamp.lag is None else round(self.lamp.schedule_pct - self.lamp.lag)


@dataclass(frozen=True)
class TaskFilter:
    project_id: int | None = None
    unit_id: int | None = None
    lamp: LampColor | None = None
    status: TaskStatus | None = None
    text: str = ""
    task_ids: tuple[int, ...] | None = None


# Sort keys: those in SQL can page in SQL; the computed ones sort the computed list.
_SQL_SORT = {
    "code": Task.code,
    "title": Task.title,
    "project": Project.code,
    "lead_unit": Unit.name,
    "deadline": Task.deadline,
    "start": Task.start,
    "status": Task.status,
}
_COMPUTED_SORT = {
    "lamp": lambda r: (r.lamp.color.severity, r.lamp.lag or 0),
    "schedule": lambda r: r.lamp.schedule_pct,
    "reported": lambda r: -1 if r.reported_pct is None else r.reported_pct,
    "lag": lambda r: r.lamp.lag if r.lamp.lag is not None else 999,
    "arrival_rate": lambda r: r.funds.arrival_rate or 0,
    "spending_rate": lambda r: r.funds.spending_rate or 0,
    "last_report": lambda r: r.last_period or "",
}
SORT_KEYS = tuple(_SQL_SORT) + tuple(_COMPUTED_SORT)
# Sorts that page in SQL (when no lamp filter): a view may fetch these lazily, batch by batch.
PAGED_SORT_KEYS = frozenset(_SQL_SORT)


@dataclass
class TaskPage:
    rows: list[TaskRow]
    total: int


def _base(flt: TaskFilter) -> Select[*tuple[Any, ...]]:
    query: Select[*tuple[Any, ...]] = (
        # Plain columns, not Task entities: building 100,000 ORM objects costs seconds.
        select(
            Task.id,
            Task.code,
            Task.title,
            Task.project_id,
            Task.lead_unit_id,
            Task.leader_in_charge,
            Task.start,
            Task.deadline,
            Task.status,
            Project.code.label("project_code"),
            Project.name.label("project_name"),
            Unit.name.label("unit_name"),
        )
        .join(Project, Task.project_id == Project.id)
        .join(Unit, Task.lead_unit_id == Unit.id)
    )
    if flt.project_id is not None:
        query = query.where(Task.project_id == flt.project_id)
    if flt.unit_id is not None:
        query = query.where(Task.lead_unit_id == flt.unit_id)
    if flt.status is not None:
        query = query.where(Task.status == flt.status)
    if flt.task_ids is not None:
        query = query.where(Task.id.in_(flt.task_ids))
    if flt.text.strip():
        like = f"%{flt.text.strip()}%"
        query = query.where(
            or_(
                Task.code.like(like),
                Task.title.like(like),
                Task.target.like(like),
                Task.leader_in_charge.like(like),
                Unit.name.like(like),
                Project.name.like(like),
            )
        )
    return query


def task_page(
    session: Session,
    today: date,
    flt: TaskFilter = TaskFilter(),
    sort: str = "code",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> TaskPage:
    """Rows for the ledger table. Lamps are computed only for the rows shown when SQL can page."""
    if sort not in SORT_KEYS:
        raise ValueError(sort)
    query = _base(flt)
    if sort in _SQL_SORT and flt.lamp is None:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        column = _SQL_SORT[sort]
        query = query.order_by(column.desc() if descending else column.asc(), Task.id)
        if limit is not None:
            query = query.offset(offset).limit(limit)
        return TaskPage(_rows(session, today, query), total)
    rows = _rows(session, today, query)
    if flt.lamp is not None:
        rows = [r for r in rows if r.lamp.color == flt.lamp]
    rows.sort(key=_COMPUTED_SORT.get(sort) or (lambda r: getattr(r, sort)), reverse=descending)
    end = None if limit is None else offset + limit
    return TaskPage(rows[offset:end], len(rows))


def task_rows(session: Session, today: date, flt: TaskFilter = TaskFilter()) -> list[TaskRow]:
    return task_page(session, today, flt).rows


def _rows(session: Session, today: date, query: Select[*tuple[Any, ...]]) -> list[TaskRow]:
    found = session.execute(query).all()
    ids = [task.id for task in found]
    if not ids:
        return []
    rules = settings.lamp_rules(session)
    facts = _facts(session, ids, today, rules.report_day)
    funds = totals_by_task(session, ids)
    rows = []
    for task in found:
        fact, last_period, last_submitted = facts[task.id]
        task_facts = TaskFacts(
            start=task.start,
            deadline=task.deadline,
            status=task.status,
            latest_percent=fact["latest"],
            reported_periods=frozenset(fact["periods"]),
            max_percent=fact["max"],
            overdue_milestones=tuple(fact["milestones"]),
            budget=funds.get(task.id, FundTotals()).budget,
            arrived=funds.get(task.id, FundTotals()).arrived,
        )
        rows.append(
            TaskRow(
                task.id,
                task.code,
                task.title,
                task.project_id,
                task.project_code,
                task.project_name,
                task.lead_unit_id,
                task.unit_name,
                task.leader_in_charge,
                task.start,
                task.deadline,
                task.status,
                evaluate(task_facts, rules, today),
                funds.get(task.id, FundTotals()),
                last_period,
                last_submitted,
            )
        )
    return rows


def _facts(
    session: Session, ids: list[int], today: date, report_day: int
) -> dict[int, tuple[dict, str | None, date | None]]:
    """Gather in two set queries what the lamp rules need for many tasks."""
    data: dict[int, dict] = {
        i: {"latest": None, "periods": set(), "max": 0, "milestones": []} for i in ids
    }
    last: dict[int, tuple[str | None, date | None]] = {}
    since = str(Period.of(today).shift(-12))  # only recent periods matter for missed reports
    reports = select(
        ProgressReport.task_id,
        ProgressReport.period,
        ProgressReport.percent,
        ProgressReport.submitted_on,
    ).order_by(ProgressReport.task_id, ProgressReport.period)
    milestones = (
        select(Milestone.task_id, Milestone.title, Milestone.due)
        .where(Milestone.done_on.is_(None), Milestone.due < today)
        .order_by(Milestone.due)
    )
    for scope in _scopes(ids):
        for task_id, period, percent, submitted in session.execute(
            reports.where(scope(ProgressReport.task_id))
        ):
            fact = data.get(task_id)
            if fact is None:
                continue
            fact["latest"] = percent  # ordered by period: the last one seen is the latest
            fact["max"] = max(fact["max"], percent)
            if period >= since:
                fact["periods"].add(period)
            last[task_id] = (period, submitted)
        for task_id, title, due in session.execute(milestones.where(scope(Milestone.task_id))):
            if task_id in data:
                data[task_id]["milestones"].append((title, due))
    return {i: (data[i], *last.get(i, (None, None))) for i in ids}


def _scopes(ids: list[int]) -> list[Callable[[Any], Any]]:
    """WHERE clauses covering the ids: IN lists in chunks (SQLite's parameter limit), or the
    whole table when the ids are many, which is faster than hundreds of IN queries."""
    if len(ids) > 5000:
        return [_everything]
    return [partial(_among, ids[i : i + 900]) for i in range(0, len(ids), 900)]


def _everything(column: Any) -> Any:
    return true()


def _among(chunk: list[int], column: Any) -> Any:
    return column.in_(chunk)


# --- roll-ups ----------------------------------------------------------------------------------


@dataclass
class RollUp:
    """Lamp counts for a project or a lead unit; its lamp is the worst of its tasks."""

    id: int
    code: str
    name: str
    lead_unit: str
    counts: dict[LampColor, int] = field(default_factory=lambda: {c: 0 for c in LampColor})
    tasks: int = 0
    done: int = 0
    red_reasons: list[str] = field(default_factory=list)

    @property
    def lamp(self) -> LampColor:
        return worst([c for c, n in self.counts.items() if n])

    def add(self, row: TaskRow) -> None:
        self.tasks += 1
        self.done += row.lamp.done
        self.counts[row.lamp.color] += 1
        if row.lamp.color == LampColor.RED:
            self.red_reasons.append(f"{row.code} {row.title}：{row.lamp.reason_text}")


def project_rollups(
    session: Session, today: date, rows: list[TaskRow] | None = None
) -> list[RollUp]:
    rows = task_rows(session, today) if rows is None else rows
    result: dict[int, RollUp] = {}
    for project in session.scalars(select(Project).order_by(Project.id)):
        result[project.id] = RollUp(project.id, project.code, project.name, project.lead_unit.name)
    for row in rows:
        result[row.project_id].add(row)
    return list(result.values())


def unit_rollups(session: Session, today: date, rows: list[TaskRow] | None = None) -> list[RollUp]:
    """Per lead unit: only units that lead at least one task."""
    rows = task_rows(session, today) if rows is None else rows
    result: dict[int, RollUp] = {}
    by_unit: dict[int, list[TaskRow]] = defaultdict(list)
    for row in rows:
        by_unit[row.lead_unit_id].append(row)
    for unit in session.scalars(select(Unit).where(Unit.id.in_(by_unit)).order_by(Unit.sort_order)):
        rollup = RollUp(unit.id, unit.short_name, unit.name, unit.name)
        for row in by_unit[unit.id]:
            rollup.add(row)
        result[unit.id] = rollup
    return list(result.values())


def totals(rows: list[TaskRow]) -> dict[str, Decimal | int]:
    budget = sum((r.funds.budget for r in rows), Decimal(0))
    arrived = sum((r.funds.arrived for r in rows), Decimal(0))
    spent = sum((r.funds.spent for r in rows), Decimal(0))
    return {"tasks": len(rows), "budget": budget, "arrived": arrived, "spent": spent}
