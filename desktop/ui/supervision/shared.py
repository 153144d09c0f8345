"""What the 督办, 约谈 and 会议 pages share: correction notes, documents, unit choosers."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QWidget

from desktop.services import tasks
from desktop.ui.desk import Desk
from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

T = TypeVar("T")


def corrected(parent: QWidget, window: MainWindow, note: str | None) -> None:
    """After a correction: what it means for a document already composed (services say), or a
    plain confirmation in the status bar."""
    if note:
        QMessageBox.information(parent, tr("修改已保存"), note)
    else:
        window.statusBar().showMessage(tr("修改已保存。"), 5000)


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
