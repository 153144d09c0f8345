"""考核 writes: create and edit the year's scheme, manual scores and counts, 定稿 (freeze)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import delete
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
    BASE100_GRADES,
    BASE100_INDICATORS,
    BASE100_ITEMS,
    BASE100_SENSITIVE,
    BASE100_SOURCES,
    DEFAULT_GRADES,
    DEFAULT_INDICATORS,
    DEFAULT_ITEMS,
    HUNDRED,
    MANUAL,
    VETO_CAP,
    VETO_MODES,
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


def editable(scheme: AssessmentScheme, doing: str) -> None:
    if scheme.status == SchemeStatus.FINAL:
        raise ConflictError(f"{scheme.year}年度考核已定稿，不能再{doing}。")


@audit.writes(Permission.EDIT_LEDGER)
def create_scheme(
    session: Session, actor: Actor, year: int, name: str = "", *, base100: bool = False
) -> SchemeInfo:
    """A new year's scheme with the default indicators, items and grades (SUPERVISION.md), or
    with ``base100`` the one shaped like the published 考评方案 (rules.BASE100_*)."""
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
    if base100:
        _fill(scheme, BASE100_INDICATORS, BASE100_ITEMS, BASE100_GRADES)
        scheme.sources = json.dumps(BASE100_SOURCES, ensure_ascii=False)
        scheme.sensitive_periods = json.dumps(BASE100_SENSITIVE, ensure_ascii=False)
    else:
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
            owner=i.owner.strip(),
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
            indicator=i.indicator,
            repeat_factor=i.repeat_factor,
            sensitive_factor=i.sensitive_factor,
            veto_mode=i.veto_mode,
            grade_cap=i.grade_cap.strip(),
            owner=i.owner.strip(),
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
    sources: Sequence[tuple[str, int]] | None = None,
    sensitive: Sequence[tuple[str, str, str]] | None = None,
) -> SchemeInfo:
    """Replace the scheme's indicators, items and grades (weights sum 100, thresholds fall);
    indicators may be added (a new one scored by hand) and removed. ``sources`` and
    ``sensitive``: None keeps them."""
    scheme = scheme_row(session, year)
    editable(scheme, "修改方案")
    if scheme.status != SchemeStatus.DRAFT:
        raise ConflictError(f"{year}年度考核方案已发布，指标和分值不能再改。")
    if not name.strip():
        raise ValidationError("方案名称不能为空。", field="name")
    validate(indicators, items, grades)
    if sources is not None:
        _check_sources(sources)
        scheme.sources = json.dumps([[n.strip(), int(w)] for n, w in sources], ensure_ascii=False)
    if sensitive is not None:
        _check_sensitive(sensitive)
        scheme.sensitive_periods = json.dumps([list(p) for p in sensitive], ensure_ascii=False)
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


def configure_scheme(
    session: Session,
    actor: Actor,
    year: int,
    *,
    sources: Sequence[tuple[str, int]] | None = None,
    sensitive: Sequence[tuple[str, str, str]] | None = None,
    veto_mode: str | None = None,
    grade_cap: str = "",
) -> SchemeInfo:
    """Change only the scoring sources, the sensitive periods or the veto's mode (what the
    command line sets); the indicators, items and grades stay. Through update_scheme: the same
    checks, draft only, one audit entry with before and after."""
    scheme = get_scheme(session, year)
    items = scheme.items
    if veto_mode is not None:
        if not any(i.rule == "veto" for i in items):
            raise ValidationError(f"{year}年度考核方案没有一票否决项。", field="veto_mode")
        if veto_mode not in VETO_MODES:
            raise ValidationError(
                f"一票否决的处理方式应为 {'、'.join(VETO_MODES)} 之一。", field="veto_mode"
            )
        cap = grade_cap.strip() if veto_mode == VETO_CAP else ""
        items = tuple(
            replace(i, veto_mode=veto_mode, grade_cap=cap) if i.rule == "veto" else i for i in items
        )
    return update_scheme(
        session, actor, year, name=scheme.name, indicators=scheme.indicators, items=items,
        grades=scheme.grades, sources=sources, sensitive=sensitive,
    )  # fmt: skip


def _check_sources(sources: Sequence[tuple[str, int]]) -> None:
    names = [n.strip() for n, _w in sources]
    if any(not n for n in names) or len(set(names)) != len(names):
        raise ValidationError("评分来源名称不能为空或重复。", field="sources")
    if sources and (any(w <= 0 for _n, w in sources) or sum(w for _n, w in sources) != 100):
        raise ValidationError("各评分来源的权重应为正数，合计 100。", field="sources")


def _check_sensitive(periods: Sequence[tuple[str, str, str]]) -> None:
    for start, end, name in periods:
        try:
            first, last = (date.fromisoformat(f"2000-{d}") for d in (start, end))
        except ValueError:
            raise ValidationError(
                f"敏感时段“{name}”的日期应写作 MM-DD。", field="sensitive"
            ) from None
        if last < first or not name.strip():
            raise ValidationError(f"敏感时段“{name}”的起止日期不对或未命名。", field="sensitive")


def _plain(info: SchemeInfo) -> dict:
    return {
        "name": info.name,
        "indicators": [
            [i.code, i.name, i.weight, i.source, str(i.base_score), i.owner]
            for i in info.indicators
        ],
        "items": [
            [
                i.code,
                i.rule,
                str(i.points),
                str(i.cap),
                i.indicator,
                str(i.repeat_factor),
                str(i.sensitive_factor),
                i.veto_mode,
                i.grade_cap,
                i.owner,
            ]
            for i in info.items
        ],  # fmt: skip
        "grades": [[g.label, str(g.min_score)] for g in info.grades],
        "sources": [list(s) for s in info.sources],
        "sensitive": [list(p) for p in info.sensitive],
    }


@audit.writes(Permission.EDIT_LEDGER)
def publish_scheme(session: Session, actor: Actor, year: int) -> SchemeInfo:
    """Fix the scheme (indicators, weights, items, grades); manual scores stay open."""
    scheme = scheme_row(session, year)
    editable(scheme, "发布")
    scheme.status = SchemeStatus.PUBLISHED
    audit.record(
        session, actor, "publish", "assessment_scheme", scheme.id, f"发布{year}年度考核方案"
    )
    return info_of(scheme)


def parse_score(text: str | Decimal | int | float) -> Decimal:
    """A typed score or count, one decimal as the scheme writes them: 85.55 is refused, not
    rounded behind the clerk's back."""
    try:
        value = Decimal(str(text).strip())
        kept = q(value)
    except InvalidOperation as exc:
        raise ValidationError(f"“{text}”不是有效的分数。", field="score") from exc
    if kept != value:
        raise ValidationError(f"“{text}”最多一位小数。", field="score")
    return kept


