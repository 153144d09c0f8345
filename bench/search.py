"""Measure 全文检索 on a large ledger: `python bench/search.py [--tasks 100000] [--periods 36]`.

Builds (once, cached in the temp folder) a ledger of N tasks with N×periods progress reports
whose texts are drawn from the demo's phrases, a few rare words planted, indexed exactly as
the desk indexes (db.search), then prints the median time of each kind of query over 5 runs
against the 200 ms a clerk may wait.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from db import search as index  # noqa: E402
from db.models import ProgressReport, SearchEntry, Task  # noqa: E402
from desktop.services.demo.data import NEXT_TEXT, PROBLEMS_TEXT, PROGRESS_TEXT  # noqa: E402
from desktop.services.ledger import open_ledger  # noqa: E402
from desktop.services.search.query import search  # noqa: E402

LIMIT_MS = 200
PLACES = ["城东", "城西", "江北", "江南", "高新区", "开发区", "临江镇", "白沙乡", "青石街道"]
THINGS = ["视频监控", "消防通道", "燃气管网", "矛盾纠纷", "网格员", "综治中心", "护路联防"]
UNITS = ["市公安局", "市应急管理局", "市住建局", "市卫生健康委员会", "市司法局", "市民政局"]
RARE = "充电桩"  # planted in one report in 5,000


def build(path: Path, tasks: int, periods: int) -> None:
    """Bare rows straight into the tables (no project or unit needed for searching)."""
    rng = random.Random(7)
    ledger = open_ledger(path)
    ledger.dispose()
    t0 = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    # Bulk load without the per-row triggers, then build the full-text index in one go.
    triggers = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type='trigger' AND tbl_name='search_entry'"
    ).fetchall()
    for (sql,) in triggers:
        conn.execute("DROP TRIGGER " + sql.split()[2])
    entry_sql = (
        "INSERT INTO search_entry (kind, ref_id, task_id, title, body, terms, pinyin) "
        "VALUES (:kind, :ref_id, :task_id, :title, :body, :terms, :pinyin)"
    )
    conn.execute(
        "INSERT INTO unit (id, name, short_name, contact_person, contact_phone, sort_order)"
        " VALUES (1, '市测试局', '测试局', '', '', 1)"
    )
    conn.execute(
        "INSERT INTO project (id, code, name, description, lead_unit_id)"
        " VALUES (1, 'P1', '测试工程', '', 1)"
    )
    rows, entries = [], []
    for i in range(1, tasks + 1):
        title = f"{rng.choice(PLACES)}{rng.choice(THINGS)}建设第{i}项"
        leader = rng.choice(UNITS)
        rows.append((i, f"B{i:06d}", title, leader))
        obj = SimpleNamespace(
            id=i, code=f"B{i:06d}", title=title, target="", leader_in_charge=leader, note=""
        )
        entry = index.entry_values(obj, Task)
        assert entry is not None
        entries.append(entry)
    conn.executemany(
        "INSERT INTO task (id, code, project_id, title, target, lead_unit_id, leader_in_charge,"
        " start, deadline, status, note) VALUES (?, ?, 1, ?, '', 1, ?, '2025-01-01',"
        " '2027-12-31', 'in_progress', '')",
        rows,
    )
    conn.executemany(entry_sql, entries)
    print(f"  {tasks:,} tasks indexed in {time.perf_counter() - t0:.1f} s", flush=True)
    report_id = 0
    for p in range(periods):
        period = f"{2024 + p // 12}-{p % 12 + 1:02d}"
        reports, entries = [], []
        for task in range(1, tasks + 1):
            report_id += 1
            progress = f"{rng.choice(PLACES)}{rng.choice(PROGRESS_TEXT)}，{rng.choice(UNITS)}配合"
            if report_id % 5000 == 0:
                progress += f"，新建{RARE}{rng.randint(2, 40)}个"
            problems, steps = rng.choice(PROBLEMS_TEXT), rng.choice(NEXT_TEXT)
            reports.append(
                (report_id, task, period, rng.randint(0, 100), progress, problems, steps)
            )
            body = "\n".join(x for x in (progress, problems, steps) if x)
            entries.append(
                {
                    "kind": "report",
                    "ref_id": report_id,
                    "task_id": task,
                    "title": f"{period} 进度报送",
                    "body": body,
                    "terms": index.tokens(body),
                    "pinyin": "",
                }
            )
        conn.executemany(
            "INSERT INTO progress_report (id, task_id, period, percent, progress, problems,"
            " next_steps, fall_reason, submitted_on, source, source_file, source_sha256,"
            " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', '2026-01-01', 'manual', '', '',"
            " '2026-01-01 09:00:00.000000')",
            reports,
        )
        conn.executemany(entry_sql, entries)
        conn.commit()
        print(
            f"  period {p + 1}/{periods}: {report_id:,} reports, {time.perf_counter() - t0:.0f} s",
            flush=True,
        )
    for (sql,) in triggers:
        conn.execute(sql)
    t1 = time.perf_counter()
    conn.execute(f"INSERT INTO {index.FTS_TABLE}({index.FTS_TABLE}) VALUES ('rebuild')")
    conn.execute(f"INSERT INTO {index.FTS_TABLE}({index.FTS_TABLE}) VALUES ('optimize')")
    print(f"  full-text index built in {time.perf_counter() - t1:.0f} s", flush=True)
    conn.commit()
    conn.close()


QUERIES = [
    ("two characters, common", "推进"),
    ("two characters, a place", "江北"),
    ("three characters, rare (1 in 5,000 reports)", RARE),
    ("unit name", "市应急管理局"),
    ("two words", "江北 招标"),
    ("pinyin, full", "gongan"),
    ("pinyin, initials", "gaj"),
    ("a task code", "b012345"),
    ("nothing found", "不存在的词语"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--periods", type=int, default=36)
    args = parser.parse_args()
    path = Path(tempfile.gettempdir()) / f"duban-bench-search-{args.tasks}x{args.periods}.sqlite3"
    if not path.exists():
        print(f"building {path} …", flush=True)
        partial = path.with_suffix(".part")
        for p in path.parent.glob(partial.name + "*"):
            p.unlink()
        build(partial, args.tasks, args.periods)
        partial.rename(path)
    ledger = open_ledger(path)
    with ledger.session() as session:
        reports = session.scalar(select(func.count()).select_from(ProgressReport))
        entries = session.scalar(select(func.count()).select_from(SearchEntry))
        print(
            f"ledger: {args.tasks:,} tasks, {reports:,} reports, {entries:,} index entries, "
            f"{path.stat().st_size / 2**20:,.0f} MB"
        )
        print(f"{'query':48} {'hits':>6} {'median ms':>10}  (limit {LIMIT_MS} ms)")
        for label, query in QUERIES:
            times, found = [], None
            for _ in range(5):
                t = time.perf_counter()
                found = search(session, query)
                times.append((time.perf_counter() - t) * 1000)
            assert found is not None
            ms = statistics.median(times)
            verdict = "ok" if ms < LIMIT_MS else "SLOW"
            print(f"{label + ' ' + repr(query):48} {found.count:>6} {ms:>10.1f}  {verdict}")
    ledger.dispose()


if __name__ == "__main__":
    main()
