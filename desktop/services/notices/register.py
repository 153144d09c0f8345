"""The document register (公文): drafts that change, numbers without gaps, issued PDFs that never do."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session, undefer

from db.models import AuditEntry, DocKind, DocNumber, DocStatus, Document
from db.models.documents import DocumentTask
from desktop.documents.model import DocumentKind, OfficialDocument
from desktop.services import audit, settings
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ConcurrentChange, ConflictError, DomainError, ValidationError
from desktop.services.lookup import get_or_missing
from desktop.services.notices.codec import from_json, to_json
from desktop.services.notices.kinds import check_kind
from desktop.services.notices.render import (
    RenderOptions,
    archival_pdf,
    fonts_for,
    format_of,
    render,
    render_ofd,
    render_ofd_with,
    render_options,
    render_with,
    save_document,
    save_pdf,
)
from desktop.services.timeline import TimelineEvent, Writes

if TYPE_CHECKING:  # the layout (reportlab) loads when a notice is first checked or laid out
    from desktop.documents.coverage import CoverageReport
    from desktop.documents.fonts import FontSet

__all__ = [
    "RenderOptions",
    "fonts_for",
    "render",
    "render_options",
    "render_with",
    "render_ofd",
    "format_of",
    "save_document",
    "save_pdf",
    "DocKind",
    "DocStatus",
]  # re-exported for the GUI and CLI

ISSUE_ATTEMPTS = 8


@dataclass(frozen=True)
class DocumentRow:
    id: int
    kind: DocKind
    status: DocStatus
    number: str
    title: str
    day: date  # issued on, or last changed for a draft
    period: str
    corrects_id: int | None


@dataclass(frozen=True)
class DocumentInfo:
    row: DocumentRow
    model: OfficialDocument
    version: int
    task_id: int | None
    unit_id: int | None
    issued_by: str
    pdf_sha256: str
    pages: int
    corrected_by: tuple[int, ...]
    task_ids: tuple[int, ...] = ()  # every task the document concerns (its timelines)


@dataclass(frozen=True)
class Issued:
    id: int
    number: str
    sha256: str
    pages: int


# --- reading -----------------------------------------------------------------------------------


def _row(doc: Document) -> DocumentRow:
    day = doc.issued_on or doc.updated_at.date()
    return DocumentRow(
        doc.id, doc.kind, doc.status, doc.number or "", doc.title, day, doc.period, doc.corrects_id
    )


def list_documents(
    session: Session, kind: DocKind | None = None, status: DocStatus | None = None
) -> list[DocumentRow]:
    """Newest first: issued documents by number, drafts by when they last changed."""
    query = select(Document).order_by(Document.id.desc())
    if kind is not None:
        query = query.where(Document.kind == kind)
    if status is not None:
        query = query.where(Document.status == status)
    return [_row(d) for d in session.scalars(query)]


def get_document(session: Session, doc_id: int) -> DocumentInfo:
    doc = get_or_missing(session, Document, doc_id, "公文")
    later = session.scalars(select(Document.id).where(Document.corrects_id == doc_id))
    return DocumentInfo(
        _row(doc),
        from_json(doc.content),
        doc.version,
        doc.task_id,
        doc.unit_id,
        doc.issued_by,
        doc.pdf_sha256,
        doc.pages,
        tuple(later),
        tasks_of(session, doc_id),
    )


def tasks_of(session: Session, doc_id: int) -> tuple[int, ...]:
    return tuple(
        session.scalars(
            select(DocumentTask.task_id)
            .where(DocumentTask.document_id == doc_id)
            .order_by(DocumentTask.task_id)
        )
    )


def pdf_of(session: Session, doc_id: int) -> bytes:
    """An issued document's stored PDF (checked against its SHA-256), or a draft rendered now
    (the places of its seals outlined in dashes)."""
    doc = session.scalar(
        select(Document).where(Document.id == doc_id).options(undefer(Document.pdf))
    )
    if doc is None:
        get_or_missing(session, Document, doc_id, "公文")
    assert doc is not None
    if doc.status == DocStatus.DRAFT:  # with the seals' places outlined
        return render(session, from_json(doc.content), seal_marks=True).pdf
    data = doc.pdf or b""
    if hashlib.sha256(data).hexdigest() != doc.pdf_sha256:
        raise DomainError(f"公文 {doc.number} 存档的 PDF 与登记的校验值不符，可能已被改动。")
    return data


def ofd_of(session: Session, doc_id: int) -> bytes:
    """An issued document's stored OFD (checked against its SHA-256), or one made now from the
    same content: a draft, or a document issued before OFD was kept (same number and pages)."""
    doc = session.scalar(
        select(Document).where(Document.id == doc_id).options(undefer(Document.ofd))
    )
    if doc is None:
        get_or_missing(session, Document, doc_id, "公文")
    assert doc is not None
    if doc.status == DocStatus.DRAFT or not doc.ofd:
        return render_ofd(session, from_json(doc.content)).ofd
    if hashlib.sha256(doc.ofd).hexdigest() != doc.ofd_sha256:
        raise DomainError(f"公文 {doc.number} 存档的 OFD 与登记的校验值不符，可能已被改动。")
    return doc.ofd


def issue_entry_query(doc_id: int) -> Select[str]:
    """The detail of the document's latest issue entry in the audit log (the hashes recorded at
    issue), read from the index on action and object (migration 0016)."""
    return (
        select(AuditEntry.detail)
        .where(
            AuditEntry.action == "issue",
            AuditEntry.entity == "document",
            AuditEntry.entity_id == str(doc_id),
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )


def copy_of(session: Session, doc_id: int, fmt: str) -> bytes:
    """The document as a file that leaves the desk (另存为, `duban notice render`): a draft as
    the form renders it; an issued one's stored PDF or OFD, checked against its stored hash and
    also against the hash the audit log recorded at issue, so that a file swapped in the ledger
    together with the hash beside it is refused, as archive export refuses it."""
    data = ofd_of(session, doc_id) if fmt == "ofd" else pdf_of(session, doc_id)
    doc = session.get(Document, doc_id)
    if doc is None or doc.status == DocStatus.DRAFT:
        return data
    detail = session.scalar(issue_entry_query(doc_id))
    try:
        recorded = json.loads(detail or "{}")
    except ValueError:
        recorded = {}  # not a record this check can read; the chain check speaks for it
    if not isinstance(recorded, dict):
        recorded = {}
    key = "ofd_sha256" if fmt == "ofd" else "sha256"
    stored_ofd = fmt == "ofd" and bool(doc.ofd_sha256)
    if recorded.get(key) not in (None, hashlib.sha256(data).hexdigest()) or (
        stored_ofd and "sha256" in recorded and key not in recorded
    ):
        raise DomainError(
            f"公文 {doc.number} 存档的 {fmt.upper()} 与印发时操作日志记录的校验值不符，"
            "文件和登记的校验值可能被一并替换，未输出。"
        )
    return data


# --- drafts ------------------------------------------------------------------------------------


SECRET_LEVELS = ("秘密", "机密", "绝密")
URGENCY_LEVELS = ("特急", "加急")


def check_elements(result: OfficialDocument) -> None:
    """The 版头 elements as the standard has them (saving and issuing check them)."""
    number = result.copy_number
    if number and (not number.isdigit() or len(number) > 6):
        raise ValidationError("份号应为不超过 6 位的数字。", field="copy_number")
    if result.classification and result.classification not in SECRET_LEVELS:
        raise ValidationError("密级应为 秘密、机密 或 绝密。", field="classification")
    if result.urgency and result.urgency not in URGENCY_LEVELS:
        raise ValidationError("紧急程度应为 特急 或 加急。", field="urgency")
    if result.classification_period and not result.classification:
        raise ValidationError("填写保密期限时须同时填写密级。", field="classification")


def _check_model(model: OfficialDocument) -> None:
    if not model.title.strip():
        raise ValidationError("公文标题不能为空。", field="title")
    if len(model.title) > 200:
        raise ValidationError("公文标题不能超过 200 字。", field="title")
    if not model.issuer_mark.strip():
        raise ValidationError("发文机关标志不能为空。", field="issuer_mark")
    check_elements(model)


def _frozen(doc: Document) -> ConflictError:
    return ConflictError(
        f"公文 {doc.number} 已印发，不能修改或删除；如需更正，请以其为底稿另拟一份更正文件。"
    )


@audit.writes(Permission.ISSUE_DOCUMENTS)
def create_draft(
    session: Session,
    actor: Actor,
    kind: DocKind,
    model: OfficialDocument,
    *,
    period: str = "",
    task_id: int | None = None,
    unit_id: int | None = None,
    corrects_id: int | None = None,
    task_ids: Sequence[int] = (),
    confirm_fallbacks: bool | None = False,
) -> int:
    """A new draft; ``task_ids`` are all the tasks it concerns (``task_id`` is one of them).

    Every character is checked against the fonts first: characters a fallback font draws, or
    none can, raise :class:`FontsToConfirm` unless ``confirm_fallbacks`` (the clerk has seen
    the list; the audit entry records it). None: composed by the program from the ledger, not
    the clerk's typing; checked at issue.
    """
    _check_model(model)
    fonts_detail = _check_fonts(model, fonts_for(session), confirm_fallbacks, issuing=False)
    now = clock_of(session).now()
    doc = Document(
        kind=kind,
        status=DocStatus.DRAFT,
        title=model.title.strip(),
        recipients=model.recipients,
        cc=model.cc,
        content=to_json(replace(model, doc_number="")),
        period=period,
        task_id=task_id,
        unit_id=unit_id,
        corrects_id=corrects_id,
        created_at=now,
        created_by=actor.label,
        updated_at=now,
        version=1,
        issued_by="",
        pdf_sha256="",
        pages=0,
    )
    session.add(doc)
    session.flush()
    concerned = set(task_ids) | ({task_id} if task_id is not None else set())
    session.add_all(DocumentTask(document_id=doc.id, task_id=t) for t in sorted(concerned))
    audit.record(
        session,
        actor,
        "create",
        "document",
        doc.id,
        f"拟制{kind.label}草稿：{doc.title}",
        ({"tasks": sorted(concerned)} if concerned else {}) | fonts_detail or None,
    )
    return doc.id


@audit.writes(Permission.ISSUE_DOCUMENTS)
def update_draft(
    session: Session,
    actor: Actor,
    doc_id: int,
    model: OfficialDocument,
    expected_version: int | None = None,
    *,
    confirm_fallbacks: bool | None = False,
) -> int:
    """Replace a draft's content; returns the new version. Issued documents are refused.

    ``confirm_fallbacks`` as for :func:`create_draft`.
    """
    doc = get_or_missing(session, Document, doc_id, "公文")
    if doc.status != DocStatus.DRAFT:
        raise _frozen(doc)
    if expected_version is not None and doc.version != expected_version:
        raise ConflictError("该草稿已被他人修改，请重新打开后再改。")
    _check_model(model)
    fonts_detail = _check_fonts(model, fonts_for(session), confirm_fallbacks, issuing=False)
    doc.title = model.title.strip()
    doc.recipients = model.recipients
    doc.cc = model.cc
    doc.content = to_json(replace(model, doc_number=""))
    doc.updated_at = clock_of(session).now()
    doc.version += 1
    audit.record(
        session,
        actor,
        "update",
        "document",
        doc.id,
        f"修改公文草稿：{doc.title}",
        fonts_detail or None,
    )
    return doc.version


@audit.writes(Permission.ISSUE_DOCUMENTS)
def delete_draft(session: Session, actor: Actor, doc_id: int) -> None:
    doc = get_or_missing(session, Document, doc_id, "公文")
    if doc.status != DocStatus.DRAFT:
        raise _frozen(doc)
    title = doc.title
    session.delete(doc)
    audit.record(session, actor, "delete", "document", doc_id, f"删除公文草稿：{title}")


@audit.writes(Permission.ISSUE_DOCUMENTS)
def draft_correction(session: Session, actor: Actor, doc_id: int) -> int:
    """A new draft that corrects an issued document; the original stays as it was."""
    old = get_or_missing(session, Document, doc_id, "公文")
    if old.status != DocStatus.ISSUED:
        raise ValidationError("只有已印发的公文才需要更正；草稿可直接修改。")
    model = from_json(old.content)
    model = replace(model, note=f"此件更正{old.number}，原文件作废")
    return create_draft(
        session,
        actor,
        old.kind,
        model,
        period=old.period,
        task_id=old.task_id,
        unit_id=old.unit_id,
        corrects_id=old.id,
        task_ids=tasks_of(session, old.id),
        confirm_fallbacks=None,  # the issued text, its characters confirmed then; checked at issue
    )


# --- issuing -----------------------------------------------------------------------------------


MINUTES_SUFFIX = "纪要"  # 平安办纪要: the sequence key of the minutes' 期号
RECORD_SUFFIX = "约谈记录"  # 平安办约谈记录〔2026〕3号, printed as the record's 编号
# Records of other kinds number in a sequence of their own: 平安办问责记录〔2026〕2号.
RECORD_SUFFIXES = {DocKind.ACCOUNTABILITY_RECORD: "问责记录"}


def format_number(prefix: str, year: int, serial: int) -> str:
    """机关代字〔2026〕12号: year in full inside 〔〕, no 第, no leading zeros."""
    return f"{prefix}〔{year}〕{serial}号"


class FontsToConfirm(ValidationError):
    """Characters of the draft print from a fallback font (or, at save, from none): the clerk
    sees the list and confirms before the draft is saved or issued."""

    def __init__(self, report: CoverageReport, *, issuing: bool = True) -> None:
        parts = [report.fallback_message()] if report.fallback else []
        if report.missing:  # only at save: at issue they refuse outright
            parts.append(report.missing_message())
        then = "确认无误后再印发。" if issuing else "确认无误后再保存。"
        super().__init__("".join(parts) + then, field="fonts")
        self.report = report
        self.issuing = issuing


def font_check(session: Session, doc_id: int) -> CoverageReport:
    """Every character of a saved draft against the office's fonts."""
    doc = get_or_missing(session, Document, doc_id, "公文")
    return font_check_model(session, from_json(doc.content))


