"""First use: import the office's existing ledger spreadsheet — pick sheet and header row, map columns,
preview, then create the units, projects and tasks in one transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import FundKind, ReportSource
from db.models import Project, Task, Unit
from desktop.services import audit, funds, progress, tasks
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.enums import FundSource, TaskStatus
from desktop.services.errors import ValidationError
from desktop.services.excel import ledger_mapping
from desktop.services.excel.ledger_mapping import FIELDS, LedgerMapping
from desktop.services.excel.reading.cells import CellError, parse_text, parse_wan, text_of
from desktop.services.excel.reading.ledger_dates import parse_ledger_date, year_less
from desktop.services.excel.reading.ledger_sheet import (
    Sheet,
    kind_of,
    parse_ledger_percent,
    stated_cutoff,
    title_year,
)
from desktop.services.excel.reading.safety import open_workbook
from desktop.services.excel.unit_names import UnitMatcher, is_collective
from desktop.services.percents import percent_text
from desktop.services.periods import Period

if TYPE_CHECKING:  # openpyxl comes when a workbook is opened
    pass

MAX_ROWS = 20_000
DEFAULT_PROJECT = "存量任务（导入）"
_SPLIT = re.compile(r"[、,，;；/\s]+")
_ENUMERATED = re.compile(r"^\s*([（(]?[一二三四五六七八九十]+[）)、.．]|\d+[、.．)）])\s*")
FUND_NOTE = "由原台账导入（原表未注明资金来源）"
_SKIPPED = {"footnote": "脚注行，不导入", "totals": "合计行，不导入"}


@dataclass
class LedgerOptions:
    """What the clerk confirms in the wizard beyond the columns."""

    year: int | None = None  # for 6月底, 年底 …: None takes the title's year
    cutoff: date | None = None  # the date the sheet's percent and funds stand at
    units: dict[str, int | None] = field(default_factory=dict)  # sheet name → unit (None: new)


@dataclass(frozen=True)
class SheetInfo:
    name: str
    rows: int
    header_row: int  # best guess, 1-based
    headers: list[str]


@dataclass(frozen=True)
class LedgerRow:
    row: int
    code: str
    title: str
    lead_unit: str
    change: str  # "new", "exists", "rejected", "skipped"
    detail: str


@dataclass
class LedgerPreview:
    file: str
    mapping: LedgerMapping
    rows: list[LedgerRow]
    new_units: list[str] = field(default_factory=list)
    new_projects: list[str] = field(default_factory=list)
    _plans: list[dict] = field(default_factory=list, repr=False)
    year: int | None = None  # the year year-less dates were read in
    year_from_title: bool = False
    needs_year: bool = False  # some dates have no year, and none was known
    cutoff: date | None = None
    unmatched: list[str] = field(default_factory=list)  # names to map in the wizard
    matched: dict[str, str] = field(default_factory=dict)  # sheet name → ledger unit, by rule
    options: LedgerOptions = field(default_factory=LedgerOptions)

    @property
    def problems(self) -> list[str]:
        return [f"“{self.file}”工作表“{self.mapping.sheet}”第{r.row}行：{r.detail}"
                for r in self.rows if r.change == "rejected"]  # fmt: skip

    def count(self, change: str) -> int:
        return sum(1 for r in self.rows if r.change == change)


def inspect(path: Path) -> list[SheetInfo]:
    """The visible sheets of a spreadsheet, with a guess at where the header row is."""
    book = open_workbook(Path(path)).workbook
    found = []
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        sheet = Sheet(ws)
        header_row = _guess_header(sheet)
        found.append(SheetInfo(ws.title, sheet.last_row, header_row, _headers(sheet, header_row)))
    return found


def read_headers(path: Path, sheet: str, header_row: int) -> list[str]:
    """The header texts of one row, for the column-mapping step when the clerk picks the row."""
    book = open_workbook(Path(path)).workbook
    if sheet not in book.sheetnames:
        raise ValidationError(f"“{Path(path).name}”中没有工作表“{sheet}”。", field="sheet")
    if header_row < 1:
        raise ValidationError("表头行号从 1 开始。", field="header_row")
    return _headers(Sheet(book[sheet]), header_row)


def _guess_header(sheet: Sheet) -> int:
    """The row among the first 15 most like a header. Of two header rows (a merged group above
    its sub-columns) the lower one wins: merged cells filled, it names every column."""
    names = {n for _, aliases in FIELDS.values() for n in aliases}
    best, best_score = 1, -1
    for row in sheet.rows(1, min(15, sheet.last_row)):
        texts = [ledger_mapping._clean(v) for v in row.values if isinstance(v, str) and v.strip()]
        score = 10 * sum(1 for t in texts if t in names) + len(set(texts))
        if score > best_score:
            best, best_score = row.number, score
    return best


def _headers(sheet: Sheet, header_row: int) -> list[str]:
    if header_row > sheet.last_row:
        return []
    return [text_of(v).strip() for v in sheet.row(header_row).values]


def preview_ledger(session: Session, path: Path, mapping: LedgerMapping | None = None,
                   sheet: str | None = None, header_row: int | None = None,
                   options: LedgerOptions | None = None) -> LedgerPreview:  # fmt: skip
    """Read the sheet with the mapping (or the suggested one) and say what would be created."""
    path = Path(path)
    options = options or LedgerOptions()
    book = open_workbook(path).workbook
    name = (mapping.sheet if mapping else sheet) or book.worksheets[0].title
    if name not in book.sheetnames:
        raise ValidationError(f"“{path.name}”中没有工作表“{name}”。")
    grid = Sheet(book[name])
    row_no = (mapping.header_row if mapping else header_row) or _guess_header(grid)
    headers = _headers(grid, row_no)
    mapping = mapping or ledger_mapping.suggest(session, name, row_no, headers)
    mapping.check(headers)
    if grid.last_row - row_no > MAX_ROWS:
        raise ValidationError(f"工作表“{name}”超过 {MAX_ROWS} 行，请分批导入。")
    above = grid.texts_above(row_no)
    found_year = title_year(above)
    preview = LedgerPreview(path.name, mapping, [], options=options)
    preview.year = options.year or found_year
    preview.year_from_title = options.year is None and found_year is not None
    today = clock_of(session).today()
    preview.cutoff = options.cutoff or stated_cutoff(above) or today
    if preview.cutoff > today:
        raise ValidationError(f"统计截止日期 {preview.cutoff} 晚于今天。", field="cutoff")
    where = {f: headers.index(h) for f, h in mapping.columns.items()}
    _Reader(session, preview, where, today).read(grid.rows(row_no + 1))
    return preview


class _Reader:
    """Turns the sheet's rows into plans, with the ledger's units, projects and tasks at hand."""

    def __init__(self, session: Session, preview: LedgerPreview, where: dict[str, int],
                 today: date) -> None:  # fmt: skip
        self.preview, self.where, self.today = preview, where, today
        ledger_units = [(u.id, u.name, u.short_name) for u in session.scalars(select(Unit))]
        names = {uid: name for uid, name, _ in ledger_units}
        mapped = {k: v for k, v in preview.options.units.items() if v is not None}
        self.units = UnitMatcher(ledger_units, mapped)
        self.names = names
        self.projects = {p.name for p in session.scalars(select(Project))}
        self.codes = set(session.scalars(select(Task.code)))
        self.titles = {(t.title, t.lead_unit_id) for t in session.scalars(select(Task))}
        self.seen: set[str] = set()

    def read(self, rows: list) -> None:  # type: ignore[type-arg]
        for row in rows:
            cells = {f: (row.values[i] if i < len(row.values) else None)
                     for f, i in self.where.items()}  # fmt: skip
            if all(v is None or not str(v).strip() for v in cells.values()):
                continue  # formatting only, or columns the mapping does not use
            kind = kind_of(row)
            if kind:
                title = text_of(next((v for v in row.values if v is not None), ""))[:30]
                self.preview.rows.append(
                    LedgerRow(row.number, "", title, "", "skipped", _SKIPPED[kind])
                )
                continue
            formats = {f: (row.formats[i] if i < len(row.formats) else "")
                       for f, i in self.where.items()}  # fmt: skip
            try:
                plan = _read_row(cells, formats, self.today, self.preview)
            except CellError as exc:
                self.preview.rows.append(
                    LedgerRow(row.number, "", text_of(cells.get("title")), "", "rejected", str(exc))
                )
                self._units_of(cells)  # the wizard can ask about them meanwhile
                continue
            self._plan(row.number, plan)

    def _units_of(self, cells: dict[str, object]) -> None:
        names = [text_of(cells.get("lead_unit")).strip(),
                 *_split_names(text_of(cells.get("cooperating")))]  # fmt: skip
        for name in names:
            if name and not is_collective(name) and len(name) <= 80:
                self._want(name)

    def _want(self, name: str) -> None:
        if self._unit(name) is None and name not in self.preview.new_units:
            self.preview.new_units.append(name)
            if name not in self.preview.options.units:
                self.preview.unmatched.append(name)

    def _unit(self, name: str) -> int | None:
        uid = self.units.match(name)
        if uid is not None and name != self.names.get(uid):
            self.preview.matched[name] = self.names[uid]
        return uid

    def _plan(self, number: int, plan: dict) -> None:  # type: ignore[type-arg]
        preview = self.preview
        code, title, unit = plan["code"], plan["title"], plan["lead_unit"]
        if code and code in self.seen:
            preview.rows.append(
                LedgerRow(number, code, title, unit, "rejected", f"任务编号“{code}”在表中重复")
            )
            return
        self.seen.add(code)
        if (code and code in self.codes) or (title, self._unit(unit)) in self.titles:
            preview.rows.append(
                LedgerRow(number, code, title, unit, "exists", "台账中已有该任务，跳过")
            )
            return
        for name in [unit, *plan["cooperating"]]:
            self._want(name)
        project = plan["project"] or DEFAULT_PROJECT
        if project not in self.projects and project not in preview.new_projects:
            preview.new_projects.append(project)
        plan["row"] = number
        preview._plans.append(plan)
        shown = f"{plan['start']} 至 {plan['deadline']}"
        if plan["percent"] is not None:
            shown += f"；截至 {preview.cutoff} 完成 {percent_text(plan['percent'])}%"
        preview.rows.append(LedgerRow(number, code, title, unit, "new", shown))


def _read_row(cells: dict[str, object], formats: dict[str, str], today: date,
              preview: LedgerPreview) -> dict:  # type: ignore[type-arg]  # fmt: skip
    def text(key: str) -> str:
        return parse_text(cells.get(key), FIELDS[key][0]) if key in cells else ""

    title, unit = text("title"), text("lead_unit")
    if not title:
        raise CellError("任务名称为空")
    for key, value, limit in (
        ("code", text("code"), 16),
        ("title", title, 200),
        ("lead_unit", unit, 80),
    ):
        if len(value) > limit:
            raise CellError(f"{FIELDS[key][0]}超过 {limit} 个字")
    if not unit:
        raise CellError("牵头单位为空")
    if is_collective(unit):
        raise CellError(f"牵头单位“{unit}”不是一个单位，请填写具体的牵头单位")
    year = preview.year
    if year is None and any(year_less(cells.get(k)) for k in ("start", "deadline")):
        preview.needs_year = True
    deadline = parse_ledger_date(cells.get("deadline"), "完成时限", True, year)
    if deadline is None:
        raise CellError("完成时限为空")
    start = parse_ledger_date(cells.get("start"), "开始时间", False, year)
    if start is None:
        # A past deadline stays as it is: the task ran from the sheet's year (its real span),
        # not from today for one day.
        begin = date(year, 1, 1) if year else today
        start = min(begin, deadline)
    if deadline < start:
        raise CellError("完成时限早于开始时间")
    named = [u for u in _split_names(text("cooperating")) if u and u != unit]
    cooperating = [u for u in named if not is_collective(u)]
    collective = [u for u in named if is_collective(u)]
    note = text("note")
    if collective:
        note = "；".join(filter(None, [note, "配合：" + "、".join(collective)]))
    return {"code": text("code"), "title": title, "lead_unit": unit, "start": start,
            "deadline": deadline, "project": _ENUMERATED.sub("", text("project")).strip(),
            "target": text("target"), "leader_in_charge": text("leader_in_charge"), "note": note,
            "cooperating": list(dict.fromkeys(cooperating)),
            "percent": parse_ledger_percent(cells.get("percent"), formats.get("percent", "")),
            "progress": text("progress"),
            "arrived": parse_wan(cells.get("arrived"), "到位资金"),
            "spent": parse_wan(cells.get("spent"), "已支出资金")}  # fmt: skip


def _split_names(text: str) -> list[str]:
    """市财政局、市住建局 → two names; 各县（市、区） stays one (no split inside brackets)."""
    names, depth, current = [], 0, ""
    for char in text:
        depth += char in "（(" and 1 or 0
        depth -= char in "）)" and 1 or 0
        if depth <= 0 and _SPLIT.fullmatch(char):
            names.append(current)
            current, depth = "", 0
        else:
            current += char
    return [n.strip() for n in [*names, current] if n.strip()]


@dataclass(frozen=True)
class LedgerResult:
    tasks: int
    units: int
    projects: int
    message: str
    reports: int = 0
    fund_entries: int = 0


@audit.writes(Permission.EDIT_LEDGER)
def apply_ledger(session: Session, actor: Actor, preview: LedgerPreview) -> LedgerResult:
    """Create what the preview listed, all or nothing, and remember the column mapping: the
    tasks, then what the sheet says of their progress as the first report and fund entries,
    dated to the sheet's cut-off."""
    if preview.problems:
        raise ValidationError(
            f"有 {len(preview.problems)} 行有误，未导入任何内容：{preview.problems[0]}"
        )
    ledger_mapping.remember(session, actor, preview.mapping)
    matcher = UnitMatcher(
        [(u.id, u.name, u.short_name) for u in session.scalars(select(Unit))],
        {k: v for k, v in preview.options.units.items() if v is not None},
    )
    units: dict[str, int] = {}
    for name in preview.new_units:
        if matcher.match(name) is None and name not in units:
            units[name] = tasks.create_unit(session, actor, name).id

    def unit_id(name: str) -> int:
        found = units.get(name) or matcher.match(name)
        assert found is not None  # every name was matched or created above
        return found

    projects = {p.name: p.id for p in session.scalars(select(Project))}
    used = set(session.scalars(select(Project.code)))
    for name in preview.new_projects:
        first = next(p for p in preview._plans if (p["project"] or DEFAULT_PROJECT) == name)
        code = _free_code(used)
        projects[name] = tasks.create_project(
            session, actor, code, name, unit_id(first["lead_unit"])
        ).id
    codes = set(session.scalars(select(Task.code)))
    reports: list[progress.ReportInput] = []
    entries = 0
    cutoff = preview.cutoff or clock_of(session).today()
    for plan in preview._plans:
        project_id = projects[plan["project"] or DEFAULT_PROJECT]
        code = plan["code"] or _next_task_code(session, project_id, codes)
        codes.add(code)
        data = tasks.TaskInput(
            code=code, project_id=project_id, title=plan["title"],
            lead_unit_id=unit_id(plan["lead_unit"]), start=plan["start"],
            deadline=plan["deadline"], target=plan["target"],
            leader_in_charge=plan["leader_in_charge"],
            cooperating_unit_ids=[unit_id(u) for u in plan["cooperating"]], note=plan["note"],
        )  # fmt: skip
        task_id = tasks.create_task(session, actor, data, status=TaskStatus.IN_PROGRESS)
        if plan["start"] > cutoff:
            continue  # not begun at the cut-off: nothing to report yet
        if plan["percent"] is not None:
            reports.append(progress.ReportInput(
                task_id, str(Period.of(cutoff)), plan["percent"], progress=plan["progress"],
                submitted_on=cutoff, source=ReportSource.EXCEL, source_file=preview.file,
            ))  # fmt: skip
        for kind, amount in ((FundKind.ARRIVED, plan["arrived"]), (FundKind.SPENT, plan["spent"])):
            if amount:
                funds.add_fund_entry(session, actor, task_id, kind, FundSource.CITY, amount,
                                     cutoff, FUND_NOTE)  # fmt: skip
                entries += 1
    if reports:
        progress.record_reports(session, actor, reports)
    count = len(preview._plans)
    return LedgerResult(count, len(preview.new_units), len(preview.new_projects),
                        f"已导入任务 {count} 项，新建单位 {len(preview.new_units)} 个、"
                        f"重点工程 {len(preview.new_projects)} 项；"
                        f"按截止 {cutoff} 录入进度 {len(reports)} 条、资金 {entries} 笔。",
                        len(reports), entries)  # fmt: skip


def _free_code(used: set[str]) -> str:
    n = 1
    while f"{n:02d}" in used:
        n += 1
    used.add(f"{n:02d}")
    return f"{n:02d}"


def _next_task_code(session: Session, project_id: int, codes: set[str]) -> str:
    prefix = session.get(Project, project_id).code  # type: ignore[union-attr]
    n = 1
    while f"{prefix}-{n:02d}" in codes:
        n += 1
    return f"{prefix}-{n:02d}"
