"""Migration 0018: the room check before an export sums the kept copies' sizes from an index,
not from the rows (where ``size`` sits behind each copy's bytes), through the downgrade and the
upgrade again."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import inspect, text

from db import migrate
from db.engine import Ledger
from db.models import DocStatus, Document
from desktop.services.archive.copies import kept_sizes_query

INDEX = "ix_archive_copy_sizes"


def _plan(ledger: Ledger) -> str:
    between = (Document.status == DocStatus.ISSUED, Document.issued_on >= date(2026, 1, 1))
    compiled = kept_sizes_query(between).compile(
        ledger.engine, compile_kwargs={"literal_binds": True}
    )
    with ledger.engine.begin() as connection:
        if ledger.engine.dialect.name == "postgresql":  # a tiny table: a scan would be cheaper
            connection.execute(text("SET LOCAL enable_seqscan = off"))
            return "\n".join(connection.execute(text(f"EXPLAIN {compiled}")).scalars())
        rows = connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
        return "\n".join(str(r[-1]) for r in rows)


def _indexes(ledger: Ledger) -> set[str]:
    return {str(i["name"]) for i in inspect(ledger.engine).get_indexes("archive_copy")}


@pytest.mark.usefixtures("clock")
def test_the_kept_copies_sizes_come_from_their_index(ledger) -> None:  # type: ignore[no-untyped-def]
    assert INDEX in _plan(ledger) and INDEX in _indexes(ledger)
    command.downgrade(migrate.config(ledger.engine), "0017")
    ledger.engine.dispose()  # a pooled SQLite connection plans with the schema it last read
    assert INDEX not in _plan(ledger) and INDEX not in _indexes(ledger)
    migrate.upgrade(ledger.engine)
    ledger.engine.dispose()
    assert INDEX in _plan(ledger) and INDEX in _indexes(ledger)
