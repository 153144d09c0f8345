"""Settings kept in the ledger: the issuing office, document numbers, archive codes, lamp rules,
the 督办事项 and 问责 rules, the security policy."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy.orm import Session

from db.models import Setting
from desktop.services import audit
from desktop.services.auth import Actor, Permission
from desktop.services.errors import ValidationError


@dataclass(frozen=True)
class OfficeSettings:
    """Who issues the documents and how they are numbered and archived."""

    city: str = "江城市"
    issuer_name: str = "江城市平安建设领导小组办公室"
    issuer_short: str = "市平安办"
    doc_prefix: str = "平安办"
    letter_prefix: str = "平安办函"  # 信函 take their own sequence: 平安办函〔2026〕3号
    fonds_code: str = "J001"  # 全宗号
    organisation_code: str = "PAB"  # 机构(问题)代码
    retention: str = "D30"  # 保管期限
    backup_keep: int = 10
    backup_remind_days: int = 7
    backup_cipher: str = "aes"  # encrypted backups and transport copies: backup_crypto.CIPHERS
    line_pitch_pt: float = 0.0  # 0: 225 mm / 22 lines; else a fixed pitch such as 28 pt
    font_paths: tuple[tuple[str, str], ...] = ()  # (role, path) chosen by the clerk
    font_dir: str = ""  # a folder of the office's licensed fonts, searched before the PC's
    bold_level3: bool = True  # "1." headings in bold 仿宋 (OFFICIAL-DOCUMENTS.md: often bold)
    reminder_letter: bool = True  # 催办单 printed in the 信函格式 (a sheet to one unit)
    archive_formats: str = "both"  # what an archive package's 正文 is: ARCHIVE_FORMATS


# 归档格式: the 正文 of each 件 as PDF (with the 归档章), as OFD-A (the 归档章 an annotation), or
# both. A document issued before the register kept OFD is archived as PDF whatever the choice.
ARCHIVE_FORMATS = {"both": "PDF 与 OFD", "pdf": "仅 PDF", "ofd": "仅 OFD"}


@dataclass(frozen=True)
class LampRules:
    """The lamp rules of SUPERVISION.md, as data the clerk may edit."""

    yellow_lag: float = 10.0
    red_lag: float = 30.0
    milestone_red_days: int = 15
    deadline_warning_days: int = 3
    missed_reports_yellow: int = 1
    missed_reports_red: int = 2
    funds_min_arrival_rate: float = 50.0
    funds_check_after_schedule: float = 50.0
    not_started_months: int = 3
    report_day: int = 25

    def validate(self) -> None:
        if not 0 < self.yellow_lag < self.red_lag <= 100:
            raise ValidationError("滞后阈值应满足 0 < 黄灯 < 红灯 ≤ 100。", field="yellow_lag")
        if not 1 <= self.report_day <= 28:
            raise ValidationError("报送截止日应在每月 1 日至 28 日之间。", field="report_day")
        if not 1 <= self.missed_reports_yellow < self.missed_reports_red:
            raise ValidationError("漏报期数应满足 1 ≤ 黄灯 < 红灯。", field="missed_reports_yellow")


@dataclass(frozen=True)
class ItemRules:
    """Deadlines and manners of the 督办事项登记簿: local rules differ, these are the defaults."""

    higher_doc_days: int = 30  # 上级文件（公文）交办
    minutes_days: int = 20  # 会议纪要（及会议议定事项）
    instruction_urgent_days: int = 5  # 领导批示 急件: 1–5 days
    instruction_days: int = 15  # 领导批示 一般件
    instruction_hard_days: int = 30  # 领导批示 复杂件
    proposal_days: int = 90  # 人大建议、政协提案: three months
    assigned_days: int = 15  # 其他交办
    resubmit_days: int = 5  # 退办后补办的期限
    remind_before_days: int = 3  # 到期前提醒科员和分管领导
    urge_interval_days: int = 7  # 同一事项两次催办的最短间隔

    def validate(self) -> None:
        if not 1 <= self.instruction_urgent_days <= 5:
            raise ValidationError("领导批示急件的办理期限应在 1 至 5 天之间。",
                                  field="instruction_urgent_days")  # fmt: skip
        for name in ("higher_doc_days", "minutes_days", "instruction_days",
                     "instruction_hard_days", "proposal_days", "assigned_days"):  # fmt: skip
            if not 1 <= getattr(self, name) <= 366:
                raise ValidationError("办理期限应在 1 至 366 天之间。", field=name)
        if not 1 <= self.resubmit_days <= 60:
            raise ValidationError("补办期限应在 1 至 60 天之间。", field="resubmit_days")
        if not 0 <= self.remind_before_days <= 30:
            raise ValidationError("到期提醒应在 0 至 30 天之间（0 为不提醒）。",
                                  field="remind_before_days")  # fmt: skip
        if not 0 <= self.urge_interval_days <= 60:
            raise ValidationError("两次催办的最短间隔应在 0 至 60 天之间。",
                                  field="urge_interval_days")  # fmt: skip


@dataclass(frozen=True)
class SecurityPolicy:
    """The 安全管理员's rules for passwords, lockout and the idle lock (等保 2.0 身份鉴别)."""

    password_min_length: int = 8
    password_min_classes: int = 3  # of upper, lower, digit, symbol
    password_max_age_days: int = 90  # 0: never expires
    password_history: int = 5  # a new password may not be one of the last N
    lockout_attempts: int = 5
    lockout_minutes: int = 30
    idle_lock_minutes: int = 10  # 0: no idle lock

    def validate(self) -> None:
        if not 8 <= self.password_min_length <= 64:
            raise ValidationError("密码最短长度应在 8 至 64 位之间（等保要求至少 8 位）。",
                                  field="password_min_length")  # fmt: skip
        if not 3 <= self.password_min_classes <= 4:
            raise ValidationError("密码须含的字符类数应为 3 或 4。", field="password_min_classes")
        if not 0 <= self.password_max_age_days <= 365:
            raise ValidationError("密码有效期应在 0 至 365 天之间（0 为不过期）。",
                                  field="password_max_age_days")  # fmt: skip
        if not 1 <= self.password_history <= 24:
            raise ValidationError("不得重复使用的历史密码数应在 1 至 24 之间。",
                                  field="password_history")  # fmt: skip
        if not 3 <= self.lockout_attempts <= 10:
            raise ValidationError(
                "锁定前允许的失败次数应在 3 至 10 之间。", field="lockout_attempts"
            )
        if not 1 <= self.lockout_minutes <= 24 * 60:
            raise ValidationError("锁定时长应在 1 至 1440 分钟之间。", field="lockout_minutes")
        if not 0 <= self.idle_lock_minutes <= 60:
            raise ValidationError("空闲锁屏时间应在 0 至 60 分钟之间（0 为不锁屏）。",
                                  field="idle_lock_minutes")  # fmt: skip


