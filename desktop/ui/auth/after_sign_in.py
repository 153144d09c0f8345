"""What a sign-in still asks before the desk opens: a password the policy wants changed, and (for
the 系统管理员 of a new or migrated ledger) the 安全管理员 and 审计管理员 accounts."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services import identity, users
from desktop.services.enums import Role
from desktop.ui.admin.user_dialogs import ChangeOwnPasswordDialog, password_edit, policy_hint
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, ok_cancel
from desktop.ui.i18n import tr


def complete_sign_in(parent: QWidget | None, desk: Desk) -> bool:
    """False when the user would not set the new password the policy asks for (signed out)."""
    with desk.session() as session:
        reason = identity.password_change_due(session, desk.actor)
    if reason:
        dialog = ChangeOwnPasswordDialog(parent, desk, reason)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            with desk.session() as session:
                identity.sign_out(session, desk.actor, "未按要求修改密码，退出")
            return False
    if desk.actor.role == Role.SYSADMIN:
        with desk.session() as session:
            missing: list[Role] = [
                r for r in users.missing_administrators(session) if r != Role.SYSADMIN
            ]
        if missing:
            AdministratorsDialog(parent, desk, missing).exec()  # "later" is allowed: asked again
    return True


class AdministratorsDialog(ServiceDialog):
    """三员分立: the 系统管理员 makes the accounts of the other two (each signs in and sets a
    password of their own at the first sign-in)."""

    def __init__(self, parent: QWidget | None, desk: Desk, roles: list[Role]) -> None:
        super().__init__(parent, tr("新建安全管理员和审计管理员"))
        self.desk = desk
        self.roles = roles
        form = QFormLayout(self)
        intro = QLabel(
            tr(
                "按等级保护“三员分立”要求，系统管理员、安全管理员、审计管理员须由不同的人分别担任。"
                "请为另外两位管理员建立账号，并把初始密码当面告知本人（首次登录时须改为自己的密码）。"
                "也可以稍后在“用户管理”中建立，下次登录时会再次提醒。"
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(policy_hint(desk))
        self.entries: dict[Role, tuple[QLineEdit, QLineEdit, QLineEdit]] = {}
        for role in roles:
            username, name, password = QLineEdit(), QLineEdit(), password_edit()
            username.setObjectName(f"{role.value}_username")
            heading = QLabel(tr(role.label))
            heading.setStyleSheet("font-weight: bold;")
            form.addRow(heading)
            form.addRow(tr("用户名"), username)
            form.addRow(tr("姓名"), name)
            form.addRow(tr("初始密码"), password)
            self.entries[role] = (username, name, password)
            self.fields[f"{role.value}_username"] = username
            self.fields[f"{role.value}_password"] = password
        form.addRow(self.error)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        with self.desk.session() as session:
            for role, (username, name, password) in self.entries.items():
                if any(u.username == username.text().strip() for u in users.list_users(session)):
                    continue  # made on an earlier OK whose other half was refused
                users.create_user(session, self.desk.actor, username.text(), name.text(), role,
                                  password.text())  # fmt: skip
