"""Repair a ledger left half-upgraded by releases before upgrades were one transaction.

Those releases committed each CREATE TABLE on its own, so a kill during an upgrade left the new
tables in place while the version stayed old; every later open then failed with "table already
exists". The tables and indexes a later revision would create are found by building the schema of
the ledger's own revision in memory and comparing; they are dropped again if they hold no rows,
so that the upgrade can run whole. Anything holding data is left alone and reported.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Connection, Engine

from db import migrate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Leftovers:
    tables: tuple[str, ...]
    indexes: tuple[str, ...]
    with_rows: tuple[str, ...]


def find_leftovers(engine: Engine, revision: str | None) -> Leftovers:
    expected = migrate.expected_schema(revision)
    with engine.connect() as connection:
        columns, indexes = migrate.sqlite_schema(connection)
        extra_tables = sorted(set(columns) - set(expected.columns))
        extra_indexes = sorted(indexes - expected.indexes - _indexes_of(connection, extra_tables))
        with_rows = [
            table
            for table in extra_tables
            if connection.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first()
        ]
    return Leftovers(tuple(extra_tables), tuple(extra_indexes), tuple(with_rows))


def _indexes_of(connection: Connection, tables: list[str]) -> frozenset[str]:
    """Indexes that go with the leftover tables themselves (dropped with them)."""
    found: set[str] = set()
    for table in tables:
        found |= {r[1] for r in connection.exec_driver_sql(f'PRAGMA index_list("{table}")')}
    return frozenset(found)


def drop_leftovers(engine: Engine, leftovers: Leftovers) -> None:
    """Drop the empty leftovers in one transaction (foreign keys off: order does not matter)."""
    with migrate.migration_connection(engine) as connection, connection.begin():
        for index in leftovers.indexes:
            connection.exec_driver_sql(f'DROP INDEX IF EXISTS "{index}"')
        for table in leftovers.tables:
            connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{table}"')
    log.warning(
        "half-finished upgrade repaired: dropped tables %s, indexes %s",
        leftovers.tables,
        leftovers.indexes,
    )
