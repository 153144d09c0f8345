"""Removable drives on Windows: which letters GetLogicalDrives / GetDriveTypeW offer for export."""

from __future__ import annotations

from pathlib import Path

from desktop.services import media


class FakeKernel32:
    """kernel32 as ctypes would call it: a bit mask of letters, a drive type per root."""

    def __init__(self, kinds: dict[str, int]) -> None:
        self.kinds = kinds
        self.asked: list[str] = []

    def GetLogicalDrives(self) -> int:  # noqa: N802 - the Windows API's name
        return sum(1 << (ord(root[0]) - ord("A")) for root in self.kinds)

    def GetDriveTypeW(self, root: str) -> int:  # noqa: N802
        self.asked.append(root)
        return self.kinds[root]


def test_sticks_are_removable_usb_disks_fixed_and_network_cd_ram_are_left_out() -> None:
    kernel32 = FakeKernel32(
        {
            "C:\\": media.DRIVE_FIXED,
            "E:\\": media.DRIVE_REMOVABLE,  # a USB stick
            "F:\\": 5,  # DRIVE_CDROM
            "G:\\": media.DRIVE_FIXED,  # a USB hard disk reports FIXED
            "Z:\\": 4,  # DRIVE_REMOTE: a mapped network share
            "R:\\": 6,  # DRIVE_RAMDISK
        }
    )
    found = media._windows_drives(kernel32)
    assert found == [(Path("C:\\"), False), (Path("E:\\"), True), (Path("G:\\"), False)]
    assert kernel32.asked == ["C:\\", "E:\\", "F:\\", "G:\\", "R:\\", "Z:\\"]  # A..Z order


def test_no_drive_letters_means_no_drives() -> None:
    assert media._windows_drives(FakeKernel32({})) == []
