"""The base of every page: a title bar with its actions, refreshed when the ledger changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.auth import Permission
from desktop.ui.autosave import FormCopy
from desktop.ui.buttons import button
from desktop.ui.calls import Job
from desktop.ui.desk import LARGE_LEDGER, Desk
from desktop.ui.flow import FlowLayout
from desktop.ui.i18n import tr
from desktop.ui.unsaved import form_state, wait_for

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

T = TypeVar("T")


class Page(QWidget):
    """Subclasses build their body into ``self.body`` and implement ``refresh()``."""

    def __init__(self, desk: Desk, window: MainWindow, title: str) -> None:
        super().__init__()
        self.desk, self.main = desk, window
        self.stale = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.setSpacing(6)
        bar = QHBoxLayout()
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.title_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        bar.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignTop)
        # The buttons wrap onto a second line on a narrow screen instead of widening the page.
        buttons = QWidget()
        buttons.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.actions_bar = FlowLayout(buttons)
        bar.addWidget(buttons, 1)
        outer.addLayout(bar)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer.addLayout(self.body, 1)
        self._forms: list[_Form] = []
        # Pages with editable tables give them this stack; the 编辑 menu's 撤销/重做 follow it.
        self.undo_stack: QUndoStack | None = None
        self._filters: dict[str, QComboBox | QLineEdit] = {}

    def add_button(
        self,
        label: str,
        slot: Callable[[], object],
        permission: Permission = Permission.READ,
        shortcut: str = "",
    ) -> QPushButton:
        """A guarded button in the title bar (desktop/ui/buttons.py)."""
        widget = button(self.desk, label, slot, permission, shortcut)
        self.actions_bar.addWidget(widget)
        return widget

    # --- the table on screen (desktop/ui/view_export.py: 导出当前表格, 打印…) --------------------

    def view_table(self) -> QTableView | None:
        """The page's main table, exported and printed as shown (``self.table`` if any)."""
        table = getattr(self, "table", None)
        return table if isinstance(table, QTableView) else None

    def view_title(self) -> str:
        """The printed title: the page's name and, where the page filters, the filter."""
        return self.title_label.text()

    # --- filters remembered per user between sessions (MainWindow saves and restores them) ---

    def remember_filters(self, widgets: dict[str, QComboBox | QLineEdit]) -> None:
        """The page's filter boxes, by a stable name: kept at close, put back at the next start."""
        self._filters = widgets

    def filter_state(self) -> dict[str, str]:
        """What each filter shows (a choice by its text: lists filled from the ledger reorder)."""
        return {
            name: widget.currentText() if isinstance(widget, QComboBox) else widget.text()
            for name, widget in self._filters.items()
        }

    def restore_filters(self, state: dict[str, object]) -> None:
        """Before the page first loads: set the boxes quietly (one load follows, not one each)."""
        for name, widget in self._filters.items():
            value = state.get(name)
            if not isinstance(value, str):
                continue
            widget.blockSignals(True)
            try:
                if isinstance(widget, QLineEdit):
                    widget.setText(value)
                elif (index := widget.findText(value)) >= 0:
                    widget.setCurrentIndex(index)
            finally:
                widget.blockSignals(False)
        self.filters_restored()

    def filters_restored(self) -> None:
        """A page whose model keeps its own copy of the filter takes the restored one here."""

    def read(
        self,
        label: str,
        work: Callable[[], T],
        apply: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
        off_thread_above: int = LARGE_LEDGER,
    ) -> None:
        """Run a read; on a large ledger in the background (progress dialog), else at once.
        Above ``off_thread_above`` tasks (when lower than the large ledger's count) it runs in
        the background too, without the dialog: the page shows its own loading state.
        ``failed`` runs after the error was shown (in all cases)."""
        large = self.desk.is_large()
        if large or (off_thread_above < LARGE_LEDGER and self.desk.task_count() > off_thread_above):
            self.main.run_task(
                label, lambda _p: work(), apply, refresh=False, failed=failed, quiet=not large
            )
            return
        try:
            result = work()
        except BaseException as error:
            if failed is not None:
                failed(error)
            raise
        apply(result)

    def refresh(self) -> None:
        raise NotImplementedError

    def ensure_fresh(self) -> None:
        if self.stale:
            self.stale = False
            self.refresh()
            self.mark_clean()

    # --- unsaved edits (desktop/ui/unsaved.py's EditHolder) ------------------------------------
    # A page with form fields calls track_form(); a page with its own edits (the progress grid,
    # the 公文 draft) overrides has_unsaved_edits / save_edits / discard_edits.

    def track_form(self, root: QWidget, save: Callable[[], object] | None = None) -> None:
        """Count what is typed into ``root``'s fields as unsaved until the page reloads, and
        save it with ``save`` (the page's 保存 button; None: the form has its own buttons)."""
        self._forms.append(_Form(root, save, form_state(root)))

    def mark_clean(self) -> None:
        """What the tracked forms show now is what the ledger holds (call after loading).
        Each form then keeps a crash-safe copy of what is typed into it (desktop/ui/autosave.py),
        named by what it showed, so a copy is only offered back over the same record as it was;
        the copy of what it showed before (saved, discarded or reloaded) goes."""
        for index, form in enumerate(self._forms):
            form.clean = form_state(form.root)
            if form.copy is not None:
                form.copy.forget()
                form.copy.deleteLater()
            name = f"{type(self).__qualname__}:{index}:{form.clean!r}"
            form.copy = FormCopy(form.root, self.desk, name, form.is_dirty, self._copy_description)
            QTimer.singleShot(0, form.copy, form.copy.start)

    def _copy_description(self) -> str:
        return tr("“{page}”页上填写的内容").format(page=self.title_label.text())

    def keep_for_later(self) -> bool:
        """Signed out with typed forms: their copies are written now (see mark_clean)."""
        dirty = [f for f in self._forms if f.dirty]
        return bool(dirty) and all(f.copy is not None and f.copy.keep() for f in dirty)

    def has_unsaved_edits(self) -> bool:
        return any(form.dirty for form in self._forms)

    def unsaved_description(self) -> str:
        return tr("{page}：有尚未保存的修改").format(page=self.title_label.text())

    def save_edits(self) -> bool:
        """Run each edited form's save; True when nothing is left unsaved."""
        for form in [f for f in self._forms if f.dirty]:
            if form.save is None:
                self.main.statusBar().showMessage(
                    tr("请用“{page}”页上相应的按钮保存。").format(page=self.title_label.text()),
                    8000,
                )
                return False
            result = form.save()
            if isinstance(result, Job) and not wait_for(result):
                return False
        if self.stale:  # the save reloaded the ledger: show it, and the forms are clean
            self.ensure_fresh()
        return not self.has_unsaved_edits()

    def discard_edits(self) -> None:
        """Reload from the ledger (now if shown, else when next shown)."""
        self.stale = True
        self.mark_clean()
        if self.isVisible():
            self.ensure_fresh()


@dataclass
class _Form:
    root: QWidget
    save: Callable[[], object] | None
    clean: tuple[object, ...]
    copy: FormCopy | None = None

    @property
    def dirty(self) -> bool:
        return form_state(self.root) != self.clean

    def is_dirty(self) -> bool:
        return self.dirty
