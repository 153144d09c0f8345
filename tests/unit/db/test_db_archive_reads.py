"""Migration 0018: what an export reads from behind a row's bytes comes from an index — the kept
copies' sizes (the room check) and the issued documents' hashes and pages — through the
downgrade and the upgrade again."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import inspect, text

from db import migrate
from db.engine import Ledger
from db.models import DocStatus, Document
from desktop.services.archive.copies import kept_sizes_query
from desktop.services.archive.model import Span
from desktop.services.archive.sources import issued_query

SIZES, FILES = "ix_archive_copy_sizes", "ix_document_issued_files"
BETWEEN = (Document.status == DocStatus.ISSUED, Document.issued_on >= date(2026, 1, 1))
QUERIES = {SIZES: kept_sizes_query(BETWEEN), FILES: issued_query(Span.of_year(2026))}


def _plan(ledger: Ledger, index: str) -> str:
    compiled = QUERIES[index].compile(ledger.engine, compile_kwargs={"literal_binds": True})
    with ledger.engine.begin() as connection:
        if ledger.engine.dialect.name == "postgresql":  # a tiny table: a scan would be cheaper
            connection.execute(text("SET LOCAL enable_seqscan = off"))
            return "\n".join(connection.execute(text(f"EXPLAIN {compiled}")).scalars())
        rows = connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
        return "\n".join(str(r[-1]) for r in rows)


def _indexes(ledger: Ledger) -> set[str]:
    found = inspect(ledger.engine)
    return {str(i["name"]) for t in ("archive_copy", "document") for i in found.get_indexes(t)}


def _used(ledger: Ledger) -> set[str]:
    """The indexes the two reads use, and that exist."""
    return {i for i in QUERIES if i in _plan(ledger, i)} & _indexes(ledger)


@pytest.mark.usefixtures("clock")
def test_what_lies_behind_the_bytes_is_read_from_indexes(ledger) -> None:  # type: ignore[no-untyped-def]
    assert _used(ledger) == {SIZES, FILES}
    command.downgrade(migrate.config(ledger.engine), "0017")
    ledger.engine.dispose()  # a pooled SQLite connection plans with the schema it last read
    assert _used(ledger) == set()
    migrate.upgrade(ledger.engine)
    ledger.engine.dispose()
    assert _used(ledger) == {SIZES, FILES}
