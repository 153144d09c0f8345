"""Progress and cancelling for long jobs (imports, exports, archives), without Qt.

A job takes a ``Progress`` callback, calls ``step(progress, done, total)`` between steps, and
stops with ``Cancelled`` when the callback answers False; its transaction then rolls back and
its half-written files are removed. The GUI's worker hands in a callback tied to 取消.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

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


SHED_SLICE = 2000


def shed(items: list[Any] | dict[Any, Any]) -> None:
    """Empty a big list or dict a slice at a time. Freeing 100,000 rows at once (when the last
    reference goes) is one C call that holds the interpreter: at 100,000 tasks the forecast's
    rows took 0.66 s to free, and the GUI thread waited for all of it (bench/gui_stalls.py).
    Between slices another thread gets its turn."""
    if isinstance(items, dict):
        while items:
            for key in list(islice(items, SHED_SLICE)):
                del items[key]
    else:
        while items:
            del items[-SHED_SLICE:]
