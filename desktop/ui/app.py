"""Start the Qt application on a ledger (a plain main window until the desk lands)."""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from desktop.services import overview
from desktop.services.clock import Clock
from desktop.services.ledger import LedgerError, open_ledger


def tr(text: str) -> str:
    return QCoreApplication.translate("DubanApp", text)


def run(database: str | None, clock: Clock) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    try:
        ledger = open_ledger(database, clock)
    except LedgerError as error:
        QMessageBox.critical(None, tr("督办台"), str(error))
        return 1
    window = QMainWindow()
    window.setWindowTitle(tr("督办台"))
    today: date = clock.today()
    with ledger.session() as session:
        rows = overview.task_rows(session, today)
    window.setCentralWidget(QLabel(tr("台账共 {n} 项任务").format(n=len(rows))))
    window.resize(1280, 760)
    window.show()
    return app.exec()
