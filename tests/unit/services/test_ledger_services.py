"""Tasks, reports and funds through the services: validation, lamps changing, roll-ups."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from db.enums import FundKind, FundSource, LampColor, TaskStatus
from desktop.services import funds, overview, progress, settings, tasks, timeline
from desktop.services.errors import ValidationError
from desktop.services.progress import ReportInput

TODAY = date(2026, 11, 28)


def _row(session, task_id: int) -> overview.TaskRow:
    return overview.task_rows(session, TODAY, overview.TaskFilter(task_ids=(task_id,)))[0]


def test_task_validation_messages_are_chinese(session, clerk, task_id) -> None:
    data = tasks.task_input(session, task_id)
    data.deadline = date(2025, 1, 1)
    with pytest.raises(ValidationError, match="完成时限不能早于开始时间") as error:
        tasks.edit_task(session, clerk, task_id, data)
    assert error.value.field == "deadline"


def test_reports_move_the_lamp_from_red_to_green(session, clerk, task_id) -> None:
    assert _row(session, task_id).lamp.color == LampColor.RED  # nothing reported all year
    months = [f"2026-{m:02d}" for m in range(1, 12)]
    progress.record_reports(
        session,
        clerk,
        [ReportInput(task_id, p, round(i * 90 / 11)) for i, p in enumerate(months, start=1)],
    )
    row = _row(session, task_id)
    assert row.lamp.color == LampColor.GREEN, row.lamp.reasons
    assert row.reported_pct == 90 and row.last_period == "2026-11"


def test_a_fall_needs_a_reason_and_nothing_is_half_saved(session, clerk, task_id) -> None:
    progress.record_report(session, clerk, ReportInput(task_id, "2026-10", 60))
    batch = [ReportInput(task_id, "2026-09", 50), ReportInput(task_id, "2026-11", 40)]
    with pytest.raises(ValidationError, match="低于上期.*请填写回落原因"):
        progress.record_reports(session, clerk, batch)
    assert [r.period for r in progress.reports_of_task(session, task_id)] == ["2026-10"]
    batch[1] = ReportInput(task_id, "2026-11", 40, fall_reason="统计口径调整")
    outcomes = progress.record_reports(session, clerk, batch)
    assert [o.change for o in outcomes] == ["new", "new"]


def test_same_report_twice_changes_nothing(session, clerk, task_id) -> None:
    first = progress.record_report(session, clerk, ReportInput(task_id, "2026-11", 70, "推进中"))
    again = progress.record_report(session, clerk, ReportInput(task_id, "2026-11", 70, "推进中"))
    assert (first.change, again.change) == ("new", "unchanged")


@pytest.mark.parametrize(
    ("period", "percent", "message"),
    [
        ("2026-11", 101, "0 到 100"),
        ("2027-01", 10, "未来期次"),
        ("2025-12", 10, "早于任务开始"),
        ("2026-13", 10, "格式不对"),
    ],
)
def test_bad_reports_are_refused(session, clerk, task_id, period, percent, message) -> None:
    with pytest.raises(ValidationError, match=message):
        progress.record_report(session, clerk, ReportInput(task_id, period, percent))


def test_money_is_exact_and_rates_follow(session, clerk, task_id) -> None:
    funds.add_fund_entry(session, clerk, task_id, FundKind.BUDGET, FundSource.CITY, "300万", TODAY)
    funds.add_fund_entry(
        session, clerk, task_id, FundKind.ARRIVED, FundSource.CITY, "1,000,000.10", TODAY
    )
    funds.add_fund_entry(
        session, clerk, task_id, FundKind.SPENT, FundSource.CITY, Decimal("0.20"), TODAY
    )
    total = funds.totals_by_task(session)[task_id]
    assert total.budget == Decimal("3000000.00") and total.arrived == Decimal("1000000.10")
    assert total.spent == Decimal("0.20")
    assert total.arrival_rate is not None and round(total.arrival_rate, 2) == 33.33
    with pytest.raises(ValidationError, match="不是有效的数字"):
        funds.add_fund_entry(
            session, clerk, task_id, FundKind.SPENT, FundSource.CITY, "三百", TODAY
        )


def test_status_flow_and_extension(session, clerk, task_id) -> None:
    with pytest.raises(ValidationError, match="理由"):
        tasks.set_task_status(session, clerk, task_id, TaskStatus.SUSPENDED)
    tasks.set_task_status(
        session, clerk, task_id, TaskStatus.EXTENDED, "受汛期影响", new_deadline=date(2027, 3, 31)
    )
    assert _row(session, task_id).deadline == date(2027, 3, 31)
    tasks.set_task_status(session, clerk, task_id, TaskStatus.COMPLETION_REVIEW)
    tasks.set_task_status(session, clerk, task_id, TaskStatus.CLOSED)
    assert tasks.allowed_statuses(TaskStatus.CLOSED) == []
    events = timeline.task_detail(session, task_id, TODAY).timeline
    assert any("销号" in e.title for e in events)


def test_lamp_rules_saved_as_data_change_the_lamp(session, admin, clerk, task_id) -> None:
    progress.record_reports(
        session, clerk, [ReportInput(task_id, f"2026-{m:02d}", 7 * m) for m in range(1, 12)]
    )
    assert _row(session, task_id).lamp.color == LampColor.YELLOW  # 77% against about 91%
    settings.save_lamp_rules(session, admin, settings.LampRules(yellow_lag=5, red_lag=12))
    assert _row(session, task_id).lamp.color == LampColor.RED


def test_ledger_paging_and_sorting_in_sql_and_on_lamps(demo_session) -> None:
    page = overview.task_page(demo_session, TODAY, sort="deadline", offset=5, limit=10)
    assert page.total == 37 and len(page.rows) == 10
    deadlines = [r.deadline for r in page.rows]
    assert deadlines == sorted(deadlines)
    reds = overview.task_page(
        demo_session, TODAY, overview.TaskFilter(lamp=LampColor.RED), sort="lag", descending=True
    )
    assert reds.total == len(reds.rows) > 0
    assert all(r.lamp.color == LampColor.RED for r in reds.rows)
    hits = overview.task_rows(demo_session, TODAY, overview.TaskFilter(text="燃气"))
    assert [r.code for r in hits] == ["04-02"]


def test_demo_ledger_has_every_lamp_and_rolls_up_worst(demo_session) -> None:
    rows = overview.task_rows(demo_session, TODAY)
    assert len(rows) == 37
    colors = {r.lamp.color for r in rows}
    assert colors == {LampColor.GREEN, LampColor.YELLOW, LampColor.RED}
    projects = overview.project_rollups(demo_session, TODAY, rows)
    assert len(projects) == 10
    for rollup in projects:
        mine = [r.lamp.color for r in rows if r.project_id == rollup.id]
        assert rollup.lamp == max(mine, key=lambda c: c.severity)
        assert sum(rollup.counts.values()) == len(mine)
    units = overview.unit_rollups(demo_session, TODAY, rows)
    assert len(units) == 10
    reasons = " ".join(r.lamp.reason_text for r in rows)
    for story in ("连续 2 期未报送进度", "已超过完成时限", "仍未启动", "资金到位率", "逾期"):
        assert story in reasons
