"""四性检测: authenticity, integrity, usability and safety of a package (folder, ZIP or memory)."""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.services.archive import carrier, codes
from desktop.services.archive.fsio import human_size
from desktop.services.archive.metadata import from_xml, parse_manifest, sha256
from desktop.services.archive.model import (
    ALLOWED_FORMATS,
    CATALOGUE,
    CATALOGUE_SHEET,
    MANIFEST,
    METADATA,
    REPORT,
    PackageInfo,
    format_of,
    is_litter,
)
from desktop.services.archive.pdfcheck import PdfProblem, pdf_pages
from desktop.services.archive.reader import PackageReader, UnsafePackage, ZipReader, open_package
from desktop.services.diagnostics.logs import internal_error
from desktop.services.errors import DomainError

log = logging.getLogger(__name__)

NAMES = ("真实性", "完整性", "可用性", "安全性")
AUTHENTIC, COMPLETE, USABLE, SAFE = NAMES


def report_manifest_line(manifest_hash: str) -> str:
    return f"manifest.sha256 的 SHA-256：{manifest_hash}"


@dataclass
class VerifyReport:
    label: str
    findings: dict[str, list[str]] = field(default_factory=lambda: {n: [] for n in NAMES})
    info: PackageInfo | None = None
    files: int = 0
    size: int = 0
    pages: int = 0
    manifest_sha256: str = ""
    litter: list[str] = field(default_factory=list)  # .DS_Store and the like: named, ignored
    notes: list[str] = field(default_factory=list)
    internal: str = ""  # an internal error's sentence (with its reference): the check is incomplete

    @property
    def ok(self) -> bool:
        return not any(self.findings.values()) and not self.internal

    def add(self, check: str, message: str) -> None:
        if len(self.findings[check]) < 200:  # a wrecked package should not print forever
            self.findings[check].append(message)

    @property
    def items(self) -> int:
        return len(self.info.items) if self.info else 0

    def summary(self) -> str:
        if self.internal:
            return f"校验没有做完：{self.internal}"
        if self.ok:
            return f"校验通过：{self.items} 件，{self.files} 个文件，{human_size(self.size)}。"
        failed = "、".join(n for n in NAMES if self.findings[n])
        return f"校验未通过（{failed}），该包不能作为完整的归档包使用。"

    def text(self) -> str:
        lines = [f"归档包校验：{self.label}"]
        if self.info:
            i = self.info
            if i.first_day is not None:
                lines.append(
                    f"范围 {i.span.label()}（年度内的一段，件号从 {i.first_number:04d} 起连续）"
                )
            lines.append(
                f"全宗号 {i.fonds}　年度 {i.year}　保管期限 {i.retention}　机构 {i.organisation}"
                f"　件数 {self.items}　页数 {self.pages}　文件 {self.files} 个　{human_size(self.size)}"
            )
        # The desk writes packages unencrypted (DA/T transfer rules; ARCHIVES.md): say so.
        lines.append("加密：否（归档包不加密；须加密带出时请用加密的移动介质，或另做加密备份）")
        for name in NAMES:
            found = self.findings[name]
            lines.append(f"【{name}】{'通过' if not found else f'未通过（{len(found)} 处）'}")
            lines += [f"  - {message}" for message in found]
        if self.litter:
            lines.append(
                f"已忽略系统留下的文件 {len(self.litter)} 个（不属于归档包）："
                + "、".join(self.litter[:10])
                + ("等" if len(self.litter) > 10 else "")
            )
        lines += [f"注意：{note}" for note in self.notes]
        lines.append(self.summary())
        return "\n".join(lines)


