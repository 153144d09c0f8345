"""One program per ledger file on this PC: a lock file beside the ledger tells a second one no.

The command line's restore reads and takes the same lock without Qt
(desktop/services/desk_lock.py), so it is refused while a desk is open."""

from __future__ import annotations

from PySide6.QtCore import QLockFile

from desktop.services.desk_lock import lock_path
from desktop.services.ledger import Ledger
from desktop.ui.i18n import tr


class LedgerInUse(Exception):
    pass


def lock_ledger(ledger: Ledger) -> QLockFile | None:
    """Take the ledger's lock, or raise LedgerInUse with a Chinese message.

    A server database (PostgreSQL) is shared on purpose and takes no lock. A lock left by a
    crashed program is stale (its process is gone) and Qt takes it over.
    """
    if ledger.path is None:
        return None
    lock = QLockFile(str(lock_path(ledger.path)))
    lock.setStaleLockTime(0)  # rely on the owner's PID, not on the lock's age
    if lock.tryLock(100):
        return lock
    info = lock.getLockInfo()  # (pid, host, app) in PySide6, or empty when unreadable
    who = ""
    if isinstance(info, tuple) and len(info) >= 2 and info[0]:
        who = tr("（进程 {pid}，计算机 {host}）").format(pid=info[0], host=info[1])
    raise LedgerInUse(
        tr(
            "该台账已在另一个督办台窗口中打开{who}。\n"
            "同一台账同时只能由一个程序打开，以免两处修改互相覆盖。\n"
            "请切换到已打开的窗口，或先关闭它再重试。\n台账：{path}"
        ).format(who=who, path=ledger.path)
    )