def check_score(text: str) -> Decimal | None:
    """A manual indicator's score as typed (0–100, one decimal; "" clears it)."""
    value = None if not text.strip() else parse_score(text)
    if value is not None and not ZERO <= value <= HUNDRED:
        raise ValidationError("评分应在 0–100 之间。", field="score")
    return value


def check_count(text: str, veto: bool) -> Decimal | None:
    """How many times a manual item applies (0–100; the veto 0 or 1; "" clears it)."""
    value = None if not text.strip() else parse_score(text)
    if value is not None and (value < 0 or value > 100):
        raise ValidationError("次数应在 0–100 之间。", field="count")
    if veto and value and value != 1:
        raise ValidationError("一票否决只能是“是”（1）或“否”（0）。", field="count")
    return value


@dataclass(frozen=True)
class ManualEntry:
    """One typed cell of the results grid: a manual indicator's score (of one ``source`` in a
    scheme with scoring sources), or a manual item's count; ``value`` "" clears it."""

    unit_id: int
    target: str  # "indicator" or "item"
    code: str
    value: str
    source: str = ""
    note: str = ""


@audit.writes(Permission.EDIT_LEDGER)
def set_manual_entries(
    session: Session, actor: Actor, year: int, entries: Sequence[ManualEntry]
) -> int:
    """Several typed scores and counts saved together (the results grid's 保存评分): all are
    kept, or none; each one audited as if typed alone."""
    if not entries:
        raise ValidationError("没有要保存的评分。")
    for e in entries:
        if e.target == "item":
            set_manual_count(session, actor, year, e.unit_id, e.code, e.value or None, e.note)
        else:
            set_manual_score(
                session, actor, year, e.unit_id, e.code, e.value or None, e.note, e.source
            )
    return len(entries)


@audit.writes(Permission.EDIT_LEDGER)
def set_manual_score(
    session: Session,
    actor: Actor,
    year: int,
    unit_id: int,
    code: str,
    score: Decimal | str | None,
    note: str = "",
    source: str = "",
) -> None:
    """The clerk's 0–100 score for a manual indicator (None clears it: the base score counts);
    in a scheme with scoring sources, the score of one ``source`` (群众评价 …)."""
    scheme = scheme_row(session, year)
    editable(scheme, "录入评分")
    indicator = next((i for i in scheme.indicators if i.code == code), None)
    if indicator is None or indicator.source != IndicatorSource.MANUAL:
        raise ValidationError("该指标不是人工评分指标。", field="indicator")
    value = check_score("" if score is None else str(score))
    names = [n for n, _w in info_of(scheme).sources]
    if names and source not in names:
        raise ValidationError(f"请选择评分来源：{'、'.join(names)}。", field="source")
    if not names and source:
        raise ValidationError("该方案没有分来源评分。", field="source")
    what = f"{indicator.name}（{source}）" if source else indicator.name
    _put(session, actor, scheme, unit_id, "indicator", code, what, value, note, source)


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
    editable(scheme, "录入加减分")
    item = next((i for i in scheme.items if i.code == code), None)
    if item is None or item.rule not in MANUAL_ITEM_RULES:
        raise ValidationError("该加减分项由台账自动计算，不能手工录入。", field="item")
    value = check_count("" if count is None else str(count), item.rule == "veto")
    if item.rule == "veto" and value and not note.strip():
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
    source: str = "",
) -> None:
    unit = get_or_missing(session, Unit, unit_id, "单位")
    key = (unit_id, target, f"{code}@{source}" if source else code)
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
                source=source,
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
            "source": source,
            "before": before,
            "after": None if value is None else [str(value), note.strip()],
        },
    )


@audit.writes(Permission.EDIT_LEDGER)
def finalise(session: Session, actor: Actor, year: int) -> Results:
    """定稿: compute the results now, store them, and freeze scheme, scores and results."""
    scheme = scheme_row(session, year)
    editable(scheme, "重复定稿")
    live = compute_live(session, scheme)
    if not live.rows:
        raise ValidationError(f"{year}年度没有可考核的牵头单位。", field="year")
    top = live.scheme.grades[0].label
    unreviewed = [r.unit for r in live.rows if r.grade == top and not r.excellent_review]
    if unreviewed:
        raise ValidationError(
            f"以下单位拟评为“{top}”，须先由平安办完成{top}等次资格审核：{'、'.join(unreviewed)}。",
            field="review",
        )
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
                    "indicator": a.indicator,
                }
                for a in r.adjustments
            ],
            "points": {k: str(v) for k, v in (r.points or {}).items()},
            "review": r.excellent_review,
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
                proposed_grade=r.grade,
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