def verify_package(path: Path, on_file: Callable[[], None] | None = None) -> VerifyReport:
    """Check a package made here or on another PC; reads only, never writes. ``on_file`` is
    called after each file is read (progress; it may raise to cancel)."""
    report = VerifyReport(str(path))
    try:
        reader = open_package(Path(path))
    except UnsafePackage as exc:
        report.add(SAFE, str(exc))
        return report
    except OSError as exc:
        report.add(SAFE, f"读取出错（介质可能已被拔出或损坏）：{exc.strerror or exc}")
        return report
    except Exception as exc:  # every input gets a report, never a traceback
        report.internal = internal_error(log, f"opening package {path}", exc)
        return report
    try:
        return verify_reader(reader, report, on_file=on_file)
    finally:
        reader.close()


def verify_reader(
    reader: PackageReader,
    report: VerifyReport | None = None,
    *,
    with_report: bool = True,
    on_file: Callable[[], None] | None = None,
) -> VerifyReport:
    report = report or VerifyReport(reader.label)
    try:
        _verify(reader, report, with_report, on_file)
    except UnsafePackage as exc:
        report.add(SAFE, str(exc))
    except OSError as exc:
        report.add(SAFE, f"读取出错（介质可能已被拔出或损坏）：{exc.strerror or exc}")
    except DomainError:  # cancelled by the clerk, or refused: the caller says so
        raise
    except Exception as exc:  # every input gets a report, never a traceback
        report.internal = internal_error(log, f"verifying {reader.label}", exc)
    return report


_READ_FAULTS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError)
KEEP_WHOLE = 64 * 1024**2  # a file verify must parse whole (XML, XLSX, PDF) is kept up to this


def _read(reader: PackageReader, name: str, report: VerifyReport) -> bytes | None:
    try:
        return reader.read(name)
    # CRC error, corrupt deflate stream, truncated entry, unknown compression method
    except _READ_FAULTS as exc:
        report.add(AUTHENTIC, f"“{name}”读取时校验出错：{exc}")
        return None


@dataclass
class _Pass:
    """One file read through once, in chunks: its hash and size, the prefix hash of an embedded
    original, whether it is UTF-8, and the bytes only if it must be parsed and is not huge."""

    sha256: str = ""
    size: int = 0
    original: str = ""
    utf8: bool = True
    data: bytes | None = None
    tail: bytes = b""


def _stream(reader: PackageReader, name: str, keep: bool, prefix: int | None) -> _Pass:
    digest, size = hashlib.sha256(), 0
    head = hashlib.sha256() if prefix is not None else None
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    kept: list[bytes] | None = [] if keep else None
    tail = b""
    for chunk in reader.chunks(name):
        digest.update(chunk)
        if head is not None and prefix is not None and size < prefix:
            head.update(chunk[: prefix - size])
        if utf8:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                utf8 = False
        size += len(chunk)
        tail = (tail + chunk)[-4096:]
        if kept is not None:
            kept = kept + [chunk] if size <= KEEP_WHOLE else None
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    data = b"".join(kept) if kept is not None else None
    return _Pass(digest.hexdigest(), size, head.hexdigest() if head else "", utf8, data, tail)


