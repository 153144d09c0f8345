"""Alembic driven from code: the migrations ship inside the package (also in a frozen build)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(config())


def head_revision() -> str:
    heads = script().get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]


def is_known(revision: str) -> bool:
    try:
        return script().get_revision(revision) is not None
    except Exception:
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    command.upgrade(config(engine), target)


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection for running migrations in one real transaction.

    pysqlite (Python 3.11) only begins a transaction before INSERT/UPDATE/DELETE, so CREATE
    TABLE and friends commit one by one. SQLAlchemy's documented recipe: switch the driver's
    own transaction handling off (isolation_level=None) and emit BEGIN ourselves. It is used
    for migrations only: the desk's ordinary sessions keep the driver's behaviour. Foreign keys
    are off for the batch copies (PITFALLS.md); the pragma only takes effect outside a
    transaction, hence on connect.
    """
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        with engine.connect() as connection:
            yield connection
        return
    own = create_engine(engine.url, poolclass=NullPool, connect_args={"timeout": 5})

    @event.listens_for(own, "connect")
    def _connect(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.isolation_level = None
        for pragma in ("foreign_keys=OFF", "synchronous=FULL", "busy_timeout=5000"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(own, "begin")
    def _begin(connection: Connection) -> None:
        # IMMEDIATE: take the write lock before the first read, so no desk writes in between.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with own.connect() as connection:
            yield connection
    finally:
        own.dispose()


def check_foreign_keys(connection: Connection) -> None:
    """Refuse to commit an upgrade that left a dangling reference (foreign keys were off)."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"migration left dangling references: {broken[:5]}")


def autogenerate(engine: Engine, message: str) -> None:
    """Write a new revision from the difference between the models and the database."""
    command.revision(config(engine), message=message, autogenerate=True)


if __name__ == "__main__":  # python -m db.migrate "message": new revision against a fresh db
    import sys
    import tempfile

    from db.engine import create_ledger_engine

    with tempfile.TemporaryDirectory() as tmp:
        eng = create_ledger_engine(f"sqlite:///{tmp}/scratch.sqlite3")
        upgrade(eng)
        autogenerate(eng, sys.argv[1] if len(sys.argv) > 1 else "change")
        eng.dispose()
