"""Files only this OS account may read: 0600 files and 0700 folders on POSIX, existing ones
tightened when the desk opens them. On Windows the same calls give a user-only ACL instead:
`icacls PATH /inheritance:r /grant:r DOMAIN\\USER:(F)` (a folder: `(OI)(CI)F`, so what is made in
it inherits that and nothing else), icacls.exe from System32 with a list argv, no shell, no
console window. A file made inside a folder this process already made user-only inherits its
ACL and is not given one of its own (one icacls per folder, not per write). Not run on Windows
here: tests check the argv (README 安全)."""

from __future__ import annotations

import contextlib
import logging
import ntpath
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

FILE_MODE = 0o600
DIR_MODE = 0o700
_POSIX = os.name == "posix"
_WINDOWS = os.name == "nt"

log = logging.getLogger(__name__)


def _run_icacls(argv: Sequence[str]) -> bool:
    import subprocess  # Windows only: not on the path of a POSIX command (issue 11)

    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0x08000000)  # no console flashing up
    done = subprocess.run(
        list(argv), capture_output=True, timeout=60, check=False, creationflags=flags
    )
    return done.returncode == 0


RUN: Callable[[Sequence[str]], bool] = _run_icacls  # tests replace the runner
_USER_ONLY: set[str] = set()  # folders this process made user-only (what is made in them inherits)
_warned: list[str] = []


def windows_account() -> str:
    """DOMAIN\\USER of the signed-in Windows account (the computer's name for a local one)."""
    user = os.environ.get("USERNAME") or ""
    if not user:
        import getpass

        user = getpass.getuser()
    domain = os.environ.get("USERDOMAIN", "")
    return f"{domain}\\{user}" if domain else user


def icacls_argv(path: Path, folder: bool) -> list[str]:
    """The command that leaves ``path`` to this account alone: inherited entries removed, the
    account's own replaced by full control (a folder's inherited by what is made in it)."""
    exe = ntpath.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32", "icacls.exe")
    rights = "(OI)(CI)F" if folder else "(F)"
    return [exe, str(path), "/inheritance:r", "/grant:r", f"{windows_account()}:{rights}", "/q"]


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _user_only(path: Path) -> None:
    """Windows: the user-only ACL on an existing file or folder (a folder once per process);
    quietly skipped where the filesystem has no ACLs (FAT sticks), said once in the log. Files
    are not remembered: SQLite's -wal comes and goes under the same name."""
    key = _key(path)
    if key in _USER_ONLY or not os.path.lexists(path) or os.path.islink(path):
        return
    folder = os.path.isdir(path)
    if not folder and _key(Path(path).parent) in _USER_ONLY:
        return  # made in a user-only folder of this process: it inherits exactly that
    import subprocess

    try:
        ok = RUN(icacls_argv(Path(path), folder))
    except (OSError, subprocess.SubprocessError) as exc:
        ok = False
        if not _warned:
            _warned.append(str(exc))
            log.warning("icacls could not run (%s): files keep their inherited ACL", exc)
    if ok and folder:
        _USER_ONLY.add(key)
    elif not ok and not _warned:
        _warned.append(key)
        log.warning("icacls could not make %s user-only (no ACLs on that drive?)", path)


def private_dir(folder: Path) -> Path:
    """Create (parents too) and tighten a folder of the desk's own."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    tighten(folder)
    return folder


def tighten(path: Path) -> None:
    """Take group and other rights away from an existing file or folder (Windows: the user-only
    ACL); quietly a no-op where the filesystem has no modes (FAT sticks) or the file is someone
    else's."""
    if _WINDOWS:
        _user_only(Path(path))
        return
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
