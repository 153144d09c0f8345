"""考核: the yearly assessment scheme (indicators, bonus/deduction items, grades), scores, results."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
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
from db.enums import QT_TR_NOOP, LabelledEnum
from db.types import Money, text_enum

# Scores and points are exact two-decimal values: the same integer-hundredths storage as money.
Points = Money


class SchemeStatus(LabelledEnum):
    DRAFT = ("draft", QT_TR_NOOP("草拟"))
    PUBLISHED = ("published", QT_TR_NOOP("已发布"))
    FINAL = ("final", QT_TR_NOOP("已定稿"))


class IndicatorSource(LabelledEnum):
    COMPUTED = ("computed", QT_TR_NOOP("台账计算"))
    MANUAL = ("manual", QT_TR_NOOP("人工评分"))


class AssessmentScheme(Base):
    """One scheme per year; final freezes the results stored in assessment_result."""

    __tablename__ = "assessment_scheme"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(120))
    status: Mapped[SchemeStatus] = mapped_column(text_enum(SchemeStatus))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    finalised_by: Mapped[str] = mapped_column(String(80), default="")
    as_of: Mapped[str] = mapped_column(String(10), default="")  # the day results speak of
    # Manual indicators scored by several sources: JSON [[name, weight], …]; [] one score.
    sources: Mapped[str] = mapped_column(Text, default="[]")
    # Sensitive periods (events in them count more): JSON [["03-01", "03-15", "全国两会"], …].
    sensitive_periods: Mapped[str] = mapped_column(Text, default="[]")
    # The 领导小组's decision on the grades the desk proposed: who, when, the minutes' 期号.
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)
    decided_by: Mapped[str] = mapped_column(String(120), default="")
    minutes_issue: Mapped[str] = mapped_column(String(40), default="")
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), default=None
    )

    indicators: Mapped[list[AssessmentIndicator]] = relationship(
        cascade="all, delete-orphan", order_by="AssessmentIndicator.sort_order"
    )
    items: Mapped[list[AssessmentItem]] = relationship(
        cascade="all, delete-orphan", order_by="AssessmentItem.sort_order"
    )
    grades: Mapped[list[AssessmentGrade]] = relationship(
        cascade="all, delete-orphan", order_by="AssessmentGrade.sort_order"
    )


class AssessmentIndicator(Base):
    """An indicator (进度, 质量 …) with its weight; scored 0–100 from the ledger or by hand."""

    __tablename__ = "assessment_indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_scheme.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(40))
    weight: Mapped[int] = mapped_column(Integer)
    source: Mapped[IndicatorSource] = mapped_column(text_enum(IndicatorSource))
    base_score: Mapped[Decimal] = mapped_column(Points)  # a manual score not yet entered
    owner: Mapped[str] = mapped_column(String(80), default="")  # who supplies the figure
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("scheme_id", "code"),)


class AssessmentItem(Base):
    """A bonus (+) or deduction (−) per counted event, capped; or the veto (一票否决)."""

    __tablename__ = "assessment_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_scheme.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(60))
    rule: Mapped[str] = mapped_column(String(24))  # what is counted: see assessment_rules.RULES
    points: Mapped[Decimal] = mapped_column(Points)
    cap: Mapped[Decimal] = mapped_column(Points)  # largest total of the item; 0: no cap
    indicator: Mapped[str] = mapped_column(String(24), default="")  # 减完为止 inside it
    repeat_factor: Mapped[Decimal] = mapped_column(Points, default=Decimal(1))
    sensitive_factor: Mapped[Decimal] = mapped_column(Points, default=Decimal(1))
    veto_mode: Mapped[str] = mapped_column(String(10), default="lowest")
    grade_cap: Mapped[str] = mapped_column(String(10), default="")
    owner: Mapped[str] = mapped_column(String(80), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("scheme_id", "code"),)


class AssessmentGrade(Base):
    """A grade and the lowest total that earns it (优秀 ≥ 90 …)."""

    __tablename__ = "assessment_grade"

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_scheme.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(10))
    min_score: Mapped[Decimal] = mapped_column(Points)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class AssessmentManual(Base):
    """A score typed by the clerk (indicator) or a count of a manual item, with its note."""

    __tablename__ = "assessment_manual"

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_scheme.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"))
    target: Mapped[str] = mapped_column(String(10))  # indicator / item / review
    code: Mapped[str] = mapped_column(String(24))
    source: Mapped[str] = mapped_column(String(16), default="")  # 群众评价 …; "" one score
    value: Mapped[Decimal] = mapped_column(Points)
    note: Mapped[str] = mapped_column(Text, default="")
    entered_by: Mapped[str] = mapped_column(String(80), default="")
    entered_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("scheme_id", "unit_id", "target", "code", "source"),)


class AssessmentResult(Base):
    """A unit's frozen result when the scheme was finalised (scores kept as JSON detail)."""

    __tablename__ = "assessment_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_scheme.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    unit_name: Mapped[str] = mapped_column(String(80))
    weighted: Mapped[Decimal] = mapped_column(Points)
    adjustment: Mapped[Decimal] = mapped_column(Points)
    total: Mapped[Decimal] = mapped_column(Points)
    vetoed: Mapped[bool] = mapped_column(Boolean, default=False)
    rank: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str] = mapped_column(String(10))  # as the 领导小组 decided (at first: proposed)
    proposed_grade: Mapped[str] = mapped_column(String(10), default="")  # the desk's proposal
    decision_note: Mapped[str] = mapped_column(Text, default="")  # why the decision differs
    detail: Mapped[str] = mapped_column(Text, default="{}")  # indicator scores and items

    __table_args__ = (UniqueConstraint("scheme_id", "unit_id"),)
