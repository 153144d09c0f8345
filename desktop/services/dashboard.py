"""Read-only queries for the desk's dashboard: counts by lamp and status, what falls due soon."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import LampColor, TaskStatus
from db.models import Milestone, Task, TaskLamp, Unit
from desktop.services.enums import QT_TR_NOOP
from desktop.services.lamps import cache as lamp_cache
from desktop.services.lamps.rules import DONE_STATUSES
from desktop.services.overview import (
    RollUp,
    TaskFilter,
    TaskRow,
    project_rollups,
    task_page,
    task_rows,
    unit_rollups,
)
from desktop.services.tasks import UnitInfo


@dataclass(frozen=True)
class DueItem:
    """A deadline or an open milestone that falls due within the window."""

    due: date
    task_id: int
    code: str
    title: str
    what: str  # "完成时限" or the milestone's title
    lead_unit: str


@dataclass
class DashboardSummary:
    today: date
    total: int
    red_rows: list[TaskRow]
    by_lamp: Counter[LampColor]
    by_status: Counter[TaskStatus]
    projects: list[RollUp]
    units: list[RollUp]
    due_soon: list[DueItem] = field(default_factory=list)


def due_within(session: Session, today: date, days: int = 14) -> list[DueItem]:
    """Open tasks whose deadline, and open milestones whose date, fall in [today, today+days]."""
    until = today + timedelta(days=days)
    items: list[DueItem] = []
    for task, unit in session.execute(
        select(Task, Unit.name)
        .join(Unit, Task.lead_unit_id == Unit.id)
        .where(Task.deadline >= today, Task.deadline <= until)
        .where(Task.status.not_in(list(DONE_STATUSES)))
    ):
        items.append(
            DueItem(task.deadline, task.id, task.code, task.title, QT_TR_NOOP("完成时限"), unit)
        )
    for milestone, task, unit in session.execute(
        select(Milestone, Task, Unit.name)
        .join(Task, Milestone.task_id == Task.id)
        .join(Unit, Task.lead_unit_id == Unit.id)
        .where(Milestone.done_on.is_(None), Milestone.due >= today, Milestone.due <= until)
    ):
        items.append(
            DueItem(milestone.due, task.id, task.code, task.title, f"节点“{milestone.title}”", unit)
        )
    return sorted(items, key=lambda i: (i.due, i.code))


def summary(session: Session, today: date, days: int = 14) -> DashboardSummary:
    """Counts and sums by GROUP BY over the lamp cache; only the red rows are built."""
    if not lamp_cache.ensure_current(session, today):  # another day: counted from the rows
        rows = task_rows(session, today)
        return DashboardSummary(
            today=today,
            total=len(rows),
            red_rows=[r for r in rows if r.lamp.color == LampColor.RED],
            by_lamp=Counter(r.lamp.color for r in rows),
            by_status=Counter(r.status for r in rows),
            projects=project_rollups(session, today, rows),
            units=unit_rollups(session, today, rows),
            due_soon=due_within(session, today, days),
        )
    by_lamp: Counter[LampColor] = Counter(
        dict(session.execute(select(TaskLamp.color, func.count()).group_by(TaskLamp.color)).all())
    )
    by_status: Counter[TaskStatus] = Counter(
        dict(session.execute(select(Task.status, func.count()).group_by(Task.status)).all())
    )
    red = task_page(session, today, TaskFilter(lamp=LampColor.RED), sort="code").rows
    return DashboardSummary(
        today=today,
        total=sum(by_status.values()),
        red_rows=red,
        by_lamp=by_lamp,
        by_status=by_status,
        projects=project_rollups(session, today),
        units=unit_rollups(session, today),
        due_soon=due_within(session, today, days),
    )


def lead_units(session: Session) -> list[UnitInfo]:
    """Units that lead at least one task: the ones a lead-unit filter can find."""
    leading = select(Task.lead_unit_id).distinct()
    return [
        UnitInfo(u.id, u.name, u.short_name, u.contact_person, u.contact_phone)
        for u in session.scalars(
            select(Unit).where(Unit.id.in_(leading)).order_by(Unit.sort_order, Unit.id)
        )
    ]
