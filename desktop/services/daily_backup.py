"""The day's rolling local copy, made after the window is up: retried while another write holds
the ledger (a lamp recompute on a large ledger, a colleague's import), told when it gives up.

A copy refused by a busy ledger is not an error of the clerk's: the worker waits and tries
again a few times, stopping at once when the window closes (``progress`` answers False). Only
when every attempt met a busy ledger does it raise, with a Chinese message for the status bar.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from desktop.services import backup
from desktop.services.auth import Actor
from desktop.services.backup import BackupResult
from desktop.services.errors import ConcurrentChange, ConflictError
from desktop.services.jobs import Progress, step

ATTEMPTS = 6
PAUSE_S = 20  # between attempts: about two minutes in all


def _busy(error: BaseException) -> bool:
    if isinstance(error, ConcurrentChange):
        return True
    return isinstance(error, sqlite3.OperationalError) and "locked" in str(error).lower()


def make_daily_copy(
    open_session: Callable[[], AbstractContextManager[Session]],
    actor: Actor,
    progress: Progress | None = None,
    *,
    attempts: int = ATTEMPTS,
    pause_s: float = PAUSE_S,
    sleep: Callable[[float], None] = time.sleep,
) -> BackupResult | None:
    """The rolling copy if none was made today (None when one was). Each attempt opens its own
    session; a busy ledger is waited for ``pause_s`` and tried again, ``attempts`` times."""
    for attempt in range(1, attempts + 1):
        try:
            with open_session() as session:
                if not backup.rolling_backup_due(session):
                    return None
                return backup.rolling_backup(session, actor)
        except (ConcurrentChange, sqlite3.OperationalError) as error:
            if not _busy(error):
                raise
            if attempt == attempts:
                raise ConflictError(
                    f"台账一直被其他操作占用，今日自动备份试了 {attempts} 次仍未完成，"
                    "下次启动时再试；也可用“文件 → 备份台账…”立即备份。"
                ) from error
        waited = 0.0
        while waited < pause_s:  # in short steps, so closing the window stops the wait
            step(progress, attempt, attempts)
            sleep(min(1.0, pause_s - waited))
            waited += 1.0
    return None
