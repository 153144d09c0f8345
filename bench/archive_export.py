"""Archive export of a year: `python -m bench.archive_export [--documents 500] [--keep DIR]`.

The demo ledger with its issued documents cloned by plain SQL (new numbers, same PDFs) up to N
in 2026, then the program's `archive export --year 2026` (build, write with fsync, read back and
verify, in-process, CPU and wall) against the anchor: `cp -r` of the package it wrote plus
`sha256sum` of every file in the copy, as whole processes."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import PYTHON, child, header, ms, row, times

TODAY = "2026-11-28"


def build(path: Path, documents: int) -> None:
    child([PYTHON, "-m", "desktop", "--database", str(path), "--today", TODAY, "demo"])
    db = sqlite3.connect(path)
    issued = [r[0] for r in db.execute("SELECT id FROM document WHERE status = 'issued'")]
    columns = [r[1] for r in db.execute("PRAGMA table_info(document)") if r[1] != "id"]
    plain = ", ".join(columns)
    made = len(issued)
    serial = db.execute("SELECT max(serial) FROM document").fetchone()[0] or 0
    while made < documents:
        source = issued[made % len(issued)]
        serial += 1
        picked = ", ".join(
            {"serial": "?", "number": "prefix || '〔2026〕' || ? || '号'"}.get(c, c)
            for c in columns
        )
        db.execute(
            f"INSERT INTO document ({plain}) SELECT {picked} FROM document WHERE id = ?",
            (serial, serial, source),
        )
        made += 1
    db.commit()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the ledger in this folder")
    args = parser.parse_args()
    from desktop.services import archive
    from desktop.services.auth import system_actor
    from desktop.services.clock import FixedClock
    from desktop.services.ledger import open_ledger

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = args.keep or tmp
        path = folder / f"archive-{args.documents}.sqlite3"
        if not path.exists():
            build(path, args.documents)
        scratch = folder / "archive-run.sqlite3"
        shutil.copy(path, scratch)  # an export is recorded in the ledger: run on a copy
        from datetime import datetime

        ledger = open_ledger(scratch, FixedClock(datetime(2026, 11, 28, 10)))
        out = tmp / "stick"
        out.mkdir()
        with ledger.session() as s:
            w, c = time.perf_counter(), time.process_time()
            result = archive.export_year(s, system_actor("基准"), 2026, out, leaves_pc=False)
            wall, cpu = time.perf_counter() - w, time.process_time() - c
        ledger.dispose()
        package = result.path
        copy = tmp / "copy"
        subprocess.run(["sync"], check=False)
        anchor = child(["bash", "-c",
                        f"cp -r '{package}' '{copy}' && sync && cd '{copy}' &&"
                        " find . -type f -print0 | xargs -0 sha256sum > /dev/null"])  # fmt: skip
    header(
        f"archive export of 2026: {result.items} documents, {result.files} files, "
        f"{result.size / 1e6:.1f} MB (build, write with fsync, read back and verify)"
    )
    row("duban archive export, wall", ms(wall), ms(anchor.seconds), times(wall, anchor.seconds),
        "≤ 1.4×")  # fmt: skip
    row("  CPU", ms(cpu), ms(anchor.cpu), times(cpu, anchor.cpu), "")
    print("   anchor: cp -r of the written package + sync + sha256sum of every file of the copy")


if __name__ == "__main__":
    main()
