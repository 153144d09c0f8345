"""What an import preview holds: per-task rows (new, changed, unchanged, rejected…) and per-file verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.services.diagnostics.logs import is_internal
from desktop.services.excel import fund_sync
from desktop.services.excel.reading.report_sheet import ParsedFile
from desktop.services.progress import ReportInput

CHANGE_LABELS = {
    "new": "新增",
    "changed": "更新",
    "unchanged": "无变化",
    "skipped": "未填写",
    "duplicate": "重复",
    "rejected": "拒收",
}


@dataclass(frozen=True)
class PreviewRow:
    file: str
    sheet: str
    cell: str
    code: str
    title: str
    unit: str
    period: str
    change: str  # a key of CHANGE_LABELS
    detail: str

    @property
    def change_label(self) -> str:
        return CHANGE_LABELS[self.change]


@dataclass(frozen=True)
class FilePreview:
    key: str
    name: str
    period: str
    units: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def refused(self) -> bool:
        return bool(self.problems)

    @property
    def internal(self) -> bool:
        """Refused because the program failed on it (a logged reference), not for its content."""
        return any(is_internal(p) for p in self.problems)


@dataclass
class ImportPreview:
    files: list[FilePreview]
    rows: list[PreviewRow]
    reports: list[ReportInput] = field(default_factory=list)
    fund_changes: list[fund_sync.FundChange] = field(default_factory=list)
    parsed: list[ParsedFile] = field(default_factory=list, repr=False)
    expect_period: str | None = None
    expect_unit_id: int | None = None

    @property
    def refused(self) -> list[FilePreview]:
        return [f for f in self.files if f.refused]

    @property
    def problems(self) -> list[str]:
        return [p for f in self.files for p in f.problems]

    @property
    def internal(self) -> bool:
        return any(f.internal for f in self.files)

    @property
    def has_changes(self) -> bool:
        return bool(self.reports or self.fund_changes)

    def count(self, change: str) -> int:
        return sum(1 for r in self.rows if r.change == change)

    def signature(self) -> list[tuple[str, str, str, str]]:
        """What the clerk read: compared again just before writing."""
        return [(r.file, r.cell, r.change, r.detail) for r in self.rows]


@dataclass(frozen=True)
class ImportResult:
    files: int
    new: int
    changed: int
    unchanged: int
    message: str
