"""The DA/T 70 items that look inside: files open, formats, each 件's metadata against its files,
the numbering, and the catalogues against metadata.xml (catalogue_read.py; archive/checks.py
names them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from desktop.services.archive import codes

# verify.py runs it with the others from here (catalogue_read.py holds it).
from desktop.services.archive.catalogue_read import check_catalogues as check_catalogues
from desktop.services.archive.checks import VerifyReport
from desktop.services.archive.facts import Facts, Known, of_ofd, of_pdf
from desktop.services.archive.model import (
    ALLOWED_FORMATS,
    LEGACY_FORMAT,
    PackageFile,
    PackageInfo,
    PackageItem,
    format_of,
)

if TYPE_CHECKING:
    from collections.abc import Mapping


class Passed(Protocol):
    sha256: str
    data: bytes | None
    tail: bytes
    utf8: bool
    original: str


# 密级 of GB/T 7156 as offices write it; blank is an open document.
CLASSIFICATIONS = frozenset({"", "公开", "内部", "限制", "秘密", "机密", "绝密"})
LIMITS = {"title": 300, "number": 60, "author": 120, "note": 500}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ATTACHMENT = re.compile(r"-附件(\d+)-")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def _facts(one: Passed, read: Callable[[bytes], Facts], known: Known | None) -> Facts:
    """What ``one`` holds, read from its bytes unless the same bytes were read before."""
    found = known.get(one.sha256) if known is not None else None
    if found is None:
        assert one.data is not None
        found = read(one.data)
        if known is not None:
            known[one.sha256] = found
    return found


def _readable(one: Passed, known: Known | None) -> bool:
    """Its bytes are at hand, or what they hold is known (a read-back of a file checked in
    memory keeps only its hash: readback.py)."""
    return one.data is not None or (known is not None and one.sha256 in known)


def check_opens(
    report: VerifyReport,
    passes: Mapping[str, Passed],
    info: PackageInfo | None,
    known: Known | None = None,
) -> dict[str, int]:
    """可用性: every file's format is allowed and it opens; the pages each PDF/OFD has.
    ``known``: facts by SHA-256 of files already read (and it gains the ones read here)."""
    roles = {f.path: f.role for i in info.items for f in i.files} if info is not None else {}
    if info is not None and info.layout == LEGACY_FORMAT:
        # Earlier versions drew the 归档章 with a Helvetica left unembedded: said, not failed.
        roles = {path: "附件" if role == "正文" else role for path, role in roles.items()}
    pages: dict[str, int] = {}
    for name, one in passes.items():
        fmt = format_of(name)
        if fmt not in ALLOWED_FORMATS:
            report.add(
                "formats", f"“{name}”的格式（{fmt or '无扩展名'}）不在长期保存允许的格式之列。"
            )
        if fmt == "pdf":
            _pdf(report, name, one, roles.get(name, ""), pages, known)
        elif fmt == "ofd" and _readable(one, known):
            facts = _facts(one, of_ofd, known)
            if facts.problem:
                report.add("opens", f"“{name}”：{facts.problem}。")
            else:
                pages[name] = facts.pages
        elif fmt == "csv" and not one.utf8:
            report.add("opens", f"“{name}”不是 UTF-8 文本。")
    return pages


def _pdf(
    report: VerifyReport,
    name: str,
    one: Passed,
    role: str,
    pages: dict[str, int],
    known: Known | None,
) -> None:
    if not _readable(one, known):  # too big to parse whole: at least whole
        if b"%%EOF" not in one.tail:
            report.add("opens", f"“{name}”：PDF 文件不完整（缺少文件尾）。")
        return
    facts = _facts(one, of_pdf, known)
    if facts.problem:
        report.add("opens", f"“{name}”：{facts.problem}。")
        return
    if facts.encrypted:
        report.add("plain", f"“{name}”是加密的 PDF，归档文件不得加密。")
        return
    pages[name] = facts.pages
    if facts.unembedded:
        fonts = "、".join(facts.unembedded[:5])
        if role == "正文":
            report.add("opens", f"“{name}”的字体未嵌入（{fonts}），在别的电脑上会显示走样。")
        else:  # an attachment is kept as it came (as is an older package's 正文): said
            report.notes.append(f"“{name}”的字体未嵌入（{fonts}），在别的电脑上可能显示不同。")


def check_items(
    report: VerifyReport,
    info: PackageInfo,
    actual: Mapping[str, str],
    sizes: Mapping[str, int],
    pages: Mapping[str, int],
    passes: Mapping[str, Passed],
    known: Known | None = None,
) -> None:
    numbers: list[int] = []
    referenced: set[str] = set()
    if info.stated_items is not None and info.stated_items != len(info.items):
        report.add(
            "counts", f"metadata.xml 记载 {info.stated_items} 件，实有 {len(info.items)} 件。"
        )
    created = _created(info)
    for item in info.items:
        _present(report, item)
        number = _fields(report, info, item, created)
        if number is not None:
            numbers.append(number)
        _attachments(report, item)
        for f in item.files:
            referenced.add(f.path)
            _file_fields(report, item, f)
            _place(report, info, item, f)
            if f.path not in actual:
                if f.path not in passes:  # read but unreadable: 载体可读 says so
                    report.add("files", f"“{item.code}”缺少文件“{f.path}”。")
                continue
            if f.sha256 != actual[f.path] or f.size != sizes[f.path]:
                report.add("content", f"“{f.path}”与元数据记载的大小或校验值不符。")
            elif f.original_sha256 and passes[f.path].original != f.original_sha256:
                report.add("content", f"“{f.path}”所含的原件与元数据记载的原件校验值不符。")
            counted = pages.get(f.path, 0)
            if counted and f.pages and counted != f.pages:
                report.add("content", f"“{f.path}”有 {counted} 页，元数据记载 {f.pages} 页。")
            if f.format == "ofd" and f.role == "正文" and info.layout != LEGACY_FORMAT:
                _ofd_stamp(report, item, f.path, passes[f.path], known)
        report.pages += item.pages
    _numbering(report, info, numbers)
    root = info.items_root
    for name in sorted(n for n in actual if n.startswith(root) and n not in referenced):
        report.add("extras", f"“{name}”不属于目录中的任何一件。")


def _ofd_stamp(
    report: VerifyReport, item: PackageItem, path: str, one: Passed, known: Known | None
) -> None:
    """An OFD-A 正文 carries its 归档章 as an annotation (GB/T 42133), stating the 件's own
    全宗号, 年度, 件号, 机构, 保管期限 and 页数."""
    if not _readable(one, known):
        return  # too big to parse whole: its pages were not counted either
    from desktop.services.archive import stamp

    code = codes.parse(item.code)
    if code is None:
        return  # 元数据类型、长度、值域 names the code
    values = _facts(one, of_ofd, known).stamp
    found = None if values is None else list(values)
    if found is None:
        report.add("content", f"“{path}”没有归档章注释（OFD-A 的归档章应为单独文件中的注释）。")
        return
    fields = stamp.StampFields(
        code.fonds, code.year, code.retention, code.number, item.pages, code.organisation
    )
    expected = [value for _label, value in fields.cells()]
    if found != expected:
        report.add(
            "content",
            f"“{path}”的归档章（{' '.join(found)}）与元数据（{' '.join(expected)}）不符。",
        )


def _created(info: PackageInfo) -> date | None:
    try:
        return date.fromisoformat(info.created[:10])
    except ValueError:
        return None


def _present(report: VerifyReport, item: PackageItem) -> None:
    """元数据项齐全: what every 件 must state."""
    label = item.code or f"第 {item.seq} 件"
    for field, value in (
        ("档号", item.code),
        ("题名", item.title),
        ("责任者", item.author),
        ("保管期限", item.retention),
    ):
        if not value.strip():
            report.add("metadata", f"{label}缺少{field}。")
    if not item.files:
        report.add("metadata", f"{label}没有任何文件。")
    elif not any(f.role == "正文" for f in item.files):
        report.add("metadata", f"{label}没有正文。")
    for f in item.files:
        for field, value in (("用途", f.role), ("格式", f.format), ("校验值", f.sha256)):
            if not value:
                report.add("metadata", f"“{f.path}”缺少{field}。")


def _fields(
    report: VerifyReport, info: PackageInfo, item: PackageItem, created: date | None
) -> int | None:
    """元数据的类型、长度、值域与合理性 of one 件; its 件号 when the 档号 is well formed."""
    number = None
    if item.code:
        code = codes.parse(item.code)
        if code is None:
            report.add("fields", f"第 {item.seq} 件的档号“{item.code}”格式不对。")
        elif (code.fonds, code.year, code.retention, code.organisation) != (
            info.fonds,
            info.year,
            info.retention,
            info.organisation,
        ):
            report.add(
                "fields", f"第 {item.seq} 件的档号“{item.code}”与包的全宗号、年度或代码不符。"
            )
        else:
            number = code.number
    if not info.span.first <= item.day <= info.span.last:
        report.add("fields", f"“{item.code}”的日期 {item.day:%Y%m%d} 不在本包的范围内。")
    elif created is not None and item.day > created:
        report.add("fields", f"“{item.code}”的日期 {item.day:%Y%m%d} 晚于包的制作日期。")
    if item.retention and item.retention not in codes.RETENTIONS:
        report.add("fields", f"“{item.code}”的保管期限“{item.retention}”不在 Y、D30、D10 之列。")
    elif item.retention and item.retention != info.retention:
        report.add("fields", f"“{item.code}”的保管期限与本包（{info.retention}）不符。")
    if item.classification not in CLASSIFICATIONS:
        report.add("fields", f"“{item.code}”的密级“{item.classification}”不是有效的密级。")
    for field, value in (
        ("title", item.title),
        ("number", item.number),
        ("author", item.author),
        ("note", item.note),
    ):
        if len(value) > LIMITS[field]:
            report.add("fields", f"“{item.code}”的{_LABEL[field]}超过 {LIMITS[field]} 字。")
        if _CONTROL.search(value):
            report.add("fields", f"“{item.code}”的{_LABEL[field]}含有控制字符。")
    return number


_LABEL = {"title": "题名", "number": "文号", "author": "责任者", "note": "备注"}


def _file_fields(report: VerifyReport, item: PackageItem, f: PackageFile) -> None:
    if f.role and f.role not in ("正文", "附件"):
        report.add("fields", f"“{f.path}”的用途“{f.role}”应为正文或附件。")
    if f.format and f.format != format_of(f.path):
        report.add("fields", f"“{f.path}”记载的格式“{f.format}”与文件扩展名不符。")
    if f.sha256 and not _HEX64.match(f.sha256):
        report.add("fields", f"“{f.path}”记载的校验值不是 SHA-256。")
    if f.size < 0 or f.pages < 0:
        report.add("fields", f"“{f.path}”记载的大小或页数为负数。")


def _place(report: VerifyReport, info: PackageInfo, item: PackageItem, f: PackageFile) -> None:
    """记录的存放位置: in its 件's folder, named after its 档号 (其他/命名规则.TXT)."""
    folder = info.folder_of(item)
    if not f.path.startswith(f"{folder}/"):
        report.add("paths", f"“{f.path}”不在其所属件“{item.code}”的文件夹 {folder}/ 中。")
    elif not f.path.rsplit("/", 1)[-1].startswith(f"{item.code}-"):
        report.add("paths", f"“{f.path}”的文件名不以其档号开头（见命名规则）。")


def _attachments(report: VerifyReport, item: PackageItem) -> None:
    """件内顺序号: 附件1, 附件2 … in order, none missing."""
    found = []
    for f in item.files:
        if f.role == "附件":
            match = _ATTACHMENT.search(f.path.rsplit("/", 1)[-1])
            found.append(int(match[1]) if match else 0)
    if found != list(range(1, len(found) + 1)):
        shown = "、".join(str(n) for n in found)
        report.add("numbering", f"“{item.code}”的附件序号（{shown}）不是从 1 起连续。")


def _numbering(report: VerifyReport, info: PackageInfo, numbers: list[int]) -> None:
    for item, number in zip(info.items, numbers, strict=False):
        if codes.parse(item.code) is not None and number != item.seq:
            report.add("numbering", f"档号“{item.code}”的件号与序号 {item.seq} 不符。")
    if info.first_number < 1 or (numbers and min(numbers) != info.first_number):
        report.add("numbering", f"首件件号与元数据记载的起始件号 {info.first_number:04d} 不符。")
    for missing in codes.gaps(numbers, info.first_number):
        report.add("numbering", f"件号 {missing:04d} 缺失（断号）。")
    if len(set(numbers)) != len(numbers):
        report.add("numbering", "有重复的件号。")
