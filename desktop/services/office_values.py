"""The office's settings other than the rules (setting_values.py) as plain dataclasses with
their defaults and checks: who issues the documents and how they are numbered and archived, the
security policy, the 问责 rules. Loaded and saved through the ledger by settings.py."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.errors import ValidationError

OFFICE_KEY, SECURITY_KEY = "office", "security"  # their rows in the setting table


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
