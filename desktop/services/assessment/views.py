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
    HUNDRED,
    MANUAL,
    VETO_CAP,
    VETO_DEDUCT,
    ZERO,
    GradeSpec,
    IndicatorSpec,
    ItemSpec,
    combine_sources,
    grade_of,
    item_points,
    q,
    rank_change,
    ranks,
    weighted_count,
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
    sources: tuple[tuple[str, int], ...] = ()  # scoring sources of manual indicators, weights
    sensitive: tuple[tuple[str, str, str], ...] = ()  # (MM-DD, MM-DD, name)
    decided_on: date | None = None  # the 领导小组's decision on the grades
    decided_by: str = ""
    minutes_issue: str = ""
    meeting_id: int | None = None

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
    count: Decimal  # events as counted (repeats and sensitive periods weighted)
    points: Decimal  # after the item's cap; inside an indicator, before 减完为止
    note: str = ""
    indicator: str = ""  # deducted inside this indicator


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
    grade: str  # as decided by the 领导小组 (until then: as proposed)
    proposed: str = ""  # the grade the desk proposed
    decision_note: str = ""
    excellent_review: str = ""  # the 平安办's 优秀 eligibility review: "", eligible, barred
    points: dict[str, Decimal] | None = None  # indicator → points after 减完为止
    by_source: dict[str, Decimal] | None = None  # "quality@群众评价" → that source's score


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
            IndicatorSpec(i.code, i.name, i.weight, i.source.value, i.base_score, i.owner)
            for i in s.indicators
        ),
        tuple(
            ItemSpec(
                i.code,
                i.name,
                i.rule,
                i.points,
                i.cap,
                i.indicator,
                i.repeat_factor,
                i.sensitive_factor,
                i.veto_mode,
                i.grade_cap,
                i.owner,
            )
            for i in s.items
        ),
        tuple(GradeSpec(g.label, g.min_score) for g in s.grades),
        s.finalised_at,
        s.finalised_by,
        tuple((n, int(w)) for n, w in json.loads(s.sources or "[]")),
        tuple((a, b, n) for a, b, n in json.loads(s.sensitive_periods or "[]")),
        s.decided_on,
        s.decided_by,
        s.minutes_issue,
        s.meeting_id,
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
    """(unit, target, code) → entry; a source's score is keyed by code@source."""
    rows = session.scalars(select(AssessmentManual).where(AssessmentManual.scheme_id == scheme_id))
    return {(m.unit_id, m.target, f"{m.code}@{m.source}" if m.source else m.code): m for m in rows}


def in_sensitive(day: date, periods: tuple[tuple[str, str, str], ...]) -> bool:
    mmdd = f"{day:%m-%d}"
    return any(start <= mmdd <= end for start, end, _name in periods)


def previous_ranks(session: Session, year: int) -> dict[int, int]:
    """Last year's final ranks by unit (for the 位次 change items); none: {}."""
    rows = session.execute(
        select(AssessmentResult.unit_id, AssessmentResult.rank)
        .join(AssessmentScheme)
        .where(AssessmentScheme.year == year - 1, AssessmentScheme.status == SchemeStatus.FINAL)
    )
    return {unit_id: rank for unit_id, rank in rows}


def _indicator_score(
    info: SchemeInfo, manual: dict, unit_id: int, ind: IndicatorSpec, computed: dict
) -> tuple[Decimal, str, str]:
    """(score 0–100, where it came from, the clerk's note) of one indicator for one unit."""
    if ind.source != MANUAL:
        return computed[ind.code], "computed", ""
    if info.sources:
        by_source = {
            name: q(manual[(unit_id, "indicator", f"{ind.code}@{name}")].value)
            for name, _w in info.sources
            if (unit_id, "indicator", f"{ind.code}@{name}") in manual
        }
        if by_source:
            score = combine_sources(info.sources, by_source, q(ind.base_score))
            note = "；".join(f"{n} {v}" for n, v in by_source.items())
            return score, "manual", note
    entry = manual.get((unit_id, "indicator", ind.code))
    if entry is None:
        return q(ind.base_score), "base", ""
    return q(entry.value), "manual", entry.note


