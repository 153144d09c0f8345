"""Before a restore: the backup's audit log held against the head recorded beside it (its
``.audit-head.json``) and against this desk's anchor for the ledger it would replace.

A backup whose log does not end where its recorded head says was cut back or rewritten after
it was made: refused. A backup whose log is older than what this desk has seen of the ledger,
forks from it, or belongs to another ledger rolls the audit trail back: allowed only with a
reason, which the restore's own audit entry keeps (with both heads).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry
from desktop.services import audit_anchor, audit_verify
from desktop.services.audit_anchor import Head

HEAD_SIDECAR = ".audit-head.json"  # the log's newest entry when the copy was made
NEEDS_REASON = "恢复会使操作日志回退，须写明理由确认（记入操作日志）后才能恢复；台账未作任何改动。"


@dataclass(frozen=True)
class Rollback:
    """What replacing the ledger by the backup does to the audit trail this desk has seen."""

    message: str
    detail: dict[str, object]


def against_recorded(path: Path, connection: sqlite3.Connection) -> tuple[str, str]:
    """(problem, note): does the backup's log end at the head recorded beside it?"""
    sidecar = path.with_name(path.name + HEAD_SIDECAR)
    if not sidecar.is_file():
        return "", (
            f"没有同名的 {HEAD_SIDECAR} 链头记录，无法确认备份的操作日志在制作后未被截短或改写。"
        )
    recorded = audit_anchor.read_head_document(sidecar.read_bytes())
    if recorded is None:
        return f"备份旁的链头记录（{HEAD_SIDECAR}）无法识别：它已损坏或被改动。", ""
    try:
        uid, head = audit_verify.head_of_file(connection)
    except (sqlite3.DatabaseError, ValueError, TypeError, AttributeError):
        return "备份的操作日志无法读取，无法与其链头记录对照。", ""
    want = recorded[1]
    if uid != recorded[0]:
        return "备份的操作日志标识与其链头记录不同：备份或链头记录被替换过。", ""
    if head.count < want.count:
        return (
            f"备份的操作日志被截短：链头记录到第 {want.count} 条，备份中只有 {head.count} 条。",
            "",
        )
    if head.count > want.count:
        return (
            f"备份的操作日志比其链头记录多出 {head.count - want.count} 条：备份在制作后被改动过。",
            "",
        )
    if head != want:
        return f"备份的操作日志第 {want.count} 条与其链头记录不一致：日志被改写过。", ""
    return "", ""


def rollback_of(session: Session, ledger: Path) -> Rollback | None:
    """Restoring the opened (and verified) backup in ``session`` over ``ledger``: None when its
    log runs on from this desk's anchor, else what the audit trail loses."""
    location = audit_anchor.location_of(f"sqlite:///{Path(ledger).resolve()}")
    anchor = audit_anchor.read_anchor(location)
    if anchor is None or anchor[1].count == 0:
        return None
    anchor_uid, seen = anchor
    uid, head = audit_verify.current_head(session)
    detail: dict[str, object] = {
        "anchor_uid": anchor_uid,
        "anchor": asdict(seen),
        "backup_uid": uid,
        "backup": asdict(head),
    }
    if uid != anchor_uid:
        message = (
            "该备份来自另一个台账（操作日志标识不同）：本机记录的当前台账操作日志"
            f"（共 {seen.count} 条）将不在恢复后的台账中。"
        )
    elif head.count < seen.count:
        message = (
            f"该备份的操作日志到第 {head.count} 条为止，本机已记录到第 {seen.count} 条："
            f"恢复后，其后的 {seen.count - head.count} 条操作记录将不在台账中（原台账另存备查）。"
        )
    elif not _holds(session, seen):
        message = (
            f"该备份的操作日志与本机记录的第 {seen.count} 条不一致："
            "备份与当前台账的操作日志已分岔，其中之一可能被改写过。"
        )
    else:
        return None
    return Rollback(message, detail)


def _holds(session: Session, head: Head) -> bool:
    found = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.id == head.id)
    ).first()
    return found is not None and tuple(found) == (head.count, head.hash)
