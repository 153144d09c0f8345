"""Measure the desk on a big ledger: `python -m desktop.ui.bench [--tasks 100000]`.

Builds the demo ledger, clones its tasks (with their last three reports) up to N tasks by plain
SQL — a fixture for timing only, not a way to write a ledger — then times the ledger table and
the dashboard offscreen."""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.services import auth  # noqa: E402
from desktop.services.clock import FixedClock  # noqa: E402
from desktop.services.demo import build as demo  # noqa: E402
from desktop.services.enums import LampColor  # noqa: E402
from desktop.services.ledger import open_ledger  # noqa: E402
from desktop.services.overview import TaskFilter  # noqa: E402

CLOCK = FixedClock(datetime(2026, 11, 28, 9, 0))


def build(path: Path, tasks: int) -> None:
    ledger = open_ledger(path, CLOCK)
    with ledger.session() as session:
        demo.build_demo(session, auth.system_actor("基准"))
    ledger.dispose()
    if tasks <= 37:
        return
    db = sqlite3.connect(path)
    columns = "project_id, title, target, lead_unit_id, leader_in_charge, start, deadline, status, closed_on, note"
    copies = (tasks - 37 + 36) // 37
    for n in range(1, copies + 1):
        db.execute(
            f"INSERT INTO task (code, {columns}) SELECT code || '-' || ?, {columns} FROM task WHERE id <= 37",
            (f"{n:05d}",),
        )
        db.execute(
            "INSERT INTO progress_report (task_id, period, percent, progress, problems, next_steps,"
            " fall_reason, submitted_on, source, source_file, source_sha256, recorded_at)"
            " SELECT t.id, r.period, r.percent, r.progress, r.problems, r.next_steps, r.fall_reason,"
            " r.submitted_on, r.source, r.source_file, r.source_sha256, r.recorded_at"
            " FROM task t JOIN task o ON o.code = substr(t.code, 1, 5)"
            " JOIN progress_report r ON r.task_id = o.id AND r.period >= '2026-09'"
            " WHERE t.code LIKE '%-' || ?",
            (f"{n:05d}",),
        )
    db.execute("DELETE FROM task WHERE id > ?", (tasks,))
    # Plain SQL has no foreign keys on: drop the reports of the clones cut off above too.
    db.execute("DELETE FROM progress_report WHERE task_id > ?", (tasks,))
    db.commit()
    db.close()


def timed(label: str, action: Callable[[], object]) -> float:
    """Wall time until the action and any background load it started are done."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.calls import running_jobs

    start = time.perf_counter()
    action()
    while running_jobs():  # lamp-wide loads run in a worker thread on a large ledger
        QApplication.processEvents()
        time.sleep(0.005)
    QApplication.processEvents()
    seconds = time.perf_counter() - start
    print(f"  {label:<34} {seconds * 1000:9.0f} ms")
    return seconds


def measure(path: Path, tasks: int) -> None:
    from desktop.ui.app import create_app
    from desktop.ui.desk import Desk
    from desktop.ui.main_window import MainWindow

    app = create_app()
    ledger = open_ledger(path, CLOCK)
    desk = Desk(ledger, CLOCK, auth.system_actor("基准"))
    print(f"台账 {tasks} 项任务：")
    window = MainWindow(desk, remember=False)
    window.resize(1366, 768)
    window.show()
    timed(
        "build + show 任务台账 (first batch)",
        lambda: (window.show_page("tasks"), app.processEvents()),
    )
    page = window.pages["tasks"]
    table, model = page.table, page.model
    timed(
        "scroll to the end (fetch batches)", lambda: (table.scrollToBottom(), app.processEvents())
    )
    deadline = [c.header for c in model.columns].index("完成时限")
    timed(
        "sort by 完成时限 (SQL)",
        lambda: table.sortByColumn(deadline, table.horizontalHeader().sortIndicatorOrder()),
    )
    timed("search “网格”", lambda: page.apply_filter(TaskFilter(text="网格")))
    timed(
        "filter 红灯 (every lamp computed)",
        lambda: page.apply_filter(TaskFilter(lamp=LampColor.RED)),
    )
    page.apply_filter(TaskFilter())
    lamp = [c.header for c in model.columns].index("亮灯")
    timed(
        "sort by 亮灯 (every lamp computed)",
        lambda: table.sortByColumn(lamp, table.horizontalHeader().sortIndicatorOrder()),
    )
    timed(
        "工作台 (dashboard) refresh", lambda: (window.show_page("dashboard"), app.processEvents())
    )
    window.close()
    ledger.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, nargs="*", default=[37, 100_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for n in args.tasks:
            path = Path(folder) / f"bench-{n}.sqlite3"
            start = time.perf_counter()
            build(path, n)
            print(f"(built {n} tasks in {time.perf_counter() - start:.1f} s)")
            measure(path, n)


if __name__ == "__main__":
    main()
