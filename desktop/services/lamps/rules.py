"""Lamps (亮灯): green, yellow or red for a task, computed from the rules, each with its reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from db.enums import LampColor, TaskStatus
from desktop.services.periods import Period, add_months, schedule_progress
from desktop.services.setting_values import LampRules

DONE_STATUSES = frozenset(
    {TaskStatus.CLOSED, TaskStatus.FINISHED_LATE, TaskStatus.COMPLETION_REVIEW}
)


@dataclass(frozen=True)
class TaskFacts:
    """What the rules look at, gathered from the ledger for one task."""

    start: date
    deadline: date
    status: TaskStatus
    latest_percent: Decimal | float | None  # float: a forecast's projection
    reported_periods: frozenset[str]
    max_percent: Decimal | float = 0
    overdue_milestones: tuple[tuple[str, date], ...] = ()
    budget: Decimal = Decimal(0)
    arrived: Decimal = Decimal(0)
    previous_report: tuple[str, Decimal | int] | None = (
        None  # (period, percent) before the latest one
    )


@dataclass(frozen=True)
class Lamp:
    color: LampColor
    reasons: tuple[str, ...]
    schedule_pct: float
    lag: float | None  # schedule minus reported, in points; None when nothing is reported
    missed_reports: int
    done: bool
    reported: Decimal | None = None  # the latest report's percent, as typed (62.5)

    @property
    def reason_text(self) -> str:
        return "；".join(self.reasons)


@dataclass
class _Verdict:
    color: LampColor = LampColor.GREEN
    findings: list[tuple[int, str]] = field(default_factory=list)

    def raise_to(self, color: LampColor, reason: str) -> None:
        if color.severity > self.color.severity:
            self.color = color
        self.findings.append((color.severity, reason))

    def reasons(self) -> tuple[str, ...]:
        # Worst first (stable), so the first reason explains the colour.
        return tuple(r for _, r in sorted(self.findings, key=lambda f: -f[0]))


def trailing_missed(facts: TaskFacts, rules: LampRules, today: date) -> int:
    """How many of the latest due periods in a row have no report."""
    last_due = Period.of(today)
    if last_due.due(rules.report_day) >= today:
        last_due = last_due.shift(-1)
    last = min(last_due, Period.of(facts.deadline))
    # Walk back month by month on a plain index: this runs for every task on every screen.
    first = facts.start.year * 12 + facts.start.month - 1
    index = last.year * 12 + last.month - 1
    missed = 0
    while index >= first:
        if f"{index // 12:04d}-{index % 12 + 1:02d}" in facts.reported_periods:
            break
        missed += 1
        index -= 1
    return missed


def evaluate(facts: TaskFacts, rules: LampRules, today: date) -> Lamp:
    schedule = schedule_progress(facts.start, facts.deadline, today)
    reported = facts.latest_percent
    lag = None if reported is None else float(round(lag_of(schedule, reported), 1))
    mine = None if reported is None else _exact(reported).quantize(Decimal("0.1"))
    done = facts.status in DONE_STATUSES or reported == 100
    if done:
        reason = "逾期完成" if facts.status == TaskStatus.FINISHED_LATE else "已完成"
        return Lamp(LampColor.GREEN, (reason,), schedule, lag, 0, True, mine)
    if facts.status == TaskStatus.SUSPENDED:
        return Lamp(LampColor.GREEN, ("已暂缓，不计亮灯",), schedule, lag, 0, False, mine)
    if today < facts.start:
        return Lamp(LampColor.GREEN, ("尚未到开始时间",), schedule, lag, 0, False, mine)

    verdict = _Verdict()
    effective_lag = lag_of(schedule, reported or 0)
    if effective_lag > rules.red_lag:
        verdict.raise_to(LampColor.RED, f"进度滞后序时进度 {effective_lag:.0f} 个百分点")
    elif effective_lag >= rules.yellow_lag:
        verdict.raise_to(LampColor.YELLOW, f"进度滞后序时进度 {effective_lag:.0f} 个百分点")

    for title, due in facts.overdue_milestones:
        days = (today - due).days
        if days > rules.milestone_red_days:
            verdict.raise_to(LampColor.RED, f"节点“{title}”逾期 {days} 天")
        elif days > 0:
            verdict.raise_to(LampColor.YELLOW, f"节点“{title}”逾期 {days} 天")

    days_left = (facts.deadline - today).days
    if days_left < 0:
        verdict.raise_to(LampColor.RED, f"已超过完成时限 {-days_left} 天仍未完成")
    elif days_left <= rules.deadline_warning_days:
        verdict.raise_to(LampColor.YELLOW, f"距完成时限仅剩 {days_left} 天")

    missed = trailing_missed(facts, rules, today)
    if missed >= rules.missed_reports_red:
        verdict.raise_to(LampColor.RED, f"连续 {missed} 期未报送进度")
    elif missed >= rules.missed_reports_yellow:
        verdict.raise_to(LampColor.YELLOW, f"{missed} 期未按时报送进度")

    if facts.max_percent == 0 and today >= add_months(facts.start, rules.not_started_months):
        verdict.raise_to(LampColor.RED, f"开始 {rules.not_started_months} 个月后仍未启动")

    if facts.budget > 0 and schedule >= rules.funds_check_after_schedule:
        rate = float(facts.arrived / facts.budget * 100)
        if rate < rules.funds_min_arrival_rate:
            verdict.raise_to(LampColor.YELLOW, f"时间过半，资金到位率仅 {rate:.0f}%")

    if not verdict.findings and (recovered := recovery(facts, rules)):
        return Lamp(LampColor.YELLOW, (recovered,), schedule, lag, missed, False, mine)
    if not verdict.findings:
        calm = "按序时推进" if (lag or 0) <= 0 else f"略滞后 {lag:.0f} 个百分点"
        return Lamp(LampColor.GREEN, (calm,), schedule, lag, missed, False, mine)
    return Lamp(verdict.color, verdict.reasons(), schedule, lag, missed, False, mine)


@lru_cache(maxsize=4096)
def _kept(facts: TaskFacts, rules: LampRules, today: date) -> Lamp:
    return evaluate(facts, rules, today)


def kept_evaluate(facts: TaskFacts, rules: LampRules, today: date) -> Lamp:
    """:func:`evaluate`, kept per process for equal facts, rules and day (a few documents'
    worth): it reads nothing else and a Lamp is immutable. The circular evaluates its tasks
    for this period, the one before and the forecast, on every render (issue 11)."""
    try:
        return _kept(facts, rules, today)
    except TypeError:  # facts holding a list or a set: not hashable, evaluated as they are
        return evaluate(facts, rules, today)


def lag_of(schedule: float, reported: Decimal | float) -> Decimal:
    """Schedule minus reported progress in points, compared as decimals: 12.2 reported against
    a schedule of 32.2 lags 20.0 points exactly (in floats 20.000000000000004), so a rule "more
    than 20" reads it as the clerk would."""
    return Decimal(repr(schedule)) - _exact(reported)


def _exact(value: Decimal | float) -> Decimal:
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def lag_at_report(start: date, deadline: date, period: str, percent: Decimal | int) -> Decimal:
    """How far a report lagged the schedule progress at the end of its period."""
    end = Period.parse(period).shift(1).first_day() - timedelta(days=1)
    return lag_of(schedule_progress(start, deadline, end), percent)


def recovery(facts: TaskFacts, rules: LampRules) -> str:
    """瓯海's 三色 rule: a task red by its lag whose latest report makes the gap up turns yellow,
    not green, for one period; the reason says so. "" when the rule does not apply."""
    if facts.previous_report is None:
        return ""
    period, percent = facts.previous_report
    before = lag_at_report(facts.start, facts.deadline, period, percent)
    if before <= rules.red_lag:
        return ""
    return (
        f"差距已补齐，由红转黄：{Period.parse(period).label}滞后序时进度 {before:.0f} 个百分点"
        "亮红灯，本期补齐，下期保持即转绿"
    )
