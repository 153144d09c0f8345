"""会议纪要 in the 纪要 format: red title, （第X期）, 出席/请假/列席, decisions, no seal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .compose_common import Letterhead, frame, ordinal
from .model import Attendance, DocumentKind, OfficialDocument, format_date


@dataclass(frozen=True)
class MinutesData:
    meeting_kind: str  # 领导小组会议 / 会商
    title: str
    issue_no: int
    held_on: date
    place: str
    chair: str
    present: tuple[str, ...]
    absent: tuple[str, ...]
    attending: tuple[str, ...]
    topics: str
    decisions: tuple[str, ...]  # "市住建局牵头，12月20日前完成…"


def compose_minutes(data: MinutesData, head: Letterhead, issued: date) -> OfficialDocument:
    city = head.city or ""
    body: list = [
        f"{format_date(data.held_on)}，{data.chair}在{data.place}主持召开{data.title}。"
        f"会议{data.topics.rstrip('。')}。现将会议议定事项纪要如下：",
    ]
    for index, decision in enumerate(data.decisions, start=1):
        body.append(f"{ordinal(index)}、{decision.rstrip('。')}。")
    model = frame(head, data.title, "", body, issued, cc="")
    model.kind = DocumentKind.MINUTES
    leading = data.meeting_kind == "领导小组会议"
    model.issuer_mark = f"{city}平安建设领导小组会议" if leading else f"{city}平安建设工作会商"
    model.minutes_issue = f"第{data.issue_no}期"
    model.seal = False
    model.attendance = Attendance(list(data.present), list(data.absent), list(data.attending))
    return model
