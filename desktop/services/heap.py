"""Garbage collection during work whose objects all live until it ends.

CPython's full (generation-2) collection walks every container object the process holds and
stops every thread meanwhile. The window turns automatic full collections off once it is up and
walks the heap at pauses instead (desktop/ui/idle.py). A year's archive export, in the window's
worker or a command's process, met one or two of them, 50–90 ms each, that freed nothing: what
they walked was the ledger's rows and the package being built (issue 11, bench/archive_export.py).
``paused_full_collections`` keeps them off for such a piece of work; the young generations
collect as usual (they are small), and what the work leaves is walked by the next full
collection after it."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

DEFAULT_FULL = 10  # CPython's own generation-2 threshold
NEVER = 1_000_000_000  # the generation-2 threshold that turns automatic full collections off

_lock = threading.Lock()
_paused = 0  # pieces of work under way that asked for no full collection
_before = DEFAULT_FULL  # the generation-2 threshold when the first of them began


@contextlib.contextmanager
def paused_full_collections() -> Iterator[None]:
    """No automatic full collection until the work inside (or the function it decorates) ends (nested or in several threads at
    once: until the last one ends); then the threshold it found is back."""
    global _paused, _before
    with _lock:
        if _paused == 0:
            _before = gc.get_threshold()[2]
            young, middle, _full = gc.get_threshold()
            gc.set_threshold(young, middle, NEVER)
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0:
                young, middle, _full = gc.get_threshold()
                gc.set_threshold(young, middle, _before)


def set_full_threshold(full: int) -> None:
    """The generation-2 threshold from now on (the window's idle work): kept through any work
    under ``paused_full_collections``, which restores it when the last piece ends."""
    global _before
    with _lock:
        young, middle, _full = gc.get_threshold()
        if _paused:
            _before = full
        else:
            gc.set_threshold(young, middle, full)
