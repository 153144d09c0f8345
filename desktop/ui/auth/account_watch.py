"""The open window follows the 安全管理员's changes without a restart: the idle-lock time is read
again, and a signed-in account that was deactivated, sent back for review or given another
role ends its session at once (said, then 注销 → the sign-in dialog).

Checked every few seconds, after every write, and after every refused one (the service has
already refused it: desktop/services/audit.py reads the account again on each write)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from desktop.services import identity, settings
from desktop.services.errors import PermissionDenied
from desktop.ui.auth import session_actions
from desktop.ui.errors import message_for
from desktop.ui.i18n import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

INTERVAL_MS = 15_000  # one indexed lookup and one setting row: nothing a clerk would notice


class AccountWatch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ended = False
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """True when the session was ended because the account changed."""
        lock = self.window.idle_lock
        if self.ended or lock.locked or not self.window.isVisible():
            return False
        desk = self.window.desk
        change: PermissionDenied | None = None
        with desk.session() as session:
            minutes = settings.security(session).idle_lock_minutes
            try:
                identity.check_account(session, desk.actor)
            except PermissionDenied as ended:
                change = ended
        if minutes * 60 * 1000 != lock.timer.interval():
            lock.set_timeout_ms(minutes * 60 * 1000)
        if change is None:
            return False
        self.ended = True
        self.timer.stop()
        QMessageBox.warning(self.window, tr("督办台"), message_for(change))
        session_actions.sign_out(self.window, QT_TR_NOOP("账号变更"), forced=True)
        return True
