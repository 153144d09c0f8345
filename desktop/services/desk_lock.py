"""The lock a desk holds on its ledger file, readable and takeable without Qt.

The GUI locks ``<ledger>.lock`` with Qt's QLockFile, which writes "pid, app, host" into the file
and holds an flock(2) on it for as long as the program runs; the kernel drops that flock when
the process dies, however it dies. So "a desk has this ledger open" is exactly "the lock file is
flock-ed", and the command line takes the same lock, in the same format, while it replaces the
ledger: a desk starting meanwhile is told the ledger is in use (Qt will not break a lock whose
flock is held, even when the pid in it is gone).
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.services.errors import DomainError

try:
    import fcntl
except ImportError:  # Windows: QLockFile keeps the file open without sharing instead
    fcntl = None  # type: ignore[assignment]


class LedgerInUse(DomainError):
    """Another desk (or command) has the ledger open."""


def lock_path(ledger_path: Path) -> Path:
    return Path(ledger_path).with_name(Path(ledger_path).name + ".lock")


def _holder(lock: Path) -> str:
    try:
        pid, *rest = lock.read_text("utf-8", "replace").splitlines()
    except (OSError, ValueError):
        return ""
    host = rest[1] if len(rest) > 1 else ""
    return f"（进程 {pid}，计算机 {host}）" if pid else ""


def _busy(ledger_path: Path, lock: Path) -> LedgerInUse:
    return LedgerInUse(
        f"该台账正由一个督办台窗口或命令使用{_holder(lock)}，现在不能替换它。\n"
        f"请先关闭打开这个台账的督办台，再重试。台账：{ledger_path}"
    )


def held_elsewhere(ledger_path: Path) -> str | None:
    """A Chinese sentence naming who holds the ledger, or None when no running desk does."""
    lock = lock_path(ledger_path)
    if not lock.exists():
        return None
    try:
        with _locked(lock, create=False):
            return None
    except LedgerInUse:
        return str(_busy(ledger_path, lock))
    except FileNotFoundError:
        return None


@contextmanager
def _locked(lock: Path, *, create: bool) -> Iterator[int]:
    flags = os.O_RDWR | (os.O_CREAT if create else 0)
    try:
        fd = os.open(lock, flags, 0o644)
    except PermissionError as exc:  # Windows: a running desk keeps it open unshared
        raise LedgerInUse("") from exc
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise LedgerInUse("") from exc
        yield fd
    finally:
        os.close(fd)  # closing drops the flock


@contextmanager
def hold(ledger_path: Path) -> Iterator[None]:
    """Hold the desk lock of ``ledger_path`` (raise LedgerInUse if anyone else does)."""
    lock = lock_path(ledger_path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _locked(lock, create=True) as fd:
            # What QLockFile writes: pid, application, host (a stale file's content is replaced).
            app = Path(sys.executable).name
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n{app}\n{socket.gethostname()}\n".encode())
            try:
                yield
            finally:
                os.unlink(lock)  # still flock-ed: nobody else can have taken it meanwhile
    except LedgerInUse as exc:
        raise _busy(ledger_path, lock) from exc
