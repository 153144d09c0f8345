"""The 考核结果通报 draft: the finalised results handed to the composer, entered in the register."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DocKind, DocStatus, Document
from desktop.documents.compose_assessment import AssessedUnit, AssessmentData, compose_assessment
from desktop.services import settings
from desktop.services.assessment import writes as assessment
from desktop.services.assessment.burden import requests_by_unit
from desktop.services.assessment.rules import RULES, VETO_CAP, VETO_DEDUCT
from desktop.services.auth import Actor, Permission, require
from desktop.services.circular import letterhead
from desktop.services.clock import clock_of
from desktop.services.errors import ConflictError
from desktop.services.notices import register as notices


def _num(value: Decimal) -> str:
    """10, 0.5: no trailing zeros, never 1E+1."""
    return f"{value.normalize():f}"


def _signed(value: object) -> str:
    text = f"{value}"
    return text if text.startswith("-") or text in ("0", "0.0") else f"+{text}"


def assessment_data(session: Session, year: int) -> AssessmentData:
    """The figures of the 通报 from the frozen results (定稿 first)."""
    found = assessment.results(session, year)
    if not found.final:
        raise ConflictError(f"{year}年度考核尚未定稿，请先定稿再生成考核结果通报。")
    scheme = found.scheme
    notes = []
    names = {i.code: i.name for i in scheme.indicators}
    veto_rule = "发生一票否决情形的直接定为最低等次"
    for item in scheme.items:
        if item.rule == "veto":
            veto_rule = {
                VETO_CAP: f"一票否决项（{item.name}）最高评为{item.grade_cap}",
                VETO_DEDUCT: f"发生一票否决情形的一次性扣{_num(abs(item.points))}分",
            }.get(item.veto_mode, veto_rule)
            continue
        if item.points == 0:
            continue
        verb = "扣" if item.points < 0 else "加"
        cap = f"，最多{verb}{_num(item.cap)}分" if item.cap else ""
        where = f"，在“{names[item.indicator]}”分值内扣完为止" if item.indicator else ""
        double = []
        if item.repeat_factor > 1:
            double.append(f"重复发生的按{_num(item.repeat_factor)}倍计")
        if item.sensitive_factor > 1 and scheme.sensitive:
            periods = "、".join(n for _a, _b, n in scheme.sensitive)
            double.append(f"{periods}等敏感时段发生的按{_num(item.sensitive_factor)}倍计")
        extra = "".join(f"，{d}" for d in double)
        notes.append(
            f"{item.name}按每{RULES[item.rule]}{verb}{_num(abs(item.points))}分{extra}{cap}{where}"
        )
    decided = ""
    if scheme.decided_on is not None:
        decided = f"经{scheme.decided_by}审定（会议纪要{scheme.minutes_issue}）"
    units = [
        AssessedUnit(
            rank=r.rank,
            name=r.unit,
            scores=[str(r.scores[i.code]) for i in scheme.indicators],
            adjustment=_signed(r.adjustment),
            total=str(r.total),
            grade=r.grade,
            vetoed=r.vetoed,
            veto_reason=next((a.note for a in r.adjustments if a.code == "veto" and a.count), ""),
        )
        for r in found.rows
    ]
    return AssessmentData(
        year=year,
        scheme_name=scheme.name,
        as_of=found.as_of,
        issued=clock_of(session).today(),
        indicators=[(i.name, i.weight) for i in scheme.indicators],
        grades=[(g.label, _num(g.min_score)) for g in scheme.grades],
        units=units,
        item_notes=notes,
        veto_rule=veto_rule,
        decided=decided,
        requests=[
            (r.unit, r.reports, r.replies, r.materials, r.rectifications, r.total)
            for r in requests_by_unit(session, year, found.as_of)
        ],
    )


def draft_assessment_circular(session: Session, actor: Actor, year: int) -> int:
    """The year's 考核结果通报 draft: the existing one (the clerk's edits kept), or a new one
    (notices.create_draft writes it, with its audit record)."""
    require(actor, Permission.ISSUE_DOCUMENTS)
    found = session.execute(
        select(Document.id, Document.status, Document.number)
        .where(Document.kind == DocKind.ASSESSMENT, Document.period == str(year))
        .order_by(Document.id.desc())
    ).all()
    for doc_id, status, number in found:
        if status == DocStatus.DRAFT:
            return doc_id
        raise ConflictError(f"{year}年度考核结果通报已印发（{number}）。")
    model = compose_assessment(assessment_data(session, year), letterhead(settings.office(session)))
    return notices.create_draft(
        session, actor, DocKind.ASSESSMENT, model, period=str(year), confirm_fallbacks=None
    )
