"""The computed-lamp cache: each task's lamp as lamps.evaluate last found it, for SQL to sort on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import LampColor
from db.types import Money, Percent, text_enum


class TaskLamp(Base):
    """One task's cached lamp: a result of the rules, never typed; recomputed, never edited."""

    __tablename__ = "task_lamp"

    task_id: Mapped[int] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), primary_key=True
    )
    color: Mapped[LampColor] = mapped_column(text_enum(LampColor), index=True)
    severity: Mapped[int] = mapped_column(Integer)
    schedule_pct: Mapped[float] = mapped_column(Float)
    lag: Mapped[float | None] = mapped_column(Float, default=None)
    reported_pct: Mapped[Decimal | None] = mapped_column(Percent, default=None)
    missed_reports: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    reasons: Mapped[str] = mapped_column(Text, default="")  # JSON list, worst first
    budget: Mapped[Decimal] = mapped_column(Money, default=0)
    arrived: Mapped[Decimal] = mapped_column(Money, default=0)
    spent: Mapped[Decimal] = mapped_column(Money, default=0)
    last_period: Mapped[str | None] = mapped_column(String(7), default=None)
    last_submitted: Mapped[date | None] = mapped_column(Date, default=None)
    computed_for: Mapped[date] = mapped_column(Date)
    rules_version: Mapped[str] = mapped_column(String(16))


# The ledger's 亮灯 sort (worst first, then by lag) read in index order: a first page of
# 100,000 tasks sorted by lamp takes a fraction of a millisecond instead of a full sort.
Index(
    "ix_task_lamp_order",
    TaskLamp.severity,
    func.coalesce(TaskLamp.lag, 0),
    TaskLamp.task_id,
)


class LampCacheState(Base):
    """One row: the day, rules and ledger fingerprint the whole cache was last made current for.

    The fingerprint (row counts and last ids of the tables the rules read) exposes rows written
    behind the program's back, e.g. by plain SQL, so that such a cache is rebuilt, not served."""

    __tablename__ = "lamp_cache_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    computed_for: Mapped[date] = mapped_column(Date)
    rules_version: Mapped[str] = mapped_column(String(16))
    fingerprint: Mapped[str] = mapped_column(String(200))
