"""Shared fixtures: a fresh ledger per test in a temporary folder, actors of each role, a clock."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
import types
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any


def _run_folder(prefix: str) -> str:
    """A folder for this test run, removed when the run ends (not one left in /tmp per run)."""
    folder = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, folder, True)
    return folder


# Qt must see this before any QApplication exists (PITFALLS.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The program's log goes to a folder of this run, not the user's; pytest keeps faulthandler.
if "DUBAN_LOG_DIR" not in os.environ:
    os.environ["DUBAN_LOG_DIR"] = _run_folder("duban-test-logs-")
os.environ.setdefault("DUBAN_NO_CRASH_FILE", "1")
# The desk's own files outside the ledger (audit keys, anchors) go to this run's folder, never to
# the developer's ~/.config; CLI subprocesses inherit it.
os.environ["DUBAN_CONFIG_DIR"] = _run_folder("duban-config-")

import pytest  # noqa: E402

from desktop.services import auth, passwords, tasks, users  # noqa: E402
from desktop.services.auth import Actor, Role  # noqa: E402
from desktop.services.clock import FixedClock  # noqa: E402
from desktop.services.demo import build as demo  # noqa: E402
from desktop.services.ledger import Ledger, open_ledger  # noqa: E402

TODAY = datetime(2026, 11, 28, 10, 0)
# Meets the password policy; every fixture user has it (tests/…/test_passwords.py tries others).
PASSWORD = "Duban-Test-42"
# scrypt at the recommended cost takes 0.4 s a hash; fixtures make hundreds. The production
# cost is asserted in test_passwords.py, and hashes below it are upgraded at sign-in.
passwords.current_cost = passwords.Cost(2**10, 8, 1)
PG_URL = os.environ.get("DUBAN_TEST_PG_URL", "")  # a server the tests may create databases on


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture
def ledger(tmp_path: Path, clock: FixedClock) -> Iterator[Ledger]:
    opened = open_ledger(tmp_path / "ledger.sqlite3", clock)
    yield opened
    opened.dispose()


@pytest.fixture
def session(ledger: Ledger):
    with ledger.session() as s:
        yield s


@pytest.fixture
def system() -> Actor:
    return auth.system_actor("测试")


def _user(request: pytest.FixtureRequest, username: str, role: Role) -> Actor:
    """A fresh ledger's account of ``role``; in a test of the demo ledger, the demo's account
    (writes read the role again from the ledger the actor writes to)."""
    if "demo_session" in request.fixturenames:
        found = next(u for u in users.list_users(request.getfixturevalue("demo_session"))
                     if u.role == role)  # fmt: skip
        return Actor(found.id, found.username, found.display_name, found.role)
    session, system = request.getfixturevalue("session"), request.getfixturevalue("system")
    return users.create_user(session, system, username, f"测试{role.label}", role, PASSWORD)


@pytest.fixture
def admin(request) -> Actor:
    """The 系统管理员 (users, settings, backups)."""
    return _user(request, "t_admin", Role.SYSADMIN)


@pytest.fixture
def secadmin(request) -> Actor:
    return _user(request, "t_security", Role.SECADMIN)


@pytest.fixture
def auditor(request) -> Actor:
    return _user(request, "t_auditor", Role.AUDITOR)


@pytest.fixture
def clerk(request) -> Actor:
    return _user(request, "t_clerk", Role.CLERK)


@pytest.fixture
def leader(request) -> Actor:
    return _user(request, "t_leader", Role.LEADER)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo ledger, built once per test run; tests get a copy (demo_ledger)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    built = open_ledger(path, FixedClock(TODAY))
    with built.session() as s:
        demo.build_demo(s, auth.system_actor("演示数据"))
    built.dispose()
    return path


@pytest.fixture
def demo_ledger(demo_template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[Ledger]:
    from desktop.services.ledger import backup_sqlite

    copy = backup_sqlite(demo_template, tmp_path / "demo.sqlite3")
    opened = open_ledger(copy, clock)
    yield opened
    opened.dispose()


@pytest.fixture
def demo_session(demo_ledger: Ledger):
    with demo_ledger.session() as s:
        yield s


def at_once(*work: Callable[[], object]) -> list[BaseException]:
    """Run each callable on its own thread at the same time; return what they raised."""
    errors: list[BaseException] = []

    def run(job: Callable[[], object]) -> None:
        try:
            job()
        except BaseException as exc:  # returned to the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def units_written_at_once(ledger: Ledger, writers: int = 3, each: int = 15) -> list[BaseException]:
    """Several writers adding units through the service at the same moment."""
    actor = auth.system_actor("并发测试")

    def write(worker: int) -> None:
        with ledger.session() as own:
            for n in range(each):
                tasks.create_unit(own, actor, f"测试单位{worker}-{n}")

    return at_once(*(lambda k=k: write(k) for k in range(writers)))


@pytest.fixture
def concurrently():  # type: ignore[no-untyped-def]
    """The helpers above, for tests in any folder."""
    return types.SimpleNamespace(at_once=at_once, units=units_written_at_once)


@pytest.fixture
def pg_ledger(clock: FixedClock) -> Iterator[Ledger]:
    """A database of its own on the PostgreSQL server of DUBAN_TEST_PG_URL, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    if not PG_URL:
        pytest.skip("DUBAN_TEST_PG_URL not set (no PostgreSQL)")
    name = f"duban_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    ledger = open_ledger(make_url(PG_URL).set(database=name).render_as_string(False), clock)
    yield ledger
    ledger.dispose()
    drop_pg_database(admin, name)
    admin.dispose()


def drop_pg_database(admin: Any, name: str) -> None:
    """Drop a test database even while PostgreSQL's autovacuum is working in it.

    DROP ... WITH (FORCE) terminates every other backend in the database, an autovacuum worker
    included, and a role that is neither superuser nor in pg_signal_backend may not do that (a
    fresh clone's CI failed a teardown on it after the demo ledger's inserts woke autovacuum).
    A plain DROP asks autovacuum workers to stop itself and waits for them, so it is tried next;
    a few retries cover a worker that starts between the two.
    """
    import time

    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    last: DBAPIError | None = None
    for attempt in range(10):
        for statement in (
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            f'DROP DATABASE IF EXISTS "{name}"',
        ):
            try:
                with admin.connect() as connection:
                    connection.execute(text(statement))
                return
            except DBAPIError as exc:
                last = exc
        time.sleep(0.5 * (attempt + 1))
    assert last is not None
    raise last
