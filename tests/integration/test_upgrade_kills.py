"""A kill at any statement of an upgrade leaves a ledger that opens, at the old or the new
revision, with every row; a ledger stuck by an older release is repaired on open."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from db import migrate
from db.base import Base
from db.engine import LedgerError, create_ledger_engine, open_ledger
from desktop.services import auth
from desktop.services.clock import FixedClock
from desktop.services.demo import build as demo
from desktop.services.ledger import backup_sqlite
from desktop.services.ledger import open_ledger as open_desk
from tests.conftest import drop_pg_database

ROOT = Path(__file__).resolve().parents[2]


def _ledger_at(revision: str, demo_template: Path, target: Path) -> Path:
    """The demo ledger taken back to ``revision`` by the migrations' own downgrades."""
    path = backup_sqlite(demo_template, target)
    engine = create_ledger_engine(f"sqlite:///{path}")
    command.downgrade(migrate.config(engine), revision)
    engine.dispose()
    return path


def _state(path: Path) -> tuple[str | None, set[str], int]:
    with sqlite3.connect(path) as raw:
        version = raw.execute("SELECT version_num FROM alembic_version").fetchone()
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        tasks = raw.execute("SELECT count(*) FROM task").fetchone()[0]
    return (version[0] if version else None), tables, tasks


@pytest.mark.slow  # minutes: a child process per statement
def test_a_kill_after_any_statement_of_0003_to_head_leaves_old_or_new(
    demo_template: Path, tmp_path: Path
) -> None:
    old = _ledger_at("0003", demo_template, tmp_path / "at-0003.sqlite3")
    _, old_tables, tasks = _state(old)
    runs = tmp_path / "runs"
    runs.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "tests.integration.helpers.upgrade_killer", str(old), str(runs)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["statements"] > 40  # every CREATE of 0004..0006, the backfill, the version
    assert len(report["killed"]) == report["statements"] + 1  # each child died where it was told
    head = migrate.head_revision()
    _, all_tables, _ = _state(demo_template)  # the models' tables and the search index's own
    seen = set()
    for n in report["killed"]:
        path = runs / f"kill-{n:03d}.sqlite3"
        version, tables, left = _state(path)
        assert (version, tables) in (("0003", old_tables), (head, all_tables)), (n, version)
        assert left == tasks
        seen.add(version)
    for n in sorted({*report["killed"][::15], report["killed"][-2], report["killed"][-1]}):
        reopened = open_ledger(runs / f"kill-{n:03d}.sqlite3")  # and it opens, to head
        assert reopened.revision == head
        reopened.dispose()
    assert seen == {"0003", head}  # killed before the commit, and after it
    backups = list((runs / "backups").glob("*.升级前-*"))
    assert backups, "every upgrade of an old ledger starts with a backup"


def _stuck(demo_template: Path, tmp_path: Path, name: str) -> Path:
    """What a kill left with earlier releases: 0004's tables committed, the version at 0003."""
    path = _ledger_at("0003", demo_template, tmp_path / name)
    engine = create_ledger_engine(f"sqlite:///{path}")
    for table in ("lamp_cache_state", "task_lamp"):
        Base.metadata.tables[table].create(engine)
    engine.dispose()
    return path


def test_a_ledger_stuck_half_upgraded_by_an_earlier_release_is_repaired_on_open(
    demo_template: Path, tmp_path: Path
) -> None:
    path = _stuck(demo_template, tmp_path, "stuck.sqlite3")
    assert _state(path)[0] == "0003"
    for _ in range(3):  # it opens every time, and retries do not pile up backups
        reopened = open_ledger(path)
        assert reopened.revision == migrate.head_revision()
        reopened.dispose()
    assert _state(path)[2] == 37
    assert len(list((tmp_path / "backups").glob("stuck.升级前-*"))) == 1


def test_a_stuck_ledger_whose_extra_table_holds_rows_is_refused_untouched(
    demo_template: Path, tmp_path: Path
) -> None:
    path = _stuck(demo_template, tmp_path, "odd.sqlite3")
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO lamp_cache_state (id, computed_for, rules_version, fingerprint) "
            "VALUES (1, '2026-11-01', '1', '')"
        )
    before = path.read_bytes()
    with pytest.raises(LedgerError, match="版本与其中的数据表不一致") as caught:
        open_ledger(path)
    assert "lamp_cache_state" in str(caught.value)
    assert path.read_bytes() == before


def test_a_failed_upgrade_shows_no_raw_sql_and_keeps_one_backup(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _ledger_at("0003", demo_template, tmp_path / "fails.sqlite3")

    real = migrate.upgrade

    def broken(engine: object, target: str = "head") -> None:
        if target != "head":
            return real(engine, target)  # type: ignore[arg-type]  # db.repair's scratch schema
        raise RuntimeError('(sqlite3.OperationalError) table "task_lamp" already exists')

    monkeypatch.setattr(migrate, "upgrade", broken)
    for _ in range(3):
        with pytest.raises(LedgerError) as caught:
            open_ledger(path)
        message = str(caught.value)
        assert "already exists" not in message and "OperationalError" not in message
        assert "仍保持原版本（0003）" in message and "参考编号" in message
    assert _state(path)[0] == "0003"
    assert len(list((tmp_path / "backups").glob("fails.升级前-0003-*"))) == 1


PG_URL = os.environ.get("DUBAN_TEST_PG_URL", "")


@pytest.mark.slow
@pytest.mark.skipif(not PG_URL, reason="DUBAN_TEST_PG_URL not set (no PostgreSQL)")
def test_on_postgres_a_kill_after_any_statement_of_0003_to_head_leaves_old_or_new(
    clock: FixedClock,
) -> None:
    """The shared ledger: the server rolls back what a killed desk's upgrade had begun."""
    template = f"duban_k{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")

    def url(database: str) -> str:
        return make_url(PG_URL).set(database=database).render_as_string(False)

    def state(database: str) -> tuple[str | None, set[str], int]:
        engine = create_engine(url(database), poolclass=NullPool)
        with engine.connect() as connection:
            version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            tables = set(inspect(connection).get_table_names())
            tasks = connection.execute(text("SELECT count(*) FROM task")).scalar_one()
        engine.dispose()
        return version, tables, tasks

    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{template}"'))
    try:
        built = open_desk(url(template), clock)
        with built.session() as session:
            demo.build_demo(session, auth.system_actor("演示数据"))
        _, all_tables, tasks = state(template)
        command.downgrade(migrate.config(built.engine), "0003")
        built.dispose()
        _, old_tables, _ = state(template)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.integration.helpers.upgrade_killer",
                "--pg",
                PG_URL,
                template,
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=600,
            check=True,
        )
        report = json.loads(done.stdout.strip().splitlines()[-1])
        assert report["statements"] > 40
        assert len(report["killed"]) == report["statements"] + 1
        head = migrate.head_revision()
        seen = set()
        for n in report["killed"]:
            version, tables, left = state(f"{template}_kill_{n:03d}")
            assert (version, tables) in (("0003", old_tables), (head, all_tables)), (n, version)
            assert left == tasks
            seen.add(version)
        assert seen == {"0003", head}
        reopened = open_ledger(url(f"{template}_kill_000"))  # and it opens, to head
        assert reopened.revision == head
        reopened.dispose()
    finally:
        with admin.connect() as connection:
            names = connection.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                {"p": f"{template}%"},
            ).scalars()
            doomed = list(names)
        for name in doomed:
            drop_pg_database(admin, name)
        admin.dispose()
