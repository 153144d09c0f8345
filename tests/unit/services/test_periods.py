"""Months by the calendar: the not-started rule must not fire days early at the end of a month."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.periods import add_months


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 31), 3, date(2026, 6, 30)),  # not the 28th
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 1, 30), 2, date(2026, 3, 30)),
        (date(2026, 5, 31), -3, date(2026, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected) -> None:  # type: ignore[no-untyped-def]
    assert add_months(day, months) == expected


def test_a_task_started_31_march_and_not_started_turns_red_on_30_june_not_28_june() -> None:
    from desktop.services.enums import LampColor, TaskStatus
    from desktop.services.lamps.rules import TaskFacts, evaluate
    from desktop.services.settings import LampRules

    facts = TaskFacts(
        start=date(2026, 3, 31),
        deadline=date(2027, 3, 31),
        status=TaskStatus.IN_PROGRESS,
        latest_percent=0,
        reported_periods=frozenset({"2026-03", "2026-04", "2026-05", "2026-06"}),
    )
    rules = LampRules()

    def not_started(day: date) -> bool:
        return any("仍未启动" in r for r in evaluate(facts, rules, day).reasons)

    assert not not_started(date(2026, 6, 28)) and not not_started(date(2026, 6, 29))
    assert not_started(date(2026, 6, 30))
    assert evaluate(facts, rules, date(2026, 6, 30)).color == LampColor.RED
