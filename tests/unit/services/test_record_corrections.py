"""A saved report or fund entry corrected or withdrawn by a 科员 with a reason: the original kept in
the audit chain, lamps and rates recomputed, the task's timeline showing it."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from db.models import AuditEntry, Task
from desktop.services import audit, corrections, funds, identity, timeline
from desktop.services.enums import FundKind, FundSource, LampColor
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.overview import TaskFilter, task_rows
from desktop.services.periods import Period
from desktop.services.progress import ReportInput, record_report


def _lamp(session, today, task_id: int) -> LampColor:
    return task_rows(session, today, TaskFilter(task_ids=(task_id,)))[0].lamp.color


def _task(session, code: str) -> int:
    return session.scalar(select(Task.id).where(Task.code == code))


def test_report_corrected_then_withdrawn_lamp_follows_and_original_kept(
    demo_session, clock
) -> None:
    session, today = demo_session, clock.today()
    clerk = identity.sign_in(session, "clerk", "duban-clerk")
    task_id, period = _task(session, "05-02"), str(Period.of(today))
    assert _lamp(session, today, task_id) == LampColor.RED  # two periods unreported
    record_report(session, clerk, ReportInput(task_id, period, 60, "施工推进"))
    assert _lamp(session, today, task_id) == LampColor.GREEN

    with pytest.raises(ValidationError, match="理由"):
        corrections.correct_report(session, clerk, task_id, period, " ", percent=65)
    fixed = corrections.correct_report(
        session, clerk, task_id, period, "单位来函更正", percent=65, progress="主体完工"
    )
    assert fixed.percent == 65 and fixed.progress == "主体完工"
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "correct_report")).one()
    detail = json.loads(entry.detail)
    assert detail["changes"]["percent"] == {"前": 60, "后": 65}
    assert detail["reason"] == "单位来函更正"

    corrections.withdraw_report(session, clerk, task_id, period, "误报，应为下月")
    assert _lamp(session, today, task_id) == LampColor.RED  # unreported again
    withdrawn = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "withdraw_report")
    ).one()
    assert json.loads(withdrawn.detail)["original"]["percent"] == 65  # nothing lost
    events = [e for e in timeline.timeline(session, task_id) if e.kind == "更正"]
    assert len(events) == 2 and "误报" in events[0].detail and "撤回" in events[0].title
    assert audit.verify_chain(session).ok


def test_fund_entry_corrected_and_withdrawn_rates_follow(demo_session, clock) -> None:
    session = demo_session
    clerk = identity.sign_in(session, "clerk", "duban-clerk")
    leader = identity.sign_in(session, "leader", "duban-leader")
    task_id = _task(session, "01-01")
    before = funds.totals_by_task(session, [task_id]).get(task_id, funds.FundTotals())
    entry = funds.add_fund_entry(
        session, clerk, task_id, FundKind.ARRIVED, FundSource.CITY, "10万", date(2026, 11, 1)
    )
    with pytest.raises(PermissionDenied):
        corrections.withdraw_fund_entry(session, leader, entry.id, "误录")
    corrections.correct_fund_entry(session, clerk, entry.id, "金额录错", amount="12万")
    after = funds.totals_by_task(session, [task_id])[task_id]
    assert after.arrived - before.arrived == Decimal("120000.00")
    corrections.withdraw_fund_entry(session, clerk, entry.id, "重复登记")
    assert funds.totals_by_task(session, [task_id])[task_id].arrived == before.arrived
    titles = [e.title for e in timeline.timeline(session, task_id) if e.kind == "更正"]
    assert any("撤回" in t for t in titles) and any("金额" in t for t in titles)


def test_decimal_reports_saved_together_are_judged_each_against_its_own_previous(
    demo_session, clock
) -> None:
    """Two periods of one task in one save (a grid, or November's and December's files), typed
    as text: each percent is compared with the one before it, as a decimal."""
    from desktop.services.progress import record_reports, reports_of_task

    session = demo_session
    clerk = identity.sign_in(session, "clerk", "duban-clerk")
    task_id = _task(session, "02-01")
    later, d = ReportInput(task_id, "2026-11", Decimal("62.5")), Decimal
    with pytest.raises(ValidationError, match=r"本期 62\.5% 低于上期（2026-10）70%"):
        record_reports(session, clerk, [ReportInput(task_id, "2026-10", d(70)), later])
    with pytest.raises(ValidationError, match=r"本期 10% 低于上期（2026-09）"):  # October's own
        record_reports(session, clerk, [later, ReportInput(task_id, "2026-10", d(10))])
    typed: list = ["62.5", "41.5"]  # text, as a client may pass it: read by percents.py
    record_reports(
        session,
        clerk,
        [ReportInput(task_id, "2026-11", typed[0]), ReportInput(task_id, "2026-10", typed[1])],
    )
    kept = {r.period: r.percent for r in reports_of_task(session, task_id)}
    assert (kept["2026-10"], kept["2026-11"]) == (Decimal("41.5"), Decimal("62.5"))


def test_one_days_timeline_lists_what_was_saved_in_the_order_it_was_saved(
    demo_session, clock
) -> None:
    """A fund entry saved first, a report after it, then the entry corrected: newest first the
    correction, the report, the entry, whatever area each comes from."""
    session, today = demo_session, clock.today()
    clerk = identity.sign_in(session, "clerk", "duban-clerk")
    task_id, period = _task(session, "05-02"), str(Period.of(today))
    entry = funds.add_fund_entry(
        session, clerk, task_id, FundKind.ARRIVED, FundSource.CITY, "10万", today
    )
    record_report(session, clerk, ReportInput(task_id, period, 60, "施工推进", submitted_on=today))
    corrections.correct_fund_entry(session, clerk, entry.id, "金额录错", amount="12万")
    todays = [e for e in timeline.timeline(session, task_id) if e.day == today]
    assert [e.kind for e in todays[:3]] == ["更正", "进度报送", "资金"], todays
    assert "资金记录" in todays[0].title and "60%" in todays[1].title
