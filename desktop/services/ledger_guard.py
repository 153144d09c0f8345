"""A desk whose ledger file was replaced under it (a restore, a copy over it) stops writing.

SQLite keeps writing into the file it opened, even after another file took its name: every
save would land in a file nobody will ever open again. So the ledger's identity (device and
inode) is taken when it is opened, and every commit first checks the name still points there.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from db.engine import Ledger
from desktop.services.errors import DomainError

_KEY = "_duban_ledger_identity"


class LedgerReplaced(DomainError):
    """The ledger file this desk opened is no longer the one at its path."""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def message(path: Path) -> str:
    return (
        f"台账文件“{path}”已被替换（例如在别处从备份恢复了台账）。"
        "本窗口打开的是替换前的台账，已停止保存任何修改，以免修改落到无人再打开的旧文件里。\n"
        "请关闭督办台后重新打开；刚才这次修改未保存。"
    )


def replaced(ledger: Ledger) -> bool:
    """The file at the ledger's path is no longer the one its sessions write to."""
    known = getattr(ledger.session_factory, _KEY, None)
    return known is not None and _identity(known[0]) != known[1]


def install(ledger: Ledger) -> None:
    """Remember what the ledger's file is now, and refuse every service write once it changed.

    Only writes through audit.writes (session.info["write_depth"]) are refused: a cache the
    desk keeps for itself may still be refreshed into the old file, which harms nobody.
    """
    path = ledger.path
    if path is None:  # a server database: the server keeps it, nobody swaps a file
        return
    factory = ledger.session_factory
    setattr(factory, _KEY, (path, _identity(path)))

    @event.listens_for(factory, "before_commit")
    def _check(session: Session) -> None:
        if session.info.get("write_depth") and replaced(ledger):
            raise LedgerReplaced(message(path))
