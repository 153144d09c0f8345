"""What the 督办, 约谈 and 会议 pages share: guarded buttons, one write call, documents, units."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton, QWidget
from sqlalchemy.orm import Session

from desktop.services import tasks
from desktop.services.auth import Permission
from desktop.services.errors import DomainError
from desktop.ui.desk import Desk
from desktop.ui.errors import show_error
from desktop.ui.forms import show_field_error
from desktop.ui.i18n import tr
from desktop.ui.page import READ_ONLY_TIP

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

T = TypeVar("T")
READ, EDIT, ISSUE = Permission.READ, Permission.EDIT_LEDGER, Permission.ISSUE_DOCUMENTS


def button(
    desk: Desk, label: str, slot: Callable[[], object], permission: Permission
) -> QPushButton:
    """A button inside a page body; the leader's stays disabled whatever the state says."""
    widget = QPushButton(label)
    widget.clicked.connect(lambda: slot())
    widget.setProperty("permission", permission.name)
    if not desk.can(permission):
        widget.setEnabled(False)
        widget.setToolTip(tr(READ_ONLY_TIP))
    return widget


def allow(desk: Desk, widget: QPushButton, state_allows: bool) -> None:
    """Enable a guarded button only when both the state and the actor's role allow it."""
    permission = Permission[str(widget.property("permission") or "READ")]
    widget.setEnabled(state_allows and desk.can(permission))


def allow_unless(desk: Desk, widget: QPushButton, why_not: str, tip: str = "") -> None:
    """Enable a guarded button unless the state forbids it; its tooltip then says why.

    ``why_not`` and ``tip`` come translated; a leader keeps the read-only tooltip."""
    permission = Permission[str(widget.property("permission") or "READ")]
    if not desk.can(permission):
        widget.setEnabled(False)
        widget.setToolTip(tr(READ_ONLY_TIP))
        return
    widget.setEnabled(not why_not)
    widget.setToolTip(why_not or tip)


def corrected(parent: QWidget, window: MainWindow, note: str | None) -> None:
    """After a correction: what it means for a document already composed (services say), or a
    plain confirmation in the status bar."""
    if note:
        QMessageBox.information(parent, tr("修改已保存"), note)
    else:
        window.statusBar().showMessage(tr("修改已保存。"), 5000)


def write(
    parent: QWidget,
    desk: Desk,
    window: MainWindow,
    work: Callable[[Session], T],
    error_label: QLabel | None = None,
    fields: dict[str, QWidget] | None = None,
) -> tuple[bool, T | None]:
    """Call one service write. A domain error shows next to its field (or in a dialog) and nothing
    is saved; on success every page reloads. Returns (succeeded, the service's result)."""
    if error_label is not None:
        error_label.hide()
    try:
        with desk.session() as session:
            result = work(session)
    except DomainError as error:
        if error_label is not None:
            show_field_error(error_label, fields or {}, error)
        else:
            show_error(parent, error)
        return False, None
    except Exception as error:  # logged with its traceback, shown as an apology
        show_error(parent, error)
        return False, None
    window.data_changed()
    return True, result


def open_document(window: MainWindow, doc_id: int) -> None:
    """Show a document of the register in the 公文 page (fields, preview, print, issue)."""
    page = window.show_page("notices")
    page.refresh(doc_id)  # type: ignore[call-arg]


def unit_combo(desk: Desk, first: str | None = None) -> QComboBox:
    """Units by name; ``first`` (e.g. 全部单位) carries None."""
    combo = QComboBox()
    if first is not None:
        combo.addItem(first, None)
    with desk.session() as session:
        for unit in tasks.list_units(session):
            combo.addItem(unit.name, unit.id)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
