"""The computed-lamp cache: equal to a fresh evaluate(), in step with every write, never stale."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from db.models import LampCacheState, Task, TaskLamp
from desktop.services import dashboard, overview, settings
from desktop.services.auth import system_actor
from desktop.services.enums import LampColor
from desktop.services.errors import ValidationError
from desktop.services.escalation import proposals as escalation
from desktop.services.lamps import cache as lamp_cache
from desktop.services.overview import TaskFilter
from desktop.services.periods import Period
from desktop.services.progress import ReportInput, record_report

ACTOR = system_actor("测试")


def _fresh(session, today):
    return {i: c.lamp for i, c in lamp_cache.compute(session, None, today).items()}


def _cached(session) -> dict[int, LampColor]:
    return dict(session.execute(select(TaskLamp.task_id, TaskLamp.color)).all())


def _assert_cache_equals_evaluate(session, today) -> None:
    rows = overview.task_rows(session, today)
    fresh = _fresh(session, today)
    assert len(rows) == len(fresh) == session.query(Task).count()
    for row in rows:
        assert row.lamp == fresh[row.id], row.code


def test_cached_lamps_equal_a_fresh_evaluate_for_every_demo_task(demo_session, clock) -> None:
    today = clock.today()
    _assert_cache_equals_evaluate(demo_session, today)
    assert lamp_cache.is_current(demo_session, today)
    cached = _cached(demo_session)
    assert {c for c in cached.values()} == set(LampColor)  # the demo shows every colour
    # Every lamp sort pages in SQL in the order of the computed keys.
    for key, value in overview._COMPUTED_SORT.items():
        for descending in (False, True):
            page = overview.task_page(demo_session, today, sort=key, descending=descending)
            keys = [value(r) for r in page.rows]
            assert keys == sorted(keys, reverse=descending), key
    reds = overview.task_page(demo_session, today, TaskFilter(lamp=LampColor.RED), limit=5)
    assert reds.total == sum(c == LampColor.RED for c in cached.values())
    assert all(r.lamp.color == LampColor.RED for r in reds.rows) and len(reds.rows) == 5


def test_grouped_rollups_and_counts_match_the_rows(demo_session, clock) -> None:
    today = clock.today()
    rows = overview.task_rows(demo_session, today)
    for grouped, listed in (
        (
            overview.project_rollups(demo_session, today),
            overview.project_rollups(demo_session, today, rows),
        ),
        (
            overview.unit_rollups(demo_session, today),
            overview.unit_rollups(demo_session, today, rows),
        ),
    ):
        assert [(g.id, g.counts, g.tasks, g.done, g.red_reasons) for g in grouped] == [
            (r.id, r.counts, r.tasks, r.done, r.red_reasons) for r in listed
        ]
    summary = dashboard.summary(demo_session, today)
    assert sum(summary.by_lamp.values()) == len(rows)


def test_a_report_entered_changes_the_cached_lamp_in_the_same_commit(demo_ledger, clock) -> None:
    today = clock.today()
    with demo_ledger.session() as session:
        overview.task_rows(session, today)  # the cache is current
        row = next(
            r
            for r in overview.task_rows(session, today, TaskFilter(lamp=LampColor.RED))
            if r.start <= today
        )
        record_report(session, ACTOR, ReportInput(row.id, str(Period.of(today)), 100, "完成"))
    # Another connection sees the new lamp as soon as the write committed: no read recomputed it.
    raw = sqlite3.connect(demo_ledger.path)
    color, done = raw.execute(
        "SELECT color, done FROM task_lamp WHERE task_id = ?", (row.id,)
    ).fetchone()
    raw.close()
    assert (color, done) == ("green", 1)
    with demo_ledger.session() as session:
        assert lamp_cache.is_current(session, today)  # and the whole cache is still current
        _assert_cache_equals_evaluate(session, today)


def test_a_failed_write_leaves_the_cache_as_it_was(demo_session, clock) -> None:
    today = clock.today()
    task = overview.task_rows(demo_session, today)[0]
    before = _cached(demo_session)
    with pytest.raises(ValidationError):
        # Two reports in one transaction; the second is refused, so neither is kept.
        from desktop.services.progress import record_reports

        record_reports(
            demo_session,
            ACTOR,
            [ReportInput(task.id, str(Period.of(today)), 100), ReportInput(task.id, "1999-01", 5)],
        )
    assert _cached(demo_session) == before
    _assert_cache_equals_evaluate(demo_session, today)


def test_a_rule_change_recomputes(demo_session, clock) -> None:
    today = clock.today()
    before = _cached_after_read(demo_session, today)
    strict = replace(settings.lamp_rules(demo_session), yellow_lag=1.0, red_lag=2.0)
    settings.save_lamp_rules(demo_session, ACTOR, strict)
    _assert_cache_equals_evaluate(demo_session, today)
    after = _cached(demo_session)
    assert sum(c == LampColor.RED for c in after.values()) > sum(
        c == LampColor.RED for c in before.values()
    )
    versions = set(demo_session.execute(select(TaskLamp.rules_version)).scalars())
    assert versions == {lamp_cache.rules_version(strict)}


def _cached_after_read(session, today) -> dict[int, LampColor]:
    overview.task_rows(session, today)
    return _cached(session)


def test_the_next_day_recomputes(demo_session, clock) -> None:
    today = clock.today()
    overview.task_rows(demo_session, today)
    clock.moment += timedelta(days=1)
    tomorrow = clock.today()
    assert not lamp_cache.is_current(demo_session, tomorrow)
    _assert_cache_equals_evaluate(demo_session, tomorrow)
    days = set(demo_session.execute(select(TaskLamp.computed_for)).scalars())
    assert days == {tomorrow}
    state = demo_session.get(LampCacheState, 1)
    assert state is not None and state.computed_for == tomorrow


def test_a_day_other_than_the_clocks_is_computed_live(demo_session, clock) -> None:
    today = clock.today()
    overview.task_rows(demo_session, today)
    earlier = today - timedelta(days=40)
    rows = overview.task_rows(demo_session, earlier)
    fresh = _fresh(demo_session, earlier)
    assert all(r.lamp == fresh[r.id] for r in rows)
    assert set(demo_session.execute(select(TaskLamp.computed_for)).scalars()) == {today}


def test_rows_written_behind_the_caches_back_are_not_served_stale(demo_ledger, clock) -> None:
    today = clock.today()
    with demo_ledger.session() as session:
        red = overview.task_rows(session, today, TaskFilter(lamp=LampColor.RED))
        target = next(r for r in red if r.start <= today and r.last_period != str(Period.of(today)))
    raw = sqlite3.connect(demo_ledger.path)
    # A finished report for an existing task, and a clone of that task, both by plain SQL.
    raw.execute(
        "INSERT INTO progress_report (task_id, period, percent, progress, problems, next_steps,"
        " fall_reason, submitted_on, source, source_file, source_sha256, recorded_at)"
        " VALUES (?, ?, 100, '', '', '', '', ?, 'manual', '', '', ?)",
        (target.id, str(Period.of(today)), today.isoformat(), f"{today} 09:00:00"),
    )
    raw.execute(
        "INSERT INTO task (code, project_id, title, target, lead_unit_id, leader_in_charge, start,"
        " deadline, status, closed_on, note) SELECT code || '-X', project_id, title, target,"
        " lead_unit_id, leader_in_charge, start, deadline, status, closed_on, note"
        " FROM task WHERE id = ?",
        (target.id,),
    )
    raw.commit()
    raw.close()
    with demo_ledger.session() as session:
        assert not lamp_cache.is_current(session, today)
        page = overview.task_page(session, today, sort="code", limit=100)  # computed live
        assert next(r for r in page.rows if r.id == target.id).lamp.done
        _assert_cache_equals_evaluate(session, today)
        clone = overview.task_rows(session, today, TaskFilter(text=f"{target.code}-X"))
        assert len(clone) == 1 and clone[0].lamp.color == target.lamp.color
        assert lamp_cache.is_current(session, today)


def test_proposals_only_for_red_and_yellow(demo_session, clock) -> None:
    today = clock.today()
    cached = _cached_after_read(demo_session, today)
    proposed = escalation.proposals(demo_session, today)
    assert proposed
    assert all(cached[p.task_id] in (LampColor.RED, LampColor.YELLOW) for p in proposed)


def test_period_grid_reads_previous_percents_in_one_set_query(demo_session, clock) -> None:
    from desktop.services import progress

    period = str(Period.of(clock.today()))
    units = {r.lead_unit_id for r in overview.task_rows(demo_session, clock.today())}
    for unit in units:
        for row in progress.period_grid(demo_session, unit, period):
            expected = progress.previous_percent(demo_session, row.task_id, period)
            assert (row.previous_percent, row.previous_period) == expected
