"""Benchmark of the demo circular: python -m desktop.documents.bench_circular [--out FILE.pdf].

A developer's script, not part of the engine: it builds the demo ledger, so it reaches into the
services (imported inside main, so the layout engine itself stays free of the database).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import datetime
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="also keep the circular's PDF here")
    parser.add_argument("--period", default="2026-11")
    args = parser.parse_args()

    from desktop.services import auth, circular, settings
    from desktop.services.clock import FixedClock
    from desktop.services.demo import build as demo
    from desktop.services.ledger import open_ledger
    from desktop.services.notices import register as notices

    from .compose_circular import compose_circular

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        ledger = open_ledger(Path(tmp) / "demo.sqlite3", FixedClock(datetime(2026, 11, 28, 10)))
        with ledger.session() as session:
            demo.build_demo(session, auth.system_actor("演示数据"))
        print(f"demo ledger built in {time.perf_counter() - started:.2f} s (not counted)")
        target = args.out or Path(tmp) / "circular.pdf"
        runs = []
        with ledger.session() as session:
            for _ in range(6):
                t0 = time.perf_counter()
                data = circular.circular_data(session, args.period)
                t1 = time.perf_counter()
                model = compose_circular(data, circular.letterhead(settings.office(session)))
                t2 = time.perf_counter()
                result = notices.render(session, model)
                t3 = time.perf_counter()
                notices.save_pdf(result.pdf, target)
                t4 = time.perf_counter()
                runs.append((t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0))
        ledger.dispose()
        first, warm = runs[0], runs[1:]
        best = min(warm, key=lambda r: r[4])
        print(f"circular {args.period}: {result.page_count} pages, {len(result.pdf) // 1024} KB")
        for label, r in (("first (incl. font loading)", first), ("warm best", best)):
            print(
                f"  {label:>27}: gather {r[0] * 1000:.0f} ms, compose {r[1] * 1000:.1f} ms, "
                f"render {r[2] * 1000:.0f} ms, write {r[3] * 1000:.0f} ms = {r[4]:.3f} s"
            )
        for note in result.font_notes + result.glyph_warnings:
            print("  ", note)
        if args.out:
            print(f"written: {args.out}")


if __name__ == "__main__":
    main()
