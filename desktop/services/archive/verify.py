"""四性检测 of a package (folder, ZIP or memory): each file read once, then every DA/T 70 item of
archive/checks.py decided from what was read. Reads only, never writes."""

from __future__ import annotations

import codecs
import hashlib
import logging
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from desktop.services.archive import carrier, provenance, seal
from desktop.services.archive.checks import VerifyReport
from desktop.services.archive.content import check_catalogues, check_items, check_opens
from desktop.services.archive.facts import Known
from desktop.services.archive.metadata import from_xml, parse_manifest, sha256
from desktop.services.archive.model import (
    CATALOGUE,
    FORMAT_VERSION,
    LEGACY_FORMAT,
    MANIFEST,
    METADATA,
    REPORT,
    PackageInfo,
    PackageItem,
    is_litter,
)
from desktop.services.archive.reader import PackageReader, UnsafePackage, open_package
from desktop.services.audit_anchor import HEAD_FILE, read_head_document
from desktop.services.diagnostics.logs import internal_error
from desktop.services.errors import DomainError

log = logging.getLogger(__name__)

__all__ = [
    "Ahead",
    "Pass",
    "VerifyReport",
    "embedded_sizes",
    "keeps_whole",
    "report_manifest_line",
    "stream",
    "verify_package",
    "verify_reader",
]


def report_manifest_line(manifest_hash: str) -> str:
    return f"manifest.sha256 的 SHA-256：{manifest_hash}"


def verify_package(
    path: Path,
    on_file: Callable[[], None] | None = None,
    *,
    ledger: provenance.LedgerHistory | None = None,
    known: Known | None = None,
    ahead: Ahead | None = None,
) -> VerifyReport:
    """Check a package made here or on another PC; reads only, never writes. ``on_file`` is
    called after each file is read (progress; it may raise to cancel). ``ledger``: the open
    ledger's exports (provenance.history), against which an unsigned package claiming it is
    judged; without it, such a package naming a ledger whose key this desk holds is refused.
    ``known``, ``ahead``: see verify_reader (the export's read-back of what it has just
    checked, and of the files it read back while writing the next ones)."""
    report = VerifyReport(str(path))
    try:
        reader = open_package(Path(path))
    except UnsafePackage as exc:
        report.abort(exc.check, str(exc))
        return report
    except OSError as exc:
        report.abort("readable", f"读取出错（介质可能已被拔出或损坏）：{exc.strerror or exc}")
        return report
    except Exception as exc:  # every input gets a report, never a traceback
        report.internal = internal_error(log, f"opening package {path}", exc)
        return report
    try:
        verify_reader(reader, report, on_file=on_file, ledger=ledger, known=known, ahead=ahead)
    finally:
        reader.close()
    from desktop.services.archive.transport import opened_from  # it imports this module

    try:
        report.opened_from, problem = opened_from(Path(path))
    except OSError as exc:
        report.opened_from, problem = "", f"无法读取该包旁边的来源说明：{exc.strerror or exc}"
    if problem:
        report.notes.append(problem)
    return report


def verify_reader(
    reader: PackageReader,
    report: VerifyReport | None = None,
    *,
    with_report: bool = True,
    on_file: Callable[[], None] | None = None,
    ledger: provenance.LedgerHistory | None = None,
    known: Known | None = None,
    ahead: Ahead | None = None,
) -> VerifyReport:
    """``known``: what was read from inside files before (archive/facts.py), by SHA-256; a file
    with the same hash is not parsed again, and what is parsed here is added to it. ``ahead``:
    files of this package already read through (archive/readback.py), by name, with the
    original's size their pass assumed: taken as read here when that is the size metadata.xml
    gives (their errors are raised here, as if read now)."""
    report = report or VerifyReport(reader.label)
    known = {} if known is None else known
    try:
        _verify(reader, report, with_report, on_file, ledger, known, ahead or {})
    except UnsafePackage as exc:
        report.abort(exc.check, str(exc))
    except OSError as exc:
        report.abort("readable", f"读取出错（介质可能已被拔出或损坏）：{exc.strerror or exc}")
    except DomainError:  # cancelled by the clerk, or refused: the caller says so
        raise
    except Exception as exc:  # every input gets a report, never a traceback
        report.internal = internal_error(log, f"verifying {reader.label}", exc)
    return report