def _verify(
    reader: PackageReader,
    report: VerifyReport,
    with_report: bool,
    on_file: Callable[[], None] | None,
) -> None:
    names: list[str] = []
    for name in reader.names():
        (report.litter if is_litter(name) else names).append(name)
    present = set(names)
    required = [n for n in (CATALOGUE, METADATA, MANIFEST, REPORT) if with_report or n != REPORT]
    for name in required:
        if name not in present:
            report.add(COMPLETE, f"缺少 {name}。")
    manifest_data = (_read(reader, MANIFEST, report) if MANIFEST in present else None) or b""
    listed = parse_manifest(manifest_data) if manifest_data else {}
    report.manifest_sha256 = sha256(manifest_data) if manifest_data else ""
    actual: dict[str, str] = {}
    sizes: dict[str, int] = {}
    pages: dict[str, int] = {}
    kept: dict[str, bytes] = {}
    originals: dict[str, str] = {}
    embedded = _originals(reader, present)
    for name in names:
        fmt = format_of(name)
        parse_whole = fmt in ("pdf", "ofd") or name in (METADATA, CATALOGUE, REPORT, carrier.README)
        try:
            read = _stream(reader, name, parse_whole, embedded.get(name))
        except _READ_FAULTS as exc:  # CRC error, corrupt deflate stream, truncated entry
            report.add(AUTHENTIC, f"“{name}”读取时校验出错：{exc}")
            continue
        finally:
            if on_file is not None:
                on_file()
        actual[name], sizes[name] = read.sha256, read.size
        report.files += 1
        report.size += read.size
        if fmt not in ALLOWED_FORMATS:
            report.add(USABLE, f"“{name}”的格式（{fmt or '无扩展名'}）不在长期保存允许的格式之列。")
        if name in listed:
            if listed[name] != actual[name]:
                report.add(AUTHENTIC, f"“{name}”的内容与 manifest.sha256 不符（被改动或损坏）。")
        elif name not in (MANIFEST, REPORT):
            report.add(COMPLETE, f"多出清单中没有的文件：“{name}”。")
        if fmt == "pdf":
            try:
                pages[name] = pdf_pages(read.data) if read.data is not None else 0
                if read.data is None and b"%%EOF" not in read.tail:  # too big to parse whole
                    raise PdfProblem("PDF 文件不完整（缺少文件尾）")
            except PdfProblem as exc:
                report.add(USABLE, f"“{name}”：{exc}。")
        elif fmt == "ofd" and read.data is not None:
            from desktop.documents.ofd import OfdProblem, check_ofd

            try:
                pages[name] = check_ofd(read.data, archival=True)
            except OfdProblem as exc:
                report.add(USABLE, f"“{name}”：{exc}。")
        elif fmt == "csv" and not read.utf8:
            report.add(USABLE, f"“{name}”不是 UTF-8 文本。")
        if name in (METADATA, CATALOGUE, REPORT, carrier.README) and read.data is not None:
            kept[name] = read.data
        if name in embedded:
            originals[name] = read.original
    for name in sorted(set(listed) - present):
        report.add(COMPLETE, f"缺少清单中列出的文件：“{name}”。")
    if METADATA in kept:
        report.info = from_xml(kept[METADATA])
        _check_items(report, report.info, actual, sizes, pages, originals)
    if CATALOGUE in kept and report.info is not None:
        _check_catalogue(report, kept[CATALOGUE], report.info)
    if carrier.README in kept:
        _check_carrier(report, kept[carrier.README], actual, present)
    if with_report and REPORT in kept and report.manifest_sha256 and REPORT not in listed:
        # Packages made before REPORT.txt was in the manifest: it quotes the manifest's hash,
        # which proves the manifest, but nothing else of REPORT.txt is protected.
        quoted = kept[REPORT].decode("utf-8", "replace")
        if report_manifest_line(report.manifest_sha256) not in quoted:
            report.add(AUTHENTIC, "REPORT.txt 记载的清单校验值与 manifest.sha256 不符。")
        else:
            report.notes.append(
                "REPORT.txt 不在 manifest.sha256 中（较早版本制作的包）：其中的件数等内容未受校验保护。"
            )


def _check_carrier(
    report: VerifyReport, readme: bytes, actual: dict[str, str], present: set[str]
) -> None:
    """The carrier layout's files are there, and 说明文件's content digest is this content's."""
    for name in carrier.CARRIER_FILES:
        if name not in present:
            report.add(COMPLETE, f"缺少载体文件：“{name}”。")
    stated = carrier.readme_digest(readme.decode("utf-8", "replace"))
    sha, _sm = carrier.digest_of_hashes(actual)
    if stated != sha:
        report.add(AUTHENTIC, "说明文件.TXT 记载的内容摘要与包中文件不符。")


