"""Draw one report template workbook: locked pre-filled cells, cells to fill, checks, guide, signature."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desktop.services.enums import FundSource
from desktop.services.excel import signature
from desktop.services.excel.layout import (
    BY_KEY,
    COLUMNS,
    FIRST_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    HINT_ROW,
    INFO_ROW,
    LAST_LETTER,
    MAX_TEXT,
    MAX_WAN,
    PROTECTION_PASSWORD,
    SIGNATURE_SHEET,
    TITLE_ROW,
)
from desktop.services.excel.reading.cells import TEN_THOUSAND, text_of
from desktop.services.periods import Period
from desktop.services.progress import ReportInput
from desktop.services.sheet_guard import guard_book


@dataclass(frozen=True)
class TemplateRow:
    task_id: int
    code: str
    title: str
    previous: Decimal | None
    deadline: date
    budget: Decimal  # yuan
    target: str
    report: ReportInput | None
    arrived: Decimal | None  # yuan, what an earlier import of this period recorded
    spent: Decimal | None
    source: FundSource


@dataclass(frozen=True)
class UnitSheet:
    unit_id: int
    unit: str
    short_name: str
    rows: list[TemplateRow]


FONT = "宋体"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
_OPEN_FILL = PatternFill("solid", fgColor="FFF4CC")
_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _wan(amount: Decimal | None) -> float | None:
    # Excel holds numbers as doubles; 万元 with four decimals is exact enough to round-trip.
    return None if amount is None else float(amount / TEN_THOUSAND)


def build_workbook(
    period: str, sheets: list[UnitSheet], generated_at: str, due: date, city: str
) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    signed: list[signature.SheetSignature] = []
    single = len(sheets) == 1
    for unit_sheet in sheets:
        name = "进度报送" if single else _sheet_name(unit_sheet.short_name, book)
        sheet = book.create_sheet(name)
        signed.append(_fill_sheet(sheet, period, unit_sheet, due, city))
    _guide(book.create_sheet(GUIDE_SHEET), period, due, [s.unit for s in sheets])
    hidden = book.create_sheet(SIGNATURE_SHEET)
    sig = signature.Signature(period, generated_at, tuple(signed))
    for index, chunk in enumerate(signature.encode(sig), start=1):
        hidden.cell(index, 1, chunk)
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True
    hidden.protection.password = PROTECTION_PASSWORD
    book.security = WorkbookProtection(lockStructure=True)
    book.security.workbookPassword = PROTECTION_PASSWORD
    book.active = 0
    guard_book(book)  # a unit name or task text from elsewhere never becomes a formula
    return book


def _sheet_name(short: str, book: Workbook) -> str:
    name = "".join(ch for ch in short if ch not in "[]:*?/\\")[:28] or "单位"
    base, n = name, 2
    while name in book.sheetnames:
        name, n = f"{base}{n}", n + 1
    return name


def _fill_sheet(
    sheet: Worksheet, period: str, unit: UnitSheet, due: date, city: str
) -> signature.SheetSignature:
    label = Period.parse(period).label
    head = {
        f"A{TITLE_ROW}": f"{city}平安建设重点任务进度报送表（{label}）",
        f"A{INFO_ROW}": f"牵头单位：{unit.unit}　　报送期次：{label}　　报送截止：{due.year}年{due.month}月{due.day}日",
        f"A{HINT_ROW}": "灰色单元格为台账已有信息，已锁定；请在黄色单元格中填写。填写要求见“填表说明”工作表。",
    }
    for ref, text in head.items():
        sheet[ref] = text
        row = sheet[ref].row
        sheet.merge_cells(f"A{row}:{LAST_LETTER}{row}")
    sheet[f"A{TITLE_ROW}"].font = Font(name=FONT, size=16, bold=True)
    sheet[f"A{TITLE_ROW}"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[TITLE_ROW].height = 30
    for row in (INFO_ROW, HINT_ROW):
        sheet[f"A{row}"].font = Font(name=FONT, size=11, bold=row == INFO_ROW)
    sheet[f"A{HINT_ROW}"].font = Font(name=FONT, size=10, color="7F4F00")
    heads = []
    for column in COLUMNS:
        cell = sheet[f"{column.letter}{HEADER_ROW}"]
        cell.value = column.header
        cell.font = Font(name=FONT, size=10, bold=True)
        cell.fill = _OPEN_FILL if column.fill else _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell.border = _BORDER
        sheet.column_dimensions[column.letter].width = column.width
        heads.append((f"{column.letter}{HEADER_ROW}", column.header))
    sheet.row_dimensions[HEADER_ROW].height = 32

    rows = []
    for offset, item in enumerate(unit.rows):
        row = FIRST_ROW + offset
        values = _row_values(item)
        locked: dict[str, str] = {}
        for column in COLUMNS:
            cell = sheet[f"{column.letter}{row}"]
            cell.value = values[column.key]
            cell.font = Font(name=FONT, size=10)
            cell.alignment = _WRAP
            cell.border = _BORDER
            if column.fill:
                cell.fill = _OPEN_FILL
                cell.protection = Protection(locked=False)
            else:
                cell.fill = _LOCKED_FILL
                locked[column.letter] = text_of(values[column.key])
            if column.key in ("arrived", "spent", "budget"):
                cell.number_format = "0.00##"
        sheet.row_dimensions[row].height = 48
        rows.append((item.task_id, locked))
    last = FIRST_ROW + max(len(unit.rows), 1) - 1
    _validations(sheet, last)
    sheet.freeze_panes = f"C{FIRST_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.protection.sheet = True
    sheet.protection.password = PROTECTION_PASSWORD
    # Let the unit widen columns and rows to read long text; everything else stays locked.
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    head_sig = tuple(list(head.items()) + heads)
    return signature.SheetSignature(sheet.title, unit.unit_id, unit.unit, head_sig, tuple(rows))


def _row_values(item: TemplateRow) -> dict[str, object]:
    report = item.report
    return {
        "code": item.code,
        "title": item.title,
        "previous": item.previous,
        "percent": None if report is None else report.percent,
        "progress": "" if report is None else report.progress,
        "problems": "" if report is None else report.problems,
        "next_steps": "" if report is None else report.next_steps,
        "fall_reason": "" if report is None else report.fall_reason,
        "arrived": _wan(item.arrived),
        "spent": _wan(item.spent),
        "fund_source": item.source.label,
        "deadline": item.deadline.isoformat(),
        "budget": _wan(item.budget),
        "target": item.target,
    }


def _validations(sheet: Worksheet, last: int) -> None:
    def span(key: str) -> str:
        letter = BY_KEY[key].letter
        return f"{letter}{FIRST_ROW}:{letter}{last}"

    percent = DataValidation(
        type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True
    )
    percent.error, percent.errorTitle = "完成百分比应为0到100的数，最多一位小数。", "填写有误"
    percent.prompt = "填任务累计完成程度，0到100，可带一位小数（如62.5）。"
    percent.promptTitle = "本期完成百分比"
    percent.add(span("percent"))
    money = DataValidation(
        type="decimal", operator="between", formula1="0", formula2=str(MAX_WAN), allow_blank=True
    )
    money.error, money.errorTitle = "请填以万元计的非负数，最多四位小数。", "填写有误"
    money.prompt, money.promptTitle = "本期新增金额，单位万元；没有填0或留空。", "资金（万元）"
    money.add(span("arrived"))
    money.add(span("spent"))
    sources = DataValidation(
        type="list", formula1='"' + ",".join(s.label for s in FundSource) + '"', allow_blank=True
    )
    sources.error, sources.errorTitle = "请从下拉列表中选择资金来源。", "填写有误"
    sources.add(span("fund_source"))
    text = DataValidation(
        type="textLength", operator="lessThanOrEqual", formula1=str(MAX_TEXT), allow_blank=True
    )
    text.error, text.errorTitle = f"每格不超过{MAX_TEXT}字。", "内容过长"
    for key in ("progress", "problems", "next_steps", "fall_reason"):
        text.add(span(key))
    for rule in (percent, money, sources, text):
        rule.showErrorMessage = True
        rule.showInputMessage = True
        sheet.add_data_validation(rule)


def _guide(sheet: Worksheet, period: str, due: date, units: list[str]) -> None:
    label = Period.parse(period).label
    lines = [
        "填表说明",
        f"1. 本表由督办台生成，供{'、'.join(units[:3])}{'等单位' if len(units) > 3 else ''}报送{label}任务进度，"
        f"请于{due.year}年{due.month}月{due.day}日前报回。",
        "2. 灰色单元格是台账已有信息，已锁定，请勿改动；只在黄色单元格中填写。",
        "3. 本期完成百分比：任务累计完成程度，填0到100的数，可带一位小数（如62.5，不带%）。",
        "4. 本期完成百分比低于上期时，必须填写“进度回落原因”。",
        "5. 资金以万元计，填本期新到位、新支出的金额，最多四位小数；没有的填0或留空；资金来源从下拉列表中选择。",
        f"6. 文字每格不超过{MAX_TEXT}字，可在单元格内按 Alt+Enter 换行。",
        "7. 请勿增删行列，勿重命名、删除或新增工作表；文件名可以修改。",
        "8. 可用 Excel、WPS 表格或 LibreOffice 填写，保存为 .xlsx 格式（不要另存为 .xls 或 .et）。",
        "9. 报回的表格经督办台校验后导入；有误的表格会整份退回，并指出出错的单元格。",
    ]
    for index, line in enumerate(lines, start=1):
        cell = sheet.cell(index, 1, line)
        cell.font = Font(name=FONT, size=14 if index == 1 else 11, bold=index == 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 100
    sheet.protection.sheet = True
    sheet.protection.password = PROTECTION_PASSWORD
