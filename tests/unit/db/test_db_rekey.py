"""Migration 0011: a ledger from the plain-SHA days is checked, re-keyed and says so in its log;
a broken old chain stays broken; a chain rebuilt and rolled back by hand is not re-keyed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import text

from db import chain, migrate
from db.engine import create_ledger_engine
from desktop.services import audit
from desktop.services.ledger import open_ledger

REKEY = "0011"  # the revision that keys the chain
BEFORE = migrate.script().get_revision(REKEY).down_revision
FIELDS = ("at", "user_id", "actor", "action", "entity", "entity_id", "summary", "detail")


def _old_ledger(path: Path, entries: int, break_at: int | None = None) -> None:
    engine = create_ledger_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, str(BEFORE))
    previous = chain.GENESIS
    with engine.begin() as connection:
        for n in range(1, entries + 1):
            row: dict[str, Any] = {
                "at": datetime(2026, 3, n, 9, 0),
                "user_id": None,
                "actor": "管理员（admin）",
                "action": "create",
                "entity": "unit",
                "entity_id": str(n),
                "summary": f"新建单位“单位{n}”",
                "detail": "{}",
            }
            digest = chain.legacy_hash(previous, *row.values())
            if n == break_at:
                row["summary"] += "（改）"  # edited after it was hashed
            connection.execute(
                text(
                    "INSERT INTO audit_entry (at, user_id, actor, action, entity, entity_id, "
                    "summary, detail, prev_hash, hash) VALUES (:at, :user_id, :actor, :action, "
                    ":entity, :entity_id, :summary, :detail, :p, :h)"
                ),
                {**row, "p": previous, "h": digest},
            )
            previous = digest
    engine.dispose()


def test_an_old_chain_is_verified_rekeyed_and_the_rekey_logged(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _old_ledger(path, 5)
    ledger = open_ledger(path)
    with ledger.session() as session:
        check = audit.verify_chain(session)
        last = audit.recent(session, 1)[0]
    ledger.dispose()
    assert check.ok and check.entries == 6, check.message
    assert last.action == "rekey" and "5 条校验无误" in last.summary


def test_a_broken_old_chain_stays_broken_at_the_same_entry(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    _old_ledger(path, 5, break_at=3)
    ledger = open_ledger(path)
    with ledger.session() as session:
        check = audit.verify_chain(session)
        last = audit.recent(session, 1)[0]
    ledger.dispose()
    assert not check.ok and check.first_bad_id == 3
    assert last.action == "rekey" and "第 3 条断开" in last.summary


def test_a_chain_rolled_back_by_hand_is_not_rekeyed(tmp_path: Path) -> None:
    path = tmp_path / "rolled.sqlite3"
    _old_ledger(path, 3)
    open_ledger(path).dispose()  # now at head, with a key id
    engine = create_ledger_engine(f"sqlite:///{path}")
    command.downgrade(migrate.config(engine), REKEY)  # the revisions after the rekey, undone
    with engine.begin() as connection:  # what the file's holder can do: back to the shape before
        for trigger in ("audit_entry_no_update", "audit_entry_no_delete"):
            connection.execute(text(f"DROP TRIGGER {trigger}"))
        connection.execute(text("DELETE FROM audit_entry WHERE action = 'rekey'"))
        previous = chain.GENESIS
        rows = connection.execute(text("SELECT * FROM audit_entry ORDER BY id")).mappings().all()
        for row in rows:
            summary = row["summary"] + "（改）"
            values = [row[f] for f in FIELDS]
            values[FIELDS.index("summary")] = summary
            digest = chain.legacy_hash(previous, *values)
            connection.execute(
                text(
                    "UPDATE audit_entry SET summary = :s, prev_hash = :p, hash = :h WHERE id = :i"
                ),
                {"s": summary, "p": previous, "h": digest, "i": row["id"]},
            )
            previous = digest
        connection.execute(text("ALTER TABLE audit_entry DROP COLUMN seq"))
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": str(BEFORE)})
    engine.dispose()
    ledger = open_ledger(path)
    with ledger.session() as session:
        check = audit.verify_chain(session)
    ledger.dispose()
    assert not check.ok and check.first_bad_id == 1
