"""Measure the lamp cache: `python -m bench.lamps [--tasks 37 10000 100000]`.

Builds the demo ledger cloned by plain SQL up to N tasks (bench/big_ledger.py, so the
cache first meets rows written behind its back), then times the lamp-wide reads. A measurement,
not a test: nothing is asserted."""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from bench import big_ledger
from desktop.services import dashboard, overview, progress
from desktop.services.enums import LampColor
from desktop.services.escalation import proposals as escalation
from desktop.services.lamps import cache as lamp_cache
from desktop.services.ledger import open_ledger
from desktop.services.overview import TaskFilter


def _timed(label: str, action: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = action()
    print(f"  {label:<44} {(time.perf_counter() - start) * 1000:9.0f} ms")
    return result


def _refresh_all(session: Session, today: date) -> None:
    lamp_cache.refresh(session, None, today)
    session.commit()


def measure(path: Path, tasks: int) -> None:
    clock = big_ledger.CLOCK  # the fixture's clock: the day the demo is built for
    today = clock.today()
    ledger = open_ledger(path, clock)
    print(f"台账 {tasks} 项任务：")
    with ledger.session() as s:
        _timed(
            "first read after SQL writes (full recompute)",
            lambda: overview.task_page(s, today, sort="lamp", limit=500),
        )
        _timed(
            "full recompute again (refresh all, commit)",
            lambda: _refresh_all(s, today),
        )
        _timed(
            "lamps computed live, no cache (old path core)",
            lambda: lamp_cache.compute(s, None, today),
        )
        _timed("cache freshness check", lambda: lamp_cache.is_current(s, today))
        _timed(
            "红灯 filter, first 500 rows",
            lambda: overview.task_page(s, today, TaskFilter(lamp=LampColor.RED), limit=500),
        )
        _timed(
            "sort by 亮灯, first 500 rows",
            lambda: overview.task_page(s, today, sort="lamp", limit=500),
        )
        _timed(
            "sort by 滞后 descending, rows 5000-5500",
            lambda: overview.task_page(
                s, today, sort="lag", descending=True, offset=5000, limit=500
            ),
        )
        _timed(
            "project + unit roll-ups (GROUP BY)",
            lambda: (overview.project_rollups(s, today), overview.unit_rollups(s, today)),
        )
        _timed("dashboard summary (counts + every row)", lambda: dashboard.summary(s, today))
        proposals = _timed("escalation proposals", lambda: escalation.proposals(s, today))
        print(f"    ({len(proposals)} proposals)")  # type: ignore[arg-type]
        unit = overview.task_page(s, today, limit=1).rows[0].lead_unit_id
        grid = _timed("进度报送 grid of one unit", lambda: progress.period_grid(s, unit, "2026-11"))
        print(f"    ({len(grid)} grid rows)")  # type: ignore[arg-type]
    ledger.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, nargs="*", default=[37, 10_000, 100_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for n in args.tasks:
            path = Path(folder) / f"bench-{n}.sqlite3"
            start = time.perf_counter()
            big_ledger.build(path, n)
            print(f"(built {n} tasks in {time.perf_counter() - start:.1f} s)")
            measure(path, n)


if __name__ == "__main__":
    main()
