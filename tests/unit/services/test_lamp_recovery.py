"""瓯海's 三色 rule: a task red by its lag that makes the gap up turns yellow for one period,
then green; its timeline says so, and the cached lamp follows."""

from __future__ import annotations

from datetime import date, datetime

from db.enums import LampColor, TaskStatus
from desktop.services import progress, timeline
from desktop.services.lamps.rules import TaskFacts, evaluate
from desktop.services.overview import TaskFilter, task_rows
from desktop.services.progress import ReportInput
from desktop.services.settings import LampRules

DAY = date(2026, 11, 20)  # before the November report falls due (the 25th)


def _facts(latest: int, previous: tuple[str, int] | None) -> TaskFacts:
    return TaskFacts(
        start=date(2026, 1, 1),
        deadline=date(2026, 12, 31),
        status=TaskStatus.IN_PROGRESS,
        latest_percent=latest,
        reported_periods=frozenset(f"2026-{m:02d}" for m in range(1, 11)),
        max_percent=latest,
        previous_report=previous,
    )


def test_red_that_made_up_its_gap_is_yellow_with_the_reason() -> None:
    lamp = evaluate(_facts(90, ("2026-09", 20)), LampRules(), DAY)
    assert lamp.color == LampColor.YELLOW
    assert lamp.reasons[0].startswith("差距已补齐，由红转黄：2026年9月滞后序时进度 55 个百分点")
    # The period before was yellow, not red: green at once; and one period on, green too.
    assert evaluate(_facts(90, ("2026-09", 60)), LampRules(), DAY).color == LampColor.GREEN
    assert evaluate(_facts(90, None), LampRules(), DAY).color == LampColor.GREEN


def test_ledger_lamp_and_timeline_follow_the_rule(session, clerk, task_id, clock) -> None:
    clock.moment = datetime(2026, 11, 20, 10, 0)
    reports = [
        ReportInput(task_id, f"2026-{m:02d}", pct, submitted_on=date(2026, m, 24))
        for m, pct in ((8, 15), (9, 20), (10, 90))
    ]
    progress.record_reports(session, clerk, reports)
    (row,) = task_rows(session, DAY, TaskFilter(task_ids=(task_id,)))
    assert row.lamp.color == LampColor.YELLOW and "由红转黄" in row.lamp.reason_text
    event = next(e for e in timeline.timeline(session, task_id) if e.kind == "亮灯")
    assert event.title == "由红转黄：差距已补齐" and event.day == date(2026, 10, 24)
    assert "2026年10月报送 90%" in event.detail
