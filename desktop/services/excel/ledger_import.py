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

from db.models import Project, Task, Unit
from desktop.services import audit, tasks
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.enums import TaskStatus
from desktop.services.errors import ValidationError
from desktop.services.excel import ledger_mapping
from desktop.services.excel.ledger_mapping import FIELDS, LedgerMapping
from desktop.services.excel.reading.cells import CellError, parse_text, text_of
from desktop.services.excel.reading.dates import parse_date
from desktop.services.excel.reading.safety import open_workbook

if TYPE_CHECKING:  # openpyxl comes when a workbook is opened
    from openpyxl.worksheet.worksheet import Worksheet

MAX_ROWS = 20_000
DEFAULT_PROJECT = "存量任务（导入）"
_SPLIT = re.compile(r"[、,，;；/\s]+")


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
    change: str  # "new", "exists", "rejected"
    detail: str


@dataclass
class LedgerPreview:
    file: str
    mapping: LedgerMapping
    rows: list[LedgerRow]
    new_units: list[str] = field(default_factory=list)
    new_projects: list[str] = field(default_factory=list)
    _plans: list[dict] = field(default_factory=list, repr=False)

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
        rows = ws.max_row  # before the guess: reading rows 1–15 makes openpyxl count them
        header_row = _guess_header(ws)
        found.append(SheetInfo(ws.title, rows, header_row, _headers(ws, header_row)))
    return found


def read_headers(path: Path, sheet: str, header_row: int) -> list[str]:
    """The header texts of one row, for the column-mapping step when the clerk picks the row."""
    book = open_workbook(Path(path)).workbook
    if sheet not in book.sheetnames:
        raise ValidationError(f"“{Path(path).name}”中没有工作表“{sheet}”。", field="sheet")
    if header_row < 1:
        raise ValidationError("表头行号从 1 开始。", field="header_row")
    return _headers(book[sheet], header_row)


def _guess_header(ws: Worksheet) -> int:
    names = {n for _, aliases in FIELDS.values() for n in aliases}
    best, best_score = 1, -1
    for index, row in enumerate(ws.iter_rows(min_row=1, max_row=15, values_only=True), start=1):
        texts = [ledger_mapping._clean(v) for v in row if isinstance(v, str) and v.strip()]
        score = 10 * sum(1 for t in texts if t in names) + len(texts)
        if score > best_score:
            best, best_score = index, score
    return best


def _headers(ws: Worksheet, header_row: int) -> list[str]:
    row = next(ws.iter_rows(min_row=header_row, max_row=header_row, values_only=True), ())
    return [text_of(v).strip() for v in row]


def preview_ledger(session: Session, path: Path, mapping: LedgerMapping | None = None,
                   sheet: str | None = None, header_row: int | None = None) -> LedgerPreview:  # fmt: skip
    """Read the sheet with the mapping (or the suggested one) and say what would be created."""
    path = Path(path)
    loaded = open_workbook(path)
    book = loaded.workbook
    name = (mapping.sheet if mapping else sheet) or book.worksheets[0].title
    if name not in book.sheetnames:
        raise ValidationError(f"“{path.name}”中没有工作表“{name}”。")
    ws = book[name]
    row_no = (mapping.header_row if mapping else header_row) or _guess_header(ws)
    headers = _headers(ws, row_no)
    mapping = mapping or ledger_mapping.suggest(session, name, row_no, headers)
    mapping.check(headers)
    if ws.max_row - row_no > MAX_ROWS:
        raise ValidationError(f"工作表“{name}”超过 {MAX_ROWS} 行，请分批导入。")
    where = {f: headers.index(h) for f, h in mapping.columns.items()}
    preview = LedgerPreview(path.name, mapping, [])
    units = {u.name: u.id for u in session.scalars(select(Unit))} | {
        u.short_name: u.id for u in session.scalars(select(Unit)) if u.short_name
    }
    projects = {p.name: p.id for p in session.scalars(select(Project))}
    codes = set(session.scalars(select(Task.code)))
    titles = {(t.title, t.lead_unit_id) for t in session.scalars(select(Task))}
    seen: set[str] = set()
    today = clock_of(session).today()
    for index, values in enumerate(
        ws.iter_rows(min_row=row_no + 1, max_row=ws.max_row, values_only=True), start=row_no + 1
    ):
        cells = {f: (values[i] if i < len(values) else None) for f, i in where.items()}
        if all(v is None or not str(v).strip() for v in cells.values()):
            continue
        try:
            plan = _read_row(cells, today)
        except CellError as exc:
            preview.rows.append(
                LedgerRow(index, "", text_of(cells.get("title")), "", "rejected", str(exc))
            )
            continue
        code, title, unit = plan["code"], plan["title"], plan["lead_unit"]
        if code and code in seen:
            preview.rows.append(
                LedgerRow(index, code, title, unit, "rejected", f"任务编号“{code}”在表中重复")
            )
            continue
        seen.add(code)
        if (code and code in codes) or (title, units.get(unit)) in titles:
            preview.rows.append(
                LedgerRow(index, code, title, unit, "exists", "台账中已有该任务，跳过")
            )
            continue
        for name_ in [unit, *plan["cooperating"]]:
            if name_ not in units and name_ not in preview.new_units:
                preview.new_units.append(name_)
        project = plan["project"] or DEFAULT_PROJECT
        if project not in projects and project not in preview.new_projects:
            preview.new_projects.append(project)
        plan["row"] = index
        preview._plans.append(plan)
        preview.rows.append(
            LedgerRow(index, code, title, unit, "new", f"{plan['start']} 至 {plan['deadline']}")
        )
    return preview  # fmt: skip


