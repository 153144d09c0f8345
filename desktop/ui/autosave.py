"""The pages' side of crash-safe autosave (desktop/services/autosave.py): a timer that keeps a copy
while something is unsaved, and the question that offers a copy back after a crash."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services import autosave
from desktop.ui.i18n import tr
from desktop.ui.unsaved import form_values, restore_form

if TYPE_CHECKING:  # desk.py loads the services and the ORM: not before the sign-in dialog
    from desktop.ui.desk import Desk

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


def desk_of(widget: QWidget) -> Desk | None:
    """The Desk of the page or window a dialog was opened from (None outside a signed-in one)."""
    w: QWidget | None = widget
    while w is not None:
        desk = getattr(w, "desk", None)
        if desk is not None and hasattr(desk, "ledger") and hasattr(desk, "actor"):
            return desk  # type: ignore[no-any-return]
        w = w.parentWidget()
    return None


class FormCopy(QObject):
    """A crash-safe copy of a form's typed fields (a dialog's, desktop/ui/forms.py; a page's
    tracked form, desktop/ui/page.py): kept every few seconds while they differ from what was
    shown, offered back when the same form (same ``name``: a dialog's kind and title, a page's
    form and what it showed from the ledger) opens again for the same user. ``describe`` names
    it in the offer. Passwords are never kept. The timer runs only while the form shows: a
    hidden page's form (another page current, the window hidden) gets a last copy and stops."""

    def __init__(
        self,
        root: QWidget,
        desk: Desk,
        name: str,
        dirty: Callable[[], bool],
        describe: Callable[[], str],
    ) -> None:
        super().__init__(root)
        self.root, self.dirty, self.describe = root, dirty, describe
        digest = hashlib.sha256(name.encode()).hexdigest()[:12]
        self.saver = Autosaver(root, desk, f"form-{digest}", self.payload)
        self.last: Any = None
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.keep)
        self.active = False  # started and not forgotten
        root.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.root and self.active:
            if event.type() == QEvent.Type.Hide:
                # one turn later, bound to self: a form being destroyed is not read
                QTimer.singleShot(0, self, self._hidden)
            elif event.type() == QEvent.Type.Show:
                self.timer.start()
        return False

    def _hidden(self) -> None:
        if self.active and not self.root.isVisible():
            self.timer.stop()
            self.keep()

    def payload(self) -> dict[str, Any] | None:
        if not self.dirty():
            return None
        return {"what": self.describe(), "values": form_values(self.root, True)}

    def start(self) -> None:
        """Once the form shows: offer a copy left from before, then keep one while typing."""
        left = self.saver.left_over()
        if left is not None:
            if offer(self.root, str(left.get("what", ""))):
                restore_form(self.root, left.get("values", []))
            self.saver.forget()
        self.active = True
        if self.root.isVisibleTo(self.root.window()):  # not a page loaded behind another
            self.timer.start()

    def keep(self) -> bool:
        """Write the copy now if it changed; True when one is kept."""
        value = self.payload()
        if value != self.last:
            self.saver.write_now()
            self.last = value
        return value is not None

    def forget(self) -> None:
        self.active = False
        self.timer.stop()
        self.saver.forget()
        self.last = None
