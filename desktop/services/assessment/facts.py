"""What the 考核 formulas count, per lead unit, from the ledger as it stood on the assessed day."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.enums import TaskStatus
from db.models import Milestone, ProgressReport, SupervisionItem, Task, Unit
from desktop.services import settings
from desktop.services.assessment.rules import (
    ZERO,
    funds_score,
    progress_score,
    ratio_score,
)
from desktop.services.circular import period_end, task_states
from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import InterviewStatus
from desktop.services.periods import Period, months_between


@dataclass
class UnitFacts:
    """One lead unit's year, as counts; ``scores`` turns them into the computed indicators."""

    unit_id: int
    name: str
    sort_order: int
    gaps: list[float] = field(default_factory=list)  # reported − schedule per task, on the day
    budget: Decimal = ZERO
    arrived: Decimal = ZERO
    spent: Decimal = ZERO
    reports_due: int = 0
    report_months: set[str] = field(default_factory=set)  # months asked for a report (减负)
    reports_on_time: int = 0
    milestones_due: int = 0
    milestones_on_time: int = 0
    rectifications_due: int = 0
    rectifications_done: int = 0
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # item rule → n
    # The day of each counted event (a lamp month: its last day), for the doubling rules.
    events: dict[str, list[date]] = field(default_factory=lambda: defaultdict(list))

    def count(self, rule: str, on: date) -> None:
        self.counts[rule] += 1
        self.events[rule].append(on)

    def scores(self) -> dict[str, Decimal]:
        """The computed score (0–100) of every indicator code; see assessment_rules' formulas.

        progress: progress_score of the tasks' gaps on the day; funds: funds_score of the
        unit's budget, arrivals and spending up to the day; timely: reports received by the
        report day (the 25th) over reports due in the year; quality: milestones due in the
        year done by their due date over milestones due; rectification: rectifications due in
        the year verified done by their deadline over rectifications due."""
        return {
            "progress": progress_score(self.gaps),
            "quality": ratio_score(self.milestones_on_time, self.milestones_due),
            "funds": funds_score(self.budget, self.arrived, self.spent),
            "timely": ratio_score(self.reports_on_time, self.reports_due),
            "rectification": ratio_score(self.rectifications_done, self.rectifications_due),
        }


def assessed_day(year: int, today: date) -> date:
    """The year's last day, or today while the year runs."""
    return min(today, date(year, 12, 31))


def gather(session: Session, year: int, day: date) -> dict[int, UnitFacts]:
    """Every unit leading a task started by ``day``, with its counts for the year."""
    rules = settings.lamp_rules(session)
    start_of_year = date(year, 1, 1)
    units: dict[int, UnitFacts] = {}
    leads = select(Task.lead_unit_id).where(Task.start <= day).distinct()
    for unit in session.scalars(select(Unit).where(Unit.id.in_(leads))):
        units[unit.id] = UnitFacts(unit.id, unit.name, unit.sort_order)
    for state in task_states(session, Period.of(day), day, rules):
        facts = units[state.lead_unit_id]
        facts.gaps.append(state.gap)
        facts.budget += state.budget
        facts.arrived += state.arrived
        facts.spent += state.spent
    # Lamp periods: each month of the year, the lamps as they stood at its end (or on the day).
    for period in months_between(Period(year, 1), Period.of(day)):
        end = min(period_end(period), day)
        for state in task_states(session, period, end, rules):
            if state.task.lamp in ("yellow", "red"):
                units[state.lead_unit_id].count(f"{state.task.lamp}_lamp", end)
    _reports(session, units, year, day, rules.report_day)
    _milestones(session, units, start_of_year, day)
    _rectifications(session, units, start_of_year, day)
    _supervision_items(session, units, start_of_year, day)
    return units


def _reports(
    session: Session, units: dict[int, UnitFacts], year: int, day: date, report_day: int
) -> None:
    """A report is due for each month of the year whose report day falls on or after the
    task's start, within its deadline's month, by ``day`` and before the task was closed."""
    received: dict[tuple[int, str], date] = {
        (task_id, period): submitted
        for task_id, period, submitted in session.execute(
            select(
                ProgressReport.task_id, ProgressReport.period, ProgressReport.submitted_on
            ).where(ProgressReport.period.like(f"{year:04d}-%"))
        )
    }
    tasks = session.execute(
        select(Task.id, Task.lead_unit_id, Task.start, Task.deadline, Task.closed_on).where(
            Task.start <= day, Task.status != TaskStatus.SUSPENDED
        )
    )
    for task_id, unit_id, start, deadline, closed_on in tasks:
        facts = units[unit_id]
        last = min(Period.of(deadline), Period.of(day))
        for period in months_between(max(Period(year, 1), Period.of(start)), last):
            due = period.due(report_day)
            if due < start or due > day or (closed_on is not None and due > closed_on):
                continue
            facts.reports_due += 1
            facts.report_months.add(str(period))
            submitted = received.get((task_id, str(period)))
            if submitted is not None and submitted <= due:
                facts.reports_on_time += 1


def _milestones(session: Session, units: dict[int, UnitFacts], first: date, day: date) -> None:
    rows = session.execute(
        select(Task.lead_unit_id, Milestone.due, Milestone.done_on)
        .join(Task, Milestone.task_id == Task.id)
        .where(Milestone.due >= first, Milestone.due <= day)
    )
    for unit_id, due, done_on in rows:
        if unit_id not in units:
            continue
        units[unit_id].milestones_due += 1
        units[unit_id].milestones_on_time += done_on is not None and done_on <= due


def _rectifications(session: Session, units: dict[int, UnitFacts], first: date, day: date) -> None:
    """Rectifications whose deadline passed in the year; failures and 问责 decided in it."""
    for interview in interviews.list_interviews(session, day):
        facts = units.get(interview.unit_id)
        if facts is None:
            continue
        due = interview.rectification_due
        if due is not None and first <= due < day:
            facts.rectifications_due += 1
            verified = interview.verified_on
            facts.rectifications_done += (
                interview.status == InterviewStatus.CLOSED
                and verified is not None
                and verified <= due
            )
        if interview.failed_on is not None and first <= interview.failed_on <= day:
            facts.count("failed_rectification", interview.failed_on)
        for decision in interview.accountability:
            if decision.decided_on is not None and first <= decision.decided_on <= day:
                facts.count("accountability", decision.decided_on)


def _supervision_items(
    session: Session, units: dict[int, UnitFacts], first: date, day: date
) -> None:
    """督办事项 whose deadline (after an approved 延期, the approved date) passed in the year
    without a reply by it, and replies sent back (退办) in the year: both counted against the
    主办单位, which answers for its 协办单位."""
    query = select(SupervisionItem).options(selectinload(SupervisionItem.returns))
    for item in session.scalars(query.where(SupervisionItem.unit_id.in_(list(units)))):
        facts = units[item.unit_id]
        if first <= item.reply_due < day:
            done = item.reply_received_on or item.closed_on
            if done is None or done > item.reply_due:
                facts.count("item_late", item.reply_due)
        for back in item.returns:
            if first <= back.returned_on <= day:
                facts.count("item_returned", back.returned_on)
