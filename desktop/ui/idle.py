"""What waits for a pause (no input for a second, no background work): garbage collection, and
the page a clerk opens most, built ahead so that its first open only loads and paints.

CPython's full (generation-2) collection walks every container object the program holds and
stops every thread meanwhile: at 100,000 tasks 15 of them came during one sign-in, 0.1–0.8 s
each, while the lamp recompute ran in a worker (bench/gui_stalls.py --why), and they freed
nothing (what they walk is live rows: the 工作台's 19,000 red tasks alone are 57,000 objects,
about 100 ms of CPU a walk). So, once the main window is up, automatic full collections are
off (the young generations still collect as usual: they are small) and what exists is frozen
(``gc.freeze``: out of every later walk, at no cost); at each pause what has lived through it is
frozen too. Only at a long pause (a minute without input) is everything unfrozen and walked
once, so that a cycle frozen while alive and dropped since is freed after all. Nothing here
runs beside a background job; and a worker hands the GIL to the GUI thread within a
millisecond (``SWITCH_S``) rather than CPython's five."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from desktop.services.heap import DEFAULT_FULL, NEVER, set_full_threshold
from desktop.ui.auth.idle_lock import seconds_since_input
from desktop.ui.calls import busy

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

__all__ = ["DEFAULT_FULL", "NEVER", "IdleWork", "install", "installed"]
IDLE_S = 1.0  # seconds without input that count as a pause
LONG_IDLE_S = 60.0  # …and as a long one: the whole heap is walked (0.2 s of CPU at 100,000)
CHECK_MS = 500
# How soon a thread holding the GIL must hand it over to one waiting for it (CPython's default
# is 5 ms): the GUI thread waits behind a worker for its every timer, paint and key press, and
# with two busy workers on a loaded PC the sign-in at 100,000 tasks stalled 0.5–0.75 s at 5 ms,
# 0.23 s at 1 ms (bench/gui_stalls.py). Without a waiter nothing is handed over at all.
SWITCH_S = 0.001
# Built ahead (not loaded) after the start page has filled: 任务台账 took 40–60 ms of its
# 100–125 ms first open at 2,000 tasks to build its widgets and filter lists. (进度报送 built
# ahead gained as much on its open as its first unit switch then lost, so it is not.)
PAGES_AHEAD = ("tasks",)

_installed: IdleWork | None = None


class IdleWork(QObject):
    """Every ``CHECK_MS`` at a pause: freeze what lived through it, or at a long pause walk the
    whole heap once, or build the next page ahead."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.sweeps = 0  # whole-heap collections run here (diagnostics, tests)
        self.swept = False  # …in this long pause
        self.promoted = gc.get_count()[2]  # younger collections counted when last frozen
        self.windows: list[MainWindow] = []  # whose pages are still to be built ahead
        set_full_threshold(NEVER)
        self.switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_S)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        if busy():
            return
        since = seconds_since_input()
        if since < LONG_IDLE_S:
            self.swept = False
        if since < IDLE_S:
            return
        if since >= LONG_IDLE_S and not self.swept:
            self.sweep()
        elif gc.get_count()[2] != self.promoted:  # objects left the young generations
            self.freeze()
        else:
            self.build_ahead()

    def freeze(self) -> None:
        gc.freeze()
        self.promoted = gc.get_count()[2]

    def sweep(self) -> None:
        self.swept = True
        gc.unfreeze()
        gc.collect()
        self.sweeps += 1
        self.freeze()

    def build_ahead(self) -> bool:
        """Build the next page ahead in the first window that still has one to build."""
        self.windows = [w for w in self.windows if isValid(w) and w.isVisible()]
        for window in [w for w in self.windows if w.signed_in]:  # not behind the idle lock
            start = window.pages.get(window.start_key)
            if start is None or start.stale or getattr(start, "loading", False):
                continue  # the start page first: it is what the clerk waits for
            allowed = {s.key for s in window.specs}
            todo = [k for k in PAGES_AHEAD if k in allowed and k not in window.pages]
            if todo:
                window.page(todo[0])
                return True
        return False

    def uninstall(self) -> None:
        """Automatic collections as CPython has them (tests; a process that closes its desk)."""
        global _installed
        self.timer.stop()
        set_full_threshold(DEFAULT_FULL)
        sys.setswitchinterval(self.switch_interval)
        gc.unfreeze()
        _installed = None
        self.deleteLater()


def install(window: MainWindow) -> IdleWork | None:
    """When a main window is up: freeze what exists, and (once per process) start the idle work;
    the window's pages are built ahead at the next pauses. None without a QApplication."""
    global _installed
    gc.freeze()
    app = QApplication.instance()
    if _installed is None and isinstance(app, QApplication):
        _installed = IdleWork(app)
    if _installed is not None:
        _installed.windows.append(window)
    return _installed


def installed() -> IdleWork | None:
    return _installed
