"""Small form helpers shared by dialogs: date edits, a field-error label, OK/Cancel buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QWidget

from desktop.services.errors import DomainError
from desktop.ui.autosave import FormCopy, desk_of
from desktop.ui.i18n import tr
from desktop.ui.messages import translated
from desktop.ui.unsaved import form_state


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if value is not None:
        edit.setDate(qdate(value))
    return edit


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


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
    label.setText(translated(str(error)))
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
    and nothing is saved; success closes it. Subclasses implement ``submit()``.

    Closing it with typed fields asks 保存 / 不保存 / 取消 first (unsaved.EditHolder), unless
    ``guard_unsaved`` is False (sign-in: a typed name is nothing to keep)."""

    guard_unsaved = True

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.error = error_label()
        self.fields: dict[str, QWidget] = {}
        self._shown_state: tuple[object, ...] | None = None
        self._copy: FormCopy | None = None
        self._kept = False

    # --- unsaved edits (desktop/ui/unsaved.py's EditHolder): what was typed since it opened ---

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._shown_state is None:
            self._shown_state = form_state(self)
            desk = desk_of(self)
            if self.guard_unsaved and desk is not None:
                # A crash-safe copy of what is typed, offered back if the desk stops first
                # (desktop/ui/autosave.py); asked after the dialog has painted.
                name = f"{type(self).__qualname__}:{self.windowTitle()}"
                self._copy = FormCopy(
                    self, desk, name, self.has_unsaved_edits, self.unsaved_description
                )
                QTimer.singleShot(0, self, self._copy.start)
        super().showEvent(event)

    def keep_for_later(self) -> bool:
        """Signed out with this dialog open: its copy is written now, offered at the next sign-in."""
        self._kept = self._copy is not None and self._copy.keep()
        return self._kept

    def done(self, result: int) -> None:
        """Saved, or closed with its edits settled: no copy to offer any more."""
        if self._copy is not None and (self.isVisible() or not self._kept):
            self._copy.forget()  # kept at a lock the clerk then unlocked: saved or settled now
        super().done(result)

    def has_unsaved_edits(self) -> bool:
        return (
            self.guard_unsaved
            and self._shown_state is not None
            and form_state(self) != self._shown_state
        )

    def unsaved_description(self) -> str:
        return tr("“{title}”对话框中填写的内容").format(title=self.windowTitle())

    def save_edits(self) -> bool:
        self.accept()
        return self.result() == QDialog.DialogCode.Accepted and not self.isVisible()

    def discard_edits(self) -> None:
        super().reject()

    def reject(self) -> None:
        """Esc, 取消 or the window's close box: ask before dropping what was typed."""
        from desktop.ui.unsaved import settle

        if settle(self, [self], tr("关闭对话框")) and self.isVisible():
            super().reject()

    def submit(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        from desktop.ui.calls import call

        ok, _ = call(self, self.submit, self.error, self.fields)
        if ok:
            super().accept()
