"""GUI actions on a big ledger, with the longest GUI-thread stall of each:
`python -m bench.gui_stalls [--tasks 2000 100000] [--keep DIR]`.

Offscreen, in one process per scale: a 5 ms timer on the GUI thread records when it gets to
run; an action's stall is the longest gap between its ticks (the synchronous part counts as
one gap), its time is until it and any background work it started are done. Actions: sign-in
to the painted window, open 任务台账, filter 红灯, sort by 亮灯, open 进度报送, F5 (every page
reloads), save (a progress report through the service, then every page reloads)."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import big_ledger  # noqa: E402
from bench.common import header  # noqa: E402

NEEDED_2000 = {"open 任务台账": 100, "filter 红灯": 50, "sort by 亮灯": 100}


def stall_of(action: Callable[[], object]) -> tuple[float, float]:
    """(seconds until done, longest seconds the GUI thread did not get to its timer)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.calls import running_jobs

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    action()
    ticks.append(time.perf_counter())
    while running_jobs():
        QApplication.processEvents()
        time.sleep(0.002)
    for _ in range(3):
        QApplication.processEvents()
    end = time.perf_counter()
    timer.stop()
    points = [start, *ticks, end]
    return end - start, max(b - a for a, b in zip(points, points[1:], strict=False))


def measure(path: Path, tasks: int) -> list[tuple[str, float, float]]:
    from PySide6.QtWidgets import QApplication

    from desktop.services import identity, progress
    from desktop.services.enums import LampColor
    from desktop.services.ledger import open_ledger
    from desktop.services.overview import TaskFilter
    from desktop.ui import app as desk_app
    from desktop.ui.calls import write

    app = desk_app.create_app()  # kept: the QApplication must outlive the window
    from desktop.ui import calls

    # An error would open a modal box offscreen and wait for ever: print it instead.
    def print_error(_parent: object, error: BaseException) -> str:
        print(f"     (error: {error})")
        return ""

    calls.show_error = print_error  # type: ignore[assignment]
    clock = big_ledger.CLOCK
    ledger = open_ledger(path, clock)
    found: list[tuple[str, float, float]] = []
    holder: dict[str, object] = {}

    def sign_in() -> None:
        with ledger.session() as session:
            actor = identity.sign_in(session, "clerk", "duban-clerk")
        window = desk_app.show_main_window(ledger, clock, actor)
        window.resize(1366, 768)
        holder["window"] = window
        QApplication.processEvents()

    found.append(("sign-in to the main window", *stall_of(sign_in)))
    window = holder["window"]
    found.append(("open 任务台账", *stall_of(lambda: window.show_page("tasks"))))  # type: ignore[attr-defined]
    page = window.pages["tasks"]  # type: ignore[attr-defined]
    found.append(
        ("filter 红灯", *stall_of(lambda: page.apply_filter(TaskFilter(lamp=LampColor.RED))))
    )
    page.apply_filter(TaskFilter())
    table, model = page.table, page.model
    lamp = [c.header for c in model.columns].index("亮灯")
    found.append(
        (
            "sort by 亮灯",
            *stall_of(
                lambda: table.sortByColumn(lamp, table.horizontalHeader().sortIndicatorOrder())
            ),
        )
    )
    found.append(("open 进度报送", *stall_of(lambda: window.show_page("reports"))))  # type: ignore[attr-defined]
    found.append(("F5 (every page reloads)", *stall_of(window.data_changed)))  # type: ignore[attr-defined]
    first = model.row(0) if hasattr(model, "row") else None
    task_id = getattr(first, "id", 1)

    desk = window.desk  # type: ignore[attr-defined]
    with desk.session() as session:
        before, _ = progress.previous_percent(session, task_id, "2026-11")
    percent = min(100, (before or 0) + 1)

    def save() -> None:
        report = progress.ReportInput(task_id, "2026-11", percent, progress="基准保存")
        write(window, desk, window, lambda s: progress.record_report(s, desk.actor, report))  # type: ignore[arg-type]

    found.append(("save a progress report", *stall_of(save)))
    window.close()  # type: ignore[attr-defined]
    app.processEvents()
    ledger.dispose()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, nargs="*", default=[2000, 100_000])
    parser.add_argument("--keep", type=Path, help="build (or reuse) the ledgers in this folder")
    args = parser.parse_args()
    header("GUI actions (offscreen): time until done / longest GUI-thread stall")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        for n in args.tasks:
            source = folder / f"bench-{n}.sqlite3"
            if not source.exists():
                big_ledger.build(source, n)
            path = Path(tmp) / f"gui-{n}.sqlite3"  # the save writes: work on a copy
            import shutil

            shutil.copy(source, path)
            print(f"\n   {n} tasks:")
            for label, seconds, stall in measure(path, n):
                needed = NEEDED_2000.get(label) if n <= 2000 else None
                need = f"needed ≤ {needed} ms" if needed else "needed stall ≤ 300 ms"
                print(f"     {label:<32} {seconds * 1000:8.0f} ms   stall {stall * 1000:6.0f} ms"
                      f"   {need}")  # fmt: skip


if __name__ == "__main__":
    main()
