"""Reporting periods (YYYY-MM) and schedule progress (序时进度)."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from desktop.services.errors import ValidationError

_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Period:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PERIOD.match(text.strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ValidationError(
                f"报送期次“{text}”格式不对，应为“年-月”，例如 2026-05。", field="period"
            )
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Period:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    def shift(self, months: int) -> Period:
        index = self.year * 12 + (self.month - 1) + months
        return Period(index // 12, index % 12 + 1)

    def due(self, report_day: int) -> date:
        """The day the period's report is due (the 25th by default)."""
        return date(self.year, self.month, min(report_day, 28))

    def first_day(self) -> date:
        return date(self.year, self.month, 1)


def months_between(first: Period, last: Period) -> list[Period]:
    periods = []
    current = first
    while current <= last:
        periods.append(current)
        current = current.shift(1)
    return periods


def schedule_progress(start: date, deadline: date, today: date) -> float:
    """Share of the task's time that has passed, in percent (0–100)."""
    if today <= start:
        return 0.0
    if today >= deadline:
        return 100.0
    span = (deadline - start).days
    return 100.0 * (today - start).days / span if span > 0 else 100.0


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later by the calendar, or the month's last day when it is shorter:
    31 March + 3 months is 30 June (clamping to the 28th had turned such a task red on 28 June)."""
    period = Period.of(day).shift(months)
    return date(period.year, period.month, min(day.day, monthrange(period.year, period.month)[1]))
