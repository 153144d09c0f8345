"""keyed audit chain: sequence numbers, HMAC-SHA256 under the desk's key, append-only triggers

The old plain SHA-256 chain is verified first; entries up to its first break are re-keyed, the
rest keep their old hashes so the break stays visible; one entry records what was done.
Triggers make the table append-only (UPDATE, DELETE and, on PostgreSQL, TRUNCATE raise).
A later batch_alter_table on audit_entry recreates the table on SQLite and so drops the
triggers: such a revision must create them again (create_append_only_triggers below).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 21:30:00
"""

import json
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from db import chain

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000
_entries = sa.table(
    "audit_entry",
    sa.column("id", sa.Integer),
    sa.column("seq", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("user_id", sa.Integer),
    sa.column("actor", sa.String),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("summary", sa.Text),
    sa.column("detail", sa.Text),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)
_settings = sa.table(
    "setting", sa.column("key", sa.String), sa.column("value", sa.Text), sa.column("version")
)
_FIELDS = ("at", "user_id", "actor", "action", "entity", "entity_id", "summary", "detail")

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only (操作日志只能追加，不能修改或删除)';
END $$
"""


def create_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_entry_no_{verb.lower()} BEFORE {verb} ON audit_entry "
            "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
        )


def drop_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
        return
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_entry_no_{verb}")


def _batches(bind: sa.Connection):  # type: ignore[no-untyped-def]
    last = 0
    while True:
        rows = bind.execute(
            sa.select(_entries).where(_entries.c.id > last).order_by(_entries.c.id).limit(_BATCH)
        ).all()
        if not rows:
            return
        yield rows
        last = rows[-1].id


def _ledger_uid(bind: sa.Connection) -> tuple[str, bool]:
    """(uid, True) if the ledger already had one: only this revision makes it and its
    downgrade removes it, so a ledger before this revision with an id was put back by hand (an old SHA chain
    rebuilt and the version rolled back): such a chain is not re-keyed."""
    stored = bind.execute(
        sa.select(_settings.c.value).where(_settings.c.key == chain.SETTING_KEY)
    ).scalar()
    if stored:
        return str(json.loads(stored)["uid"]), True
    uid = chain.new_uid()
    value = json.dumps({"uid": uid, "scheme": chain.SCHEME})
    bind.execute(_settings.insert().values(key=chain.SETTING_KEY, value=value, version=1))
    return uid, False


def upgrade() -> None:
    op.add_column("audit_entry", sa.Column("seq", sa.Integer(), nullable=False, server_default="0"))
    bind = op.get_bind()
    uid, rolled_back = _ledger_uid(bind)
    key = chain.ensure_key(uid)
    old_prev, new_prev, seq, broken_at = chain.GENESIS, chain.GENESIS, 0, None
    tail = chain.GENESIS
    for rows in _batches(bind):
        updates = []
        for row in rows:
            seq += 1
            values = [getattr(row, f) for f in _FIELDS]
            if broken_at is None and (
                rolled_back
                or row.prev_hash != old_prev
                or chain.legacy_hash(row.prev_hash, *values) != row.hash
            ):
                broken_at = row.id
            old_prev = row.hash
            if broken_at is None:
                new_prev = chain.mac(key, chain.canonical(new_prev, seq, *values))
                updates.append({"b_id": row.id, "b_seq": seq, "b_prev": tail, "b_hash": new_prev})
                tail = new_prev
            else:
                updates.append({"b_id": row.id, "b_seq": seq, "b_prev": row.prev_hash,
                                "b_hash": row.hash})  # fmt: skip
                tail = row.hash
        bind.execute(
            _entries.update()
            .where(_entries.c.id == sa.bindparam("b_id"))
            .values(
                seq=sa.bindparam("b_seq"),
                prev_hash=sa.bindparam("b_prev"),
                hash=sa.bindparam("b_hash"),
            ),  # fmt: skip
            updates,
        )
    if seq:
        if broken_at is None:
            summary = f"操作日志改用本机密钥签名（HMAC-SHA256）：原 SHA-256 校验链 {seq} 条校验无误，已逐条重新签名"
        else:
            summary = (
                f"操作日志改用本机密钥签名（HMAC-SHA256）：原 SHA-256 校验链在第 {broken_at} 条断开，"
                f"此前的记录已重新签名，此后的记录保留原校验值，断点仍可见"
            )
        detail = json.dumps(
            {"entries": seq, "scheme": chain.SCHEME, "old_chain_broken_at": broken_at},
            ensure_ascii=False,
            sort_keys=True,
        )
        row = dict(
            at=datetime.now().replace(microsecond=0),
            user_id=None,
            actor="系统（数据库升级）",
            action="rekey",
            entity="audit_entry",
            entity_id="",
            summary=summary,
            detail=detail,
        )
        digest = chain.mac(key, chain.canonical(tail, seq + 1, **row))  # type: ignore[arg-type]
        bind.execute(_entries.insert().values(seq=seq + 1, prev_hash=tail, hash=digest, **row))
    create_append_only_triggers()


def downgrade() -> None:
    drop_append_only_triggers()
    bind = op.get_bind()
    previous = chain.GENESIS
    for rows in _batches(bind):
        updates = []
        for row in rows:
            digest = chain.legacy_hash(previous, *[getattr(row, f) for f in _FIELDS])
            updates.append({"b_id": row.id, "b_prev": previous, "b_hash": digest})
            previous = digest
        bind.execute(
            _entries.update()
            .where(_entries.c.id == sa.bindparam("b_id"))
            .values(prev_hash=sa.bindparam("b_prev"), hash=sa.bindparam("b_hash")),
            updates,
        )
    bind.execute(_settings.delete().where(_settings.c.key == chain.SETTING_KEY))
    with op.batch_alter_table("audit_entry") as batch:
        batch.drop_column("seq")