def _originals(reader: PackageReader, present: set[str]) -> dict[str, int]:
    """path → size of the issued original inside each 归档章 copy (read ahead of the files, so
    each file is read once); a broken metadata.xml is reported by the main pass."""
    if METADATA not in present:
        return {}
    try:
        info = from_xml(reader.read(METADATA))
    except (UnsafePackage, zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        return {}
    return {f.path: f.original_size for i in info.items for f in i.files if f.original_sha256}


def _check_items(
    report: VerifyReport,
    info: PackageInfo,
    actual: dict[str, str],
    sizes: dict[str, int],
    pages: dict[str, int],
    originals: dict[str, str],
) -> None:
    numbers = []
    referenced: set[str] = set()
    for item in info.items:
        code = codes.parse(item.code)
        if code is None or (code.fonds, code.year, code.retention, code.organisation) != (
            info.fonds,
            info.year,
            info.retention,
            info.organisation,
        ):
            report.add(
                COMPLETE, f"第 {item.seq} 件的档号“{item.code}”与包的全宗号、年度或代码不符。"
            )
            continue
        numbers.append(code.number)
        if not info.span.first <= item.day <= info.span.last:
            report.add(COMPLETE, f"“{item.code}”的日期 {item.day:%Y%m%d} 不在本包的范围内。")
        if code.number != item.seq:
            report.add(COMPLETE, f"档号“{item.code}”的件号与序号 {item.seq} 不符。")
        if not item.files:
            report.add(COMPLETE, f"“{item.code}”没有任何文件。")
        for f in item.files:
            referenced.add(f.path)
            if not f.path.startswith(f"{info.folder_of(item)}/"):
                report.add(COMPLETE, f"“{f.path}”不在其所属件“{item.code}”的文件夹中。")
            if f.path not in actual:
                report.add(COMPLETE, f"“{item.code}”缺少文件“{f.path}”。")
                continue
            if f.sha256 != actual[f.path] or f.size != sizes[f.path]:
                report.add(AUTHENTIC, f"“{f.path}”与元数据记载的大小或校验值不符。")
            elif f.original_sha256 and originals.get(f.path) != f.original_sha256:
                report.add(AUTHENTIC, f"“{f.path}”所含的原件与元数据记载的原件校验值不符。")
            counted = pages.get(f.path, 0)
            if counted and f.pages and counted != f.pages:
                report.add(AUTHENTIC, f"“{f.path}”有 {counted} 页，元数据记载 {f.pages} 页。")
            report.pages += f.pages or counted
    if info.first_number < 1 or (numbers and min(numbers) != info.first_number):
        report.add(COMPLETE, f"首件件号与元数据记载的起始件号 {info.first_number:04d} 不符。")
    for missing in codes.gaps(numbers, info.first_number):
        report.add(COMPLETE, f"件号 {missing:04d} 缺失（断号）。")
    if len(set(numbers)) != len(numbers):
        report.add(COMPLETE, "有重复的件号。")
    root = info.items_root
    for name in sorted(n for n in actual if n.startswith(root) and n not in referenced):
        report.add(COMPLETE, f"“{name}”不属于目录中的任何一件。")


def _check_catalogue(report: VerifyReport, data: bytes, info: PackageInfo) -> None:
    import openpyxl  # only when a package is verified: opening the desk must not pay for it

    if not openpyxl.DEFUSEDXML:  # PITFALLS.md: without it openpyxl expands XML entities
        raise UnsafePackage("未安装 defusedxml，不能安全地打开外来的表格。")
    try:
        inner = ZipReader(io.BytesIO(data), label=CATALOGUE)  # an .xlsx is a ZIP: vet it first
        for name in inner.names():
            inner.read(name)
        inner.close()
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            rows = list(book[CATALOGUE_SHEET].iter_rows(min_row=3, values_only=True))
        finally:
            book.close()
    except UnsafePackage:
        raise
    except Exception as exc:  # openpyxl raises KeyError/ElementTree/zipfile errors from deep inside
        report.add(USABLE, f"catalogue.xlsx 无法打开或缺少“{CATALOGUE_SHEET}”：{exc}")
        return
    listed = [str(r[1]) for r in rows if r and r[1]]
    expected = [item.code for item in info.items]
    if listed != expected:
        report.add(COMPLETE, "catalogue.xlsx 的归档文件目录与 metadata.xml 的件不一致。")
