"""考核 rules as data: the default scheme, its validation, the score formulas, ranking and grades."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop.services.enums import QT_TR_NOOP
from desktop.services.errors import ValidationError

TENTH = Decimal("0.1")
HUNDRED = Decimal(100)
ZERO = Decimal(0)

# Indicator codes: each has a ledger formula (assessment_facts) and may be scored by hand instead.
INDICATORS = {
    "progress": "进度",
    "quality": "质量",
    "funds": "资金",
    "timely": "报送及时",
    "rectification": "整改",
}
COMPUTED, MANUAL = "computed", "manual"
# What an item counts for a unit in the year; "manual" and "veto" are counts the clerk enters.
RULES = {
    "yellow_lamp": QT_TR_NOOP("黄灯（任务·月）"),
    "red_lamp": QT_TR_NOOP("红灯（任务·月）"),
    "failed_rectification": QT_TR_NOOP("整改逾期未完成"),
    "accountability": QT_TR_NOOP("被问责"),
    "rank_gain": QT_TR_NOOP("位次前移（名）"),
    "rank_loss": QT_TR_NOOP("位次后移（名）"),
    "item_late": QT_TR_NOOP("督办事项逾期未办"),
    "item_returned": QT_TR_NOOP("督办事项回复被退办"),
    "manual": QT_TR_NOOP("人工认定"),
    "veto": QT_TR_NOOP("一票否决"),
}
# A veto either drops the unit to the lowest grade and last place (the old 一票否决), takes a
# fixed deduction once, or caps the grade the unit may reach (不得评为优秀 …).
VETO_LOWEST, VETO_DEDUCT, VETO_CAP = "lowest", "deduct", "cap"
VETO_MODES = {
    VETO_LOWEST: QT_TR_NOOP("定为最低等次"),
    VETO_DEDUCT: QT_TR_NOOP("一次性扣分"),
    VETO_CAP: QT_TR_NOOP("限定最高等次"),
}
ONE = Decimal(1)
PROGRESS_POINTS_PER_LAG = Decimal(2)  # every point behind schedule costs 2 of the 100


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    weight: int
    source: str = COMPUTED  # computed / manual
    base_score: Decimal = Decimal(80)  # a manual score not entered yet counts as this
    owner: str = ""  # the unit that supplies the figure (数据提供单位)


@dataclass(frozen=True)
class ItemSpec:
    code: str
    name: str
    rule: str
    points: Decimal  # per counted event: negative deducts, positive adds
    cap: Decimal = ZERO  # largest size of the item's total; 0: no cap
    indicator: str = ""  # deducted inside this indicator's points, down to 0 (减完为止)
    repeat_factor: Decimal = ONE  # each event after the first counts this many times
    sensitive_factor: Decimal = ONE  # an event in a sensitive period counts this many times
    veto_mode: str = VETO_LOWEST  # for the veto: lowest / deduct (points, once) / cap
    grade_cap: str = ""  # for a capping veto: the highest grade the unit may get
    owner: str = ""  # the unit that supplies the count


@dataclass(frozen=True)
class GradeSpec:
    label: str
    min_score: Decimal


DEFAULT_INDICATORS = (
    IndicatorSpec("progress", "进度", 40),
    IndicatorSpec("quality", "质量", 20, MANUAL),
    IndicatorSpec("funds", "资金", 15),
    IndicatorSpec("timely", "报送及时", 15),
    IndicatorSpec("rectification", "整改", 10),
)
DEFAULT_ITEMS = (
    ItemSpec("yellow", "黄灯扣分", "yellow_lamp", Decimal(-1), Decimal(10)),
    ItemSpec("red", "红灯扣分", "red_lamp", Decimal(-2), Decimal(20)),
    ItemSpec("failed", "整改不到位扣分", "failed_rectification", Decimal(-3), ZERO),
    ItemSpec("accountable", "被问责扣分", "accountability", Decimal(-5), ZERO),
    ItemSpec("commended", "受上级表彰加分", "manual", Decimal(1), Decimal(3)),
    ItemSpec("veto", "一票否决", "veto", ZERO, ZERO),
)
DEFAULT_GRADES = (
    GradeSpec("优秀", Decimal(90)),
    GradeSpec("良好", Decimal(80)),
    GradeSpec("一般", Decimal(60)),
    GradeSpec("较差", ZERO),
)


def q(value: Decimal | float | int) -> Decimal:
    """One decimal, half up: how scores are written and compared."""
    return Decimal(str(value)).quantize(TENTH, rounding=ROUND_HALF_UP)


def clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(HUNDRED, value))


def validate(
    indicators: Sequence[IndicatorSpec], items: Sequence[ItemSpec], grades: Sequence[GradeSpec]
) -> None:
    """Weights are whole numbers summing to 100; codes unique; thresholds strictly descending."""
    if not indicators:
        raise ValidationError("考核方案至少需要一项指标。", field="indicators")
    codes = [i.code.strip() for i in indicators]
    if len(set(codes)) != len(codes) or any(not c for c in codes):
        raise ValidationError("指标代码不能为空或重复，请检查指标列表。", field="indicators")
    for ind in indicators:
        if ind.source == COMPUTED and ind.code not in INDICATORS:
            raise ValidationError(
                f"指标“{ind.name}”没有台账计算公式，只能人工评分。", field="indicators"
            )
    for ind in indicators:
        if not ind.name.strip():
            raise ValidationError("指标名称不能为空。", field="indicators")
        if ind.weight < 0:
            raise ValidationError(f"指标“{ind.name}”的权重不能为负数。", field="weights")
        if ind.source not in (COMPUTED, MANUAL):
            raise ValidationError(f"指标“{ind.name}”的评分方式不对。", field="indicators")
        if not ZERO <= ind.base_score <= HUNDRED:
            raise ValidationError(f"指标“{ind.name}”的基本分应在 0–100 之间。", field="indicators")
    total = sum(i.weight for i in indicators)
    if total != 100:
        raise ValidationError(f"各项指标权重之和应为 100，现为 {total}。", field="weights")
    item_codes = [i.code for i in items]
    if len(set(item_codes)) != len(item_codes) or any(not c.strip() for c in item_codes):
        raise ValidationError("加减分项的代码不能为空或重复。", field="items")
    for item in items:
        if not item.name.strip():
            raise ValidationError("加减分项名称不能为空。", field="items")
        if item.rule not in RULES:
            raise ValidationError(f"加减分项“{item.name}”的计分依据不对。", field="items")
        if item.cap < 0:
            raise ValidationError(f"加减分项“{item.name}”的封顶分不能为负数。", field="items")
        if item.indicator and item.indicator not in codes:
            raise ValidationError(f"加减分项“{item.name}”所扣的指标不存在。", field="items")
        if item.indicator and item.points > 0:
            raise ValidationError(f"“{item.name}”是加分项，不能在指标内扣分。", field="items")
        if item.repeat_factor < ONE or item.sensitive_factor < ONE:
            raise ValidationError(f"加减分项“{item.name}”的加倍系数不能小于 1。", field="items")
        if item.rule == "veto" and item.veto_mode not in VETO_MODES:
            raise ValidationError(f"一票否决“{item.name}”的处理方式不对。", field="items")
    if sum(item.rule == "veto" for item in items) > 1:
        raise ValidationError("一票否决项只能有一项。", field="items")
    if not grades:
        raise ValidationError("至少需要一个等次。", field="grades")
    labels = [g.label.strip() for g in grades]
    if any(not label for label in labels) or len(set(labels)) != len(labels):
        raise ValidationError("等次名称不能为空或重复。", field="grades")
    mins = [g.min_score for g in grades]
    if any(b >= a for a, b in zip(mins, mins[1:], strict=False)):
        raise ValidationError("等次分数线应从高到低依次递减。", field="grades")
    if mins[-1] != ZERO or mins[0] > HUNDRED:
        raise ValidationError("最低等次的分数线应为 0，最高不超过 100。", field="grades")
    for item in items:
        if item.rule == "veto" and item.veto_mode == VETO_CAP and item.grade_cap not in labels:
            raise ValidationError(
                f"一票否决“{item.name}”限定的最高等次应为方案中的一个等次。", field="items"
            )


# --- formulas (each gives 0–100, one decimal) --------------------------------------------------


def progress_score(gaps: Sequence[float]) -> Decimal:
    """进度: mean over the unit's tasks of 100 − 2 × (points behind schedule), each 0–100.

    A task's gap is reported − schedule progress (a finished task counts 100% reported); a task
    on or ahead of schedule scores 100, one 50 points behind scores 0. No task: 100."""
    if not gaps:
        return q(HUNDRED)
    each = [clamp(HUNDRED + PROGRESS_POINTS_PER_LAG * min(ZERO, q(g))) for g in gaps]
    return q(sum(each) / len(each))


def ratio_score(good: int, due: int) -> Decimal:
    """报送及时, 整改, 质量 (computed): 100 × good / due; nothing due scores 100."""
    return q(HUNDRED if due == 0 else Decimal(good) * HUNDRED / due)


def funds_score(budget: Decimal, arrived: Decimal, spent: Decimal) -> Decimal:
    """资金: half the arrival rate (到位/计划) plus half the spending rate (支出/到位), each ≤ 100%.

    No budget for the unit's tasks: 100 (nothing to assess); budget but nothing arrived: 0."""
    if budget <= 0:
        return q(HUNDRED)
    arrival = min(HUNDRED, arrived * HUNDRED / budget)
    spending = min(HUNDRED, spent * HUNDRED / arrived) if arrived > 0 else ZERO
    return q((arrival + spending) / 2)


