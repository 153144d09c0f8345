"""Alembic driven from code: the migrations ship inside the package (also in a frozen build).

Opening a ledger that is already at head must not pay for Alembic (about 0.2 s of imports):
the revision graph is read from the revision files' two assignments, the database's revision
with one query, and Alembic is imported only when an upgrade (or a developer's command) runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool, StaticPool

from db.revisions import MIGRATIONS, head_revision, is_known, revisions

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

__all__ = ["MIGRATIONS", "current_revision", "head_revision", "is_known", "revisions", "upgrade"]


def config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config())


def current_revision(engine: Engine) -> str | None:
    """The database's revision by one query (None for a database Alembic never stamped)."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            connection.rollback()
            if inspect(connection).has_table("alembic_version"):
                raise  # the table is there but unreadable: a real fault, not a new ledger
            return None


@dataclass(frozen=True)
class Schema:
    columns: Mapping[str, frozenset[str]]  # table -> its column names, alembic_version aside
    indexes: frozenset[str]


@cache  # the migrations do not change while the program runs
def expected_schema(revision: str | None) -> Schema:
    """What a ledger at ``revision`` holds (None: nothing), built by migrating an in-memory one."""
    if revision is None:
        return Schema({}, frozenset())
    scratch = create_engine("sqlite://", poolclass=StaticPool)
    try:
        upgrade(scratch, revision)
        with scratch.connect() as connection:
            return Schema(*sqlite_schema(connection))
    finally:
        scratch.dispose()


def sqlite_schema(connection: Connection) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Tables (with their columns) and named indexes of a SQLite database, alembic_version aside;
    read from sqlite_master (the inspector warns about expression indexes)."""
    master = connection.exec_driver_sql(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'index')"
        " AND name NOT LIKE 'sqlite_%'"
    ).all()
    tables = [name for kind, name in master if kind == "table" and name != "alembic_version"]
    columns = {
        t: frozenset(r[1] for r in connection.exec_driver_sql(f'PRAGMA table_info("{t}")'))
        for t in tables
    }
    return columns, frozenset(name for kind, name in master if kind == "index")


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

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
    from alembic import command

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
