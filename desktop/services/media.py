"""Mounted removable drives (USB sticks, card readers) with their free space, for the destination
dialog: Linux /proc/mounts + /sys/block/*/removable, Windows GetDriveTypeW."""

from __future__ import annotations

import os
import re
import shutil
import string
from dataclasses import dataclass
from pathlib import Path

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


def _windows_drives() -> list[tuple[Path, bool]]:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel32.GetLogicalDrives()
    found = []
    for index, letter in enumerate(string.ascii_uppercase):
        if mask & (1 << index):
            root = f"{letter}:\\"
            kind = kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))
            if kind in (2, 3):  # DRIVE_REMOVABLE, DRIVE_FIXED (USB hard disks report FIXED)
                found.append((Path(root), kind == 2))
    return found


def drives(include_fixed: bool = False) -> list[Drive]:
    """Removable drives first (then, if asked, the fixed ones), each with free space."""
    points = _windows_drives() if os.name == "nt" else linux_mounts()
    result = []
    for point, removable in points:
        if not removable and not include_fixed:
            continue
        try:
            usage = shutil.disk_usage(point)
        except OSError:
            continue  # an empty card reader, or a stick pulled a moment ago
        result.append(Drive(point, point.name or str(point), usage.free, usage.total, removable))
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
