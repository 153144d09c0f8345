"""Restoring the ledger from a backup: the file checked first (its hash, schema, contents and
audit chain), the current ledger kept beside it, and a restore that rolls this desk's audit
trail back only with a reason (desktop/services/restore_chain.py)."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from db import migrate
from db.incidents import log_incident
from desktop.services import (
    audit,
    audit_anchor,
    backup_crypto,
    desk_lock,
    restore_chain,
)
from desktop.services.archive import fsio
from desktop.services.archive.fsio import MediaError
from desktop.services.auth import Actor, Permission, require
from desktop.services.backup import COUNTED, SIDECAR, copy_verified
from desktop.services.clock import Clock
from desktop.services.errors import ValidationError
from desktop.services.files import file_sha256, fsync_dir
from desktop.services.ledger import LedgerError, backup_sqlite, open_ledger
from desktop.services.restore_chain import Rollback

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    sha256: str = ""
    revision: str = ""
    counts: tuple[tuple[str, int], ...] = ()
    last_change: datetime | None = None
    rollback: str = ""  # restoring it rolls this desk's audit trail back: needs a reason

    @property
    def ok(self) -> bool:
        return not self.problems

    def text(self) -> str:
        lines = [f"备份文件：{self.path}"]
        if self.counts:
            lines.append("内容：" + "，".join(f"{label} {n}" for label, n in self.counts))
        if self.last_change:
            lines.append(
                f"最后一次操作：{self.last_change:%Y-%m-%d %H:%M}（数据库版本 {self.revision}）"
            )
        lines += [f"注意：{n}" for n in self.notes]
        lines += [f"问题：{p}" for p in self.problems]
        if not self.ok:
            lines.append("检查未通过，不能用它恢复。")
        elif self.rollback:
            lines.append(f"须确认：{self.rollback}")
            lines.append("检查通过，但恢复会使操作日志回退，须写明理由确认（记入操作日志）。")
        else:
            lines.append("检查通过，可以恢复。")
        return "\n".join(lines)


def inspect_backup(path: Path, ledger: Path | None = None) -> BackupCheck:
    """Every check a restore makes, read-only: it never raises, whatever the file holds.

    A backup passes only as a ledger of this program: its sidecar hash, SQLite's integrity
    check, a known schema revision with every table and column that revision has, a log that
    ends at the head recorded beside it, and an audit chain that verifies once the copy is
    opened (on a scratch copy, upgraded if it is older). Given the ``ledger`` it would replace,
    it also says whether the restore rolls this desk's audit trail back (restore_chain).
    """
    path = Path(path)
    try:
        found = _inspect_file(path)
        if found.ok:
            with tempfile.TemporaryDirectory(prefix="duban-restore-check-") as tmp:
                copy = Path(tmp) / "check.sqlite3"
                shutil.copyfile(path, copy)
                problem, rollback = _opens_and_verifies(copy, ledger)
            if problem:
                found = replace(found, problems=(problem,))
            elif rollback is not None:
                found = replace(found, rollback=rollback.message)
        return found
    except Exception as exc:  # never a traceback for a file a clerk picked
        reference = log_incident(log, f"checking backup {path}", exc)
        return BackupCheck(path, (f"检查备份时出现内部错误（参考编号 {reference}）。",), ())


def _inspect_file(path: Path) -> BackupCheck:
    if not path.is_file():
        return BackupCheck(path, (f"找不到文件“{path}”。",), ())
    if backup_crypto.is_encrypted(path):
        return BackupCheck(path, ("这是加密备份，须先输入备份口令解密后才能检查和恢复。",), ())
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return BackupCheck(path, ("不是督办台的台账备份（不是 SQLite 数据库文件）。",), ())
    problems: list[str] = []
    notes: list[str] = []
    digest = file_sha256(path)
    sidecar = path.with_name(path.name + SIDECAR)
    if sidecar.is_file():
        recorded = sidecar.read_text("utf-8", "replace").split()[:1]
        if recorded != [digest]:
            problems.append("文件与其 .sha256 校验值不符：备份已损坏或被改动。")
    else:
        notes.append("没有同名的 .sha256 校验文件，无法确认备份在拷贝途中未被改动。")
    revision, counts, last = "", [], None
    try:
        # immutable=1: read a stick or a disc without creating journal files on it.
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                problems.append(f"数据库完整性检查未通过：{result[0][0] if result else '无结果'}")
                return BackupCheck(path, tuple(problems), tuple(notes), digest)
            revision, problem = _revision(connection)
            if problem:
                problems.append(problem)
                return BackupCheck(path, tuple(problems), tuple(notes), digest, revision)
            problems += _schema_problems(connection, revision)
            if not problems:
                problem, note = restore_chain.against_recorded(path, connection)
                problems += [problem] if problem else []
                notes += [note] if note else []
            if not problems:
                counts = [
                    (label, connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
                    for t, label in COUNTED
                ]
                last, problem = _last_change(connection)
                problems += [problem] if problem else []
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        problems.append(f"文件已损坏，无法作为数据库打开（{type(exc).__name__}）。")
    return BackupCheck(path, tuple(problems), tuple(notes), digest, revision, tuple(counts), last)


_NOT_OURS = "这不是督办台的台账（{what}）。"


def _revision(connection: sqlite3.Connection) -> tuple[str, str]:
    """The backup's schema revision, or a problem: none recorded, several, or unknown."""
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        return "", _NOT_OURS.format(what="没有数据库版本记录")
    rows = [r[0] for r in connection.execute("SELECT version_num FROM alembic_version")]
    if len(rows) != 1 or not isinstance(rows[0], str) or not rows[0]:
        return "", _NOT_OURS.format(what="数据库版本记录为空或不止一条")
    revision = rows[0]
    if not migrate.is_known(revision):
        return revision, (
            f"该备份的数据库版本 {revision} 本程序不认识（可能由更新版本的督办台创建），不能恢复它。"
        )
    return revision, ""


