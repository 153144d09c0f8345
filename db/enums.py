"""Domain enumerations stored as short English codes, each with its Chinese label for the screen."""

from __future__ import annotations

import enum


class LabelledEnum(enum.StrEnum):
    """A str enum whose members carry a Chinese label: ``Member = ("code", "标签")``."""

    label: str

    def __new__(cls, code: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member

    @classmethod
    def from_label(cls, label: str) -> LabelledEnum:
        for member in cls:
            if member.label == label or member.value == label:
                return member
        raise ValueError(label)


class Role(LabelledEnum):
    ADMIN = ("admin", "管理员")
    CLERK = ("clerk", "科员")
    LEADER = ("leader", "领导")


class TaskStatus(LabelledEnum):
    """The task's life (SUPERVISION.md): main line, then side states."""

    REGISTERED = ("registered", "立项")
    SPLIT = ("split", "分解")
    ASSIGNED = ("assigned", "交办")
    ACKNOWLEDGED = ("acknowledged", "签收")
    IN_PROGRESS = ("in_progress", "推进")
    COMPLETION_REVIEW = ("completion_review", "办结审核")
    CLOSED = ("closed", "销号")
    EXTENDED = ("extended", "延期")
    FINISHED_LATE = ("finished_late", "逾期完成")
    SUSPENDED = ("suspended", "暂缓")
    REJECTED = ("rejected", "驳回")


class FundKind(LabelledEnum):
    BUDGET = ("budget", "计划")
    ARRIVED = ("arrived", "到位")
    SPENT = ("spent", "支出")


class FundSource(LabelledEnum):
    PROVINCIAL = ("provincial", "上级专项")
    CITY = ("city", "市财政")
    COUNTY = ("county", "区县配套")
    SOCIAL = ("social", "社会资金")


class LampColor(LabelledEnum):
    """Ordered by severity: the worst lamp wins in a roll-up."""

    GREEN = ("green", "绿")
    YELLOW = ("yellow", "黄")
    RED = ("red", "红")

    @property
    def severity(self) -> int:
        return {"green": 0, "yellow": 1, "red": 2}[self.value]


class ReportSource(LabelledEnum):
    MANUAL = ("manual", "手工录入")
    EXCEL = ("excel", "Excel导入")
