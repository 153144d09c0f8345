"""What goes into a year's package, read from the ledger: issued documents and the ledger tables."""

from __future__ import annotations

import csv
import enum
import functools
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cached_property
from typing import Any, NoReturn

from sqlalchemy import LargeBinary, Select, Table, and_, func, select
from sqlalchemy.orm import Session, undefer

from db.base import Base
from db.models import Attachment, AuditEntry, DocStatus, Document, FundEntry, ProgressReport
from desktop.services.archive.model import Span
from desktop.services.errors import DomainError
from desktop.services.sheet_guard import csv_field, risky


@dataclass(frozen=True)
class SourceFile:
    """One issued file; its bytes are read from the ledger (and checked against ``sha256``)
    only when asked for: an export that has the file's archive copy never needs them."""

    name: str
    role: str  # 正文 or 附件
    sha256: str  # as registered at issue (and, for a 正文, as the audit log recorded it)
    load: Callable[[], bytes] = field(repr=False, compare=False)

    @cached_property
    def data(self) -> bytes:
        return self.load()


@dataclass(frozen=True)
class SourceDocument:
    """One issued document (件) with its files, in the order it is archived."""

    id: int
    kind: str
    number: str
    title: str
    issued_on: date
    pages: int
    files: tuple[SourceFile, ...]


def _issued_between(first: date, last: date) -> Any:
    return and_(
        Document.status == DocStatus.ISSUED, Document.issued_on >= first, Document.issued_on <= last
    )


def numbered_before(session: Session, span: Span) -> int:
    """How many of the year's documents come before the span: items are ordered by date first,
    so the span's items carry the year's numbers from this count + 1 on."""
    if span.first <= date(span.year, 1, 1):
        return 0
    query = select(func.count(Document.id)).where(
        _issued_between(date(span.year, 1, 1), span.first - timedelta(days=1))
    )
    return int(session.scalar(query) or 0)


def issued_query(span: Span) -> Select[Document]:
    """The span's issued documents in 件号 order; the hashes and pages after the PDF's bytes
    come from ix_document_issued_files (migration 0018)."""
    return (
        select(Document)
        .where(_issued_between(span.first, span.last))
        .order_by(
            Document.issued_on, Document.issued_at, Document.year, Document.serial, Document.id
        )
    )


def issued_documents(session: Session, span: Span) -> list[SourceDocument]:
    """The span's issued documents by date (then number): the order that fixes their 件号.

    Read here rather than through the notices register's one-document `pdf_of` so that a year
    is one query; the hashes registered beside the PDF and OFD are checked against those the
    audit log recorded when they were issued, the bytes against them when they are read.
    """
    first, last = span.first, span.last
    query = issued_query(span)
    recorded = issued_hashes(session)
    attachments = _attachments_between(session, first, last)
    found = []
    for doc in session.scalars(query):
        digest = doc.pdf_sha256
        at_issue = recorded.get(doc.id, {})
        if at_issue.get("sha256") not in (None, digest):
            # The file and the hash beside it were both replaced: the audit log still holds the
            # hash taken when it was issued.
            raise DomainError(
                f"公文 {doc.number}（{doc.title}）存档的 PDF 与印发时操作日志记录的校验值不符，"
                "文件和登记的校验值可能被一并替换，未导出归档包。"
            )
        if doc.ofd_sha256:
            if at_issue.get("ofd_sha256") not in (None, doc.ofd_sha256):
                _refuse_changed(doc, "OFD")
            if "sha256" in at_issue and "ofd_sha256" not in at_issue:
                # Issued with its PDF only (before the OFD was kept): an OFD there now was put
                # in afterwards, by someone with the ledger file and not the program.
                raise DomainError(
                    f"公文 {doc.number}（{doc.title}）印发时只存档了 PDF（操作日志的印发记录中"
                    "没有 OFD），现在却有 OFD，可能是事后加入的，未导出归档包。"
                )
        found.append(source_of(session, doc, attachments.get(doc.id, [])))
    return found


def source_of(
    session: Session, doc: Document, attachments: list[Attachment] | None = None
) -> SourceDocument:
    """One issued document and its files (``attachments``: its own, when already read)."""
    files = [SourceFile("正文.pdf", "正文", doc.pdf_sha256, _pdf_of(doc))]
    if doc.ofd_sha256:
        files.append(SourceFile("正文.ofd", "正文", doc.ofd_sha256, _ofd_of(doc)))
    if attachments is None:
        attachments = list(
            session.scalars(_attachment_query().where(Attachment.owner_id == doc.id))
        )
    files += _attachment_files(attachments)
    return SourceDocument(
        doc.id,
        doc.kind.label,
        doc.number or "",
        doc.title,
        doc.issued_on or date(doc.year or 1970, 1, 1),
        doc.pages,
        tuple(files),
    )


def _refuse_changed(doc: Document, what: str) -> NoReturn:
    if what == "OFD":
        raise DomainError(
            f"公文 {doc.number}（{doc.title}）存档的 OFD 与印发时登记的校验值不符，"
            "可能已被改动，未导出归档包。"
        )
    raise DomainError(
        f"公文 {doc.number}（{doc.title}）存档的 PDF 与印发时登记的校验值不符，"
        "可能已被改动，未导出归档包。"
    )


