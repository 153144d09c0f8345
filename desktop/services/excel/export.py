"""Export the ledger (台账) as a formatted workbook, streamed with xlsxwriter's constant-memory
mode: rows go to the sheet's temporary file as they are read, formats are made once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import FundEntry, ProgressReport, Task
from desktop.services import overview, record_sheets, settings
from desktop.services.clock import clock_of
from desktop.services.enums import LampColor
from desktop.services.files import write_atomically
from desktop.services.jobs import Progress, step
from desktop.services.periods import Period
from desktop.services.sheet_guard import CellWriter

if TYPE_CHECKING:  # xlsxwriter is imported when an export runs, not with the desk
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

FONT = "宋体"
WAN = "#,##0.00"
PCT = "0.0%"
_STEP = 500  # rows between progress calls
_LAMP_FILL = {LampColor.GREEN: "#C6EFCE", LampColor.YELLOW: "#FFEB9C", LampColor.RED: "#FFC7CE"}
_LAMP_INK = {LampColor.GREEN: "#006100", LampColor.YELLOW: "#9C5700", LampColor.RED: "#9C0006"}


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    tasks: int
    reports: int
    fund_entries: int


def write_cell(ws: Worksheet, row: int, col: int, value: object, fmt: Format | None) -> None:
    """One cell as the export writes it (for a few cells; rows go through _Sheet's writer)."""
    CellWriter(ws, _quoted)(row, col, value, fmt)


class _Sheet:
    """A streamed sheet (rows written in order) with a styled header, frozen panes, a filter.

    xlsxwriter writes a cell as a few bytes of XML with a format made once per workbook, where
    openpyxl built and serialised an object per cell (about three times the time at 70,000 rows).
    """

    def __init__(
        self, book: Workbook, title: str, columns: Sequence[tuple[str, float]], freeze: str
    ):
        self.book, self.ws = book, book.add_worksheet(title)
        for index, (_, width) in enumerate(columns):
            self.ws.set_column(index, index, width)
        self.ws.freeze_panes(*_cell_index(freeze))
        self.ws.autofilter(0, 0, 0, len(columns) - 1)
        self.cell = CellWriter(self.ws, _quoted)
        head = _format(book, ("head",))
        for index, (name, _) in enumerate(columns):
            self.cell(0, index, name, head)
        self.rows = 0
        self._formats: dict[LampColor | None, list[Format]] = {}  # each column's, per lamp

    def add(
        self,
        values: list[object],
        formats: dict[int, str] | None = None,
        lamp: tuple[int, LampColor] | None = None,
    ) -> None:
        self.rows += 1
        color = lamp[1] if lamp is not None else None
        row_formats = self._formats.get(color)
        if row_formats is None or len(row_formats) < len(values):
            row_formats = self._formats[color] = [
                _format(
                    self.book,
                    ("body", (formats or {}).get(i), color if lamp and lamp[0] == i else None),
                )
                for i in range(len(values))
            ]
        cell, row = self.cell, self.rows
        for index, value in enumerate(values):
            cell(row, index, value, row_formats[index])


_FORMATS: dict[tuple[int, tuple[Any, ...]], Format] = {}  # (id of the workbook, kind of cell)
_QUOTED: dict[int, Format] = {}  # id of a format -> the same with Excel's quotePrefix


def _quoted(fmt: Format) -> Format:
    return _QUOTED.get(id(fmt), fmt)


def _format(book: Workbook, key: tuple[Any, ...]) -> Format:
    """The workbook's format for a kind of cell, made on its first use."""
    found = _FORMATS.get((id(book), key))
    if found is None:
        spec: dict[str, Any] = {"font_name": FONT, "font_size": 10, "valign": "vcenter"}
        if key[0] == "head":
            spec.update(bold=True, bg_color="#D9D9D9", align="center", text_wrap=True)
        elif key[0] == "about":
            spec.update(font_size=key[1], bold=key[2])
        else:
            _, number, color = key
            if number:
                spec["num_format"] = number
            if color is not None:
                spec.update(bold=True, font_color=_LAMP_INK[color], bg_color=_LAMP_FILL[color],
                            align="center", text_wrap=True)  # fmt: skip
        found = _FORMATS[(id(book), key)] = book.add_format(spec)
        _QUOTED[id(found)] = book.add_format({**spec, "quote_prefix": True})
    return found


def _cell_index(ref: str) -> tuple[int, int]:
    """ "D2" -> (1, 3): zero-based row and column of a cell reference."""
    letters = "".join(ch for ch in ref if ch.isalpha())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch.upper()) - 64
    return int(ref[len(letters) :]) - 1, col - 1


def _wan(amount: Decimal) -> float:
    return float(amount / 10000)


