"""A 督办事项's own documents: the 交办通知 that assigns it, the 退办通知 that sends a reply
back, and the 延期复函 that answers a 延期 request — from plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .compose_common import Letterhead, as_record, frame, join_names, numbered_items
from .model import DocumentKind, Grade, OfficialDocument, Table


def _day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


@dataclass(frozen=True)
class ItemData:
    """One registered matter as the documents speak of it."""

    unit: str  # 主办单位
    co_units: tuple[str, ...]
    source: str  # 领导批示, 上级文件 …
    source_ref: str
    received: date
    requirement: str
    due: date
    reporting: str  # 每周报告 … 办结时报告
    issued: date


def _matter(d: ItemData) -> str:
    ref = f"（{d.source_ref}）" if d.source_ref else ""
    return f"{_day(d.received)}收到的{d.source}{ref}"


def compose_assignment(d: ItemData, head: Letterhead) -> OfficialDocument:
    """交办通知 (a 督办通知): who leads, who helps, what, by when, how often to report."""
    who = head.issuer_short or head.issuer_name
    helpers = join_names(list(d.co_units))
    body = [
        f"根据{_matter(d)}，现将有关事项交由你单位主办"
        + (f"，{helpers}协办" if helpers else "")
        + "。具体要求如下：",
        numbered_items(
            [
                f"办理事项。{d.requirement}",
                f"办理期限。请于{_day(d.due)}前办结，并将办理结果书面报送{who}",
                f"报送要求。{d.reporting.removesuffix('报告')}报送办理进展"
                if d.reporting != "办结时报告"
                else "报送要求。办结后一次性书面报送办理结果",
                "落实责任。主办单位对办理结果负总责"
                + ("，协办单位应主动配合、按时提供材料" if helpers else ""),
            ]
        ),
        "回复件须经单位负责人签发并加盖公章。确需延期的，应在期限届满前书面说明理由并提出"
        "办结时间，经批准后方可延期。",
    ]
    model = frame(head, f"关于办理{d.source}有关事项的督办通知", d.unit, body, d.issued)
    model.grade = Grade.YELLOW
    return model


def compose_return(
    d: ItemData, head: Letterhead, replied: date, reason: str, redo_by: date
) -> OfficialDocument:
    """退办通知: the reply that falls short, why, and by when to answer again (a letter)."""
    who = head.issuer_short or head.issuer_name
    body = [
        f"你单位{_day(replied)}报送的关于{_matter(d)}办理情况的回复收悉。"
        f"经审核，回复存在以下问题：{reason.rstrip('。')}。",
        f"现予退回，请你单位补充完善后，于{_day(redo_by)}前重新报送{who}。"
        "回复件须经单位负责人签发并加盖公章。",
    ]
    model = frame(head, f"关于退回{d.source}办理情况回复的通知", d.unit, body, d.issued, cc="")
    model.kind = DocumentKind.LETTER
    return model


def compose_extension_reply(
    d: ItemData, head: Letterhead, asked: date, old_due: date, new_due: date, approved: bool,
    note: str, task_moves: tuple[tuple[str, date, date], ...] = (),
) -> OfficialDocument:  # fmt: skip
    """延期复函: the 延期 request answered, with both dates (a letter); ``task_moves``: the
    tasks whose 完成时限 the approval moved, each (code, old, new)."""
    said = f"（{note.rstrip('。')}）" if note else ""
    if approved:
        tasks = "".join(
            f"{code}号任务完成时限相应由{_day(old)}调整为{_day(new)}。"
            for code, old, new in task_moves
        )
        verdict = (
            f"经审核并报领导同意，该事项办理期限由{_day(old_due)}延至{_day(new_due)}。{tasks}"
            "请你单位抓紧办理，逾期不再延期。"
        )
    else:
        verdict = f"经审核并报领导研究，不同意延期{said}，请仍于{_day(old_due)}前办结。"
        said = ""
    body = [
        f"你单位{_day(asked)}关于{_matter(d)}延期办理的申请收悉。" + verdict + said,
    ]
    title = f"关于{d.source}办理事项延期申请的复函"
    model = frame(head, title, d.unit, body, d.issued, cc="")
    model.kind = DocumentKind.LETTER
    return model


REGISTER_COLUMNS = ["编号", "来源、文号及收文", "主办（协办）", "督办事项", "办理期限", "办理情况"]


def compose_register(
    head: Letterhead, rows: list[list[str]], summary: str, as_of: date
) -> OfficialDocument:
    """督查事项登记簿 for printing: a record form (no red head, no 文号) with the count and one
    row per item, the header repeated on every page."""
    table = Table(
        header=REGISTER_COLUMNS, rows=rows, widths=[24, 90, 76, 110, 62, 80],  # pt of 442
        aligns=["center", "left", "left", "left", "center", "left"], font_size=10.5,
    )  # fmt: skip
    title = "督查事项登记簿"
    body = [f"截至{_day(as_of)}，" + summary, table]
    return as_record(frame(head, title, "", body, as_of, cc=""), title)
