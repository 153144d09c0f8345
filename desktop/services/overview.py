"""What the desk shows: task rows with lamps, filtered, sorted and paged; roll-ups per project and unit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import Select, case, func, literal_column, or_, select
from sqlalchemy.orm import Session

from db.enums import LampColor, TaskStatus
from db.models import Project, Task, TaskLamp, Unit
from desktop.services.funds import FundTotals
from desktop.services.lamps import cache as lamp_cache
from desktop.services.lamps import stamp
from desktop.services.lamps.rules import Lamp
from desktop.services.status_values import LampOverview, RedTask, RollUp


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
    def reported_pct(self) -> Decimal | None:
        return self.lamp.reported


@dataclass(frozen=True)
class TaskFilter:
    project_id: int | None = None
    unit_id: int | None = None
    lamp: LampColor | None = None
    status: TaskStatus | None = None
    text: str = ""
    task_ids: tuple[int, ...] | None = None


# Sort keys on the task's own columns: SQL pages these even when the cache is not current.
_SQL_SORT = {
    "code": Task.code,
    "title": Task.title,
    "project": Project.code,
    "lead_unit": Unit.name,
    "deadline": Task.deadline,
    "start": Task.start,
    "status": Task.status,
}
# Sort keys on the computed lamp: SQL over the lamp cache, or the computed list for another day.
_LAMP_SORT: dict[str, Any] = {
    # Written as ix_task_lamp_order's expression (a literal 0, not a bound one) so SQL uses it.
    "lamp": (TaskLamp.severity, func.coalesce(TaskLamp.lag, literal_column("0"))),
    "schedule": (TaskLamp.schedule_pct,),
    "reported": (func.coalesce(TaskLamp.reported_pct, -1),),
    "lag": (func.coalesce(TaskLamp.lag, 999),),
    "arrival_rate": (
        case((TaskLamp.budget > 0, TaskLamp.arrived * 1.0 / TaskLamp.budget), else_=0),
    ),
    "spending_rate": (
        case((TaskLamp.arrived > 0, TaskLamp.spent * 1.0 / TaskLamp.arrived), else_=0),
    ),
    "last_report": (func.coalesce(TaskLamp.last_period, ""),),
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
# Sorts that page in SQL (a view may fetch these lazily, batch by batch): all of them, the lamp
# ones over the lamp cache.
PAGED_SORT_KEYS = frozenset(SORT_KEYS)
# Sorts that need no lamp at all: never wait for the day's lamp recompute.
PLAIN_SORT_KEYS = frozenset(_SQL_SORT)
_CACHED = (
    TaskLamp.color,
    TaskLamp.reasons,
    TaskLamp.schedule_pct,
    TaskLamp.lag,
    TaskLamp.reported_pct,
    TaskLamp.missed_reports,
    TaskLamp.done,
    TaskLamp.budget,
    TaskLamp.arrived,
    TaskLamp.spent,
    TaskLamp.last_period,
    TaskLamp.last_submitted,
)


@dataclass
class TaskPage:
    rows: list[TaskRow]
    total: int


def task_count(session: Session) -> int:
    """Every task in the ledger: one count, no lamp (what the desk asks before each read)."""
    return _count(session, TaskFilter(), False)


def _count(session: Session, flt: TaskFilter, lamp: bool) -> int:
    """How many tasks pass the filter: over task alone (plus task_lamp for a lamp filter, the
    project and unit for a text search), not the page query's joins, so it stays cheap."""
    query: Select[*tuple[Any, ...]] = select(func.count(Task.id))
    if flt.lamp is not None and lamp:
        query = query.join(TaskLamp, TaskLamp.task_id == Task.id).where(TaskLamp.color == flt.lamp)
    if flt.text.strip():
        query = query.join(Project, Task.project_id == Project.id).join(
            Unit, Task.lead_unit_id == Unit.id
        )
    return session.scalar(_filtered(query, flt)) or 0


def _filtered(query: Select[*tuple[Any, ...]], flt: TaskFilter) -> Select[*tuple[Any, ...]]:
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
    return _filtered(query, flt)