def _record_sheet(
    make: Callable[[Session], record_sheets.Sheet],
) -> Callable[[Session, Workbook], None]:
    """A sheet of the escalation chain's records, shared with the archive catalogue."""

    def write(session: Session, book: Workbook) -> None:
        table = make(session)
        sheet = _Sheet(book, table.title, list(zip(table.headers, table.widths, strict=True)), "A2")
        for row in table.rows:
            dates = {i: "yyyy-mm-dd" for i, value in enumerate(row) if isinstance(value, date)}
            sheet.add(list(row), dates)

    return write


# Later areas append a writer to add their sheets.
EXTRA_SHEETS: list[Callable[[Session, Workbook], None]] = [
    _record_sheet(record_sheets.supervision_sheet),
    _record_sheet(record_sheets.interviews_sheet),
]


def export_ledger(session: Session, path: Path, progress: Progress | None = None) -> ExportSummary:
    """Write the whole ledger to ``path``; nothing is written if cancelled or on error."""
    today = clock_of(session).today()
    rows = overview.task_rows(session, today)
    total_reports = session.scalar(select(func.count()).select_from(ProgressReport)) or 0
    total_funds = session.scalar(select(func.count()).select_from(FundEntry)) or 0
    total = len(rows) + 2 * total_reports + total_funds + 1
    done = 0

    def tick(count: int = 1) -> None:
        nonlocal done
        done += count
        if done % _STEP < count:
            step(progress, done, total)

    def write(handle: BinaryIO) -> None:
        import xlsxwriter

        book = xlsxwriter.Workbook(handle, {"constant_memory": True})
        try:
            _tasks_sheet(book, rows, tick)
            _matrix_sheet(book, session, rows, tick)
            _reports_sheet(book, session, tick)
            _funds_sheet(book, session, tick)
            for writer in EXTRA_SHEETS:
                writer(session, book)
            _about_sheet(book, session, today, len(rows), total_reports, total_funds)
            step(progress, total - 1, total)
            book.close()
        finally:
            _discard(book)

    write_atomically(Path(path), write)
    step(progress, total, total)
    return ExportSummary(Path(path), len(rows), total_reports, total_funds)


def export_register(session: Session, path: Path) -> int:
    """The 督查事项登记簿 as its own workbook, through the ledger export's cell writer (text
    stays text, formula-looking text quote-prefixed), set up to print: A4 landscape, fitted
    to the width, the header on every page. Returns the number of items written."""
    table = record_sheets.register_sheet(session)
    today = clock_of(session).today()

    def write(handle: BinaryIO) -> None:
        import xlsxwriter

        book = xlsxwriter.Workbook(handle, {"constant_memory": True})
        try:
            columns = list(zip(table.headers, table.widths, strict=True))
            sheet = _Sheet(book, table.title, columns, "A2")
            for row in table.rows:
                dates = {i: "yyyy-mm-dd" for i, value in enumerate(row) if isinstance(value, date)}
                sheet.add(list(row), dates)
            ws = sheet.ws
            ws.set_landscape()
            ws.set_paper(9)  # A4
            ws.fit_to_pages(1, 0)  # one page wide, as many down as needed
            ws.repeat_rows(0)
            ws.set_header(f"&C&14{table.title}")
            ws.set_footer(f"&L截至 {today:%Y-%m-%d}，共 {len(table.rows)} 件&R第 &P 页，共 &N 页")
            book.close()
        finally:
            _discard(book)

    write_atomically(Path(path), write)
    return len(table.rows)


def _discard(book: Workbook) -> None:
    """Forget the workbook's formats; its sheets' temporary files delete themselves."""
    for key in [k for k in _FORMATS if k[0] == id(book)]:
        del _FORMATS[key]


def _tasks_sheet(book: Workbook, rows: list[overview.TaskRow], tick: Callable[[], None]) -> None:
    columns = [("任务编号", 9), ("重点工程", 22), ("任务名称", 30), ("牵头单位", 16),
               ("分管领导", 18), ("开始时间", 11), ("完成时限", 11), ("状态", 8), ("亮灯", 6),
               ("序时进度", 9), ("报送进度", 9), ("滞后(点)", 8), ("亮灯原因", 40),
               ("计划投资(万元)", 13), ("到位(万元)", 12), ("到位率", 8), ("支出(万元)", 12),
               ("支出率", 8), ("最近报送", 10)]  # fmt: skip
    sheet = _Sheet(book, "任务台账", columns, "D2")
    formats = {5: "yyyy-mm-dd", 6: "yyyy-mm-dd", 9: PCT, 10: PCT, 11: "0.0", 13: WAN, 14: WAN,
               15: PCT, 16: WAN, 17: PCT}  # fmt: skip
    for r in rows:
        lamp = r.lamp
        arrival, spending = r.funds.arrival_rate, r.funds.spending_rate
        sheet.add(
            [r.code, f"{r.project_code} {r.project}", r.title, r.lead_unit, r.leader_in_charge,
             r.start, r.deadline, r.status.label, lamp.color.label, lamp.schedule_pct / 100,
             None if r.reported_pct is None else r.reported_pct / 100, lamp.lag,
             lamp.reason_text, _wan(r.funds.budget), _wan(r.funds.arrived),
             None if arrival is None else arrival / 100, _wan(r.funds.spent),
             None if spending is None else spending / 100,
             "" if r.last_period is None else r.last_period],
            formats,
            lamp=(8, lamp.color),
        )  # fmt: skip
        tick()


