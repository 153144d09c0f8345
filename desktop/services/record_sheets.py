"""Tables of the escalation chain's records, shared by the archive catalogue and the Excel export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.services import supervision
from desktop.services.clock import clock_of
from desktop.services.interviews import lifecycle as interviews


@dataclass(frozen=True)
class Sheet:
    """A titled table of plain values (dates, numbers, text), ready for any workbook writer."""

    title: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[object, ...]]
    widths: tuple[int, ...] = ()


def interviews_sheet(session: Session, year: int | None = None) -> Sheet:
    """约谈: one row per interview, with its rectification and any accountability."""
    today = clock_of(session).today()
    rows = [
        (
            i.unit,
            "、".join(i.task_codes),
            i.reason,
            i.proposed_on,
            i.record.held_at.date() if i.record else None,
            i.record.commitments if i.record else "",
            i.rectification_due,
            i.status.label,
            i.verified_on or i.failed_on,
            "；".join(f"{a.kind.label}：{a.persons}" for a in i.accountability if a.kind),
        )
        for i in reversed(interviews.list_interviews(session, today))
        if year is None or i.proposed_on.year == year
    ]
    headers = (
        "被约谈单位",
        "任务",
        "事由",
        "提出日期",
        "约谈日期",
        "整改承诺",
        "整改期限",
        "状态",
        "销号/认定日期",
        "问责",
    )
    return Sheet("约谈", headers, rows, (18, 10, 36, 12, 12, 30, 12, 12, 14, 24))


def supervision_sheet(session: Session, year: int | None = None) -> Sheet:
    """督办事项: reminders, notices and site checks with their replies."""
    today = clock_of(session).today()
    rows = [
        (
            item.kind.label,
            item.unit,
            "、".join(item.task_codes),
            item.requirement,
            item.raised_on,
            item.reply_due,
            item.reply_received_on,
            item.state,
            item.origin.label,
        )
        for item in reversed(supervision.list_items(session, today))
        if year is None or item.raised_on.year == year
    ]
    headers = (
        "类别",
        "单位",
        "任务",
        "督办要求",
        "发起日期",
        "回复期限",
        "回复日期",
        "状态",
        "来源",
    )
    return Sheet("督办事项", headers, rows, (10, 18, 10, 40, 12, 12, 12, 12, 10))
