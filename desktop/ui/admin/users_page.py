"""用户管理 (admin): every account with its role and state; rename, role, reset password, deactivate."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from desktop.services import users
from desktop.services.auth import Permission
from desktop.services.users import UserInfo
from desktop.ui.admin import user_dialogs
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.i18n import tr
from desktop.ui.page import Page
from desktop.ui.table import Column, DataTable, RowTableModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def _state(user: UserInfo) -> str:
    return tr("启用") if user.active else tr("已停用")


class UsersPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("用户管理"))
        manage = Permission.MANAGE
        self.add_button(tr("新建用户…"), self.new_user, manage)
        self.rename_button = self.add_button(tr("修改姓名…"), self.rename, manage)
        self.role_button = self.add_button(tr("修改角色…"), self.change_role, manage)
        self.reset_button = self.add_button(tr("重置密码…"), self.reset_password, manage)
        self.active_button = self.add_button(tr("停用"), self.toggle_active, manage)
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
                "停用的账号不能登录，但其操作记录保留。台账中至少要保留一位启用的管理员；"
                "不能停用自己或取消自己的管理员角色。"
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
        allowed = self.desk.can(Permission.MANAGE) and user is not None
        for button in (self.rename_button, self.role_button, self.reset_button):
            button.setEnabled(allowed)
        self.active_button.setText(tr("启用") if user and not user.active else tr("停用"))
        # Nobody signs themselves out of admin: said on the buttons before the service refuses.
        mine = user is not None and user.id == self.desk.actor.user_id
        for button in (self.role_button, self.active_button):
            button.setEnabled(allowed and not mine)
            button.setToolTip(tr("不能停用自己或取消自己的管理员角色。") if mine else "")

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
