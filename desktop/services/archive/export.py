"""Export a year as a package on a medium: build in memory, check room, write under a temporary
name with fsync, read everything back and verify, and only then give it its real name."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from desktop import __version__
from desktop.services import audit, audit_verify, heap, media, settings
from desktop.services.archive import (
    carrier,
    codes,
    copies,
    fsio,
    offsite,
    pending,
    seal,
    sources,
    writer,
)
from desktop.services.archive.checks import CHECKS
from desktop.services.archive.facts import Facts
from desktop.services.archive.fsio import UNFINISHED, MediaError, human_size
from desktop.services.archive.metadata import manifest, sha256, to_xml
from desktop.services.archive.model import (
    CATALOGUE,
    MANIFEST,
    METADATA,
    REPORT,
    PackageInfo,
    Span,
)
from desktop.services.archive.readback import ReadBack
from desktop.services.archive.reader import MemoryReader
from desktop.services.archive.verify import (
    VerifyReport,
    embedded_sizes,
    verify_package,
    verify_reader,
)
from desktop.services.audit_anchor import HEAD_FILE
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import DomainError, ValidationError
from desktop.services.files import fsync_dir
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
    """A package's items as soon as they are made: what ``build`` hands its ``items_ready``."""

    name: str
    info: PackageInfo
    files: dict[str, bytes]
    digests: dict[str, tuple[str, str]]
    known: dict[str, Facts]


