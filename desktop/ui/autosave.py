"""The pages' side of crash-safe autosave (desktop/services/autosave.py): a timer that keeps a copy
while something is unsaved, and the question that offers a copy back after a crash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services import autosave
from desktop.ui.desk import Desk
from desktop.ui.i18n import tr

INTERVAL_MS = 3000


class Autosaver(QObject):
    """``payload()`` returns what to keep, or None when nothing is unsaved (the copy goes)."""

    def __init__(self, parent: QWidget, desk: Desk, name: str, payload: Callable[[], Any]) -> None:
        super().__init__(parent)
        self.folder: Path = autosave.folder_for(desk.ledger.path, desk.ledger.url)
        self.key = f"{desk.actor.username}-{name}"
        self.payload = payload
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.write_now)

    def changed(self) -> None:
        """Something was typed: keep a copy after a short pause."""
        self.timer.start()

    def write_now(self) -> None:
        self.timer.stop()
        value = self.payload()
        if value is None:
            autosave.drop(self.folder, self.key)
        else:
            autosave.keep(self.folder, self.key, value)

    def forget(self) -> None:
        """Saved or discarded: no copy to offer."""
        self.timer.stop()
        autosave.drop(self.folder, self.key)

    def left_over(self) -> dict[str, Any] | None:
        return autosave.found(self.folder, self.key)


def offer(parent: QWidget, what: str) -> bool:
    """After a crash or a quit at the idle lock: bring the copy back? (tests replace this
    function to answer)."""
    answer = QMessageBox.question(
        parent,
        tr("恢复未保存的内容"),
        tr(
            "找到了上次未保存的{what}（督办台没有正常退出，或在锁屏时退出）。要恢复吗？\n"
            "选“否”将丢弃这份副本。"
        ).format(what=what),
    )
    return answer == QMessageBox.StandardButton.Yes