def _pdf_of(doc: Document) -> Callable[[], bytes]:
    def load() -> bytes:
        pdf = doc.pdf or b""
        if not pdf or hashlib.sha256(pdf).hexdigest() != doc.pdf_sha256:
            _refuse_changed(doc, "PDF")
        return pdf

    return load


def _ofd_of(doc: Document) -> Callable[[], bytes]:
    def load() -> bytes:
        ofd = doc.ofd or b""
        if hashlib.sha256(ofd).hexdigest() != doc.ofd_sha256:
            _refuse_changed(doc, "OFD")
        return ofd

    return load


def issued_hashes(session: Session) -> dict[int, dict[str, str]]:
    """document id → the hashes its issue entry in the audit log recorded (sha256, ofd_sha256)."""
    found: dict[int, dict[str, str]] = {}
    for entity_id, detail in session.execute(
        select(AuditEntry.entity_id, AuditEntry.detail).where(
            AuditEntry.action == "issue", AuditEntry.entity == "document"
        )
    ):
        try:
            values = json.loads(detail or "{}")
            found[int(entity_id)] = {
                k: str(values[k]) for k in ("sha256", "ofd_sha256") if k in values
            }
        except (ValueError, TypeError):
            continue  # not a record this check can read; the chain check speaks for it
    return found


def _attachment_query() -> Any:
    return (
        select(Attachment)
        .where(Attachment.owner_type == "document")
        .order_by(Attachment.id)
        .options(undefer(Attachment.content))
    )


def _attachments_between(session: Session, first: date, last: date) -> dict[int, list[Attachment]]:
    """The attachments of the documents issued between two days, by document, in one query."""
    ids = select(Document.id).where(_issued_between(first, last))
    found: dict[int, list[Attachment]] = {}
    for att in session.scalars(_attachment_query().where(Attachment.owner_id.in_(ids))):
        found.setdefault(att.owner_id, []).append(att)
    return found


def _attachment_files(attachments: list[Attachment]) -> list[SourceFile]:
    files = []
    for n, att in enumerate(attachments, start=1):
        content = att.content
        if hashlib.sha256(content).hexdigest() != att.sha256:
            raise DomainError(
                f"附件“{att.filename}”与登记的校验值不符，可能已被改动，未导出归档包。"
            )
        name = f"附件{n}-{_safe_filename(att.filename)}"
        files.append(SourceFile(name, "附件", att.sha256, functools.partial(bytes, content)))
    return files


def _safe_filename(name: str) -> str:
    # Names go onto FAT/exFAT and Windows: no separators or reserved characters.
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name).strip(". ")
    return cleaned[:120] or "附件"


# --- the ledger as open formats (data/) ---------------------------------------------------------

# Credentials never leave the PC; the rest of the ledger does, so it can be read without us.
# archive_copy holds files the items' folders have, and what the checks read from them.
SKIPPED_TABLES = {"user_account", "alembic_version", "archive_copy"}

_YEAR_FILTERS: dict[str, Callable[[int], Any]] = {
    "progress_report": lambda y: ProgressReport.period.like(f"{y}-%"),
    "fund_entry": lambda y: and_(
        FundEntry.entry_date >= date(y, 1, 1), FundEntry.entry_date <= date(y, 12, 31)
    ),
    "document": lambda y: and_(
        Document.status == DocStatus.ISSUED,
        Document.issued_on >= date(y, 1, 1),
        Document.issued_on <= date(y, 12, 31),
    ),
    "audit_entry": lambda y: and_(
        AuditEntry.at >= datetime(y, 1, 1), AuditEntry.at < datetime(y + 1, 1, 1)
    ),
}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _field(value: object) -> object:
    """A CSV field: the exact types of nearly every value first (a year's tables are ~50,000
    fields), then :func:`_cell`. An int or float goes to the writer as it is (it writes str())."""
    if type(value) is str:
        return "'" + value if value and risky(value) else value
    if type(value) is int or type(value) is float:
        return value
    if value is None:
        return ""
    return csv_field(value) if isinstance(value, str) else _cell(value)


def _table_csv(session: Session, table: Table, year: int) -> bytes:
    columns = [c for c in table.columns if not isinstance(c.type, LargeBinary)]
    query = select(*columns)
    if table.name in _YEAR_FILTERS:
        query = query.where(_YEAR_FILTERS[table.name](year))
    query = query.order_by(*table.primary_key.columns)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    # Text only (a negative amount stays a number): see desktop/services/sheet_guard.py.
    writer.writerows([_field(v) for v in row] for row in session.execute(query))
    # A BOM so that Excel on a Chinese Windows opens the UTF-8 text correctly.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_count() -> int:
    return sum(1 for t in Base.metadata.sorted_tables if t.name not in SKIPPED_TABLES)


def ledger_tables(session: Session, year: int) -> dict[str, bytes]:
    """``data/<table>.csv`` for every ledger table: dated tables limited to the year, binary
    columns (PDFs, scans) left out because their files are in the items' folders."""
    return {
        f"data/{table.name}.csv": _table_csv(session, table, year)
        for table in Base.metadata.sorted_tables
        if table.name not in SKIPPED_TABLES
    }
