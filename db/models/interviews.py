"""约谈 and what follows it: rectification reports and accountability decisions (问责)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base
from db.enums import QT_TR_NOOP, LabelledEnum
from db.models.ledger import Task, Unit
from db.types import text_enum


class InterviewStatus(LabelledEnum):
    PROPOSED = ("proposed", QT_TR_NOOP("拟约谈"))
    NOTIFIED = ("notified", QT_TR_NOOP("已发约谈通知"))
    HELD = ("held", QT_TR_NOOP("已约谈"))
    RECTIFYING = ("rectifying", QT_TR_NOOP("整改中"))
    CLOSED = ("closed", QT_TR_NOOP("整改销号"))
    FAILED = ("failed", QT_TR_NOOP("整改逾期未完成"))
    ESCALATED = ("escalated", QT_TR_NOOP("已问责"))
    WAIVED = ("waived", QT_TR_NOOP("不予或免予问责"))  # the 问责 ended without a form of art. 8


class AccountabilityKind(LabelledEnum):
    """The forms of 问责 of art. 8 of the 中国共产党问责条例 (2019) for a leading cadre.

    The desk records the form the deciding body chose; it never chooses one."""

    CRITICISM = ("criticism", QT_TR_NOOP("通报"))
    ADMONITION = ("admonition", QT_TR_NOOP("诫勉"))
    REASSIGNMENT = ("reassignment", QT_TR_NOOP("组织调整或组织处理"))
    DISCIPLINE = ("discipline", QT_TR_NOOP("纪律处分"))
    OTHER = ("other", QT_TR_NOOP("其他"))  # decisions recorded before the forms were fixed


class ConductFinding(LabelledEnum):
    """What the 调查组 found: how the duty was carried out (问责条例 art. 7)."""

    IMPROPER = ("improper", QT_TR_NOOP("执行不当"))
    WEAK = ("weak", QT_TR_NOOP("执行不力"))
    REFUSED = ("refused", QT_TR_NOOP("不执行"))


class Waiver(LabelledEnum):
    """How a 问责 ends without a form of art. 8, as the deciding body found (问责条例 第十七条
    ff.: 不予问责 where no responsibility is to be pursued, 免予问责 where it is, but waived)."""

    NOT_PURSUED = ("not_pursued", QT_TR_NOOP("不予问责"))
    EXEMPTED = ("exempted", QT_TR_NOOP("免予问责"))


class AppealOutcome(LabelledEnum):
    UPHELD = ("upheld", QT_TR_NOOP("维持原决定"))
    CHANGED = ("changed", QT_TR_NOOP("变更原决定"))
    REVOKED = ("revoked", QT_TR_NOOP("撤销原决定"))


interview_task = Table(
    "interview_task",
    Base.metadata,
    Column("interview_id", ForeignKey("interview.id", ondelete="CASCADE"), primary_key=True),
    Column("task_id", ForeignKey("task.id", ondelete="CASCADE"), primary_key=True),
)


class Interview(Base):
    """约谈: proposed → notice issued → held and recorded → rectification → closed or failed."""

    __tablename__ = "interview"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    status: Mapped[InterviewStatus] = mapped_column(text_enum(InterviewStatus))
    reason: Mapped[str] = mapped_column(Text)
    proposed_on: Mapped[date] = mapped_column(Date)
    # The notice (约谈通知书)
    scheduled_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    place: Mapped[str] = mapped_column(String(120), default="")
    interviewer: Mapped[str] = mapped_column(String(60), default="")
    interviewer_title: Mapped[str] = mapped_column(String(80), default="")
    summoned: Mapped[str] = mapped_column(Text, default="")
    to_bring: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(String(120), default="")
    notice_document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), default=None)
    # The record (约谈记录)
    held_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    attendees: Mapped[str] = mapped_column(Text, default="")
    recorder: Mapped[str] = mapped_column(String(60), default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    statements: Mapped[str] = mapped_column(Text, default="")
    commitments: Mapped[str] = mapped_column(Text, default="")
    record_document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), default=None)
    # Rectification (限期整改)
    measures: Mapped[str] = mapped_column(Text, default="")
    rectification_due: Mapped[date | None] = mapped_column(Date, default=None)
    rectification_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id"), default=None
    )
    verified_on: Mapped[date | None] = mapped_column(Date, default=None)
    verification: Mapped[str] = mapped_column(Text, default="")
    failed_on: Mapped[date | None] = mapped_column(Date, default=None)
    supervision_id: Mapped[int | None] = mapped_column(
        ForeignKey("supervision_item.id", ondelete="SET NULL"), default=None
    )

    unit: Mapped[Unit] = relationship()
    tasks: Mapped[list[Task]] = relationship(secondary=interview_task, order_by="Task.code")
    follow_ups: Mapped[list[RectificationReport]] = relationship(
        back_populates="interview",
        cascade="all, delete-orphan",
        order_by="RectificationReport.reported_on",
    )
    decisions: Mapped[list[Accountability]] = relationship(
        back_populates="interview", order_by="Accountability.id"
    )


class RectificationReport(Base):
    """整改情况报告: a follow-up from the interviewed unit, with evidence attached."""

    __tablename__ = "rectification_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), index=True
    )
    reported_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)

    interview: Mapped[Interview] = relationship(back_populates="follow_ups")


class Accountability(Base):
    """问责 after a failed rectification: started with the principal leader's approval, then
    each due-process step (AccountabilityStep) until the decision is carried out.

    ``kind`` and ``decided_on`` are filled by the decision step (the assessment counts them)."""

    __tablename__ = "accountability"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interview.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    kind: Mapped[AccountabilityKind | None] = mapped_column(
        text_enum(AccountabilityKind), default=None
    )
    persons: Mapped[str] = mapped_column(Text)
    grounds: Mapped[str] = mapped_column(Text)
    doc_number: Mapped[str] = mapped_column(String(40), default="")
    started_on: Mapped[date | None] = mapped_column(Date, default=None)
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), default=None)

    interview: Mapped[Interview] = relationship(back_populates="decisions")
    unit: Mapped[Unit] = relationship()
    steps: Mapped[list[AccountabilityStep]] = relationship(
        back_populates="accountability",
        cascade="all, delete-orphan",
        order_by="AccountabilityStep.id",
    )


class AccountabilityStep(Base):
    """One dated step of a 问责 (启动, 调查组, 认定, 陈述申辩, 决定, 通报组织部门, 执行, 申诉 …).

    ``detail`` holds the step's own fields as JSON (desktop/services/accountability/steps.py
    says which); each step is recorded once, and its printed sheet is ``document_id``."""

    __tablename__ = "accountability_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    accountability_id: Mapped[int] = mapped_column(
        ForeignKey("accountability.id", ondelete="CASCADE"), index=True
    )
    step: Mapped[str] = mapped_column(String(16))
    done_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="{}")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(80))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), default=None
    )

    accountability: Mapped[Accountability] = relationship(back_populates="steps")

    __table_args__ = (UniqueConstraint("accountability_id", "step"),)
