"""Run a service call off the GUI thread with a progress dialog and cancel, then refresh the views.

Usage (anywhere in the GUI)::

    run_in_background(window, tr("正在导入…"), lambda progress: excel.import_reports(...),
                      done=lambda outcome: ..., refresh=window.data_changed)

The work function receives a ``Progress``: call ``progress.report(done, total, text)`` to move the
bar and ``progress.check()`` between steps; after cancel, ``check()`` raises ``Cancelled`` and
the service's transaction rolls back, so nothing is half-written.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.ui.errors import show_error
from desktop.ui.i18n import tr

T = TypeVar("T")
log = logging.getLogger(__name__)
_running: set[Job] = set()  # keep jobs alive until they finish


class Cancelled(Exception):
    """The clerk pressed 取消; raised inside the work function by Progress.check()."""


class Progress:
    """Handed to the work function; safe to call from the worker thread."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._cancel = threading.Event()
        self._emit = emit

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        self.check()
        self._emit(done, total, text)


class _Thread(QThread):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.progress = Progress(self.progressed.emit)

    def run(self) -> None:
        try:
            self.succeeded.emit(self.work(self.progress))
        except BaseException as error:  # handed to the GUI thread, never lost
            self.failed.emit(error)


class Job(QObject):
    """One background call; ``finished`` is True once its result or error has been handled."""

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Callable[[Progress], T],
        done: Callable[[T], None] | None,
        refresh: Callable[[], None] | None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__()
        self.parent_widget, self.done_callback, self.refresh = parent, done, refresh
        self.failed_callback = failed
        self.finished = False
        self.cancelled = False
        self.error: BaseException | None = None
        self.result: T | None = None
        self.dialog = QProgressDialog(label, tr("取消"), 0, 0, parent)
        self.dialog.setWindowTitle(tr("督办台"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)  # quick calls never flash a dialog
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.thread = _Thread(work)
        self.dialog.canceled.connect(self._cancel)
        self.thread.succeeded.connect(self._succeeded)
        self.thread.failed.connect(self._failed)
        self.thread.progressed.connect(self._progressed)

    def start(self) -> Job:
        _running.add(self)
        self.thread.start()
        return self

    @Slot()
    def _cancel(self) -> None:
        self.thread.progress.cancel()
        self.dialog.setLabelText(tr("正在取消，请稍候…"))

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    @Slot(object)
    def _succeeded(self, result: T) -> None:
        self.result = result
        self._close()
        try:
            if self.done_callback is not None:
                self.done_callback(result)
        finally:
            if self.refresh is not None:
                self.refresh()
            self.finished = True

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._close()
        self.finished = True
        if isinstance(error, Cancelled):
            self.cancelled = True
            return
        self.error = error
        show_error(self.parent_widget, error)
        if self.failed_callback is not None:
            self.failed_callback(error)

    def _close(self) -> None:
        self.thread.wait()
        self.dialog.reset()
        self.dialog.close()
        _running.discard(self)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """For tests and shutdown: block until the worker thread is done."""
        return self.thread.wait(timeout_ms)


def run_in_background(
    parent: QWidget | None,
    label: str,
    work: Callable[[Progress], T],
    done: Callable[[T], None] | None = None,
    refresh: Callable[[], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
) -> Job:
    """Start ``work`` in a worker thread; ``done``/``failed`` run on the GUI thread afterwards."""
    return Job(parent, label, work, done, refresh, failed).start()
