"""Open the ledger for the GUI and the CLI (which never import db/ themselves)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from db import search as search_index
from db.engine import Ledger, LedgerError, backup_sqlite, sqlite_path, to_url
from db.engine import open_ledger as _open
from db.models import Task, User
from desktop.services import ledger_guard
from desktop.services.archive import pending
from desktop.services.clock import SYSTEM_CLOCK, Clock
from desktop.services.lamps import cache as lamp_cache
from desktop.services.ledger_address import default_database

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


def ledger_file(database: str | Path | None = None) -> Path | None:
    """The SQLite file a --database value names, without opening it (None: a server)."""
    return sqlite_path(to_url(database or default_database()))


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