def report_rows(session: Session) -> Iterator[Any]:
    """The reports sheet's rows, as columns (not entities: 70,000 ORM objects cost seconds)."""
    query = (
        select(Task.code, Task.title, ProgressReport.period, ProgressReport.percent,
               ProgressReport.progress, ProgressReport.problems, ProgressReport.next_steps,
               ProgressReport.fall_reason, ProgressReport.submitted_on, ProgressReport.source,
               ProgressReport.source_file)
        .join(Task, ProgressReport.task_id == Task.id)
        .order_by(Task.code, ProgressReport.period)
        .execution_options(yield_per=2000)
    )  # fmt: skip
    yield from session.execute(query)


def fund_rows(session: Session) -> Iterator[Any]:
    query = (
        select(Task.code, Task.title, FundEntry.kind, FundEntry.source, FundEntry.amount,
               FundEntry.entry_date, FundEntry.note)
        .join(Task, FundEntry.task_id == Task.id)
        .order_by(Task.code, FundEntry.entry_date, FundEntry.id)
        .execution_options(yield_per=2000)
    )  # fmt: skip
    yield from session.execute(query)


def _matrix_sheet(
    book: Workbook, session: Session, rows: list[overview.TaskRow], tick: Callable[[int], None]
) -> None:
    percents: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for task_id, period, percent in session.execute(
        select(ProgressReport.task_id, ProgressReport.period, ProgressReport.percent)
    ):
        percents[task_id][period] = percent
        tick(1)
    periods = sorted({p for by_period in percents.values() for p in by_period})
    labels = [(Period.parse(p).label, 10) for p in periods]
    sheet = _Sheet(book, "进度报送（按期次）", [("任务编号", 9), ("任务名称", 30),
                   ("牵头单位", 16)] + labels, "D2")  # fmt: skip
    for r in rows:
        by_period = percents.get(r.id, {})
        sheet.add([r.code, r.title, r.lead_unit] + [by_period.get(p) for p in periods])


def _reports_sheet(book: Workbook, session: Session, tick: Callable[[int], None]) -> None:
    columns = [("任务编号", 9), ("任务名称", 28), ("期次", 9), ("完成百分比", 9),
               ("进展情况", 40), ("存在问题", 30), ("下步打算", 30), ("回落原因", 20),
               ("报送日期", 11), ("来源", 10), ("来源文件", 24)]  # fmt: skip
    sheet = _Sheet(book, "进度报送明细", columns, "C2")
    for r in report_rows(session):
        sheet.add(
            [r.code, r.title, r.period, r.percent, r.progress, r.problems, r.next_steps,
             r.fall_reason, r.submitted_on, r.source.label, r.source_file],
            {8: "yyyy-mm-dd"},
        )  # fmt: skip
        tick(1)


def _funds_sheet(book: Workbook, session: Session, tick: Callable[[int], None]) -> None:
    columns = [("任务编号", 9), ("任务名称", 28), ("类别", 7), ("资金来源", 11),
               ("金额(万元)", 13), ("日期", 11), ("备注", 24)]  # fmt: skip
    sheet = _Sheet(book, "资金明细", columns, "C2")
    for f in fund_rows(session):
        sheet.add(
            [f.code, f.title, f.kind.label, f.source.label, _wan(f.amount), f.entry_date, f.note],
            {4: WAN, 5: "yyyy-mm-dd"},
        )
        tick(1)


def _about_sheet(
    book: Workbook, session: Session, today: object, tasks: int, reports: int, funds: int
) -> None:
    ws = book.add_worksheet("说明")
    ws.set_column(0, 0, 90)
    office = settings.office(session)
    lines = [
        f"{office.issuer_name} 督办台账",
        f"导出时间：{clock_of(session).now():%Y-%m-%d %H:%M}；序时进度与亮灯按 {today} 计算。",
        f"任务 {tasks} 项，进度报送 {reports} 条，资金记录 {funds} 条。",
        "亮灯：绿＝按序时推进；黄＝滞后10—30个百分点、节点逾期15日内、临近时限或漏报一期等；"
        "红＝滞后超过30个百分点、节点逾期超过15日、超期未完成或连续两期漏报等（规则可在设置中修改）。",
        "金额单位为万元；到位率＝到位÷计划投资，支出率＝支出÷到位。",
    ]
    for index, line in enumerate(lines):
        first = index == 0
        write_cell(ws, index, 0, line, _format(book, ("about", 14 if first else 10, first)))