def _read_row(cells: dict[str, object], today: date) -> dict:
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
    deadline = parse_date(cells.get("deadline"), "完成时限", month_end=True)
    if deadline is None:
        raise CellError("完成时限为空")
    start = parse_date(cells.get("start"), "开始时间", month_end=False) or min(today, deadline)
    if deadline < start:
        raise CellError("完成时限早于开始时间")
    cooperating = [u for u in _SPLIT.split(text("cooperating")) if u and u != unit]
    return {"code": text("code"), "title": title, "lead_unit": unit, "start": start,
            "deadline": deadline, "project": text("project"), "target": text("target"),
            "leader_in_charge": text("leader_in_charge"), "note": text("note"),
            "cooperating": list(dict.fromkeys(cooperating))}  # fmt: skip


@dataclass(frozen=True)
class LedgerResult:
    tasks: int
    units: int
    projects: int
    message: str


@audit.writes(Permission.EDIT_LEDGER)
def apply_ledger(session: Session, actor: Actor, preview: LedgerPreview) -> LedgerResult:
    """Create what the preview listed, all or nothing, and remember the column mapping."""
    if preview.problems:
        raise ValidationError(
            f"有 {len(preview.problems)} 行有误，未导入任何内容：{preview.problems[0]}"
        )
    ledger_mapping.remember(session, actor, preview.mapping)
    units = {u.name: u.id for u in session.scalars(select(Unit))} | {
        u.short_name: u.id for u in session.scalars(select(Unit)) if u.short_name}  # fmt: skip
    for name in preview.new_units:
        if name not in units:
            units[name] = tasks.create_unit(session, actor, name).id
    projects = {p.name: p.id for p in session.scalars(select(Project))}
    used = set(session.scalars(select(Project.code)))
    for name in preview.new_projects:
        first = next(p for p in preview._plans if (p["project"] or DEFAULT_PROJECT) == name)
        code = _free_code(used)
        projects[name] = tasks.create_project(
            session, actor, code, name, units[first["lead_unit"]]
        ).id
    codes = set(session.scalars(select(Task.code)))
    for plan in preview._plans:
        project_id = projects[plan["project"] or DEFAULT_PROJECT]
        code = plan["code"] or _next_task_code(session, project_id, codes)
        codes.add(code)
        data = tasks.TaskInput(
            code=code, project_id=project_id, title=plan["title"],
            lead_unit_id=units[plan["lead_unit"]], start=plan["start"], deadline=plan["deadline"],
            target=plan["target"], leader_in_charge=plan["leader_in_charge"],
            cooperating_unit_ids=[units[u] for u in plan["cooperating"]], note=plan["note"],
        )  # fmt: skip
        tasks.create_task(session, actor, data, status=TaskStatus.IN_PROGRESS)
    count = len(preview._plans)
    return LedgerResult(count, len(preview.new_units), len(preview.new_projects),
                        f"已导入任务 {count} 项，新建单位 {len(preview.new_units)} 个、"
                        f"重点工程 {len(preview.new_projects)} 项。")  # fmt: skip


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
