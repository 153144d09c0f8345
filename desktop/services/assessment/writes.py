"""考核 writes: create and edit the year's scheme, manual scores and counts, 定稿 (freeze)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import (
    AssessmentGrade,
    AssessmentIndicator,
    AssessmentItem,
    AssessmentManual,
    AssessmentResult,
    AssessmentScheme,
    IndicatorSource,
    SchemeStatus,
    Unit,
)
from desktop.services import audit
from desktop.services.assessment.rules import (
    DEFAULT_GRADES,
    DEFAULT_INDICATORS,
    DEFAULT_ITEMS,
    HUNDRED,
    MANUAL,
    ZERO,
    GradeSpec,
    IndicatorSpec,
    ItemSpec,
    q,
    validate,
)
from desktop.services.assessment.views import (
    MANUAL_ITEM_RULES,
    Adjustment,
    Results,
    SchemeInfo,
    UnitResult,
    compute_live,
    find_scheme,
    get_scheme,
    info_of,
    manual_entries,
    results,
    scheme_row,
    scheme_years,
    stored_results,
)
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ConflictError, ValidationError
from desktop.services.lookup import get_or_missing

# Re-exported: callers read and write the assessment through this one module.
__all__ = [
    "Adjustment",
    "GradeSpec",
    "IndicatorSpec",
    "ItemSpec",
    "Results",
    "SchemeInfo",
    "UnitResult",
    "find_scheme",
    "get_scheme",
    "results",
    "scheme_years",
]

# --- writing -----------------------------------------------------------------------------------


def _editable(scheme: AssessmentScheme, doing: str) -> None:
    if scheme.status == SchemeStatus.FINAL:
        raise ConflictError(f"{scheme.year}年度考核已定稿，不能再{doing}。")


@audit.writes(Permission.EDIT_LEDGER)
def create_scheme(session: Session, actor: Actor, year: int, name: str = "") -> SchemeInfo:
    """A new year's scheme with the default indicators, items and grades (SUPERVISION.md)."""
    if not 2000 <= year <= 2100:
        raise ValidationError(f"年度“{year}”不对。", field="year")
    if find_scheme(session, year) is not None:
        raise ConflictError(f"{year}年度的考核方案已经存在。")
    scheme = AssessmentScheme(
        year=year,
        name=name.strip() or f"{year}年度平安建设重点工程推进工作考核方案",
        status=SchemeStatus.DRAFT,
        created_at=clock_of(session).now(),
    )
    session.add(scheme)
    _fill(scheme, DEFAULT_INDICATORS, DEFAULT_ITEMS, DEFAULT_GRADES)
    session.flush()
    audit.record(
        session, actor, "create", "assessment_scheme", scheme.id, f"新建{year}年度考核方案"
    )
    return info_of(scheme)


def _fill(
    scheme: AssessmentScheme,
    indicators: Sequence[IndicatorSpec],
    items: Sequence[ItemSpec],
    grades: Sequence[GradeSpec],
) -> None:
    scheme.indicators = [
        AssessmentIndicator(
            code=i.code,
            name=i.name.strip(),
            weight=i.weight,
            sort_order=n,
            source=IndicatorSource.MANUAL if i.source == MANUAL else IndicatorSource.COMPUTED,
            base_score=i.base_score,
        )
        for n, i in enumerate(indicators)
    ]
    scheme.items = [
        AssessmentItem(
            code=i.code.strip(),
            name=i.name.strip(),
            rule=i.rule,
            points=i.points,
            cap=i.cap,
            sort_order=n,
        )
        for n, i in enumerate(items)
    ]
    scheme.grades = [
        AssessmentGrade(label=g.label.strip(), min_score=g.min_score, sort_order=n)
        for n, g in enumerate(grades)
    ]


