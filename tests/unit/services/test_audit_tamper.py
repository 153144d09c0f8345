"""Each way of altering the audit log is detected, naming the first bad entry: an edited,
inserted, deleted or reordered entry, a truncated tail, an emptied log, and a chain rebuilt
from scratch (plain SHA-256, as the old program did) by someone who has only the ledger file.
On SQLite, and on PostgreSQL when DUBAN_TEST_PG_URL names a server."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import text

from db import chain
from desktop.services import audit, audit_verify, auth, tasks

COLUMNS = "id, seq, at, user_id, actor, action, entity, entity_id, summary, detail, prev_hash, hash"


@pytest.fixture(params=["sqlite", "postgres"])
def chained(request, ledger):  # type: ignore[no-untyped-def]
    """A ledger with six entries written through the services."""
    target = ledger if request.param == "sqlite" else request.getfixturevalue("pg_ledger")
    actor = auth.system_actor("测试")
    with target.session() as session:
        for n in range(6):
            tasks.create_unit(session, actor, f"测试单位{n}")
    return target


def _rows(ledger) -> list[dict]:  # type: ignore[no-untyped-def]
    with ledger.engine.connect() as connection:
        result = connection.execute(text(f"SELECT {COLUMNS} FROM audit_entry ORDER BY id"))
        return [dict(row._mapping) for row in result]


def _tamper(ledger, *statements: tuple[str, dict]) -> None:  # type: ignore[no-untyped-def]
    """What someone holding the ledger file (or the database owner's password) can do:
    switch the append-only triggers off and change rows directly."""
    with ledger.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(text("DROP TRIGGER IF EXISTS audit_entry_no_update"))
            connection.execute(text("DROP TRIGGER IF EXISTS audit_entry_no_delete"))
        else:
            connection.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER USER"))
        for sql, params in statements:
            connection.execute(text(sql), params)


def _check(ledger):  # type: ignore[no-untyped-def]
    with ledger.session() as session:
        return audit.verify_chain(session)


def _insert(row: dict) -> tuple[str, dict]:
    names = ", ".join(row)
    return f"INSERT INTO audit_entry ({names}) VALUES ({', '.join(':' + k for k in row)})", row


def test_an_untouched_chain_verifies(chained) -> None:
    check = _check(chained)
    assert check.ok and check.entries == 6 and "完整" in check.message


def test_an_edited_entry_is_named(chained) -> None:
    third = _rows(chained)[2]
    _tamper(chained, ("UPDATE audit_entry SET summary = '新建单位“假单位”' WHERE id = :id", third))
    check = _check(chained)
    assert not check.ok and check.first_bad_id == third["id"]
    assert f"第 {third['id']} 条" in check.message and "可能被改动" in check.message


def test_an_inserted_entry_is_named(chained) -> None:
    rows = _rows(chained)
    later = rows[3:]
    forged = dict(rows[3], summary="新建单位“插入的单位”", hash="f" * 64)
    moves = [("DELETE FROM audit_entry WHERE id >= :id", {"id": rows[3]["id"]}), _insert(forged)]
    moves += [_insert(dict(r, id=r["id"] + 1, hash=r["hash"])) for r in later]
    _tamper(chained, *moves)
    check = _check(chained)
    assert not check.ok and check.first_bad_id == rows[3]["id"]


def test_a_deleted_entry_shows_at_the_next(chained) -> None:
    rows = _rows(chained)
    _tamper(chained, ("DELETE FROM audit_entry WHERE id = :id", rows[2]))
    check = _check(chained)
    assert not check.ok and check.first_bad_id == rows[3]["id"]


def test_reordered_entries_are_named(chained) -> None:
    rows = _rows(chained)
    a, b = rows[1], rows[2]
    fields = [c for c in a if c != "id"]
    sets = ", ".join(f"{c} = :{c}" for c in fields)
    _tamper(
        chained,
        ("DELETE FROM audit_entry WHERE id IN (:x, :y)", {"x": a["id"], "y": b["id"]}),
        _insert(dict(b, id=a["id"])),
        _insert(dict(a, id=b["id"])),
    )
    assert sets  # every column moved with its entry
    check = _check(chained)
    assert not check.ok and check.first_bad_id == a["id"]


def test_a_truncated_tail_is_detected_by_the_anchor(chained) -> None:
    rows = _rows(chained)
    _tamper(chained, ("DELETE FROM audit_entry WHERE id > :id", rows[3]))
    check = _check(chained)
    assert not check.ok and "截短" in check.message and "第 5 条起缺失" in check.message


def test_an_emptied_log_is_detected_by_the_anchor(chained) -> None:
    _tamper(chained, ("DELETE FROM audit_entry", {}))
    check = _check(chained)
    assert not check.ok and "清空" in check.message


def test_truncating_then_writing_on_leaves_the_anchor_where_it_was(chained) -> None:
    rows = _rows(chained)
    _tamper(chained, ("DELETE FROM audit_entry WHERE id > :id", rows[1]))
    with chained.session() as session:
        tasks.create_unit(session, auth.system_actor("测试"), "截短后新建的单位")
    check = _check(chained)
    assert not check.ok and "截短" in check.message


def _legacy(rows: list[dict], edit: int) -> list[tuple[str, dict]]:
    """The whole chain recomputed with plain SHA-256 (what anyone can do without the key)."""
    previous, moves = chain.GENESIS, []
    for n, row in enumerate(rows):
        if n == edit:
            row = dict(row, summary="新建单位“重算的单位”")
        values = [row[k] for k in ("at", "user_id", "actor", "action", "entity", "entity_id",
                                   "summary", "detail")]  # fmt: skip
        digest = chain.legacy_hash(previous, *values)
        moves.append(
            (
                "UPDATE audit_entry SET summary = :summary, prev_hash = :p, hash = :h WHERE id = :id",
                {"summary": row["summary"], "p": previous, "h": digest, "id": row["id"]},
            )
        )
        previous = digest
    return moves


def test_a_chain_rebuilt_with_sha_is_detected(chained) -> None:
    rows = _rows(chained)
    _tamper(chained, *_legacy(rows, edit=4))
    check = _check(chained)
    assert not check.ok and check.first_bad_id == rows[0]["id"] and "签名不符" in check.message


def test_a_chain_rebuilt_with_another_key_is_detected(chained) -> None:
    rows, key, previous, moves = (
        _rows(chained),
        hashlib.sha256(b"guess").digest(),
        chain.GENESIS,
        [],
    )
    for row in rows:
        body = [row[k] for k in ("at", "user_id", "actor", "action", "entity", "entity_id",
                                 "summary", "detail")]  # fmt: skip
        digest = chain.mac(key, chain.canonical(previous, row["seq"], *body))
        moves.append(
            (
                "UPDATE audit_entry SET prev_hash = :p, hash = :h WHERE id = :id",
                {"p": previous, "h": digest, "id": row["id"]},
            )  # fmt: skip
        )
        previous = digest
    _tamper(chained, *moves)
    check = _check(chained)
    assert not check.ok and check.first_bad_id == rows[0]["id"]


def test_removing_the_key_id_is_detected(chained) -> None:
    _tamper(chained, ("DELETE FROM setting WHERE key = :k", {"k": chain.SETTING_KEY}))
    check = _check(chained)
    assert not check.ok and "标识" in check.message


def test_a_new_key_id_is_detected_by_the_anchor(chained) -> None:
    uid = chain.new_uid()
    chain.ensure_key(uid)  # even with a key made on this desk for the forged id
    value = json.dumps({"uid": uid, "scheme": chain.SCHEME})
    _tamper(
        chained,
        ("UPDATE setting SET value = :v WHERE key = :k", {"v": value, "k": chain.SETTING_KEY}),
    )
    check = _check(chained)
    assert not check.ok and "整体替换" in check.message


def test_the_table_refuses_update_and_delete(chained) -> None:
    with chained.engine.connect() as connection:
        for sql in ("UPDATE audit_entry SET summary = 'x'", "DELETE FROM audit_entry"):
            with pytest.raises(Exception, match="append-only"):
                connection.execute(text(sql))
            connection.rollback()
    assert _check(chained).ok


def test_the_check_on_open_is_incremental_and_records_a_break_once(ledger) -> None:
    actor = auth.system_actor("测试")
    with ledger.session() as session:
        for n in range(3):
            tasks.create_unit(session, actor, f"单位{n}")
        assert audit_verify.check_and_record(session, incremental=True).ok
        tasks.create_unit(session, actor, "单位3")
        again = audit_verify.check_and_record(session, incremental=True)
    assert again.ok and "本次校验第 4–4 条" in again.message
    last = _rows(ledger)[-1]
    _tamper(ledger, ("UPDATE audit_entry SET actor = 'x' WHERE id = :id", last))
    with ledger.session() as session:
        first = audit_verify.check_and_record(session, incremental=True)
        second = audit_verify.check_and_record(session, incremental=True)
    assert not first.ok and first.first_bad_id == last["id"] and not second.ok
    noted = [r for r in _rows(ledger) if r["action"] == "chain_break"]
    assert len(noted) == 1 and f"第 {last['id']} 条" in noted[0]["summary"]


def test_a_desk_without_the_key_can_neither_verify_nor_write(ledger, tmp_path, monkeypatch) -> None:
    with ledger.session() as session:
        tasks.create_unit(session, auth.system_actor("测试"), "单位")
    monkeypatch.setenv(chain.CONFIG_ENV, str(tmp_path / "other-desk"))
    with ledger.session() as session:
        assert "没有这个台账的操作日志密钥" in audit.verify_chain(session).message
        with pytest.raises(audit.ChainKeyMissing, match="import-key"):
            tasks.create_unit(session, auth.system_actor("测试"), "另一单位")
