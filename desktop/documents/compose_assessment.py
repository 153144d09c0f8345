"""The 考核结果通报: the year's finalised assessment written from plain figures (no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .compose_common import Letterhead, frame, join_names, numbered_items
from .model import Attachment, OfficialDocument, Table


@dataclass(frozen=True)
class AssessedUnit:
    rank: int
    name: str
    scores: list[str]  # one per indicator, in the scheme's order, e.g. "97.6"
    adjustment: str  # "-1.0", "+2.0", "0.0"
    total: str
    grade: str
    vetoed: bool = False
    veto_reason: str = ""


@dataclass
class AssessmentData:
    """Everything the 考核结果通报 says, gathered by desktop.services.assessment.documents."""

    year: int
    scheme_name: str
    as_of: date
    issued: date
    indicators: list[tuple[str, int]]  # (name, weight)
    grades: list[tuple[str, str]]  # (label, lowest total), best first
    units: list[AssessedUnit]  # ranked, best first
    item_notes: list[str] = field(default_factory=list)  # 黄灯每（任务·月）扣1分，最多扣10分 …
    recipients: str = "市平安建设领导小组各成员单位，各重点工程牵头单位"
    veto_rule: str = "发生一票否决情形的直接定为最低等次"
    decided: str = ""  # 经市平安建设领导小组…审定（会议纪要第4期）
    # 减负: per unit, how often the desk asked it for data: (unit, 进度报送月数, 督办催办回复,
    # 约谈材料, 整改报告, 合计)
    requests: list[tuple[str, int, int, int, int, int]] = field(default_factory=list)


def _day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def compose_assessment(data: AssessmentData, head: Letterhead) -> OfficialDocument:
    title = f"关于{data.year}年度{head.city}平安建设重点工程推进工作考核结果的通报"
    who = head.issuer_short or head.issuer_name
    weights = "、".join(f"{name}{weight}分" for name, weight in data.indicators)
    body: list = [
        f"按照《{data.scheme_name}》，{who}依据重点工程督办台账截至{_day(data.as_of)}的记录，"
        f"结合日常督查和抽查情况，对{len(data.units)}个牵头单位{data.year}年度推进工作进行了"
        "考核。现将考核结果通报如下。",
        "一、考核办法",
        f"考核设{len(data.indicators)}项指标，满分100分，其中{weights}；"
        f"另按加减分项加分或扣分，{data.veto_rule}。" + _items(data),
        "二、考核结果",
        *_results(data),
        "三、有关要求",
        numbered_items(
            [
                "考核结果为优秀的单位要总结经验、保持标杆，继续发挥示范带动作用",
                f"考核结果为{'和'.join(g for g, _l in data.grades[1:])}的单位要对照扣分事项逐项分析原因，"
                "于通报印发之日起15个工作日内向领导小组办公室报送整改措施",
                "各单位要以考核为抓手，压实主体责任，按时报送进度，确保重点工程按期完成",
            ]
        ),
    ]
    return frame(
        head,
        title,
        data.recipients,
        body,
        data.issued,
        attachments=[_annex(data), *([_requests(data)] if data.requests else [])],
    )


def _items(data: AssessmentData) -> str:
    return "；".join(data.item_notes) + "。" if data.item_notes else ""


def _results(data: AssessmentData) -> list[str]:
    lines = []
    for label, _lowest in data.grades:
        names = [u.name for u in data.units if u.grade == label]
        if names:
            lines.append(f"{label}等次（{len(names)}个）：{join_names(names)}。")
    vetoed = [u for u in data.units if u.vetoed]
    decided = f"{data.decided}，" if data.decided else ""
    text = f"经考核，{decided}" + "".join(lines) if lines else "本年度无考核对象。"
    if vetoed:
        reasons = "；".join(f"{u.name}因{u.veto_reason or '一票否决事项'}" for u in vetoed)
        text += f"{reasons}，实行一票否决。"
    return [text, "各单位得分及排名见附件。"]


def _annex(data: AssessmentData) -> Attachment:
    header = ["排名", "单位", *(name for name, _w in data.indicators), "加减分", "总分", "等次"]
    rows = [[str(u.rank), u.name, *u.scores, u.adjustment, u.total, u.grade] for u in data.units]
    count = len(data.indicators)
    thresholds = "、".join(f"{label}{lowest}分以上" for label, lowest in data.grades[:-1])
    return Attachment(
        f"{data.year}年度平安建设重点工程推进工作考核结果",
        [
            Table(
                header,
                rows,
                widths=[1.0, 3.2, *([1.4] * count), 1.4, 1.4, 1.2],
                aligns=["center", "left", *(["right"] * (count + 2)), "center"],
                font_size=12.0,
            ),
            "注：各指标得分为百分制，总分为各指标得分按分值折算（指标内扣分减完为止）后加减分合计；"
            f"等次按总分划定（{thresholds}）。",
        ],
    )


def _requests(data: AssessmentData) -> Attachment:
    header = ["单位", "进度报送（月）", "督办催办回复", "约谈材料", "整改报告", "合计"]
    rows = [[name, *(str(n) for n in counts)] for name, *counts in data.requests]
    return Attachment(
        f"{data.year}年度各单位被要求报送材料次数",
        [
            Table(
                header,
                rows,
                widths=[3.2, 1.6, 1.6, 1.4, 1.4, 1.0],
                aligns=["left", "right", "right", "right", "right", "right"],
                font_size=12.0,
            ),
            "注：按“同类材料最多报一次”的要求统计：进度报送每月一张报送表计一次，不论任务多少；"
            "督办催办计要求书面回复的次数；约谈计要求携带材料的通知；整改计责令报送整改情况的次数。",
        ],
    )
