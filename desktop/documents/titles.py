"""Splitting a title into balanced lines (trapezoid or diamond) that keep words whole."""

from __future__ import annotations

import itertools
import re

from .text import ASCII_WORD, CANNOT_END, CANNOT_START

# Words of this domain a line break must not cut; longest first so 办公室 beats 办公.
WORDS = sorted(
    [
        "关于",
        "通知",
        "通报",
        "意见",
        "决定",
        "报告",
        "请示",
        "批复",
        "纪要",
        "工作",
        "进展",
        "情况",
        "平安",
        "建设",
        "领导",
        "小组",
        "办公室",
        "重点",
        "工程",
        "任务",
        "督办",
        "约谈",
        "整改",
        "限期",
        "考核",
        "结果",
        "会议",
        "全市",
        "进一步",
        "加强",
        "推进",
        "落实",
        "开展",
        "实施",
        "方案",
        "专项",
        "治理",
        "安全",
        "社会",
        "治安",
        "综合",
        "防控",
        "体系",
        "补短板",
        "强弱项",
        "十大",
        "项目",
        "资金",
        "管理",
        "单位",
        "部门",
        "责任",
        "问题",
        "季度",
        "年度",
        "上半年",
        "下半年",
        "印发",
        "转发",
        "做好",
        "切实",
        "认真",
        "组织",
        "成员",
        "牵头",
        "配合",
        "进度",
        "滞后",
        "预警",
        "亮灯",
        "通知书",
        "记录",
        "整改",
        "督查",
        "检查",
        "调度",
        "推动",
        "部署",
        "相关",
        "有关",
        "事项",
        "专题",
        "联席",
        "公共",
        "服务",
        "基层",
        "矛盾",
        "纠纷",
        "排查",
        "化解",
        "风险",
        "隐患",
        "信访",
        "应急",
        "消防",
        "交通",
        "食品",
        "药品",
        "生产",
        "网格",
        "智慧",
        "视频",
        "监控",
        "中心",
        "江城市",
        "人民政府",
        "委员会",
        "政法委",
        "公安局",
        "司法局",
        "财政局",
    ],
    key=len,
    reverse=True,
)
GOOD_BEFORE = ("的", "关于", "和", "与", "及")
MAX_LINES = 4


def split_title(text: str, max_chars: int) -> list[str]:
    """Lines of at most ``max_chars`` characters, balanced, words kept whole where possible."""
    text = re.sub(r"\s+", "", text)
    n = len(text)
    if n <= max_chars:
        return [text]
    protected = _protected_breaks(text)
    best: tuple[float, list[str]] | None = None
    min_lines = -(-n // max_chars)
    for lines in range(min_lines, min(min_lines + 1, MAX_LINES) + 1):
        for cuts in _cut_sets(n, lines, max_chars):
            parts = [text[a:b] for a, b in itertools.pairwise((0, *cuts, n))]
            cost = _cost(parts, cuts, protected, text) + (lines - min_lines) * 40
            if best is None or cost < best[0]:
                best = (cost, parts)
    return best[1] if best else [text]


def _cut_sets(n: int, lines: int, max_chars: int):
    """All cut positions giving ``lines`` lines none longer than ``max_chars``."""

    def rec(start: int, left: int):
        if left == 1:
            if n - start <= max_chars:
                yield ()
            return
        lo = max(start + 1, n - (left - 1) * max_chars)
        for cut in range(lo, min(n - left + 1, start + max_chars) + 1):
            for rest in rec(cut, left - 1):
                yield (cut, *rest)

    yield from rec(0, lines)


def _protected_breaks(text: str) -> dict[int, float]:
    """Penalty for a break before position i (inside a word, a number, before a comma…)."""
    bad: dict[int, float] = {}
    for word in WORDS:
        for m in re.finditer(re.escape(word), text):
            for i in range(m.start() + 1, m.end()):
                bad[i] = max(bad.get(i, 0.0), 30.0)
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if b in CANNOT_START or a in CANNOT_END or a in ASCII_WORD and b in ASCII_WORD:
            bad[i] = 1000.0
        elif a.isdigit() and b in "年月日号期":
            bad[i] = 200.0
        elif any(text.startswith(w, i) for w in GOOD_BEFORE):
            bad[i] = bad.get(i, 0.0) - 3.0
    return bad


def _cost(parts: list[str], cuts: tuple[int, ...], bad: dict[int, float], text: str) -> float:
    lengths = [len(p) for p in parts]
    mean = sum(lengths) / len(lengths)
    cost = sum((x - mean) ** 2 for x in lengths)
    if len(lengths) >= 3:
        middle = lengths[1:-1]
        # An hourglass (middle shorter than both ends) is the shape the standard rules out.
        if min(middle) < lengths[0] and min(middle) < lengths[-1]:
            cost += 25
    if lengths[-1] <= 2:
        cost += 50  # a lone 通知 on the last line
    return cost + sum(bad.get(c, 0.0) for c in cuts)
