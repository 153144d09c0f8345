"""The demo ledger: 江城市's ten key projects with ten months of reports of every kind of story."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import partial

from sqlalchemy.orm import Session

from db.enums import FundKind, FundSource, Role, TaskStatus
from db.models import Setting
from desktop.services import audit, funds, progress, settings, tasks, users
from desktop.services.auth import Actor, Permission
from desktop.services.clock import FixedClock, clock_of
from desktop.services.demo import story as demo_story
from desktop.services.demo.assessment import add_demo_assessment
from desktop.services.demo.data import (
    COOPERATING_UNITS,
    LEAD_UNITS,
    LEADERS,
    MILESTONE_NAMES,
    NEXT_TEXT,
    PROBLEMS_TEXT,
    PROGRESS_TEXT,
    PROJECTS,
)
from desktop.services.periods import Period, add_months, months_between, schedule_progress
from desktop.services.progress import ReportInput

# The accounts of the demo ledger; the README lists them.
DEMO_USERS = [
    ("admin", "王静", Role.SYSADMIN, "duban-admin"),
    ("clerk", "李明", Role.CLERK, "duban-clerk"),
    ("leader", "张书记", Role.LEADER, "duban-leader"),
    ("security", "赵安", Role.SECADMIN, "duban-security"),
    ("auditor", "孙审", Role.AUDITOR, "duban-auditor"),
]


@dataclass(frozen=True)
class DemoSummary:
    units: int
    projects: int
    tasks: int
    reports: int
    fund_entries: int
    today: date
    documents: int = 0


def _mark_demo(session: Session, actor: Actor) -> None:
    """A demo ledger says so: its published passwords and `--today` are allowed only here."""
    session.add(Setting(key=settings.DEMO_KEY, value="true"))
    audit.record(session, actor, "create", "setting", settings.DEMO_KEY, "标记为演示台账")


@audit.writes(Permission.MANAGE)
def build_demo(session: Session, actor: Actor, seed: int = 2026) -> DemoSummary:
    """Fill an empty ledger. One transaction: a failure leaves the ledger as it was."""
    rng = random.Random(seed)
    today = clock_of(session).today()
    settings.save_office(session, actor, settings.OfficeSettings())
    _mark_demo(session, actor)
    for username, name, role, password in DEMO_USERS:
        users.create_user(session, actor, username, name, role, password)
    lead_ids = [tasks.create_unit(session, actor, n, s, p, t).id for n, s, p, t in LEAD_UNITS]
    coop_ids = [tasks.create_unit(session, actor, n, s).id for n, s in COOPERATING_UNITS]

    last_due = Period.of(today) if today.day > 25 else Period.of(today).shift(-1)
    reports = entries = count = 0
    for p_index, (project_name, lead, task_specs) in enumerate(PROJECTS, start=1):
        project = tasks.create_project(
            session, actor, f"{p_index:02d}", project_name, lead_ids[lead]
        )
        for t_index, (title, target, profile) in enumerate(task_specs, start=1):
            count += 1
            start, deadline = _dates(profile, last_due, today, rng)
            data = tasks.TaskInput(
                code=f"{p_index:02d}-{t_index:02d}",
                project_id=project.id,
                title=title,
                lead_unit_id=lead_ids[lead],
                start=start,
                deadline=deadline,
                target=target,
                leader_in_charge=LEADERS[(p_index + t_index) % len(LEADERS)],
                cooperating_unit_ids=rng.sample(coop_ids, k=rng.randint(1, 3)),
            )
            task_id = _registered_on(
                session,
                start,
                partial(tasks.create_task, session, actor, data, status=TaskStatus.IN_PROGRESS),
            )
            reports += _reports(
                session, actor, task_id, profile, start, deadline, last_due, today, rng
            )
            _milestones(session, actor, task_id, profile, start, deadline, today)
            entries += _funds(session, actor, task_id, profile, start, deadline, today, rng)
            if profile == "closed":
                tasks.set_task_status(session, actor, task_id, TaskStatus.COMPLETION_REVIEW)
                tasks.set_task_status(session, actor, task_id, TaskStatus.CLOSED)
            elif profile == "done":
                tasks.set_task_status(session, actor, task_id, TaskStatus.COMPLETION_REVIEW)
    documents = demo_story.build_story(session, actor)
    add_demo_assessment(session, actor)
    return DemoSummary(
        len(lead_ids) + len(coop_ids), len(PROJECTS), count, reports, entries, today, documents
    )


def _registered_on(session: Session, day: date, create: Callable[[], int]) -> int:
    """Create a task as if on the day it started, so its timeline begins there."""
    saved = session.info.get("clock")
    session.info["clock"] = FixedClock(datetime.combine(day, time(9, 0)))
    try:
        return create()
    finally:
        session.info["clock"] = saved


def _dates(profile: str, last_due: Period, today: date, rng: random.Random) -> tuple[date, date]:
    start = last_due.shift(-rng.randint(7, 9)).first_day()
    if profile == "overdue":
        return start, today - timedelta(days=rng.randint(20, 40))
    if profile == "due_soon":
        return start, today + timedelta(days=2)
    if profile in ("done", "closed"):
        return start, add_months(today, rng.randint(1, 4))
    if profile == "recovered":  # due within 3–5 months: over half its time gone, the lag shows
        return start, add_months(today, 3 + rng.randint(3, 13) % 3)
    return start, add_months(today, rng.randint(3, 13))


def _final_percent(profile: str, schedule_now: float, rng: random.Random) -> int:
    value = {
        "ahead": schedule_now + rng.uniform(8, 15),
        "on": schedule_now + rng.uniform(0, 4),
        "slight": schedule_now - rng.uniform(2, 7),
        "yellow_lag": schedule_now - rng.uniform(14, 24),
        "red_lag": schedule_now - rng.uniform(36, 45),
        "overdue": 100 - rng.uniform(12, 25),
        "due_soon": 100 - rng.uniform(4, 6),
        "done": 100,
        "closed": 100,
        "not_started": 0,
        "recovered": schedule_now + 2,  # no draw of its own: the other tasks' stay as they were
    }.get(profile, schedule_now + rng.uniform(0, 3))
    return max(0, min(100, round(value)))


def _reports(
    session: Session,
    actor: Actor,
    task_id: int,
    profile: str,
    start: date,
    deadline: date,
    last_due: Period,
    today: date,
    rng: random.Random,
) -> int:
    periods = months_between(Period.of(start), min(last_due, Period.of(deadline)))
    skip = {"miss_one": 1, "miss_two": 2}.get(profile, 0)
    kept = periods[: len(periods) - skip] if skip else periods
    if profile == "not_started":
        kept = periods  # reports come in, but nothing has started
    final = _final_percent(profile, schedule_progress(start, deadline, today), rng)
    last_schedule = schedule_progress(start, deadline, kept[-1].due(25)) if kept else 1
    batch = []
    for index, period in enumerate(kept):
        due = period.due(25)
        share = schedule_progress(start, deadline, due) / max(last_schedule, 1)
        percent = final if index == len(kept) - 1 else min(final, round(final * share))
        if profile == "recovered" and index < len(kept) - 1:
            percent = _behind_until_last(start, deadline, kept, index)
        late = profile == "funds_late" and rng.random() < 0.3
        batch.append(
            ReportInput(
                task_id=task_id,
                period=str(period),
                percent=percent,
                progress=rng.choice(PROGRESS_TEXT) if percent else "前期准备工作尚未启动",
                problems=rng.choice(PROBLEMS_TEXT) if percent < 100 else "",
                next_steps=rng.choice(NEXT_TEXT) if percent < 100 else "",
                submitted_on=min(due + timedelta(days=rng.randint(-4, 6 if late else 0)), today),
            )
        )
    if batch:
        progress.record_reports(session, actor, batch)
    return len(batch)


def _behind_until_last(start: date, deadline: date, kept: list[Period], index: int) -> int:
    """A recovering task's earlier reports: 38 points behind by the period before the last (red
    by its lag), less before in proportion; the last report makes the gap up."""
    before = schedule_progress(start, deadline, kept[-2].due(25))
    ratio = max(0.0, before - 38) / max(before, 1)
    return max(0, round(schedule_progress(start, deadline, kept[index].due(25)) * ratio))


def _milestones(
    session: Session,
    actor: Actor,
    task_id: int,
    profile: str,
    start: date,
    deadline: date,
    today: date,
) -> None:
    span = (deadline - start).days
    for index, name in enumerate(MILESTONE_NAMES, start=1):
        due = start + timedelta(days=span * index // len(MILESTONE_NAMES))
        if profile == "ms_yellow" and index == 2:
            due = today - timedelta(days=9)
        if profile == "ms_red" and index == 2:
            due = today - timedelta(days=27)
        due = max(start, min(due, deadline))
        milestone_id = tasks.add_milestone(session, actor, task_id, name, due)
        late_on_purpose = (profile in ("ms_yellow", "ms_red") and index == 2) or profile in (
            "red_lag",
            "overdue",
            "not_started",
        )
        if due < today and not late_on_purpose:
            tasks.complete_milestone(session, actor, milestone_id, due - timedelta(days=2))


def _funds(
    session: Session,
    actor: Actor,
    task_id: int,
    profile: str,
    start: date,
    deadline: date,
    today: date,
    rng: random.Random,
) -> int:
    budget = Decimal(rng.randrange(80, 2400) * 10000)
    split = [
        (FundSource.CITY, Decimal("0.5")),
        (FundSource.PROVINCIAL, Decimal("0.3")),
        (FundSource.COUNTY, Decimal("0.2")),
    ]
    if rng.random() < 0.3:
        split = [(FundSource.CITY, Decimal("0.6")), (FundSource.SOCIAL, Decimal("0.4"))]
    count = 0
    for source, share in split:
        funds.add_fund_entry(
            session, actor, task_id, FundKind.BUDGET, source, budget * share, start, "年度计划"
        )
        count += 1
    schedule = schedule_progress(start, deadline, today) / 100
    arrival_share = {"funds_late": 0.3, "not_started": 0.2}.get(profile, min(1.0, schedule + 0.25))
    for tranche in range(1, 4):
        when = start + timedelta(days=int((today - start).days * tranche / 4))
        for source, share in split:
            amount = budget * share * Decimal(str(round(arrival_share / 3, 4)))
            if amount > 0:
                funds.add_fund_entry(
                    session,
                    actor,
                    task_id,
                    FundKind.ARRIVED,
                    source,
                    amount,
                    when,
                    f"第{tranche}批资金到位",
                )
                funds.add_fund_entry(
                    session,
                    actor,
                    task_id,
                    FundKind.SPENT,
                    source,
                    amount * Decimal(str(rng.uniform(0.5, 0.9))).quantize(Decimal("0.01")),
                    min(when + timedelta(days=20), today),
                    "按进度支付",
                )
                count += 2
    return count
