"""Archive copies kept in the ledger (archive_copy, migration 0017): each issued document's files
as a package holds them, made at issue (or by the first export that lacks them) and copied as
bytes by every export after. Issue 11: re-stamping, re-zipping and re-parsing every document
was nearly all of a year's export.

A kept copy is used only when it bears the 归档章 the export would draw (same 档号, 页数, codes),
was made from the file registered at issue (the hash the audit log checked), its bytes hash to
what it states, a stamped PDF begins with the issued bytes, and its row carries a MAC under the
audit chain's key: a row written with the ledger file and a SQLite shell is remade, not taken."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, undefer

from db.models import ArchiveCopy, Attachment, DocStatus, Document
from desktop.services import audit, settings
from desktop.services.archive import codes, making, sources
from desktop.services.archive.facts import Facts
from desktop.services.archive.model import PackageFile, PackageItem, Span, format_of, item_folder

log = logging.getLogger(__name__)

Kept = dict[int, dict[str, ArchiveCopy]]  # document id → source name → its kept copy


@dataclass(frozen=True)
class Item:
    """One 件 ready for the package: its files' bytes, their hashes (and the hash of an embedded
    original) taken once, and what the checks read from inside them, by hash."""

    item: PackageItem
    files: dict[str, bytes]
    digests: dict[str, tuple[str, str]]
    known: dict[str, Facts]


def kept(session: Session, span: Span) -> Kept:
    """The kept copies of the span's issued documents, in one query."""
    query = (
        select(ArchiveCopy)
        .join(Document, Document.id == ArchiveCopy.document_id)
        .where(
            Document.status == DocStatus.ISSUED,
            Document.issued_on >= span.first,
            Document.issued_on <= span.last,
        )
        .options(undefer(ArchiveCopy.data))
    )
    found: Kept = {}
    with _mapped(session):
        for row in session.scalars(query):
            found.setdefault(row.document_id, {})[row.name] = row
    return found


# A year's kept copies (~130 MB) read through a memory map of the ledger file rather than one
# read(2) per 4 KB page: 52-57 -> 26-27 ms warm, 125 -> 83 ms cold (issue 11). Only for this
# read: elsewhere an I/O error stays an error (SQLite's mmap turns it into SIGBUS).
_MAP_BYTES = 1 << 30


@contextlib.contextmanager
def _mapped(session: Session) -> Iterator[None]:
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql(f"PRAGMA mmap_size={_MAP_BYTES}")
    try:
        yield
    finally:
        connection.exec_driver_sql("PRAGMA mmap_size=0")


def kept_sizes_query(between: tuple[Any, ...]) -> Select[int, int]:
    """Each document's kept copies' bytes: read from ix_archive_copy_sizes (migration 0018),
    never from the rows, where ``size`` sits behind the copy's bytes."""
    return (
        select(ArchiveCopy.document_id, func.sum(ArchiveCopy.size))
        .join(Document, Document.id == ArchiveCopy.document_id)
        .where(*between)
        .group_by(ArchiveCopy.document_id)
    )


def files_size(session: Session, span: Span) -> int:
    """About how many bytes the span's items' files take in a package, from the sizes the ledger
    holds (no file is read): a document's kept copies where it has them, else its issued files.
    For the room checks before anything is built or written."""
    between = (
        Document.status == DocStatus.ISSUED,
        Document.issued_on >= span.first,
        Document.issued_on <= span.last,
    )
    kept_sizes: dict[int, int] = dict(session.execute(kept_sizes_query(between)).tuples().all())
    attached = dict(
        session.execute(
            select(Attachment.owner_id, func.sum(Attachment.size))
            .where(Attachment.owner_type == "document")
            .where(Attachment.owner_id.in_(select(Document.id).where(*between)))
            .group_by(Attachment.owner_id)
        ).all()
    )
    issued = session.execute(
        select(
            Document.id,
            func.coalesce(func.length(Document.pdf), 0)
            + func.coalesce(func.length(Document.ofd), 0),
        ).where(*between)
    )
    return sum(
        int(kept_sizes.get(doc_id) or own + (attached.get(doc_id) or 0)) for doc_id, own in issued
    )


