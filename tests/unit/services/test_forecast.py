"""预警: a slow trend is named a month ahead, a steady one is not, and replay counts hits."""

from __future__ import annotations

from datetime import date

from desktop.services import progress
from desktop.services.lamps.forecast import forecast, replay
from desktop.services.periods import Period
from desktop.services.progress import ReportInput


def _report(session, clerk, task_id: int, month: int, percent: int) -> None:
    progress.record_report(
        session,
        clerk,
        ReportInput(task_id, f"2026-{month:02d}", percent, submitted_on=date(2026, month, 20)),
    )


def test_a_slowing_task_is_forecast_red_with_its_reason_in_words(session, clerk, task_id) -> None:
    for month, pct in ((1, 8), (3, 24), (5, 40), (7, 57), (8, 58), (9, 59), (10, 60)):
        _report(session, clerk, task_id, month, pct)
    found = forecast(session, date(2026, 10, 31))
    assert [f.task_id for f in found] == [task_id]
    assert found[0].color_now.label == "黄"
    assert found[0].reasons[0].startswith("按近3期平均每月推进1个百分点，11月底将滞后序时")


def test_a_task_keeping_pace_is_not_forecast(session, clerk, task_id) -> None:
    for month in range(1, 11):
        _report(session, clerk, task_id, month, month * 8)
    assert forecast(session, date(2026, 10, 31)) == []


def test_replay_compares_the_forecast_with_the_lamp_a_month_later(session, clerk, task_id) -> None:
    for month, pct in ((1, 8), (3, 24), (5, 40), (7, 57), (8, 58), (9, 59), (10, 60)):
        _report(session, clerk, task_id, month, pct)
    result = replay(session, Period(2026, 10), Period(2026, 10))
    assert (result.predicted, result.turned_red, result.hits) == (1, 1, 1)
    assert result.precision == 1.0 and result.recall == 1.0


def test_the_circulars_next_steps_name_the_tasks_heading_for_red(demo_session) -> None:
    from desktop.documents.compose_circular import _requirements
    from desktop.services import circular

    today = demo_session.info["clock"].today()
    data = circular.circular_data(demo_session, str(Period.of(today)))
    expected = forecast(demo_session, data.as_of)
    assert expected and [c for c, _t, _u in data.forecast] == [f.code for f in expected]
    text = _requirements(data)
    assert "防止任务由黄转红" in text and all(f.code in text for f in expected)