@dataclass(frozen=True)
class AccountabilityRules:
    """The 问责 numbers local rules set (defaults from the 中国共产党问责条例, 2019)."""

    investigators_min: int = 2  # 调查组 of at least two (art. 13)
    execution_days: int = 30  # the decision carried out within one month (art. 22)
    execution_warning_days: int = 7  # the lamp turns yellow this many days before
    appeal_days: int = 30  # 申诉 within one month of the decision (art. 23)
    organisation_department: str = "市委组织部"  # told of every decision (art. 22)

    def validate(self) -> None:
        if not 2 <= self.investigators_min <= 9:
            raise ValidationError("调查组人数下限应在 2 至 9 人之间。", field="investigators_min")
        if not 1 <= self.execution_days <= 180:
            raise ValidationError("执行期限应在 1 至 180 天之间。", field="execution_days")
        if not 0 <= self.execution_warning_days < self.execution_days:
            raise ValidationError("执行预警天数应小于执行期限。", field="execution_warning_days")
        if not 1 <= self.appeal_days <= 90:
            raise ValidationError("申诉期限应在 1 至 90 天之间。", field="appeal_days")
        if not self.organisation_department.strip():
            raise ValidationError("请填写接收问责情况的组织部门。",
                                  field="organisation_department")  # fmt: skip


_KEYS: dict[type, str] = {
    OfficeSettings: "office",
    LampRules: "lamp_rules",
    ItemRules: "item_rules",
    SecurityPolicy: "security",
    AccountabilityRules: "accountability_rules",
}
DEMO_KEY = "demo"  # present in a ledger built by the demo (its published passwords live there)


def _load(session: Session, cls: type) -> Any:
    row = session.get(Setting, _KEYS[cls])
    if row is None:
        return cls()
    stored = json.loads(row.value)
    known = {f.name for f in fields(cls)}
    values = {k: v for k, v in stored.items() if k in known}
    if "font_paths" in values:
        values["font_paths"] = tuple(tuple(pair) for pair in values["font_paths"])
    return cls(**values)


def office(session: Session) -> OfficeSettings:
    return _load(session, OfficeSettings)  # type: ignore[no-any-return]


def lamp_rules(session: Session) -> LampRules:
    return _load(session, LampRules)  # type: ignore[no-any-return]


def item_rules(session: Session) -> ItemRules:
    return _load(session, ItemRules)  # type: ignore[no-any-return]


def security(session: Session) -> SecurityPolicy:
    return _load(session, SecurityPolicy)  # type: ignore[no-any-return]


def accountability_rules(session: Session) -> AccountabilityRules:
    return _load(session, AccountabilityRules)  # type: ignore[no-any-return]


def is_demo(session: Session) -> bool:
    return session.get(Setting, DEMO_KEY) is not None


