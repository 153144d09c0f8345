"""Progress reports (进度报送): record a unit's reports for a period, and see what is missing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from db.enums import ReportSource
from db.models import ProgressReport, Task, Unit
from desktop.services import audit
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing
from desktop.services.percents import (
    OUT_OF_RANGE,
    TOO_PRECISE,
    percent_json,
    percent_of,
    percent_text,
)
from desktop.services.periods import Period


@dataclass(frozen=True)
class ReportInput:
    task_id: int
    period: str
    percent: Decimal | int  # 62.5 as typed; stored with one decimal (percents.py)
    progress: str = ""
    problems: str = ""
    next_steps: str = ""
    fall_reason: str = ""
    submitted_on: date | None = None  # None: today
    source: ReportSource = ReportSource.MANUAL
    source_file: str = ""
    source_sha256: str = ""


@dataclass(frozen=True)
class ReportOutcome:
    task_id: int
    period: str
    change: str  # "new", "changed", "unchanged"


@dataclass(frozen=True)
class GridRow:
    """One line of the period grid: a task of the unit, its last report and this period's."""

    task_id: int
    code: str
    title: str
    previous_percent: Decimal | None
    previous_period: str | None
    report: ReportInput | None


_CONTENT = ("percent", "progress", "problems", "next_steps", "fall_reason")
_INPUT = tuple(f.name for f in fields(ReportInput))  # ProgressReport's columns of the same names


