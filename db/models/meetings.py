"""会议 and 会商: leading-group meetings and their decisions (议定事项)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base
from db.enums import QT_TR_NOOP, LabelledEnum
from db.models.ledger import Unit
from db.types import text_enum


class MeetingKind(LabelledEnum):
    LEADING_GROUP = ("leading_group", QT_TR_NOOP("领导小组会议"))
    CONSULTATION = ("consultation", QT_TR_NOOP("会商"))


class Meeting(Base):
    """A meeting: when, where, who chaired and attended, what it decided; minutes in 纪要 format."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MeetingKind] = mapped_column(text_enum(MeetingKind))
    title: Mapped[str] = mapped_column(String(200))
    issue_no: Mapped[int] = mapped_column(Integer)  # （第X期）within the year and kind
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(120), default="")
    chair: Mapped[str] = mapped_column(String(80), default="")
    present: Mapped[str] = mapped_column(Text, default="")  # 出席
    absent: Mapped[str] = mapped_column(Text, default="")  # 请假
    attending: Mapped[str] = mapped_column(Text, default="")  # 列席
    topics: Mapped[str] = mapped_column(Text, default="")
    minutes_document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), default=None)

    decisions: Mapped[list[MeetingDecision]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingDecision.seq"
    )


class MeetingDecision(Base):
    """议定事项: one decision; with a unit and a deadline it becomes a supervised item."""

    __tablename__ = "meeting_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), default=None)
    due: Mapped[date | None] = mapped_column(Date, default=None)

    meeting: Mapped[Meeting] = relationship(back_populates="decisions")
    unit: Mapped[Unit | None] = relationship()
