"""Kill an upgrade at every statement.

    python -m tests.integration.helpers.upgrade_killer OLD DIR            (SQLite)
    python -m tests.integration.helpers.upgrade_killer --pg URL TEMPLATE  (PostgreSQL)

OLD is a ledger at an old revision (on PostgreSQL: the database TEMPLATE on the server of the
admin URL). First the upgrade runs once on a copy to count its statements; then, for each N, a
forked child upgrades a fresh copy and SIGKILLs itself right after statement N (N = 0 .. all, the
last one after the commit; an after_cursor_execute hook on every engine) — the moment a power
cut or a killed desk would leave. Prints one JSON line: {"statements": total, "killed": [N, ...]}
(PostgreSQL: after every statement that writes; copies are named TEMPLATE_kill_000 ...). Lives outside pytest so the forks carry no Qt
and no test machinery.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from db.engine import open_ledger

_count = 0
_kill_after: int | None = None
_writes_only = False  # PostgreSQL: a kill after a SELECT leaves what the write before it left


@event.listens_for(Engine, "after_cursor_execute")
def _after(connection: Connection, _cursor: object, statement: str, *_args: object) -> None:
    global _count
    if connection.engine.url.database in (None, "", ":memory:"):
        return  # the in-memory scratch schema db.repair compares with
    if _writes_only and statement.lstrip().upper().startswith(("SELECT", "SHOW")):
        return
    _count += 1
    if _kill_after is not None and _count > _kill_after:
        os.kill(os.getpid(), signal.SIGKILL)


def _kill_loop(copy: Callable[[str], str]) -> None:
    """Upgrade copy("count") once to count; then a child per statement, killed after it."""
    global _kill_after, _count
    counted = copy("count")
    _count = 0  # only the upgrade's own statements
    open_ledger(counted).dispose()
    total = _count
    killed = []
    for n in range(total + 1):  # total: killed right after the commit
        target = copy(f"kill-{n:03d}")
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


def sqlite(old: Path, folder: Path) -> None:
    def copy(name: str) -> str:
        return str(shutil.copyfile(old, folder / f"{name}.sqlite3"))

    _kill_loop(copy)


def postgres(admin_url: str, template: str) -> None:
    global _writes_only
    _writes_only = True
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")

    def copy(name: str) -> str:
        database = f"{template}_{name.replace('-', '_')}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{database}" TEMPLATE "{template}"'))
        admin.dispose()  # no pooled connection crosses the fork
        return make_url(admin_url).set(database=database).render_as_string(False)

    _kill_loop(copy)


if __name__ == "__main__":
    if sys.argv[1] == "--pg":
        postgres(sys.argv[2], sys.argv[3])
    else:
        sqlite(Path(sys.argv[1]), Path(sys.argv[2]))
