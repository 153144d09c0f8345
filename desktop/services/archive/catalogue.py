"""catalogue.xlsx: the 归档文件目录 (A4 landscape, printable) and sheets of the year's ledger."""

from __future__ import annotations

import io
from collections.abc import Callable
from copy import copy

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import FundEntry, ProgressReport, Task
from desktop.services import record_sheets
from desktop.services.archive.model import CATALOGUE_HEADERS, CATALOGUE_SHEET, PackageInfo
from desktop.services.record_sheets import Sheet
from desktop.services.sheet_guard import guard_book


def _tasks(session: Session, year: int) -> Sheet:
    rows = [
        (
            t.code,
            t.project.name,
            t.title,
            t.target,
            t.lead_unit.name,
            t.leader_in_charge,
            t.start,
            t.deadline,
            t.status.label,
            t.closed_on,
        )
        for t in session.scalars(select(Task).order_by(Task.code))
    ]
    headers = (
        "编号",
        "重点工程",
        "任务",
        "目标",
        "牵头单位",
        "分管领导",
        "开始",
        "截止",
        "状态",
        "办结日期",
    )
    return Sheet("任务", headers, rows, (8, 24, 30, 40, 18, 10, 12, 12, 8, 12))


def _reports(session: Session, year: int) -> Sheet:
    query = (
        select(ProgressReport)
        .where(ProgressReport.period.like(f"{year}-%"))
        .order_by(ProgressReport.period, ProgressReport.task_id)
    )
    rows = [
        (
            r.task.code,
            r.task.title,
            r.period,
            r.percent,
            r.progress,
            r.problems,
            r.next_steps,
            r.submitted_on,
            r.source.label,
        )
        for r in session.scalars(query)
    ]
    headers = (
        "任务编号",
        "任务",
        "月份",
        "进度(%)",
        "进展",
        "问题",
        "下步计划",
        "报送日期",
        "来源",
    )
    return Sheet("进度报送", headers, rows, (8, 30, 9, 8, 40, 30, 30, 12, 10))


def _funds(session: Session, year: int) -> Sheet:
    query = select(FundEntry).order_by(FundEntry.entry_date, FundEntry.id)
    rows = [
        (f.task.code, f.task.title, f.kind.label, f.source.label, f.amount, f.entry_date, f.note)
        for f in session.scalars(query)
        if f.entry_date.year == year
    ]
    headers = ("任务编号", "任务", "类别", "来源", "金额(元)", "日期", "备注")
    return Sheet("资金", headers, rows, (8, 30, 8, 10, 14, 12, 30))


# Later areas append a (session, year) -> Sheet function here.
SHEETS: list[Callable[[Session, int], Sheet]] = [
    _tasks,
    _reports,
    _funds,
    record_sheets.supervision_sheet,
    record_sheets.interviews_sheet,
]

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_TOP_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


def _style(ws: Worksheet, font: Font | None = None, border: Border | None = None,
           alignment: Alignment | None = None) -> StyleArray:  # fmt: skip
    """A style made once and given to every cell that has it (issue 11: setting a font, border
    and alignment object on each of thousands of cells was most of the catalogue's time)."""
    cell = Cell(ws)
    if font is not None:
        cell.font = font
    if border is not None:
        cell.border = border
    if alignment is not None:
        cell.alignment = alignment
    return cell._style


def _text_width(text: str) -> int:
    # Excel column widths count Latin characters; a Chinese character takes about two.
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _fit_rows(ws: Worksheet, first_row: int, line_height: float = 15.0) -> None:
    """Row heights for wrapped text: neither Excel nor LibreOffice grows a row on its own when
    the workbook was written by a program, so the printed catalogue would overlap its lines."""
    widths = {
        letter: (dim.width or 8.43) - 1 for letter, dim in ws.column_dimensions.items() if dim.width
    }
    alignments = ws.parent._alignments  # by a cell's alignment id: no style proxy per cell
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if cell.value is None or not alignments[cell._style.alignmentId].wrap_text:
                continue
            width = widths.get(cell.column_letter, 8.0)
            for part in str(cell.value).split("\n"):
                lines = max(lines, -(-_text_width(part) // max(int(width), 1)))
        ws.row_dimensions[row[0].row].height = line_height * min(lines, 12)


def _print_setup(ws: Worksheet, header_row: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{header_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)


def _catalogue_sheet(ws: Worksheet, info: PackageInfo) -> None:
    ws.title = CATALOGUE_SHEET
    scope = f"{info.year}年度"
    if info.first_day is not None:
        scope += f"（{info.span.label()}）"
    ws.append([f"归档文件目录　{info.issuer}　{scope}"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(CATALOGUE_HEADERS))
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A1"].alignment = _CENTRE
    ws.row_dimensions[1].height = 32
    ws.append(list(CATALOGUE_HEADERS))
    for item in info.items:
        ws.append(
            [
                item.seq,
                item.code,
                item.number,
                item.author,
                item.title,
                item.day.strftime("%Y%m%d"),
                item.classification,
                item.pages,
                item.note,
            ]
        )
    head = _style(ws, Font(name="宋体", size=11, bold=True), _BOX, _CENTRE)
    body = _style(ws, Font(name="宋体", size=11, bold=False), _BOX, _CENTRE)
    title = _style(ws, Font(name="宋体", size=11, bold=False), _BOX, _WRAP)
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row):
        for cell in row:
            made = head if cell.row == 2 else title if cell.column == 5 else body
            cell._style = copy(made)
    for letter, width in zip("ABCDEFGHI", (6, 26, 18, 20, 46, 11, 6, 6, 10), strict=True):
        ws.column_dimensions[letter].width = width
    _fit_rows(ws, 2)
    _print_setup(ws, 2)


def _plain_sheet(ws: Worksheet, sheet: Sheet) -> None:
    ws.title = sheet.title
    ws.append(list(sheet.headers))
    for row in sheet.rows:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = _CENTRE
    for index, width in enumerate(sheet.widths, start=1):
        ws.column_dimensions[ws.cell(row=1, column=index).column_letter].width = width
    wide = {i for i, width in enumerate(sheet.widths, start=1) if width >= 24}
    top, top_wrap = _style(ws, alignment=_TOP), _style(ws, alignment=_TOP_WRAP)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell._style = copy(top_wrap if cell.column in wide else top)
            if cell.is_date:
                cell.number_format = "yyyy-mm-dd"
    _fit_rows(ws, 2)
    _print_setup(ws, 1)


def build(session: Session, info: PackageInfo) -> bytes:
    workbook = Workbook()
    _catalogue_sheet(workbook.active, info)
    for make in SHEETS:
        _plain_sheet(workbook.create_sheet(), make(session, info.year))
    guard_book(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
