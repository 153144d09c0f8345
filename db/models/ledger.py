"""The task ledger: units, key projects, tasks, milestones, progress reports and fund entries."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base
from db.enums import FundKind, FundSource, ReportSource, TaskStatus
from db.types import Money, Percent, text_enum


class Unit(Base):
    """单位: a department that leads, is responsible for, or cooperates on tasks."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    short_name: Mapped[str] = mapped_column(String(20), default="")
    contact_person: Mapped[str] = mapped_column(String(40), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Project(Base):
    """重点工程: one of the key projects, with its lead unit."""

    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    lead_unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)

    lead_unit: Mapped[Unit] = relationship()
    tasks: Mapped[list[Task]] = relationship(back_populates="project", order_by="Task.code")


class Task(Base):
    """任务: a target with a lead unit, cooperating units, a leader in charge and a deadline."""

    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    target: Mapped[str] = mapped_column(Text, default="")
    lead_unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    leader_in_charge: Mapped[str] = mapped_column(String(40), default="")
    start: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[TaskStatus] = mapped_column(
        text_enum(TaskStatus), default=TaskStatus.IN_PROGRESS
    )
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship(back_populates="tasks")
    lead_unit: Mapped[Unit] = relationship()
    unit_links: Mapped[list[TaskUnit]] = relationship(
        back_populates="task", cascade="all, delete-orphan"
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="Milestone.due"
    )
    reports: Mapped[list[ProgressReport]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="ProgressReport.period"
    )
    fund_entries: Mapped[list[FundEntry]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="FundEntry.entry_date"
    )

    __table_args__ = (CheckConstraint("deadline >= start", name="deadline_after_start"),)


class TaskUnit(Base):
    """A unit other than the lead unit on a task: 责任单位 (responsible) or 配合单位 (cooperating)."""

    __tablename__ = "task_unit"

    task_id: Mapped[int] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), default="cooperating")

    task: Mapped[Task] = relationship(back_populates="unit_links")
    unit: Mapped[Unit] = relationship()


class Milestone(Base):
    """节点: a dated step of a task."""

    __tablename__ = "milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    due: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)

    task: Mapped[Task] = relationship(back_populates="milestones")


class ProgressReport(Base):
    """进度报送: the lead unit's report on a task for one period (YYYY-MM)."""

    __tablename__ = "progress_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    percent: Mapped[Decimal] = mapped_column(Percent)  # 62.5: as typed, one decimal
    progress: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    fall_reason: Mapped[str] = mapped_column(Text, default="")
    submitted_on: Mapped[date] = mapped_column(Date)
    source: Mapped[ReportSource] = mapped_column(
        text_enum(ReportSource), default=ReportSource.MANUAL
    )
    source_file: Mapped[str] = mapped_column(String(260), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)

    task: Mapped[Task] = relationship(back_populates="reports")

    __table_args__ = (
        UniqueConstraint("task_id", "period"),
        CheckConstraint("percent >= 0 AND percent <= 100", name="percent_range"),
    )


class FundEntry(Base):
    """资金: one dated amount of budget, arrival or spending on a task, by source."""

    __tablename__ = "fund_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    kind: Mapped[FundKind] = mapped_column(text_enum(FundKind))
    source: Mapped[FundSource] = mapped_column(text_enum(FundSource))
    amount: Mapped[Decimal] = mapped_column(Money)
    entry_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="")

    task: Mapped[Task] = relationship(back_populates="fund_entries")
