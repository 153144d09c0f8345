"""Archive export of a year: `python -m bench.archive_export [--documents 500] [--keep DIR]`.

The demo ledger with its issued documents cloned by plain SQL (new numbers, same PDFs) up to N
in 2026, then the program's `archive export --year 2026` (build, write with fsync, read back and
verify, in-process, CPU and wall) against the anchor: `cp -r` of the package it wrote plus
`sha256sum` of every file in the copy, as whole processes; medians of ``--rounds`` interleaved
rounds (every other round the anchor first). A ledger built here has its first export (which makes the archive copies) timed apart.
The run keeps its own XDG config and data folders (the ledger's audit key and anchor) beside the
ledger, never the user's. CPU counts the export's writer child (archive/writer.py) too."""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import PYTHON, Run, child, header, ms, row, times

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


def export(path: Path, out: Path, minute: int = 0) -> tuple[object, float, float]:
    """The program's export of 2026 from the ledger at ``path`` into ``out``, in-process:
    the result, wall and CPU seconds. ``minute``: the clock's, so that each round's package is
    made at its own time (its metadata.xml new bytes, as every real export's is)."""
    from datetime import datetime

    from desktop.services import archive
    from desktop.services.auth import system_actor
    from desktop.services.clock import FixedClock
    from desktop.services.ledger import open_ledger

    ledger = open_ledger(path, FixedClock(datetime(2026, 11, 28, 10, minute)))
    try:
        with ledger.session() as s:
            w, c, k = time.perf_counter(), time.process_time(), _children_cpu()
            result = archive.export_year(s, system_actor("基准"), 2026, out, leaves_pc=False)
            cpu = time.process_time() - c + _children_cpu() - k
            return result, time.perf_counter() - w, cpu
    finally:
        ledger.dispose()


def _children_cpu() -> float:
    """CPU seconds of this process's reaped children (the export's writer is one)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def anchor(package: Path, copy: Path) -> Run:
    subprocess.run(["sync"], check=False)
    return child(["bash", "-c",
                  f"cp -r '{package}' '{copy}' && sync && cd '{copy}' &&"
                  " find . -type f -print0 | xargs -0 sha256sum > /dev/null"])  # fmt: skip


def main() -> None:
    from desktop.services import audit_anchor  # its folders follow the XDG ones set below

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the ledger in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = args.keep or tmp
        path = folder / f"archive-{args.documents}.sqlite3"
        for kind in ("config", "data"):  # the ledger's audit key lives with it, not the user's
            os.environ[f"XDG_{kind.upper()}_HOME"] = str(folder / "xdg" / kind)
        first = None
        if not path.exists():
            build(path, args.documents)
            # The clones were written by plain SQL, as a ledger issued before migration 0017
            # is: their first export makes the archive copies and keeps them (what issuing
            # does since); the rounds below are the exports after.
            (tmp / "first").mkdir()
            first = export(path, tmp / "first")
            shutil.rmtree(tmp / "first")
        walls, cpus, anchors = [], [], []
        previous: Path | None = None  # the last round's package, the anchor's source
        for n in range(args.rounds):  # interleaved, so a neighbour's load hits both alike
            scratch = folder / "archive-run.sqlite3"
            shutil.copy(path, scratch)  # an export is recorded in the ledger: run on a copy
            # The copy replaces the last round's ledger on purpose: a new anchor, as a restore
            # starts one (the last round's would call this copy an older ledger, and warn).
            audit_anchor.forget(audit_anchor.location_of_file(scratch))
            # The copy's dirty pages are this script's, not the export's: synced before it, as
            # the anchor is (with the stick and the ledger on one file system, the export's
            # syncfs would write back the 245 MB copy too; a real stick is its own one).
            subprocess.run(["sync"], check=False)
            # Every other round the anchor goes first (copying the last round's package), so
            # that neither always runs right after the copy above and the removals below.
            anchor_first = previous is not None and n % 2 == 1
            if anchor_first:
                anchors.append(anchor(previous, tmp / f"copy-{n}"))  # type: ignore[arg-type]
            out = tmp / f"stick-{n}"
            out.mkdir()
            result, wall, cpu = export(scratch, out, minute=n + 1)
            walls.append(wall)
            cpus.append(cpu)
            if not anchor_first:
                anchors.append(anchor(result.path, tmp / f"copy-{n}"))  # type: ignore[attr-defined]
            shutil.rmtree(tmp / f"copy-{n}")
            if previous is not None:
                shutil.rmtree(previous.parent)
            previous = result.path  # type: ignore[attr-defined]
    header(
        f"archive export of 2026: {result.items} documents, {result.files} files, "  # type: ignore[attr-defined]
        f"{result.size / 1e6:.1f} MB (build, write with fsync, read back and verify); "  # type: ignore[attr-defined]
        f"medians of {args.rounds} interleaved rounds"
    )
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    anchor_wall = statistics.median(r.seconds for r in anchors)
    anchor_cpu = statistics.median(r.cpu for r in anchors)
    row("duban archive export, wall", ms(wall), ms(anchor_wall), times(wall, anchor_wall),
        "≤ 1.4×")  # fmt: skip
    row("  CPU", ms(cpu), ms(anchor_cpu), times(cpu, anchor_cpu), "")
    print("   anchor: cp -r of the written package + sync + sha256sum of every file of the copy")
    ratios = [w / r.seconds for w, r in zip(walls, anchors, strict=True)]
    print(f"   each round's ratio: {', '.join(f'{x:.2f}×' for x in ratios)}; their median "
          f"{statistics.median(ratios):.2f}×")  # fmt: skip
    print(f"   rounds, wall: {', '.join(ms(w) for w in walls)}; anchor: "
          f"{', '.join(ms(r.seconds) for r in anchors)}")  # fmt: skip
    if first is not None:
        print(f"   first export after the clones (archive copies made and kept): "
              f"{ms(first[1])} wall, {ms(first[2])} CPU")  # fmt: skip


if __name__ == "__main__":
    main()
