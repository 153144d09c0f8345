"""Which column of an existing ledger spreadsheet holds which task field; remembered between uses."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from db.models import Setting
from desktop.services import audit
from desktop.services.auth import Actor, Permission
from desktop.services.errors import ValidationError

SETTING_KEY = "excel_ledger_mapping"

# field → (label, header texts offices commonly use)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "code": ("任务编号", ("任务编号", "编号", "任务代码", "代码")),
    "project": ("重点工程", ("重点工程", "所属工程", "工程名称", "所属重点工程", "所属项目", "项目名称")),
    "title": ("任务名称", ("任务名称", "任务", "工作任务", "重点任务", "任务内容", "具体任务")),
    "lead_unit": ("牵头单位", ("牵头单位", "责任单位", "主责单位", "牵头部门", "责任部门")),
    "start": ("开始时间", ("开始时间", "开始日期", "启动时间", "起始时间")),
    "deadline": ("完成时限", ("完成时限", "完成时间", "截止时间", "截止日期", "时限要求", "完成期限")),
    "target": ("工作目标", ("工作目标", "目标任务", "目标要求", "具体目标", "目标")),
    "leader_in_charge": ("分管领导", ("分管领导", "责任领导", "牵头领导", "包抓领导")),
    "cooperating": ("配合单位", ("配合单位", "协办单位", "配合部门")),
    "note": ("备注", ("备注", "说明")),
    # What the sheet says of progress so far: imported as the first report and fund entries.
    "percent": ("完成比例", ("完成比例", "完成进度", "完成百分比", "完成率", "进度", "完成情况(%)")),
    "progress": ("进展情况", ("进展情况", "工作进展", "推进情况", "进展", "工作推进情况", "完成情况")),
    "arrived": ("到位资金", ("到位资金", "资金到位", "已到位资金", "到位", "到位金额")),
    "spent": ("已支出资金", ("已支出", "已支出资金", "支出资金", "已使用资金", "资金支出", "支出")),
}  # fmt: skip
REQUIRED = ("title", "lead_unit", "deadline")


@dataclass
class LedgerMapping:
    """Sheet, header row (1-based) and field → header text of the columns used."""

    sheet: str
    header_row: int
    columns: dict[str, str] = field(default_factory=dict)

    def check(self, headers: list[str]) -> None:
        unknown = [f for f in self.columns if f not in FIELDS]
        if unknown:
            raise ValidationError(f"未知的字段：{'、'.join(unknown)}。")
        missing = [FIELDS[f][0] for f in REQUIRED if not self.columns.get(f)]
        if missing:
            raise ValidationError(f"请为以下字段指定对应的列：{'、'.join(missing)}。")
        absent = [h for h in self.columns.values() if h not in headers]
        if absent:
            raise ValidationError(f"第 {self.header_row} 行中没有这些表头：{'、'.join(absent)}。")
        taken = list(self.columns.values())
        if len(set(taken)) != len(taken):
            raise ValidationError("同一列不能对应两个字段。")


def remembered(session: Session) -> dict[str, str]:
    """Header text → field, as the clerk last confirmed it."""
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        return {}
    try:
        value = json.loads(row.value)
        return {str(k): str(v) for k, v in value.get("headers", {}).items() if v in FIELDS}
    except (ValueError, AttributeError):
        return {}


def suggest(session: Session, sheet: str, header_row: int, headers: list[str]) -> LedgerMapping:
    """What the clerk chose before for these headers, else the usual names."""
    known = remembered(session)
    mapping = LedgerMapping(sheet, header_row)
    for header in headers:
        clean = _clean(header)
        guess = known.get(clean) or next(
            (f for f, (_, names) in FIELDS.items() if clean in names), None
        )
        if guess and guess not in mapping.columns:
            mapping.columns[guess] = header
    return mapping


def _clean(header: str) -> str:
    return "".join(str(header).split()).replace("（", "(").split("(")[0]


@audit.writes(Permission.EDIT_LEDGER)
def remember(session: Session, actor: Actor, mapping: LedgerMapping) -> None:
    """Keep the mapping for next time (merged with what was remembered for other headers)."""
    headers = remembered(session)
    headers.update({_clean(h): f for f, h in mapping.columns.items()})
    text = json.dumps(
        {"headers": headers, "sheet": mapping.sheet, "header_row": mapping.header_row},
        ensure_ascii=False,
        sort_keys=True,
    )
    row = session.get(Setting, SETTING_KEY)
    if row is not None and row.value == text:
        return _noop(session, actor)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=text, version=1))
    else:
        row.value, row.version = text, row.version + 1
    summary = "、".join(f"{h}→{FIELDS[f][0]}" for f, h in mapping.columns.items())
    audit.record(
        session, actor, "update", "setting", SETTING_KEY, f"记住台账导入的列对应：{summary}"
    )


def _noop(session: Session, actor: Actor) -> None:
    audit.record(session, actor, "noop", "setting", SETTING_KEY, "台账导入的列对应未变")
