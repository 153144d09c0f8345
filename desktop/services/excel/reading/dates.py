"""Dates as offices type them in spreadsheets: real dates, Excel serials, 2026-12-31, 2026年12月31日, 2026.12."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from desktop.services.excel.reading.cells import CellError

_FULL = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(底|末)?$")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(value: object, what: str, month_end: bool) -> date | None:
    """None when empty; a month alone means its first day, or its last with ``month_end``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A date cell saved as "General" arrives as its serial number.
        if 20000 <= value <= 80000:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(f"{what}“{value}”不是日期")
    text = str(value).strip()
    try:
        if match := _FULL.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _MONTH.match(text):
            year, month = int(match[1]), int(match[2])
            if not month_end:
                return date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return following - timedelta(days=1)
    except ValueError as exc:
        raise CellError(f"{what}“{text}”不是有效日期") from exc
    raise CellError(f"{what}“{text}”不是日期（应如 2026-12-31 或 2026年12月31日）")
