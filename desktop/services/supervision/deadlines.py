"""Default deadlines of the 督办事项登记簿 by source (任务来源), counted from the 收文时间."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from db.models import SupervisionOrigin, Urgency
from desktop.services.settings import ItemRules

if TYPE_CHECKING:
    from desktop.services.supervision import SupervisionInput

# 亮灯 and 手工登记 items have no rule of their own: the clerk sets their date, else 15 days.
_BY_ORIGIN = {
    SupervisionOrigin.HIGHER_DOC: "higher_doc_days",
    SupervisionOrigin.MINUTES: "minutes_days",
    SupervisionOrigin.MEETING: "minutes_days",
    SupervisionOrigin.PROPOSAL: "proposal_days",
    SupervisionOrigin.ASSIGNED: "assigned_days",
    SupervisionOrigin.MANUAL: "assigned_days",
    SupervisionOrigin.LAMP: "assigned_days",
}
_INSTRUCTION = {
    Urgency.URGENT: "instruction_urgent_days",
    Urgency.ORDINARY: "instruction_days",
    Urgency.HARD: "instruction_hard_days",
}


def default_days(
    rules: ItemRules, origin: SupervisionOrigin, urgency: Urgency = Urgency.ORDINARY
) -> int:
    name = _INSTRUCTION[urgency] if origin == SupervisionOrigin.INSTRUCTION else _BY_ORIGIN[origin]
    return int(getattr(rules, name))


def default_due(rules: ItemRules, data: SupervisionInput, received: date) -> date:
    return received + timedelta(days=default_days(rules, data.origin, data.urgency))
