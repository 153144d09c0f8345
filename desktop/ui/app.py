"""Start the desk: Qt in Chinese, the sign-in painted first, the ledger opened and locked behind
it while the clerk types, then the main window.

Only Qt and light modules are imported at the top: the sign-in dialog paints before SQLAlchemy,
the ORM and the window's modules load (about a second on a 2-core PC, issue 11); they load while
the clerk types the name and password."""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget

from desktop.services.clock import Clock
from desktop.services.diagnostics import logs
from desktop.services.ledger_address import LedgerError
from desktop.ui.auth.sign_in import SignInDialog
from desktop.ui.errors import install_excepthook, install_qt_message_handler
from desktop.ui.i18n import setup_language_and_fonts, tr
from desktop.ui.stop_signals import end_on_terminate

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile

    from desktop.services.auth import Actor
    from desktop.services.ledger import Ledger
    from desktop.ui.auth.first_run import FirstRunDialog
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Loaded one per turn of the event loop while the sign-in dialog waits, so that OK opens the
# window without importing them; each is also imported by name where it is used (the bundle).
PRELOAD = (
    "desktop.services.identity",
    "desktop.ui.auth.after_sign_in",
    "desktop.ui.main_window",
    "desktop.ui.archive.actions",
    "desktop.ui.archive.backups",
    "desktop.ui.chain_banner",
    "desktop.ui.ledger_watch",
)


def wrap_a_private_object() -> None:
    """The first time Python sees one of Qt's private child objects (a line edit's inner widgets),
    PySide6 builds its wrapper types, about 60 ms on a 2-core PC (issue 11); the main window's
    first paint does that unless it was done here, while the clerk types the password."""
    QLineEdit().children()


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
    from desktop.services.ledger import open_ledger
    from desktop.ui.lock import LedgerInUse, lock_ledger

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
    from desktop.ui import chain_banner, idle, ledger_watch
    from desktop.ui.archive import backups
    from desktop.ui.desk import Desk
    from desktop.ui.main_window import MainWindow

    window = MainWindow(Desk(ledger, clock, actor, lock))
    # The start page's entry is current before the list first gets focus: else Qt makes the
    # first entry current then, and its page was built and loaded before the window painted.
    window.select_nav(window.start_key)
    window.show_fitted()
    # What exists now lives as long as the program: frozen out of every collection; the full
    # collections, and the pages opened most, wait for a pause (desktop/ui/idle.py).
    idle.install(window)
    ledger_watch.watch(window, ledger)  # a file replaced under the desk is said at once
    FirstPaint(window, lambda: window.show_page(window.start_key), at_latest_ms=300)
    backups.start_of_day(window)  # the day's rolling local backup, later
    # the audit chain, off-thread; with the window as context, a window closed within the
    # second cancels it (a bare lambda then met a deleted MainWindow)
    QTimer.singleShot(1000, window, lambda: chain_banner.start(window))
    return window


class FirstPaint(QObject):
    """Calls ``then`` on the next turn of the event loop after ``widget`` first paints (or
    after ``at_latest_ms`` if it has not painted by then: a minimised window)."""

    def __init__(
        self, widget: QWidget, then: Callable[[], object], at_latest_ms: int | None = None
    ) -> None:
        super().__init__(widget)
        self.then: Callable[[], object] | None = then
        widget.installEventFilter(self)
        if at_latest_ms is not None:
            QTimer.singleShot(at_latest_ms, self, self.run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.then is not None:
            QTimer.singleShot(0, self, self.run)
        return False

    def run(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


class Opening:
    """Behind the painted sign-in: the banner, a crash left by the last run, the ledger opened
    and locked, then the window's modules preloaded one per turn of the event loop."""

    def __init__(
        self, dialog: SignInDialog, database: str | None, clock: Clock, banner: list[str] | None
    ) -> None:
        self.dialog = dialog
        self.database = database
        self.clock = clock
        self.banner = banner or []
        self.opened: tuple[Ledger, QLockFile | None] | None = None
        self.new_install = False
        self.refused = False  # the ledger could not be opened or is in use (the clerk was told)
        self.error: BaseException | None = None
        self.pending = list(PRELOAD)
        self.types_ready = False  # PySide6's lazily made wrapper types, set up once (below)

    def open(self) -> None:
        try:
            logs.log_banner([*self.banner, *gui_banner()])
            if logs.unseen_crashes():
                from desktop.ui.admin.diagnostics import show_last_crash

                show_last_crash(self.dialog)
            self.opened = open_and_lock(self.database, self.clock)
            if self.opened is None:
                self.refused = True
                return self._close()
            ledger = self.opened[0]
            log_ledger(ledger)
            from desktop.services import first_run

            with ledger.session() as session:
                self.new_install = not first_run.has_users(session)
            if self.new_install:  # no account yet: make the admin, or load the demo
                return self._close()
            self.dialog.attach(ledger)
        except Exception as error:  # shown by run() once the dialog is closed
            self.error = error
            return self._close()
        QTimer.singleShot(0, self.preload)

    def preload(self) -> None:
        if not self.dialog.isVisible():
            return
        if self.pending:
            importlib.import_module(self.pending.pop(0))
            QTimer.singleShot(0, self.preload)
        elif not self.types_ready:
            wrap_a_private_object()
            self.types_ready = True

    def _close(self) -> None:
        QDialog.done(self.dialog, QDialog.DialogCode.Rejected)


def run(database: str | None, clock: Clock, banner: list[str] | None = None) -> int:
    logs.setup_logging()  # `duban` did it already; idempotent
    app = create_app()
    install_excepthook()
    end_on_terminate(app)  # logout, shutdown, kill: typed work kept, the ledger closed
    sign_in = SignInDialog(None)
    opening = Opening(sign_in, database, clock, banner)
    FirstPaint(sign_in, opening.open)
    accepted = sign_in.exec() == QDialog.DialogCode.Accepted
    if opening.error is not None:
        raise opening.error
    if opening.opened is None:
        return 1 if opening.refused else 0
    ledger, lock = opening.opened
    try:
        from desktop.ui.auth.after_sign_in import complete_sign_in
        from desktop.ui.desk import Desk

        dialog: SignInDialog | FirstRunDialog = sign_in
        if opening.new_install:
            from desktop.ui.auth.first_run import FirstRunDialog  # a new install only

            dialog = FirstRunDialog(ledger)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted or dialog.actor is None:
            return 0
        desk = Desk(ledger, clock, dialog.actor, lock)
        if not complete_sign_in(None, desk):
            return 0
        show_main_window(ledger, clock, dialog.actor, lock)
        return app.exec()
    finally:
        from desktop.ui import chain_banner
        from desktop.ui.calls import wait_for_running_work

        wait_for_running_work()  # no worker may write into a ledger being closed
        chain_banner.wait_for_checks()
        if lock is not None:
            lock.unlock()
        ledger.dispose()
