"""考核 as the clerk reads it: the scheme, and the results computed from the ledger or frozen."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AssessmentManual, AssessmentResult, AssessmentScheme, SchemeStatus
from desktop.services.assessment.facts import UnitFacts, assessed_day, gather
from desktop.services.assessment.rules import (
    MANUAL,
    ZERO,
    GradeSpec,
    IndicatorSpec,
    ItemSpec,
    grade_of,
    item_points,
    q,
    ranks,
    weighted,
)
from desktop.services.clock import clock_of
from desktop.services.errors import NotFound, ValidationError

MANUAL_ITEM_RULES = ("manual", "veto")
STATUS_LABEL = {s.value: s.label for s in SchemeStatus}


@dataclass(frozen=True)
class SchemeInfo:
    id: int
    year: int
    name: str
    status: str  # draft / published / final
    indicators: tuple[IndicatorSpec, ...]
    items: tuple[ItemSpec, ...]
    grades: tuple[GradeSpec, ...]
    finalised_at: datetime | None
    finalised_by: str

    @property
    def status_label(self) -> str:
        return STATUS_LABEL[self.status]

    @property
    def final(self) -> bool:
        return self.status == SchemeStatus.FINAL.value


@dataclass(frozen=True)
class Adjustment:
    code: str
    name: str
    count: Decimal
    points: Decimal
    note: str = ""


@dataclass(frozen=True)
class UnitResult:
    unit_id: int
    unit: str
    scores: dict[str, Decimal]  # indicator code → 0–100
    sources: dict[str, str]  # computed / manual / base (a manual score not entered yet)
    notes: dict[str, str]  # the clerk's note on a manual score
    adjustments: tuple[Adjustment, ...]
    weighted: Decimal
    adjustment: Decimal
    total: Decimal
    vetoed: bool
    rank: int
    grade: str


@dataclass(frozen=True)
class Results:
    scheme: SchemeInfo
    as_of: date
    rows: list[UnitResult]  # best first
    final: bool


# --- reading -----------------------------------------------------------------------------------


def scheme_years(session: Session) -> list[int]:
    return list(session.scalars(select(AssessmentScheme.year).order_by(AssessmentScheme.year)))


def find_scheme(session: Session, year: int) -> SchemeInfo | None:
    found = session.scalar(select(AssessmentScheme).where(AssessmentScheme.year == year))
    return None if found is None else info_of(found)


def get_scheme(session: Session, year: int) -> SchemeInfo:
    return info_of(scheme_row(session, year))


def scheme_row(session: Session, year: int) -> AssessmentScheme:
    found = session.scalar(select(AssessmentScheme).where(AssessmentScheme.year == year))
    if found is None:
        raise NotFound(f"{year}年度还没有考核方案，请先新建。")
    return found


def info_of(s: AssessmentScheme) -> SchemeInfo:
    return SchemeInfo(
        s.id,
        s.year,
        s.name,
        s.status.value,
        tuple(
            IndicatorSpec(i.code, i.name, i.weight, i.source.value, i.base_score)
            for i in s.indicators
        ),
        tuple(ItemSpec(i.code, i.name, i.rule, i.points, i.cap) for i in s.items),
        tuple(GradeSpec(g.label, g.min_score) for g in s.grades),
        s.finalised_at,
        s.finalised_by,
    )


def results(session: Session, year: int) -> Results:
    """The frozen results of a finalised scheme, else computed now from the ledger."""
    scheme = scheme_row(session, year)
    if scheme.status == SchemeStatus.FINAL:
        return stored_results(session, scheme)
    return compute_live(session, scheme)


def manual_entries(
    session: Session, scheme_id: int
) -> dict[tuple[int, str, str], AssessmentManual]:
    rows = session.scalars(select(AssessmentManual).where(AssessmentManual.scheme_id == scheme_id))
    return {(m.unit_id, m.target, m.code): m for m in rows}


def compute_live(session: Session, scheme: AssessmentScheme) -> Results:
    """Each lead unit: indicator scores (computed, or the clerk's, or the base score), the
    items' points, total = max(0, Σ weight × score / 100 + Σ item points), rank and grade."""
    info = info_of(scheme)
    today = clock_of(session).today()
    if date(scheme.year, 1, 1) > today:
        raise ValidationError(f"{scheme.year}年度尚未开始，暂无可计算的考核结果。", field="year")
    day = assessed_day(scheme.year, today)
    manual = manual_entries(session, scheme.id)
    partial = []
    for facts in sorted(gather(session, scheme.year, day).values(), key=_unit_order):
        computed = facts.scores()
        scores, sources, notes = {}, {}, {}
        for ind in info.indicators:
            entry = manual.get((facts.unit_id, "indicator", ind.code))
            if ind.source != MANUAL:
                scores[ind.code], sources[ind.code] = computed[ind.code], "computed"
            elif entry is None:
                scores[ind.code], sources[ind.code] = q(ind.base_score), "base"
            else:
                scores[ind.code], sources[ind.code] = q(entry.value), "manual"
                notes[ind.code] = entry.note
        adjustments, vetoed = [], False
        for item in info.items:
            entry = manual.get((facts.unit_id, "item", item.code))
            if item.rule in MANUAL_ITEM_RULES:
                count = entry.value.normalize() if entry else ZERO
            else:
                count = Decimal(facts.counts.get(item.rule, 0))
            vetoed = vetoed or (item.rule == "veto" and count > 0)
            points = ZERO if item.rule == "veto" else item_points(item, count)
            adjustments.append(
                Adjustment(item.code, item.name, count, points, entry.note if entry else "")
            )
        part = weighted(info.indicators, scores)
        adjustment = q(sum((a.points for a in adjustments), ZERO))
        total = max(ZERO, q(part + adjustment))
        partial.append(
            (facts, scores, sources, notes, adjustments, part, adjustment, total, vetoed)
        )
    places = ranks([(p[7], p[8]) for p in partial])
    rows = [
        UnitResult(
            f.unit_id,
            f.name,
            sc,
            so,
            no,
            tuple(adj),
            part,
            adjustment,
            total,
            vetoed,
            rank,
            grade_of(total, info.grades, vetoed),
        )
        for (f, sc, so, no, adj, part, adjustment, total, vetoed), rank in zip(
            partial, places, strict=True
        )
    ]
    rows.sort(key=lambda r: (r.rank, r.unit_id))
    return Results(info, day, rows, final=False)


def _unit_order(facts: UnitFacts) -> tuple[int, int]:
    return (facts.sort_order, facts.unit_id)


def stored_results(session: Session, scheme: AssessmentScheme) -> Results:
    stored = session.scalars(
        select(AssessmentResult)
        .where(AssessmentResult.scheme_id == scheme.id)
        .order_by(AssessmentResult.rank, AssessmentResult.unit_id)
    )
    rows = []
    for r in stored:
        detail = json.loads(r.detail)
        rows.append(
            UnitResult(
                r.unit_id,
                r.unit_name,
                {k: Decimal(v) for k, v in detail["scores"].items()},
                detail["sources"],
                detail["notes"],
                tuple(
                    Adjustment(
                        a["code"], a["name"], Decimal(a["count"]), Decimal(a["points"]), a["note"]
                    )
                    for a in detail["adjustments"]
                ),
                q(r.weighted),
                q(r.adjustment),
                q(r.total),
                r.vetoed,
                r.rank,
                r.grade,
            )
        )
    return Results(info_of(scheme), date.fromisoformat(scheme.as_of), rows, final=True)