@audit.writes(Permission.EDIT_LEDGER)
def update_scheme(
    session: Session,
    actor: Actor,
    year: int,
    *,
    name: str,
    indicators: Sequence[IndicatorSpec],
    items: Sequence[ItemSpec],
    grades: Sequence[GradeSpec],
) -> SchemeInfo:
    """Replace the scheme's indicators, items and grades (weights sum 100, thresholds fall)."""
    scheme = scheme_row(session, year)
    _editable(scheme, "修改方案")
    if scheme.status != SchemeStatus.DRAFT:
        raise ConflictError(f"{year}年度考核方案已发布，指标和分值不能再改。")
    if not name.strip():
        raise ValidationError("方案名称不能为空。", field="name")
    validate(indicators, items, grades)
    before = info_of(scheme)
    scheme.name = name.strip()
    scheme.indicators, scheme.items, scheme.grades = [], [], []
    session.flush()  # the old rows go before the new ones take their (scheme, code) keys
    _fill(scheme, indicators, items, grades)
    session.flush()
    after = info_of(scheme)
    audit.record(
        session,
        actor,
        "update",
        "assessment_scheme",
        scheme.id,
        f"修改{year}年度考核方案",
        {"before": _plain(before), "after": _plain(after)},
    )
    return after


def _plain(info: SchemeInfo) -> dict:
    return {
        "name": info.name,
        "indicators": [[i.code, i.weight, i.source, str(i.base_score)] for i in info.indicators],
        "items": [[i.code, i.rule, str(i.points), str(i.cap)] for i in info.items],
        "grades": [[g.label, str(g.min_score)] for g in info.grades],
    }


@audit.writes(Permission.EDIT_LEDGER)
def publish_scheme(session: Session, actor: Actor, year: int) -> SchemeInfo:
    """Fix the scheme (indicators, weights, items, grades); manual scores stay open."""
    scheme = scheme_row(session, year)
    _editable(scheme, "发布")
    scheme.status = SchemeStatus.PUBLISHED
    audit.record(
        session, actor, "publish", "assessment_scheme", scheme.id, f"发布{year}年度考核方案"
    )
    return info_of(scheme)


def parse_score(text: str | Decimal | int | float) -> Decimal:
    try:
        return q(Decimal(str(text).strip()))
    except InvalidOperation as exc:
        raise ValidationError(f"“{text}”不是有效的分数。", field="score") from exc


@audit.writes(Permission.EDIT_LEDGER)
def set_manual_score(
    session: Session,
    actor: Actor,
    year: int,
    unit_id: int,
    code: str,
    score: Decimal | str | None,
    note: str = "",
) -> None:
    """The clerk's 0–100 score for a manual indicator (None clears it: the base score counts)."""
    scheme = scheme_row(session, year)
    _editable(scheme, "录入评分")
    indicator = next((i for i in scheme.indicators if i.code == code), None)
    if indicator is None or indicator.source != IndicatorSource.MANUAL:
        raise ValidationError("该指标不是人工评分指标。", field="indicator")
    value = None if score is None or str(score).strip() == "" else parse_score(score)
    if value is not None and not ZERO <= value <= HUNDRED:
        raise ValidationError("评分应在 0–100 之间。", field="score")
    _put(session, actor, scheme, unit_id, "indicator", code, indicator.name, value, note)


@audit.writes(Permission.EDIT_LEDGER)
def set_manual_count(
    session: Session,
    actor: Actor,
    year: int,
    unit_id: int,
    code: str,
    count: Decimal | str | int | None,
    note: str = "",
) -> None:
    """How many times a manual bonus/deduction item applies to a unit; for the veto, 1 or 0
    (a veto needs its reason in ``note``)."""
    scheme = scheme_row(session, year)
    _editable(scheme, "录入加减分")
    item = next((i for i in scheme.items if i.code == code), None)
    if item is None or item.rule not in MANUAL_ITEM_RULES:
        raise ValidationError("该加减分项由台账自动计算，不能手工录入。", field="item")
    value = None if count is None or str(count).strip() == "" else parse_score(count)
    if value is not None and (value < 0 or value > 100):
        raise ValidationError("次数应在 0–100 之间。", field="count")
    if item.rule == "veto" and value:
        if value != 1:
            raise ValidationError("一票否决只能是“是”（1）或“否”（0）。", field="count")
        if not note.strip():
            raise ValidationError("一票否决须写明事由。", field="note")
    _put(session, actor, scheme, unit_id, "item", code, item.name, value or None, note)


