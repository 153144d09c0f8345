"""The one permission-guarded button: disabled with the reason when the actor may not use it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton

from desktop.services.auth import Permission
from desktop.ui.desk import Desk
from desktop.ui.i18n import QT_TR_NOOP, tr

READ_ONLY_TIP = QT_TR_NOOP("当前账号为只读（领导），不能修改台账。")
LEADER_ONLY_TIP = QT_TR_NOOP("延期申请由领导审批，当前账号无此权限。")
READ, EDIT, ISSUE = Permission.READ, Permission.EDIT_LEDGER, Permission.ISSUE_DOCUMENTS
APPROVE = Permission.APPROVE


def denied_tip(permission: Permission) -> str:
    return tr(LEADER_ONLY_TIP if permission == APPROVE else READ_ONLY_TIP)


def button(
    desk: Desk,
    label: str,
    slot: Callable[[], object],
    permission: Permission = Permission.READ,
    shortcut: str = "",
) -> QPushButton:
    """A button whose permission stays attached: a leader's stays disabled whatever the state
    says (see ``allow``), with the read-only reason as its tooltip."""
    widget = QPushButton(label)
    widget.clicked.connect(lambda: slot())
    widget.setProperty("permission", permission.name)
    if shortcut:
        widget.setShortcut(shortcut)
        widget.setToolTip(f"{label}（{shortcut}）")
    if not desk.can(permission):
        widget.setEnabled(False)
        widget.setToolTip(denied_tip(permission))
    return widget


def _permission_of(widget: QPushButton) -> Permission:
    return Permission[str(widget.property("permission") or "READ")]


def allow(desk: Desk, widget: QPushButton, state_allows: bool) -> None:
    """Enable a guarded button only when both the state and the actor's role allow it."""
    widget.setEnabled(state_allows and desk.can(_permission_of(widget)))


def allow_unless(desk: Desk, widget: QPushButton, why_not: str, tip: str = "") -> None:
    """Enable a guarded button unless the state forbids it; its tooltip then says why.

    ``why_not`` and ``tip`` come translated; a leader keeps the read-only tooltip."""
    if not desk.can(_permission_of(widget)):
        widget.setEnabled(False)
        widget.setToolTip(denied_tip(_permission_of(widget)))
        return
    widget.setEnabled(not why_not)
    widget.setToolTip(why_not or tip)
