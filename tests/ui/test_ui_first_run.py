"""The first start on a new ledger: the clerk makes the admin account, or loads the demo."""

from __future__ import annotations

from desktop.services import auth, first_run, identity
from desktop.ui.app import create_app
from desktop.ui.auth.first_run import FirstRunDialog


def test_new_ledger_gets_its_admin_from_the_dialog(qtbot, ledger) -> None:
    create_app()
    dialog = FirstRunDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.display_name.setText("王静")
    dialog.password.setText("Duban-Test-42")
    dialog.again.setText("password-124")
    dialog.accept()
    assert "不一致" in dialog.error.text() and dialog.actor is None
    dialog.again.setText("Duban-Test-42")
    dialog.issuer.setText("海州市平安建设领导小组办公室")
    dialog.accept()
    assert dialog.actor is not None and dialog.actor.role == auth.Role.SYSADMIN
    with ledger.session() as session:
        assert first_run.has_users(session)


def test_or_fills_it_with_the_demo(qtbot, ledger) -> None:
    create_app()
    dialog = FirstRunDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.use_demo()
    assert dialog.actor is not None and dialog.actor.username == "admin"
    with ledger.session() as session:
        assert identity.sign_in(session, "clerk", "duban-clerk").role == auth.Role.CLERK
