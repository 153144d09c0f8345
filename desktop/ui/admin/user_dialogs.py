"""Dialogs of 用户管理 and 修改密码: each OK calls one users service; errors stay beside their field."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services import settings, users
from desktop.services.enums import Role
from desktop.services.errors import ValidationError
from desktop.services.users import UserInfo
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, ok_cancel
from desktop.ui.i18n import tr


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def role_combo(current: Role | None = None) -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(tr(role.label), role.value)  # the plain value: Qt turns a str enum into str
    if current is not None:
        combo.setCurrentIndex(combo.findData(current.value))
    return combo


def role_of(combo: QComboBox) -> Role:
    return Role(combo.currentData())


def _same(first: QLineEdit, again: QLineEdit) -> None:
    """Typed twice, so a slip of the finger does not lock someone out."""
    if first.text() != again.text():
        raise ValidationError(tr("两次输入的新密码不一致。"), field="repeat")


class _Form(ServiceDialog):
    def __init__(self, parent: QWidget | None, desk: Desk, title: str) -> None:
        super().__init__(parent, title)
        self.desk = desk
        self.form = QFormLayout(self)
        self.setMinimumWidth(400)

    def rows(self, *rows: tuple[str, QWidget, str]) -> None:
        for label, widget, name in rows:
            self.form.addRow(label, widget)
            self.fields[name] = widget
        self.form.addRow(self.error)
        self.form.addRow(ok_cancel(self))

    def about_user(self, user: UserInfo) -> None:
        note = QLabel(
            tr("用户：{name}（{login}）").format(name=user.display_name, login=user.username)
        )
        note.setStyleSheet("color: #666;")
        self.form.addRow(note)


def policy_hint(desk: Desk | None = None) -> QLabel:
    """The password rule, with the length and classes the 安全管理员 set for ``desk``'s ledger."""
    policy = settings.SecurityPolicy()
    if desk is not None:
        with desk.session() as session:
            policy = settings.security(session)
    rule = tr(
        "至少 {length} 位，含大写字母、小写字母、数字、符号中的至少 {classes} 类，不含用户名，"
        "不是常见密码"
    ).format(length=policy.password_min_length, classes=policy.password_min_classes)
    hint = QLabel(tr("密码要求：{rule}。").format(rule=rule))
    hint.setWordWrap(True)
    hint.setStyleSheet("color: #666;")
    return hint


class NewUserDialog(_Form):
    def __init__(self, parent: QWidget | None, desk: Desk) -> None:
        super().__init__(parent, desk, tr("新建用户"))
        self.username, self.display_name = QLineEdit(), QLineEdit()
        self.role = role_combo(Role.CLERK)
        self.password, self.repeat = password_edit(), password_edit()
        self.form.addRow(policy_hint(desk))
        self.rows(
            (tr("用户名（登录用）"), self.username, "username"),
            (tr("姓名"), self.display_name, "display_name"),
            (tr("角色"), self.role, "role"),
            (tr("初始密码"), self.password, "password"),
            (tr("再输一次"), self.repeat, "repeat"),
        )

    def submit(self) -> None:
        _same(self.password, self.repeat)
        with self.desk.session() as session:
            users.create_user(
                session,
                self.desk.actor,
                self.username.text(),
                self.display_name.text(),
                role_of(self.role),
                self.password.text(),
            )


class RenameDialog(_Form):
    def __init__(self, parent: QWidget | None, desk: Desk, user: UserInfo) -> None:
        super().__init__(parent, desk, tr("修改姓名"))
        self.user = user
        self.about_user(user)
        self.display_name = QLineEdit(user.display_name)
        self.rows((tr("新姓名"), self.display_name, "display_name"))

    def submit(self) -> None:
        with self.desk.session() as session:
            users.rename_user(session, self.desk.actor, self.user.id, self.display_name.text())


class RoleDialog(_Form):
    def __init__(self, parent: QWidget | None, desk: Desk, user: UserInfo) -> None:
        super().__init__(parent, desk, tr("修改角色"))
        self.user = user
        self.about_user(user)
        self.role = role_combo(user.role)
        hint = QLabel(
            tr(
                "科员：修改台账、制发公文；领导：只能查看；系统管理员：用户、设置、备份恢复；"
                "安全管理员：安全策略、角色、解锁、审核账号变更；审计管理员：查阅、导出操作日志。"
                "一个账号只担任一种角色。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.form.addRow(hint)
        self.rows((tr("角色"), self.role, "role"))
        self.fields["user"] = self.role

    def submit(self) -> None:
        with self.desk.session() as session:
            users.set_role(session, self.desk.actor, self.user.id, role_of(self.role))


class ResetPasswordDialog(_Form):
    def __init__(self, parent: QWidget | None, desk: Desk, user: UserInfo) -> None:
        super().__init__(parent, desk, tr("重置密码"))
        self.user = user
        self.about_user(user)
        self.password, self.repeat = password_edit(), password_edit()
        self.form.addRow(policy_hint(desk))
        self.rows(
            (tr("新密码"), self.password, "password"),
            (tr("再输一次"), self.repeat, "repeat"),
        )

    def submit(self) -> None:
        _same(self.password, self.repeat)
        with self.desk.session() as session:
            users.reset_password(session, self.desk.actor, self.user.id, self.password.text())


class ChangeOwnPasswordDialog(_Form):
    """Every signed-in user, the leader too: their own password only. With a ``reason`` it is
    the change the policy asks for before work starts (after a reset, or an old password)."""

    def __init__(self, parent: QWidget | None, desk: Desk, reason: str = "") -> None:
        super().__init__(parent, desk, tr("修改密码"))
        if reason:
            why = QLabel(tr(reason))
            why.setWordWrap(True)
            why.setStyleSheet("color: #c8102e; font-weight: bold;")
            self.form.addRow(why)
        self.about_user(
            UserInfo(0, desk.actor.username, desk.actor.display_name, desk.actor.role, True)
        )
        self.old, self.new, self.repeat = password_edit(), password_edit(), password_edit()
        self.form.addRow(policy_hint(desk))
        self.rows(
            (tr("原密码"), self.old, "old_password"),
            (tr("新密码"), self.new, "new_password"),
            (tr("再输一次"), self.repeat, "repeat"),
        )

    def submit(self) -> None:
        _same(self.new, self.repeat)
        with self.desk.session() as session:
            users.change_own_password(session, self.desk.actor, self.old.text(), self.new.text())
