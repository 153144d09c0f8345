"""Verifying the audit chain: streamed in id order in bounded memory, whole or from the last
verified entry, against this desk's key and anchor. A break is recorded once in the log."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from db import chain
from db.models import AuditEntry, Setting
from db.private import write_private
from desktop.services import audit, audit_anchor, chain_walk
from desktop.services.audit import ChainCheck
from desktop.services.audit_anchor import Head, Verified
from desktop.services.auth import Actor, Permission, system_actor
from desktop.services.errors import ValidationError

log = logging.getLogger(__name__)

_BATCH = 10_000
_SELECT = chain_walk.SELECT_AFTER
_START = Head(0, 0, chain.GENESIS)


def _rows(session: Session, after: int) -> Iterator[Any]:
    """Entries after row id ``after``, streamed (never the whole log in memory)."""
    connection = session.connection()
    sql = _SELECT.format(after=int(after))
    if connection.dialect.name == "sqlite":
        # The driver's own cursor: SQLite's stored time text comes back raw (db.chain.at_text)
        # and no ORM or row objects are built per entry.
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql)
            while batch := cursor.fetchmany(_BATCH):
                yield from batch
        finally:
            cursor.close()
        return
    result = connection.execution_options(stream_results=True, yield_per=_BATCH).execute(text(sql))
    for part in result.partitions():
        yield from part


def _walk(session: Session, key: bytes, start: Head, anchor_count: int) -> chain_walk.Walk:
    return chain_walk.walk(_rows(session, start.id), key, start, anchor_count)


def _uid(session: Session) -> str:
    row = session.get(Setting, chain.SETTING_KEY)
    if row is None:
        return ""
    try:
        return str(json.loads(row.value).get("uid", ""))
    except (ValueError, AttributeError):
        return ""


def _still_there(session: Session, key: bytes, head: Head) -> bool:
    """Is the entry ``head`` names still in the ledger, unchanged (its MAC recomputed)?"""
    entry = session.get(AuditEntry, head.id, populate_existing=True)
    return (
        entry is not None
        and (entry.seq, entry.hash) == (head.count, head.hash)
        and audit.entry_hash(entry, key) == head.hash
    )


def _broken(count: int, bad_id: int | None, message: str) -> ChainCheck:
    return ChainCheck(False, count, bad_id, message)


def verify(session: Session, *, incremental: bool = False) -> ChainCheck:
    """Walk the chain (from the last verified entry when ``incremental``), then hold it against
    this desk's anchor: a shorter, emptied or rewritten log shows even if it is self-consistent.
    A good result moves the verified position and the anchor on."""
    location = audit_anchor.location_of(session.get_bind().engine.url)
    uid = _uid(session)
    anchor = audit_anchor.read_anchor(location)
    has_entries = session.scalar(select(AuditEntry.id).limit(1)) is not None
    if not uid:
        if has_entries:
            return _broken(0, None, "操作日志的密钥标识被删除，无法校验，日志可能被改动过。")
        if anchor is not None and anchor[1].count:
            return _broken(0, None, _emptied(anchor[1].count))
        return ChainCheck(True, 0, None, "操作日志完整：共 0 条，校验链无断点。", _START)
    key = chain.load_key(uid)
    if key is None:
        return _broken(
            0, None, "本机没有这个台账的操作日志密钥，无法校验（见 duban audit --import-key）。"
        )
    if anchor is not None and anchor[0] != uid:
        return _broken(0, None, "台账的操作日志标识与本机记录的不同：台账可能被整体替换或重建过。")
    anchor_head = anchor[1] if anchor else None
    start, now = _START, datetime.now()
    if incremental:
        done = audit_anchor.read_verified(location, uid)
        if (
            done
            and audit_anchor.whole_pass_recent(done, now)
            and _still_there(session, key, done.head)
        ):
            start = done.head
    walk = _walk(session, key, start, anchor_head.count if anchor_head else -1)
    if walk.bad_id is not None:
        return _broken(
            walk.head.count,
            walk.bad_id,
            f"操作日志第 {walk.bad_id} 条与前后记录不符（{walk.reason}），日志可能被改动过。",
        )
    total = walk.head.count
    if anchor_head is not None:
        if total < anchor_head.count:
            message = (
                _emptied(anchor_head.count)
                if total == 0
                else f"操作日志被截短：本机记录到第 {anchor_head.count} 条，台账中现只有 {total} 条"
                f"（第 {total + 1} 条起缺失），日志可能被删除过。"
            )
            return _broken(total, None, message)
        seen = walk.at_anchor
        if seen is None and anchor_head.count <= start.count:
            seen = (
                (anchor_head.id, anchor_head.hash)
                if _still_there(session, key, anchor_head)
                else None
            )
        if anchor_head.count and seen != (anchor_head.id, anchor_head.hash):
            bad = seen[0] if seen else anchor_head.id
            return _broken(
                total, bad, f"操作日志第 {bad} 条与本机锚点记录的不一致，日志可能被重写过。"
            )
    stamp = now.isoformat(timespec="seconds")
    previous = audit_anchor.read_verified(location, uid)
    full_at = stamp if start.count == 0 else (previous.full_at if previous else stamp)
    audit_anchor.write_verified(location, uid, Verified(walk.head, stamp, full_at))
    if walk.head.count:
        audit_anchor.advance_anchor(location, uid, walk.head)
    span = (
        f"（本次校验第 {start.count + 1}–{total} 条）"
        if start.count and total > start.count
        else ""
    )
    return ChainCheck(
        True, total, None, f"操作日志完整：共 {total} 条{span}，校验链无断点。", walk.head
    )


def _emptied(count: int) -> str:
    return f"操作日志被清空：本机记录到第 {count} 条，台账中现已没有记录，日志可能被删除过。"


@audit.writes(Permission.READ)
def _note_break(session: Session, actor: Actor, check: ChainCheck) -> None:
    audit.record(
        session,
        actor,
        "chain_break",
        "audit_entry",
        check.first_bad_id or "",
        f"校验发现操作日志断点：{check.message}",
        {"first_bad_id": check.first_bad_id, "entries": check.entries},
    )


def check_and_record(session: Session, *, incremental: bool) -> ChainCheck:
    """Verify; a break is logged and written into the audit log once (not on every open)."""
    check = verify(session, incremental=incremental)
    session.rollback()  # end the read snapshot before any write
    if check.ok:
        return check
    log.error("操作日志校验未通过：%s", check.message)
    location = audit_anchor.location_of(session.get_bind().engine.url)
    uid = _uid(session)
    done = audit_anchor.read_verified(location, uid)
    marker = check.first_bad_id if check.first_bad_id is not None else -check.entries - 1
    if done is not None and done.recorded_break == marker:
        return check
    try:
        _note_break(session, system_actor("操作日志校验"), check)
    except Exception:  # noqa: BLE001 - e.g. no key on this desk: the banner still shows
        log.warning("断点未能记入操作日志", exc_info=True)
        return check
    head = done.head if done is not None else _START
    audit_anchor.write_verified(
        location,
        uid,
        Verified(
            head, datetime.now().isoformat(timespec="seconds"), done.full_at if done else "", marker
        ),
    )
    return check


# --- chain heads outside the ledger (backups, archive packages) -------------------------------


def current_head(session: Session) -> tuple[str, Head]:
    """The ledger's id and its newest entry (not verified: a cheap look at the tail)."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.id, AuditEntry.hash)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return _uid(session), Head(*last) if last else _START


