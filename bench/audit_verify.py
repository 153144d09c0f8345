"""Measure `duban audit` over a large audit log against a bare re-hash loop (issue 11's row).

    python bench/audit_verify.py [--entries 1000000] [--runs 3]

Builds a ledger whose log holds N entries (one written through the services, so the ledger has
its key; the rest by bulk SQL insert with real HMAC chaining), then runs, as separate processes
and interleaved, (a) a bare Python loop that re-hashes the same chain with sqlite3, json and
hmac only, and (b) `python -m desktop --database FILE audit`. Prints wall time and peak RSS of
each run and the medians with the ratio. A measurement, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE_LOOP = r"""
import hmac, json, sqlite3, sys
path, key = sys.argv[1], bytes.fromhex(sys.argv[2])
encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
digest = hmac.digest
connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
cursor = connection.execute(
    "SELECT id, seq, at, user_id, actor, action, entity, entity_id, summary, detail, prev_hash,"
    " hash FROM audit_entry ORDER BY id"
)
prev, n, bad = "0" * 64, 0, None
while rows := cursor.fetchmany(10000):
    for i, s, at, u, a, ac, e, ei, su, d, p, h in rows:
        n += 1
        msg = encode([p, s, at[:19].replace(" ", "T", 1), u, a, ac, e, ei, su, d]).encode()
        if s != n or p != prev or digest(key, msg, "sha256").hex() != h:
            bad = i
            break
        prev = h
    if bad:
        break
print(n, bad)
"""


def build(path: Path, entries: int, config: Path) -> bytes:
    os.environ["DUBAN_CONFIG_DIR"] = str(config)
    from db import chain
    from desktop.services import audit, auth, tasks
    from desktop.services.ledger import open_ledger

    ledger = open_ledger(path)
    with ledger.session() as session:
        tasks.create_unit(session, auth.system_actor("基准"), "基准单位")
        uid, key = audit.chain_key(session)
    ledger.dispose()
    connection = sqlite3.connect(path)
    prev, seq = connection.execute(
        "SELECT hash, seq FROM audit_entry ORDER BY id DESC LIMIT 1"
    ).fetchone()
    start = datetime(2026, 1, 1, 8, 0)
    batch = []
    t0 = time.perf_counter()
    for n in range(seq + 1, entries + 1):
        at = (start + timedelta(seconds=n * 7)).strftime("%Y-%m-%d %H:%M:%S.000000")
        detail = json.dumps({"percent": n % 100, "period": f"2026-{n % 12 + 1:02d}"})
        row: list[Any] = [n, at, None, "科员甲（clerk）", "update", "progress_report", str(n % 5000),
               f"报送进度：任务 {n % 37 + 1}，第 {n} 次更新", detail]  # fmt: skip
        digest = chain.mac(key, chain.canonical(prev, *row))
        batch.append((*row, prev, digest))
        prev = digest
        if len(batch) == 50_000:
            _insert(connection, batch)
            batch = []
    _insert(connection, batch)
    connection.commit()
    connection.close()
    print(
        f"built {entries:,} entries in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.0f} MB)"
    )
    return key


def _insert(connection: sqlite3.Connection, batch: list[tuple[object, ...]]) -> None:
    connection.executemany(
        "INSERT INTO audit_entry (seq, at, user_id, actor, action, entity, entity_id, summary,"
        " detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        batch,
    )


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """Wall and CPU (user+sys) seconds, peak RSS in MB, first output line. GNU time reports the
    child's own peak (a fork of this big process would otherwise count in wait4's figure)."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "@@ %U %S %M", *command], capture_output=True, text=True, env=env
    )
    wall = time.perf_counter() - start
    stats = [line for line in done.stderr.splitlines() if line.startswith("@@ ")][-1].split()
    cpu, rss = float(stats[1]) + float(stats[2]), int(stats[3]) / 1024
    return wall, cpu, rss, (done.stdout.strip().splitlines() or [""])[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="duban-audit-bench-") as tmp:
        path, config = Path(tmp) / "ledger.sqlite3", Path(tmp) / "config"
        key = build(path, args.entries, config)
        env = {**os.environ, "DUBAN_CONFIG_DIR": str(config), "PYTHONPATH": str(ROOT)}
        bare = [sys.executable, "-c", BARE_LOOP, str(path), key.hex()]
        duban = [sys.executable, "-m", "desktop", "--database", str(path), "audit", "--last", "0"]
        results: dict[str, list[tuple[float, float, float]]] = {"bare loop": [], "duban audit": []}
        for run in range(args.runs):
            for label, command in (("bare loop", bare), ("duban audit", duban)):
                wall, cpu, rss, out = measure(command, env)
                results[label].append((wall, cpu, rss))
                print(
                    f"run {run + 1} {label:<12} {wall:7.2f} s wall {cpu:7.2f} s cpu {rss:5.0f} MB  {out}"
                )
        print()
        medians = {}
        for label, runs in results.items():
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            rss = max(r[2] for r in runs)
            medians[label] = (wall, cpu)
            print(
                f"{label:<12} median {wall:7.2f} s wall, {cpu:7.2f} s cpu, peak RSS {rss:5.0f} MB"
            )
        wall_ratio = medians["duban audit"][0] / medians["bare loop"][0]
        cpu_ratio = medians["duban audit"][1] / medians["bare loop"][1]
        print(
            f"duban audit / bare loop: {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x cpu "
            f"({args.entries:,} entries; needed <= 1.5x, <= 150 MB)"
        )


if __name__ == "__main__":
    main()
