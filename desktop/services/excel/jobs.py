"""Progress reporting and cancelling for long Excel jobs, without Qt: a callback and an error."""

from __future__ import annotations

from collections.abc import Callable

from desktop.services.errors import DomainError

# Called with (done, total); returning False asks the job to stop before the next step.
Progress = Callable[[int, int], bool]


class Cancelled(DomainError):
    def __init__(self, message: str = "已取消，未写入任何内容。") -> None:
        super().__init__(message)


def step(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()
