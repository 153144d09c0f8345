"""The document register (公文): drafts and issued notices, and the number sequences (发文字号)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import DocKind, DocStatus  # noqa: F401 - the register's names, kept here too
from db.types import text_enum


class DocNumber(Base):
    """One numbering sequence per 机关代字 and year; ``last`` is the last number issued.

    Incremented inside the issuing transaction, so a rolled-back issue leaves no gap.
    """

    __tablename__ = "doc_number"

    prefix: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Document(Base):
    """公文: a draft the clerk may change, or an issued notice frozen with its PDF."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[DocKind] = mapped_column(text_enum(DocKind), index=True)
    status: Mapped[DocStatus] = mapped_column(text_enum(DocStatus), default=DocStatus.DRAFT)
    title: Mapped[str] = mapped_column(String(200))
    recipients: Mapped[str] = mapped_column(Text, default="")
    cc: Mapped[str] = mapped_column(Text, default="")
    # The whole layout model (desktop.documents.model.OfficialDocument) as JSON.
    content: Mapped[str] = mapped_column(Text, default="{}")
    # What it was made from, so the register can find it again.
    period: Mapped[str] = mapped_column(String(7), default="", index=True)
    task_id: Mapped[int | None] = mapped_column(
        ForeignKey("task.id", ondelete="SET NULL"), default=None, index=True
    )
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="SET NULL"), default=None
    )
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(80), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Set once, when issued.
    prefix: Mapped[str | None] = mapped_column(String(20), default=None)
    year: Mapped[int | None] = mapped_column(Integer, default=None)
    serial: Mapped[int | None] = mapped_column(Integer, default=None)
    number: Mapped[str | None] = mapped_column(String(40), default=None, unique=True)
    issued_on: Mapped[date | None] = mapped_column(Date, default=None)
    issued_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    issued_by: Mapped[str] = mapped_column(String(80), default="")
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="")
    # The same pages as OFD (GB/T 33190), stored at issue beside the PDF; empty before 0009.
    ofd: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)
    ofd_sha256: Mapped[str] = mapped_column(String(64), default="")
    pages: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("prefix", "year", "serial"),
        # SQLite stores a row's columns in order: pdf_sha256, pages and ofd_sha256 sit behind the
        # PDF's bytes (its overflow pages). An archive export reads a span's issued documents
        # with them from this index instead of walking every PDF (migration 0018).
        Index(
            "ix_document_issued_files", "status", "issued_on", "pdf_sha256", "pages", "ofd_sha256"
        ),  # fmt: skip
    )


class DocumentTask(Base):
    """The tasks a document concerns: a unit's 督办通知 or an interview names several, and the
    document belongs on each of their timelines (``Document.task_id`` keeps only the first)."""

    __tablename__ = "document_task"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    task_id: Mapped[int] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class FrozenDocumentError(RuntimeError):
    """An issued document was about to be changed in the database."""


@event.listens_for(Document, "before_update")
def _refuse_changing_issued(_mapper: object, _connection: object, target: Document) -> None:
    # Last line of defence under the service's own check: an issued row never changes.
    history = inspect(target).attrs.status.history
    was = history.deleted[0] if history.deleted else target.status
    if was == DocStatus.ISSUED:
        raise FrozenDocumentError(f"公文 {target.number} 已印发，不能修改。")


@event.listens_for(Document, "before_delete")
def _refuse_deleting_issued(_mapper: object, _connection: object, target: Document) -> None:
    if inspect(target).committed_state.get("status", target.status) == DocStatus.ISSUED:
        raise FrozenDocumentError(f"公文 {target.number} 已印发，不能删除。")
