"""The 工作进展通报 for a period, written from plain ledger figures (no database here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .compose_common import (
    Letterhead,
    frame,
    join_names,
    numbered_items,
    ordinal,
    pct,
    printed,
    rate,
    reported,
    share,
    wan,
)
from .model import Attachment, OfficialDocument, Table

DONE, AHEAD, ON, BEHIND = "done", "ahead", "on", "behind"
CATEGORY_LABEL = {DONE: "已完成", AHEAD: "超序时", ON: "按序时", BEHIND: "滞后"}
LAMP_LABEL = {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}


@dataclass(frozen=True)
class CircularTask:
    code: str
    title: str
    project: str
    lead_unit: str
    schedule_pct: float
    reported_pct: Decimal | None
    lamp: str  # green / yellow / red
    reasons: tuple[str, ...]
    category: str  # done / ahead / on / behind
    overdue_days: int = 0  # past its deadline and not done
    overdue_milestones: int = 0
    missed_reports: int = 0
    funds_lagging: bool = False
    not_started: bool = False


@dataclass(frozen=True)
class CircularUnit:
    name: str
    tasks: int
    done: int
    green: int
    yellow: int
    red: int
    gap: float  # mean of reported − schedule, in points: the ranking measure
    rank: int
    previous_rank: int | None = None

    @property
    def change(self) -> str:
        if self.previous_rank is None:
            return "—"
        moved = self.previous_rank - self.rank
        return "持平" if moved == 0 else (f"上升{moved}位" if moved > 0 else f"下降{-moved}位")


@dataclass(frozen=True)
class CircularFunds:
    label: str  # a key project
    budget: Decimal
    arrived: Decimal
    spent: Decimal


@dataclass
class CircularData:
    """Everything the circular says, gathered by desktop.services.circular."""

    period_label: str  # 2026年11月
    as_of: date
    issued: date
    projects: int
    tasks: list[CircularTask]
    units: list[CircularUnit]  # ranked, best first
    funds: list[CircularFunds]
    next_report_due: date
    ahead_points: float = 5.0
    yellow_lag: float = 10.0
    red_lag: float = 30.0
    reported_problems: list[tuple[str, int]] = field(default_factory=list)  # (text, how many)
    # 预警: tasks not red now that their trend turns red next period: (code, title, unit)
    forecast: list[tuple[str, str, str]] = field(default_factory=list)
    recipients: str = "市平安建设领导小组各成员单位，各重点工程牵头单位"


def compose_circular(data: CircularData, head: Letterhead) -> OfficialDocument:
    title = f"关于{data.period_label}{head.city}平安建设重点工程推进情况的通报"
    body: list = [_intro(data, head)]
    body += ["一、总体情况", _totals(data), *_units_paragraphs(data)]
    body += ["二、存在的主要问题", *_problems(data)]
    body += ["三、下一步工作要求", _requirements(data)]
    return frame(
        head,
        title,
        data.recipients,
        body,
        data.issued,
        attachments=_annexes(data),
    )


def _day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _intro(data: CircularData, head: Letterhead) -> str:
    who = head.issuer_short or head.issuer_name
    return (
        f"按照市平安建设领导小组工作安排，{who}对{data.projects}项重点工程"
        f"{len(data.tasks)}项任务截至{_day(data.as_of)}的推进情况进行了调度。"
        "现将有关情况通报如下。"
    )


def counts(tasks: list[CircularTask]) -> dict[str, int]:
    result = {DONE: 0, AHEAD: 0, ON: 0, BEHIND: 0, "green": 0, "yellow": 0, "red": 0}
    for t in tasks:
        result[t.category] += 1
        result[t.lamp] += 1
    return result


def _totals(data: CircularData) -> str:
    n = len(data.tasks)
    c = counts(data.tasks)
    budget = sum((f.budget for f in data.funds), Decimal(0))
    arrived = sum((f.arrived for f in data.funds), Decimal(0))
    spent = sum((f.spent for f in data.funds), Decimal(0))
    return (
        f"截至{_day(data.as_of)}，{n}项任务中，已完成{c[DONE]}项，占{share(c[DONE], n)}；"
        f"超序时进度推进{c[AHEAD]}项，占{share(c[AHEAD], n)}；"
        f"按序时进度推进{c[ON]}项，占{share(c[ON], n)}；"
        f"滞后序时进度{c[BEHIND]}项，占{share(c[BEHIND], n)}。"
        f"亮灯情况：绿灯{c['green']}项、黄灯{c['yellow']}项、红灯{c['red']}项。"
        f"资金方面，计划投资{wan(budget)}万元，已到位{wan(arrived)}万元，"
        f"到位率{rate(arrived, budget)}；已支出{wan(spent)}万元，支出率{rate(spent, arrived)}。"
    )


def good_units(data: CircularData) -> list[CircularUnit]:
    """Units with no red lamp whose tasks are, on average, at or ahead of schedule."""
    return [u for u in data.units if u.red == 0 and u.gap >= 0]


def lagging_units(data: CircularData) -> list[CircularUnit]:
    return [u for u in data.units if u.red > 0]


def _units_paragraphs(data: CircularData) -> list[str]:
    good = good_units(data)
    bad = lagging_units(data)
    out = []
    if good:
        out.append(
            f"（一）进展较好的单位。{join_names([u.name for u in good])}"
            "牵头的任务无红灯，总体进度达到或超过序时进度，工作推进有力，予以通报表扬。"
        )
    else:
        out.append("（一）进展较好的单位。本期没有牵头任务无红灯且总体达到序时进度的单位。")
    if bad:
        named = "，".join(
            f"{u.name}（红灯{u.red}项" + (f"、黄灯{u.yellow}项）" if u.yellow else "）")
            for u in bad
        )
        out.append(
            f"（二）进展滞后的单位。{named}牵头的任务亮红灯，"
            "推进力度不够，与序时进度差距较大，予以通报。"
        )
    else:
        out.append("（二）进展滞后的单位。本期没有亮红灯的牵头单位。")
    return out


def _problems(data: CircularData) -> list[str]:
    items: list[tuple[str, str]] = []
    behind = [t for t in data.tasks if t.category == BEHIND]
    far = [t for t in behind if t.reported_pct is not None and _lag(t) > data.red_lag]
    if behind:
        text = f"{len(behind)}项任务滞后序时进度{data.yellow_lag:.0f}个百分点以上"
        if far:
            text += f"，其中{_codes(far)}滞后超过{data.red_lag:.0f}个百分点"
        items.append(("部分任务进度滞后", text + "。"))
    late = [t for t in data.tasks if t.overdue_days > 0]
    if late:
        items.append(("个别任务逾期未完成", f"{_codes(late)}已超过完成时限仍未完成。"))
    ms = [t for t in data.tasks if t.overdue_milestones]
    if ms:
        total = sum(t.overdue_milestones for t in ms)
        items.append(
            ("节点任务逾期", f"{len(ms)}项任务共{total}个节点逾期未完成（{_codes(ms)}）。")
        )
    idle = [t for t in data.tasks if t.not_started]
    if idle:
        items.append(("个别任务迟迟未启动", f"{_codes(idle)}开始后长期未实质启动。"))
    money = [t for t in data.tasks if t.funds_lagging]
    if money:
        items.append(("资金到位偏慢", f"{_codes(money)}时间过半但资金到位率不足一半。"))
    missed = [t for t in data.tasks if t.missed_reports]
    if missed:
        items.append(("进度报送不及时", f"{_codes(missed)}未按时报送进度。"))
    if data.reported_problems:
        said = "；".join(text.rstrip("。") for text, _n in data.reported_problems)
        items.append(("推进中的困难", f"各单位反映的困难主要有：{said}。"))
    if not items:
        return ["（一）本期未发现突出问题。"]
    return [f"（{ordinal(i)}）{head}。{text}" for i, (head, text) in enumerate(items, start=1)]


def _lag(t: CircularTask) -> float:
    # as decimals, like the lamp rules: 32.2 − 12.2 is 20.0 points, not a hair over
    return float(Decimal(repr(t.schedule_pct)) - Decimal(t.reported_pct or 0))


def _codes(tasks: list[CircularTask], limit: int = 6) -> str:
    shown = "、".join(f"“{t.title}”（{t.lead_unit}）" for t in tasks[:limit])
    return shown + (f"等{len(tasks)}项任务" if len(tasks) > limit else "")


def _requirements(data: CircularData) -> str:
    bad = join_names([u.name for u in lagging_units(data)])
    items = [
        "压实工作责任。各牵头单位主要负责同志要亲自研究、亲自调度，"
        "对照任务清单逐项明确责任人和完成时限",
        (
            f"加快滞后任务推进。{bad}要认真分析滞后原因，制定整改措施，"
            f"于{_day(data.next_report_due)}前书面报送市平安办"
            if bad
            else "加快滞后任务推进。进度滞后的任务要认真分析原因，制定追赶措施，确保按期完成"
        ),
        *_forecast_item(data),
        "加快资金拨付使用。相关单位要会同财政部门加快资金拨付，提高资金使用效率",
        f"按时报送进度。各单位要于每月25日前报送任务推进情况，"
        f"下期报送截止时间为{_day(data.next_report_due)}",
    ]
    return "各牵头单位要对照通报指出的问题，举一反三，抓好落实。" + numbered_items(items)


def _forecast_item(data: CircularData) -> list[str]:
    """防止由黄转红: the tasks the trend turns red next period, by code, with their units."""
    if not data.forecast:
        return []
    tasks = "、".join(f"{code}“{title}”" for code, title, _unit in data.forecast[:6])
    more = f"等 {len(data.forecast)} 项任务" if len(data.forecast) > 6 else ""
    units = join_names(list(dict.fromkeys(unit for _c, _t, unit in data.forecast)))
    return [
        f"防止任务由黄转红。按近期推进趋势研判，{tasks}{more}如不加快推进，下期末将亮红灯，"
        f"{units}要提前采取措施，确保不出现新的红灯任务"
    ]


def _annexes(data: CircularData) -> list[Attachment]:
    return [
        Attachment(
            f"{data.period_label}重点工程任务推进情况表",
            [_task_table(data), "注：序时为序时进度，报送为各单位报送的完成进度。"],
        ),
        Attachment(
            f"{data.period_label}牵头单位推进情况排名",
            [
                _unit_table(data),
                "注：进度差为所牵头任务报送进度与序时进度之差的平均值（百分点），按进度差排名。",
            ],
        ),
        Attachment(
            f"{data.period_label}资金到位和支出情况表",
            [_funds_table(data), "注：金额单位为万元；支出率为已支出占到位资金的比例。"],
        ),
        Attachment(f"{data.period_label}亮灯任务情况表", [_lamp_table(data)]),
    ]


def _task_table(data: CircularData) -> Table:
    rows = [
        [
            t.code,
            t.title,
            t.lead_unit,
            pct(t.schedule_pct),
            reported(t.reported_pct),
            CATEGORY_LABEL[t.category],
            LAMP_LABEL[t.lamp],
        ]
        for t in data.tasks
    ]
    return Table(
        ["编号", "任务", "牵头单位", "序时", "报送", "进展", "亮灯"],
        rows,
        widths=[1.3, 4.4, 2.7, 1.3, 1.3, 1.6, 1.4],
        aligns=["center", "left", "left", "right", "right", "center", "center"],
        font_size=12.0,
    )


def _unit_table(data: CircularData) -> Table:
    rows = [
        [
            str(u.rank),
            u.name,
            str(u.tasks),
            str(u.done),
            str(u.green),
            str(u.yellow),
            str(u.red),
            f"{u.gap:+.1f}",
            u.change,
        ]
        for u in data.units
    ]
    return Table(
        ["排名", "牵头单位", "任务", "完成", "绿灯", "黄灯", "红灯", "进度差", "较上期"],
        rows,
        widths=[1.1, 3.6, 1.1, 1.1, 1.1, 1.1, 1.1, 1.5, 1.8],
        aligns=["center", "left"] + ["right"] * 6 + ["center"],
        font_size=12.0,
    )


def _funds_table(data: CircularData) -> Table:
    rows = [
        [
            f.label,
            wan(f.budget),
            wan(f.arrived),
            rate(f.arrived, f.budget),
            wan(f.spent),
            rate(f.spent, f.arrived),
        ]
        for f in data.funds
    ]
    budget = sum((f.budget for f in data.funds), Decimal(0))
    arrived = sum((f.arrived for f in data.funds), Decimal(0))
    spent = sum((f.spent for f in data.funds), Decimal(0))
    rows.append(
        ["合计", wan(budget), wan(arrived), rate(arrived, budget), wan(spent), rate(spent, arrived)]
    )
    return Table(
        ["重点工程", "计划投资", "到位资金", "到位率", "已支出", "支出率"],
        rows,
        widths=[4.4, 1.9, 1.9, 1.5, 1.9, 1.5],
        aligns=["left", "right", "right", "right", "right", "right"],
        font_size=12.0,
    )


def _lamp_table(data: CircularData) -> Table:
    lit = sorted(
        (t for t in data.tasks if t.lamp != "green"),
        key=lambda t: (0 if t.lamp == "red" else 1, t.code),
    )
    rows = [
        [t.code, t.title, t.lead_unit, LAMP_LABEL[t.lamp], "；".join(map(printed, t.reasons))]
        for t in lit
    ]
    if not rows:
        rows = [["—", "本期无黄灯、红灯任务", "", "", ""]]
    return Table(
        ["编号", "任务", "牵头单位", "亮灯", "原因"],
        rows,
        widths=[1.3, 3.6, 2.4, 1.2, 4.5],
        aligns=["center", "left", "left", "center", "left"],
        font_size=12.0,
    )
