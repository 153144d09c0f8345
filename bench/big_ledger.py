"""The big ledger the benches time: the demo, its tasks (with their last three reports) cloned
up to N tasks by plain SQL — a fixture for timing only, not a way to write a ledger."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.services import auth
from desktop.services.clock import FixedClock
from desktop.services.demo import build as demo
from desktop.services.ledger import open_ledger

CLOCK = FixedClock(datetime(2026, 11, 28, 9, 0))


def build(path: Path, tasks: int) -> None:
    ledger = open_ledger(path, CLOCK)
    with ledger.session() as session:
        demo.build_demo(session, auth.system_actor("基准"))
    ledger.dispose()
    if tasks <= 37:
        return
    db = sqlite3.connect(path)
    columns = "project_id, title, target, lead_unit_id, leader_in_charge, start, deadline, status, closed_on, note"
    copies = (tasks - 37 + 36) // 37
    for n in range(1, copies + 1):
        db.execute(
            f"INSERT INTO task (code, {columns}) SELECT code || '-' || ?, {columns} FROM task WHERE id <= 37",
            (f"{n:05d}",),
        )
        db.execute(
            "INSERT INTO progress_report (task_id, period, percent, progress, problems, next_steps,"
            " fall_reason, submitted_on, source, source_file, source_sha256, recorded_at)"
            " SELECT t.id, r.period, r.percent, r.progress, r.problems, r.next_steps, r.fall_reason,"
            " r.submitted_on, r.source, r.source_file, r.source_sha256, r.recorded_at"
            " FROM task t JOIN task o ON o.code = substr(t.code, 1, 5)"
            " JOIN progress_report r ON r.task_id = o.id AND r.period >= '2026-09'"
            " WHERE t.code LIKE '%-' || ?",
            (f"{n:05d}",),
        )
    db.execute("DELETE FROM task WHERE id > ?", (tasks,))
    # Plain SQL has no foreign keys on: drop the reports of the clones cut off above too.
    db.execute("DELETE FROM progress_report WHERE task_id > ?", (tasks,))
    db.commit()
    db.close()
