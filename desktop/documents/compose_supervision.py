"""督办通知 and 催办单 for a task or a unit, and a plain 通知, from plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .compose_common import Letterhead, frame, numbered_items, printed, reported
from .model import DocumentKind, Grade, OfficialDocument

SUPERVISION, REMINDER = "supervision", "reminder"


@dataclass(frozen=True)
class SupervisedTask:
    code: str
    title: str
    schedule_pct: float
    reported_pct: Decimal | None
    lamp: str  # green / yellow / red
    reasons: tuple[str, ...]
    deadline: date
    overdue_milestones: tuple[tuple[str, date], ...] = ()


@dataclass
class SupervisionData:
    """Who is supervised about what, and by when they must answer."""

    kind: str  # supervision (督办通知) or reminder (催办单)
    unit: str
    tasks: list[SupervisedTask]
    as_of: date
    reply_by: date
    issued: date
    escalate_to: str = "约谈"  # what follows when nothing is done
    letter: bool = False  # print in the 信函格式 (a sheet to one unit) instead of 文件格式
    extra: list[str] = field(default_factory=list)  # paragraphs the clerk adds


def _day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _fact(t: SupervisedTask) -> str:
    said = "尚未报送进度" if t.reported_pct is None else f"报送进度{reported(t.reported_pct)}"
    why = "；".join(printed(r) for r in t.reasons)
    return f"“{t.title}”（编号{t.code}），序时进度{t.schedule_pct:.0f}%，{said}，{why}"


def compose_supervision(data: SupervisionData, head: Letterhead) -> OfficialDocument:
    who = head.issuer_short or head.issuer_name
    single = len(data.tasks) == 1
    if data.kind == REMINDER:
        title = (
            f"关于催报“{data.tasks[0].title}”任务推进情况的催办单"
            if single
            else f"关于催报{data.unit}牵头任务推进情况的催办单"
        )
    else:
        title = (
            f"关于加快推进“{data.tasks[0].title}”任务的督办通知"
            if single
            else f"关于加快推进{data.unit}牵头滞后任务的督办通知"
        )
    body: list = []
    if single:
        body.append(f"截至{_day(data.as_of)}，你单位牵头的{_fact(data.tasks[0])}。")
    else:
        body.append(f"截至{_day(data.as_of)}，你单位牵头的以下任务推进滞后：")
        body += [f"{i}.{_fact(t)}。" for i, t in enumerate(data.tasks, start=1)]
    if data.kind == REMINDER:
        body.append(
            f"请你单位高度重视，抓紧推进，并于{_day(data.reply_by)}前"
            f"将任务推进情况、存在问题和下一步工作安排书面报送{who}。"
        )
    else:
        body.append("为确保任务按期完成，现予督办。具体要求如下：")
        body.append(
            numbered_items(
                [
                    "认真分析原因。主要负责同志要亲自研究，逐项查找进度滞后的原因",
                    "制定整改措施。明确责任人、时间表和路线图，倒排工期，加快推进",
                    f"按时书面回复。请于{_day(data.reply_by)}前将整改措施和推进情况书面报送{who}",
                ]
            )
        )
        body.append(
            f"逾期未回复或整改不力的，{who}将按程序提请市平安建设领导小组{data.escalate_to}。"
        )
    body += data.extra
    model = frame(head, title, data.unit, body, data.issued)
    red = any(t.lamp == "red" for t in data.tasks)
    if data.kind == SUPERVISION and red:
        model.urgency = "加急"
    model.grade = grade_of(data.kind, red)
    if data.letter:
        model.kind = DocumentKind.LETTER
    return model


def grade_of(kind: str, red: bool) -> Grade:
    """催办 blue; 督办通知 yellow, or red when a task it names shows a red lamp (SUPERVISION.md)."""
    if kind == REMINDER:
        return Grade.BLUE
    return Grade.RED if red else Grade.YELLOW


def compose_notice(
    head: Letterhead, title: str, recipients: str, paragraphs: list[str], issued: date
) -> OfficialDocument:
    """A plain 通知: the clerk's own paragraphs under the office's letterhead."""
    return frame(head, title, recipients, [p for p in paragraphs if p.strip()], issued)
