"""Deadlines as office ledgers write them, with the sheet's year for the year-less ones:
2026年6月30日, 2026.12, 6月底, 6月30日, 年底, 上半年, 三季度末 (and what parse_date reads)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from desktop.services.excel.reading.cells import CellError
from desktop.services.excel.reading.dates import parse_date

_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?(前)?$")
_MONTH = re.compile(r"^(\d{1,2})\s*月\s*(份)?(底|末|中旬|上旬|下旬|前)?$")
_QUARTER = re.compile(r"^(第?[一二三四1-4])\s*季度\s*(末|底)?$")
_YEAR_END = {"年底", "年末", "年内", "年底前", "年末前", "全年", "下半年", "12月底前"}
_HALF = {"上半年", "年中", "6月底前"}
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def year_less(value: object) -> bool:
    """Whether the spelling needs a year from elsewhere (the title, or the clerk)."""
    text = str(value).strip() if isinstance(value, str) else ""
    return bool(text) and not re.match(r"^\d{4}", text) and _local(text, 2000, True) is not None


def _local(text: str, year: int, month_end: bool) -> date | None:
    compact = re.sub(r"\s+", "", text).removesuffix("前") if text not in _YEAR_END else text
    if text in _YEAR_END or compact in _YEAR_END:
        return date(year, 12, 31) if month_end else date(year, 1, 1)
    if text in _HALF or compact in _HALF:
        return date(year, 6, 30) if month_end else date(year, 1, 1)
    if match := _MONTH_DAY.match(text):
        return date(year, int(match[1]), int(match[2]))
    if match := _MONTH.match(compact) or _MONTH.match(text):
        month = int(match[1])
        return _month_end(year, month) if month_end or match[3] else date(year, month, 1)
    if match := _QUARTER.match(compact):
        quarter = _QUARTERS[match[1].removeprefix("第")]
        return _month_end(year, 3 * quarter) if month_end else date(year, 3 * quarter - 2, 1)
    return None


def parse_ledger_date(value: object, what: str, month_end: bool, year: int | None) -> date | None:
    """None when empty; a CellError naming the text when it is no date, or needs a year and
    none is known."""
    if isinstance(value, str):
        text = value.strip()
        if text and not re.match(r"^\d{4}", text):
            try:
                found = _local(text, year or 2000, month_end)
            except ValueError as exc:
                raise CellError(f"{what}“{text}”不是有效日期") from exc
            if found is not None:
                if year is None:
                    raise CellError(f"{what}“{text}”没有写年份，请在向导中确认年份")
                return found
    return parse_date(value, what, month_end)
