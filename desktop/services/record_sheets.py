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


REGISTER_TITLE = "督查事项登记簿"
REGISTER_HEADERS = (
    "编号", "类别", "任务来源", "来文文号/批示", "收文时间", "主办单位", "协办单位", "督办事项",
    "拟办意见", "缓急", "报送频次", "分管领导", "关联任务", "交办日期", "原定期限", "办理期限",
    "延期", "退办次数", "回复日期", "签发人", "盖章", "办结日期", "状态",
)  # fmt: skip
REGISTER_WIDTHS = (6, 8, 10, 24, 11, 16, 18, 36, 24, 7, 10, 12, 10, 11, 11, 11, 8, 6, 11, 8,
                   5, 11, 10)  # fmt: skip


def register_sheet(session: Session, year: int | None = None) -> Sheet:
    """督查事项登记簿: one row per item (一事一项) with every column of the register, oldest
    first; the deadline as first set beside the one in force after any 延期 or 退办."""
    today = clock_of(session).today()
    rows = [
        (
            i.id,
            i.kind.label,
            i.origin.label,
            i.source_ref,
            i.received_on or i.raised_on,
            i.unit,
            "、".join(i.co_units),
            i.requirement,
            i.handling,
            i.urgency.label,
            i.report_every.label,
            i.leader,
            "、".join(i.task_codes),
            i.raised_on,
            i.first_due,
            i.reply_due,
            "已延期" if i.extended else ("待审批" if i.extension_pending else ""),
            i.returns,
            i.reply_received_on,
            i.reply_signer,
            ("是" if i.reply_stamped else "否") if i.reply_received_on else "",
            i.closed_on,
            i.state,
        )  # fmt: skip
        for i in reversed(supervision.list_items(session, today))
        if year is None or i.raised_on.year == year
    ]
    return Sheet(REGISTER_TITLE, REGISTER_HEADERS, rows, REGISTER_WIDTHS)