def task_page(
    session: Session,
    today: date,
    flt: TaskFilter = TaskFilter(),
    sort: str = "code",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> TaskPage:
    """Rows for the ledger table, filtered, sorted and paged in SQL over the lamp cache.

    A lamp filter or sort first makes the cache current (once a day it recomputes every lamp);
    a sort on the task's own columns uses the cache only if it is current already, else it
    computes the lamps of the rows shown. A day other than the clock's is computed live."""
    if sort not in SORT_KEYS:
        raise ValueError(sort)
    query = _base(flt)
    # Lamp-wide reads (and "every task") make the cache current; a page or a few named tasks
    # on the GUI thread never wait for a whole-ledger recompute.
    lamp_wide = flt.lamp is not None or sort not in _SQL_SORT
    wide = lamp_wide or (limit is None and flt.task_ids is None)
    if (lamp_cache.ensure_current if wide else lamp_cache.is_current)(session, today):
        query = query.add_columns(*_CACHED).join(TaskLamp, TaskLamp.task_id == Task.id)
        if flt.lamp is not None:
            query = query.where(TaskLamp.color == flt.lamp)
        columns = _LAMP_SORT.get(sort) or (_SQL_SORT[sort],)
        # A lamp sort ties on task_lamp's own key, so that its index gives the order.
        tie = TaskLamp.task_id if sort in _LAMP_SORT else Task.id
        count = partial(_count, session, flt, True)
        return _paged(
            session, query, (*columns, tie), descending, offset, limit, count, _cached_row
        )
    if not lamp_wide:
        count = partial(_count, session, flt, False)
        columns = (_SQL_SORT[sort], Task.id)
        page = _paged(session, query, columns, descending, offset, limit, count, None)
        return TaskPage(_live(session, today, page.rows), page.total)
    rows = _live(session, today, session.execute(query).all())
    if flt.lamp is not None:
        rows = [r for r in rows if r.lamp.color == flt.lamp]
    rows.sort(key=_COMPUTED_SORT.get(sort) or (lambda r: getattr(r, sort)), reverse=descending)
    end = None if limit is None else offset + limit
    return TaskPage(rows[offset:end], len(rows))


def _paged(
    session: Session,
    query: Select[*tuple[Any, ...]],
    columns: tuple[Any, ...],
    descending: bool,
    offset: int,
    limit: int | None,
    count: Callable[[], int],
    make: Callable[[Any], TaskRow] | None,
) -> TaskPage:
    if limit == 0:
        return TaskPage([], count())
    order = [c.desc() if descending else c.asc() for c in columns]
    query = query.order_by(*order)
    if limit is not None:
        query = query.offset(offset).limit(limit)
    found = session.execute(query).all()
    rows = [make(r) for r in found] if make else found
    # Every row fetched: the count is the rows' own; a page asks SQL for it separately.
    total = len(found) + offset if limit is None else count()
    return TaskPage(rows, total)  # type: ignore[arg-type]


def task_rows(session: Session, today: date, flt: TaskFilter = TaskFilter()) -> list[TaskRow]:
    return task_page(session, today, flt).rows


def _cached_row(r: Any) -> TaskRow:
    return TaskRow(
        r.id,
        r.code,
        r.title,
        r.project_id,
        r.project_code,
        r.project_name,
        r.lead_unit_id,
        r.unit_name,
        r.leader_in_charge,
        r.start,
        r.deadline,
        r.status,
        lamp_cache.lamp_of(
            r.color, r.reasons, r.schedule_pct, r.lag, r.missed_reports, r.done, r.reported_pct
        ),
        FundTotals(r.budget, r.arrived, r.spent),
        r.last_period,
        r.last_submitted,
    )


def _live(session: Session, today: date, found: Sequence[Any]) -> list[TaskRow]:
    """Rows with lamps computed now (lamp_cache.compute), for a day the cache does not keep."""
    if not found:
        return []
    computed = lamp_cache.compute(session, [task.id for task in found], today)
    return [
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
            computed[task.id].lamp,
            computed[task.id].funds,
            computed[task.id].last_period,
            computed[task.id].last_submitted,
        )
        for task in found
    ]


# --- roll-ups ----------------------------------------------------------------------------------


def project_rollups(
    session: Session, today: date, rows: list[TaskRow] | None = None
) -> list[RollUp]:
    result = _project_shells(session)
    if rows is None and lamp_cache.ensure_current(session, today):
        return list(_grouped(session, Task.project_id, result).values())
    rows = task_rows(session, today) if rows is None else rows
    for row in rows:
        result[row.project_id].add(row)
    return list(result.values())


def unit_rollups(session: Session, today: date, rows: list[TaskRow] | None = None) -> list[RollUp]:
    """Per lead unit: only units that lead at least one task."""
    result = _unit_shells(session)
    if rows is None and lamp_cache.ensure_current(session, today):
        return list(_grouped(session, Task.lead_unit_id, result).values())
    rows = task_rows(session, today) if rows is None else rows
    for row in rows:
        result[row.lead_unit_id].add(row)
    present = {row.lead_unit_id for row in rows}
    return [rollup for rollup in result.values() if rollup.id in present]


