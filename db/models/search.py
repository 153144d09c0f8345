"""The search index (全文检索): one row per searchable record, kept in step by db.search."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class SearchEntry(Base):
    """One record as the search box sees it: its kind, its words, the task it belongs to.

    ``terms`` holds the text with every Chinese character as its own token, so that a phrase
    query finds any substring, however short; ``pinyin`` holds the full pinyin and the initials
    of names (tasks, units, people) from every starting character, for prefix queries."""

    __tablename__ = "search_entry"
    __table_args__ = (UniqueConstraint("kind", "ref_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    ref_id: Mapped[int] = mapped_column(Integer)
    task_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    terms: Mapped[str] = mapped_column(Text, default="")
    pinyin: Mapped[str] = mapped_column(Text, default="")
