"""Small form helpers shared by dialogs: date edits, a field-error label, OK/Cancel buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QWidget

from desktop.services.errors import DomainError


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if value is not None:
        edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def date_of(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #d93025;")
    label.setWordWrap(True)
    label.hide()
    return label


def show_field_error(label: QLabel, fields: dict[str, QWidget], error: DomainError) -> None:
    """Show the message in the dialog and put the cursor in the field it is about."""
    label.setText(str(error))
    label.show()
    widget = fields.get(error.field or "")
    if widget is not None:
        widget.setFocus()


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ServiceDialog(QDialog):
    """A dialog whose OK calls a service: a domain error stays in the dialog, next to its field,
    and nothing is saved; success closes it. Subclasses implement ``submit()``."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.error = error_label()
        self.fields: dict[str, QWidget] = {}

    def submit(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        from desktop.ui.calls import call

        ok, _ = call(self, self.submit, self.error, self.fields)
        if ok:
            super().accept()
