"""Export the ledger (台账) as a formatted workbook, streamed with openpyxl's write-only mode."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import FundEntry, ProgressReport, Task
from desktop.services import overview, record_sheets, settings
from desktop.services.clock import clock_of
from desktop.services.enums import LampColor
from desktop.services.files import write_atomically
from desktop.services.jobs import Progress, step
from desktop.services.periods import Period

if TYPE_CHECKING:  # openpyxl is imported when an export runs, not with the desk
    from openpyxl import Workbook
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FONT = "宋体"
WAN = "#,##0.00"
PCT = "0.0%"
_STEP = 500  # rows between progress calls


@cache
def _styles() -> Any:
    """The export's fonts, fills and alignments, built once per process."""
    from types import SimpleNamespace

    from openpyxl.styles import Alignment, Font, PatternFill

    return SimpleNamespace(
        head_font=Font(name=FONT, size=10, bold=True),
        body_font=Font(name=FONT, size=10),
        head_fill=PatternFill("solid", fgColor="D9D9D9"),
        center=Alignment(horizontal="center", vertical="center", wrap_text=True),
        lamp_fills={
            LampColor.GREEN: PatternFill("solid", fgColor="C6EFCE"),
            LampColor.YELLOW: PatternFill("solid", fgColor="FFEB9C"),
            LampColor.RED: PatternFill("solid", fgColor="FFC7CE"),
        },
        lamp_fonts={
            LampColor.GREEN: Font(name=FONT, size=10, bold=True, color="006100"),
            LampColor.YELLOW: Font(name=FONT, size=10, bold=True, color="9C5700"),
            LampColor.RED: Font(name=FONT, size=10, bold=True, color="9C0006"),
        },
    )


def cell(ws: WriteOnlyWorksheet, value: object) -> Any:
    """Every cell of the export is made here (one place to vet what goes into a sheet)."""
    from openpyxl.cell import WriteOnlyCell

    return WriteOnlyCell(ws, value)


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    tasks: int
    reports: int
    fund_entries: int


class _Sheet:
    """A write-only sheet with a styled header row, frozen panes and a filter."""

    def __init__(
        self, book: Workbook, title: str, columns: Sequence[tuple[str, float]], freeze: str
    ):
        self.ws: WriteOnlyWorksheet = book.create_sheet(title)
        for index, (_, width) in enumerate(columns):
            self.ws.column_dimensions[_letter(index)].width = width
        self.ws.freeze_panes = freeze
        self.ws.auto_filter.ref = f"A1:{_letter(len(columns) - 1)}1"
        header = []
        styles = _styles()
        for name, _ in columns:
            head = cell(self.ws, name)
            head.font, head.fill, head.alignment = styles.head_font, styles.head_fill, styles.center
            header.append(head)
        self.ws.append(header)
        self.rows = 0
        self._styles: dict[tuple[str | None, LampColor | None], StyleArray] = {}

    def add(
        self,
        values: list[object],
        formats: dict[int, str] | None = None,
        lamp: tuple[int, LampColor] | None = None,
    ) -> None:
        # A write-only row is serialised on append, so every cell is styled before. Setting a
        # font or format hashes the style objects on every cell (most of the time of a large
        # export); copying a finished style array from a prototype cell costs nothing.
        cells = []
        for index, value in enumerate(values):
            one = cell(self.ws, value)
            fmt = formats.get(index) if formats else None
            color = lamp[1] if lamp is not None and lamp[0] == index else None
            one._style = copy(self._style(fmt, color))
            cells.append(one)
        self.ws.append(cells)
        self.rows += 1

    def _style(self, fmt: str | None, color: LampColor | None) -> StyleArray:
        key = (fmt, color)
        if key not in self._styles:
            styles = _styles()
            proto = cell(self.ws, None)
            proto.font = styles.body_font if color is None else styles.lamp_fonts[color]
            if fmt:
                proto.number_format = fmt
            if color is not None:
                proto.fill, proto.alignment = styles.lamp_fills[color], styles.center
            self._styles[key] = proto._style
        return self._styles[key]


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


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

    from openpyxl import Workbook

    book = Workbook(write_only=True)
    try:
        _tasks_sheet(book, rows, tick)
        _matrix_sheet(book, session, rows, tick)
        _reports_sheet(book, session, tick)
        _funds_sheet(book, session, tick)
        for writer in EXTRA_SHEETS:
            writer(session, book)
        _about_sheet(book, session, today, len(rows), total_reports, total_funds)
        step(progress, total - 1, total)
    except BaseException:
        _discard(book)
        raise
    write_atomically(Path(path), book.save)
    step(progress, total, total)
    return ExportSummary(Path(path), len(rows), total_reports, total_funds)


