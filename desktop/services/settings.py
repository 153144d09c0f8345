"""Settings kept in the ledger: the issuing office, document numbers, archive codes, lamp rules,
the 督办事项 and 问责 rules, the security policy."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from sqlalchemy.orm import Session

from db.models import Setting
from desktop.services import audit
from desktop.services.auth import Actor, Permission
from desktop.services.errors import ValidationError
from desktop.services.office_values import (
    ARCHIVE_FORMATS,
    OFFICE_KEY,
    SECURITY_KEY,
    AccountabilityRules,
    OfficeSettings,
    SecurityPolicy,
)
from desktop.services.setting_values import (
    DEMO_KEY,
    ITEM_RULES_KEY,
    LAMP_RULES_KEY,
    ItemRules,
    LampRules,
    from_stored,
)

# Each kind's row in the setting table (one JSON value per kind).
_KEYS: dict[type, str] = {
    OfficeSettings: OFFICE_KEY,
    LampRules: LAMP_RULES_KEY,
    ItemRules: ITEM_RULES_KEY,
    SecurityPolicy: SECURITY_KEY,
    AccountabilityRules: "accountability_rules",
}


def _load(session: Session, cls: type) -> Any:
    row = session.get(Setting, _KEYS[cls])
    return from_stored(cls, None if row is None else row.value)


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
