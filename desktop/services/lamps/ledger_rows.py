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
from typing import NamedTuple

from sqlalchemy import func, select
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
    return dict(
        session.execute(
            select(TaskUnit.task_id, Unit.name)
            .join(Unit, Unit.id == TaskUnit.unit_id)
            .where(TaskUnit.role == "lead")
        ).all()
    )


def read_rows(session: Session) -> LedgerRows:
    """Every task's rows; reports by period, milestones in the order they were entered."""
    tasks = [
        TaskRow(*row)
        for row in session.execute(
            select(
                Task.id,
                Task.code,
                Task.title,
                Task.lead_unit_id,
                Task.project_id,
                Task.start,
                Task.deadline,
                Task.status,
                Task.closed_on,
            ).order_by(Task.code)
        )
    ]
    unit_names, unit_order = {}, {}
    for unit_id, name, order in session.execute(select(Unit.id, Unit.name, Unit.sort_order)):
        unit_names[unit_id], unit_order[unit_id] = name, order
    leads = lead_names(session)
    reports: dict[int, list[tuple[str, Decimal, date]]] = defaultdict(list)
    for task_id, period, percent, submitted in session.execute(
        select(
            ProgressReport.task_id,
            ProgressReport.period,
            ProgressReport.percent,
            ProgressReport.submitted_on,
        ).order_by(ProgressReport.task_id, ProgressReport.period)
    ):
        reports[task_id].append((period, percent, submitted))
    milestones: dict[int, list[tuple[str, date, date | None]]] = defaultdict(list)
    for task_id, title, due, done in session.execute(
        select(Milestone.task_id, Milestone.title, Milestone.due, Milestone.done_on).order_by(
            Milestone.id
        )
    ):
        milestones[task_id].append((title, due, done))
    funds: dict[int, list[tuple[FundKind, Decimal, date]]] = defaultdict(list)
    for task_id, kind, amount, day in session.execute(
        select(
            FundEntry.task_id, FundEntry.kind, func.sum(FundEntry.amount), FundEntry.entry_date
        ).group_by(FundEntry.task_id, FundEntry.kind, FundEntry.entry_date)
    ):
        funds[task_id].append((kind, Decimal(amount), day))
    projects = dict(session.execute(select(Project.id, Project.name).order_by(Project.code)).all())
    return LedgerRows(tasks, unit_names, unit_order, projects, leads, reports, milestones, funds)
