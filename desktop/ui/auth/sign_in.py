"""The sign-in dialog: who is at the desk decides what they may change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.ui.forms import ServiceDialog, ok_cancel
from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.services.auth import Actor
    from desktop.services.ledger import Ledger


class SignInDialog(ServiceDialog):
    """Without a ledger it paints at once (the window's first start, before the ORM is
    imported) and takes typing; OK waits until ``attach`` gives it the opened ledger."""

    guard_unsaved = False

    def __init__(self, ledger: Ledger | None, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("登录督办台"))
        self.ledger: Ledger | None = None
        self.actor: Actor | None = None
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        heading = QLabel(tr("督办台"))
        heading.setStyleSheet("font-size: 20pt; font-weight: bold; color: #c8102e;")
        form.addRow(heading)
        self.issuer = QLabel()
        form.addRow(self.issuer)
        self.place = QLabel(tr("正在打开台账……"))
        self.place.setWordWrap(True)
        self.place.setStyleSheet("color: #666;")
        form.addRow(self.place)
        form.addRow(tr("用户名"), self.username)
        form.addRow(tr("密码"), self.password)
        self.fields = {"username": self.username, "password": self.password}
        form.addRow(self.error)
        self.buttons = ok_cancel(self)
        form.addRow(self.buttons)
        self.setMinimumWidth(380)
        self._ok_enabled(False)
        if ledger is not None:
            self.attach(ledger)

    def attach(self, ledger: Ledger) -> None:
        """The ledger is open: show whose it is and where, and let OK sign in."""
        from desktop.services import settings

        self.ledger = ledger
        with ledger.session() as session:
            self.issuer.setText(settings.office(session).issuer_name)
        self.place.setText(tr("台账：{place}").format(place=ledger.location))
        self._ok_enabled(True)

    def _ok_enabled(self, enabled: bool) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(enabled)

    def submit(self) -> None:
        from desktop.services import identity
        from desktop.ui.calls import off_thread

        ledger = self.ledger
        assert ledger is not None  # OK is disabled until attach()
        name, password = self.username.text(), self.password.text()

        def check() -> Actor:
            with ledger.session() as session:
                return identity.sign_in(session, name, password)

        # The password hash takes a deliberate second (scrypt): the dialog keeps painting.
        self.actor = off_thread(check, busy=self)

    def accept(self) -> None:
        if self.ledger is None:  # Enter pressed while the ledger is still opening
            return
        super().accept()
        if self.actor is None:
            self.password.clear()
            self.password.setFocus()
