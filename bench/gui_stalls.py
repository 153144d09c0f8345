"""GUI actions on a big ledger, with the longest GUI-thread stall of each:
`python -m bench.gui_stalls [--tasks 2000 100000] [--keep DIR]`.

Offscreen, in one process per scale: a 5 ms timer on the GUI thread records when it gets to
run; an action's stall is the longest gap between its ticks (the synchronous part counts as
one gap), its time is until it and any background work it started are done. Actions: sign-in
to the painted window (start page 首页), open 任务台账, filter 红灯, sort by 亮灯, open 进度报送,
switch its unit, F5 there (every page reloads), save a percent typed into its grid (as 保存本期进度
does: in a worker, then every page reloads), and sign-in again with 进度报送 as the remembered
start page. Window settings go to a temporary folder, not the user's."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import PYCACHE  # noqa: E402

# The window's modules load as an installed program's do, from bytecode (bench/common.py): a
# shell with PYTHONDONTWRITEBYTECODE would make each first page open compile its sources.
sys.dont_write_bytecode = False
sys.pycache_prefix = str(PYCACHE)

from bench import big_ledger  # noqa: E402
from bench.common import header  # noqa: E402

NEEDED_2000 = {"open 任务台账": 100, "filter 红灯": 50, "sort by 亮灯": 100}


class StallWatch:
    """``--why``: a thread that, while the GUI thread's timer is late by over 200 ms, samples the
    GUI thread's Python stack every 50 ms; ``report()`` prints the most frequent ones. A stack
    ending in the event loop means the GUI thread was in Qt's own code or waiting for the GIL."""

    def __init__(self) -> None:
        import collections
        import threading

        self.gui = threading.get_ident()
        self.last = time.perf_counter()
        self.samples: collections.Counter[str] = collections.Counter()
        threading.Thread(target=self._watch, daemon=True).start()

    def tick(self) -> None:
        self.last = time.perf_counter()

    def _watch(self) -> None:
        import sys
        import traceback

        while True:
            time.sleep(0.05)
            frame = sys._current_frames().get(self.gui)
            if frame is not None and time.perf_counter() - self.last > 0.2:
                stack = traceback.extract_stack(frame)[-6:]
                self.samples[
                    " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in stack[::-1])
                ] += 1

    def report(self) -> None:
        for stack, count in self.samples.most_common(5):
            print(f"       {count * 50:6d} ms  {stack}")
        self.samples.clear()


WATCH: StallWatch | None = None


def stall_of(action: Callable[[], object]) -> tuple[float, float, float]:
    """(seconds until done, longest seconds the GUI thread did not get to its timer, CPU
    seconds of the whole process meanwhile: on a loaded machine the wall is others' turns)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.calls import running_jobs

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    if WATCH is not None:
        timer.timeout.connect(WATCH.tick)
        WATCH.tick()
    timer.start()
    start, cpu = time.perf_counter(), time.process_time()
    action()
    ticks.append(time.perf_counter())
    while running_jobs():
        QApplication.processEvents()
        time.sleep(0.002)
    for _ in range(3):
        QApplication.processEvents()
    end, cpu = time.perf_counter(), time.process_time() - cpu
    timer.stop()
    points = [start, *ticks, end]
    if WATCH is not None:
        WATCH.report()
    return end - start, max(b - a for a, b in zip(points, points[1:], strict=False)), cpu


def settle() -> None:
    """Let the start-up work queued behind the window (the audit chain's check after 1 s, the
    rolling backup after 2 s) run and finish, so that it is not counted in the next action."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui import chain_banner
    from desktop.ui.calls import running_jobs

    until = time.perf_counter() + 2.5
    while time.perf_counter() < until or running_jobs() or chain_banner._running:
        QApplication.processEvents()
        time.sleep(0.01)


def measure(path: Path, tasks: int) -> list[tuple[str, float, float, float]]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.services.enums import LampColor
    from desktop.services.ledger import open_ledger
    from desktop.services.overview import TaskFilter
    from desktop.ui import app as desk_app
    from desktop.ui.auth.sign_in import SignInDialog
    from desktop.ui.progress.model import PERCENT

    settings = tempfile.TemporaryDirectory()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings.name)
    app = desk_app.create_app()  # kept: the QApplication must outlive the window
    from desktop.ui import calls

    # An error would open a modal box offscreen and wait for ever: print it instead.
    def print_error(_parent: object, error: BaseException) -> str:
        print(f"     (error: {error})")
        return ""

    calls.show_error = print_error  # type: ignore[assignment]
    clock = big_ledger.CLOCK
    ledger = open_ledger(path, clock)
    found: list[tuple[str, float, float, float]] = []
    holder: dict[str, object] = {}

    def sign_in() -> None:
        dialog = SignInDialog(ledger)  # as the clerk does: the password is checked off-thread
        dialog.show()
        dialog.username.setText("clerk")
        dialog.password.setText("duban-clerk")
        dialog.accept()
        assert dialog.actor is not None, dialog.error.text()
        window = desk_app.show_main_window(ledger, clock, dialog.actor)
        window.resize(1366, 768)
        holder["window"] = window
        QApplication.processEvents()

    found.append(("sign-in to the main window", *stall_of(sign_in)))
    settle()
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
    reports = window.pages["reports"]  # type: ignore[attr-defined]
    other = (reports.unit.currentIndex() + 1) % max(reports.unit.count(), 1)
    found.append(
        ("switch unit on 进度报送", *stall_of(lambda: reports.unit.setCurrentIndex(other)))
    )
    found.append(("F5 on 进度报送", *stall_of(window.data_changed)))  # type: ignore[attr-defined]
    grid = reports.model
    row = next(r for r, line in enumerate(grid.lines) if line.grid.previous_percent is not None)
    before = grid.lines[row].grid.previous_percent
    grid.setData(grid.index(row, PERCENT), str(min(100, before + 1)))

    def save() -> None:
        reports.save()

    found.append(("save a typed percent", *stall_of(save)))
    window.close()  # type: ignore[attr-defined]  # remembers 进度报送 as the page to start on
    found.append(("sign-in, 进度报送 remembered", *stall_of(sign_in)))
    window = holder["window"]
    window.close()  # type: ignore[attr-defined]
    app.processEvents()
    ledger.dispose()
    settings.cleanup()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, nargs="*", default=[2000, 100_000])
    parser.add_argument("--keep", type=Path, help="build (or reuse) the ledgers in this folder")
    parser.add_argument("--why", action="store_true", help="print the GUI stacks of each stall")
    args = parser.parse_args()
    global WATCH
    WATCH = StallWatch() if args.why else None
    header("GUI actions (offscreen): time until done (wall; CPU) / longest GUI-thread stall")
    print(f"   load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
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
            for label, seconds, stall, cpu in measure(path, n):
                needed = NEEDED_2000.get(label) if n <= 2000 else None
                need = f"needed ≤ {needed} ms" if needed else "needed stall ≤ 300 ms"
                print(f"     {label:<32} {seconds * 1000:8.0f} ms; CPU {cpu * 1000:6.0f} ms"
                      f"   stall {stall * 1000:6.0f} ms   {need}")  # fmt: skip


if __name__ == "__main__":
    main()
