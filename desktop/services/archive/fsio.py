"""Durable writes to removable media: fsync every file, read back from the device, Chinese errors."""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from desktop.services.errors import DomainError
from desktop.services.oserrors import reason

# Marks a package or backup that is still being written (or whose writing failed): such a name
# never looks complete, even when a pulled stick leaves it behind.
UNFINISHED = ".未完成"


class MediaError(DomainError):
    """Writing or reading the destination failed; nothing that looks complete was left."""


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def free_bytes(path: Path) -> int:
    """Free space where ``path`` is (or would be created)."""
    probe = Path(path)
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def check_room(destination: Path, payload: int) -> None:
    """Refuse before writing anything unless about twice the payload is free (PITFALLS.md)."""
    try:
        free = free_bytes(destination)
    except OSError as exc:
        raise MediaError(f"无法读取“{destination}”的剩余空间：{reason(exc)}。") from exc
    needed = 2 * payload + 64 * 1024
    if free < needed:
        raise MediaError(
            f"“{destination}”剩余空间 {human_size(free)}，本次约需 {human_size(payload)}"
            f"（按两倍预留 {human_size(needed)}），空间不足，未开始写入。请换一个更大的移动介质。"
        )


def write_file(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write, flush and fsync one file, then drop it from the page cache so a re-read hits the
    device rather than memory (Linux; elsewhere the re-read may come from cache). ``data`` may
    be chunks, written as they come (a big file is never whole in memory). Inside
    :func:`synced_batches` the fsync and the drop wait for the batch's :meth:`Durable.settle`."""
    batch = _BATCH.get()
    size = 0
    with open(path, "wb") as handle:
        for chunk in (data,) if isinstance(data, bytes) else data:
            handle.write(chunk)
            size += len(chunk)
        handle.flush()
        if batch is None or batch.each:
            os.fsync(handle.fileno())
            forget_cached(handle.fileno())
    if batch is not None:
        batch.written.append(path)
        batch.size += size


@dataclass
class _Batch:
    each: bool  # no syncfs here: every file is fsynced as it is written
    written: list[Path] = field(default_factory=list)  # since the last settle
    size: int = 0


_BATCH: ContextVar[_Batch | None] = ContextVar("fsio_batch", default=None)


class Durable:
    """What :func:`synced_batches` yields: :meth:`settle` makes the files written since its last
    call durable together and drops them from the page cache, ready to be read back."""

    def __init__(self, fd: int, sync: Callable[[int], int] | None, batch: _Batch) -> None:
        self._fd, self._sync, self._batch = fd, sync, batch

    @property
    def whole_fs(self) -> bool:
        """True when a settle syncs the whole file system (its folders too)."""
        return self._sync is not None

    @property
    def pending(self) -> int:
        """Bytes written since the last settle."""
        return self._batch.size

    def settle(self) -> list[Path]:
        written, self._batch.written, self._batch.size = self._batch.written, [], 0
        if self._sync is not None and written:
            if self._sync(self._fd) != 0:
                code = ctypes.get_errno()
                raise OSError(code, os.strerror(code), str(written[-1]))
            for path in written:
                with open(path, "rb") as handle:
                    forget_cached(handle.fileno())
        return written


@contextlib.contextmanager
def synced_batches(folder: Path) -> Iterator[Durable]:
    """Files written by :func:`write_file` inside are made durable a batch at a time, at each
    :meth:`Durable.settle` (and at the end for any the caller left): one syncfs(2) of the file
    system holding ``folder`` (Linux), whose error (EIO, ENOSPC found at write-back; reported
    since Linux 5.8, each error to the next call) fails like a file's fsync, then each file of
    the batch dropped from the page cache for the read-back. Issue 11: an fsync per file cost a
    journal commit each, most of a package's writing time; one sync of the whole package let
    128 MB of dirty pages pile up, and writing into fresh pages cost ~1 s of kernel time where
    batches of 8 MB, their pages freed and reused, took ~0.3 s. Where there is no syncfs, each
    file is fsynced as it is written (the caller fsyncs its folders: ``whole_fs`` is False)."""
    sync = _syncfs()
    fd = os.open(folder, os.O_RDONLY) if sync is not None else -1  # errors from here on count
    try:
        batch = _Batch(each=sync is None)
        durable = Durable(fd, sync, batch)
        token = _BATCH.set(batch)
        try:
            yield durable
        finally:
            _BATCH.reset(token)
        durable.settle()
    finally:
        if fd >= 0:
            os.close(fd)


def _syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None


def forget_cached(fd: int) -> None:
    if hasattr(os, "posix_fadvise"):
        with contextlib.suppress(OSError):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def remove_quietly(path: Path) -> bool:
    """Remove a failed partial result; False when even that fails (e.g. the stick is gone)."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
    except OSError:
        return False
    return True


def unique_target(folder: Path, name: str, suffix: str = "") -> Path:
    """``folder/name+suffix``, or ``name-2+suffix`` … when that is taken: never overwrite."""
    candidate = folder / f"{name}{suffix}"
    number = 2
    while candidate.exists() or (folder / f"{candidate.name}{UNFINISHED}").exists():
        candidate = folder / f"{name}-{number}{suffix}"
        number += 1
    return candidate
