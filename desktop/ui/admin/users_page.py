"""用户管理: every account with its role and state. The 系统管理员 makes, renames, resets and
deactivates accounts; the 安全管理员 assigns roles, approves changes, locks and unlocks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget
from sqlalchemy.orm import Session

from desktop.services import users
from desktop.services.auth import Permission
from desktop.services.users import UserInfo
from desktop.ui.admin import user_dialogs
from desktop.ui.admin.security_dialog import SecurityPolicyDialog
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.i18n import tr
from desktop.ui.page import Page
from desktop.ui.table import Column, DataTable, RowTableModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def _state(user: UserInfo) -> str:
    return tr(user.state)


class UsersPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("用户管理"))
        manage, security = Permission.MANAGE, Permission.SECURITY
        self.add_button(tr("新建用户…"), self.new_user, manage)
        self.rename_button = self.add_button(tr("修改姓名…"), self.rename, manage)
        self.reset_button = self.add_button(tr("重置密码…"), self.reset_password, manage)
        self.active_button = self.add_button(tr("停用"), self.toggle_active, manage)
        self.role_button = self.add_button(tr("修改角色…"), self.change_role, security)
        self.approve_button = self.add_button(tr("审核通过"), lambda: self.review(True), security)
        self.refuse_button = self.add_button(tr("审核不通过"), lambda: self.review(False), security)
        self.lock_button = self.add_button(tr("锁定"), self.toggle_lock, security)
        self.add_button(tr("安全策略…"), self.edit_policy, security)
        me = desk.actor.user_id
        columns: list[Column[UserInfo]] = [
            Column(tr("用户名"), lambda u: u.username, lambda u: u.username, width=140),
            Column(
                tr("姓名"),
                lambda u: u.display_name + (tr("（本人）") if u.id == me else ""),
                lambda u: u.display_name,
                width=180,
            ),
            Column(tr("角色"), lambda u: tr(u.role.label), lambda u: u.role.label, width=90),
            Column(tr("状态"), _state, lambda u: u.active, width=80),
        ]
        self.model = RowTableModel[UserInfo](columns)
        self.table = DataTable(self.model)
        self.table.doubleClicked.connect(lambda _i: self.rename())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.body.addWidget(self.table, 1)
        hint = QLabel(
            tr(
                "停用的账号不能登录，但其操作记录保留。系统管理员、安全管理员、审计管理员各至少保留"
                "一位；不能停用自己或更改自己的角色。已有安全管理员时，新建、重新启用和重置密码的"
                "账号须经安全管理员审核后才能登录。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.body.addWidget(hint)

    def refresh(self) -> None:
        chosen = self.current()
        with self.desk.session() as session:
            self.model.set_rows(users.list_users(session))
        row = next((i for i, u in enumerate(self.model.rows) if chosen and u.id == chosen.id), 0)
        if self.model.rows:
            self.table.selectRow(row)
        self._selected()

    def current(self) -> UserInfo | None:
        rows = self.table.selected_rows()
        return self.model.row_at(rows[0]) if rows else None

    def select_user(self, username: str) -> None:
        for i, user in enumerate(self.model.rows):
            if user.username == username:
                self.table.selectRow(i)

    def _selected(self) -> None:
        user = self.current()
        manage = self.desk.can(Permission.MANAGE) and user is not None
        security = self.desk.can(Permission.SECURITY) and user is not None
        self.active_button.setText(tr("启用") if user and not user.active else tr("停用"))
        self.lock_button.setText(tr("解锁") if user and user.locked_until else tr("锁定"))
        # Nobody takes themselves out: said on the buttons before the service refuses.
        mine = user is not None and user.id == self.desk.actor.user_id
        pending = user is not None and not user.approved
        for button, allowed in (
            (self.rename_button, manage),
            (self.reset_button, manage and not mine),
            (self.active_button, manage and not mine),
            (self.role_button, security and not mine),
            (self.lock_button, security and not mine),
            (self.approve_button, security and pending),
            (self.refuse_button, security and pending),
        ):
            button.setEnabled(allowed)
        for button in (self.active_button, self.role_button, self.lock_button):
            button.setToolTip(tr("不能停用、锁定自己或更改自己的角色。") if mine else "")

    def _open(self, make: Callable[[QWidget, Desk, UserInfo], QDialog]) -> None:
        user = self.current()
        if user is None:
            return
        if make(self, self.desk, user).exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def new_user(self) -> None:
        if user_dialogs.NewUserDialog(self, self.desk).exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def rename(self) -> None:
        self._open(user_dialogs.RenameDialog)

    def change_role(self) -> None:
        self._open(user_dialogs.RoleDialog)

    def reset_password(self) -> None:
        self._open(user_dialogs.ResetPasswordDialog)

    def review(self, approve: bool) -> None:
        user = self.current()
        if user is not None:
            self._call(lambda s: users.review_account(s, self.desk.actor, user.id, approve))

    def edit_policy(self) -> None:
        if SecurityPolicyDialog(self, self.desk).exec() == QDialog.DialogCode.Accepted:
            self.main.data_changed()  # the idle lock and the hints take the new rules
            self.main.statusBar().showMessage(tr("安全策略已保存。"), 5000)

    def toggle_lock(self) -> None:
        user = self.current()
        if user is None:
            return
        change = users.unlock if user.locked_until else users.lock
        self._call(lambda s: change(s, self.desk.actor, user.id))

    def _call(self, work: Callable[[Session], object]) -> None:
        ok, _ = write(self, self.desk, self.main, work)
        if ok:
            self._changed()

    def toggle_active(self) -> None:
        user = self.current()
        if user is None:
            return
        question = (
            tr("停用“{name}”？停用后该账号不能登录，其操作记录保留。")
            if user.active
            else tr("重新启用“{name}”？")
        ).format(name=user.display_name)
        answer = QMessageBox.question(self, tr("用户管理"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ok, _ = write(
            self,
            self.desk,
            self.main,
            lambda s: users.set_active(s, self.desk.actor, user.id, not user.active),
        )
        if ok:
            self._changed()

    def _changed(self) -> None:
        self.main.statusBar().showMessage(tr("用户信息已保存。"), 5000)
        self.refresh()
