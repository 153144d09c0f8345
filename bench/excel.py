"""Measure the Excel round trip: `python -m bench.excel [--tasks 10000]`.

Templates and an import of ten filled files on the demo ledger, then ledger exports of the demo
and of a large ledger built with bulk inserts (no audit: a measurement, not a real ledger).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl

from db.enums import FundKind, FundSource, ReportSource, TaskStatus
from db.models import FundEntry, ProgressReport, Project, Task, Unit
from desktop.services import auth
from desktop.services.clock import FixedClock
from desktop.services.demo import build as demo
from desktop.services.excel.export import export_ledger
from desktop.services.excel.import_reports import apply_import, preview_import
from desktop.services.excel.templates import write_templates
from desktop.services.ledger import open_ledger

CLOCK = FixedClock(datetime(2026, 11, 28, 10, 0))


def _timed(label: str, fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def demo_round_trip(folder: Path) -> None:
    ledger = open_ledger(folder / "demo.sqlite3", CLOCK)
    actor = auth.system_actor("测量")
    with ledger.session() as session:
        demo.build_demo(session, actor)
        stick = folder / "stick"
        _timed("templates, 10 units", lambda: write_templates(session, "2026-11", stick))
        for path in stick.glob("*.xlsx"):
            book = openpyxl.load_workbook(path)
            ws = book["进度报送"]
            for row in range(5, ws.max_row + 1):
                ws[f"D{row}"] = min(int(ws[f"D{row}"].value or ws[f"C{row}"].value or 0) + 1, 100)
                ws[f"I{row}"] = 2.5
            book.save(path)
        preview = _timed("import preview, 10 files", lambda: preview_import(session, [stick]))
        result = _timed("import apply", lambda: apply_import(session, actor, preview))
        print(f"  {result.message}")
        _timed("export, demo ledger", lambda: export_ledger(session, folder / "demo.xlsx"))
        print(f"  {(folder / 'demo.xlsx').stat().st_size / 1024:.0f} kB")
    ledger.dispose()


def large_export(folder: Path, count: int) -> None:
    ledger = open_ledger(folder / "large.sqlite3", CLOCK)
    rng = random.Random(7)
    with ledger.session() as session:
        units = [
            Unit(name=f"单位{i:02d}", short_name=f"单位{i:02d}", sort_order=i) for i in range(40)
        ]
        session.add_all(units)
        session.flush()
        projects = [Project(code=f"{i:03d}", name=f"重点工程{i}", lead_unit_id=units[i % 40].id)
                    for i in range(100)]  # fmt: skip
        session.add_all(projects)
        session.flush()
        start = date(2026, 1, 1)
        for i in range(count):
            task = Task(code=f"T{i:05d}", project_id=projects[i % 100].id, title=f"任务{i}",
                        target="目标" * 10, lead_unit_id=units[i % 40].id, start=start,
                        deadline=start + timedelta(days=rng.randint(200, 700)),
                        status=TaskStatus.IN_PROGRESS)  # fmt: skip
            session.add(task)
            session.flush()
            for month in range(1, 11):
                session.add(ProgressReport(task_id=task.id, period=f"2026-{month:02d}",
                            percent=min(100, month * 8), progress="按计划推进" * 5,
                            submitted_on=date(2026, month, 25), source=ReportSource.MANUAL,
                            recorded_at=datetime(2026, month, 25)))  # fmt: skip
            for kind in FundKind:
                session.add(FundEntry(task_id=task.id, kind=kind, source=FundSource.CITY,
                                      amount=Decimal(rng.randint(1, 900) * 10000),
                                      entry_date=date(2026, 3, 1)))  # fmt: skip
        session.commit()
        print(f"large ledger: {count} tasks, {count * 10} reports, {count * 3} fund entries")
        target = folder / "large.xlsx"
        _timed(f"export, {count} tasks", lambda: export_ledger(session, target))
        print(f"  {target.stat().st_size / 1024 / 1024:.1f} MB")
    ledger.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        demo_round_trip(Path(folder))
        large_export(Path(folder), args.tasks)


if __name__ == "__main__":
    main()
