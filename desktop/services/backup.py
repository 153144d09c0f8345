"""Backups of the SQLite ledger: an online backup with a SHA-256 sidecar, rolling local copies, and
a restore that checks the file and keeps the current ledger before anything is replaced."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import migrate
from db.incidents import log_incident
from db.models import AuditEntry
from db.private import open_private, private_dir, tighten
from desktop.services import (
    audit,
    audit_anchor,
    audit_verify,
    backup_crypto,
    desk_lock,
    media,
    restore_chain,
    settings,
)
from desktop.services.archive import fsio, offsite, pending
from desktop.services.archive.fsio import UNFINISHED, MediaError, human_size
from desktop.services.auth import Actor, Permission, require
from desktop.services.clock import Clock, clock_of
from desktop.services.errors import ValidationError
from desktop.services.files import file_sha256, fsync_dir
from desktop.services.ledger import LedgerError, backup_sqlite, open_ledger
from desktop.services.restore_chain import Rollback

log = logging.getLogger(__name__)

PREFIX = "督办台台账备份"
AUTO_FOLDER = "自动备份"
SIDECAR = ".sha256"
HEAD_SIDECAR = restore_chain.HEAD_SIDECAR
_CHUNK = 1024 * 1024

# What a backup holds, shown before a restore.
COUNTED = (
    ("unit", "单位"),
    ("project", "重点工程"),
    ("task", "任务"),
    ("progress_report", "进度报送"),
    ("fund_entry", "资金记录"),
    ("document", "公文"),
    ("user_account", "用户"),
    ("audit_entry", "操作日志"),
)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    sha256: str
    size: int
    leaves_pc: bool
    pruned: tuple[Path, ...] = ()
    warning: str = ""  # not on removable media: which device it went to (media.Placement)
    cipher: str = ""  # encrypted with this suite (backup_crypto.CIPHERS); "" for a plain copy


def ledger_file(session: Session) -> Path:
    bind = session.get_bind()
    url = bind.engine.url  # an Engine or a Connection: both know their engine
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise ValidationError("共享台账（数据库服务器）由服务器管理员备份，不能在本机备份。")
    return Path(url.database)


def _copy_verified(source: Path, target: Path) -> str:
    """Copy with fsync, then re-read the copy from the device; its hash must equal the source's."""
    digest = hashlib.sha256()
    with open(source, "rb") as src, open_private(target) as dst:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
        fsio.forget_cached(dst.fileno())
    if file_sha256(target) != digest.hexdigest():
        raise MediaError("备份写入后回读与原文件不一致，介质可能有坏块，备份已作废。")
    return digest.hexdigest()


def _snapshot(source: Path, folder: Path) -> Path:
    """SQLite online backup into a local temporary file (never a copy of the live file: WAL)."""
    snap = backup_sqlite(source, folder / "snapshot.sqlite3")
    connection = sqlite3.connect(snap)
    try:
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise MediaError("台账快照自检未通过，未写出备份。")
    finally:
        connection.close()
    return snap


def _encrypt_verified(source: Path, target: Path, passphrase: str, cipher: str) -> str:
    """Encrypt (backup_crypto), then re-read the file from the device: same hash or no backup."""
    digest = backup_crypto.encrypt_file(source, target, passphrase, cipher)
    with open(target, "rb") as handle:
        fsio.forget_cached(handle.fileno())
    if file_sha256(target) != digest:
        raise MediaError("备份写入后回读与原文件不一致，介质可能有坏块，备份已作废。")
    return digest


def write_backup(
    source: Path,
    destination: Path,
    stamp: str,
    before_final: Callable[[Path, str, int], None] | None = None,
    passphrase: str | None = None,
    cipher: str = backup_crypto.DEFAULT_CIPHER,
) -> tuple[Path, str, int]:
    """Write ``<PREFIX>-<stamp>.sqlite3`` (``.sqlite3.enc`` when encrypted with ``passphrase``)
    and its ``.sha256`` into ``destination``, verified.
    ``before_final(path, sha256, size)`` runs just before the copy takes its final name."""
    destination = Path(destination)
    if not destination.is_dir():
        raise ValidationError(f"目标文件夹“{destination}”不存在或不可用（移动介质是否已插好？）。")
    with tempfile.TemporaryDirectory(prefix="duban-backup-") as tmp:
        snap = _snapshot(source, Path(tmp))
        size = snap.stat().st_size
        fsio.check_room(destination, size)
        suffix = ".sqlite3" + (backup_crypto.SUFFIX if passphrase else "")
        final = fsio.unique_target(destination, f"{PREFIX}-{stamp}", suffix)
        sidecar = final.with_name(final.name + SIDECAR)
        head = final.with_name(final.name + HEAD_SIDECAR)
        temps = [final, sidecar, head]
        temps = [p.with_name(p.name + UNFINISHED) for p in temps]
        try:
            if passphrase:
                digest = _encrypt_verified(snap, temps[0], passphrase, cipher)
            else:
                digest = _copy_verified(snap, temps[0])
            fsio.write_file(temps[1], f"{digest}  {final.name}\n".encode())
            fsio.write_file(temps[2], audit_verify.head_document_of_file(snap, source))
            for temp in temps[1:]:
                tighten(temp)  # a copy of the ledger is as private as the ledger
            if before_final is not None:
                before_final(final, digest, size)
            os.rename(temps[0], final)
            os.rename(temps[1], sidecar)
            os.rename(temps[2], head)
            fsync_dir(destination)
        except BaseException as exc:
            for path in (*temps, final, sidecar, head):
                fsio.remove_quietly(path)
            if isinstance(exc, OSError):
                raise MediaError(f"备份失败：{fsio.reason(exc)}。未留下不完整的备份。") from exc
            raise
    return final, digest, size


