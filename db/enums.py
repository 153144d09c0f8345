"""Domain enumerations stored as short English codes, each with its Chinese label for the screen."""

from __future__ import annotations

import enum


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark a label for translation without Qt: the GUI shows it through tr(), the printed
    documents and the command line keep the Chinese."""
    return text


class LabelledEnum(enum.StrEnum):
    """A str enum whose members carry a Chinese label: ``Member = ("code", "标签")``."""

    label: str

    def __new__(cls, code: str, label: str = "") -> LabelledEnum:
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
    """科员 and 领导 do the office's work; the three administrators (三员分立) keep it safe."""

    CLERK = ("clerk", QT_TR_NOOP("科员"))
    LEADER = ("leader", QT_TR_NOOP("领导"))
    SYSADMIN = ("sysadmin", QT_TR_NOOP("系统管理员"))
    SECADMIN = ("secadmin", QT_TR_NOOP("安全管理员"))
    AUDITOR = ("auditor", QT_TR_NOOP("审计管理员"))

    @property
    def is_administrator(self) -> bool:
        return self in (Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR)


class TaskStatus(LabelledEnum):
    """The task's life (SUPERVISION.md): main line, then side states."""

    REGISTERED = ("registered", QT_TR_NOOP("立项"))
    SPLIT = ("split", QT_TR_NOOP("分解"))
    ASSIGNED = ("assigned", QT_TR_NOOP("交办"))
    ACKNOWLEDGED = ("acknowledged", QT_TR_NOOP("签收"))
    IN_PROGRESS = ("in_progress", QT_TR_NOOP("推进"))
    COMPLETION_REVIEW = ("completion_review", QT_TR_NOOP("办结审核"))
    CLOSED = ("closed", QT_TR_NOOP("销号"))
    EXTENDED = ("extended", QT_TR_NOOP("延期"))
    FINISHED_LATE = ("finished_late", QT_TR_NOOP("逾期完成"))
    SUSPENDED = ("suspended", QT_TR_NOOP("暂缓"))
    REJECTED = ("rejected", QT_TR_NOOP("驳回"))


class FundKind(LabelledEnum):
    BUDGET = ("budget", QT_TR_NOOP("计划"))
    ARRIVED = ("arrived", QT_TR_NOOP("到位"))
    SPENT = ("spent", QT_TR_NOOP("支出"))


class FundSource(LabelledEnum):
    PROVINCIAL = ("provincial", QT_TR_NOOP("上级专项"))
    CITY = ("city", QT_TR_NOOP("市财政"))
    COUNTY = ("county", QT_TR_NOOP("区县配套"))
    SOCIAL = ("social", QT_TR_NOOP("社会资金"))


class LampColor(LabelledEnum):
    """Ordered by severity: the worst lamp wins in a roll-up."""

    GREEN = ("green", QT_TR_NOOP("绿"))
    YELLOW = ("yellow", QT_TR_NOOP("黄"))
    RED = ("red", QT_TR_NOOP("红"))

    @property
    def severity(self) -> int:
        return {"green": 0, "yellow": 1, "red": 2}[self.value]


class ReportSource(LabelledEnum):
    MANUAL = ("manual", QT_TR_NOOP("手工录入"))
    EXCEL = ("excel", QT_TR_NOOP("Excel导入"))


# The document register's kinds and states (db/models/documents.py), here so that a cold
# `duban notice circular` names them without SQLAlchemy (issue 11).
class DocKind(LabelledEnum):
    """What the notice is; later areas (interviews, meetings, assessment) add members here."""

    CIRCULAR = ("circular", QT_TR_NOOP("通报"))
    NOTICE = ("notice", QT_TR_NOOP("通知"))
    SUPERVISION = ("supervision", QT_TR_NOOP("督办通知"))
    REMINDER = ("reminder", QT_TR_NOOP("催办单"))
    INTERVIEW_NOTICE = ("interview_notice", QT_TR_NOOP("约谈通知书"))
    INTERVIEW_RECORD = ("interview_record", QT_TR_NOOP("约谈记录"))
    RECTIFICATION = ("rectification", QT_TR_NOOP("限期整改通知书"))
    ACCOUNTABILITY = ("accountability", QT_TR_NOOP("问责决定"))
    ACCOUNTABILITY_RECORD = ("accountability_record", QT_TR_NOOP("问责程序记录"))
    ACCOUNTABILITY_LETTER = ("accountability_letter", QT_TR_NOOP("问责情况通报函"))
    MINUTES = ("minutes", QT_TR_NOOP("会议纪要"))
    ASSESSMENT = ("assessment", QT_TR_NOOP("考核结果通报"))
    REQUEST = ("request", QT_TR_NOOP("请示"))  # 上行文: 签发人, one 主送机关, 联系人及电话
    REPORT = ("report", QT_TR_NOOP("报告"))  # 上行文: 签发人, no 请示 matters inside
    LETTER = ("letter", QT_TR_NOOP("函"))  # 信函格式, on any subject


class DocStatus(LabelledEnum):
    DRAFT = ("draft", QT_TR_NOOP("草稿"))
    ISSUED = ("issued", QT_TR_NOOP("已印发"))
