"""The migrations and the models agree, an empty file upgrades, and a newer ledger is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from db import migrate, search
from db.base import Base
from db.engine import LedgerError, create_ledger_engine, open_ledger


def test_one_head_and_empty_database_upgrades(tmp_path: Path) -> None:
    ledger = open_ledger(tmp_path / "new.sqlite3")
    assert ledger.revision == migrate.head_revision()
    tables = set(inspect(ledger.engine).get_table_names())
    assert {"task", "progress_report", "fund_entry", "audit_entry", "user_account"} <= tables
    ledger.dispose()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    ledger = open_ledger(tmp_path / "cmp.sqlite3")
    with ledger.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": search.is_index_structure}
        )
        diff = compare_metadata(context, Base.metadata)
    ledger.dispose()
    assert diff == [], f"models differ from migrations: {diff}"


def test_sqlite_pragmas_are_set_on_every_connection(tmp_path: Path) -> None:
    ledger = open_ledger(tmp_path / "p.sqlite3")
    with ledger.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    ledger.dispose()


def test_ledger_from_a_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_ledger(path).dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(LedgerError, match="更新版本"):
        open_ledger(path)
    assert path.read_bytes() == before


@pytest.mark.slow  # every older revision built and upgraded: CI's slow stage
def test_every_older_ledger_upgrades_with_a_backup_and_keeps_its_rows(tmp_path: Path) -> None:
    revisions = [r.revision for r in migrate.script().walk_revisions()][::-1]
    if len(revisions) < 2:
        pytest.skip("only one revision so far: nothing older to upgrade from")
    for old in revisions[:-1]:
        path = tmp_path / f"at-{old}.sqlite3"
        engine = create_ledger_engine(f"sqlite:///{path}")
        migrate.upgrade(engine, old)
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO unit (name, short_name, contact_person, contact_phone, sort_order) "
                "VALUES ('市公安局', '公安局', '', '', 1)"
            )
        engine.dispose()
        reopened = open_ledger(path)
        assert reopened.revision == migrate.head_revision()
        assert (
            reopened.backup_before_upgrade is not None and reopened.backup_before_upgrade.exists()
        )
        with reopened.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT name FROM unit").scalar() == "市公安局"
        reopened.dispose()


def test_a_file_that_is_not_a_ledger_gets_a_chinese_message(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(LedgerError, match="不是督办台的台账文件"):
        open_ledger(path)


def test_every_revision_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "round.sqlite3"
    ledger = open_ledger(path)
    revisions = [r.revision for r in migrate.script().walk_revisions()]  # newest first
    for target in [*revisions[1:], "base"]:
        command.downgrade(migrate.config(ledger.engine), target)
        assert migrate.current_revision(ledger.engine) == (None if target == "base" else target)
    migrate.upgrade(ledger.engine)
    assert migrate.current_revision(ledger.engine) == migrate.head_revision()
    ledger.dispose()


def test_revision_graph_read_without_alembic_matches_alembics() -> None:
    # Opening a ledger reads the graph from the files (no Alembic import); it must be Alembic's.
    scripts = migrate.script()
    expected = {r.revision: r.down_revision for r in scripts.walk_revisions()}
    assert migrate.revisions() == expected
    assert [migrate.head_revision()] == list(scripts.get_heads())