_READ_FAULTS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError)
KEEP_WHOLE = 64 * 1024**2  # a file verify must parse whole (XML, XLSX, PDF) is kept up to this
_PARSED = (
    METADATA,
    CATALOGUE,
    REPORT,
    carrier.README,
    carrier.CATALOGUE_XML,
    seal.SEAL,
    HEAD_FILE,
)


def keeps_whole(name: str) -> bool:
    """Whether verify parses the file (so its pass keeps the bytes)."""
    return name.rsplit(".", 1)[-1].lower() in ("pdf", "ofd") or name in _PARSED


def embedded_sizes(info: PackageInfo | None) -> dict[str, int]:
    """Path → size of the original a file embeds (its pass hashes that prefix on the way)."""
    return {} if info is None else embedded_in(info.items)


def embedded_in(items: Iterable[PackageItem]) -> dict[str, int]:
    """:func:`embedded_sizes` of these items."""
    return {f.path: f.original_size for i in items for f in i.files if f.original_sha256}


@dataclass
class _Pass:
    """One file read through once, in chunks: its hash and size, the prefix hash of an embedded
    original, whether it is UTF-8 (looked at for the CSV tables only: nothing else is text the
    checks read as UTF-8), and the bytes only if it must be parsed and is not huge."""

    sha256: str = ""
    size: int = 0
    original: str = ""
    utf8: bool = True
    data: bytes | None = None
    tail: bytes = b""


Pass = _Pass  # what :func:`stream` returns
# name → (the original's size its pass assumed, the pass): what was read ahead (readback.py)
Ahead = Mapping[str, tuple[int | None, Future[_Pass]]]


def stream(
    reader: PackageReader, name: str, prefix: int | None, expected: str | None = None
) -> _Pass:
    """One file read through once, as verify reads it (for a read-back run ahead of it).
    ``expected``: the SHA-256 it was written with, when what the checks read inside it is known
    by that hash: its bytes are not kept (128 MB of PDFs held a second time, in fresh memory),
    unless it reads back different, when it is read again to say what is wrong with it."""
    if expected is None:
        return _stream(reader, name, keeps_whole(name), prefix, {})
    one = _stream(reader, name, False, prefix, {})
    if one.sha256 != expected and keeps_whole(name):
        one = _stream(reader, name, True, prefix, {})
    return one


@dataclass
class Read:
    """What the one pass over the package found, for the checks to decide from."""

    names: list[str] = field(default_factory=list)
    listed: dict[str, str] = field(default_factory=dict)  # manifest: path → hash
    actual: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    passes: dict[str, _Pass] = field(default_factory=dict)
    kept: dict[str, bytes] = field(default_factory=dict)  # the package's own files, parsed

    @property
    def present(self) -> set[str]:
        return set(self.names)


def _stream(
    reader: PackageReader, name: str, keep: bool, prefix: int | None, digests: Digests
) -> _Pass:
    if name in digests:  # bytes in memory whose hashes were taken as they were made
        return _known(name, reader.read(name), keep, digests[name])
    digest, size = hashlib.sha256(), 0
    head = ""  # the hash of the first ``prefix`` bytes: the same pass, read off on the way
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = checks_utf8 = _is_text(name)
    kept: list[bytes] | None = [] if keep else None
    tail = b""
    for chunk in reader.chunks(name):
        if prefix is not None and not head and size + len(chunk) >= prefix:
            view = memoryview(chunk)
            digest.update(view[: prefix - size])
            head = digest.hexdigest()
            digest.update(view[prefix - size :])
        else:
            digest.update(chunk)
        if utf8:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                utf8 = False
        size += len(chunk)
        tail = chunk[-4096:] if len(chunk) >= 4096 else (tail + chunk)[-4096:]
        if kept is not None:
            kept = kept + [chunk] if size <= KEEP_WHOLE else None
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    utf8 = utf8 or not checks_utf8
    data = b"".join(kept) if kept is not None else None
    if prefix is not None and not head:  # shorter than its original claims to be
        head = digest.hexdigest()
    return _Pass(digest.hexdigest(), size, head, utf8, data, tail)