def head_document(session: Session) -> bytes:
    uid, head = current_head(session)
    location = audit_anchor.location_of(session.get_bind().engine.url)
    return audit_anchor.head_document(
        uid, head, location, datetime.now().isoformat(timespec="seconds")
    )


def check_against(session: Session, uid: str, head: Head, source: str) -> ChainCheck:
    """Does the ledger still hold the entry a backup or package recorded as its newest?"""
    if uid != _uid(session):
        return _broken(0, None, f"{source}来自另一个台账（操作日志标识不同），无法对照。")
    if head.count == 0:
        return ChainCheck(True, 0, None, f"{source}记载的操作日志为空，无可对照。")
    key = chain.load_key(uid)
    if key is None:
        return _broken(
            0, None, "本机没有这个台账的操作日志密钥，无法校验（见 duban audit --import-key）。"
        )
    if not _still_there(session, key, head):
        return _broken(
            0,
            head.id,
            f"操作日志第 {head.id} 条（第 {head.count} 条记录）与{source}记载的不一致或已不存在，"
            "日志在其后被截短或改写过。",
        )
    return ChainCheck(
        True, head.count, None, f"与{source}对照一致：第 {head.count} 条记录仍在且未被改动。", head
    )


def head_of_file(connection: sqlite3.Connection) -> tuple[str, Head]:
    """The ledger id and newest entry of a SQLite ledger file, read raw (not verified)."""
    row = connection.execute("SELECT value FROM setting WHERE key = ?", (chain.SETTING_KEY,))
    found = row.fetchone()
    uid = str(json.loads(found[0]).get("uid", "")) if found else ""
    last = connection.execute(
        "SELECT seq, id, hash FROM audit_entry ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return uid, Head(*last) if last else _START


def head_document_of_file(snapshot: Path, ledger: Path) -> bytes:
    """The head document of a SQLite snapshot of the ledger at ``ledger`` (for its backup)."""
    connection = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
    try:
        uid, head = head_of_file(connection)
    finally:
        connection.close()
    location = audit_anchor.location_of(f"sqlite:///{ledger}")
    return audit_anchor.head_document(
        uid, head, location, datetime.now().isoformat(timespec="seconds")
    )


def read_head_of(path: Path) -> tuple[str, Head, str]:
    """(uid, head, what it is) from a head file, a backup beside its head, or a package folder."""
    candidates = [
        path,
        path.with_name(path.name + ".audit-head.json"),
        path / audit_anchor.HEAD_FILE,
    ]
    for candidate in candidates:
        if candidate.is_file():
            found = audit_anchor.read_head_document(candidate.read_bytes())
            if found is not None:
                source = "归档包" if candidate.name == audit_anchor.HEAD_FILE else "备份"
                return found[0], found[1], source
    raise ValidationError(f"“{path}”没有督办台记载的操作日志链头（audit-head.json）。")


_KEY_FORMAT = "duban-audit-key/1"


def export_key(session: Session, target: Path) -> None:
    """The ledger's key as a small file (0600), for a second desk on a shared ledger or a move."""
    uid = _uid(session)
    key = chain.load_key(uid) if uid else None
    if key is None:
        raise ValidationError("本机没有这个台账的操作日志密钥，无可导出。")
    write_private(target, f"{_KEY_FORMAT} {uid} {key.hex()}\n".encode("ascii"))


def import_key(session: Session, source: Path) -> bool:
    try:
        form, uid, hexkey = source.read_text("ascii").split()
        key = bytes.fromhex(hexkey)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(f"“{source}”不是督办台导出的操作日志密钥文件。") from exc
    if form != _KEY_FORMAT or len(key) != 32:
        raise ValidationError(f"“{source}”不是督办台导出的操作日志密钥文件。")
    if uid != _uid(session):
        raise ValidationError("这把密钥属于另一个台账，未导入。")
    try:
        return chain.install_key(uid, key)
    except ValueError as exc:
        raise ValidationError(
            "本机已有这个台账的另一把密钥，未导入（请核实哪一把是真的）。"
        ) from exc
