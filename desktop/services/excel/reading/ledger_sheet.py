"""An office's own ledger sheet as it really looks: a merged title, one or two header rows,
project cells merged down the rows of their tasks, a footnote row, a totals row, and borders
drawn far below the data. This reads it into plain rows: merged cells filled, formatting-only
rows gone, and the title's year and the cut-off date it states picked out."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from desktop.services.excel.reading.cells import CellError, text_of

if TYPE_CHECKING:  # openpyxl comes when a workbook is opened
    from openpyxl.worksheet.worksheet import Worksheet

_YEAR = re.compile(r"(20\d{2})\s*年")
_CUTOFF = re.compile(
    r"(截至|截止|统计时间|数据截至)[^0-9]{0,4}(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})"
)
_FOOTNOTE = re.compile(r"^(注\s*[:：0-9一１、.]|注$|备注\s*[:：]|说明\s*[:：]|填表说明)")
_TOTALS = {"合计", "总计", "小计", "合计：", "总计："}
_EMPTY_PERCENT = {"", "-", "—", "——", "/", "无", "未开始"}


@dataclass(frozen=True)
class Row:
    number: int  # 1-based row of the sheet
    values: tuple[object, ...]
    formats: tuple[str, ...]


class Sheet:
    """Values with merged ranges filled in (down and across), up to the last row with a value."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.last_row = last_data_row(ws)
        self.width = max((c for (r, c), cell in _valued(ws) if r <= self.last_row), default=0)
        self._merged: dict[tuple[int, int], object] = {}
        for cells in ws.merged_cells.ranges:
            top = ws.cell(cells.min_row, cells.min_col).value
            for r in range(cells.min_row, min(cells.max_row, self.last_row) + 1):
                for c in range(cells.min_col, cells.max_col + 1):
                    self._merged[(r, c)] = top

    def row(self, number: int) -> Row:
        values, formats = [], []
        for c in range(1, self.width + 1):
            cell = self.ws.cell(number, c)
            values.append(self._merged.get((number, c), cell.value))
            formats.append(str(getattr(cell, "number_format", "") or ""))
        return Row(number, tuple(values), tuple(formats))

    def rows(self, first: int, last: int | None = None) -> list[Row]:
        return [self.row(n) for n in range(first, (last or self.last_row) + 1)]

    def texts_above(self, header_row: int) -> list[str]:
        return [text_of(v) for r in self.rows(1, header_row - 1) for v in r.values if v is not None]


def _valued(ws: Worksheet):  # type: ignore[no-untyped-def]
    return ((key, cell) for key, cell in ws._cells.items() if cell.value not in (None, ""))


def last_data_row(ws: Worksheet) -> int:
    """The last row holding a value: borders and fills far below the data do not count."""
    return max((r for (r, _c), _cell in _valued(ws)), default=0)


def title_year(texts: list[str]) -> int | None:
    """The year the title (or another line above the header) names, e.g. 2026年…台账."""
    for text in texts:
        if match := _YEAR.search(text):
            return int(match[1])
    return None


def stated_cutoff(texts: list[str]) -> date | None:
    """截至2026年11月20日 and the like, above the header or in a footnote."""
    for text in texts:
        if match := _CUTOFF.search(text):
            try:
                return date(int(match[2]), int(match[3]), int(match[4]))
            except ValueError:
                continue
    return None


def kind_of(row: Row) -> str:
    """ "footnote", "totals" or "" for a row to read."""
    texts = [text_of(v).strip() for v in row.values if v is not None and text_of(v).strip()]
    if not texts:
        return ""
    if _FOOTNOTE.match(texts[0]):
        return "footnote"
    if any("".join(t.split()) in _TOTALS for t in texts[:4]):
        return "totals"
    return ""


def parse_ledger_percent(value: object, number_format: str = "") -> Decimal | None:
    """65%, 65％, '65', 62.5, 0.65 in a percent-formatted cell, 100 → a percent with one
    decimal (an office's own ledger may hold a computed 65.33%: kept as 65.3); — is none."""
    if value is None:
        return None
    number: float
    if isinstance(value, str):
        text = value.strip()
        if text in _EMPTY_PERCENT:
            return None
        raw = text.rstrip("%％").strip()
        try:
            number = float(raw)
        except ValueError as exc:
            raise CellError(f"完成比例“{text}”不是百分数") from exc
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if "%" in number_format or (0 < number < 1):
            number *= 100
    else:
        raise CellError("完成比例应为百分数")
    if not math.isfinite(number) or not 0 <= number <= 100:
        raise CellError(f"完成比例“{text_of(value)}”应在 0% 到 100% 之间")
    return Decimal(repr(number)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
