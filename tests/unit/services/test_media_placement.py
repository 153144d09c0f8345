"""A stick unmounted before writing began leaves its mount point as a folder on the PC's own
disk: the export is told which device it really went to (issue 20)."""

from __future__ import annotations

from pathlib import Path

from desktop.services import backup, media

MOUNTED = "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/clerk/STICK vfat rw 0 0\n"
UNMOUNTED = "/dev/sda1 / ext4 rw 0 0\n"


def test_the_device_behind_a_path_is_named(tmp_path: Path) -> None:
    target = Path("/media/clerk/STICK/归档")
    on_stick = media.placement(target, MOUNTED, tmp_path)
    assert on_stick.removable and on_stick.device == "/dev/sdb1" and on_stick.warning(target) == ""
    left_behind = media.placement(target, UNMOUNTED, tmp_path)
    assert not left_behind.removable and left_behind.mount == Path("/")
    warning = left_behind.warning(target)
    assert "本机磁盘（/dev/sda1，挂载于 /）" in warning and "不是U盘等移动介质" in warning


def test_a_backup_to_a_fixed_disk_carries_the_warning(session, admin, tmp_path) -> None:
    folder = tmp_path / "not-a-stick"
    folder.mkdir()
    result = backup.backup_to(session, admin, folder)
    assert not result.leaves_pc and "不是U盘等移动介质" in result.warning
