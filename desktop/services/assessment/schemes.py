"""考核 writes on the year's scheme: create it, edit its indicators, items and grades, configure its
scoring sources and sensitive periods, publish it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from db.models import (
    AssessmentGrade,
    AssessmentIndicator,
    AssessmentItem,
    AssessmentScheme,
    IndicatorSource,
    SchemeStatus,
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
    MANUAL,
    VETO_CAP,
    VETO_MODES,
    GradeSpec,
    IndicatorSpec,
    ItemSpec,
    validate,
)
from desktop.services.assessment.views import (
    SchemeInfo,
    find_scheme,
    get_scheme,
    info_of,
    scheme_row,
)
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ConflictError, ValidationError


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
