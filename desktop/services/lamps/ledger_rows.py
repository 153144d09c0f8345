"""The ledger's rows every task's lamp is worked out from, read in one go as plain columns, so
that a circular replays its period, the period before and the forecast from one read.

The circular read them three times (this period, the one before, the forecast's year) in 23
queries, each task as an ORM object: 10-12 of a warm circular's 20 ms of gathering (issue 11).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.enums import FundKind, TaskStatus
from db.models import FundEntry, Milestone, ProgressReport, Project, Task, TaskUnit, Unit


class TaskRow(NamedTuple):
    id: int
    code: str
    title: str
    lead_unit_id: int
    project_id: int
    start: date
    deadline: date
    status: TaskStatus
    closed_on: date | None


@dataclass(frozen=True)
class LedgerRows:
    tasks: list[TaskRow]  # by code
    unit_names: dict[int, str]
    unit_order: dict[int, int]  # sort_order
    project_names: dict[int, str]  # in the order of the projects' codes
    leads: dict[int, str]  # task id -> the name of its lead unit in task_unit (role "lead")
    reports: dict[int, list[tuple[str, Decimal, date]]]  # (period, percent, submitted_on)
    milestones: dict[int, list[tuple[str, date, date | None]]]  # (title, due, done_on) by id
    funds: dict[int, list[tuple[FundKind, Decimal, date]]]  # (kind, the day's sum, day)

    def money(self, task_id: int, day: date) -> defaultdict[FundKind, Decimal]:
        """Each kind's sum up to ``day``; a kind with no entry by then is absent (reads 0)."""
        out: defaultdict[FundKind, Decimal] = defaultdict(Decimal)
        for kind, amount, when in self.funds.get(task_id, ()):
            if when <= day:
                out[kind] += amount  # whole fen: exact in any order
        return out


def lead_names(session: Session) -> dict[int, str]:
    """Task id -> the name of its lead unit as task_unit records it (role "lead")."""
    return dict(_core(session)(_query(5)).all())


def _core(session: Session) -> Any:
    """The session's connection's execute, after the flush session.execute would make."""
    if session.autoflush:
        session.flush()
    return session.connection().execute


def _statements() -> tuple[Select[Any], ...]:
    """read_rows' queries over the tables' columns (Core: no ORM loading), built once."""
    task, unit, report = Task.__table__.c, Unit.__table__.c, ProgressReport.__table__.c
    milestone, fund, project = Milestone.__table__.c, FundEntry.__table__.c, Project.__table__.c
    link = TaskUnit.__table__.c
    return (
        select(
            task.id,
            task.code,
            task.title,
            task.lead_unit_id,
            task.project_id,
            task.start,
            task.deadline,
            task.status,
            task.closed_on,
        ).order_by(task.code),
        select(unit.id, unit.name, unit.sort_order),
        select(report.task_id, report.period, report.percent, report.submitted_on).order_by(
            report.task_id, report.period
        ),
        select(milestone.task_id, milestone.title, milestone.due, milestone.done_on).order_by(
            milestone.id
        ),
        select(fund.task_id, fund.kind, func.sum(fund.amount), fund.entry_date).group_by(
            fund.task_id, fund.kind, fund.entry_date
        ),
        select(project.id, project.name).order_by(project.code),
        select(link.task_id, unit.name)
        .join_from(TaskUnit.__table__, Unit.__table__, link.unit_id == unit.id)
        .where(link.role == "lead"),
    )


_STATEMENTS: tuple[Select[Any], ...] | None = None


def _query(index: int) -> Select[Any]:
    global _STATEMENTS
    if _STATEMENTS is None:
        _STATEMENTS = _statements()
    return _STATEMENTS[index]


def read_rows(session: Session) -> LedgerRows:
    """Every task's rows; reports by period, milestones in the order they were entered."""
    tasks_q, units_q, reports_q, milestones_q, funds_q, projects_q = map(_query, range(6))
    run = _core(session)
    tasks = [TaskRow(*row) for row in run(tasks_q).all()]
    unit_names, unit_order = {}, {}
    for unit_id, name, order in run(units_q).all():
        unit_names[unit_id], unit_order[unit_id] = name, order
    leads = lead_names(session)
    reports: dict[int, list[tuple[str, Decimal, date]]] = defaultdict(list)
    for task_id, period, percent, submitted in run(reports_q).all():
        reports[task_id].append((period, percent, submitted))
    milestones: dict[int, list[tuple[str, date, date | None]]] = defaultdict(list)
    for task_id, title, due, done in run(milestones_q).all():
        milestones[task_id].append((title, due, done))
    funds: dict[int, list[tuple[FundKind, Decimal, date]]] = defaultdict(list)
    for task_id, kind, amount, day in run(funds_q).all():
        funds[task_id].append((kind, Decimal(amount), day))
    projects = dict(run(projects_q).all())
    return LedgerRows(tasks, unit_names, unit_order, projects, leads, reports, milestones, funds)