def item(
    session: Session,
    code: codes.ArchiveCode,
    doc: sources.SourceDocument,
    office: settings.OfficeSettings,
    rows: dict[str, ArchiveCopy],
    key: bytes,
    hashing: Hashing | None = None,
) -> Item:
    """The 件 from its kept copies, or made (and kept) when they are missing or do not fit.
    ``hashing``: the kept copies' hashes, already being taken (else taken here)."""
    chosen = making.chosen_files(doc, office.archive_formats)
    found = _from_kept(code, doc, office, chosen, rows, key, hashing)
    if found is not None:
        return found
    made = making.make(code, doc, chosen)
    _keep(session, doc.id, made, rows, key)
    return _assembled(code, doc, office, made.files, made.note)


def presumed(
    code: codes.ArchiveCode,
    doc: sources.SourceDocument,
    office: settings.OfficeSettings,
    rows: dict[str, ArchiveCopy],
    key: bytes,
) -> Item | None:
    """The 件 as its kept copies would give it, every check of :func:`item` made but the hash
    of their bytes (None where a copy is missing or does not fit): what the export's writer
    starts on while those hashes are taken (export.EarlyWrite). :func:`item` decides after; a
    copy it then makes again is written again (writer.Early.stale)."""
    chosen = making.chosen_files(doc, office.archive_formats)
    return _from_kept(code, doc, office, chosen, rows, key, None, hashed=False)


def _assembled(
    code: codes.ArchiveCode,
    doc: sources.SourceDocument,
    office: settings.OfficeSettings,
    files: tuple[making.MadeFile, ...],
    note: str,
) -> Item:
    data: dict[str, bytes] = {}
    digests: dict[str, tuple[str, str]] = {}
    known: dict[str, Facts] = {}
    for f in files:
        data[f.entry.path] = f.source.data if f.data is None else f.data
        digests[f.entry.path] = (f.entry.sha256, f.entry.original_sha256)
        if f.facts is not None:
            known[f.entry.sha256] = f.facts
    packaged = PackageItem(
        code.number,
        str(code),
        doc.number,
        office.issuer_name,
        doc.title,
        doc.issued_on,
        office.retention,
        doc.kind,
        note=note,
        files=tuple(f.entry for f in files),
    )
    return Item(packaged, data, digests, known)


def _from_kept(
    code: codes.ArchiveCode,
    doc: sources.SourceDocument,
    office: settings.OfficeSettings,
    chosen: list[sources.SourceFile],
    rows: dict[str, ArchiveCopy],
    key: bytes,
    hashing: Hashing | None,
    hashed: bool = True,
) -> Item | None:
    folder = item_folder(str(code), code.year)
    files: list[making.MadeFile] = []
    for source in chosen:
        row = rows.get(source.name)
        if row is None or row.source_sha256 != source.sha256 or not _signed(row, key):
            return None
        path = f"{folder}/{code}-{source.name}"
        entry = PackageFile(
            path, source.role, format_of(path), row.size, row.pages, row.sha256,
            row.original_size, row.original_sha256,
        )  # fmt: skip
        files.append(
            making.MadeFile(source, entry, row.data, Facts.from_json(row.facts), row.stamp)
        )
    expected = making.stamp_key(making.stamp_fields(code, [f.entry for f in files]))
    note = ""
    for f, row in zip(files, (rows[s.name] for s in chosen), strict=True):
        if f.stamp not in ("", expected) or (f.source.role == "正文" and f.stamp != expected):
            return None  # another 件号 or 页数 than when it was made, or another way of making
        if not _whole(f, row, hashing, hashed):
            return None
        note = note or row.note
    return _assembled(code, doc, office, tuple(files), note)


def _whole(
    f: making.MadeFile, row: ArchiveCopy, hashing: Hashing | None, hashed: bool = True
) -> bool:
    """The kept bytes are what the row states, a stamped PDF begins with the issued file, and a
    file kept as issued is the issued one: one pass over the bytes (``hashed`` False: all but
    that pass)."""
    if f.data is None:
        return row.sha256 == f.source.sha256 and row.original_sha256 == ""
    if len(f.data) != row.size:
        return False
    if row.original_sha256 and (
        row.original_sha256 != f.source.sha256 or not 0 < row.original_size <= row.size
    ):
        return False
    if not hashed:
        return True
    taken = hashing.of(row) if hashing is not None else None
    original, whole = taken.result() if taken is not None else _digests(f.data, _prefix(row))
    return original == row.original_sha256 and whole == row.sha256


