"""The base of every page: a title bar with its actions, refreshed when the ledger changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.auth import Permission
from desktop.ui.buttons import button
from desktop.ui.desk import Desk

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
        bar.addWidget(self.title_label)
        bar.addStretch(1)
        self.actions_bar = bar
        outer.addLayout(bar)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer.addLayout(self.body, 1)

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

    def load(self, label: str, work: Callable[[], T], apply: Callable[[T], None]) -> None:
        """Run a read; on a large ledger in the background (progress dialog), else at once."""
        if self.desk.is_large():
            self.main.run_task(label, lambda _progress: work(), apply, refresh=False)
        else:
            apply(work())

    def refresh(self) -> None:
        raise NotImplementedError

    def ensure_fresh(self) -> None:
        if self.stale:
            self.stale = False
            self.refresh()
