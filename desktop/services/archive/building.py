"""A year's (or a period's) archive package built in memory: every file made and self-checked
(the four checks on the bytes) before export.py writes it to a medium."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session

from desktop import __version__
from desktop.services import audit, audit_verify, settings
from desktop.services.archive import carrier, codes, copies, seal, sources
from desktop.services.archive.checks import CHECKS
from desktop.services.archive.facts import Facts
from desktop.services.archive.fsio import UNFINISHED
from desktop.services.archive.metadata import manifest, sha256, to_xml
from desktop.services.archive.model import (
    CATALOGUE,
    MANIFEST,
    METADATA,
    REPORT,
    PackageInfo,
    PackageItem,
    Span,
)
from desktop.services.archive.reader import MemoryReader
from desktop.services.archive.verify import VerifyReport, verify_reader
from desktop.services.audit_anchor import HEAD_FILE
from desktop.services.clock import clock_of
from desktop.services.errors import DomainError, ValidationError
from desktop.services.jobs import Progress, step


@dataclass(frozen=True)
class BuiltPackage:
    name: str
    info: PackageInfo
    files: dict[str, bytes]
    # Taken once, as the files were made: name → (SHA-256, SHA-256 of an embedded original),
    # and what the checks read inside them by SHA-256 (archive/facts.py), for the read-back.
    digests: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    known: dict[str, Facts] = dataclasses.field(default_factory=dict)

    @property
    def size(self) -> int:
        return sum(len(d) for d in self.files.values())


@dataclass(frozen=True)
class Items:
    """A package's items as their kept copies give them, before those copies' bytes are hashed:
    what ``build`` hands its ``early``. An item whose copies are missing is not among them; one
    the build then makes again (a copy's bytes are not what its row says) has other bytes in
    the package than here."""

    name: str
    entries: tuple[PackageItem, ...]
    files: dict[str, bytes]
    digests: dict[str, tuple[str, str]]
    known: dict[str, Facts]


class EarlyItems(Protocol):
    """What ``build`` tells as it goes, for the export to start writing before it ends."""

    def begin(self, name: str, size: int) -> None:
        """The package's name and about how many bytes its items' files hold."""

    def items(self, items: Items) -> None:
        """The items' files as their kept copies give them (``Items``), then all of them as
        made: the first call that has files is taken, the later ones ignored."""


class Steps:
    """One bar for the whole export: each document read, each file written, each file read back.

    ``progress(done, total)`` returning False cancels before the next step (excel.jobs)."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.done = 0
        self.total = 0

    def tick(self) -> None:
        self.done += 1
        step(self.progress, min(self.done, self.total), max(self.total, self.done))


def package_name(fonds: str, year: int | Span) -> str:
    span = year if isinstance(year, Span) else Span.of_year(year)
    name = f"{fonds}-WS·{span.year}-归档包"
    if not span.whole_year:
        name += f"-{span.first:%m%d}至{span.last:%m%d}"
    return name


def build(
    session: Session,
    year: int | Span,
    steps: Steps | None = None,
    formats: str | None = None,
    preparer: str = "",
    early: EarlyItems | None = None,
) -> BuiltPackage:
    """Every file of the package, in memory, already self-checked (four checks on the bytes).
    ``formats`` (pdf / ofd / both) overrides the 归档格式 setting for this package; ``preparer``
    (who exports) is the 登记表's 填表人. ``early`` is told the package's name once the items are
    numbered and given their files (nearly all the bytes) as soon as they are made, before the
    rest is built: the export starts writing them then (EarlyWrite).

    A period (``Span``) keeps the year's numbering: its items are a contiguous slice of it."""
    steps = steps or Steps(None)
    span = year if isinstance(year, Span) else Span.of_year(year)
    year = span.year
    office = settings.office(session)
    if formats is not None:
        if formats not in settings.ARCHIVE_FORMATS:
            raise ValidationError(f"归档格式“{formats}”不对，应为 both、pdf 或 ofd。")
        office = dataclasses.replace(office, archive_formats=formats)
    documents = sources.issued_documents(session, span)
    before = sources.numbered_before(session, span)
    numbers = codes.assign(
        office.fonds_code, year, office.retention, office.organisation_code, len(documents), before
    )
    name = package_name(office.fonds_code, span)
    if early is not None:
        early.begin(name, copies.files_size(session, span))
    # Read each document, then write and read back each file (6 = catalogue, metadata, audit
    # head, manifest, its seal, report; then the carrier's own files): the bar's length is known
    # before the first step.
    count = sum(len(d.files) for d in documents) + sources.table_count() + 6
    count += len(carrier.CARRIER_FILES)
    steps.total = len(documents) + 2 * count
    files: dict[str, bytes] = {}
    digests: dict[str, tuple[str, str]] = {}
    known: dict[str, Facts] = {}
    items = []
    kept = copies.kept(session, span)
    uid, key = audit.chain_key(session)  # the seal: only a desk holding this key can make one
    if early is not None:  # before the hashing threads start: the writer forks with no thread
        early.items(_presumed(name, numbers, documents, office, kept, key))
    with copies.Hashing(kept) as hashing:
        for code, doc in zip(numbers, documents, strict=True):
            steps.tick()
            rows = kept.setdefault(doc.id, {})
            one = copies.item(session, code, doc, office, rows, key, hashing)
            items.append(one.item)
            files.update(one.files)
            digests.update(one.digests)
            known.update(one.known)
    if early is not None:  # none were kept (a first export): the writer starts on them now
        early.items(Items(name, tuple(items), dict(files), dict(digests), dict(known)))
    info = PackageInfo(
        office.fonds_code,
        year,
        office.retention,
        office.organisation_code,
        clock_of(session).now().isoformat(timespec="seconds"),
        f"督办台 {__version__}",
        office.issuer_name,
        tuple(items),
        None if span.whole_year else span.first,
        None if span.whole_year else span.last,
        before + 1,
    )
    files.update(sources.ledger_tables(session, year))
    from desktop.services.archive import catalogue  # openpyxl: only when a package is built

    files[CATALOGUE] = catalogue.build(session, info)
    files[METADATA] = to_xml(info)
    files[HEAD_FILE] = audit_verify.head_document(session)  # duban audit --against <package>
    content = dict(files)
    # 说明文件, 文件目录.XML, 其他/ with 登记表
    # (the 登记表 PDF is drawn once, after the self-check: UNDRAWN_PDF stands for it here)
    files.update(carrier.carrier_files(info, content, digests=digests, draw=False))
    listed = manifest(files, _digested(files, digests))
    checking = {**files, MANIFEST: listed, seal.SEAL: seal.make(listed, uid, key)}
    undrawn = sha256(carrier.UNDRAWN_PDF)
    known[undrawn] = Facts(pages=1)
    try:
        precheck = verify_reader(
            MemoryReader(checking, digests=_digested(checking, digests)),
            with_report=False,
            known=known,
        )
    finally:  # the read-back parses the drawn PDF; the stand-in is never taken for a real one
        del known[undrawn]
    if not precheck.ok:
        raise DomainError("归档包在写入前的自检未通过，未导出：\n" + precheck.text())
    # The 登记表 again, its 移交单位 column filled from the self-check (其他/ is outside the
    # content digest; the read-back after writing checks the new one like every file).
    files.update(carrier.carrier_files(info, content, precheck, preparer, digests))
    files[REPORT] = _report_text(info, files, precheck).encode("utf-8")
    # every file but itself and the seal, REPORT.txt included
    files[MANIFEST] = manifest(files, _digested(files, digests))
    files[seal.SEAL] = seal.make(files[MANIFEST], uid, key)
    return BuiltPackage(name, info, files, digests, known)


def _presumed(
    name: str,
    numbers: list[codes.ArchiveCode],
    documents: list[sources.SourceDocument],
    office: settings.OfficeSettings,
    kept: copies.Kept,
    key: bytes,
) -> Items:
    """The items their kept copies give, as ``copies.presumed`` judges them (all but the hash of
    their bytes, taken in threads once the writer has forked; issue 11: the writer began ~100
    ms later when it waited for them)."""
    found = []
    files: dict[str, bytes] = {}
    digests: dict[str, tuple[str, str]] = {}
    known: dict[str, Facts] = {}
    for code, doc in zip(numbers, documents, strict=True):
        one = copies.presumed(code, doc, office, kept.get(doc.id, {}), key)
        if one is not None:
            found.append(one.item)
            files.update(one.files)
            digests.update(one.digests)
            known.update(one.known)
    return Items(name, tuple(found), files, digests, known)


def _digested(
    files: dict[str, bytes], digests: dict[str, tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    """The item files' hashes as taken when they were read; the files made since (tables,
    catalogues, carrier files, a few MB) hashed now."""
    return {name: digests.get(name) or (sha256(data), "") for name, data in files.items()}


def _report_text(info: PackageInfo, files: dict[str, bytes], check: VerifyReport) -> str:
    numbers = [i.seq for i in info.items]
    interval = f"{numbers[0]:04d}–{numbers[-1]:04d}" if numbers else "无"
    gapless = codes.gaps(numbers, info.first_number)
    lines = [
        "督办台归档包自检报告（REPORT.txt）",
        f"立档单位：{info.issuer}",
        f"全宗号 {info.fonds}　门类 WS（文书）　年度 {info.year}　保管期限 {info.retention}"
        f"（{codes.RETENTIONS.get(info.retention, '')}）　机构代码 {info.organisation}",
        f"生成：{info.created}　{info.program}",
        f"件数 {len(info.items)}（件号 {interval}，断号 {len(gapless)} 处）　"
        f"页数 {sum(i.pages for i in info.items)}",
        *_period_lines(info),
        f"文件 {len(files) + 3} 个（含本报告、manifest.sha256 和 {seal.SEAL}），"
        f"其余文件共 {sum(len(d) for d in files.values())} 字节",
        "",
        "四性检测（DA/T 70-2018，写入前对内存中的全部文件；载体可读在写入后回读时再检）：",
    ]
    lines += [f"  {c.group}·{c.name}（{c.scope}）：{check.status(c.key)}" for c in CHECKS]
    lines += [
        "",
        f"{seal.SEAL} 是 manifest.sha256 的签名（HMAC-SHA256，密钥为制作台账的操作日志密钥，"
        "不在包中）：持有该台账密钥的电脑能确认本包未被改动；没有密钥的电脑只能校验结构与清单。",
        "本包写入介质后逐个文件回读，与 manifest.sha256 重新比对全部一致后才改为正式名称；",
        f"以“{UNFINISHED}”结尾的文件夹或文件是未写完的，不可使用。",
        "在其他电脑上复核：duban archive verify <本包路径>，或在本文件夹中运行 sha256sum -c manifest.sha256。",
        "manifest.sha256 列出本包除它自己以外的全部文件（包括本报告）。",
        "",
    ]
    return "\n".join(lines)


def _period_lines(info: PackageInfo) -> list[str]:
    if info.first_day is None or info.last_day is None:
        return [f"范围：{info.year} 年度全部已印发公文。"]
    before = info.first_number - 1
    return [
        f"范围：{info.first_day.isoformat()} 至 {info.last_day.isoformat()}（{info.year} 年度的一段）。",
        "档号按年度编号、不断号：本包各件沿用其在全年度中的件号（按印发日期排序），"
        f"从 {info.first_number:04d} 起连续编号；"
        + (
            f"年度内此前的 {before} 件（0001–{before:04d}）不在本包中，见同年度其他归档包。"
            if before
            else ""
        )
        + "工作表与 data/ 为整个年度的台账（截至导出时）。",
    ]
