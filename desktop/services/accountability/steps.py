"""The steps of a 问责 as data: what each records, which must come first, what it prints.

The order follows the 中国共产党问责条例 (2019): the principal leader approves starting (art. 13),
a 调查组 of at least two investigates and finds how the duty was carried out (执行不当, 执行不力,
不执行), the person is heard (陈述申辩, art. 15), the deciding body chooses a form of art. 8 and
the desk records it, the 组织部门 is told (art. 22), the decision is carried out within a month,
and a 申诉 may be filed within a month (art. 23). Each step's fields are strings in and out, so
that the GUI, the CLI and the demo fill them the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.enums import QT_TR_NOOP, LabelledEnum
from db.models import AccountabilityKind, AppealOutcome, ConductFinding, Waiver

LINE, TEXT, NAMES = "line", "text", "names"  # a short value, a paragraph, a list of names
CHOICES: dict[str, type[LabelledEnum]] = {
    "finding": ConductFinding,
    "form": AccountabilityKind,
    "outcome": AppealOutcome,
    "ending": Waiver,
}


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = LINE  # line, text, names, or a key of CHOICES
    required: bool = True


@dataclass(frozen=True)
class StepSpec:
    code: str
    label: str
    fields: tuple[Field, ...]
    after: str | None  # the step that must be recorded first (and not later than this one)
    sheet: str  # the title of what it prints


START, INVESTIGATE, FINDINGS, STATEMENT = "start", "investigate", "findings", "statement"
DECISION, NOTIFY, EXECUTE, APPEAL, APPEAL_OUTCOME = (
    "decision",
    "notify",
    "execute",
    "appeal",
    "appeal_outcome",
)
WAIVE = "waive"  # instead of the decision: 不予问责 or 免予问责, which ends the case

SPECS: tuple[StepSpec, ...] = (
    StepSpec(
        START,
        QT_TR_NOOP("启动问责"),
        (
            Field("approver", QT_TR_NOOP("批准人（主要负责人）")),
            Field("approver_title", QT_TR_NOOP("批准人职务")),
            Field("opinion", QT_TR_NOOP("批准意见"), TEXT),
            Field("persons", QT_TR_NOOP("问责对象")),
            Field("grounds", QT_TR_NOOP("问责事由"), TEXT),
        ),
        None,
        "启动问责审批表",
    ),
    StepSpec(
        INVESTIGATE,
        QT_TR_NOOP("成立调查组"),
        (
            Field("members", QT_TR_NOOP("调查组成员"), NAMES),
            Field("leader", QT_TR_NOOP("组长")),
            Field("remit", QT_TR_NOOP("调查事项"), TEXT, required=False),
        ),
        START,
        "问责调查组组成情况",
    ),
    StepSpec(
        FINDINGS,
        QT_TR_NOOP("调查认定"),
        (
            Field("finding", QT_TR_NOOP("认定情形"), "finding"),
            Field("facts", QT_TR_NOOP("认定事实"), TEXT),
            Field("responsibility", QT_TR_NOOP("责任划分"), TEXT, required=False),
        ),
        INVESTIGATE,
        "问责调查认定意见",
    ),
    StepSpec(
        STATEMENT,
        QT_TR_NOOP("陈述申辩"),
        (
            Field("person", QT_TR_NOOP("陈述申辩人")),
            Field("content", QT_TR_NOOP("陈述申辩意见"), TEXT),
            Field("response", QT_TR_NOOP("调查组对申辩的意见"), TEXT, required=False),
        ),
        FINDINGS,
        "陈述申辩记录",
    ),
    StepSpec(
        DECISION,
        QT_TR_NOOP("问责决定"),
        (
            Field("form", QT_TR_NOOP("问责方式"), "form"),
            Field("decided_by", QT_TR_NOOP("决定机关")),
            Field("persons", QT_TR_NOOP("问责对象")),
            Field("basis", QT_TR_NOOP("事实和依据"), TEXT),
            Field("doc_number", QT_TR_NOOP("决定机关文号"), required=False),
        ),
        STATEMENT,
        "问责决定书",
    ),
    StepSpec(
        WAIVE,
        QT_TR_NOOP("不予或免予问责"),
        (
            Field("ending", QT_TR_NOOP("处理结果"), "ending"),
            Field("decided_by", QT_TR_NOOP("决定机关")),
            Field("basis", QT_TR_NOOP("事实和依据"), TEXT),
            Field("doc_number", QT_TR_NOOP("决定机关文号"), required=False),
        ),
        STATEMENT,
        "不予（免予）问责决定",
    ),
    StepSpec(
        NOTIFY,
        QT_TR_NOOP("通报组织部门"),
        (
            Field("department", QT_TR_NOOP("组织部门")),
            Field("content", QT_TR_NOOP("通报内容"), TEXT, required=False),
        ),
        DECISION,
        "问责情况通报函",
    ),
    StepSpec(
        EXECUTE,
        QT_TR_NOOP("执行完毕"),
        (Field("content", QT_TR_NOOP("执行情况"), TEXT),),
        NOTIFY,
        "问责决定执行情况",
    ),
    StepSpec(
        APPEAL,
        QT_TR_NOOP("提出申诉"),
        (
            Field("appellant", QT_TR_NOOP("申诉人")),
            Field("content", QT_TR_NOOP("申诉理由"), TEXT),
        ),
        DECISION,
        "申诉登记",
    ),
    StepSpec(
        APPEAL_OUTCOME,
        QT_TR_NOOP("申诉处理"),
        (
            Field("outcome", QT_TR_NOOP("处理结果"), "outcome"),
            Field("reviewed_by", QT_TR_NOOP("复查机关")),
            Field("content", QT_TR_NOOP("复查意见"), TEXT),
        ),
        APPEAL,
        "申诉复查决定",
    ),
)
SPEC = {s.code: s for s in SPECS}
# The steps every 问责 goes through, in order; the 申诉 pair is optional. After the 陈述申辩
# the deciding body may instead end it with WAIVE (不予问责 / 免予问责): no form, nothing to
# carry out, nothing to appeal.
MAIN = (START, INVESTIGATE, FINDINGS, STATEMENT, DECISION, NOTIFY, EXECUTE)


def names_of(text: str) -> list[str]:
    """张三、李四 / 张三，李四 / one per line (a name may carry its post before a space)."""
    seen: list[str] = []
    for name in (n.strip() for n in re.split(r"[、，,；;\n]+", text)):
        if name and name not in seen:
            seen.append(name)
    return seen


def label_of(field: Field, value: str) -> str:
    """What a value says on paper: a choice's label, a list of names joined by 、."""
    if field.kind in CHOICES and value:
        return str(CHOICES[field.kind](value).label)
    if field.kind == NAMES:
        return "、".join(names_of(value))
    return value
