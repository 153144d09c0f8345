"""Nothing typed is lost silently: the one protocol for "this page or dialog has unsaved edits".

Every ``Page`` (desktop/ui/page.py) and every ``ServiceDialog`` (desktop/ui/forms.py) implements
``EditHolder``. Before anything that would throw typed work away — closing the window, F5,
switching page, switching the progress grid's unit or period, signing out, the idle lock — the
caller asks::

    if not window.settle_unsaved(tr("退出登录")):   # MainWindow: every page and open dialog
        return                                      # the clerk chose 取消: change nothing

or, for one holder (a page switching its own unit), ``settle(parent, [holder], doing)``.
``settle`` asks once 保存 / 不保存 / 取消 and lists what is unsaved. 保存 saves every holder
(``False`` if one failed: its error was shown and its edits are kept), 不保存 discards them,
取消 returns ``False`` and touches nothing. Only when it returns ``True`` may the caller go on.

A holder with nothing unsaved is never asked about, so calling ``settle`` is always cheap.

While nobody is signed in (the idle lock's 退出督办台) the question cannot be honoured: 保存 would
write without a user, 不保存 would lose the work. ``keep_for_later`` asks nothing: a holder that
keeps a crash-safe copy (``keep_for_later()``: the progress grid, 公文 drafts) writes it now, and
the page offers it back at the next sign-in.
Pages whose edits are plain form fields call ``Page.track_form(widget)``; the form's values
when it was last loaded (``mark_clean``) are compared with its values now (``form_state``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QDateTime, QEventLoop, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)

from desktop.ui.i18n import tr


@runtime_checkable
class EditHolder(Protocol):
    """A page or dialog that may hold edits not yet written to the ledger."""

    def has_unsaved_edits(self) -> bool:
        """True while something typed here is not in the ledger."""
        ...

    def unsaved_description(self) -> str:
        """One Chinese line naming what is unsaved, e.g. "进度报送：3 项进度待保存"."""
        ...

    def save_edits(self) -> bool:
        """Write the edits through the service; True once saved. On failure show the error,
        keep the edits and return False. Blocks until the save is done (a background save
        waits in a local event loop, so the window keeps repainting)."""
        ...

    def discard_edits(self) -> None:
        """Throw the edits away: afterwards the holder shows the ledger again."""
        ...


_INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QTableWidget,
)


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask(parent: QWidget | None, doing: str, descriptions: Sequence[str]) -> Choice:
    """The one question (tests replace this function to answer it)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("尚未保存的修改"))
    box.setText(tr("以下修改尚未保存，{doing}前要保存吗？").format(doing=doing))
    box.setInformativeText("\n".join(descriptions))
    save = box.addButton(tr("保存"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("不保存"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Choice.SAVE
    if clicked is discard:
        return Choice.DISCARD
    return Choice.CANCEL


def settle(parent: QWidget | None, holders: Iterable[Any], doing: str) -> bool:
    """Ask about every holder with unsaved edits; True when the caller may go on."""
    dirty = [h for h in holders if isinstance(h, EditHolder) and h.has_unsaved_edits()]
    if not dirty:
        return True
    choice = ask(parent, doing, [h.unsaved_description() for h in dirty])
    if choice is Choice.CANCEL:
        return False
    if choice is Choice.DISCARD:
        for holder in dirty:
            holder.discard_edits()
        return True
    return all(holder.save_edits() for holder in dirty)


def keep_for_later(holders: Iterable[Any]) -> list[str]:
    """Signed out: every holder with unsaved edits that can keep a copy writes it now (nothing is
    written to the ledger, nothing dropped). Returns the descriptions of the edits that have no
    copy: they would go with the window."""
    lost = []
    for holder in holders:
        if not isinstance(holder, EditHolder) or not holder.has_unsaved_edits():
            continue
        keep = getattr(holder, "keep_for_later", None)
        if not (callable(keep) and keep()):
            lost.append(holder.unsaved_description())
    return lost


def wait_for(job: Any) -> bool:
    """Spin a local event loop until a worker Job is done (repaints go on); True on success."""
    loop = QEventLoop()
    while not job.finished:
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    return job.error is None and not job.cancelled


def _inputs(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in (root, *root.findChildren(QWidget))
        if isinstance(w, _INPUTS) and not (isinstance(w, QAbstractButton) and not w.isCheckable())
    ]


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def form_values(root: QWidget, for_copy: bool = False) -> list[list[Any]]:
    """The values of every input under ``root``, in a stable order, as JSON-able [kind, value]
    pairs: compared before/after, and kept as a crash-safe copy. ``for_copy``: a password
    field's text is left out (never written to disk)."""
    values: list[list[Any]] = []
    for w in _inputs(root):
        if isinstance(w, QLineEdit):
            secret = for_copy and w.echoMode() != QLineEdit.EchoMode.Normal
            values.append(["line", "" if secret else w.text()])
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            values.append(["text", w.toPlainText()])
        elif isinstance(w, QComboBox):
            values.append(["combo", [w.currentIndex(), w.currentText()]])
        elif isinstance(w, QDateTimeEdit):
            values.append(["datetime", w.dateTime().toString(Qt.DateFormat.ISODate)])
        elif isinstance(w, QAbstractSpinBox):
            values.append(["spin", w.text()])
        elif isinstance(w, QAbstractButton):
            values.append(["check", w.isChecked()])
        elif isinstance(w, QTableWidget):
            cells = [[_cell(w, r, c) for c in range(w.columnCount())] for r in range(w.rowCount())]
            values.append(["table", cells])
    return values


def form_state(root: QWidget) -> tuple[Any, ...]:
    """form_values as something to compare (a tuple of tuples)."""
    return tuple((kind, repr(value)) for kind, value in form_values(root))


def restore_form(root: QWidget, values: list[list[Any]]) -> bool:
    """Put a copy made by form_values back; False (and nothing changed) when the form is not
    the one it was taken from (other fields, or a table of another size)."""
    widgets = _inputs(root)
    if [k for k, _v in values] != [k for k, _v in form_values(root)] or len(widgets) != len(values):
        return False
    for w, (_kind, value) in zip(widgets, values, strict=True):
        if isinstance(w, QTableWidget) and (
            len(value) != w.rowCount() or any(len(row) != w.columnCount() for row in value)
        ):
            return False
    for w, (_kind, value) in zip(widgets, values, strict=True):
        if isinstance(w, QLineEdit):
            if value or w.echoMode() == QLineEdit.EchoMode.Normal:
                w.setText(value)
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            w.setPlainText(value)
        elif isinstance(w, QComboBox):
            index, text = value
            found = w.findText(text)
            if found >= 0:
                w.setCurrentIndex(found)
            elif w.isEditable():
                w.setEditText(text)
            elif 0 <= index < w.count():
                w.setCurrentIndex(index)
        elif isinstance(w, QDateTimeEdit):
            w.setDateTime(QDateTime.fromString(value, Qt.DateFormat.ISODate))
        elif isinstance(w, QSpinBox | QDoubleSpinBox):
            w.setValue(w.valueFromText(value))  # type: ignore[arg-type]
        elif isinstance(w, QAbstractButton):
            w.setChecked(bool(value))
        elif isinstance(w, QTableWidget):
            for r, row in enumerate(value):
                for c, text in enumerate(row):
                    item = w.item(r, c)
                    if item is None:
                        w.setItem(r, c, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
    return True