def weighted_count(item: ItemSpec, sensitive: Sequence[bool]) -> Decimal:
    """How many events an item counts: one per event, the second and later ×repeat_factor,
    one in a sensitive period ×sensitive_factor (both: multiplied)."""
    total = ZERO
    for n, in_sensitive in enumerate(sensitive):
        factor = item.repeat_factor if n else ONE
        total += factor * (item.sensitive_factor if in_sensitive else ONE)
    return q(total)


def item_points(item: ItemSpec, count: Decimal) -> Decimal:
    """count × points, its size capped at ``cap`` when the cap is not 0."""
    raw = count * item.points
    if item.cap > 0 and abs(raw) > item.cap:
        raw = item.cap if raw > 0 else -item.cap
    return q(raw)


def weighted(indicators: Sequence[IndicatorSpec], scores: dict[str, Decimal]) -> Decimal:
    """Σ weight × score / 100: the indicators' part of the total, 0–100."""
    return q(sum((Decimal(i.weight) * scores[i.code] for i in indicators), ZERO) / HUNDRED)


def grade_of(
    total: Decimal,
    grades: Sequence[GradeSpec],
    vetoed: bool,
    cap: str = "",
    top_barred: bool = False,
) -> str:
    """The first grade whose threshold the total reaches; a vetoed unit takes the lowest.

    ``cap``: the highest grade a capping veto allows; ``top_barred``: the 平安办's review found
    the unit not eligible for the top grade (优秀), so it takes the next one at best."""
    if vetoed:
        return grades[-1].label
    labels = [g.label for g in grades]
    best = labels.index(cap) if cap in labels else 0
    if top_barred:
        best = max(best, 1 if len(labels) > 1 else 0)
    for n, grade in enumerate(grades):
        if total >= grade.min_score:
            return grades[max(n, best)].label
    return grades[-1].label


