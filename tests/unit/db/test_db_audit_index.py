"""Migration 0016: the audit log's lookups by action and object read an index (the hash a
document's issue entry recorded, checked each time an issued document is saved as a file), and
the log stays append-only through the upgrade and the downgrade."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import exc, inspect, text

from db import migrate
from db.engine import Ledger
from desktop.services import auth, tasks
from desktop.services.notices.register import issue_entry_query

INDEX = "ix_audit_entry_action"
ISSUE_HASH = issue_entry_query(1)  # what register.copy_of asks for document 1


def _indexes(ledger: Ledger) -> set[str]:
    return {str(i["name"]) for i in inspect(ledger.engine).get_indexes("audit_entry")}


def _refused(ledger: Ledger, statement: str) -> bool:
    try:
        with ledger.engine.begin() as connection:
            connection.execute(text(statement))
    except exc.DBAPIError:
        return True
    return False


def _plan(ledger: Ledger) -> str:
    with ledger.engine.begin() as connection:
        compiled = ISSUE_HASH.compile(ledger.engine, compile_kwargs={"literal_binds": True})
        if ledger.engine.dialect.name == "postgresql":  # a tiny table: a scan would be cheaper
            connection.execute(text("SET LOCAL enable_seqscan = off"))
            return "\n".join(connection.execute(text(f"EXPLAIN {compiled}")).scalars())
        rows = connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
        return "\n".join(str(r[-1]) for r in rows)


def round_trip(ledger: Ledger) -> None:
    """At head the lookup uses the index; down to 0015 it is gone, up again it is back; the
    entries stay, and UPDATE and DELETE of the log are refused throughout."""
    with ledger.session() as session:
        tasks.create_unit(session, auth.system_actor("测试"), "市公安局", "公安局")
    with ledger.engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM audit_entry")).scalar_one()
    assert INDEX in _indexes(ledger) and INDEX in _plan(ledger)
    config = migrate.config(ledger.engine)
    command.downgrade(config, "0015")
    assert INDEX not in _indexes(ledger)
    assert _refused(ledger, "UPDATE audit_entry SET summary = 'x'")
    migrate.upgrade(ledger.engine)
    assert INDEX in _indexes(ledger) and INDEX in _plan(ledger)
    assert _refused(ledger, "UPDATE audit_entry SET summary = 'x'")
    assert _refused(ledger, "DELETE FROM audit_entry")
    with ledger.engine.connect() as connection:
        after = connection.execute(text("SELECT count(*) FROM audit_entry")).scalar_one()
    assert after == count  # the migration itself writes no entry and changes none


@pytest.mark.usefixtures("clock")
def test_audit_action_index_round_trip(ledger) -> None:  # type: ignore[no-untyped-def]
    round_trip(ledger)