def _stamp(session: Session) -> str:
    return clock_of(session).now().strftime("%Y%m%d-%H%M%S")


@audit.writes(Permission.BACKUP)
def backup_to(
    session: Session,
    actor: Actor,
    destination: Path,
    *,
    leaves_pc: bool | None = None,
    passphrase: str | None = None,
    cipher: str | None = None,
) -> BackupResult:
    """A full copy of the ledger to a chosen folder or medium, with its hash; encrypted when a
    passphrase is given, with ``cipher`` (backup_crypto.CIPHERS; default: the setting)."""
    if passphrase is not None:
        backup_crypto.check_passphrase(passphrase)
    chosen = backup_crypto.check_cipher(cipher or settings.office(session).backup_cipher)
    destination = Path(destination)
    gone = offsite.on_removable(destination) if leaves_pc is None else leaves_pc
    encrypted = chosen if passphrase is not None else ""

    def expect(final: Path, digest: str, size: int) -> None:  # a kill after the sync still records
        pending.expect(session, actor, "backup", final, gone, final.name,
                       *_backup_record(final, digest, size, gone, encrypted))  # fmt: skip

    path, digest, size = write_backup(
        ledger_file(session), destination, _stamp(session), expect, passphrase, chosen
    )
    offsite.note(
        session,
        actor,
        "backup",
        gone,
        path.name,
        *_backup_record(path, digest, size, gone, encrypted),
    )
    warning = media.placement(path).warning(path)
    return BackupResult(path, digest, size, gone, warning=warning, cipher=encrypted)


def _backup_record(
    path: Path, digest: str, size: int, gone: bool, cipher: str = ""
) -> tuple[str, dict[str, object]]:
    """``cipher``: the suite it was encrypted with, "" for a plain copy."""
    summary = (
        f"备份台账到“{path.parent}”：{human_size(size)}"
        + (f"，已加密（{backup_crypto.CIPHERS[cipher]}）" if cipher else "")
        + ("（移动介质）" if gone else "")
    )
    details: dict[str, object] = {"path": str(path), "sha256": digest, "size": size}
    details["encrypted"] = bool(cipher)
    if cipher:
        details["cipher"] = cipher
    return summary, details


def auto_folder(session: Session) -> Path:
    return ledger_file(session).parent / "backups" / AUTO_FOLDER


@audit.writes(Permission.BACKUP)
def rolling_backup(session: Session, actor: Actor, keep: int | None = None) -> BackupResult:
    """The program's own local copy; only the newest ``keep`` (OfficeSettings.backup_keep) stay."""
    keep = max(1, keep or settings.office(session).backup_keep)
    folder = private_dir(auto_folder(session))
    path, digest, size = write_backup(ledger_file(session), folder, _stamp(session))
    copies = sorted(
        folder.glob(f"{PREFIX}-*.sqlite3"), key=lambda p: (p.stat().st_mtime_ns, p.name)
    )
    pruned = tuple(copies[:-keep])
    for old in pruned:
        fsio.remove_quietly(old.with_name(old.name + SIDECAR))
        fsio.remove_quietly(old.with_name(old.name + HEAD_SIDECAR))
        fsio.remove_quietly(old)
    offsite.note(
        session,
        actor,
        "backup",
        False,
        path.name,
        f"自动备份台账（保留最近 {keep} 份）",
        {"path": str(path), "sha256": digest, "pruned": len(pruned)},
    )
    return BackupResult(path, digest, size, False, pruned)


def rolling_backup_due(session: Session) -> bool:
    """No local backup yet today (the GUI makes one on start, at most once a day)."""
    last = session.scalar(
        select(AuditEntry.at)
        .where(AuditEntry.action == f"{offsite.LOCAL}_backup")
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    return last is None or last.date() < clock_of(session).today()


# --- restore ----------------------------------------------------------------------------------


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
            if _copy_verified(Path(backup), staged) != check.sha256:
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