Digests = dict[str, tuple[str, str]]  # name → (SHA-256, SHA-256 of its embedded original or "")


def _is_text(name: str) -> bool:
    return name.rsplit(".", 1)[-1].lower() == "csv"


def _known(name: str, data: bytes, keep: bool, digests: tuple[str, str]) -> _Pass:
    utf8 = True
    if _is_text(name):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            utf8 = False
    kept = data if keep and len(data) <= KEEP_WHOLE else None
    return _Pass(digests[0], len(data), digests[1], utf8, kept, data[-4096:])


def _read(reader: PackageReader, name: str, report: VerifyReport) -> bytes | None:
    try:
        return reader.read(name)
    # CRC error, corrupt deflate stream, truncated entry, unknown compression method
    except _READ_FAULTS as exc:
        report.add("readable", f"“{name}”读取时校验出错：{exc}")
        return None


def _ahead(reader: PackageReader, present: set[str], report: VerifyReport) -> PackageInfo | None:
    """metadata.xml, read before the files: it says which files embed an original and which are
    正文 (so each file is read once). One that does not parse is reported here."""
    if METADATA not in present:
        return None
    data = _read(reader, METADATA, report)
    if data is None:
        return None
    try:
        return from_xml(data)
    except UnsafePackage as exc:
        report.add("opens", str(exc))
        return None


def _verify(
    reader: PackageReader,
    report: VerifyReport,
    with_report: bool,
    on_file: Callable[[], None] | None,
    ledger: provenance.LedgerHistory | None,
    known: Known,
    ahead: Ahead,
) -> None:
    read = Read()
    digests: Digests = getattr(reader, "digests", {})
    for name in reader.names():
        (report.litter if is_litter(name) else read.names).append(name)
    present = read.present
    info = _ahead(reader, present, report)
    report.info = info
    manifest_data = (_read(reader, MANIFEST, report) if MANIFEST in present else None) or b""
    read.listed = parse_manifest(manifest_data) if manifest_data else {}
    report.manifest_sha256 = sha256(manifest_data) if manifest_data else ""
    embedded = embedded_sizes(info)
    for name in read.names:
        early = ahead.get(name)
        try:
            if early is not None and early[0] == embedded.get(name):
                one = early[1].result()
            else:
                one = _stream(reader, name, keeps_whole(name), embedded.get(name), digests)
        except _READ_FAULTS as exc:  # CRC error, corrupt deflate stream, truncated entry
            report.add("readable", f"“{name}”读取时校验出错：{exc}")
            continue
        finally:
            if on_file is not None:
                on_file()
        read.actual[name], read.sizes[name] = one.sha256, one.size
        read.passes[name] = one
        report.files += 1
        report.size += one.size
        if name in _PARSED and one.data is not None:
            read.kept[name] = one.data
    for name in getattr(reader, "unusual_compression", []):
        report.add("plain", f"“{name}”使用了非标准的压缩方式（只应使用存储或 Deflate）。")
    _check_structure(report, info, present, with_report)
    _check_hashes(report, read, with_report)
    _check_seal(report, read, manifest_data, info, ledger)
    _check_description(report, read)
    pages = check_opens(report, read.passes, info, known)
    if info is not None:
        check_items(report, info, read.actual, read.sizes, pages, read.passes, known)
        check_catalogues(report, info, read.kept, known, read.actual)
    else:
        for key in ("content", "fields", "paths", "metadata", "counts", "numbering", "catalogue"):
            report.skip(key, "metadata.xml 缺失或无法读取，未检")


