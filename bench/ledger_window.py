"""Measure the desk on a big ledger: `python -m bench.ledger_window [--tasks 100000]`.

Builds the big ledger (bench/big_ledger.py), then times the ledger table and the dashboard
offscreen."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.big_ledger import CLOCK, build  # noqa: E402
from desktop.services import auth  # noqa: E402
from desktop.services.enums import LampColor  # noqa: E402
from desktop.services.ledger import open_ledger  # noqa: E402
from desktop.services.overview import TaskFilter  # noqa: E402


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
    from desktop.ui.task_ledger.page import TaskLedgerPage

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
    assert isinstance(page, TaskLedgerPage)
    table, model = page.table, page.model

    def scroll_to_end() -> None:
        table.scrollToBottom()
        app.processEvents()

    timed("scroll to the end (fetch batches)", scroll_to_end)
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
