"""The one way a widget runs a service call: errors shown, slow calls off the GUI thread.

- ``call(parent, work)``: a quick call on the GUI thread. A domain error goes next to its field
  (``error_label`` + ``fields``) or into a warning; anything else is logged with its traceback
  and shown with a reference number (desktop/ui/errors.py). Returns ``(succeeded, result)``.
- ``write(parent, desk, window, work)``: ``call`` with a session, and every page reloaded after.
- ``run_in_background(parent, label, work, done=…)``: a slow call in a worker thread with a
  progress dialog and 取消. ``work`` receives the services' ``Progress`` callback; after 取消 the
  service raises ``Cancelled`` and rolls back, so nothing is half-written.
- ``off_thread(work, busy)``: a call of a second or so that the caller waits for (the password
  check at sign-in): done in a thread while the window keeps painting, ``busy`` disabled.
- ``wait_for_running_work()``: at shutdown, before the ledger is closed; ``busy()``: whether
  any of the above is under way (desktop/ui/idle.py waits for a pause).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QWidget
from sqlalchemy.orm import Session

from desktop.services.errors import DomainError
from desktop.services.jobs import Cancelled, Progress
from desktop.ui.errors import show_error
from desktop.ui.forms import show_field_error
from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.ui.desk import Desk
    from desktop.ui.main_window import MainWindow

T = TypeVar("T")
log = logging.getLogger(__name__)
_running: set[Job] = set()  # keep jobs alive until they finish
_waiting: list[threading.Thread] = []  # off_thread calls the GUI thread is waiting for

__all__ = [
    "Cancelled",
    "Job",
    "Progress",
    "call",
    "off_thread",
    "run_in_background",
    "wait_for_running_work",
]


def call(
    parent: QWidget | None,
    work: Callable[[], T],
    error_label: QLabel | None = None,
    fields: dict[str, QWidget] | None = None,
    busy: bool = False,
) -> tuple[bool, T | None]:
    """Run ``work`` now; show what went wrong. ``busy`` shows the wait cursor meanwhile."""
    if error_label is not None:
        error_label.hide()
    if busy:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return True, work()
    except DomainError as error:
        if error_label is not None:
            show_field_error(error_label, fields or {}, error)
        else:
            show_error(parent, error)
    except Exception as error:  # logged with its traceback, shown with a reference
        show_error(parent, error)
    finally:
        if busy:
            QApplication.restoreOverrideCursor()
    return False, None


def write(
    parent: QWidget | None,
    desk: Desk,
    window: MainWindow,
    work: Callable[[Session], T],
    error_label: QLabel | None = None,
    fields: dict[str, QWidget] | None = None,
) -> tuple[bool, T | None]:
    """One service write in its own session; on success every page reloads."""

    def in_session() -> T:
        with desk.session() as session:
            return work(session)

    ok, result = call(parent, in_session, error_label, fields)
    if ok:
        window.data_changed()
    else:
        window.account_watch.check()  # refused because the account changed? end it now
    return ok, result


def off_thread(work: Callable[[], T], busy: QWidget | None = None) -> T:
    """``work()`` in a worker thread, the GUI thread turning its event loop meanwhile (repaints,
    no input to ``busy``): its result, or its exception raised here. For waits the caller cannot
    go on without, e.g. inside ``call``."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as error:  # raised again on the GUI thread
            outcome.append((False, error))

    thread = threading.Thread(target=run, name="off_thread", daemon=True)
    if busy is not None:
        busy.setEnabled(False)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    _waiting.append(thread)
    try:
        thread.start()
        loop = QEventLoop()
        while thread.is_alive():
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
            thread.join(0.005)
    finally:
        _waiting.remove(thread)
        QApplication.restoreOverrideCursor()
        if busy is not None:
            busy.setEnabled(True)
    ok, value = outcome[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


class _Worker(QThread):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.cancel_requested = threading.Event()

    def progress(self, done: int, total: int) -> bool:
        """The services' Progress callback: move the bar; False once 取消 was pressed."""
        if self.cancel_requested.is_set():
            return False
        self.progressed.emit(done, total)
        return True

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
        quiet: bool = False,
    ) -> None:
        super().__init__()
        self.parent_widget, self.done_callback, self.refresh = parent, done, refresh
        self.quiet = quiet  # no progress dialog: work the clerk did not ask for (the day's backup)
        self.failed_callback = failed
        self.finished = False
        self.cancelled = False
        self.error: BaseException | None = None
        self.result: Any = None
        self.dialog = QProgressDialog(label, tr("取消"), 0, 0, parent)
        self.dialog.setWindowTitle(tr("督办台"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)  # quick calls never flash a dialog
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        if quiet:
            self.dialog.reset()  # stops the timer that would show it
        self.worker = _Worker(work)
        self.dialog.canceled.connect(self._cancel)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.progressed.connect(self._progressed)

    def start(self) -> Job:
        _running.add(self)
        self.worker.start()
        return self

    def cancel(self) -> None:
        self._cancel()

    @Slot()
    def _cancel(self) -> None:
        self.worker.cancel_requested.set()
        self.dialog.setLabelText(tr("正在取消，请稍候…"))

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.quiet:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
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
        self.worker.wait()
        self.dialog.reset()
        self.dialog.close()
        _running.discard(self)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """For tests and shutdown: block until the worker thread is done."""
        return self.worker.wait(timeout_ms)


def run_in_background(
    parent: QWidget | None,
    label: str,
    work: Callable[[Progress], T],
    done: Callable[[T], None] | None = None,
    refresh: Callable[[], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
    quiet: bool = False,
) -> Job:
    """Start ``work`` in a worker thread; ``done``/``failed`` run on the GUI thread afterwards.
    ``quiet``: no progress dialog (and no 取消)."""
    return Job(parent, label, work, done, refresh, failed, quiet).start()


def running_jobs() -> int:
    return len(_running)


def busy() -> bool:
    """A background job runs, or the GUI thread waits for an ``off_thread`` call."""
    return bool(_running or _waiting)


def wait_for_running_work(timeout_ms: int = 30_000) -> bool:
    """At shutdown: ask running jobs to stop at their next step and wait for them, so no worker
    writes into a ledger that is being closed. False if one is still running after the wait."""
    for job in list(_running):
        job.worker.cancel_requested.set()
    ok = True
    for job in list(_running):
        if not job.worker.wait(timeout_ms):
            log.warning("后台任务在退出时仍未结束：%s", job.dialog.labelText())
            ok = False
    return ok
