"""The escalation chain's records: supervision items (催办, 督办通知, 现场督查) and dismissed proposals."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base
from db.enums import QT_TR_NOOP, LabelledEnum
from db.models.ledger import Task, Unit
from db.types import text_enum


class SupervisionKind(LabelledEnum):
    """Steps of the chain before an interview, mildest first."""

    REMINDER = ("reminder", QT_TR_NOOP("催办"))
    NOTICE = ("notice", QT_TR_NOOP("督办通知"))
    SITE_CHECK = ("site_check", QT_TR_NOOP("现场督查"))


class SupervisionOrigin(LabelledEnum):
    LAMP = ("lamp", QT_TR_NOOP("亮灯"))
    MEETING = ("meeting", QT_TR_NOOP("会议议定"))
    MANUAL = ("manual", QT_TR_NOOP("手工登记"))


supervision_task = Table(
    "supervision_task",
    Base.metadata,
    Column(
        "supervision_id", ForeignKey("supervision_item.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("task_id", ForeignKey("task.id", ondelete="CASCADE"), primary_key=True),
)


class SupervisionItem(Base):
    """督办事项: what a unit is required to do or answer, by when, and whether it did."""

    __tablename__ = "supervision_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[SupervisionKind] = mapped_column(text_enum(SupervisionKind))
    origin: Mapped[SupervisionOrigin] = mapped_column(text_enum(SupervisionOrigin))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    requirement: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    raised_on: Mapped[date] = mapped_column(Date)
    reply_due: Mapped[date] = mapped_column(Date)
    reply_received_on: Mapped[date | None] = mapped_column(Date, default=None)
    reply_text: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    closing_note: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), default=None)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_decision.id", ondelete="SET NULL"), default=None
    )

    unit: Mapped[Unit] = relationship()
    tasks: Mapped[list[Task]] = relationship(secondary=supervision_task, order_by="Task.code")


class ProposalDismissal(Base):
    """A proposed next step the clerk dismissed, with the reason; it holds for that month."""

    __tablename__ = "proposal_dismissal"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(24))
    period: Mapped[str] = mapped_column(String(7))
    reason: Mapped[str] = mapped_column(Text)
    dismissed_at: Mapped[datetime] = mapped_column(DateTime)
    dismissed_by: Mapped[str] = mapped_column(String(80))
