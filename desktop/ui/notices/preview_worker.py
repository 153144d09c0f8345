"""Render a draft's preview on a worker thread; only the newest request's PDF is ever shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    # generation, PDF bytes (or None), error (or None); queued to the GUI thread.
    done = Signal(int, object, object)


class _Job(QRunnable):
    def __init__(self, generation: int, work: Callable[[], bytes], signals: _Signals) -> None:
        super().__init__()
        self.generation, self.work, self.signals = generation, work, signals

    def run(self) -> None:
        try:
            pdf = self.work()
        except Exception as error:  # a half-typed draft must never crash the page
            self.signals.done.emit(self.generation, None, error)
            return
        self.signals.done.emit(self.generation, pdf, None)


class PreviewRenderer(QObject):
    """One render at a time; a newer request drops queued ones and outdates the running one.

    ``rendered(pdf)`` and ``failed(error)`` fire on the GUI thread for the newest request only,
    so a slow render of an old text never replaces the preview of a newer one.
    """

    rendered = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # reportlab's font registry is global: one at a time
        self.generation = 0
        self.pending = False
        self._signals = _Signals()
        self._signals.done.connect(self._done)
        self._jobs: set[_Job] = set()  # Python owns the runnables until they report back

    def request(self, work: Callable[[], bytes]) -> int:
        self.generation += 1
        self._drop_queued()
        job = _Job(self.generation, work, self._signals)
        job.setAutoDelete(False)
        self._jobs.add(job)
        self.pending = True
        self.pool.start(job)
        return self.generation

    def cancel(self) -> None:
        """Forget whatever is running or queued (its result will be dropped)."""
        self.generation += 1
        self._drop_queued()
        self.pending = False

    def _drop_queued(self) -> None:
        """Take back requests that have not started: they are stale. A running one finishes."""
        for job in list(self._jobs):
            if self.pool.tryTake(job):
                self._jobs.discard(job)

    def _done(self, generation: int, pdf: bytes | None, error: object) -> None:
        self._jobs = {job for job in self._jobs if job.generation != generation}
        if generation != self.generation:
            return  # stale: a newer request is on its way
        self.pending = False
        if error is not None:
            self.failed.emit(error)
        else:
            self.rendered.emit(pdf)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """For tests and explicit actions: finish the work and deliver its result now."""
        finished = self.pool.waitForDone(timeout_ms)
        QCoreApplication.processEvents()
        return finished and not self.pending
