"""How often the 预警 forecast is right: `python bench/forecast.py [--tasks 600]`.

Replays the forecast as of each past month-end and compares it with the lamps that really lit a
month later (desktop.services.lamps.forecast.replay): precision (of the tasks named, how many
turned red) and recall (of the tasks that turned red, how many were named). On the demo ledger,
and on a generated ledger whose tasks follow mixed courses: steady, slowing, stalling, late
starts, recovering, and missed reports.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.services.clock import FixedClock  # noqa: E402
from desktop.services.lamps.forecast import Replay, replay  # noqa: E402
from desktop.services.ledger import open_ledger  # noqa: E402
from desktop.services.periods import Period  # noqa: E402

COURSES = ("steady", "slowing", "stalling", "late", "recovering", "gappy")


def generate(path: Path, tasks: int, seed: int = 11) -> None:
    """Tasks of 2026 with monthly reports January to November, each on its course."""
    rng = random.Random(seed)
    open_ledger(path).dispose()
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys=OFF")
    db.execute(
        "INSERT INTO unit (id, name, short_name, contact_person, contact_phone, sort_order)"
        " VALUES (1, '市测试局', '测试局', '', '', 1)"
    )
    db.execute(
        "INSERT INTO project (id, code, name, description, lead_unit_id)"
        " VALUES (1, 'P1', '测试工程', '', 1)"
    )
    reports = []
    for i in range(1, tasks + 1):
        start = date(2026, 1, 1)
        deadline = date(2026, 12, 31)
        db.execute(
            "INSERT INTO task (id, code, project_id, title, target, lead_unit_id,"
            " leader_in_charge, start, deadline, status, note) VALUES"
            " (?, ?, 1, ?, '', 1, '', ?, ?, 'in_progress', '')",
            (i, f"G{i:04d}", f"生成任务{i}", start.isoformat(), deadline.isoformat()),
        )
        db.execute("INSERT INTO task_unit (task_id, unit_id, role) VALUES (?, 1, 'lead')", (i,))
        course = COURSES[i % len(COURSES)]
        pace = rng.uniform(6.5, 10.5)
        pct = 0.0
        for month in range(1, 12):
            step = pace * rng.uniform(0.6, 1.4)
            if course == "slowing" and month > rng.randint(4, 8):
                step *= 0.25
            elif (
                course == "stalling"
                and month > rng.randint(5, 9)
                or course == "late"
                and month <= rng.randint(2, 4)
            ):
                step = 0
            elif course == "recovering" and 3 <= month <= 6:
                step *= 0.3
            elif course == "recovering" and month > 6:
                step *= 1.8
            pct = min(100.0, pct + step)
            if course == "gappy" and rng.random() < 0.25:
                continue  # a missed report
            reports.append((i, f"2026-{month:02d}", round(pct), date(2026, month, 20).isoformat()))
    db.executemany(
        "INSERT INTO progress_report (task_id, period, percent, progress, problems, next_steps,"
        " fall_reason, submitted_on, source, source_file, source_sha256, recorded_at)"
        " VALUES (?, ?, ?, '', '', '', '', ?, 'manual', '', '', '2026-12-01 09:00:00.000000')",
        reports,
    )
    db.commit()
    db.close()


def show(label: str, result: Replay, seconds: float) -> None:
    print(f"\n{label}: {len(result.months)} month-ends replayed in {seconds:.1f} s")
    print(f"  {'as of':12} {'named':>6} {'turned red':>11} {'right':>6}")
    for m in result.months:
        print(f"  {m.as_of:%Y-%m-%d}   {len(m.predicted):>6} {len(m.turned_red):>11} {m.hits:>6}")
    p = "—" if result.precision is None else f"{result.precision:.2f}"
    r = "—" if result.recall is None else f"{result.recall:.2f}"
    print(
        f"  total: named {result.predicted}, turned red {result.turned_red}, right {result.hits}"
        f" → precision {p}, recall {r}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=600)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="duban-forecast-"))
    clock = FixedClock(datetime(2026, 11, 28, 9, 0))

    demo = folder / "demo.sqlite3"
    from desktop.services.auth import system_actor
    from desktop.services.demo.build import build_demo

    ledger = open_ledger(demo, clock)
    with ledger.session() as session:
        build_demo(session, system_actor("bench"))
    with ledger.session() as session:
        t = time.perf_counter()
        result = replay(session, Period(2026, 2), Period(2026, 10))
        show("demo ledger (37 tasks)", result, time.perf_counter() - t)
    ledger.dispose()

    generated = folder / "generated.sqlite3"
    generate(generated, args.tasks)
    ledger = open_ledger(generated, clock)
    with ledger.session() as session:
        t = time.perf_counter()
        result = replay(session, Period(2026, 2), Period(2026, 10))
        show(
            f"generated ledger ({args.tasks} tasks, courses: {', '.join(COURSES)})",
            result,
            time.perf_counter() - t,
        )
    ledger.dispose()


if __name__ == "__main__":
    main()
