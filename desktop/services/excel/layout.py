"""Where things are in a report template: sheets, rows and columns shared by writer and reader."""

from __future__ import annotations

from dataclasses import dataclass

TEMPLATE_KIND = "duban-progress-template"
TEMPLATE_VERSION = 1

REPORT_SHEET = "进度报送"
GUIDE_SHEET = "填表说明"
SIGNATURE_SHEET = "_duban"
# Not a secret: it only keeps a clerk from unlocking a cell by accident.
PROTECTION_PASSWORD = "duban"

TITLE_ROW = 1
INFO_ROW = 2
HINT_ROW = 3
HEADER_ROW = 4
FIRST_ROW = 5
MAX_TEXT = 2000  # characters in one text cell
MAX_WAN = 10_000_000  # 万元 in one cell: far beyond any real amount, so a typo shows


@dataclass(frozen=True)
class Column:
    letter: str
    key: str
    header: str
    width: float
    fill: bool  # unlocked for the unit


COLUMNS: tuple[Column, ...] = (
    Column("A", "code", "任务编号", 10, False),
    Column("B", "title", "任务名称", 30, False),
    Column("C", "previous", "上期完成(%)", 9, False),
    Column("D", "percent", "本期完成百分比(%)", 11, True),
    Column("E", "progress", "本期进展情况", 36, True),
    Column("F", "problems", "存在问题", 28, True),
    Column("G", "next_steps", "下步打算", 28, True),
    Column("H", "fall_reason", "进度回落原因", 20, True),
    Column("I", "arrived", "本期到位资金(万元)", 12, True),
    Column("J", "spent", "本期支出资金(万元)", 12, True),
    Column("K", "fund_source", "资金来源", 11, True),
    Column("L", "deadline", "完成时限", 12, False),
    Column("M", "budget", "计划投资(万元)", 12, False),
    Column("N", "target", "工作目标", 36, False),
)
BY_KEY = {c.key: c for c in COLUMNS}
FILL_KEYS = tuple(c.key for c in COLUMNS if c.fill)
LOCKED_KEYS = tuple(c.key for c in COLUMNS if not c.fill)
TEXT_KEYS = ("progress", "problems", "next_steps", "fall_reason")
LAST_LETTER = COLUMNS[-1].letter


def cell_name(key: str, row: int) -> str:
    return f"{BY_KEY[key].letter}{row}"
