"""The package as plain values: its items (件) with their files, and the package's own facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

FORMAT_VERSION = "duban-archive/1"

CATALOGUE = "catalogue.xlsx"
METADATA = "metadata.xml"
MANIFEST = "manifest.sha256"
REPORT = "REPORT.txt"
REQUIRED = (CATALOGUE, METADATA, MANIFEST, REPORT)
CATALOGUE_SHEET = "归档文件目录"
CATALOGUE_HEADERS = ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")

# Open, long-term formats only (GB/T 18894); anything else in a package is a finding.
ALLOWED_FORMATS = {
    "pdf",
    "ofd",
    "xlsx",
    "csv",
    "json",
    "xml",
    "txt",
    "sha256",
    "jpg",
    "jpeg",
    "png",
    "tif",
    "tiff",
}


@dataclass(frozen=True)
class PackageFile:
    path: str  # relative, POSIX
    role: str  # 正文 / 附件
    format: str
    size: int
    pages: int
    sha256: str


@dataclass(frozen=True)
class PackageItem:
    seq: int
    code: str  # 档号
    number: str  # 文号
    author: str  # 责任者
    title: str
    day: date
    retention: str
    kind: str = ""
    classification: str = ""  # 密级: blank for open documents
    note: str = ""
    files: tuple[PackageFile, ...] = ()

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files)

    @property
    def folder(self) -> str:
        return f"items/{self.code}"


@dataclass(frozen=True)
class PackageInfo:
    fonds: str
    year: int
    retention: str
    organisation: str
    created: str  # ISO timestamp
    program: str
    issuer: str
    items: tuple[PackageItem, ...] = field(default=())


def format_of(path: str) -> str:
    return path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
