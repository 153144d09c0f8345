"""Files only this OS account may read: 0600 files and 0700 folders on POSIX, existing ones
tightened when the desk opens them. On Windows the per-user folders (AppData) are user-only by
their inherited ACL; the modes below are not applied there (README 安全)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO

FILE_MODE = 0o600
DIR_MODE = 0o700
_POSIX = os.name == "posix"


def private_dir(folder: Path) -> Path:
    """Create (parents too) and tighten a folder of the desk's own."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    tighten(folder)
    return folder


def tighten(path: Path) -> None:
    """Take group and other rights away from an existing file or folder; quietly a no-op where
    the filesystem has no modes (FAT sticks) or the file is someone else's."""
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        mode = os.stat(path).st_mode & 0o777
        if mode & 0o077:
            os.chmod(path, mode & 0o700)


def create_private(path: Path) -> None:
    """Make sure ``path`` exists and is 0600 (an empty file is created if missing)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    tighten(path)


def open_private(path: Path, mode: str = "wb") -> IO[bytes]:
    """``open(path, "wb")`` that creates the file 0600 (not umask's 0644)."""
    if mode not in ("wb", "xb"):
        raise ValueError(mode)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if mode == "xb" else os.O_TRUNC)
    flags |= getattr(os, "O_BINARY", 0)
    handle = os.fdopen(os.open(path, flags, FILE_MODE), "wb")
    tighten(path)  # an existing file keeps its old mode through O_CREAT
    return handle


def write_private(path: Path, data: bytes) -> None:
    """Replace a small private file atomically (temporary name beside it, then rename)."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open_private(temp) as handle:
            handle.write(data)
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