def rank_change(before: int | None, now: int) -> tuple[int, int]:
    """(places gained, places lost) against last year's final rank; none last year: (0, 0)."""
    if before is None:
        return 0, 0
    return max(0, before - now), max(0, now - before)


def combine_sources(
    weights: Sequence[tuple[str, int]], scores: dict[str, Decimal], base: Decimal
) -> Decimal:
    """A manual indicator scored by several sources (群众评价, 自查自评 …): Σ weight × score /
    Σ weight, a source not entered yet counting its base score."""
    total = sum(w for _n, w in weights)
    if not total:
        return q(base)
    return q(sum((Decimal(w) * scores.get(n, base) for n, w in weights), ZERO) / total)


def ranks(entries: Sequence[tuple[Decimal, bool]]) -> list[int]:
    """Competition ranking (1, 2, 2, 4) by total, higher first; vetoed units after all others.

    Equal totals (at one decimal) share a rank; the next rank skips as many places."""
    keys = [(1 if vetoed else 0, -q(total)) for total, vetoed in entries]
    return [1 + sum(other < key for other in keys) for key in keys]


# --- the demo's scheme, shaped like published county 平安建设考评方案 ------------------------
# Base 100: each indicator's 分值 out of 100, deductions per event inside the indicator until
# its points are gone (减完为止), repeats and events in sensitive periods counted double, a veto
# that caps the grade (不得评为优秀), 位次 change points, 督办事项 answered late or sent back
# (inside 督办整改), and the manual indicator scored by four sources with weights. Every line names the unit that supplies its figure.
LEDGER = "市平安办（台账）"
BASE100_INDICATORS = (
    IndicatorSpec("progress", "工作进度", 30, owner=LEDGER),
    IndicatorSpec("funds", "资金保障", 15, owner="市财政局"),
    IndicatorSpec("timely", "按时报送", 10, owner=LEDGER),
    IndicatorSpec("rectification", "督办整改", 20, owner=LEDGER),
    IndicatorSpec("quality", "工作实效", 25, MANUAL, Decimal(80), owner="市平安办会同考评组"),
)
BASE100_ITEMS = (
    ItemSpec("yellow", "黄灯扣分", "yellow_lamp", Decimal("-0.5"), ZERO, "progress",
             sensitive_factor=Decimal(2), owner=LEDGER),
    ItemSpec("red", "红灯扣分", "red_lamp", Decimal(-1), Decimal(15), "progress",
             repeat_factor=Decimal(2), sensitive_factor=Decimal(2), owner=LEDGER),
    ItemSpec("failed", "整改不到位扣分", "failed_rectification", Decimal(-5), ZERO,
             "rectification", owner=LEDGER),
    ItemSpec("item_late", "督办事项逾期未办扣分", "item_late", Decimal(-1), Decimal(5),
             "rectification", owner=LEDGER),
    ItemSpec("item_returned", "督办事项回复被退办扣分", "item_returned", Decimal("-0.5"),
             Decimal(3), "rectification", owner=LEDGER),
    ItemSpec("accountable", "被问责扣分", "accountability", Decimal(-3), Decimal(6),
             repeat_factor=Decimal(2), owner="市纪委监委"),
    ItemSpec("rank_up", "进位加分", "rank_gain", Decimal("0.5"), Decimal(2), owner=LEDGER),
    ItemSpec("commended", "受上级表彰加分", "manual", Decimal(1), Decimal(3), owner="市委政法委"),
    ItemSpec("veto", "发生重大案事件的不得评为优秀", "veto", ZERO, veto_mode=VETO_CAP,
             grade_cap="合格", owner="市委政法委"),
)  # fmt: skip
BASE100_GRADES = (
    GradeSpec("优秀", Decimal(90)),
    GradeSpec("合格", Decimal(60)),
    GradeSpec("不合格", ZERO),
)
BASE100_SOURCES = (("群众评价", 30), ("自查自评", 10), ("部门考评", 30), ("实地考评", 30))
BASE100_SENSITIVE = (("03-01", "03-15", "全国两会"), ("09-25", "10-08", "国庆"))
