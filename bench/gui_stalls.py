"""GUI actions on a big ledger, with the longest GUI-thread stall of each:
`python -m bench.gui_stalls [--tasks 2000 100000] [--keep DIR] [--rounds 3] [--why]`.

Offscreen, one fresh process per scale and round (a 100,000-task run must not inherit the heap a
2,000-task run left), the rounds interleaved so that a neighbour's load hits every scale alike;
printed per action: the median and range over the rounds. In each process a 5 ms timer on the
GUI thread records when it gets to run; an action's stall is the longest gap between its ticks
(the synchronous part counts as one gap), its time is until it and any background work it
started are done. Actions: sign-in from pressing OK (name and password typed, the window's
modules preloaded as while a clerk types) to the painted window with its start page (工作台)
filled, open 任务台账, filter 红灯, sort by 亮灯, open 进度报送, switch its unit, F5 there (every
page reloads), save a percent typed into its grid (as 保存本期进度 does: in a worker, then every
page reloads), and sign-in again with 进度报送 as the remembered start page. Window settings go to
a temporary folder, not the user's. Each action begins with a mouse move through the
application, as the click that starts it would (the desk's idle work waits for a pause in
input). ``--why`` samples the GUI thread's stack while its timer is late during a measured
action, names the full garbage collections that ran in it and the GUI thread's own CPU."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import PYCACHE, PYTHON, ROOT  # noqa: E402

# The window's modules load as an installed program's do, from bytecode (bench/common.py): a
# shell with PYTHONDONTWRITEBYTECODE would make each first page open compile its sources.
sys.dont_write_bytecode = False
sys.pycache_prefix = str(PYCACHE)

from bench import big_ledger  # noqa: E402
from bench.common import header  # noqa: E402

NEEDED_2000 = {"open 任务台账": 100, "filter 红灯": 50, "sort by 亮灯": 100}
RESULT = "RESULT "  # the child's last line: its figures as JSON


class StallWatch:
    """``--why``: while an action is measured, a thread samples the GUI thread's Python stack
    every 50 ms whenever the GUI thread's timer is late by over 200 ms, and gc.callbacks time
    every full collection; ``report()`` prints the most frequent stacks and the collections. A
    stack ending in the event loop means the GUI thread was in Qt's own code or waiting for the
    GIL."""

    def __init__(self) -> None:
        import collections
        import gc
        import threading

        self.gui = threading.get_ident()
        self.last = time.perf_counter()
        self.active = False
        self.samples: collections.Counter[str] = collections.Counter()
        self.collections: list[float] = []
        self._gc_start = 0.0
        gc.callbacks.append(self._gc)
        threading.Thread(target=self._watch, daemon=True).start()

    def start(self) -> None:
        self.tick()
        self.active = True

    def stop(self) -> None:
        self.active = False

    def tick(self) -> None:
        self.last = time.perf_counter()

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if info.get("generation") != 2 or not self.active:
            return
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self.collections.append(time.perf_counter() - self._gc_start)

    def _watch(self) -> None:
        import traceback

        while True:
            time.sleep(0.05)
            frame = sys._current_frames().get(self.gui)
            late = time.perf_counter() - self.last > 0.2
            if self.active and frame is not None and late:
                stack = traceback.extract_stack(frame)[-6:]
                self.samples[
                    " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in stack[::-1])
                ] += 1

    def report(self) -> list[str]:
        lines = [f"{count * 50:6d} ms  {stack}" for stack, count in self.samples.most_common(5)]
        if self.collections:
            longest = max(self.collections) * 1000
            lines.append(f"full GCs: {len(self.collections)}, longest {longest:.0f} ms")
        self.samples.clear()
        self.collections.clear()
        return lines


WATCH: StallWatch | None = None


def stall_of(
    action: Callable[[], object], until: Callable[[], bool] = lambda: True
) -> dict[str, Any]:
    """Seconds until done (the action returned, no background job runs and ``until()`` holds),
    the longest seconds the GUI thread did not get to its timer, and the CPU seconds of the
    whole process meanwhile (on a loaded machine the wall is others' turns)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.calls import running_jobs

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    if WATCH is not None:
        timer.timeout.connect(WATCH.tick)
        WATCH.start()
    timer.start()
    clerk_input()
    start, cpu, own = time.perf_counter(), time.process_time(), time.thread_time()
    action()
    ticks.append(time.perf_counter())
    while running_jobs() or not until():
        QApplication.processEvents()
        time.sleep(0.002)
    for _ in range(3):
        QApplication.processEvents()
    end, cpu, own = time.perf_counter(), time.process_time() - cpu, time.thread_time() - own
    timer.stop()
    why: list[str] = []
    if WATCH is not None:
        WATCH.stop()
        why = [*WATCH.report(), f"GUI thread's own CPU {own * 1000:.0f} ms"]
    points = [start, *ticks, end]
    stall = max(b - a for a, b in zip(points, points[1:], strict=False))
    return {"wall": end - start, "stall": stall, "cpu": cpu, "why": why}


def clerk_input() -> None:
    """What a click does before the action it starts: an input event through the application
    (the desk waits for a pause in input before idle work, desktop/ui/idle.py)."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    target = QApplication.activeWindow() or next(
        (w for w in QApplication.topLevelWidgets() if w.isVisible()), None
    )
    if target is not None:
        point = QPointF(1, 1)
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            point,
            point,
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target, move)


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


def measure(path: Path) -> list[tuple[str, dict[str, Any]]]:
    import importlib

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
    found: list[tuple[str, dict[str, Any]]] = []
    holder: dict[str, Any] = {}

    def sign_in(label: str) -> None:
        """As the clerk does: the dialog painted, name and password typed while the window's
        modules load (app.Opening), then OK — the password checked off-thread — to the window
        with its start page filled."""
        from desktop.ui.auth.after_sign_in import complete_sign_in
        from desktop.ui.desk import Desk

        dialog = SignInDialog(ledger)
        dialog.show()
        dialog.username.setText("clerk")
        dialog.password.setText("duban-clerk")
        for module in desk_app.PRELOAD:
            importlib.import_module(module)
        QApplication.processEvents()

        def press_ok() -> None:
            dialog.accept()
            assert dialog.actor is not None, dialog.error.text()
            complete_sign_in(None, Desk(ledger, clock, dialog.actor))
            window = desk_app.show_main_window(ledger, clock, dialog.actor)
            window.resize(1366, 768)
            holder["window"] = window

        def start_page_filled() -> bool:
            window = holder["window"]
            page = window.pages.get(window.start_key)  # type: ignore[attr-defined]
            return page is not None and not page.stale and not getattr(page, "loading", False)

        found.append((label, stall_of(press_ok, start_page_filled)))

    sign_in("sign-in to the main window")
    settle()
    window = holder["window"]
    found.append(("open 任务台账", stall_of(lambda: window.show_page("tasks"))))  # type: ignore[attr-defined]
    page = window.pages["tasks"]  # type: ignore[attr-defined]
    found.append(
        ("filter 红灯", stall_of(lambda: page.apply_filter(TaskFilter(lamp=LampColor.RED))))
    )
    page.apply_filter(TaskFilter())
    table, model = page.table, page.model
    lamp = [c.header for c in model.columns].index("亮灯")
    order = table.horizontalHeader().sortIndicatorOrder()
    found.append(("sort by 亮灯", stall_of(lambda: table.sortByColumn(lamp, order))))
    found.append(("open 进度报送", stall_of(lambda: window.show_page("reports"))))  # type: ignore[attr-defined]
    reports = window.pages["reports"]  # type: ignore[attr-defined]
    other = (reports.unit.currentIndex() + 1) % max(reports.unit.count(), 1)
    found.append(("switch unit on 进度报送", stall_of(lambda: reports.unit.setCurrentIndex(other))))
    found.append(("F5 on 进度报送", stall_of(window.data_changed)))  # type: ignore[attr-defined]
    grid = reports.model
    row = next(r for r, line in enumerate(grid.lines) if line.grid.previous_percent is not None)
    before = grid.lines[row].grid.previous_percent
    grid.setData(grid.index(row, PERCENT), str(min(100, before + 1)))
    found.append(("save a typed percent", stall_of(reports.save)))
    window.close()  # type: ignore[attr-defined]  # remembers 进度报送 as the page to start on
    sign_in("sign-in, 进度报送 remembered")
    settle()
    window = holder["window"]
    window.close()  # type: ignore[attr-defined]
    app.processEvents()
    from desktop.ui import chain_banner

    calls.wait_for_running_work()  # a worker still running at exit aborts the process
    chain_banner.wait_for_checks()
    ledger.dispose()
    settings.cleanup()
    return found


def one(source: Path) -> None:
    """The child: measure on a copy of ``source`` (the save writes), figures as one JSON line."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / source.name
        shutil.copy(source, path)
        found = measure(path)
    print(RESULT + json.dumps(found, ensure_ascii=False), flush=True)


def run_child(source: Path, why: bool) -> list[tuple[str, dict[str, Any]]]:
    argv = [PYTHON, "-m", "bench.gui_stalls", "--one", str(source)] + (["--why"] if why else [])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    lines = done.stdout.splitlines()
    if done.returncode != 0 or not lines or not lines[-1].startswith(RESULT):
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    for line in lines[:-1]:
        if line.strip():
            print(f"     | {line}")
    noise = ("This plugin does not support", "Traceback", "The above exception")
    for line in done.stderr.splitlines():  # what went wrong in the child, a line each
        if line.strip() and not line[0].isspace() and not line.startswith(noise):
            print(f"     ! {line[:160]}")
    return [(label, figures) for label, figures in json.loads(lines[-1][len(RESULT) :])]


def spread(values: list[float]) -> str:
    """Median, and the range when there was more than one run: '125 (98–160)' ms."""
    text = f"{statistics.median(values) * 1000:6.0f}"
    if len(values) > 1:
        text += f" ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"
    return f"{text:<17}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, nargs="*", default=[2000, 100_000])
    parser.add_argument("--keep", type=Path, help="build (or reuse) the ledgers in this folder")
    parser.add_argument("--rounds", type=int, default=3, help="processes per scale (median)")
    parser.add_argument("--why", action="store_true", help="print the GUI stacks of each stall")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # a child's ledger
    args = parser.parse_args()
    global WATCH
    if args.one is not None:
        WATCH = StallWatch() if args.why else None
        one(args.one)
        return
    header("GUI actions (offscreen): ms until done (wall; CPU) / longest GUI-thread stall")
    print(f"   load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; {args.rounds} "
          "processes per scale, interleaved: median (min–max)")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        sources = {n: folder / f"bench-{n}.sqlite3" for n in args.tasks}
        for n, source in sources.items():
            if not source.exists():
                big_ledger.build(source, n)
        runs: dict[int, list[list[tuple[str, dict[str, Any]]]]] = {n: [] for n in sources}
        for round_ in range(args.rounds):
            for n, source in sources.items():
                if args.why:
                    print(f"   {n} tasks, round {round_ + 1}:")
                runs[n].append(run_child(source, args.why))
                if args.why:
                    for label, figures in runs[n][-1]:
                        for line in figures["why"]:
                            print(f"     {label}: {line}")
    for n, found in runs.items():
        print(f"\n   {n} tasks:               wall               CPU                stall")
        for i, (label, _) in enumerate(found[0]):
            per_run = [run[i][1] for run in found]
            wall, cpu, stall = ([float(f[k]) for f in per_run] for k in ("wall", "cpu", "stall"))
            needed = NEEDED_2000.get(label) if n <= 2000 else None
            need = f"needed ≤ {needed} ms" if needed else "needed stall ≤ 300 ms"
            print(f"     {label:<30} {spread(wall)} {spread(cpu)} {spread(stall)} {need}")


if __name__ == "__main__":
    main()
