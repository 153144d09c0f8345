"""Logout, shutdown or `kill` (SIGTERM, SIGHUP) end the desk as the idle lock's quit does.

Python's default for SIGTERM is to die at once: no ``finally``, no ``atexit``, so the run's empty
crash file stayed behind and the next start told the clerk that the desk had crashed, with
nothing in the record (seen after `timeout 6 duban gui` in CI). Here the signal wakes Qt's event
loop through a socket (``signal.set_wakeup_fd``; a Python handler alone would wait for the next
Python code to run), what the clerk typed is kept and offered at the next sign-in
(``unsaved.keep_for_later``, as at the idle lock: nobody is there to answer a question), and
every event loop exits, so the ledger is closed and the lock released as on any quit. Windows ends a
session through Qt's own messages, not signals: nothing is installed there."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
import threading
from types import FrameType

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

from desktop.cli import ENDING_SIGNALS

log = logging.getLogger(__name__)


def end_on_terminate(app: QApplication) -> bool:
    """Install the handlers (once per application); False where signals do not end sessions."""
    if sys.platform == "win32" or hasattr(app, "_duban_signal_socket"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:  # Python runs the pending handler (below) while this runs
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier.activated.connect(drain)

    def terminated(signum: int, _frame: FrameType | None) -> None:
        log.info("收到结束信号 %s：保存填写内容后退出", signal.Signals(signum).name)
        keep_typed_work(app)
        app.exit(0)  # every event loop, the sign-in's too; quit() would ask each window to close

    for name in ENDING_SIGNALS:
        signal.signal(getattr(signal, name), terminated)
    app._duban_signal_socket = (reader, writer, notifier)  # type: ignore[attr-defined]
    return True


def keep_typed_work(app: QApplication) -> None:
    from desktop.ui.unsaved import keep_for_later

    for widget in app.topLevelWidgets():
        holders = getattr(widget, "unsaved_holders", None)
        if callable(holders):
            keep_for_later(holders())