def _prefix(row: ArchiveCopy) -> int:
    """How many of a kept copy's first bytes are the issued file it embeds (0: none)."""
    return row.original_size if row.original_sha256 else 0


def _digests(data: bytes, prefix: int) -> tuple[str, str]:
    """The SHA-256 of the first ``prefix`` bytes ("" for none) and of all of them, in one pass."""
    view = memoryview(data)
    digest = hashlib.sha256(view[:prefix])
    original = digest.hexdigest() if prefix else ""
    digest.update(view[prefix:])
    return original, digest.hexdigest()


class Hashing:
    """``with Hashing(kept) as hashing``: every kept copy's bytes hashed in two threads at once
    (hashlib lets go of the GIL), while the items are assembled one by one in this one. Issue 11:
    the hashing of a year's 130 MB, one copy after the other, was most of the time before the
    items' writer could start, with the second core idle."""

    def __init__(self, kept: Kept) -> None:
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="archive-kept-hash")
        self._taken: dict[tuple[int, str], Future[tuple[str, str]]] = {}
        for rows in kept.values():
            for row in rows.values():
                if row.data is not None:
                    key = (row.document_id, row.name)
                    self._taken[key] = self._pool.submit(_digests, row.data, _prefix(row))

    def of(self, row: ArchiveCopy) -> Future[tuple[str, str]] | None:
        return self._taken.get((row.document_id, row.name))

    def __enter__(self) -> Hashing:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _message(document_id: int, name: str, row: ArchiveCopy) -> bytes:
    parts = (
        str(document_id), name, row.source_sha256, row.stamp, row.sha256, str(row.size),
        str(row.pages), str(row.original_size), row.original_sha256, row.note, row.facts,
    )  # fmt: skip
    return "\x1f".join(parts).encode("utf-8")


def _signed(row: ArchiveCopy, key: bytes) -> bool:
    made = hmac.new(key, _message(row.document_id, row.name, row), hashlib.sha256).hexdigest()
    return hmac.compare_digest(made, row.mac or "")


def _keep(
    session: Session, document_id: int, made: making.MadeItem, rows: dict[str, ArchiveCopy],
    key: bytes,
) -> None:  # fmt: skip
    """Keep what was made (replacing what no longer fits), signed, for the exports after."""
    for f in made.files:
        row = rows.get(f.source.name)
        if row is None:
            row = ArchiveCopy(document_id=document_id, name=f.source.name)
            session.add(row)
            rows[f.source.name] = row
        row.source_sha256 = f.source.sha256
        row.stamp = f.stamp
        row.data = f.data
        row.sha256, row.size, row.pages = f.entry.sha256, f.entry.size, f.entry.pages
        row.original_size, row.original_sha256 = f.entry.original_size, f.entry.original_sha256
        row.note = made.note if f.source.role == "正文" and f.entry.format == "pdf" else ""
        row.facts = (f.facts or Facts()).to_json()
        row.mac = hmac.new(key, _message(document_id, row.name, row), hashlib.sha256).hexdigest()


def make_at_issue(session: Session, doc: Document) -> None:
    """Make a just-issued document's copies, with the 件号 it takes if its year is exported
    now, so that export copies bytes. Never stops an issue: an export makes what is missing."""
    try:
        _make_at_issue(session, doc)
    except Exception:  # a file the export would refuse says so then, in its own words
        log.warning("archive copy of document %s not made at issue", doc.id, exc_info=True)


def _make_at_issue(session: Session, doc: Document) -> None:
    if doc.issued_on is None:
        return
    office = replace(settings.office(session), archive_formats="both")
    span = Span.of_year(doc.issued_on.year)
    before = session.scalar(
        select(func.count(Document.id)).where(
            Document.status == DocStatus.ISSUED,
            Document.id != doc.id,
            Document.issued_on >= span.first,
            Document.issued_on <= doc.issued_on,
        )
    )
    code = codes.assign(
        office.fonds_code, span.year, office.retention, office.organisation_code, 1, before or 0
    )[0]
    source = sources.source_of(session, doc)
    _uid, key = audit.chain_key(session)
    made = making.make(code, source, making.chosen_files(source, office.archive_formats))
    _keep(session, doc.id, made, {}, key)
