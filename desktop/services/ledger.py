"""Open the ledger for the GUI and the CLI (which never import db/ themselves)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import sessionmaker

from db import search as search_index
from db.chain import config_dir
from db.engine import Ledger, LedgerError, backup_sqlite, sqlite_path, to_url
from db.engine import open_ledger as _open
from db.models import Task, User
from db.private import private_dir
from desktop.services import ledger_guard
from desktop.services.archive import pending
from desktop.services.clock import SYSTEM_CLOCK, Clock
from desktop.services.errors import ValidationError
from desktop.services.lamps import cache as lamp_cache

log = logging.getLogger(__name__)

__all__ = [
    "Ledger",
    "LedgerError",
    "backup_sqlite",
    "default_database",
    "is_empty",
    "ledger_file",
    "open_ledger",
]


def default_database() -> Path:
    """ledger.sqlite3 in the user's data folder, which is kept 0700 (db/private.py)."""
    return private_dir(Path(user_data_dir("duban", appauthor=False))) / "ledger.sqlite3"


def ledger_file(database: str | Path | None = None) -> Path | None:
    """The SQLite file a --database value names, without opening it (None: a server)."""
    return sqlite_path(to_url(database or default_database()))


def password_in(url: str) -> bool:
    try:
        return make_url(url).password is not None
    except ArgumentError:
        return False


def server_url_path() -> Path:
    return config_dir() / "database.url"


def server_url_setting() -> str | None:
    """The shared ledger's full address (password included) from the user's settings folder;
    refused unless the file is the user's only (0600), since it holds a password."""
    path = server_url_path()
    if not path.is_file():
        return None
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise ValidationError(f"{path} 含数据库密码，须只有本人可读（chmod 600 {path}），未使用。")
    text = path.read_text("utf-8").strip()
    return text or None


def open_ledger(database: str | Path | None = None, clock: Clock = SYSTEM_CLOCK) -> Ledger:
    """Open (creating and migrating as needed) the ledger; its sessions carry the clock."""
    ledger = _open(database or default_database())
    ledger.session_factory = sessionmaker(
        ledger.engine, expire_on_commit=False, info={"clock": clock}
    )
    lamp_cache.install(ledger.session_factory)  # keeps cached lamps in step with every write
    ledger_guard.install(ledger)  # a file swapped under the desk takes no more writes
    pending.install(ledger.session_factory)  # a copy's journal entry goes once it is recorded
    _settle_pending(ledger)
    search_index.install(ledger.session_factory)  # the search index too, in the same transaction
    return ledger


def _settle_pending(ledger: Ledger) -> None:
    """Record the copies a killed desk wrote to a medium but not into the ledger."""
    try:
        with ledger.session() as session:
            for line in pending.settle(session):
                log.warning(line)
    except Exception:  # never keep a ledger from opening over this; the entry stays
        log.exception("settling pending copies failed")


def is_empty(ledger: Ledger) -> bool:
    with ledger.session() as session:
        return not session.scalar(select(func.count()).select_from(Task)) and not session.scalar(
            select(func.count()).select_from(User)
        )
