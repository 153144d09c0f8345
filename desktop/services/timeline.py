"""A task's page: every field, and a timeline of everything that happened to it, newest first."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, Milestone, ProgressReport, Task
from desktop.services import funds, progress
from desktop.services.enums import QT_TR_NOOP
from desktop.services.errors import NotFound
from desktop.services.funds import FundEntryInfo, yuan_to_wan
from desktop.services.lookup import get_or_missing
from desktop.services.overview import TaskFilter, TaskRow, task_rows
from desktop.services.percents import percent_text
from desktop.services.periods import Period
from desktop.services.progress import ReportInput


@dataclass(frozen=True)
class TimelineEvent:
    day: date
    kind: str  # 进度报送, 资金, 节点, 状态, and later 公文, 督办, 约谈 …
    title: str
    detail: str = ""
    # The audit entry of the write it shows, where one is known: the events of one day are
    # listed in the order they were written (a correction after what it corrects).
    seq: int = 0


class Writes:
    """The audit ids of the writes on some records, oldest first, for TimelineEvent.seq."""

    def __init__(
        self, session: Session, entity: str, ids: Iterable[object], actions: Iterable[str]
    ) -> None:
        self._ids: dict[tuple[str, str], deque[int]] = defaultdict(deque)
        keys = sorted({str(i) for i in ids})
        if not keys:
            return
        for seq, action, entity_id in session.execute(
            select(AuditEntry.id, AuditEntry.action, AuditEntry.entity_id)
            .where(
                AuditEntry.action.in_(list(actions)),
                AuditEntry.entity == entity,
                AuditEntry.entity_id.in_(keys),
            )
            .order_by(AuditEntry.id)
        ):
            self._ids[(entity_id, action)].append(seq)

    def take(self, record_id: object, action: str) -> int:
        """The next write of ``action`` on the record, 0 when none is recorded."""
        found = self._ids.get((str(record_id), action))
        return found.popleft() if found else 0

    def last(self, record_id: object, *actions: str) -> int:
        """The newest write of any of ``actions`` on the record, 0 when none is recorded."""
        return max((max(self._ids.get((str(record_id), a)) or [0]) for a in actions), default=0)


@dataclass(frozen=True)
class MilestoneInfo:
    id: int
    title: str
    due: date
    done_on: date | None


@dataclass(frozen=True)
class TaskDetail:
    row: TaskRow
    target: str
    note: str
    cooperating_units: list[str]
    milestones: list[MilestoneInfo]
    reports: list[ReportInput]
    fund_entries: list[FundEntryInfo]
    timeline: list[TimelineEvent]


TimelineSource = Callable[[Session, int], list[TimelineEvent]]


def _reports(session: Session, task_id: int) -> list[TimelineEvent]:
    ids = dict(
        session.execute(
            select(ProgressReport.period, ProgressReport.id).where(
                ProgressReport.task_id == task_id
            )
        ).all()
    )
    writes = Writes(session, "progress_report", ids.values(), ("create", "update"))
    return [
        TimelineEvent(
            r.submitted_on or date.min,
            QT_TR_NOOP("进度报送"),
            f"{Period.parse(r.period).label}进度 {percent_text(r.percent)}%",
            "；".join(x for x in (r.progress, r.problems and f"问题：{r.problems}") if x),
            writes.last(ids.get(r.period), "create", "update"),
        )
        for r in progress.reports_of_task(session, task_id)
    ]


def _recoveries(session: Session, task_id: int) -> list[TimelineEvent]:
    """A report that made up the gap of a task red by its lag: the lamp turns yellow first."""
    from desktop.services import settings
    from desktop.services.lamps.rules import lag_at_report

    task = get_or_missing(session, Task, task_id, "任务")
    rules = settings.lamp_rules(session)
    found, before = [], None
    for r in sorted(progress.reports_of_task(session, task_id), key=lambda r: r.period):
        lag = lag_at_report(task.start, task.deadline, r.period, r.percent)
        if before is not None and before > rules.red_lag and lag < rules.yellow_lag:
            found.append(
                TimelineEvent(
                    r.submitted_on or date.min,
                    QT_TR_NOOP("亮灯"),
                    "由红转黄：差距已补齐",
                    f"上期滞后序时进度 {before:.0f} 个百分点亮红灯，{Period.parse(r.period).label}"
                    f"报送 {percent_text(r.percent)}%，补齐差距，按“红转黄”规则先亮黄灯，下期保持即转绿",
                )
            )
        before = lag
    return found


def _funds(session: Session, task_id: int) -> list[TimelineEvent]:
    entries = funds.entries_of_task(session, task_id)
    writes = Writes(session, "fund_entry", (e.id for e in entries), ("create",))
    return [
        TimelineEvent(
            e.entry_date,
            QT_TR_NOOP("资金"),
            f"{e.source.label}{e.kind.label} {yuan_to_wan(e.amount)} 万元",
            e.note,
            writes.take(e.id, "create"),
        )
        for e in entries
    ]


def _milestones(session: Session, task_id: int) -> list[TimelineEvent]:
    done = [
        m
        for m in session.scalars(select(Milestone).where(Milestone.task_id == task_id))
        if m.done_on
    ]
    writes = Writes(session, "milestone", (m.id for m in done), ("complete",))
    return [
        TimelineEvent(
            m.done_on,
            QT_TR_NOOP("节点"),
            f"完成节点“{m.title}”",
            f"计划 {m.due.isoformat()}",
            writes.last(m.id, "complete"),
        )
        for m in done
        if m.done_on
    ]


def _status_changes(session: Session, task_id: int) -> list[TimelineEvent]:
    """Status changes, and deadlines moved by an approved 督办事项 延期 (kind 延期)."""
    return [
        TimelineEvent(
            e.at.date(),
            QT_TR_NOOP("延期") if e.action == "deadline" else QT_TR_NOOP("状态"),
            e.summary,
            e.actor,
            e.id,
        )
        for e in session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "task",
                AuditEntry.entity_id == str(task_id),
                AuditEntry.action.in_(["status", "create", "deadline"]),
            )
        )
    ]


def _corrections(session: Session, task_id: int) -> list[TimelineEvent]:
    """Saved reports and fund entries corrected or withdrawn, with the reason."""
    from desktop.services.corrections import CORRECTION_ACTIONS, reason_of

    return [
        TimelineEvent(
            e.at.date(),
            QT_TR_NOOP("更正"),
            e.summary,
            f"理由：{reason_of(e.detail)}（{e.actor}）",
            e.id,
        )
        for e in session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "task",
                AuditEntry.entity_id == str(task_id),
                AuditEntry.action.in_(CORRECTION_ACTIONS),
            )
        )
    ]


def _documents(session: Session, task_id: int) -> list[TimelineEvent]:
    from desktop.services.notices import register as notices  # late: notices builds on this

    return notices.timeline_events(session, task_id)


def _escalation(session: Session, task_id: int) -> list[TimelineEvent]:
    from desktop.services.escalation import timeline as escalation_timeline  # late: reads chain

    return escalation_timeline.events(session, task_id)


# Areas that land later add their source here.
SOURCES: list[TimelineSource] = [
    _reports,
    _recoveries,
    _funds,
    _milestones,
    _status_changes,
    _corrections,
    _documents,
    _escalation,
]


def timeline(session: Session, task_id: int) -> list[TimelineEvent]:
    """Newest first; one day's events in the order they were written (their audit ids). An
    event with no write of its own (a date typed into a record: a reply received, an interview
    held) follows the one its source lists before it, as that source lists its steps in order."""
    events: list[TimelineEvent] = []
    keys: list[tuple[date, int, int]] = []
    for source in SOURCES:
        seq = 0
        for event in source(session, task_id):
            seq = event.seq or seq
            keys.append((event.day, seq, len(events)))
            events.append(event)
    return [events[k[2]] for k in sorted(keys, reverse=True)]


def task_detail(session: Session, task_id: int, today: date) -> TaskDetail:
    task = get_or_missing(session, Task, task_id, "任务")
    rows = task_rows(session, today, TaskFilter(task_ids=(task_id,)))
    if not rows:
        raise NotFound(f"找不到任务 {task_id}。")
    return TaskDetail(
        row=rows[0],
        target=task.target,
        note=task.note,
        cooperating_units=[link.unit.name for link in task.unit_links],
        milestones=[MilestoneInfo(m.id, m.title, m.due, m.done_on) for m in task.milestones],
        reports=progress.reports_of_task(session, task_id),
        fund_entries=funds.entries_of_task(session, task_id),
        timeline=timeline(session, task_id),
    )