def _project_shells(session: Session) -> dict[int, RollUp]:
    found = session.execute(
        select(Project.id, Project.code, Project.name, Unit.name)
        .join(Unit, Project.lead_unit_id == Unit.id)
        .order_by(Project.id)
    )
    return {pid: RollUp(pid, code, name, unit) for pid, code, name, unit in found}


def _unit_shells(session: Session) -> dict[int, RollUp]:
    leading = select(Task.lead_unit_id).distinct()
    return {
        unit.id: RollUp(unit.id, unit.short_name, unit.name, unit.name)
        for unit in session.scalars(
            select(Unit).where(Unit.id.in_(leading)).order_by(Unit.sort_order, Unit.id)
        )
    }


def _grouped(
    session: Session, key: Any, result: dict[int, RollUp], detail: bool = True
) -> dict[int, RollUp]:
    """Fill roll-ups from the (current) lamp cache: counts by GROUP BY, red reasons by code."""
    counts = (
        select(key, TaskLamp.color, func.count(), func.sum(case((TaskLamp.done, 1), else_=0)))
        .join(TaskLamp, TaskLamp.task_id == Task.id)
        .group_by(key, TaskLamp.color)
    )
    for owner, color, n, done in session.execute(counts):
        rollup = result[owner]
        rollup.counts[color] += n
        rollup.tasks += n
        rollup.done += done or 0
    if not detail:  # counts only (duban status): no sums for charts, no red reasons
        return result
    sums = (
        select(
            key,
            func.sum(TaskLamp.schedule_pct),
            func.sum(func.coalesce(TaskLamp.reported_pct, 0)),
            func.sum(TaskLamp.budget),
            func.sum(TaskLamp.arrived),
            func.sum(TaskLamp.spent),
        )
        .join(TaskLamp, TaskLamp.task_id == Task.id)
        .group_by(key)
    )
    for owner, schedule, reported, budget, arrived, spent in session.execute(sums):
        rollup = result[owner]
        rollup.schedule_sum, rollup.reported_sum = float(schedule or 0), float(reported or 0)
        rollup.budget, rollup.arrived, rollup.spent = (
            Decimal(budget or 0),
            Decimal(arrived or 0),
            Decimal(spent or 0),
        )
    reds = (
        select(key, Task.code, Task.title, TaskLamp.reasons)
        .join(TaskLamp, TaskLamp.task_id == Task.id)
        .where(TaskLamp.color == LampColor.RED)
        .order_by(Task.code, Task.id)
    )
    for owner, code, title, why in session.execute(reds):
        result[owner].red_reasons.append(f"{code} {title}：{'；'.join(stamp.reasons_of(why))}")
    return result


def lamp_overview(session: Session, today: date) -> LampOverview:
    """From the lamp cache by GROUP BY and one query for the red tasks' four fields, when the
    cache can serve ``today``; else every lamp computed once and rolled up in Python."""
    if lamp_cache.ensure_current(session, today):
        projects = list(
            _grouped(session, Task.project_id, _project_shells(session), False).values()
        )
        units = list(_grouped(session, Task.lead_unit_id, _unit_shells(session), False).values())
        red = (
            select(Task.code, Task.title, Unit.name, TaskLamp.reasons)
            .join(TaskLamp, TaskLamp.task_id == Task.id)
            .join(Unit, Task.lead_unit_id == Unit.id)
            .where(TaskLamp.color == LampColor.RED)
            .order_by(Task.code, Task.id)
        )
        reds = [
            RedTask(code, title, unit, "；".join(stamp.reasons_of(reasons)))
            for code, title, unit, reasons in session.execute(red)
        ]
        return LampOverview(sum(p.tasks for p in projects), projects, units, reds)
    rows = task_rows(session, today)
    return LampOverview(
        len(rows),
        project_rollups(session, today, rows),
        unit_rollups(session, today, rows),
        [
            RedTask(r.code, r.title, r.lead_unit, r.lamp.reason_text)
            for r in rows
            if r.lamp.color == LampColor.RED
        ],
    )


def totals(rows: list[TaskRow]) -> dict[str, Decimal | int]:
    budget = sum((r.funds.budget for r in rows), Decimal(0))
    arrived = sum((r.funds.arrived for r in rows), Decimal(0))
    spent = sum((r.funds.spent for r in rows), Decimal(0))
    return {"tasks": len(rows), "budget": budget, "arrived": arrived, "spent": spent}