def _check_structure(
    report: VerifyReport, info: PackageInfo | None, present: set[str], with_report: bool
) -> None:
    legacy = info is not None and info.layout == LEGACY_FORMAT
    required = [CATALOGUE, METADATA, MANIFEST] + ([REPORT] if with_report else [])
    if not legacy:  # the carrier layout (format /2) and its seal
        required += [seal.SEAL, HEAD_FILE, *carrier.CARRIER_FILES]
    elif carrier.README in present:  # an old package written with the carrier files
        required += list(carrier.LEGACY_CARRIER_FILES)
    for name in required:
        if name not in present:
            report.add("structure", f"缺少 {name}。")
    if info is not None and info.layout not in (LEGACY_FORMAT, FORMAT_VERSION):
        report.add("structure", f"metadata.xml 的包格式“{info.layout}”不是本程序认识的格式。")


def _check_hashes(report: VerifyReport, read: Read, with_report: bool) -> None:
    """Every file against the manifest, both ways; files the manifest does not name."""
    for name in read.names:
        if name not in read.actual:
            continue  # unreadable: 载体可读 says so
        if name in read.listed:
            if read.listed[name] != read.actual[name]:
                report.add("hashes", f"“{name}”的内容与 manifest.sha256 不符（被改动或损坏）。")
        elif name not in (MANIFEST, REPORT, seal.SEAL):
            report.add("extras", f"多出清单中没有的文件：“{name}”。")
    for name in sorted(set(read.listed) - read.present):
        report.add("files", f"缺少清单中列出的文件：“{name}”。")
    kept_report = read.kept.get(REPORT)
    old_report = REPORT not in read.listed and report.manifest_sha256
    if with_report and kept_report is not None and old_report:
        # Packages made before REPORT.txt was in the manifest: it quotes the manifest's hash,
        # which proves the manifest, but nothing else of REPORT.txt is protected.
        quoted = kept_report.decode("utf-8", "replace")
        if report_manifest_line(report.manifest_sha256) not in quoted:
            report.add("hashes", "REPORT.txt 记载的清单校验值与 manifest.sha256 不符。")
        else:
            report.notes.append(
                "REPORT.txt 不在 manifest.sha256 中（较早版本制作的包）："
                "其中的件数等内容未受校验保护。"
            )


def _check_seal(
    report: VerifyReport,
    read: Read,
    manifest_data: bytes,
    info: PackageInfo | None,
    ledger: provenance.LedgerHistory | None,
) -> None:
    legacy = info is not None and info.layout == LEGACY_FORMAT
    found = (
        seal.check(read.kept.get(seal.SEAL), manifest_data, required=not legacy)
        if manifest_data
        else seal.SealCheck(False, unchecked="没有 manifest.sha256，无从验证签名")
    )
    if found.problem:
        report.add("seal", found.problem)
        return
    if found.verified:
        report.sealed_by = found.ledger
        return
    # Not verifiably signed: an unsigned copy claiming a ledger whose key is here is a forgery
    # unless that ledger's log shows it was exported before sealing began (provenance.py).
    head_file = read.kept.get(HEAD_FILE)
    head = read_head_document(head_file) if head_file is not None else None
    verdict = provenance.judge(ledger, head, info)
    if verdict.problem:
        report.add("seal", verdict.problem)
    else:
        report.skip(
            "seal", verdict.old or " ".join(filter(None, (found.unchecked, verdict.warning)))
        )


def _check_description(report: VerifyReport, read: Read) -> None:
    """说明文件's content digest is the one of the files the manifest lists (the manifest's link
    to the files is 文件与清单一致's)."""
    readme = read.kept.get(carrier.README)
    if readme is None:
        report.skip("description", "没有说明文件.TXT（较早版本制作的包），未检")
        return
    stated = carrier.readme_digest(readme.decode("utf-8", "replace"))
    sha, _sm = carrier.digest_of_hashes(read.listed)
    if stated != sha:
        report.add("description", "说明文件.TXT 记载的内容摘要与清单所列文件不符。")
