"""The one question before an irreversible step or a batch: what will happen, to which records."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.i18n import tr

LISTED = 15  # records named in the question; the rest are counted


def confirm(parent: QWidget | None, title: str, question: str, items: Sequence[str] = ()) -> bool:
    """True when the clerk answers 确定. ``items`` are listed under the question (tests replace
    this function to answer it)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    if items:
        lines = list(items[:LISTED])
        if len(items) > LISTED:
            lines.append(tr("……共 {n} 项").format(n=len(items)))
        box.setInformativeText("\n".join(lines))
    yes = box.addButton(tr("确定"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