def _store(session: Session, actor: Actor, value: Any, title: str) -> None:
    key = _KEYS[type(value)]
    old = session.get(Setting, key)
    text = json.dumps(asdict(value), ensure_ascii=False, sort_keys=True)
    if old is None:
        session.add(Setting(key=key, value=text, version=1))
    else:
        old.value = text
        old.version += 1
    audit.record(session, actor, "update", "setting", key, f"修改设置：{title}", asdict(value))


@audit.writes(Permission.MANAGE)
def save_office(session: Session, actor: Actor, value: OfficeSettings) -> None:
    if not value.issuer_name.strip() or not value.doc_prefix.strip():
        raise ValidationError("发文机关名称和发文字号机关代字不能为空。", field="issuer_name")
    if not 1 <= len(value.fonds_code) <= 4:
        raise ValidationError("全宗号应为 1 至 4 个字符。", field="fonds_code")
    if not 1 <= len(value.organisation_code) <= 3:
        raise ValidationError("机构代码应为 1 至 3 个字符。", field="organisation_code")
    if value.backup_cipher not in ("aes", "sm4"):
        raise ValidationError(
            "备份加密算法应为 aes（AES-256-GCM）或 sm4（国密 SM4）。", field="backup_cipher"
        )
    if value.archive_formats not in ARCHIVE_FORMATS:
        raise ValidationError(
            "归档格式应为 both（PDF 与 OFD）、pdf 或 ofd。", field="archive_formats"
        )
    _store(session, actor, value, "发文机关、文号与归档代码")


@audit.writes(Permission.MANAGE)
def save_lamp_rules(session: Session, actor: Actor, value: LampRules) -> None:
    value.validate()
    _store(session, actor, value, "亮灯规则")


# The CLI's and the audit's names of the rules (the window's, with their translations, are in
# desktop/ui/settings/page.py).
ITEM_RULE_LABELS = {
    "higher_doc_days": "上级文件（公文）办理期限（天）",
    "minutes_days": "会议纪要及会议议定事项办理期限（天）",
    "instruction_urgent_days": "领导批示急件办理期限（天，1–5）",
    "instruction_days": "领导批示一般件办理期限（天）",
    "instruction_hard_days": "领导批示复杂件办理期限（天）",
    "proposal_days": "人大建议、政协提案办理期限（天）",
    "assigned_days": "其他交办及手工登记事项办理期限（天）",
    "resubmit_days": "退办后补办期限（天）",
    "remind_before_days": "到期前几天提醒科员和分管领导（0 为不提醒）",
    "urge_interval_days": "同一事项两次催办的最短间隔（天，0 为不限）",
}
ACCOUNTABILITY_RULE_LABELS = {
    "investigators_min": "调查组至少（人）",
    "execution_days": "问责决定执行期限（天）",
    "execution_warning_days": "执行期限前几天亮黄灯",
    "appeal_days": "申诉期限（天）",
    "organisation_department": "通报问责情况的组织部门",
}


def rule_changes(old: Any, new: Any, labels: dict[str, str]) -> list[str]:
    """“申诉期限（天） 30→15” for each labelled field that differs."""
    return [
        f"{label} {getattr(old, name)}→{getattr(new, name)}"
        for name, label in labels.items()
        if getattr(old, name) != getattr(new, name)
    ]


def _changed_title(title: str, changes: list[str]) -> str:
    return title + (f"（{'；'.join(changes)}）" if changes else "（未改动）")


@audit.writes(Permission.MANAGE)
def save_item_rules(session: Session, actor: Actor, value: ItemRules) -> None:
    value.validate()
    changes = rule_changes(item_rules(session), value, ITEM_RULE_LABELS)
    _store(session, actor, value, _changed_title("督办事项办理期限与催办规则", changes))


SECURITY_LABELS = {
    "password_min_length": "密码最短长度（位）",
    "password_min_classes": "密码须含字符类数（大写、小写、数字、符号）",
    "password_max_age_days": "密码有效期（天，0 为不过期）",
    "password_history": "不得重复使用最近几次的密码",
    "lockout_attempts": "连续失败几次后锁定",
    "lockout_minutes": "锁定时长（分钟）",
    "idle_lock_minutes": "空闲几分钟后锁屏（0 为不锁屏）",
}


def security_changes(old: SecurityPolicy, new: SecurityPolicy) -> list[str]:
    """“锁定时长（分钟）30→15” for each rule that differs."""
    return rule_changes(old, new, SECURITY_LABELS)


@audit.writes(Permission.SECURITY)
def save_security(session: Session, actor: Actor, value: SecurityPolicy) -> None:
    value.validate()
    changes = security_changes(security(session), value)
    _store(session, actor, value, _changed_title("密码、锁定与空闲锁屏策略", changes))


@audit.writes(Permission.MANAGE)
def save_accountability_rules(session: Session, actor: Actor, value: AccountabilityRules) -> None:
    value.validate()
    changes = rule_changes(accountability_rules(session), value, ACCOUNTABILITY_RULE_LABELS)
    _store(session, actor, value, _changed_title("问责程序期限", changes))
