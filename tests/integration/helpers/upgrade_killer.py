"""Kill an upgrade at every statement: `python -m tests.integration.helpers.upgrade_killer OLD DIR`.

OLD is a ledger at an old revision. First the upgrade runs once on a copy to count its
statements; then, for each N, a forked child upgrades a fresh copy and SIGKILLs itself right
after statement N (N = 0 .. all, the last one after the commit; an after_cursor_execute hook on every engine) — the moment a power cut or a
killed desk would leave. Prints one JSON line: {"statements": total, "killed": [N, ...]}.
Lives outside pytest so the forks carry no Qt and no test machinery.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from pathlib import Path

from sqlalchemy import Connection, Engine, event

from db.engine import open_ledger

_count = 0
_kill_after: int | None = None


@event.listens_for(Engine, "after_cursor_execute")
def _after(connection: Connection, *_args: object) -> None:
    global _count
    if connection.engine.url.database in (None, "", ":memory:"):
        return  # the in-memory scratch schema db.repair compares with
    _count += 1
    if _kill_after is not None and _count > _kill_after:
        os.kill(os.getpid(), signal.SIGKILL)


def _copy(old: Path, target: Path) -> Path:
    shutil.copyfile(old, target)
    return target


def main(old: Path, folder: Path) -> None:
    global _kill_after, _count
    open_ledger(_copy(old, folder / "count.sqlite3")).dispose()
    total = _count
    killed = []
    for n in range(total + 1):  # total: killed right after the commit
        target = _copy(old, folder / f"kill-{n:03d}.sqlite3")
        pid = os.fork()
        if pid == 0:
            _count, _kill_after = 0, n
            try:
                open_ledger(target).dispose()
                os.kill(os.getpid(), signal.SIGKILL)
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            killed.append(n)
    print(json.dumps({"statements": total, "killed": killed}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
