"""The package as plain values: its items (件) with their files, and the package's own facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.services.errors import ValidationError

# /2: the items under 电子档案/<年度>/<类别>/<档号>/ as the transfer rules lay a carrier out;
# /1 (before): items/<档号>/. Both are read; only /2 is written.
FORMAT_VERSION = "duban-archive/2"
LEGACY_FORMAT = "duban-archive/1"
CONTENT_ROOT = "电子档案"
CATEGORY_FOLDER = "文书"  # 门类 WS: the 类别 level of 年度—类别—件
IMPORT_FOLDER = "外来归档包"  # beside the ledger: packages imported from other PCs

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
    "xsd",  # the XML schema of 文件目录.XML (其他/)
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
    # A copy bearing the 归档章: the register's issued PDF is its first original_size bytes.
    original_size: int = 0
    original_sha256: str = ""


def item_pages(files: tuple[PackageFile, ...] | list[PackageFile]) -> int:
    """页数 of a 件: its 正文 once (the PDF; the OFD only when there is no PDF) and its
    attachments (the PDF and the OFD of one 正文 are the same pages)."""
    pdf = any(f.role == "正文" and f.format == "pdf" for f in files)
    return sum(f.pages for f in files if not (pdf and f.role == "正文" and f.format == "ofd"))


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
        return item_pages(self.files)


@dataclass(frozen=True)
class Span:
    """What a package covers: a whole year, or a period inside one year.

    档号 are per year and gapless, so a period's items keep the numbers they have in the year
    (ordered by date, the year's items before the period come first): a period package holds a
    contiguous slice of the year's numbering, e.g. 0005–0009, and says so in REPORT.txt."""

    year: int
    first: date
    last: date

    @classmethod
    def of_year(cls, year: int) -> Span:
        if not 1900 < year < 3000:
            raise ValidationError(f"年度“{year}”不对，应为四位数字。", field="year")
        return cls(year, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def between(cls, first: date, last: date) -> Span:
        if last < first:
            raise ValidationError("截止日期早于起始日期。", field="to_date")
        if first.year != last.year:
            raise ValidationError(
                "档号按年度编号，起止日期须在同一年度内（跨年请分年导出）。", field="to_date"
            )
        return cls.of_year(first.year).narrowed(first, last)

    @classmethod
    def of_month(cls, period: str) -> Span:
        """'YYYY-MM' → that month."""
        try:
            year, month = (int(part) for part in period.split("-"))
            first = date(year, month, 1)
        except ValueError as exc:
            raise ValidationError(f"月份“{period}”不对，应为 YYYY-MM。", field="period") from exc
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return cls.between(first, date.fromordinal(following.toordinal() - 1))

    def narrowed(self, first: date, last: date) -> Span:
        return Span(self.year, first, last)

    @property
    def whole_year(self) -> bool:
        return (self.first, self.last) == (date(self.year, 1, 1), date(self.year, 12, 31))

    def label(self) -> str:
        if self.whole_year:
            return f"{self.year} 年度"
        return f"{self.first.isoformat()} 至 {self.last.isoformat()}"


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
    # A period package: its dates and the year's number of its first item (1 for a whole year).
    first_day: date | None = None
    last_day: date | None = None
    first_number: int = 1
    layout: str = FORMAT_VERSION  # metadata.xml's format: where the items' folders are
    stated_items: int | None = None  # the count metadata.xml states (checked against its items)

    def folder_of(self, item: PackageItem) -> str:
        return item_folder(item.code, self.year, self.layout)

    @property
    def items_root(self) -> str:
        """The folder every item's folder is under ("电子档案/" or, in old packages, "items/")."""
        return "items/" if self.layout == LEGACY_FORMAT else f"{CONTENT_ROOT}/"

    @property
    def span(self) -> Span:
        whole = Span.of_year(self.year) if 1900 < self.year < 3000 else None
        if whole is None or self.first_day is None or self.last_day is None:
            return whole or Span(self.year, date.min, date.max)
        return whole.narrowed(self.first_day, self.last_day)


def item_folder(code: str, year: int, layout: str = FORMAT_VERSION) -> str:
    """One 件's folder: 电子档案/<年度>/文书/<档号> (old packages: items/<档号>)."""
    if layout == LEGACY_FORMAT:
        return f"items/{code}"
    return f"{CONTENT_ROOT}/{year}/{CATEGORY_FOLDER}/{code}"


# What Windows and macOS leave on any stick they touch: not part of a package, never a failure.
LITTER_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", ".localized"})
LITTER_FOLDERS = frozenset({"__macosx", ".spotlight-v100", ".trashes", ".fseventsd"})


def is_litter(path: str) -> bool:
    """``.DS_Store``, ``Thumbs.db``, ``desktop.ini``, macOS's ``._*`` twins and their folders."""
    parts = path.split("/")
    name = parts[-1]
    return (
        name.lower() in LITTER_NAMES
        or name.startswith("._")
        or any(part.lower() in LITTER_FOLDERS for part in parts[:-1])
    )


def format_of(path: str) -> str:
    return path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
