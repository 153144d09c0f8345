"""The sentences the services compose in Chinese (lamp reasons, the desk's proposals), said in
the UI's language. The services keep composing Chinese: the command line and the printed
circular use the same text. Each known pattern is translated with its figures kept; anything
else (e.g. a milestone's own title) stays as it was."""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.services.enums import FundKind, FundSource, TaskStatus
from desktop.services.supervision import SupervisionKind, SupervisionOrigin
from desktop.ui.i18n import QT_TR_NOOP, SOURCE_LANGUAGE, current_language, tr

SEPARATOR = QT_TR_NOOP("；")  # between reasons
# Whole reasons, as desktop/services/lamps/rules.py and escalation/proposals.py write them.
TEMPLATES = (
    QT_TR_NOOP("进度滞后序时进度 {n} 个百分点"),
    QT_TR_NOOP("略滞后 {n} 个百分点"),
    QT_TR_NOOP("按序时推进"),
    QT_TR_NOOP("节点“{title}”逾期 {n} 天"),
    QT_TR_NOOP("已超过完成时限 {n} 天仍未完成"),
    QT_TR_NOOP("距完成时限仅剩 {n} 天"),
    QT_TR_NOOP("连续 {n} 期未报送进度"),
    QT_TR_NOOP("{n} 期未按时报送进度"),
    QT_TR_NOOP("开始 {n} 个月后仍未启动"),
    QT_TR_NOOP("时间过半，资金到位率仅 {n}%"),
    QT_TR_NOOP("已暂缓，不计亮灯"),
    QT_TR_NOOP("尚未到开始时间"),
    QT_TR_NOOP("已完成"),
    QT_TR_NOOP("逾期完成"),
    QT_TR_NOOP("督办通知逾期未回复（回复期限 {day}）"),
    QT_TR_NOOP(
        "差距已补齐，由红转黄：{y}年{m}月滞后序时进度 {n} 个百分点亮红灯，本期补齐，下期保持即转绿"
    ),
    QT_TR_NOOP("由红转黄：差距已补齐"),
    QT_TR_NOOP(
        "上期滞后序时进度 {n} 个百分点亮红灯，{y}年{m}月报送 {p}%，补齐差距，"
        "按“红转黄”规则先亮黄灯，下期保持即转绿"
    ),  # fmt: skip
    # the task's timeline (desktop/services/timeline.py)
    QT_TR_NOOP("{y}年{m}月进度 {n}%"),
    QT_TR_NOOP("{source}{kind} {n} 万元"),
    QT_TR_NOOP("完成节点“{title}”"),
    QT_TR_NOOP("节点“{title}”"),  # the dashboard's due list
    QT_TR_NOOP("计划 {day}"),
    QT_TR_NOOP("问题：{text}"),
    # the task's own audit entries on its timeline (desktop/services/tasks.py)
    QT_TR_NOOP("新建任务 {code}“{title}”"),
    QT_TR_NOOP("任务 {code} 状态改为“{status}”"),
    QT_TR_NOOP("任务 {code} 状态改为“{status}”：{text}"),
    QT_TR_NOOP(
        "任务 {code} 完成时限由 {old} 延至 {new}：督办事项 #{item}（{origin}）延期经{actor}批准"
    ),  # tasks.follow_extension, from supervision/extensions.py
    # the chain's steps on the task's timeline (desktop/services/escalation/timeline.py)
    QT_TR_NOOP("督办·{skind}"),
    QT_TR_NOOP("整改"),
    QT_TR_NOOP("问责"),
    QT_TR_NOOP("对{unit}发起{skind}"),
    QT_TR_NOOP("申请延期（{old} 延至 {new}）"),
    QT_TR_NOOP("批准延期（{old} 延至 {new}）"),
    QT_TR_NOOP("延期核查通过"),
    QT_TR_NOOP("延期核查未通过"),
    QT_TR_NOOP("不予延期"),
    QT_TR_NOOP("退办（限 {day} 前补办）"),
    QT_TR_NOOP("催办"),
    QT_TR_NOOP("收到回复"),
    QT_TR_NOOP("收到回复（逾期）"),
    QT_TR_NOOP("办结"),
    QT_TR_NOOP("约谈通知"),
    QT_TR_NOOP("限期整改（{day}前）"),
    QT_TR_NOOP("整改情况报告"),
    QT_TR_NOOP("整改核实销号"),
    QT_TR_NOOP("逾期未完成整改"),
    QT_TR_NOOP("{dkind} {number}"),  # an issued document (约谈记录 平安办约谈记录〔2026〕1号)
    QT_TR_NOOP("拟约谈{unit}"),
    QT_TR_NOOP("已约谈{unit}"),
    # a 问责's steps (desktop/services/accountability/writes.py, _summary)
    QT_TR_NOOP("经{approver}批准，对{persons}启动问责"),
    QT_TR_NOOP("成立调查组：组长{leader}，成员{members}"),
    QT_TR_NOOP("调查认定{persons}{finding}"),
    QT_TR_NOOP("{person}陈述申辩"),
    QT_TR_NOOP("{body}决定对{persons}予以{form}"),
    QT_TR_NOOP("问责情况通报{department}"),
    QT_TR_NOOP("问责决定执行完毕"),
    QT_TR_NOOP("{person}提出申诉"),
    QT_TR_NOOP("申诉复查：{body}{outcome}"),
    QT_TR_NOOP("{body}决定对{persons}{ending}"),
    QT_TR_NOOP("{form}：{persons}"),  # a 问责 recorded before its steps were kept
    QT_TR_NOOP("更正“{step}”的{fields}"),
    # corrections of saved records (desktop/services/corrections.py)
    QT_TR_NOOP("更正任务 {code} {y}年{m}月进度（{fields}）"),
    QT_TR_NOOP("撤回任务 {code} {y}年{m}月进度（原 {p}%）"),
    QT_TR_NOOP("更正任务 {code} 资金记录 #{item}（{fields}）"),
    QT_TR_NOOP("撤回任务 {code} 资金记录 #{item}（{source}{kind} {n} 万元）"),
)
# Heads that put a lamp's reasons after a colon.
PREFIXES = (
    QT_TR_NOOP("亮红灯："),
    QT_TR_NOOP("亮黄灯："),
    QT_TR_NOOP("督办通知已回复仍亮红灯："),
    QT_TR_NOOP("催办 {n} 天后仍亮黄灯："),
    QT_TR_NOOP("{m}月底："),  # the forecast: what the lamp will say at the end of a month
    QT_TR_NOOP("理由："),  # a correction's or a 退办's reason
    QT_TR_NOOP("退回的回复（{day}）："),
    QT_TR_NOOP("整改承诺："),
)
_FIELD = {
    "n": r"-?[\d.,]+",
    "p": r"[\d.]+",
    "day": r"[\d-]+",
    "m": r"\d{1,2}",
    "y": r"\d{4}",
    "source": "|".join(re.escape(s.label) for s in FundSource),
    "kind": "|".join(re.escape(k.label) for k in FundKind),
    "status": "|".join(re.escape(s.label) for s in TaskStatus),
    "origin": "|".join(re.escape(o.label) for o in SupervisionOrigin),
    "skind": "|".join(re.escape(k.label) for k in SupervisionKind),
    "old": r"[\d-]+",
    "new": r"[\d-]+",
    "item": r"\d+",
    "code": r"[\w-]+",
    "number": r"\S+〔\d{4}〕\d+号",
}
# Enum labels inside a sentence, translated on their own.
_LABELS: tuple[str, ...] = ("source", "kind", "status", "origin", "skind", "dkind", "finding")
_LABELS += ("form",)
_LABELS += ("outcome", "ending", "step")


