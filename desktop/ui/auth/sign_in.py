"""The sign-in dialog: who is at the desk decides what they may change."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services import identity, settings
from desktop.services.auth import Actor
from desktop.services.ledger import Ledger
from desktop.ui.calls import off_thread
from desktop.ui.forms import ServiceDialog, ok_cancel
from desktop.ui.i18n import tr


class SignInDialog(ServiceDialog):
    guard_unsaved = False

    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("登录督办台"))
        self.ledger = ledger
        self.actor: Actor | None = None
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        with ledger.session() as session:
            issuer = settings.office(session).issuer_name
        heading = QLabel(tr("督办台"))
        heading.setStyleSheet("font-size: 20pt; font-weight: bold; color: #c8102e;")
        form.addRow(heading)
        form.addRow(QLabel(issuer))
        place = ledger.location
        intro = QLabel(tr("台账：{place}").format(place=place))
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #666;")
        form.addRow(intro)
        form.addRow(tr("用户名"), self.username)
        form.addRow(tr("密码"), self.password)
        self.fields = {"username": self.username, "password": self.password}
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.setMinimumWidth(380)

    def submit(self) -> None:
        name, password = self.username.text(), self.password.text()

        def check() -> Actor:
            with self.ledger.session() as session:
                return identity.sign_in(session, name, password)

        # The password hash takes a deliberate second (scrypt): the dialog keeps painting.
        self.actor = off_thread(check, busy=self)

    def accept(self) -> None:
        super().accept()
        if self.actor is None:
            self.password.clear()
            self.password.setFocus()
