"""Archive copies: each issued document's files as an archive package holds them, made once."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class ArchiveCopy(Base):
    """One file of an issued document as it goes into every archive package: the 正文 PDF bearing
    the 归档章, the OFD-A copy, or (``data`` empty) a file that goes as issued. Derived, never
    typed: made at issue or by the first export that lacks it, remade when the 归档章's fields
    or the issued file differ, and signed with the audit chain's key (``mac``) so that a row
    written with the ledger file alone is not taken (desktop/services/archive/copies.py)."""

    __tablename__ = "archive_copy"
    # SQLite stores a row's columns in order: every column after ``data`` sits behind the
    # copy's bytes (its overflow pages). The sizes an export's room check sums come from this
    # index instead, without reading 130 MB of copies (migration 0018).
    __table_args__ = (Index("ix_archive_copy_sizes", "document_id", "size"),)

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(260), primary_key=True)  # 正文.pdf, 附件1-….pdf
    source_sha256: Mapped[str] = mapped_column(String(64))  # the issued file it was made from
    stamp: Mapped[str] = mapped_column(String(200), default="")  # the 归档章's fields it bears
    data: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    original_size: Mapped[int] = mapped_column(Integer, default=0)
    original_sha256: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    facts: Mapped[str] = mapped_column(Text, default="{}")  # what the 四性检测 reads (JSON)
    mac: Mapped[str] = mapped_column(String(64))