def font_check_model(session: Session, model: OfficialDocument) -> CoverageReport:
    """Every character of a draft as the clerk has it (before it is saved) against the fonts."""
    from desktop.documents.coverage import check_coverage

    return check_coverage(model, fonts_for(session))


AUDITED_GLYPHS = 50  # places listed in an audit entry; the characters are always all there


def _glyph_detail(report: CoverageReport) -> dict[str, object]:
    """What the clerk confirmed, for the audit entry of the save or issue."""
    detail: dict[str, object] = {}
    if report.fallback:
        faces = {i.ch: i.font for i in report.fallback}
        detail["fonts_confirmed"] = {
            "chars": report.fallback_chars(),
            "faces": faces,
            "places": [i.describe() for i in report.fallback[:AUDITED_GLYPHS]],
            "count": len(report.fallback),
        }
    if report.missing:
        detail["fonts_missing"] = {
            "chars": "".join(dict.fromkeys(i.ch for i in report.missing)),
            "places": [i.describe() for i in report.missing[:AUDITED_GLYPHS]],
            "count": len(report.missing),
        }
    return detail


def _check_fonts(
    model: OfficialDocument, fonts: FontSet, confirmed: bool | None, *, issuing: bool
) -> dict[str, object]:
    """Check every character; returns what the audit entry records of the clerk's confirmation.

    ``confirmed`` None: a draft the program composed from the ledger, not checked until issue.
    At issue characters no font can draw refuse; at save they are listed with the fallbacks
    (the draft keeps what the clerk typed, 印发 stays blocked until they are changed).
    """
    from desktop.documents.coverage import check_coverage

    if confirmed is None:
        return {}
    report = check_coverage(model, fonts)
    if issuing and report.missing:
        raise ValidationError(report.missing_message(), field="fonts")
    if (report.fallback or report.missing) and not confirmed:
        raise FontsToConfirm(report, issuing=issuing)
    return _glyph_detail(report)


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
        raise _frozen(doc)
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
    _check_model(base)
    check_kind(doc.kind, base)

    def numbered(serial: int) -> OfficialDocument:
        if minutes:
            return replace(base, doc_number="", minutes_issue=base.minutes_issue or f"第{serial}期")
        return replace(base, doc_number=format_number(prefix, year, serial))

    options = render_options(session)
    fonts_detail = _check_fonts(base, options.fonts, confirm_fallbacks, issuing=True)
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


# --- the task timeline -------------------------------------------------------------------------


def timeline_events(session: Session, task_id: int) -> list[TimelineEvent]:
    """Issued documents about a task, for its page (registered in timeline.SOURCES).

    Through the document_task links, so a 督办通知 or 通报 about a unit shows on the timeline
    of every task of that unit it names, not only on the first.
    """
    concerns = select(DocumentTask.document_id).where(DocumentTask.task_id == task_id)
    issued = session.scalars(
        select(Document)
        .where(Document.id.in_(concerns), Document.status == DocStatus.ISSUED)
        .order_by(Document.issued_at, Document.id)
    ).all()
    writes = Writes(session, "document", (d.id for d in issued), ("issue",))
    return [
        TimelineEvent(
            d.issued_on or d.updated_at.date(),
            "公文",
            f"{d.kind.label} {d.number}",
            d.title,
            writes.last(d.id, "issue"),
        )
        for d in issued
    ]
