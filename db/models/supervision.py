"""The escalation chain's records: supervision items (催办, 督办通知, 现场督查) registered one matter
to an item (督办事项登记簿), their 延期 requests, replies sent back (退办), 催办 of an item, and
dismissed proposals."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, String, Table, Text
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
    """任务来源: where the matter came from; it sets the default deadline (settings.ItemRules)."""

    LAMP = ("lamp", QT_TR_NOOP("亮灯"))
    MEETING = ("meeting", QT_TR_NOOP("会议议定"))
    MANUAL = ("manual", QT_TR_NOOP("手工登记"))
    INSTRUCTION = ("instruction", QT_TR_NOOP("领导批示"))
    HIGHER_DOC = ("higher_doc", QT_TR_NOOP("上级文件"))
    MINUTES = ("minutes", QT_TR_NOOP("会议纪要"))
    PROPOSAL = ("proposal", QT_TR_NOOP("人大建议/政协提案"))
    ASSIGNED = ("assigned", QT_TR_NOOP("其他交办"))


class Urgency(LabelledEnum):
    """How a 领导批示 is to be handled: it picks the default deadline."""

    ORDINARY = ("ordinary", QT_TR_NOOP("一般件"))
    URGENT = ("urgent", QT_TR_NOOP("急件"))
    HARD = ("hard", QT_TR_NOOP("复杂件"))


class ReportFrequency(LabelledEnum):
    """How often the 主办单位 reports on the item until it is closed."""

    ONCE = ("once", QT_TR_NOOP("办结时报告"))
    WEEKLY = ("weekly", QT_TR_NOOP("每周报告"))
    MONTHLY = ("monthly", QT_TR_NOOP("每月报告"))
    STAGE = ("stage", QT_TR_NOOP("按阶段报告"))


supervision_task = Table(
    "supervision_task",
    Base.metadata,
    Column(
        "supervision_id", ForeignKey("supervision_item.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("task_id", ForeignKey("task.id", ondelete="CASCADE"), primary_key=True),
)

# 协办单位: they help; the 主办单位 (SupervisionItem.unit) answers for them too.
supervision_co_unit = Table(
    "supervision_co_unit",
    Base.metadata,
    Column(
        "supervision_id", ForeignKey("supervision_item.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("unit_id", ForeignKey("unit.id"), primary_key=True),
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
    # The register's columns (督办事项登记簿): what came in, when, and how it is to be handled.
    source_ref: Mapped[str] = mapped_column(Text, default="")  # 来文文号 / 批示领导及批示
    received_on: Mapped[date | None] = mapped_column(Date, default=None)  # 收文时间
    first_due: Mapped[date | None] = mapped_column(Date, default=None)  # before 延期 and 退办
    handling: Mapped[str] = mapped_column(Text, default="")  # 拟办意见
    urgency: Mapped[Urgency] = mapped_column(text_enum(Urgency), default=Urgency.ORDINARY)
    report_every: Mapped[ReportFrequency] = mapped_column(
        text_enum(ReportFrequency), default=ReportFrequency.ONCE
    )
    leader: Mapped[str] = mapped_column(String(80), default="")  # 分管领导, who is reminded
    reply_signer: Mapped[str] = mapped_column(String(80), default="")  # 签发人
    reply_stamped: Mapped[bool] = mapped_column(Boolean, default=False)  # 加盖公章

    unit: Mapped[Unit] = relationship()
    co_units: Mapped[list[Unit]] = relationship(secondary=supervision_co_unit, order_by="Unit.id")
    tasks: Mapped[list[Task]] = relationship(secondary=supervision_task, order_by="Task.code")
    extensions: Mapped[list[ItemExtension]] = relationship(
        back_populates="item", order_by="ItemExtension.id", cascade="all, delete-orphan"
    )
    returns: Mapped[list[ItemReturn]] = relationship(
        back_populates="item", order_by="ItemReturn.id", cascade="all, delete-orphan"
    )
    urges: Mapped[list[ItemUrge]] = relationship(
        back_populates="item", order_by="ItemUrge.id", cascade="all, delete-orphan"
    )


class ItemExtension(Base):
    """延期: asked by the unit before the deadline, checked by the clerk, decided by a leader.

    Both dates stay: ``old_due`` as it was when asked, ``new_due`` as asked (and, if approved,
    the item's deadline from then on)."""

    __tablename__ = "item_extension"

    id: Mapped[int] = mapped_column(primary_key=True)
    supervision_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_item.id", ondelete="CASCADE"), index=True
    )
    requested_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    old_due: Mapped[date] = mapped_column(Date)
    new_due: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(80))
    checked_on: Mapped[date | None] = mapped_column(Date, default=None)
    check_passed: Mapped[bool | None] = mapped_column(Boolean, default=None)
    check_note: Mapped[str] = mapped_column(Text, default="")
    checked_by: Mapped[str] = mapped_column(String(80), default="")
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)
    approved: Mapped[bool | None] = mapped_column(Boolean, default=None)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(80), default="")

    item: Mapped[SupervisionItem] = relationship(back_populates="extensions")


class ItemReturn(Base):
    """退办: a reply that fell short, sent back with the reason; the reply is kept here as it was."""

    __tablename__ = "item_return"

    id: Mapped[int] = mapped_column(primary_key=True)
    supervision_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_item.id", ondelete="CASCADE"), index=True
    )
    returned_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    resubmit_due: Mapped[date] = mapped_column(Date)  # 补办期限
    reply_received_on: Mapped[date] = mapped_column(Date)
    reply_text: Mapped[str] = mapped_column(Text)
    reply_signer: Mapped[str] = mapped_column(String(80), default="")
    reply_stamped: Mapped[bool] = mapped_column(Boolean, default=False)
    returned_by: Mapped[str] = mapped_column(String(80))

    item: Mapped[SupervisionItem] = relationship(back_populates="returns")


class ItemUrge(Base):
    """催办 of an open item (a call or a sheet to the 主办单位), kept a minimum interval apart."""

    __tablename__ = "item_urge"

    id: Mapped[int] = mapped_column(primary_key=True)
    supervision_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_item.id", ondelete="CASCADE"), index=True
    )
    urged_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    urged_by: Mapped[str] = mapped_column(String(80))

    item: Mapped[SupervisionItem] = relationship(back_populates="urges")


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
