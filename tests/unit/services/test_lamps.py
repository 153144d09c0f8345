"""Lamp rules of SUPERVISION.md: each rule lights the colour it should, with its reason."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from db.enums import LampColor, TaskStatus
from desktop.services.lamps.rules import TaskFacts, evaluate
from desktop.services.settings import LampRules

TODAY = date(2026, 11, 28)
RULES = LampRules()
START = date(2026, 1, 1)
DEADLINE = date(2027, 6, 30)
ALL_PERIODS = frozenset(f"2026-{m:02d}" for m in range(1, 12))


def facts(**changes) -> TaskFacts:
    base = dict(
        start=START,
        deadline=DEADLINE,
        status=TaskStatus.IN_PROGRESS,
        latest_percent=None,
        reported_periods=ALL_PERIODS,
        max_percent=50,
    )
    base.update(changes)
    return TaskFacts(**base)  # type: ignore[arg-type]  # the defaults above, changed by name


def schedule() -> float:
    return 100 * (TODAY - START).days / (DEADLINE - START).days


def on_track(**changes) -> TaskFacts:
    pct = round(schedule()) + 2
    return facts(latest_percent=pct, max_percent=pct, **changes)


def test_on_schedule_is_green() -> None:
    lamp = evaluate(on_track(), RULES, TODAY)
    assert lamp.color == LampColor.GREEN and lamp.lag is not None and lamp.lag <= 0


@pytest.mark.parametrize(
    ("behind", "color"), [(9, "green"), (11, "yellow"), (29, "yellow"), (32, "red")]
)
def test_lag_thresholds(behind: int, color: str) -> None:
    pct = round(schedule() - behind)
    lamp = evaluate(facts(latest_percent=pct, max_percent=pct), RULES, TODAY)
    assert lamp.color == LampColor(color)
    if color != "green":
        assert "滞后序时进度" in lamp.reasons[0]


@pytest.mark.parametrize(("days", "color"), [(1, "yellow"), (15, "yellow"), (16, "red")])
def test_overdue_milestone(days: int, color: str) -> None:
    due = TODAY - timedelta(days=days)
    lamp = evaluate(on_track(overdue_milestones=(("完成招标", due),)), RULES, TODAY)
    assert lamp.color == LampColor(color)
    assert f"节点“完成招标”逾期 {days} 天" in lamp.reasons


def test_deadline_passed_not_done_is_red_and_near_deadline_yellow() -> None:
    past = evaluate(
        facts(deadline=TODAY - timedelta(days=5), latest_percent=90, max_percent=90), RULES, TODAY
    )
    assert past.color == LampColor.RED and "已超过完成时限 5 天仍未完成" in past.reasons
    soon = evaluate(
        facts(
            start=date(2026, 6, 1),
            deadline=TODAY + timedelta(days=2),
            latest_percent=97,
            max_percent=97,
            reported_periods=frozenset(f"2026-{m:02d}" for m in range(6, 12)),
        ),
        RULES,
        TODAY,
    )
    assert soon.color == LampColor.YELLOW and "距完成时限仅剩 2 天" in soon.reasons


def test_missed_reports_one_yellow_two_in_a_row_red() -> None:
    one = on_track(reported_periods=ALL_PERIODS - {"2026-11"})
    assert evaluate(one, RULES, TODAY).color == LampColor.YELLOW
    two = on_track(reported_periods=ALL_PERIODS - {"2026-11", "2026-10"})
    lamp = evaluate(two, RULES, TODAY)
    assert lamp.color == LampColor.RED and "连续 2 期未报送进度" in lamp.reasons


def test_report_not_yet_due_is_not_missed() -> None:
    # On 20 November the November report is not due until the 25th.
    lamp = evaluate(on_track(reported_periods=ALL_PERIODS - {"2026-11"}), RULES, date(2026, 11, 20))
    assert lamp.missed_reports == 0


def test_not_started_three_months_after_start_is_red() -> None:
    lamp = evaluate(
        facts(
            start=date(2026, 7, 1),
            latest_percent=0,
            max_percent=0,
            reported_periods=frozenset(f"2026-{m:02d}" for m in range(7, 12)),
        ),
        RULES,
        TODAY,
    )
    assert lamp.color == LampColor.RED and "开始 3 个月后仍未启动" in lamp.reasons


def test_funds_below_half_after_half_time_is_yellow() -> None:
    lamp = evaluate(on_track(budget=Decimal("1000000"), arrived=Decimal("300000")), RULES, TODAY)
    assert lamp.color == LampColor.YELLOW and "时间过半，资金到位率仅 30%" in lamp.reasons
    fine = evaluate(on_track(budget=Decimal("1000000"), arrived=Decimal("600000")), RULES, TODAY)
    assert fine.color == LampColor.GREEN


def test_done_and_suspended_are_green() -> None:
    done = evaluate(
        facts(deadline=TODAY - timedelta(days=3), latest_percent=100, max_percent=100), RULES, TODAY
    )
    assert done.color == LampColor.GREEN and done.done
    paused = evaluate(facts(status=TaskStatus.SUSPENDED, latest_percent=5), RULES, TODAY)
    assert paused.color == LampColor.GREEN and "暂缓" in paused.reasons[0]


def test_rules_are_data_a_stricter_rule_changes_the_colour() -> None:
    pct = round(schedule() - 12)
    lax = evaluate(facts(latest_percent=pct, max_percent=pct), RULES, TODAY)
    strict = evaluate(
        facts(latest_percent=pct, max_percent=pct), LampRules(yellow_lag=5, red_lag=11), TODAY
    )
    assert (lax.color, strict.color) == (LampColor.YELLOW, LampColor.RED)


def test_a_decimal_report_is_kept_and_its_lag_compared_as_decimals() -> None:
    """62.5 reported stays 62.5 on the lamp; a lag of exactly the threshold is not "more than"
    it, however the floats of the schedule fall (32.2 − 12.2 is 20.000000000000004 in floats)."""
    from desktop.services.lamps.rules import lag_of

    assert lag_of(32.2, Decimal("12.2")) == Decimal("20.0")
    assert 32.2 - 12.2 > 20  # what comparing floats said
    reported = Decimal(str(round(schedule(), 1))) - Decimal("29.5")  # 29.5 points behind
    lamp = evaluate(facts(latest_percent=reported, max_percent=reported), RULES, TODAY)
    assert lamp.reported == reported.quantize(Decimal("0.1"))
    assert lamp.color == LampColor.YELLOW  # 29.5 ≤ 30: not red
