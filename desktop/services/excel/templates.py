"""Report templates: for a period, one pre-filled, locked workbook per lead unit (or one for all)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import FundKind, FundSource
from db.models import FundEntry, Task
from desktop.services import settings
from desktop.services.clock import clock_of
from desktop.services.errors import NotFound, ValidationError
from desktop.services.excel import fund_sync
from desktop.services.files import write_atomically
from desktop.services.funds import totals_by_task
from desktop.services.jobs import Progress, step
from desktop.services.periods import Period
from desktop.services.progress import period_grid
from desktop.services.tasks import list_units

if TYPE_CHECKING:
    from desktop.services.excel.template_book import UnitSheet


@dataclass(frozen=True)
class TemplateFile:
    path: Path
    units: tuple[str, ...]
    tasks: int


def unit_sheets(session: Session, period: str, unit_name: str | None = None) -> list[UnitSheet]:
    """Each lead unit with open tasks in the period, and what the ledger already knows of them."""
    # openpyxl comes with the workbook module: loaded when a template is made, not at start
    from desktop.services.excel.template_book import TemplateRow, UnitSheet

    period = str(Period.parse(period))
    units = list_units(session)
    if unit_name:
        wanted = unit_name.strip()
        units = [u for u in units if wanted in (u.name, u.short_name)]
        if not units:
            raise NotFound(f"找不到单位“{wanted}”。")
    sheets = []
    for unit in units:
        grid = period_grid(session, unit.id, period)
        if not grid:
            continue
        ids = [g.task_id for g in grid]
        tasks = {t.id: t for t in session.scalars(select(Task).where(Task.id.in_(ids)))}
        budgets = totals_by_task(session, ids)
        entries = fund_sync.period_entries(session, ids, period)
        sources = _main_sources(session, ids)
        rows = []
        for g in grid:
            task = tasks[g.task_id]
            arrived = entries.get((g.task_id, FundKind.ARRIVED))
            spent = entries.get((g.task_id, FundKind.SPENT))
            known = arrived or spent
            rows.append(
                TemplateRow(
                    g.task_id,
                    g.code,
                    g.title,
                    g.previous_percent,
                    task.deadline,
                    budgets[g.task_id].budget if g.task_id in budgets else Decimal(0),
                    task.target,
                    g.report,
                    None if arrived is None else arrived.amount,
                    None if spent is None else spent.amount,
                    known.source if known else sources.get(g.task_id, FundSource.CITY),
                )
            )
        sheets.append(UnitSheet(unit.id, unit.name, unit.short_name, rows))
    if not sheets:
        who = f"单位“{unit_name}”" if unit_name else "各单位"
        raise ValidationError(f"{who}在{Period.parse(period).label}没有需要报送的任务。")
    return sheets


def _main_sources(session: Session, ids: list[int]) -> dict[int, FundSource]:
    """The source that carries most of each task's budget: the likeliest for new money."""
    best: dict[int, tuple[Decimal, FundSource]] = {}
    for task_id, source, total in session.execute(
        select(FundEntry.task_id, FundEntry.source, func.sum(FundEntry.amount))
        .where(FundEntry.task_id.in_(ids), FundEntry.kind == FundKind.BUDGET)
        .group_by(FundEntry.task_id, FundEntry.source)
    ):
        amount = Decimal(total)
        if task_id not in best or amount > best[task_id][0]:
            best[task_id] = (amount, source)
    return {task_id: source for task_id, (_, source) in best.items()}


def safe_file_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._") or "报送表"


def write_templates(
    session: Session,
    period: str,
    out_dir: Path,
    unit_name: str | None = None,
    single: bool = False,
    progress: Progress | None = None,
) -> list[TemplateFile]:
    """Write the templates into ``out_dir``; one file per unit, or one for all with ``single``."""
    period = str(Period.parse(period))
    sheets = unit_sheets(session, period, unit_name)
    clock = clock_of(session)
    rules = settings.lamp_rules(session)
    city = settings.office(session).city
    due = Period.parse(period).due(rules.report_day)
    stamp = clock.now().isoformat(timespec="seconds")
    groups = [sheets] if single else [[s] for s in sheets]
    written = []
    for index, group in enumerate(groups):
        step(progress, index, len(groups))
        name = (
            f"进度报送_{period}_全部单位.xlsx"
            if single
            else f"{safe_file_name(group[0].unit)}_{period}.xlsx"
        )
        from desktop.services.excel.template_book import build_workbook  # openpyxl: when drawn

        book = build_workbook(period, group, stamp, due, city)
        path = write_atomically(Path(out_dir) / name, book.save)
        written.append(
            TemplateFile(path, tuple(s.unit for s in group), sum(len(s.rows) for s in group))
        )
    step(progress, len(groups), len(groups))
    return written
