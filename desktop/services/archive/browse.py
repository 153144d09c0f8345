"""A package made here or elsewhere, opened read-only: its catalogue and its files, nothing written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.services.archive.metadata import from_xml
from desktop.services.archive.model import METADATA, PackageInfo, PackageItem
from desktop.services.archive.provenance import LedgerHistory
from desktop.services.archive.reader import PackageReader, UnsafePackage, open_package
from desktop.services.archive.verify import VerifyReport, verify_package


@dataclass
class PackageView:
    """Browse after the four checks; a package that fails them is refused (``report`` says why)."""

    path: Path
    report: VerifyReport
    info: PackageInfo
    _reader: PackageReader

    @property
    def items(self) -> tuple[PackageItem, ...]:
        return self.info.items

    def read(self, relative: str) -> bytes:
        """A file's bytes (e.g. an item's PDF for the viewer), bounded like every read."""
        return self._reader.read(relative)

    def close(self) -> None:
        self._reader.close()


def open_view(path: Path, ledger: LedgerHistory | None = None) -> PackageView:
    """Verified first (against ``ledger``, the open ledger's exports: provenance.history)."""
    report = verify_package(path, ledger=ledger)
    if not report.ok:
        raise UnsafePackage("该归档包未通过校验，不能打开：\n" + report.text())
    reader = open_package(Path(path))
    try:
        info = from_xml(reader.read(METADATA))
    except BaseException:
        reader.close()
        raise
    return PackageView(Path(path), report, info, reader)
