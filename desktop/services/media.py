"""Mounted removable drives (USB sticks, card readers) with their free space, for the destination
dialog: Linux /proc/mounts + /sys/block/*/removable, Windows GetDriveTypeW."""

from __future__ import annotations

import os
import re
import shutil
import string
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_PSEUDO = {
    "proc",
    "sysfs",
    "devtmpfs",
    "devpts",
    "tmpfs",
    "cgroup",
    "cgroup2",
    "overlay",
    "squashfs",
    "securityfs",
    "debugfs",
    "tracefs",
    "pstore",
    "bpf",
    "mqueue",
    "hugetlbfs",
    "autofs",
    "configfs",
    "fusectl",
    "binfmt_misc",
    "nsfs",
    "ramfs",
    "efivarfs",
    "rpc_pipefs",
}


@dataclass(frozen=True)
class Drive:
    path: Path
    label: str
    free: int
    total: int
    removable: bool


def _unescape(field: str) -> str:
    # /proc/mounts writes spaces and tabs in paths as octal escapes (\040).
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), field)


def _block_removable(device: str, sys_block: Path) -> bool:
    name = Path(device).name
    for candidate in (name, re.sub(r"p?\d+$", "", name)):
        flag = sys_block / candidate / "removable"
        try:
            if flag.read_text().strip() == "1":
                return True
        except OSError:
            continue
    return False


def linux_mounts(
    mounts: str | None = None, sys_block: Path = Path("/sys/block")
) -> list[tuple[Path, bool]]:
    """(mount point, removable) for real file systems; /media and /run/media count as removable."""
    return [(point, removable) for point, removable, _device in _linux_mounts(mounts, sys_block)]


def _linux_mounts(
    mounts: str | None = None, sys_block: Path = Path("/sys/block")
) -> list[tuple[Path, bool, str]]:
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text()
        except OSError:
            return []
    found = []
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3 or parts[2] in _PSEUDO:
            continue
        device, point = parts[0], Path(_unescape(parts[1]))
        removable = str(point).startswith(("/media/", "/run/media/")) or (
            device.startswith("/dev/") and _block_removable(device, sys_block)
        )
        found.append((point, removable, device))
    return found


DRIVE_REMOVABLE, DRIVE_FIXED = 2, 3  # GetDriveTypeW (fileapi.h)
SEM_FAILCRITICALERRORS = 0x0001  # no "插入磁盘" system dialog for an empty card reader


def _kernel32() -> Any:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.GetLogicalDrives.argtypes = []
    kernel32.GetLogicalDrives.restype = wintypes.DWORD
    kernel32.GetDriveTypeW.argtypes = [wintypes.LPCWSTR]
    kernel32.GetDriveTypeW.restype = wintypes.UINT
    kernel32.SetThreadErrorMode.argtypes = [wintypes.DWORD, ctypes.POINTER(wintypes.DWORD)]
    kernel32.SetThreadErrorMode.restype = wintypes.BOOL
    return kernel32


def _windows_drives(kernel32: Any = None) -> list[tuple[Path, bool]]:
    """(root, removable) for every drive letter Windows reports as removable or fixed.

    USB sticks report DRIVE_REMOVABLE; USB hard disks report DRIVE_FIXED (offered only when
    the clerk asks for fixed drives too). Network, CD and RAM drives are left out.
    """
    kernel32 = kernel32 or _kernel32()
    mask = kernel32.GetLogicalDrives()
    found = []
    for index, letter in enumerate(string.ascii_uppercase):
        if mask & (1 << index):
            root = f"{letter}:\\"
            kind = kernel32.GetDriveTypeW(root)
            if kind in (DRIVE_REMOVABLE, DRIVE_FIXED):
                found.append((Path(root), kind == DRIVE_REMOVABLE))
    return found


@contextmanager
def _no_disk_dialogs() -> Iterator[None]:
    """On Windows, asking an empty card reader for its size must not pop up a system dialog."""
    if os.name != "nt":
        yield
        return
    import ctypes  # pragma: no cover - Windows only
    from ctypes import wintypes

    kernel32 = _kernel32()
    old = wintypes.DWORD()
    kernel32.SetThreadErrorMode(SEM_FAILCRITICALERRORS, ctypes.byref(old))
    try:
        yield
    finally:
        kernel32.SetThreadErrorMode(old.value, None)


def drives(include_fixed: bool = False) -> list[Drive]:
    """Removable drives first (then, if asked, the fixed ones), each with free space."""
    points = _windows_drives() if os.name == "nt" else linux_mounts()
    result = []
    with _no_disk_dialogs():
        for point, removable in points:
            if not removable and not include_fixed:
                continue
            try:
                usage = shutil.disk_usage(point)
            except OSError:
                continue  # an empty card reader, or a stick pulled a moment ago
            result.append(
                Drive(point, point.name or str(point), usage.free, usage.total, removable)
            )
    return sorted(result, key=lambda d: (not d.removable, str(d.path)))


@dataclass(frozen=True)
class Placement:
    """Where a path really lands: the mount (or drive) holding it and its device."""

    removable: bool
    mount: Path | None
    device: str

    def warning(self, target: Path) -> str:
        """A Chinese warning when ``target`` is not on removable media ('' when it is)."""
        if self.removable:
            return ""
        where = "本机磁盘" + (f"（{self.device}，挂载于 {self.mount}）" if self.mount else "")
        return (
            f"注意：“{target}”在{where}上，不是U盘等移动介质。"
            "如果本应写到U盘，U盘可能未插好、已被拔出或已被卸载，写出的文件留在了这台电脑上。"
        )


def placement(
    path: Path, mounts: str | None = None, sys_block: Path = Path("/sys/block")
) -> Placement:
    """The mount holding ``path`` (the longest matching mount point decides)."""
    try:
        target = Path(path).resolve()
    except OSError:
        return Placement(False, None, "")
    if os.name == "nt":  # pragma: no cover - Windows only
        points = [(p, r, str(p)) for p, r in _windows_drives()]
    else:
        devices = {p: d for p, _r, d in _linux_mounts(mounts, sys_block)}
        found = linux_mounts() if mounts is None else linux_mounts(mounts, sys_block)
        points = [(p, r, devices.get(p, "")) for p, r in found]
    best: tuple[int, Placement] = (-1, Placement(False, None, ""))
    for point, removable, device in points:
        if target == point or point in target.parents:
            depth = len(point.parts)
            if depth > best[0]:
                best = (depth, Placement(removable, point, device))
    return best[1]


def is_removable(path: Path) -> bool:
    """Whether ``path`` lies on a removable drive."""
    return placement(path).removable
