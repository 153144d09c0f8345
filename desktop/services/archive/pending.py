"""Copies written to a medium but not yet in the ledger (archive packages and backups).

A desk killed between the medium's sync and the ledger's commit left a complete package on the
stick that the ledger never heard of. So, just before a copy takes its final name, an entry is
written and synced into a folder beside the ledger; once the ledger's record is committed the
entry is removed. At the next start each entry left is settled from what is on the medium:
the copy is there under its final name (which it only takes once read back and verified) →
recorded now, marked as recorded late; already recorded → dropped; the medium holds no such
copy → dropped; the medium is not there → kept for a later start.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import AuditEntry
from desktop.services import audit
from desktop.services.archive import fsio, offsite
from desktop.services.auth import Actor, Permission, Role
from desktop.services.files import fsync_dir

log = logging.getLogger(__name__)
_DONE = "pending_copies_done"  # session.info: entries to remove once this transaction commits
LATE = "（上次写出后程序未及登记，启动时据介质上的内容补记）"


@dataclass(frozen=True)
class Entry:
    what: str  # "archive" or "backup" (offsite.note's ``what``)
    path: str
    leaves_pc: bool
    entity_id: str
    summary: str
    detail: dict[str, Any]
    actor: tuple[int | None, str, str, str]
    pid: int
    host: str


def folder_for(session: Session) -> Path:
    url = session.get_bind().engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        ledger = Path(url.database)
        return ledger.with_name(ledger.name + ".待登记")
    return Path(user_data_dir("duban", appauthor=False)) / "待登记"


def expect(session: Session, actor: Actor, what: str, path: Path, leaves_pc: bool,
           entity_id: object, summary: str, detail: dict[str, Any]) -> Path:  # fmt: skip
    """Write the entry for a copy about to take its final name ``path``; it is removed when
    the transaction that records the copy commits (see :func:`install`)."""
    folder = folder_for(session)
    folder.mkdir(parents=True, exist_ok=True)
    entry = Entry(what, str(path), leaves_pc, str(entity_id), summary, detail,
                  (actor.user_id, actor.username, actor.display_name, actor.role.value),
                  os.getpid(), socket.gethostname())  # fmt: skip
    target = folder / f"{uuid.uuid4().hex}.json"
    fsio.write_file(target, json.dumps(asdict(entry), ensure_ascii=False, default=str).encode())
    fsync_dir(folder)
    session.info.setdefault(_DONE, []).append(target)
    return target


def install(factory: sessionmaker[Session]) -> None:
    """Remove a transaction's entries once it committed; keep them if it rolled back."""

    @event.listens_for(factory, "after_commit")
    def _committed(session: Session) -> None:
        for entry in session.info.pop(_DONE, []):
            fsio.remove_quietly(entry)

    @event.listens_for(factory, "after_rollback")
    def _rolled_back(session: Session) -> None:
        session.info.pop(_DONE, None)  # the copy stays unrecorded: settled at the next start


def _alive(entry: Entry) -> bool:
    """The desk that wrote it is still running (it will record the copy itself)."""
    if entry.host != socket.gethostname() or entry.pid == os.getpid():
        return False
    try:
        os.kill(entry.pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _recorded(session: Session, entry: Entry) -> bool:
    actions = [f"{offsite.OFFSITE}_{entry.what}", f"{offsite.LOCAL}_{entry.what}"]
    for detail in session.scalars(
        select(AuditEntry.detail).where(AuditEntry.action.in_(actions)).order_by(
            AuditEntry.id.desc()).limit(200)
    ):  # fmt: skip
        try:
            if json.loads(detail or "{}").get("path") == entry.path:
                return True
        except ValueError:
            continue
    return False


@audit.writes(Permission.BACKUP)
def _record_late(session: Session, actor: Actor, entry: Entry) -> None:
    offsite.note(session, actor, entry.what, entry.leaves_pc, entry.entity_id,
                 entry.summary + LATE, {**entry.detail, "recorded_late": True})  # fmt: skip


def settle(session: Session) -> list[str]:
    """At start: record what a killed desk wrote but did not record. Returns what was done."""
    folder = folder_for(session)
    if not folder.is_dir():
        return []
    done = []
    for file in sorted(folder.glob("*.json")):
        try:
            entry = Entry(**json.loads(file.read_text("utf-8")))
        except (OSError, ValueError, TypeError):
            log.warning("unreadable pending-copy entry %s removed", file)
            fsio.remove_quietly(file)
            continue
        path = Path(entry.path)
        if _alive(entry):
            continue
        if _recorded(session, entry):
            fsio.remove_quietly(file)
            continue
        if path.exists():
            user_id, username, display, role = entry.actor
            who = next((r for r in Role if r.value == role), Role.SYSADMIN)  # "admin": before 三员
            _record_late(session, Actor(user_id, username, display, who), entry)
            done.append(f"已补记：{entry.summary}")
        elif not path.parent.is_dir():
            continue  # the stick is not plugged in: try again at a later start
        fsio.remove_quietly(file)
    return done
