"""Tell the clerk at once when the ledger file was replaced under this desk (see
desktop/services/ledger_guard.py, which already refuses every save from then on)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from desktop.services import ledger_guard
from desktop.services.ledger import Ledger
from desktop.ui.i18n import tr

CHECK_EVERY_MS = 3000


class LedgerWatch(QObject):
    """Checks the file's identity every few seconds; says so once, and leaves a red line."""

    def __init__(self, window: QMainWindow, ledger: Ledger) -> None:
        super().__init__(window)
        self._window = window
        self._ledger = ledger
        self.told = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(CHECK_EVERY_MS)

    def stand_down(self) -> None:
        """This desk replaces the file itself (a restore from the menu): nothing to warn about."""
        self.told = True
        self._timer.stop()

    def check(self) -> bool:
        if self.told or self._ledger.path is None or not ledger_guard.replaced(self._ledger):
            return self.told
        self.told = True
        self._timer.stop()
        line = QLabel(tr("台账文件已被替换：本窗口不再保存修改，请关闭后重新打开。"))
        line.setObjectName("ledgerReplaced")
        line.setStyleSheet("color: #b00020; font-weight: bold;")
        self._window.statusBar().addPermanentWidget(line)
        QMessageBox.warning(
            self._window, tr("台账已被替换"), ledger_guard.message(self._ledger.path)
        )
        return True


def watch(window: QMainWindow, ledger: Ledger) -> LedgerWatch:
    return LedgerWatch(window, ledger)


def stand_down(window: QMainWindow) -> None:
    for found in window.findChildren(LedgerWatch):
        found.stand_down()