class EarlyItems(Protocol):
    """What ``build`` tells as it goes, for the export to start writing before it ends."""

    def begin(self, name: str, size: int) -> None:
        """The package's name and about how many bytes its items' files hold."""

    def items(self, items: Items) -> None:
        """The items' files, made."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    items: int
    pages: int
    files: int
    size: int  # bytes on the medium
    seconds: float
    report: VerifyReport
    leaves_pc: bool
    warning: str = ""  # not on removable media: which device it went to (media.Placement)


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
    with copies.Hashing(kept) as hashing:
        for code, doc in zip(numbers, documents, strict=True):
            steps.tick()
            rows = kept.setdefault(doc.id, {})
            one = copies.item(session, code, doc, office, rows, key, hashing)
            items.append(one.item)
            files.update(one.files)
            digests.update(one.digests)
            known.update(one.known)
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
    if early is not None:
        early.items(Items(name, info, dict(files), dict(digests), dict(known)))
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


def _write_zip(built: BuiltPackage, temp: Path, steps: Steps) -> None:
    with open(temp, "wb") as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for rel, data in built.files.items():
                steps.tick()
                archive.writestr(f"{built.name}/{rel}", data)
        handle.flush()
        os.fsync(handle.fileno())
        fsio.forget_cached(handle.fileno())


def write(
    built: BuiltPackage,
    destination: Path,
    *,
    as_zip: bool = False,
    steps: Steps | None = None,
    before_final: Callable[[Path, int], None] | None = None,
    early: writer.Early | None = None,
) -> tuple[Path, VerifyReport]:
    """Write and verify; on any failure or a cancel nothing that looks like a complete package
    remains (the 未完成 folder or file is removed). ``before_final(path, size)`` runs once the
    copy is verified, just before it takes its final name (the pending-record journal).
    ``early``: the items already being written into their unfinished folder (EarlyWrite)."""
    steps = steps or Steps(None)
    destination = Path(destination)
    rest = built.files
    if early is not None and early.root is not None:
        temp = early.root
        final = temp.with_name(temp.name.removesuffix(UNFINISHED))
        rest = {name: data for name, data in built.files.items() if name not in early.names}
    else:
        _check_destination(destination, built.size)
        final = fsio.unique_target(destination, built.name, ".zip" if as_zip else "")
        temp = final.with_name(final.name + UNFINISHED)
    try:
        if rest is not built.files:
            _check_rest_room(destination, rest)
        # Read back from the medium: each file once, hashed (a folder's batch by batch while the
        # next is written, archive/readback.py); what the checks read inside a file before
        # writing stands for the same bytes read back (same SHA-256).
        with ReadBack(embedded_sizes(built.info), _lean(built.digests, built.known)) as back:
            ahead = back.ahead
            if as_zip:
                _write_zip(built, temp, steps)
            else:
                temp.mkdir(exist_ok=rest is not built.files)
                back.start(temp)
                writer.write_batches(rest, temp, back, steps.tick)
                if early is not None and early.root is not None:
                    ahead = {**ahead, **early.finish()}
                    for _name in early.names:
                        steps.tick()
            report = verify_package(temp, on_file=steps.tick, known=dict(built.known), ahead=ahead)
        report.label = str(final)
        if not report.ok:
            raise MediaError(
                "写入后回读校验未通过，介质可能有坏块或已被拔出，归档包已作废：\n" + report.text()
            )
        if before_final is not None:
            before_final(final, temp.stat().st_size if as_zip else report.size)
        os.rename(temp, final)
        fsync_dir(destination)
    except OSError as exc:
        left = _stop_and_discard(early, temp)
        raise MediaError(f"导出失败：{fsio.reason(exc)}。{left}") from exc
    except BaseException:
        _stop_and_discard(early, temp)
        raise
    return final, report


def _check_destination(destination: Path, size: int) -> None:
    if not destination.is_dir():
        raise ValidationError(f"目标文件夹“{destination}”不存在或不可用（移动介质是否已插好？）。")
    fsio.check_room(destination, size)


def _check_rest_room(destination: Path, rest: dict[str, bytes]) -> None:
    """Room for what is left once the items are on the medium (checked before they were)."""
    try:
        fsio.check_room(destination, sum(len(d) for d in rest.values()))
    except MediaError as exc:
        raise OSError(errno.ENOSPC, str(exc)) from exc


class EarlyWrite:
    """``build``'s EarlyItems for a folder export: once the items are numbered, the destination is
    checked (room for their files) and the package's unfinished folder made; once they are
    made, their files are written and read back in a child (writer.Early). Where no child process can be started, nothing happens early and
    ``write`` writes everything."""

    def __init__(self, destination: Path, children: writer.Early) -> None:
        self.destination = Path(destination)
        self.children = children

    def begin(self, name: str, size: int) -> None:
        if not writer.forks():
            return
        _check_destination(self.destination, size)
        final = fsio.unique_target(self.destination, name)
        temp = final.with_name(final.name + UNFINISHED)
        temp.mkdir()  # the name is taken now: another export picks another
        self.children.root = temp

    def items(self, items: Items) -> None:
        if self.children.root is not None:
            lean = _lean(items.digests, items.known)
            self.children.start(items.files, embedded_sizes(items.info), lean)


def _lean(digests: dict[str, tuple[str, str]], known: dict[str, Facts]) -> dict[str, str]:
    """The PDFs and OFDs whose facts the self-check holds by their SHA-256: read back, they
    need only their hash (readback.py)."""
    return {
        name: sha
        for name, (sha, _original) in digests.items()
        if sha in known and name.rsplit(".", 1)[-1].lower() in ("pdf", "ofd")
    }


def _stop_and_discard(early: writer.Early | None, temp: Path) -> str:
    if early is not None:
        early.stop()  # nothing writes into the folder while it is removed
    return _discard(temp)


def _discard(temp: Path) -> str:
    if fsio.remove_quietly(temp):
        return "未留下任何不完整的归档包。"
    return f"未写完的“{temp.name}”无法删除，请在电脑上手动删除（它不是有效的归档包）。"


@audit.writes(Permission.BACKUP)
@heap.paused_full_collections()  # its objects live until it ends (heap.py)
def export_year(
    session: Session,
    actor: Actor,
    year: int | Span,
    destination: Path,
    *,
    as_zip: bool = False,
    leaves_pc: bool | None = None,
    progress: Progress | None = None,
    formats: str | None = None,
) -> ExportResult:
    """Build, write and verify the year's package; record it (and whether it left the PC).

    ``progress(done, total)`` is called per step; returning False cancels (Cancelled), the
    unfinished package is removed and nothing is recorded."""
    started = time.perf_counter()
    steps = Steps(progress)
    early = writer.Early()
    try:
        try:
            built = build(session, year, steps, formats, actor.display_name,
                          None if as_zip else EarlyWrite(destination, early))  # fmt: skip
        except BaseException:
            if early.root is not None:  # the items' folder, begun before the build failed
                _stop_and_discard(early, early.root)
            raise
        gone = offsite.on_removable(Path(destination)) if leaves_pc is None else leaves_pc

        def expect(final: Path, size: int) -> None:  # a kill after the medium's sync records
            pending.expect(session, actor, "archive", final, gone, built.info.span.year,
                           *_record(built, final, size, gone, as_zip))  # fmt: skip

        path, report = write(built, Path(destination), as_zip=as_zip, steps=steps,
                             before_final=expect, early=early)  # fmt: skip
    finally:
        early.stop()  # reaped whatever happened: no child outlives the export
    size = report.size
    if as_zip:
        with contextlib.suppress(OSError):
            size = path.stat().st_size
    result = ExportResult(
        path,
        len(built.info.items),
        sum(i.pages for i in built.info.items),
        report.files,
        size,
        time.perf_counter() - started,
        report,
        gone,
        media.placement(path).warning(path),
    )
    offsite.note(session, actor, "archive", gone, built.info.span.year,
                 *_record(built, path, size, gone, as_zip))  # fmt: skip
    return result


def _record(
    built: BuiltPackage, path: Path, size: int, gone: bool, as_zip: bool
) -> tuple[str, dict[str, object]]:
    """The ledger's summary and detail of a package written."""
    span = built.info.span
    summary = f"导出 {span.label()}归档包：{len(built.info.items)} 件，{human_size(size)}，已校验"
    return summary + ("，已存入移动介质" if gone else ""), {
        "path": str(path),
        "year": span.year,
        "from": span.first.isoformat(),
        "to": span.last.isoformat(),
        "items": [i.code for i in built.info.items],
        "numbers": [i.number for i in built.info.items],
        "zip": as_zip,
        # What an unsigned copy claiming this ledger is judged against (archive/provenance.py):
        # from this export on, every package of the ledger carries a seal.
        "format": built.info.layout,
        "sealed": seal.SEAL in built.files,
        "manifest_sha256": sha256(built.files[MANIFEST]),
    }


def estimate_size(session: Session, year: int | Span) -> int:
    """About what the package will take (PDFs and attachments, plus the tables), for the
    destination dialog's "will it fit" line before anything is built."""
    span = year if isinstance(year, Span) else Span.of_year(year)
    return copies.files_size(session, span) + 2 * 1024 * 1024