def previous_percent(
    session: Session, task_id: int, period: str
) -> tuple[Decimal | None, str | None]:
    row = session.execute(
        select(ProgressReport.percent, ProgressReport.period)
        .where(ProgressReport.task_id == task_id, ProgressReport.period < period)
        .order_by(ProgressReport.period.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else (None, None)


def previous_percents(
    session: Session, task_ids: list[int], period: str
) -> dict[int, tuple[Decimal, str]]:
    """previous_percent for many tasks in one set query per 900 ids (SQLite's parameter limit)."""
    found: dict[int, tuple[Decimal, str]] = {}
    for i in range(0, len(task_ids), 900):
        chunk = task_ids[i : i + 900]
        latest = (
            select(ProgressReport.task_id, func.max(ProgressReport.period).label("period"))
            .where(ProgressReport.task_id.in_(chunk), ProgressReport.period < period)
            .group_by(ProgressReport.task_id)
            .subquery()
        )
        for task_id, percent, before in session.execute(
            select(ProgressReport.task_id, ProgressReport.percent, ProgressReport.period).join(
                latest,
                (ProgressReport.task_id == latest.c.task_id)
                & (ProgressReport.period == latest.c.period),
            )
        ):
            found[task_id] = (percent, before)
    return found


def check_report(
    session: Session,
    data: ReportInput,
    today: date,
    batch: Mapping[str, tuple[Decimal | int, str]] | None = None,
) -> Task:
    """Validate one report; raise a ValidationError naming the task and the field.

    ``batch``: this task's other reports saved together with it, period -> (percent, where it
    comes from, e.g. a file name). The previous period is looked for among them as well as in
    the ledger, so a batch is judged the same however it is ordered, in preview and in saving.
    """
    task = get_or_missing(session, Task, data.task_id, "任务")
    period = Period.parse(data.period)
    percent: Decimal | int = checked_percent(task.code, data.percent)
    if period < Period.of(task.start):
        raise ValidationError(f"任务 {task.code}：{period.label}早于任务开始时间。", field="period")
    if period > Period.of(today):
        raise ValidationError(
            f"任务 {task.code}：不能报送未来期次（{period.label}）。", field="period"
        )
    before: Decimal | int | None
    before, before_period = previous_percent(session, task.id, str(period))
    where = ""
    for other, (earlier, source) in sorted((batch or {}).items()):
        if other < str(period) and (before_period is None or other >= before_period):
            before, before_period, where = _number(earlier), other, source
    if before is not None and percent < before and not data.fall_reason.strip():
        shown = before_period or ""
        if where:
            shown = f"“{where}”中的{Period.parse(shown).label}"
        raise ValidationError(
            f"任务 {task.code}：本期 {percent_text(percent)}% 低于上期（{shown}）"
            f"{percent_text(before)}%，请填写回落原因。",
            field="fall_reason",
        )
    return task


def checked_percent(code: str, value: object) -> Decimal:
    """The report's percent as the ledger keeps it, or a ValidationError naming the task."""
    try:
        return percent_of(value)
    except ValueError as exc:
        if str(exc) == OUT_OF_RANGE:
            raise ValidationError(
                f"任务 {code}：完成百分比应在 0 到 100 之间（收到 {value}）。", field="percent"
            ) from None
        if str(exc) == TOO_PRECISE:
            raise ValidationError(
                f"任务 {code}：完成百分比最多一位小数（收到 {value}）。", field="percent"
            ) from None
        raise ValidationError(
            f"任务 {code}：完成百分比应为 0 到 100 的数，可带一位小数（收到 {value}）。",
            field="percent",
        ) from None


def _number(value: Decimal | int | str) -> Decimal | int:
    """A batch's percent as typed ("62.5" from a grid or a file) as a number to compare; one
    that is no percent is refused when its own report is checked (earlier periods first)."""
    try:
        return percent_of(value)
    except ValueError:
        return Decimal(-1)


def batch_of(
    reports: Iterable[ReportInput],
) -> dict[int, dict[str, tuple[Decimal | int, str]]]:
    """Reports saved together, by task and period (what check_report's ``batch`` takes)."""
    found: dict[int, dict[str, tuple[Decimal | int, str]]] = {}
    for data in reports:
        period = str(Period.parse(data.period))
        found.setdefault(data.task_id, {})[period] = (data.percent, data.source_file)
    return found


def _store(
    session: Session,
    actor: Actor,
    data: ReportInput,
    batch: Mapping[str, tuple[Decimal | int, str]],
) -> ReportOutcome:
    today = clock_of(session).today()
    task = check_report(session, data, today, batch)
    period = str(Period.parse(data.period))
    data = replace(
        data,
        period=period,
        percent=percent_of(data.percent),
        submitted_on=data.submitted_on or today,
    )
    existing = session.scalar(
        select(ProgressReport).where(
            ProgressReport.task_id == task.id, ProgressReport.period == period
        )
    )
    if existing is not None:
        if all(getattr(existing, f) == getattr(data, f) for f in _CONTENT):
            return ReportOutcome(task.id, period, "unchanged")
        before: dict[str, object] = {f: getattr(existing, f) for f in _CONTENT}
        before["percent"] = percent_json(existing.percent)
        _fill(existing, data, clock_of(session).now())
        audit.record(
            session,
            actor,
            "update",
            "progress_report",
            existing.id,
            f"更新任务 {task.code} {Period.parse(period).label}进度：{percent_text(data.percent)}%",
            {"before": before, "source": data.source_file},
        )
        return ReportOutcome(task.id, period, "changed")
    report = ProgressReport(task_id=task.id, period=period)
    _fill(report, data, clock_of(session).now())
    session.add(report)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "progress_report",
        report.id,
        f"录入任务 {task.code} {Period.parse(period).label}进度：{percent_text(data.percent)}%",
        {"source": data.source_file, "sha256": data.source_sha256},
    )
    return ReportOutcome(task.id, period, "new")


def _fill(report: ProgressReport, data: ReportInput, now: object) -> None:
    for name in _CONTENT:
        setattr(report, name, getattr(data, name))
    report.submitted_on = data.submitted_on  # type: ignore[assignment]
    report.source = data.source
    report.source_file = data.source_file
    report.source_sha256 = data.source_sha256
    report.recorded_at = now  # type: ignore[assignment]


@audit.writes(Permission.EDIT_LEDGER)
def record_reports(
    session: Session, actor: Actor, reports: list[ReportInput]
) -> list[ReportOutcome]:
    """Record several reports in one transaction: all are kept, or none."""
    if not reports:
        raise ValidationError("没有要保存的进度。")
    batch = batch_of(reports)
    # Earlier periods first: each report is then judged against the one before it, as the
    # import's preview judged it (check_report's batch).
    order = sorted(range(len(reports)), key=lambda i: str(Period.parse(reports[i].period)))
    stored = {i: _store(session, actor, reports[i], batch[reports[i].task_id]) for i in order}
    outcomes = [stored[i] for i in range(len(reports))]
    if all(o.change == "unchanged" for o in outcomes):
        # Nothing to write; still leave a trace that the clerk saved, so the chain stays honest.
        audit.record(
            session,
            actor,
            "noop",
            "progress_report",
            "",
            f"保存 {len(outcomes)} 条进度，内容与台账一致，无改动",
        )
    return outcomes


def record_report(session: Session, actor: Actor, data: ReportInput) -> ReportOutcome:
    return record_reports(session, actor, [data])[0]


def due_in(period: str) -> ColumnElement[bool]:
    """The tasks that owe a report for ``period``: started by its due day, not closed before."""
    p = Period.parse(period)
    return and_(
        Task.start <= p.due(28),
        Task.closed_on.is_(None) | (Task.closed_on >= p.first_day()),
    )


def period_grid(session: Session, unit_id: int, period: str) -> list[GridRow]:
    """The unit's open tasks for the period, with last period's percent and this period's report.

    Plain columns, not ORM objects: a unit of a 100,000-task ledger has 10,000 lines."""
    get_or_missing(session, Unit, unit_id, "单位")
    text = str(Period.parse(period))
    tasks = session.execute(
        select(Task.id, Task.code, Task.title)
        .where(Task.lead_unit_id == unit_id, due_in(text))
        .order_by(Task.code)
    ).all()
    ids = [t.id for t in tasks]
    columns = [getattr(ProgressReport, f) for f in _INPUT]
    current: dict[int, ReportInput] = {}
    for i in range(0, len(ids), 900):  # SQLite's parameter limit
        for row in session.execute(
            select(*columns).where(
                ProgressReport.period == text, ProgressReport.task_id.in_(ids[i : i + 900])
            )
        ):
            current[row[0]] = ReportInput(*row)
    before_of = previous_percents(session, ids, text)
    rows = []
    for task_id, code, title in tasks:
        before, before_period = before_of.get(task_id, (None, None))
        rows.append(GridRow(task_id, code, title, before, before_period, current.get(task_id)))
    return rows


def as_input(report: ProgressReport) -> ReportInput:
    return ReportInput(*(getattr(report, name) for name in _INPUT))


def reports_of_task(session: Session, task_id: int) -> list[ReportInput]:
    return [
        as_input(r)
        for r in session.scalars(
            select(ProgressReport)
            .where(ProgressReport.task_id == task_id)
            .order_by(ProgressReport.period.desc())
        )
    ]