def compute_live(session: Session, scheme: AssessmentScheme) -> Results:
    """Each lead unit: indicator scores (computed, or the clerk's per source, or the base
    score) turned into the indicator's points (weight × score / 100); deduction items tied to
    an indicator come off its points down to 0 (减完为止); the other items add to the total;
    total = max(0, Σ indicator points + Σ item points); then rank, and the proposed grade
    (a capping veto and the 平安办's 优秀 review may hold it down)."""
    info = info_of(scheme)
    today = clock_of(session).today()
    if date(scheme.year, 1, 1) > today:
        raise ValidationError(f"{scheme.year}年度尚未开始，暂无可计算的考核结果。", field="year")
    day = assessed_day(scheme.year, today)
    manual = manual_entries(session, scheme.id)
    before = previous_ranks(session, scheme.year)
    partial = []
    for facts in sorted(gather(session, scheme.year, day).values(), key=_unit_order):
        computed = facts.scores()
        scores, sources, notes = {}, {}, {}
        for ind in info.indicators:
            score, source, note = _indicator_score(info, manual, facts.unit_id, ind, computed)
            for name, _w in info.sources if ind.source == MANUAL else ():
                entry = manual.get((facts.unit_id, "indicator", f"{ind.code}@{name}"))
                if entry is not None:
                    notes[f"{ind.code}@{name}"] = str(q(entry.value))
            scores[ind.code], sources[ind.code] = score, source
            if note:
                notes[ind.code] = note
        partial.append((facts, scores, sources, notes))
    # 位次: last year's rank against this year's rank before the 位次 items themselves.
    first = [_adjusted(info, manual, f, sc, (0, 0)) for f, sc, _so, _no in partial]
    first_ranks = ranks([(t[3], t[4]) for t in first])  # total, vetoed
    gains = {
        f.unit_id: rank_change(before.get(f.unit_id), r)
        for (f, *_rest), r in zip(partial, first_ranks, strict=True)
    }
    done = [
        _adjusted(info, manual, f, sc, gains.get(f.unit_id, (0, 0))) for f, sc, _so, _no in partial
    ]
    places = ranks([(d[3], d[4]) for d in done])
    rows = []
    for (f, sc, so, no), (adjs, pts, part, total, vetoed, cap), rank in zip(
        partial, done, places, strict=True
    ):
        review = manual.get((f.unit_id, "review", "excellent"))
        state = "" if review is None else ("eligible" if review.value else "barred")
        grade = grade_of(total, info.grades, vetoed, cap, top_barred=state == "barred")
        adjustment = q(sum((a.points for a in adjs if not a.indicator), ZERO))
        rows.append(
            UnitResult(
                f.unit_id,
                f.name,
                sc,
                so,
                no,
                tuple(adjs),
                part,
                adjustment,
                total,
                vetoed,
                rank,
                grade,
                grade,
                "",
                state,
                pts,
            )  # fmt: skip
        )
    rows.sort(key=lambda r: (r.rank, r.unit_id))
    return Results(info, day, rows, final=False)


def _by_source(notes: dict[str, str]) -> dict[str, Decimal]:
    return {k: Decimal(v) for k, v in notes.items() if "@" in k}


def _adjusted(
    info: SchemeInfo,
    manual: dict,
    facts: UnitFacts,
    scores: dict[str, Decimal],
    gain: tuple[int, int],
) -> tuple[list[Adjustment], dict[str, Decimal], Decimal, Decimal, bool, str]:
    """(adjustments, indicator points, Σ indicator points, total, vetoed, grade cap)."""
    gained, lost = gain
    adjustments, vetoed, cap = [], False, ""
    for item in info.items:
        entry = manual.get((facts.unit_id, "item", item.code))
        if item.rule in MANUAL_ITEM_RULES:
            count = entry.value.normalize() if entry else ZERO
        elif item.rule in ("rank_gain", "rank_loss"):
            count = Decimal(gained if item.rule == "rank_gain" else lost)
        else:
            days = facts.events.get(item.rule, [])
            count = weighted_count(item, [in_sensitive(d, info.sensitive) for d in days])
        points = ZERO if item.rule == "veto" else item_points(item, count)
        if item.rule == "veto" and count > 0:
            if item.veto_mode == VETO_DEDUCT:
                points = q(-abs(item.points))  # once, however many events
            elif item.veto_mode == VETO_CAP:
                cap = item.grade_cap
            else:
                vetoed = True
        note = entry.note if entry else ""
        adjustments.append(Adjustment(item.code, item.name, count, points, note, item.indicator))
    exact = {}  # rounded once, in the sum, as the weighted total always was
    for ind in info.indicators:
        own = Decimal(ind.weight) * scores[ind.code] / HUNDRED
        taken = sum((a.points for a in adjustments if a.indicator == ind.code), ZERO)
        exact[ind.code] = max(ZERO, own + taken)  # 减完为止
    part = q(sum(exact.values(), ZERO))
    points_of = {code: q(value) for code, value in exact.items()}
    extra = sum((a.points for a in adjustments if not a.indicator), ZERO)
    total = max(ZERO, q(part + extra))
    return adjustments, points_of, part, total, vetoed, cap


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
                        a["code"],
                        a["name"],
                        Decimal(a["count"]),
                        Decimal(a["points"]),
                        a["note"],
                        a.get("indicator", ""),
                    )
                    for a in detail["adjustments"]
                ),
                q(r.weighted),
                q(r.adjustment),
                q(r.total),
                r.vetoed,
                r.rank,
                r.grade,
                r.proposed_grade or r.grade,
                r.decision_note,
                detail.get("review", ""),
                {k: Decimal(v) for k, v in detail.get("points", {}).items()} or None,
                _by_source(detail["notes"]),
            )
        )
    return Results(info_of(scheme), date.fromisoformat(scheme.as_of), rows, final=True)