def _put(
    session: Session,
    actor: Actor,
    scheme: AssessmentScheme,
    unit_id: int,
    target: str,
    code: str,
    what: str,
    value: Decimal | None,
    note: str,
) -> None:
    unit = get_or_missing(session, Unit, unit_id, "单位")
    key = (unit_id, target, code)
    entry = manual_entries(session, scheme.id).get(key)
    before = None if entry is None else [str(entry.value), entry.note]
    if value is None:
        if entry is not None:
            session.delete(entry)
    elif entry is None:
        session.add(
            AssessmentManual(
                scheme_id=scheme.id,
                unit_id=unit_id,
                target=target,
                code=code,
                value=value,
                note=note.strip(),
                entered_by=actor.label,
                entered_at=clock_of(session).now(),
            )
        )
    else:
        entry.value, entry.note = value, note.strip()
        entry.entered_by, entry.entered_at = actor.label, clock_of(session).now()
    session.flush()
    shown = "清除" if value is None else f"录入 {value}"
    audit.record(
        session,
        actor,
        "score",
        "assessment_scheme",
        scheme.id,
        f"{scheme.year}年度考核：{unit.name}“{what}”{shown}",
        {
            "unit_id": unit_id,
            "target": target,
            "code": code,
            "before": before,
            "after": None if value is None else [str(value), note.strip()],
        },
    )


@audit.writes(Permission.EDIT_LEDGER)
def finalise(session: Session, actor: Actor, year: int) -> Results:
    """定稿: compute the results now, store them, and freeze scheme, scores and results."""
    scheme = scheme_row(session, year)
    _editable(scheme, "重复定稿")
    live = compute_live(session, scheme)
    if not live.rows:
        raise ValidationError(f"{year}年度没有可考核的牵头单位。", field="year")
    session.execute(delete(AssessmentResult).where(AssessmentResult.scheme_id == scheme.id))
    for r in live.rows:
        detail = {
            "scores": {k: str(v) for k, v in r.scores.items()},
            "sources": r.sources,
            "notes": r.notes,
            "adjustments": [
                {
                    "code": a.code,
                    "name": a.name,
                    "count": str(a.count),
                    "points": str(a.points),
                    "note": a.note,
                }
                for a in r.adjustments
            ],
        }
        session.add(
            AssessmentResult(
                scheme_id=scheme.id,
                unit_id=r.unit_id,
                unit_name=r.unit,
                weighted=r.weighted,
                adjustment=r.adjustment,
                total=r.total,
                vetoed=r.vetoed,
                rank=r.rank,
                grade=r.grade,
                detail=json.dumps(detail, ensure_ascii=False),
            )
        )
    scheme.status = SchemeStatus.FINAL
    scheme.finalised_at = clock_of(session).now()
    scheme.finalised_by = actor.label
    scheme.as_of = live.as_of.isoformat()
    session.flush()
    audit.record(
        session,
        actor,
        "finalise",
        "assessment_scheme",
        scheme.id,
        f"{year}年度考核定稿：{len(live.rows)}个单位，截至{live.as_of.isoformat()}",
        {"results": [[r.unit, str(r.total), r.rank, r.grade] for r in live.rows]},
    )
    return stored_results(session, scheme)


# The demo's manual scores: (unit name, indicator or item code, value, note).
DEMO_MANUAL = (
    ("市公安局", "quality", "92", "年度工作质量抽查：资料规范，成效明显"),
    ("市司法局", "quality", "88", "年度工作质量抽查：总体较好"),
    ("市应急管理局", "quality", "70", "年度工作质量抽查：台账资料不全"),
    ("市教育局", "commended", "2", "获省级平安校园建设表彰两项"),
)


def add_demo_scheme(session: Session, actor: Actor) -> None:
    """The demo's 2026 scheme (default, still a draft) with a few manual scores."""
    year = clock_of(session).today().year
    create_scheme(session, actor, year)
    units = {name: unit_id for name, unit_id in session.execute(select(Unit.name, Unit.id))}
    for unit, code, value, note in DEMO_MANUAL:
        if code == "quality":
            set_manual_score(session, actor, year, units[unit], code, value, note)
        else:
            set_manual_count(session, actor, year, units[unit], code, value, note)
