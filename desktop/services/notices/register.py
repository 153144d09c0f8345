"""The document register (公文): reading it, and drafts that change until they are issued
(notices/issuing.py numbers and freezes them; notices/glyphs.py checks their characters)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, undefer

from db.models import AuditEntry, DocKind, DocStatus, Document
from db.models.documents import DocumentTask
from desktop.documents.model import OfficialDocument
from desktop.services import audit
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ConflictError, DomainError, ValidationError
from desktop.services.lookup import get_or_missing
from desktop.services.notices import glyphs
from desktop.services.notices.codec import from_json, to_json
from desktop.services.notices.render import (
    RenderOptions,
    fonts_for,
    format_of,
    render,
    render_ofd,
    render_options,
    render_with,
    save_document,
    save_pdf,
)
from desktop.services.timeline import TimelineEvent, Writes

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


def check_model(model: OfficialDocument) -> None:
    if not model.title.strip():
        raise ValidationError("公文标题不能为空。", field="title")
    if len(model.title) > 200:
        raise ValidationError("公文标题不能超过 200 字。", field="title")
    if not model.issuer_mark.strip():
        raise ValidationError("发文机关标志不能为空。", field="issuer_mark")
    check_elements(model)


def frozen_error(doc: Document) -> ConflictError:
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
    check_model(model)
    fonts_detail = glyphs.check_fonts(model, fonts_for(session), confirm_fallbacks, issuing=False)
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
        raise frozen_error(doc)
    if expected_version is not None and doc.version != expected_version:
        raise ConflictError("该草稿已被他人修改，请重新打开后再改。")
    check_model(model)
    fonts_detail = glyphs.check_fonts(model, fonts_for(session), confirm_fallbacks, issuing=False)
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
        raise frozen_error(doc)
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
