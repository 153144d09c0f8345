"""Ledger-scale reads: `python -m bench.ledger_reads [--tasks 37 2000 10000 100000] [--keep DIR]`.

Builds the demo ledger cloned by plain SQL up to N tasks (bench/big_ledger.py), makes
the lamp cache current once (as the first read of a day does), then prints per scale:
`duban status` in a whole process against the same rows read by a bare SQL script
(bench/status_sql.py) in a whole process; the same two in-process (queries and text only);
and the reads behind the 工作台, 督办 proposals and the ledger page. Each figure is wall and
CPU; the last column is the time per row returned, which must not grow with the ledger.

The window's reads (工作台, proposals, ledger page) run under the desk's garbage-collection
policy, as they do in the program once its main window is up (desktop/ui/idle.py: what exists
frozen, no automatic full collections); the two status reads under CPython's default, as the
command has it. Under the default a full collection walks every row already built: the
工作台's 19,000 red rows at 100,000 tasks cost 30 % more per row than 1,900 at 10,000."""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from bench import big_ledger
from bench.common import PYTHON, ROOT, child, header, interleaved, ms

TODAY = "2026-11-28"
PAGE = 200  # rows the ledger table fetches in its first batch


def _best(action: Callable[[], object], repeat: int = 3) -> tuple[float, float, object]:
    """Best wall and best CPU seconds of ``repeat`` calls, and the last result."""
    wall = cpu = float("inf")
    result: object = None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = action()
        wall, cpu = min(wall, time.perf_counter() - w), min(cpu, time.process_time() - c)
    return wall, cpu, result


def _quiet(action: Callable[[], object]) -> Callable[[], int]:
    def run() -> int:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            action()
        return out.getvalue().count("\n")

    return run


@contextlib.contextmanager
def _desk_gc() -> Iterator[None]:
    """Garbage collection as the desk's window has it (desktop.ui.idle.install)."""
    from desktop.ui import idle

    young, middle, full = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(young, middle, idle.NEVER)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)
        gc.unfreeze()


def in_process(path: Path) -> list[tuple[str, float, float, int]]:
    from bench import status_sql
    from desktop import cli
    from desktop.services import dashboard, overview
    from desktop.services.enums import LampColor
    from desktop.services.escalation import proposals as escalation
    from desktop.services.ledger import open_ledger
    from desktop.services.overview import TaskFilter

    argv = ["--database", str(path), "--today", TODAY, "status"]
    ledger = open_ledger(path, big_ledger.CLOCK)
    today = big_ledger.CLOCK.today()
    found = []
    with ledger.session() as s:
        # (label, read, rows returned, as in the window)
        reads: list[tuple[str, Callable[[], object], Callable[[Any], int], bool]] = [
            ("duban status (in-process)", _quiet(lambda: cli.main(argv)), int, False),
            ("bare SQL status (in-process)", _quiet(lambda: status_sql.main(str(path))), int, False),
            ("工作台 summary", lambda: dashboard.summary(s, today), lambda r: len(r.red_rows), True),
            ("督办 proposals", lambda: escalation.proposals(s, today), len, True),
            (f"ledger page, first {PAGE} by 编号",
             lambda: overview.task_page(s, today, limit=PAGE), lambda r: len(r.rows), True),
            (f"filter 红灯, first {PAGE}",
             lambda: overview.task_page(s, today, TaskFilter(lamp=LampColor.RED), limit=PAGE),
             lambda r: len(r.rows), True),
            (f"sort by 亮灯, first {PAGE}",
             lambda: overview.task_page(s, today, sort="lamp", limit=PAGE),
             lambda r: len(r.rows), True),
        ]  # fmt: skip
        for label, action, count, windowed in reads:
            with _desk_gc() if windowed else contextlib.nullcontext():
                action()  # warm: statement caches, the lamp cache's freshness check
                wall, cpu, result = _best(action)
            found.append((label, wall, cpu, count(result)))
    ledger.dispose()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, nargs="*", default=[37, 2000, 10_000, 100_000])
    parser.add_argument("--keep", type=Path, help="build (or reuse) the ledgers in this folder")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    header("ledger-scale reads (lamp cache current; figures: wall / CPU; µs per row returned)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in args.tasks:
            path = folder / f"bench-{n}.sqlite3"
            if not path.exists():
                big_ledger.build(path, n)
            status = [PYTHON, "-m", "desktop", "--database", str(path), "--today", TODAY, "status"]
            bare = [PYTHON, str(ROOT / "bench" / "status_sql.py"), str(path)]
            lines = child(status).out.count("\n")  # also makes the lamp cache current
            cases = {"duban": partial(child, status), "bare": partial(child, bare)}
            cold = interleaved(cases, args.rounds)
            d, b = cold["duban"], cold["bare"]
            print(f"\n   {n} tasks ({lines} lines of status):")
            print(f"     {'duban status, whole process':<40} {ms(d.seconds):>9} / {ms(d.cpu):>7}"
                  f"   bare SQL script {ms(b.seconds)} / {ms(b.cpu)}"
                  f"   = {d.seconds / b.seconds:.1f}× / {d.cpu / b.cpu:.1f}×   needed ≤ 3×")  # fmt: skip
            for label, wall, cpu, rows in in_process(path):
                per_row = cpu * 1e6 / max(rows, 1)
                print(f"     {label:<40} {ms(wall):>9} / {ms(cpu):>7}   {rows:>6} rows"
                      f"   {per_row:8.1f} µs/row")  # fmt: skip


if __name__ == "__main__":
    main()
