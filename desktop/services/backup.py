"""Backups of the SQLite ledger: an online backup with a SHA-256 sidecar and rolling local copies
(restoring one: desktop/services/backup_restore.py)."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry
from db.private import open_private, private_dir, tighten
from desktop.services import (
    audit,
    audit_verify,
    backup_crypto,
    media,
    restore_chain,
    settings,
)
from desktop.services.archive import fsio, offsite, pending
from desktop.services.archive.fsio import UNFINISHED, MediaError, human_size
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.files import file_sha256, fsync_dir
from desktop.services.ledger import backup_sqlite

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


def copy_verified(source: Path, target: Path) -> str:
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
                digest = copy_verified(snap, temps[0])
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