@lru_cache(maxsize=1)
def _late_fields() -> dict[str, str]:
    """Fields whose choices come from the 问责 steps and the document kinds: read at the first
    sentence said, not at import (they load the ORM, which the sign-in dialog must not wait for)."""
    from desktop.services.accountability.steps import CHOICES, SPECS
    from desktop.services.notices.register import DocKind

    fields = {key: "|".join(re.escape(c.label) for c in kind) for key, kind in CHOICES.items()}
    fields["dkind"] = "|".join(re.escape(k.label) for k in DocKind)
    fields["step"] = "|".join(re.escape(s.label) for s in SPECS)
    return fields


@lru_cache(maxsize=1)
def _field_names() -> frozenset[str]:
    """The names of fields in a list (完成百分比、本期进展), each translated."""
    from desktop.services.accountability.steps import SPECS
    from desktop.services.corrections import FUND_FIELDS, REPORT_FIELDS

    names = {*REPORT_FIELDS.values(), *FUND_FIELDS.values(), QT_TR_NOOP("日期")}
    return frozenset(names | {f.label for spec in SPECS for f in spec.fields})


@lru_cache(maxsize=64)
def _pattern(template: str, whole: bool) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        re.escape(p) if i % 2 == 0 else f"(?P<{p}>{_FIELD.get(p) or _late_fields().get(p, '.+?')})"
        for i, p in enumerate(parts)
    )
    return re.compile(regex + ("$" if whole else ""))


def _one(part: str) -> str:
    for head in PREFIXES:
        match = _pattern(head, False).match(part)
        if match:
            return tr(head).format(**match.groupdict()) + say(part[match.end() :])
    for template in TEMPLATES:
        match = _pattern(template, True).match(part)
        if match:
            found = match.groupdict()
            found.update({k: tr(found[k]) for k in _LABELS if k in found})
            if "fields" in found:
                names = found["fields"].split("、")
                found["fields"] = tr("、").join(tr(n) if n in _field_names() else n for n in names)
            return tr(template).format(**found)
    head, colon, rest = part.partition("：")  # a task's code and title before its reason
    if colon and rest:
        return head + tr("：") + say(rest)
    return part


def say(text: str) -> str:
    """``text`` in the UI's language, as far as its patterns are known."""
    if not text or current_language() == SOURCE_LANGUAGE:
        return text
    return tr(SEPARATOR).join(_one(part) for part in text.split(SEPARATOR))