def _schema_problems(connection: sqlite3.Connection, revision: str) -> list[str]:
    """Every table and column a ledger at ``revision`` has must be there."""
    expected = migrate.expected_schema(revision)
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = sorted(set(expected.columns) - tables)
    if missing:
        shown = "、".join(missing[:5]) + ("等" if len(missing) > 5 else "")
        return [_NOT_OURS.format(what=f"缺少 {len(missing)} 张台账的表：{shown}")]
    lacking = []
    for table, columns in sorted(expected.columns.items()):
        have = {r[1] for r in connection.execute(f'PRAGMA table_info("{table}")')}
        lacking += [f"{table}.{c}" for c in sorted(columns - have)]
    if lacking:
        shown = "、".join(lacking[:5]) + ("等" if len(lacking) > 5 else "")
        return [_NOT_OURS.format(what=f"表中缺少 {len(lacking)} 个字段：{shown}")]
    return []


def _last_change(connection: sqlite3.Connection) -> tuple[datetime | None, str]:
    at = connection.execute("SELECT max(at) FROM audit_entry").fetchone()[0]
    if at is None:
        return None, ""
    try:
        return datetime.fromisoformat(str(at)), ""
    except ValueError:
        return None, "操作日志中有无法识别的时间，日志可能被改动过。"


def _opens_and_verifies(copy: Path, ledger: Path | None) -> tuple[str, Rollback | None]:
    """Open a copy as a ledger (upgrading an older one), verify its audit chain, and hold it
    against this desk's anchor for ``ledger``: (problem, what a restore would roll back)."""
    # The copy's own chain with the ledger's key; not against an anchor left by an earlier copy
    # at the same temporary path (the desk's anchor is for the live ledger, reset on restore).
    scratch = audit_anchor.location_of(f"sqlite:///{copy.resolve()}")
    audit_anchor.forget(scratch)
    try:
        opened = open_ledger(copy)
    except LedgerError as exc:
        return f"备份无法作为台账打开：{exc}", None
    try:
        with opened.session() as session:
            chain = audit.verify_chain(session)
            if not chain.ok:
                return f"备份的操作日志校验未通过：{chain.message}", None
            return "", restore_chain.rollback_of(session, ledger) if ledger else None
    except Exception as exc:  # a value the log's columns cannot hold
        reference = log_incident(log, f"verifying the audit chain of {copy}", exc)
        return f"备份的操作日志无法校验，日志可能被改动过（参考编号 {reference}）。", None
    finally:
        opened.dispose()
        audit_anchor.forget(scratch)


@dataclass(frozen=True)
class RestoreResult:
    ledger: Path
    set_aside: Path | None
    check: BackupCheck


