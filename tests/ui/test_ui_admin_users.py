"""用户管理, 修改密码, sign-in of a deactivated user, and 关于督办台 — driven offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.services import identity, users
from desktop.services.enums import Role
from desktop.services.ledger import Ledger
from desktop.ui.admin import actions, user_dialogs
from desktop.ui.admin.about_dialog import AboutDialog
from desktop.ui.app import create_app
from desktop.ui.auth.sign_in import SignInDialog
from desktop.ui.desk import Desk
from desktop.ui.main_window import MainWindow


@pytest.fixture
def admin_window(qtbot, demo_ledger: Ledger, clock, messages) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    create_app()
    with demo_ledger.session() as session:
        actor = identity.sign_in(session, "admin", "duban-admin")
    window = MainWindow(Desk(demo_ledger, clock, actor), remember=False)
    qtbot.addWidget(window)
    window.show()
    yield window


def _fill_and_ok(monkeypatch, dialog_class, **texts: str) -> list[QDialog]:
    """Replace exec(): type into the named line edits (no keyClicks: PITFALLS), press OK."""
    opened: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        opened.append(dialog)
        for name, text in texts.items():
            getattr(dialog, name).setText(text)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)
    return opened


def _sign_in(ledger: Ledger, username: str, password: str) -> SignInDialog:
    dialog = SignInDialog(ledger)
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.accept()
    return dialog


def test_admin_resets_a_password_the_security_admin_approves_it(
    admin_window, window_as, monkeypatch
) -> None:
    page = admin_window.show_page("users")
    assert [u.username for u in page.model.rows] == [
        "admin", "clerk", "leader", "security", "auditor"
    ]  # fmt: skip
    page.select_user("clerk")
    opened = _fill_and_ok(
        monkeypatch, user_dialogs.ResetPasswordDialog, password="Reset-Pass-1", repeat="typo-1234"
    )
    page.reset_button.click()
    assert "不一致" in opened[0].error.text()  # typed twice differently: stays in the dialog
    opened = _fill_and_ok(
        monkeypatch, user_dialogs.ResetPasswordDialog, password="12345678", repeat="12345678"
    )
    page.reset_button.click()
    assert "至少 3 类" in opened[0].error.text()  # the policy, said beside the field
    opened = _fill_and_ok(
        monkeypatch,
        user_dialogs.ResetPasswordDialog,
        password="Reset-Pass-1",
        repeat="Reset-Pass-1",
    )
    page.reset_button.click()
    assert opened[0].result() == QDialog.DialogCode.Accepted
    assert not page.approve_button.isEnabled()  # approving is not the 系统管理员's share
    waiting = _sign_in(admin_window.desk.ledger, "clerk", "Reset-Pass-1")
    assert waiting.actor is None and "待安全管理员审核" in waiting.error.text()
    security = window_as("security").show_page("users")
    security.select_user("clerk")
    assert security.approve_button.isEnabled() and not security.reset_button.isEnabled()
    security.approve_button.click()
    assert _sign_in(admin_window.desk.ledger, "clerk", "Reset-Pass-1").actor is not None


def test_deactivated_user_is_refused_at_sign_in(admin_window, monkeypatch) -> None:
    page = admin_window.show_page("users")
    page.select_user("clerk")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert page.active_button.text() == "停用"
    page.active_button.click()
    clerk = next(u for u in page.model.rows if u.username == "clerk")
    assert not clerk.active and page.active_button.text() == "启用"
    dialog = _sign_in(admin_window.desk.ledger, "clerk", "duban-clerk")
    assert dialog.actor is None and "已停用" in dialog.error.text()


def test_security_admin_cannot_change_their_own_role(window_as, messages) -> None:
    window = window_as("security")
    page = window.show_page("users")
    page.select_user("security")
    assert not page.role_button.isEnabled() and not page.lock_button.isEnabled()
    assert not page.reset_button.isEnabled()  # resetting is the 系统管理员's share
    # The service says why even if the button were pressed: shown in the dialog, nothing saved.
    dialog = user_dialogs.RoleDialog(page, window.desk, page.current())
    dialog.role.setCurrentIndex(dialog.role.findData(Role.CLERK.value))
    dialog.accept()
    assert "自己" in dialog.error.text()
    with window.desk.session() as session:
        assert users.list_users(session)[3].role == Role.SECADMIN


def test_rename_by_the_sysadmin_and_role_by_the_security_admin_save(
    admin_window, window_as, monkeypatch
) -> None:
    page = admin_window.show_page("users")
    page.select_user("leader")
    assert not page.role_button.isEnabled()
    _fill_and_ok(monkeypatch, user_dialogs.RenameDialog, display_name="张国强")
    page.rename_button.click()
    assert any(u.display_name == "张国强" for u in page.model.rows)

    def to_clerk(dialog: QDialog) -> int:
        dialog.role.setCurrentIndex(dialog.role.findData(Role.CLERK.value))  # type: ignore[attr-defined]
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(user_dialogs.RoleDialog, "exec", to_clerk)
    security = window_as("security").show_page("users")
    security.select_user("leader")
    security.role_button.click()
    assert next(u for u in security.model.rows if u.username == "leader").role == Role.CLERK


def test_clerk_and_leader_have_no_users_page(clerk_window, leader_window) -> None:
    for window in (clerk_window, leader_window):
        assert "users" not in {s.key for s in window.specs}


def test_leader_changes_own_password_from_the_file_menu(leader_window, monkeypatch) -> None:
    item = next(a for a in leader_window.file_menu.actions() if a.text() == "修改密码…")
    assert item.isEnabled()
    opened = _fill_and_ok(
        monkeypatch, user_dialogs.ChangeOwnPasswordDialog, old="wrong", new="x", repeat="x"
    )
    item.trigger()
    assert "原密码不正确" in opened[0].error.text()
    _fill_and_ok(
        monkeypatch,
        user_dialogs.ChangeOwnPasswordDialog,
        old="duban-leader",
        new="Zhang-Shu-Ji-1",
        repeat="Zhang-Shu-Ji-1",
    )
    actions.change_own_password(leader_window)
    assert _sign_in(leader_window.desk.ledger, "leader", "Zhang-Shu-Ji-1").actor is not None


def test_about_dialog_names_version_ledger_schema_and_fonts(clerk_window, monkeypatch) -> None:
    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda d: shown.append(d) or 0)
    # Keep the action referenced: on PySide6 6.9 the menu's wrapper dies with the action's.
    help_action = clerk_window.menuBar().actions()[-1]
    help_menu = help_action.menu()
    next(a for a in help_menu.actions() if a.text() == "关于督办台").trigger()
    text = shown[0].text()
    from db import migrate

    assert "督办台" in text and "版本" in text
    assert str(clerk_window.desk.ledger.path) in text
    assert f"数据结构版本：{migrate.head_revision()}" in text
    assert "仿宋：" in text


def test_the_security_admin_edits_the_policy_in_its_dialog(
    admin_window, window_as, monkeypatch
) -> None:
    from PySide6.QtWidgets import QPushButton

    from desktop.services import audit, settings
    from desktop.ui.admin.security_dialog import SecurityPolicyDialog

    def policy_button(window: MainWindow) -> QPushButton:
        page = window.show_page("users")
        return next(b for b in page.findChildren(QPushButton) if b.text() == "安全策略…")

    assert not policy_button(admin_window).isEnabled()  # 三员分立: not the 系统管理员's
    security = window_as("security")
    button = policy_button(security)
    assert button.isEnabled()
    opened: list[SecurityPolicyDialog] = []

    def run(dialog: SecurityPolicyDialog) -> int:
        opened.append(dialog)
        dialog.form.widgets["password_min_length"].setValue(6)  # below the floor: stays open
        dialog.accept()
        assert dialog.isVisible() is False and "8 至 64" in dialog.error.text()
        dialog.form.widgets["password_min_length"].setValue(10)
        dialog.form.widgets["idle_lock_minutes"].setValue(5)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SecurityPolicyDialog, "exec", run)
    button.click()
    assert opened
    with security.desk.session() as session:
        policy = settings.security(session)
        assert (policy.password_min_length, policy.idle_lock_minutes) == (10, 5)
        assert "空闲几分钟后锁屏（0 为不锁屏） 10→5" in audit.recent(session, 1)[0].summary
