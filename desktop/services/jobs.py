"""Progress and cancelling for long jobs (imports, exports, archives), without Qt.

A job takes a ``Progress`` callback, calls ``step(progress, done, total)`` between steps, and
stops with ``Cancelled`` when the callback answers False; its transaction then rolls back and
its half-written files are removed. The GUI's worker hands in a callback tied to 取消.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.services.errors import DomainError

# Called with (done, total); returning False asks the job to stop before the next step.
Progress = Callable[[int, int], bool]


class Cancelled(DomainError):
    """The clerk pressed 取消: nothing was written."""

    def __init__(self, message: str = "已取消，未写入任何内容。") -> None:
        super().__init__(message)


def step(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()
