"""Start the desk: Qt in Chinese, the ledger opened and locked, sign-in, then the main window."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.services import first_run
from desktop.services.auth import Actor
from desktop.services.clock import Clock
from desktop.services.diagnostics import logs
from desktop.services.ledger import Ledger, LedgerError, open_ledger
from desktop.ui import chain_banner, ledger_watch
from desktop.ui.admin.diagnostics import show_last_crash
from desktop.ui.archive import actions as archive_actions
from desktop.ui.auth.after_sign_in import complete_sign_in
from desktop.ui.auth.sign_in import SignInDialog
from desktop.ui.calls import wait_for_running_work
from desktop.ui.desk import Desk
from desktop.ui.errors import install_excepthook, install_qt_message_handler
from desktop.ui.i18n import setup_language_and_fonts, tr
from desktop.ui.lock import LedgerInUse, lock_ledger
from desktop.ui.main_window import MainWindow


def create_app() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("duban")
    app.setApplicationDisplayName(tr("督办台"))
    app.setOrganizationName("duban")
    install_qt_message_handler()  # before fonts and translations, whose warnings come from Qt
    setup_language_and_fonts(app)
    return app


def gui_banner() -> list[str]:
    from desktop.ui.admin.about_dialog import runtime_lines

    return runtime_lines()


def log_ledger(ledger: Ledger) -> None:
    from desktop.ui.admin.about_dialog import font_lines

    fonts, notes = font_lines(ledger)
    logs.log.info(
        "台账 %s（%s，数据结构 %s）；公文字体 %s%s",
        ledger.location,
        ledger.engine.dialect.name,
        ledger.revision,
        "，".join(fonts),
        "；" + "；".join(notes) if notes else "",
    )


def open_and_lock(database: str | None, clock: Clock) -> tuple[Ledger, QLockFile | None] | None:
    """The ledger and its lock, or None after telling the clerk why not (in Chinese)."""
    try:
        ledger = open_ledger(database, clock)
    except LedgerError as error:
        QMessageBox.critical(None, tr("督办台"), str(error))
        return None
    try:
        lock = lock_ledger(ledger)
    except LedgerInUse as error:
        ledger.dispose()
        QMessageBox.warning(None, tr("台账已被打开"), str(error))
        return None
    return ledger, lock


def show_main_window(
    ledger: Ledger, clock: Clock, actor: Actor, lock: QLockFile | None = None
) -> MainWindow:
    """The window, painted first: its start page fills in on the next turn of the event loop,
    and the day's start-up work (rolling backup) waits until the clerk can see the desk."""
    window = MainWindow(Desk(ledger, clock, actor, lock))
    window.show_fitted()
    # What exists now (modules, Qt wrappers, the window) lives as long as the program: a full
    # garbage collection walks it each time and holds every thread meanwhile — 380 ms a walk,
    # measured, and one came every few seconds while a page loaded a big ledger.
    gc.freeze()
    ledger_watch.watch(window, ledger)  # a file replaced under the desk is said at once
    QTimer.singleShot(0, lambda: window.show_page(window.start_key))
    archive_actions.start_of_day(window)  # the day's rolling local backup, later
    QTimer.singleShot(1000, lambda: chain_banner.start(window))  # the audit chain, off-thread
    return window


def run(database: str | None, clock: Clock) -> int:
    logs.setup_logging()  # `duban` did it already; idempotent
    app = create_app()
    install_excepthook()
    logs.log_banner(gui_banner())
    show_last_crash()
    opened = open_and_lock(database, clock)
    if opened is None:
        return 1
    ledger, lock = opened
    log_ledger(ledger)
    try:
        with ledger.session() as session:
            new = not first_run.has_users(session)
        # A ledger with no account yet (a new install): make its admin, or load the demo.
        if new:
            from desktop.ui.auth.first_run import FirstRunDialog  # a new install only

            dialog: SignInDialog | FirstRunDialog = FirstRunDialog(ledger)
        else:
            dialog = SignInDialog(ledger)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return 0
        desk = Desk(ledger, clock, dialog.actor, lock)
        if not complete_sign_in(None, desk):
            return 0
        show_main_window(ledger, clock, dialog.actor, lock)
        return app.exec()
    finally:
        wait_for_running_work()  # no worker may write into a ledger being closed
        if lock is not None:
            lock.unlock()
        ledger.dispose()
