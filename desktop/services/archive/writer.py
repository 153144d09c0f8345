"""Writing a package folder: files in synced batches, each batch read back from the medium while
the next is written (readback.py); on Linux the items' files (nearly all of a package's bytes)
by a child process started as soon as they are known, while this one builds the rest.

Issue 11: building the catalogue, the tables, the carrier files and the self-check took as long
as writing and reading back 130 MB, one after the other. A writer thread beside the build was
slower (the two fought over the GIL); a forked child has its own, and shares the items' bytes
with the parent without copying them. It only writes, syncs and reads back — no database, no
Qt, no logging — and ends with ``os._exit``, so nothing of the parent's runs or closes in it."""

from __future__ import annotations

import contextlib
import errno
import os
import pickle
import signal
import sys
import warnings
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from desktop.services.archive import fsio
from desktop.services.archive.readback import ReadBack
from desktop.services.archive.verify import Pass
from desktop.services.files import fsync_dir

# Files are made durable (and handed to the read-back) this many bytes at a time: on the
# measuring machine 8 MB batches wrote 128 MB in ~0.3 s against ~1 s for one sync at the end
# (fsio.synced_batches), and the read-back of a batch runs while the next one is written.
SETTLE_BYTES = 8 * 1024**2

# What the child sends back: each file's read-back pass, or the error reading it met.
Outcome = tuple[int | None, Pass | BaseException]


def write_batches(
    files: dict[str, bytes], root: Path, back: ReadBack, tick: Callable[[], None]
) -> None:
    """Write ``files`` under ``root`` (an existing folder), synced 8 MB at a time, each batch
    handed to ``back`` once durable; ``tick`` after each file (it may raise to cancel)."""
    folders = {root}
    with fsio.synced_batches(root) as durable:
        for rel, data in files.items():
            tick()
            target = root / rel
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            fsio.write_file(target, data)
            if durable.pending >= SETTLE_BYTES:
                back.read(durable.settle())
        back.read(durable.settle())
    if not durable.whole_fs:  # the file system's sync made the folders durable too
        for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            fsync_dir(folder)


def forks() -> bool:
    """Whether the items can be written by a child process here (Linux: fork and syncfs)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


class Early:
    """The items' files written and read back by a child while the parent goes on.

    Once ``root`` (the unfinished folder) is made, ``start`` forks; ``finish()`` waits for the
    child and returns its read-back, by name, as verify's ``ahead`` takes it (an error it met
    is raised here, as if met now); ``stop()`` after an error or a cancel kills it first, so
    the folder can be removed with nothing writing into it (the export stops it whatever
    happens). Making the items' folders in a second child while the items are read from the
    ledger was tried and measured slower (the two contended for the same folders)."""

    def __init__(self) -> None:
        self.pid = 0
        self.root: Path | None = None  # the unfinished folder, once the child writes into it
        self.names: frozenset[str] = frozenset()
        self.size = 0
        self._files: dict[str, bytes] = {}
        self._fd = -1

    @property
    def started(self) -> bool:
        return self.pid > 0

    def start(
        self, files: dict[str, bytes], prefixes: dict[str, int], lean: dict[str, str]
    ) -> None:
        """Write ``files`` (names under ``root``) and read them back in a child."""
        assert self.root is not None
        reading, writing = os.pipe()
        pid = _fork()
        if pid == 0:  # the child: never returns
            os.close(reading)
            _child(self.root, files, prefixes, lean, writing)
        os.close(writing)
        self.pid, self._fd = pid, reading
        self.names = frozenset(files)
        self.size = sum(len(d) for d in files.values())
        self._files = files

    def stale(self, files: dict[str, bytes]) -> set[str]:
        """The names the child writes whose bytes in ``files`` (the package as built) are other,
        or that the package does not hold: the child's read-back of them does not stand, and
        they are written again (or removed) once it is done."""
        return {
            name
            for name, data in self._files.items()
            if (now := files.get(name)) is not data and now != data
        }

    def finish(self) -> dict[str, tuple[int | None, Future[Pass]]]:
        """The child's read-back; raises the OSError it met (a full or pulled medium)."""
        if self._fd < 0:  # nothing was started
            self._reap()
            return {}
        chunks = []
        try:
            while chunk := os.read(self._fd, 1 << 20):
                chunks.append(chunk)
        finally:
            self._reap()
        if not chunks:
            raise OSError(errno.EIO, "写入归档包的子进程意外结束")
        kind, value = pickle.loads(b"".join(chunks))
        if kind == "error":
            raise value
        ahead: dict[str, tuple[int | None, Future[Pass]]] = {}
        for name, (prefix, outcome) in value.items():
            done: Future[Pass] = Future()
            if isinstance(outcome, BaseException):
                done.set_exception(outcome)
            else:
                done.set_result(outcome)
            ahead[name] = (prefix, done)
        return ahead

    def stop(self) -> None:
        """Kill the child (if still running) and wait for it: nothing writes into the folder."""
        if self.pid > 0:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        self._reap()

    def _reap(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if self.pid > 0:
            with contextlib.suppress(ChildProcessError):  # reaped by a SIGCHLD handler
                os.waitpid(self.pid, 0)
        self.pid = 0


def _fork() -> int:
    with warnings.catch_warnings():  # 3.12+: "fork() in a multi-threaded process"; the
        warnings.simplefilter("ignore", DeprecationWarning)  # child takes no lock (above)
        return os.fork()


def _child(
    root: Path, files: dict[str, bytes], prefixes: dict[str, int], lean: dict[str, str], out: int
) -> None:
    """Write, sync and read back ``files``; send the passes (or the error) down ``out``; exit."""
    code = 0
    try:
        for number in (signal.SIGINT, signal.SIGTERM):  # the parent's handlers are not ours
            with contextlib.suppress(ValueError):
                signal.signal(number, signal.SIG_DFL)
        outcomes: dict[str, Outcome] = {}
        with ReadBack(prefixes, lean) as back:
            back.start(root)
            write_batches(files, root, back, lambda: None)
            for name, (prefix, future) in back.ahead.items():
                error = future.exception()
                outcomes[name] = (prefix, error if error is not None else future.result())
        message = pickle.dumps(("ok", outcomes))
    except BaseException as exc:  # noqa: BLE001 — every failure goes to the parent
        try:
            message = pickle.dumps(("error", exc))
        except Exception:  # an exception that does not pickle: its words, as an OSError
            message = pickle.dumps(("error", OSError(errno.EIO, str(exc))))
    try:
        view = memoryview(message)
        while view:
            view = view[os.write(out, view) :]
    except OSError:  # the parent stopped listening (it killed us, or gave up)
        code = 1
    os._exit(code)
