"""Read a returned report template: find its signature, check the locked cells, parse the filled ones.

Needs no database: everything here is about the file itself. Every finding names the sheet and cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.services.enums import FundSource
from desktop.services.errors import ValidationError
from desktop.services.excel import signature
from desktop.services.excel.layout import (
    BY_KEY,
    COLUMNS,
    FIRST_ROW,
    INFO_ROW,
    SIGNATURE_SHEET,
    TEXT_KEYS,
)
from desktop.services.excel.reading.cells import (
    CellError,
    parse_percent,
    parse_source,
    parse_text,
    parse_wan,
    text_of,
)
from desktop.services.excel.reading.safety import LoadedFile
from desktop.services.periods import Period

if TYPE_CHECKING:  # openpyxl comes when a workbook is opened
    from openpyxl.worksheet.worksheet import Worksheet

MAX_PROBLEMS = 30  # per file: enough to fix a sheet, not a wall of text
_SIG_ROWS = 2000


@dataclass(frozen=True)
class Problem:
    file: str
    sheet: str
    cell: str
    reason: str

    @property
    def message(self) -> str:
        where = f"“{self.file}”" + (f"工作表“{self.sheet}”" if self.sheet else "") + self.cell
        return f"{where}：{self.reason}"


@dataclass(frozen=True)
class SheetRow:
    sheet: str
    row: int
    unit_id: int
    unit: str
    task_id: int
    code: str
    title: str
    percent: Decimal | None
    texts: dict[str, str]
    arrived: Decimal | None
    spent: Decimal | None
    source: FundSource | None

    @property
    def empty(self) -> bool:
        return self.percent is None


@dataclass
class ParsedFile:
    key: str  # the path as given: two sticks may both hold 市公安局_2026-11.xlsx
    name: str
    sha256: str
    period: str = ""
    units: list[tuple[str, int, str]] = field(default_factory=list)  # (sheet, unit id, unit)
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def refuse(self, reason: str, sheet: str = "", cell: str = "") -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(self.name, sheet, cell, reason))


def refused_file(key: str, name: str, reason: str) -> ParsedFile:
    parsed = ParsedFile(key, name, "")
    parsed.refuse(reason)
    return parsed


def parse_report_file(loaded: LoadedFile) -> ParsedFile:
    parsed = ParsedFile(str(loaded.path), loaded.name, loaded.sha256)
    book = loaded.workbook
    if SIGNATURE_SHEET not in book.sheetnames:
        parsed.refuse("不是督办台下发的报送模板（找不到模板签名），请用督办台生成的模板填写")
        return parsed
    hidden = book[SIGNATURE_SHEET]
    chunks = [hidden.cell(r, 1).value for r in range(1, min(hidden.max_row, _SIG_ROWS) + 1)]
    try:
        sig = signature.decode(chunks)
        parsed.period = str(Period.parse(sig.period))
    except (signature.SignatureError, ValidationError) as exc:
        parsed.refuse(f"{exc}，请重新下发模板")
        return parsed
    seen: dict[int, str] = {}
    for sheet_sig in sig.sheets:
        parsed.units.append((sheet_sig.name, sheet_sig.unit_id, sheet_sig.unit))
        if sheet_sig.name not in book.sheetnames:
            parsed.refuse(f"找不到工作表“{sheet_sig.name}”（可能被删除或改名）")
            continue
        _parse_sheet(parsed, book[sheet_sig.name], sheet_sig, seen)
    return parsed


def _parse_sheet(
    parsed: ParsedFile, ws: Worksheet, sig: signature.SheetSignature, seen: dict[int, str]
) -> None:
    name = ws.title
    for ref, text in sig.head:
        if text_of(ws[ref].value) != text:
            parsed.refuse(f"表头被改动（原为“{_short(text)}”）", name, ref)
    last = FIRST_ROW + len(sig.rows) - 1
    _check_outside(parsed, ws, last)
    for offset, (task_id, locked) in enumerate(sig.rows):
        row = FIRST_ROW + offset
        for letter, text in locked.items():
            now = text_of(ws[f"{letter}{row}"].value)
            if now != text:
                parsed.refuse(
                    f"锁定单元格被改动（原为“{_short(text)}”，现为“{_short(now)}”），请勿修改灰色单元格",
                    name,
                    f"{letter}{row}",
                )
        if task_id in seen:
            parsed.refuse(f"任务重复出现（另见{seen[task_id]}）", name, f"A{row}")
            continue
        seen[task_id] = f"工作表“{name}”第{row}行"
        item = _parse_row(parsed, ws, row, task_id, locked, sig)
        if item is not None:
            parsed.rows.append(item)


def _check_outside(parsed: ParsedFile, ws: Worksheet, last: int) -> None:
    """Content below the task rows or right of the table means rows or columns were added."""
    width = len(COLUMNS)
    # ws._cells holds only cells that exist; iter_rows would create a million for a
    # sheet whose dimension was stretched by formatting a whole column.
    for (r, c), cell in sorted(ws._cells.items()):
        if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
            continue
        if r > last or c > width:
            parsed.refuse("表格范围之外有内容（请勿增加行或列）", ws.title, cell.coordinate)
            return


def _parse_row(
    parsed: ParsedFile,
    ws: Worksheet,
    row: int,
    task_id: int,
    locked: dict[str, str],
    sig: signature.SheetSignature,
) -> SheetRow | None:
    def value(key: str) -> object:
        return ws[f"{BY_KEY[key].letter}{row}"].value

    ok = True

    def read(key: str, parse):  # type: ignore[no-untyped-def]
        nonlocal ok
        try:
            return parse(value(key))
        except CellError as exc:
            ok = False
            parsed.refuse(str(exc), ws.title, f"{BY_KEY[key].letter}{row}")
            return None

    percent_format = ws[f"{BY_KEY['percent'].letter}{row}"].number_format or ""
    percent = read("percent", lambda v: parse_percent(v, percent_format))
    texts = {k: read(k, lambda v, k=k: parse_text(v, BY_KEY[k].header)) or "" for k in TEXT_KEYS}
    arrived = read("arrived", lambda v: parse_wan(v, "本期到位资金"))
    spent = read("spent", lambda v: parse_wan(v, "本期支出资金"))
    source = read("fund_source", parse_source)
    if not ok:
        return None
    if percent is None and (any(texts.values()) or arrived or spent):
        parsed.refuse("已填写本行其他内容，但未填写本期完成百分比", ws.title, f"D{row}")
        return None
    if (arrived or spent) and source is None:
        parsed.refuse("填写了资金，请选择资金来源", ws.title, f"K{row}")
        return None
    return SheetRow(
        ws.title,
        row,
        sig.unit_id,
        sig.unit,
        task_id,
        locked.get(BY_KEY["code"].letter, ""),
        locked.get(BY_KEY["title"].letter, ""),
        percent,
        texts,
        arrived,
        spent,
        source,
    )


def _short(text: str, size: int = 20) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


INFO_CELL = f"A{INFO_ROW}"
