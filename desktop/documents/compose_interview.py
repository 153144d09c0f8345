"""约谈通知书, 约谈记录 and 限期整改通知书 from plain data (问责: compose_accountability)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .compose_common import Letterhead, frame, numbered_items
from .model import DocumentKind, Grade, OfficialDocument, Table, format_date


@dataclass(frozen=True)
class InterviewData:
    """An interview as the documents speak of it (no ledger objects)."""

    unit: str
    reason: str
    tasks: tuple[str, ...]  # "04-02 城镇燃气安全专项整治"
    scheduled_at: datetime | None = None
    place: str = ""
    interviewer: str = ""
    interviewer_title: str = ""
    summoned: str = ""
    to_bring: str = ""
    contact: str = ""
    held_at: datetime | None = None
    attendees: str = ""
    recorder: str = ""
    problems: str = ""
    statements: str = ""
    commitments: str = ""
    measures: str = ""
    rectification_due: date | None = None


def _moment(value: datetime) -> str:
    period = "上午" if value.hour < 12 else "下午"
    hour = value.hour if value.hour <= 12 else value.hour - 12
    minutes = f"{value.minute}分" if value.minute else ""
    return f"{format_date(value.date())}{period}{hour}时{minutes}"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def compose_interview_notice(
    data: InterviewData, head: Letterhead, issued: date
) -> OfficialDocument:
    if data.scheduled_at is None:
        raise ValueError("an interview notice needs its time")
    tasks = "、".join(f"“{t}”" for t in data.tasks)
    body = [
        f"经市平安建设领导小组同意，定于{_moment(data.scheduled_at)}在{data.place}"
        f"对你单位进行约谈。现将有关事项通知如下：",
        "一、约谈事由",
        data.reason + (f"涉及任务：{tasks}。" if tasks else ""),
        "二、约谈人",
        f"{data.interviewer_title}{data.interviewer}。",
        "三、被约谈人",
        f"{data.summoned}。",
        "四、有关要求",
        numbered_items(
            [
                "被约谈人须按时参加，不得委托他人代为参加",
                f"请提前准备书面材料：{data.to_bring}"
                if data.to_bring
                else "请提前准备任务推进情况、滞后原因和整改措施的书面材料",
                "约谈结束后按约谈要求限期整改，整改情况书面报告",
            ]
        ),
    ]
    if data.contact:
        body.append(f"联系人及电话：{data.contact}")
    model = frame(head, f"关于约谈{data.unit}的通知", data.unit, body, issued)
    model.grade, model.grade_word = Grade.RED, "约谈"  # the chain's red step
    return model


def compose_interview_record(
    data: InterviewData, head: Letterhead, issued: date
) -> OfficialDocument:
    if data.held_at is None:
        raise ValueError("an interview record needs the time it was held")
    facts = Table(
        header=["项目", "内容"],
        rows=[
            ["约谈时间", _moment(data.held_at)],
            ["约谈地点", data.place],
            ["约谈人", f"{data.interviewer_title}{data.interviewer}"],
            ["被约谈单位", data.unit],
            ["被约谈人", data.summoned],
            ["参加人员", data.attendees],
            ["记录人", data.recorder],
            ["涉及任务", "；".join(data.tasks) or "—"],
        ],
        widths=[1, 4],
        aligns=["center", "left"],
    )
    body: list = [facts, "一、约谈事由", data.reason, "二、存在的主要问题"]
    body += _lines(data.problems) or ["（无）"]
    body += ["三、被约谈人表态发言"] + (_lines(data.statements) or ["（无）"])
    body += ["四、整改承诺"] + (_lines(data.commitments) or ["（无）"])
    if data.rectification_due:
        body += ["五、整改要求", f"请于{format_date(data.rectification_due)}前完成整改并书面报告。"]
    body += ["约谈人（签字）：", "被约谈人（签字）：", "记录人（签字）："]
    model = frame(head, f"约谈{data.unit}记录", "", body, issued, cc="")
    # A record of what was said, signed by those present: not a 文件 (no red head, no 文号,
    # no signature of the office, no 版记).
    model.kind = DocumentKind.RECORD
    model.seal = False
    model.signature, model.date = "", None
    model.printing_office, model.printing_date = "", None
    model.subject = "约谈记录"
    return model


def compose_rectification_notice(
    data: InterviewData, head: Letterhead, issued: date
) -> OfficialDocument:
    if data.rectification_due is None:
        raise ValueError("a rectification notice needs its deadline")
    who = head.issuer_short or head.issuer_name
    held = f"{format_date(data.held_at.date())}，" if data.held_at else ""
    body = [
        f"{held}市平安建设领导小组对你单位进行了约谈。针对约谈指出的问题，现责令你单位限期整改。",
        "一、存在的问题",
        *(_lines(data.problems) or [data.reason]),
        "二、整改措施",
        *(_lines(data.measures) or ["制定整改方案，明确责任人和完成时限，倒排工期推进。"]),
        "三、整改时限",
        f"请于{format_date(data.rectification_due)}前完成整改。",
        "四、报告要求",
        f"整改期间每半月向{who}书面报告一次进展，整改完成后报送整改情况报告并附佐证材料。"
        f"逾期未完成整改的，将依规依纪提出问责建议。",
    ]
    return frame(head, f"关于责令{data.unit}限期整改的通知", data.unit, body, issued)
