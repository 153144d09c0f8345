"""Measure the audit log's lookups by action and object with and without migration 0016's index.

    python bench/audit_lookup.py [--entries 1000000] [--runs 20]

Builds a SQLite ledger whose log holds N entries by bulk insert (progress updates, with one
document issued per 1,000 entries; the chain's hashes are not real: nothing here verifies
them), then times, with ix_audit_entry_action and after dropping it: the lookup of the hash a
document's issue entry recorded (what notice render and 另存为 PDF/OFD run per save, for the
first and the last document issued) and issued_hashes() (archive export, once per export).
Prints the median of each and the plan SQLite chose. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

INDEX = "ix_audit_entry_action"


def build(path: Path, entries: int) -> int:
    """The ledger at head, then N entries; returns how many documents were issued."""
    from desktop.services.ledger import open_ledger

    open_ledger(path).dispose()
    connection = sqlite3.connect(path)
    batch: list[tuple[object, ...]] = []
    docs = 0
    t0 = time.perf_counter()
    for n in range(1, entries + 1):
        if n % 1000 == 0:
            docs += 1
            row = ("issue", "document", str(docs), json.dumps({"sha256": f"{n:064x}"}))
        else:
            row = ("update", "progress_report", str(n % 5000), '{"percent": 50}')
        batch.append((n, "2026-01-01 08:00:00.000000", "科员甲（clerk）", *row, "摘要",
                      f"{n - 1:064x}", f"{n:064x}"))  # fmt: skip
        if len(batch) == 50_000:
            _insert(connection, batch)
            batch = []
    _insert(connection, batch)
    connection.commit()
    connection.close()
    print(f"built {entries:,} entries ({docs:,} issued documents) in "
          f"{time.perf_counter() - t0:.1f} s, {path.stat().st_size / 1e6:.0f} MB")  # fmt: skip
    return docs


def _insert(connection: sqlite3.Connection, batch: list[tuple[object, ...]]) -> None:
    connection.executemany(
        "INSERT INTO audit_entry (seq, at, actor, action, entity, entity_id, detail, summary,"
        " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
        batch,
    )


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm the page cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from sqlalchemy import text

    from desktop.services.archive.sources import issued_hashes
    from desktop.services.ledger import open_ledger
    from desktop.services.notices.register import issue_entry_query

    with tempfile.TemporaryDirectory(prefix="duban-audit-lookup-") as tmp:
        os.environ["DUBAN_CONFIG_DIR"] = str(Path(tmp) / "config")
        path = Path(tmp) / "ledger.sqlite3"
        docs = build(path, args.entries)
        ledger = open_ledger(path)

        def issue_hash(doc_id: int) -> object:
            with ledger.session() as session:  # as register.copy_of asks it
                return session.scalar(issue_entry_query(doc_id))

        def export_hashes() -> object:
            with ledger.session() as session:
                return issued_hashes(session)

        sql = (
            "EXPLAIN QUERY PLAN SELECT detail FROM audit_entry WHERE action = 'issue' AND"
            " entity = 'document' AND entity_id = '1' ORDER BY id DESC LIMIT 1"
        )
        for label in ("with the index", "without it"):
            fresh = sqlite3.connect(path)  # a connection that surely sees the dropped index
            plan = " / ".join(str(r[-1]) for r in fresh.execute(sql))
            fresh.close()
            first = median_ms(lambda: issue_hash(1), args.runs)
            last = median_ms(lambda: issue_hash(docs), args.runs)
            export = median_ms(export_hashes, max(3, args.runs // 4))
            print(f"{label:<15} issue hash: first doc {first:8.2f} ms, last doc {last:8.2f} ms;"
                  f" issued_hashes() {export:8.2f} ms  [{plan}]")  # fmt: skip
            with ledger.engine.begin() as connection:
                connection.execute(text(f"DROP INDEX IF EXISTS {INDEX}"))
        ledger.dispose()


if __name__ == "__main__":
    main()
