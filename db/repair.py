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

from sqlalchemy import Engine, inspect

from db import migrate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Leftovers:
    tables: tuple[str, ...]
    indexes: tuple[str, ...]
    with_rows: tuple[str, ...]


def find_leftovers(engine: Engine, revision: str | None) -> Leftovers:
    expected = migrate.expected_schema(revision)
    tables, indexes = set(expected.columns), expected.indexes
    found = inspect(engine)
    present = set(found.get_table_names()) - {"alembic_version"}
    extra_tables = sorted(present - tables)
    extra_indexes = sorted(
        i["name"]
        for t in present & tables
        for i in found.get_indexes(t)
        if i["name"] and i["name"] not in indexes
    )
    with_rows = []
    with engine.connect() as connection:
        for table in extra_tables:
            if connection.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first():
                with_rows.append(table)
    return Leftovers(tuple(extra_tables), tuple(extra_indexes), tuple(with_rows))


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
