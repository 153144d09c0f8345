"""会议材料: everything the 领导小组 meeting reads, gathered for one period into one PDF.

The pack holds a cover, a table of contents, the 需研究决定的事项 page the clerk edits (kept in
the ledger per period, audited), the charts of the dashboard, the red list and the forecast,
the escalation chain's open items, the 考核 standing so far, and the period's circular as it
was issued (or as its draft stands, or freshly composed).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from db.enums import LampColor
from db.models import DocStatus, Setting
from desktop.documents.meeting_pack import Line, PackModel, ProjectBar, UnitLamps, render_pack
from desktop.services import audit, circular, overview, settings, supervision
from desktop.services.assessment import views as assessment_views
from desktop.services.auth import Actor, Permission
from desktop.services.interviews import lifecycle as interviews
from desktop.services.lamps.forecast import forecast
from desktop.services.notices import register as notices
from desktop.services.notices import render as notice_render
from desktop.services.periods import Period

ITEMS_KEY = "meeting_pack.items.{period}"
EDIT_PERMISSION = Permission.EDIT_LEDGER  # who may change the list of matters for decision


def suggested_items(session: Session, today: date) -> list[str]:
    """What the desk proposes the meeting decide: failed rectifications, long-red tasks."""
    found = []
    for info in interviews.list_interviews(session, today, open_only=True):
        if info.failed_on is not None:
            found.append(f"{info.unit}约谈整改未完成，研究是否启动问责程序")
    reds = [r for r in overview.task_rows(session, today) if r.lamp.color == LampColor.RED]
    if reds:
        codes = "、".join(r.code for r in reds[:8]) + ("等" if len(reds) > 8 else "")
        found.append(f"红灯任务 {len(reds)} 项（{codes}）的推进措施和责任落实")
    return found or ["（请填写需提请会议研究决定的事项）"]


def items_of(session: Session, period: Period) -> list[str] | None:
    row = session.get(Setting, ITEMS_KEY.format(period=period))
    return None if row is None else list(json.loads(row.value))


@audit.writes(EDIT_PERMISSION)
def save_items(session: Session, actor: Actor, period: Period, items: list[str]) -> None:
    """Keep the clerk's list of 需研究决定的事项 for the period's meeting pack."""
    clean = [i.strip() for i in items if i.strip()]
    before = items_of(session, period)
    key = ITEMS_KEY.format(period=period)
    row = session.get(Setting, key)
    if row is None:
        row = Setting(key=key, value="[]")
        session.add(row)
    row.value = json.dumps(clean, ensure_ascii=False)
    audit.record(
        session,
        actor,
        "meeting_pack.items",
        "meeting_pack",
        str(period),
        f"会议材料 {period.label} 需研究决定的事项 {len(clean)} 项",
        {"before": before, "after": clean},
    )


def gather(session: Session, period: Period | str, today: date) -> PackModel:
    """Everything the pack prints, read from the ledger as it is today."""
    period = Period.parse(period) if isinstance(period, str) else period
    office = settings.office(session)
    rows = overview.task_rows(session, today)
    bars = [
        ProjectBar(
            r.code,
            r.name,
            r.mean_schedule,
            r.reported_sum / r.tasks if r.tasks else 0.0,
            _wan(r.budget),
            _wan(r.arrived),
            _wan(r.spent),
        )
        for r in overview.project_rollups(session, today, rows)
    ]
    units = [
        UnitLamps(
            u.name, u.counts[LampColor.GREEN], u.counts[LampColor.YELLOW], u.counts[LampColor.RED]
        )
        for u in overview.unit_rollups(session, today, rows)
    ]
    red = [
        Line(r.code, r.title, r.lead_unit, r.lamp.reason_text)
        for r in rows
        if r.lamp.color == LampColor.RED
    ]
    ahead = [Line(f.code, f.title, f.unit, f.reason_text) for f in forecast(session, today)]
    pdf, note = _circular_pdf(session, period)
    standing, standing_note = _standing(session, today.year)
    return PackModel(
        title=f"{office.city}平安建设领导小组{period.label}会议材料",
        office=office.issuer_name,
        day=today,
        items=items_of(session, period) or suggested_items(session, today),
        projects=bars,
        units=units,
        red=red,
        forecast=ahead,
        open_items=_open_items(session, today),
        standing=standing,
        standing_note=standing_note,
        circular_pdf=pdf,
        circular_note=note,
    )


def render(session: Session, period: Period | str, today: date) -> bytes:
    """The pack as PDF bytes, in the office's fonts."""
    pdf, _starts = render_pack(gather(session, period, today), notice_render.fonts_for(session))
    return pdf


def _wan(amount: Decimal) -> float:
    return float(amount) / 10_000


def _open_items(session: Session, today: date) -> list[Line]:
    """Overdue 督办 replies, interviews under way and rectifications due or running."""
    found = [
        Line("督办逾期未回复", i.unit, i.requirement, f"{i.reply_due:%Y-%m-%d}")
        for i in supervision.list_items(session, today)
        if i.overdue
    ]
    for info in interviews.list_interviews(session, today, open_only=True):
        due = info.rectification_due
        if due is not None and info.verified_on is None:
            kind = "整改已到期" if due <= today else "整改进行中"
            found.append(Line(kind, info.unit, info.reason, f"{due:%Y-%m-%d}"))
        else:
            found.append(Line(f"约谈（{info.status.label}）", info.unit, info.reason, ""))
    return found


def _standing(session: Session, year: int) -> tuple[list[Line], str]:
    if assessment_views.find_scheme(session, year) is None:
        return [], f"{year}年度考核方案尚未建立。"
    results = assessment_views.results(session, year)
    rows = [Line(str(r.rank), r.unit, f"{r.total:.1f}", r.grade) for r in results.rows]
    note = (
        "考核结果已定稿。"
        if results.final
        else f"按截至{results.as_of:%Y年%m月%d日}的台账测算，尚未定稿，仅供参考。"
    )
    return rows, note


def _circular_pdf(session: Session, period: Period) -> tuple[bytes, str]:
    """The period's circular: as issued, else as its draft stands, else composed now."""
    docs = circular.circulars_of(session, period)
    for wanted, note in ((DocStatus.ISSUED, "已印发（{n}）"), (DocStatus.DRAFT, "草稿，尚未印发")):
        for doc_id, status, number in docs:
            if status == wanted:
                return notices.pdf_of(session, doc_id), note.format(n=number)
    model = circular.compose_circular(
        circular.circular_data(session, period), circular.letterhead(settings.office(session))
    )
    return notice_render.render(session, model).pdf, "按台账现状生成，尚未形成草稿"