@audit.writes(Permission.MANAGE)
def _note_restore(
    session: Session,
    actor: Actor,
    check: BackupCheck,
    aside: Path | None,
    rollback: Rollback | None,
    reason: str,
) -> None:
    summary = f"从备份“{check.path.name}”恢复台账" + (
        f"，原台账已保存为“{aside.name}”" if aside else ""
    )
    if rollback is not None:
        summary += f"。经确认回退操作日志：{rollback.message}理由：{reason}"
    audit.record(
        session,
        actor,
        "restore",
        "ledger",
        check.path.name,
        summary,
        {
            "backup": str(check.path),
            "sha256": check.sha256,
            "set_aside": str(aside or ""),
            **({"rollback": rollback.detail, "reason": reason} if rollback else {}),
        },
    )


def restore(
    ledger_path: Path, backup: Path, actor: Actor, clock: Clock, *, reason: str = ""
) -> RestoreResult:
    """Replace the ledger file by a checked backup, the current one kept until the new one opened.

    Refused while any desk holds the ledger (desk_lock, the lock the GUI takes); the caller
    must have closed its own connections and released its own lock. Order: the backup is copied
    beside the ledger and opened there (upgraded, chain verified); only then is the current
    ledger copied aside, checkpointed, and the new file renamed over it. A backup that rolls
    this desk's audit trail back (restore_chain) needs a ``reason``, kept in the restore's entry.
    """
    require(actor, Permission.MANAGE)
    ledger_path = Path(ledger_path)
    ledger_path.parent.mkdir(parents=True, exist_ok=True)
    with desk_lock.hold(ledger_path):
        check = _inspect_file(Path(backup))
        if not check.ok:
            raise ValidationError("备份未通过检查，台账未作任何改动：\n" + check.text())
        staged = ledger_path.with_name(ledger_path.name + ".恢复中")
        aside = None
        try:
            if copy_verified(Path(backup), staged) != check.sha256:
                raise MediaError("备份文件在检查后发生了变化，未恢复。")
            problem, rollback = _opens_and_verifies(staged, ledger_path)
            if problem:
                raise ValidationError("备份未通过检查，台账未作任何改动：\n" + problem)
            if rollback is not None and not reason.strip():
                raise ValidationError(restore_chain.NEEDS_REASON + "\n" + rollback.message)
            if ledger_path.exists():
                aside = _keep_current(ledger_path, clock)
            os.replace(staged, ledger_path)
            fsync_dir(ledger_path.parent)
            # The restored log is older than this desk's anchor on purpose: start a new one.
            audit_anchor.forget(audit_anchor.location_of(f"sqlite:///{ledger_path.resolve()}"))
        except OSError as exc:
            raise MediaError(f"恢复失败：{fsio.reason(exc)}。原台账未被替换。") from exc
        finally:
            for leftover in (staged, Path(f"{staged}-wal"), Path(f"{staged}-shm")):
                fsio.remove_quietly(leftover)
        opened = open_ledger(ledger_path, clock)
        try:
            with opened.session() as session:
                # The restored ledger may not know this user's id: record the name only.
                _note_restore(
                    session,
                    Actor(None, actor.username, actor.display_name, actor.role),
                    check,
                    aside,
                    rollback,
                    reason.strip(),
                )
        finally:
            opened.dispose()
    return RestoreResult(ledger_path, aside, check)


def _keep_current(ledger_path: Path, clock: Clock) -> Path:
    """Copy the current ledger aside, then fold its WAL into it so that no stale journal
    is left beside the name the restored file takes."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    aside = ledger_path.parent / "backups" / f"{ledger_path.stem}.恢复前-{stamp}.sqlite3"
    try:
        backup_sqlite(ledger_path, aside)
        connection = sqlite3.connect(ledger_path)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
    except sqlite3.DatabaseError:  # not a readable database: keep its bytes as they are
        aside.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ledger_path, aside)
        for suffix in ("-wal", "-shm"):
            if Path(f"{ledger_path}{suffix}").exists():
                shutil.copyfile(f"{ledger_path}{suffix}", f"{aside}{suffix}")
    for suffix in ("-wal", "-shm"):
        Path(f"{ledger_path}{suffix}").unlink(missing_ok=True)
    return aside
