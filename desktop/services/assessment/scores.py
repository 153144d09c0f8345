"""考核 writes on the scores: manual scores and counts as typed (checked), and 定稿, which stores
the results and freezes scheme, scores and results."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import delete
from sqlalchemy.orm import Session

from db.models import (
    AssessmentManual,
    AssessmentResult,
    AssessmentScheme,
    IndicatorSource,
    SchemeStatus,
    Unit,
)
from desktop.services import audit
from desktop.services.assessment.rules import (
    HUNDRED,
    ZERO,
    q,
)
from desktop.services.assessment.schemes import editable
from desktop.services.assessment.views import (
    MANUAL_ITEM_RULES,
    Results,
    compute_live,
    info_of,
    manual_entries,
    scheme_row,
    stored_results,
)
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing


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
