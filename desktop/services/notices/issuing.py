"""Issuing a 公文: its number taken from a sequence without gaps inside the write, its PDF and
OFD rendered with it, stored, hashed and frozen; the numbers issued so far."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.models import DocKind, DocNumber, DocStatus, Document
from desktop.documents.model import DocumentKind, OfficialDocument
from desktop.services import audit, settings
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ConcurrentChange, ConflictError
from desktop.services.lookup import get_or_missing
from desktop.services.notices import glyphs
from desktop.services.notices.codec import from_json, to_json
from desktop.services.notices.kinds import check_kind
from desktop.services.notices.register import check_model, frozen_error
from desktop.services.notices.render import (
    archival_pdf,
    render_ofd_with,
    render_options,
    render_with,
)

MINUTES_SUFFIX = "纪要"  # 平安办纪要: the sequence key of the minutes' 期号
RECORD_SUFFIX = "约谈记录"  # 平安办约谈记录〔2026〕3号, printed as the record's 编号
# Records of other kinds number in a sequence of their own: 平安办问责记录〔2026〕2号.
RECORD_SUFFIXES = {DocKind.ACCOUNTABILITY_RECORD: "问责记录"}


def format_number(prefix: str, year: int, serial: int) -> str:
    """机关代字〔2026〕12号: year in full inside 〔〕, no 第, no leading zeros."""
    return f"{prefix}〔{year}〕{serial}号"


ISSUE_ATTEMPTS = 8


@dataclass(frozen=True)
class Issued:
    id: int
    number: str
    sha256: str
    pages: int


def issue(
    session: Session, actor: Actor, doc_id: int, *, confirm_fallbacks: bool = False
) -> Issued:
    """Number, render, store and freeze a draft, retrying when another window issues at once.

    Characters no font can draw block the issue; characters drawn by a fallback font raise
    :class:`FontsToConfirm` unless ``confirm_fallbacks`` (the clerk has seen the list).

    The PDF is rendered with the number the sequence will most likely give before the write
    lock is taken, so two clerks issuing together hold the lock only for a few milliseconds.
    """
    last_error: Exception | None = None
    for attempt in range(ISSUE_ATTEMPTS):
        try:
            return _issue_once(session, actor, doc_id, confirm_fallbacks)
        except ConcurrentChange as exc:  # locked, or the number was taken: try again
            last_error = exc
            time.sleep(0.05 * (attempt + 1))
    raise ConflictError("其他窗口正在发文，暂时无法取得文号，请稍后再试。") from last_error


def _peek(session: Session, prefix: str, year: int) -> int:
    last = session.scalar(
        select(DocNumber.last).where(DocNumber.prefix == prefix, DocNumber.year == year)
    )
    return (last or 0) + 1


def _take_number(session: Session, prefix: str, year: int) -> int:
    """Advance the sequence inside the issuing transaction: a rollback gives the number back."""
    result = session.execute(
        update(DocNumber)
        .where(DocNumber.prefix == prefix, DocNumber.year == year)
        .values(last=DocNumber.last + 1)
        .execution_options(synchronize_session=False)
    )
    if not getattr(result, "rowcount", 0):
        # First number of the year: a concurrent insert fails on the primary key and retries.
        session.add(DocNumber(prefix=prefix, year=year, last=1))
        session.flush()
    return session.execute(
        select(DocNumber.last).where(DocNumber.prefix == prefix, DocNumber.year == year)
    ).scalar_one()


@audit.writes(Permission.ISSUE_DOCUMENTS)
def _issue_once(session: Session, actor: Actor, doc_id: int, confirm_fallbacks: bool) -> Issued:
    doc = get_or_missing(session, Document, doc_id, "公文")
    if doc.status != DocStatus.DRAFT:
        raise frozen_error(doc)
    office = settings.office(session)
    today = clock_of(session).today()
    base = from_json(doc.content)
    if base.kind != DocumentKind.RECORD:  # a record carries no 成文日期 and no 印发 line
        base = replace(base, date=today, printing_date=today)
    letter = base.kind == DocumentKind.LETTER and office.letter_prefix.strip()
    minutes = base.kind == DocumentKind.MINUTES
    prefix = office.letter_prefix.strip() if letter else office.doc_prefix.strip()
    record = base.kind == DocumentKind.RECORD
    if record:
        suffix = RECORD_SUFFIXES.get(doc.kind, RECORD_SUFFIX)
        prefix = (prefix + suffix)[:20]  # 约谈记录: a register number of their own
    if minutes:
        # 纪要 never take a 文件 number: a sequence of their own per year (and per series: the
        # 会商 minutes apart from the 领导小组会议's), printed as （第N期）. The meeting's own
        # 期号, when the draft has one, is what prints.
        series = "会商" if "会商" in base.issuer_mark else ""
        prefix = (prefix + MINUTES_SUFFIX + series)[:20]
    year = today.year
    check_model(base)
    check_kind(doc.kind, base)

    def numbered(serial: int) -> OfficialDocument:
        if minutes:
            return replace(base, doc_number="", minutes_issue=base.minutes_issue or f"第{serial}期")
        return replace(base, doc_number=format_number(prefix, year, serial))

    options = render_options(session)
    fonts_detail = glyphs.check_fonts(base, options.fonts, confirm_fallbacks, issuing=True)
    guess = _peek(session, prefix, year)
    model = numbered(guess)
    result, ofd = render_with(model, options), render_ofd_with(model, options)
    serial = _take_number(session, prefix, year)  # from here on the write lock is held
    if serial != guess:
        model = numbered(serial)
        result, ofd = render_with(model, options), render_ofd_with(model, options)

    number = f"{prefix}〔{year}〕{model.minutes_issue}" if minutes else model.doc_number
    pdf = archival_pdf(result.pdf)  # PDF/A-2b: what is kept, hashed and handed out
    digest = hashlib.sha256(pdf).hexdigest()
    doc.content = to_json(model)
    doc.prefix, doc.year, doc.serial, doc.number = prefix, year, serial, number
    doc.issued_on = today
    doc.issued_at = clock_of(session).now()
    doc.issued_by = actor.label
    doc.pdf = pdf
    doc.pdf_sha256 = digest
    doc.ofd = ofd.ofd  # the same pages as OFD (GB/T 33190), kept beside the PDF
    doc.ofd_sha256 = hashlib.sha256(ofd.ofd).hexdigest()
    doc.pages = result.page_count
    doc.updated_at = doc.issued_at
    doc.status = DocStatus.ISSUED
    session.flush()
    audit.record(
        session,
        actor,
        "issue",
        "document",
        doc.id,
        f"印发{doc.kind.label}{number}：{doc.title}",
        {
            "number": number,
            "sha256": digest,
            "ofd_sha256": doc.ofd_sha256,
            "pages": result.page_count,
            **fonts_detail,
        },
    )
    from desktop.services.archive import copies  # its archive copies, so exports copy bytes

    copies.make_at_issue(session, doc)
    return Issued(doc.id, number, digest, result.page_count)


def numbers_issued(session: Session, prefix: str, year: int) -> list[int]:
    """Serials issued under a prefix and year, in order (for checks and the register)."""
    return list(
        session.scalars(
            select(Document.serial)
            .where(Document.prefix == prefix, Document.year == year)
            .order_by(Document.serial)
        )
    )


def count_issued(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(Document).where(Document.status == DocStatus.ISSUED)
        )
        or 0
    )
