"""Plan an import against the ledger: classify each task row of each parsed file, or refuse the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import FundKind, ReportSource
from db.models import ProgressReport, Task, Unit
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.excel import fund_sync
from desktop.services.excel.layout import BY_KEY
from desktop.services.excel.preview_model import FilePreview, ImportPreview, PreviewRow
from desktop.services.excel.reading.report_sheet import INFO_CELL, ParsedFile, SheetRow
from desktop.services.funds import yuan_to_wan
from desktop.services.percents import percent_text
from desktop.services.periods import Period
from desktop.services.progress import ReportInput, batch_of, check_report

_FIELDS = {"percent": "完成百分比", "progress": "进展", "problems": "问题",
           "next_steps": "下步打算", "fall_reason": "回落原因"}  # fmt: skip
_FIELD_CELLS = {"percent": "percent", "fall_reason": "fall_reason"}


@dataclass
class _FilePlan:
    rows: list[PreviewRow] = field(default_factory=list)
    reports: list[ReportInput] = field(default_factory=list)
    funds: list[fund_sync.FundChange] = field(default_factory=list)


class Planner:
    """Plans files in order; remembers what earlier files said, to catch duplicates between them."""

    def __init__(self, session: Session, expect_period: str | None, expect_unit_id: int | None):
        self.session = session
        self.today = clock_of(session).today()
        self.expect_period, self.expect_unit_id = expect_period, expect_unit_id
        self.first_seen: dict[tuple[int, str], tuple[str, tuple]] = {}
        self.by_sha: dict[str, str] = {}
        self.batch: dict[int, dict[str, tuple[Decimal | int, str]]] = {}

    def plan(self, parsed: list[ParsedFile]) -> ImportPreview:
        preview = ImportPreview([], [], parsed=parsed, expect_period=self.expect_period,
                                expect_unit_id=self.expect_unit_id)  # fmt: skip
        _refuse_rivals(parsed)
        # Judge each report with the batch's other periods too, as saving them will
        # (progress.record_reports): November's file and December's in one folder.
        self.batch = batch_of(
            _report_input(item, row)
            for item in parsed
            if not item.problems
            for row in item.rows
            if not row.empty
        )
        for item in parsed:
            plan = self._plan_file(item)
            if item.problems:
                plan.rows = [r for r in plan.rows if r.change == "duplicate"] + [
                    PreviewRow(p.file, p.sheet, p.cell, "", "", "", item.period, "rejected",
                               p.reason)
                    for p in item.problems
                ]  # fmt: skip
            else:
                preview.reports += plan.reports
                preview.fund_changes += plan.funds
            preview.rows += plan.rows
            units = tuple(u for _, _, u in item.units)
            messages = tuple(p.message for p in item.problems)
            preview.files.append(FilePreview(item.key, item.name, item.period, units, messages))
        return preview

    def _plan_file(self, item: ParsedFile) -> _FilePlan:
        plan = _FilePlan()
        if item.problems:
            return plan
        copy_of = self.by_sha.get(item.sha256)
        if copy_of is None:
            self.by_sha[item.sha256] = item.name
            self._check_file(item)
        ids = [r.task_id for r in item.rows]
        tasks = {t.id: t for t in self.session.scalars(select(Task).where(Task.id.in_(ids)))}
        existing = {
            r.task_id: r
            for r in self.session.scalars(
                select(ProgressReport).where(
                    ProgressReport.task_id.in_(ids), ProgressReport.period == item.period
                )
            )
        }
        entries = fund_sync.period_entries(self.session, ids, item.period)
        for row in item.rows:
            if copy_of is not None:
                plan.rows.append(
                    _row(item, row, "duplicate", f"与“{copy_of}”是同一文件，以“{copy_of}”为准")
                )
            else:
                self._plan_row(item, row, tasks.get(row.task_id), existing, entries, plan)
        return plan

    def _check_file(self, item: ParsedFile) -> None:
        first_sheet = item.units[0][0] if item.units else ""
        if self.expect_period and item.period != str(Period.parse(self.expect_period)):
            item.refuse(f"这是{Period.parse(item.period).label}的报送表，当前导入的是"
                        f"{Period.parse(self.expect_period).label}", first_sheet, INFO_CELL)  # fmt: skip
        for sheet, unit_id, unit in item.units:
            current = self.session.get(Unit, unit_id)
            if current is None or current.name != unit:
                item.refuse(f"台账中找不到单位“{unit}”（模板可能来自其他台账）", sheet, INFO_CELL)
            elif self.expect_unit_id is not None and unit_id != self.expect_unit_id:
                wanted = self.session.get(Unit, self.expect_unit_id)
                item.refuse(f"这是“{unit}”的报送表，当前导入的是“{wanted.name if wanted else '?'}”的",
                            sheet, INFO_CELL)  # fmt: skip

    def _plan_row(
        self,
        item: ParsedFile,
        row: SheetRow,
        task: Task | None,
        existing: dict[int, ProgressReport],
        entries: dict[tuple[int, FundKind], fund_sync.PeriodEntry],
        plan: _FilePlan,
    ) -> None:
        where = f"A{row.row}"
        if task is None or task.code != row.code:
            item.refuse(
                "台账中找不到该任务（模板可能来自其他台账，或任务已删除）", row.sheet, where
            )
            return
        if task.lead_unit_id != row.unit_id:
            item.refuse(f"任务 {task.code} 已改由其他单位牵头，请重新下发模板", row.sheet, where)
            return
        if row.empty:
            plan.rows.append(_row(item, row, "skipped", "本行未填写，不导入"))
            return
        data = _report_input(item, row)
        content = _content(data, row)
        key = (task.id, item.period)
        if key in self.first_seen:
            other, other_content = self.first_seen[key]
            if other_content == content:
                plan.rows.append(
                    _row(item, row, "duplicate", f"与“{other}”内容相同，以“{other}”为准")
                )
            else:
                item.refuse(f"任务 {task.code} 在“{other}”中也有报送且内容不同，请确认以哪份为准",
                            row.sheet, where)  # fmt: skip
            return
        self.first_seen[key] = (item.name, content)
        try:
            check_report(self.session, data, self.today, self.batch.get(task.id))
        except ValidationError as exc:
            column = _FIELD_CELLS.get(exc.field or "")
            cell = f"{BY_KEY[column].letter}{row.row}" if column else where
            item.refuse(exc.message.removeprefix(f"任务 {task.code}："), row.sheet, cell)
            return
        before = existing.get(task.id)
        change, details = _report_change(before, data)
        if before is None or change == "changed":
            plan.reports.append(data)
        for kind, amount in ((FundKind.ARRIVED, row.arrived), (FundKind.SPENT, row.spent)):
            fund = fund_sync.diff(entries.get((task.id, kind)), task.id, kind, item.period,
                                  amount, row.source)  # fmt: skip
            if fund is not None:
                plan.funds.append(fund)
                amount_text = f"{yuan_to_wan(fund.amount)} 万元" if fund.amount else "撤销"
                details.append(f"{kind.label}资金 {amount_text}")
                change = "changed" if change == "unchanged" else change
        plan.rows.append(_row(item, row, change, "；".join(details) or "与台账一致"))


def _refuse_rivals(parsed: list[ParsedFile]) -> None:
    """Two different files for one unit and one period that disagree on a task: neither wins
    (the desk cannot know which the unit meant), and each names the other."""
    groups: dict[tuple[int, str], list[ParsedFile]] = {}
    for item in parsed:
        if not item.problems:
            for _sheet, unit_id, _unit in item.units:
                groups.setdefault((unit_id, item.period), []).append(item)
    for (unit_id, period), items in groups.items():
        distinct = list({item.sha256: item for item in items}.values())
        if len(distinct) < 2:
            continue
        seen: dict[int, tuple] = {}
        differ: list[str] = []
        for item in distinct:
            for row in item.rows:
                if row.unit_id != unit_id or row.empty:
                    continue
                content = _content(_report_input(item, row), row)
                if seen.setdefault(row.task_id, content) != content and row.code not in differ:
                    differ.append(row.code)
        if not differ:
            continue  # the same reports twice: the second is marked duplicate, the first wins
        names = "、".join(f"“{item.name}”" for item in distinct)
        unit = next(u for _s, uid, u in distinct[0].units if uid == unit_id)
        codes = "、".join(differ[:5]) + ("等" if len(differ) > 5 else "")
        for item in distinct:
            sheet = next(s for s, uid, _u in item.units if uid == unit_id)
            item.refuse(
                f"{names}都是{unit}{Period.parse(period).label}的报送表，任务 {codes} 的内容不同，"
                "两份都不导入：请与单位确认以哪份为准，移出另一份后重新导入",
                sheet,
                INFO_CELL,
            )


def _row(item: ParsedFile, row: SheetRow, change: str, detail: str) -> PreviewRow:
    return PreviewRow(item.name, row.sheet, f"A{row.row}", row.code, row.title, row.unit,
                      item.period, change, detail)  # fmt: skip


def _report_input(item: ParsedFile, row: SheetRow) -> ReportInput:
    return ReportInput(
        task_id=row.task_id,
        period=item.period,
        percent=row.percent or 0,
        progress=row.texts["progress"],
        problems=row.texts["problems"],
        next_steps=row.texts["next_steps"],
        fall_reason=row.texts["fall_reason"],
        source=ReportSource.EXCEL,
        source_file=item.name,
        source_sha256=item.sha256,
    )


def _content(data: ReportInput, row: SheetRow) -> tuple:
    source = row.source if (row.arrived or row.spent) else None
    return tuple(getattr(data, f) for f in _FIELDS) + (row.arrived or 0, row.spent or 0, source)


def _report_change(before: ProgressReport | None, data: ReportInput) -> tuple[str, list[str]]:
    if before is None:
        return "new", [f"完成 {percent_text(data.percent)}%"]
    changed = [f for f in _FIELDS if getattr(before, f) != getattr(data, f)]
    if not changed:
        return "unchanged", []
    return "changed", [
        f"完成百分比 {percent_text(before.percent)}%→{percent_text(data.percent)}%"
        if f == "percent"
        else f"{_FIELDS[f]}有改动"
        for f in changed
    ]
