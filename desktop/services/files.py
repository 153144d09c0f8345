"""Write a file for the user safely: a temporary name beside the target, fsync, then rename."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from db.private import private_dir, tighten
from desktop.services.errors import DomainError
from desktop.services.oserrors import reason

# The GUI reaches the private-file helpers (0600/0700, db/private.py) through here.
__all__ = ["file_sha256", "fsync_dir", "private_dir", "tighten", "write_atomically"]


def write_atomically(target: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write`` on a temporary file beside ``target`` and move it into place.

    A crash or an error leaves the old file (if any) untouched and no half-written one.
    """
    target = Path(target)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise DomainError(f"无法写入文件“{target}”：{reason(exc)}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    return target


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new entry durable; folders cannot be opened for this on Windows."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MiB blocks (backups, transport copies)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()
