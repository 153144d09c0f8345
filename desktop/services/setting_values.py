"""The settings' values the lamps and a cold `duban status` read, as plain dataclasses with
their defaults and checks (the lamp rules, the 督办事项 rules), and how a setting is stored: one
JSON row of the setting table per kind. No database access here: the lamp rules and the quick
status read them without SQLAlchemy; desktop/services/settings.py loads and saves them through
the ledger. The office's other settings are in office_values.py (issue 11: their classes cost a
cold `duban status` about 5 ms to make)."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

from desktop.services.errors import ValidationError


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


LAMP_RULES_KEY, ITEM_RULES_KEY = "lamp_rules", "item_rules"  # their rows in the setting table
DEMO_KEY = "demo"  # present in a ledger built by the demo (its published passwords live there)


def from_stored(cls: type, stored_text: str | None) -> Any:
    """A setting's value from its stored JSON (None: never saved, the defaults); keys this
    release does not know are left out."""
    if stored_text is None:
        return cls()
    stored = json.loads(stored_text)
    known = {f.name for f in fields(cls)}
    values = {k: v for k, v in stored.items() if k in known}
    if "font_paths" in values:
        values["font_paths"] = tuple(tuple(pair) for pair in values["font_paths"])
    return cls(**values)