def _discard(book: Workbook) -> None:
    """Close and delete the rows already streamed to temporary files."""
    for ws in book.worksheets:
        with contextlib.suppress(Exception):
            ws.close()
            ws._writer.cleanup()


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


def _report_stream(session: Session) -> Iterator[tuple[ProgressReport, str, str]]:
    query = (
        select(ProgressReport, Task.code, Task.title)
        .join(Task, ProgressReport.task_id == Task.id)
        .order_by(Task.code, ProgressReport.period)
        .execution_options(yield_per=2000)
    )
    yield from session.execute(query)  # type: ignore[misc]


def _matrix_sheet(
    book: Workbook, session: Session, rows: list[overview.TaskRow], tick: Callable[[int], None]
) -> None:
    percents: dict[int, dict[str, int]] = defaultdict(dict)
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
    for report, code, title in _report_stream(session):
        sheet.add(
            [code, title, report.period, report.percent, report.progress, report.problems,
             report.next_steps, report.fall_reason, report.submitted_on, report.source.label,
             report.source_file],
            {8: "yyyy-mm-dd"},
        )  # fmt: skip
        tick(1)


def _funds_sheet(book: Workbook, session: Session, tick: Callable[[int], None]) -> None:
    columns = [("任务编号", 9), ("任务名称", 28), ("类别", 7), ("资金来源", 11),
               ("金额(万元)", 13), ("日期", 11), ("备注", 24)]  # fmt: skip
    sheet = _Sheet(book, "资金明细", columns, "C2")
    query = (
        select(FundEntry, Task.code, Task.title)
        .join(Task, FundEntry.task_id == Task.id)
        .order_by(Task.code, FundEntry.entry_date, FundEntry.id)
        .execution_options(yield_per=2000)
    )
    for entry, code, title in session.execute(query):
        sheet.add(
            [code, title, entry.kind.label, entry.source.label, _wan(entry.amount),
             entry.entry_date, entry.note],
            {4: WAN, 5: "yyyy-mm-dd"},
        )  # fmt: skip
        tick(1)


def _about_sheet(
    book: Workbook, session: Session, today: object, tasks: int, reports: int, funds: int
) -> None:
    ws = book.create_sheet("说明")
    ws.column_dimensions["A"].width = 90
    office = settings.office(session)
    lines = [
        f"{office.issuer_name} 督办台账",
        f"导出时间：{clock_of(session).now():%Y-%m-%d %H:%M}；序时进度与亮灯按 {today} 计算。",
        f"任务 {tasks} 项，进度报送 {reports} 条，资金记录 {funds} 条。",
        "亮灯：绿＝按序时推进；黄＝滞后10—30个百分点、节点逾期15日内、临近时限或漏报一期等；"
        "红＝滞后超过30个百分点、节点逾期超过15日、超期未完成或连续两期漏报等（规则可在设置中修改）。",
        "金额单位为万元；到位率＝到位÷计划投资，支出率＝支出÷到位。",
    ]
    from openpyxl.styles import Font

    for index, line in enumerate(lines):
        one = cell(ws, line)
        one.font = Font(name=FONT, size=14 if index == 0 else 10, bold=index == 0)
        ws.append([one])
