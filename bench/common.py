"""What every benchmark shares: whole child processes timed with their peak memory, interleaved
runs with medians, the machine's description, and the figures printed next to their anchors."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Run:
    seconds: float
    rss_mb: float
    out: str
    cpu: float = 0.0  # user + system seconds: less sensitive than wall to a neighbour's load


# An installed program runs from compiled bytecode; a shell with PYTHONDONTWRITEBYTECODE would
# make every child compile the project's sources again. Children keep theirs outside the tree.
PYCACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "duban-bench-pyc"


def child(argv: Sequence[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> Run:
    """Run a whole process; its wall time from spawn to exit and its peak resident memory."""
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    full.pop("PYTHONDONTWRITEBYTECODE", None)
    full.update(env or {})
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), cwd=cwd, env=full, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = out.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}):\n{text}")
    return Run(seconds, usage.ru_maxrss / 1024, text, usage.ru_utime + usage.ru_stime)


@dataclass
class Series:
    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rss_mb(self) -> float:
        return statistics.median(r.rss_mb for r in self.runs)


def interleaved(cases: Mapping[str, Callable[[], Run]], rounds: int) -> dict[str, Series]:
    """Each case once per round, in turn, so that a neighbour's load hits all of them alike."""
    found = {name: Series() for name in cases}
    for _ in range(rounds):
        for name, case in cases.items():
            found[name].runs.append(case())
    return found


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """Best wall seconds of ``repeat`` calls (in-process, warm figures)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def header(title: str) -> None:
    print(f"== {title}")
    print(f"   machine: {machine()}")


def row(label: str, value: str, anchor: str, ratio: str, needed: str) -> None:
    """One figure, its anchor from the same run, the ratio and what the issue needs."""
    print(f"   {label:<44} {value:>16}   anchor {anchor:>16}   {ratio:>9}   needed {needed}")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def times(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "—"


def versus(label: str, seconds: float, anchor: float, needed: str) -> None:
    """A time next to its anchor's time, with the ratio."""
    row(label, ms(seconds), ms(anchor), times(seconds, anchor), needed)
