"""The list of pages down the window's left side: icons and names, or icons alone when the window
is narrow (150 % scaling on a 1024×768 screen leaves 683 logical pixels, and the names' 140 px
made the 工作台 and 进度报送 scroll sideways). A name then shows as the icon's tooltip and is
still what a screen reader says."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

WIDE = 140  # px, icons and names
NARROW = 44  # px, icons alone
ICONS_ALONE_BELOW = 800  # window width (logical px) under which the names go
NAMES_STYLE = "QListWidget#navigation::item { padding: 8px 6px; }"
ICONS_STYLE = (
    "QListWidget#navigation::item { padding: 4px 0px; }"
    "QListWidget#navigation::item:selected"
    " { background: #dbe7f6; border-left: 3px solid #3b7dd8; }"
)


class Navigation(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("navigation")
        self.setIconSize(QSize(20, 20))
        self.setFixedWidth(WIDE)
        self.setStyleSheet(NAMES_STYLE)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMovement(QListView.Movement.Static)  # in icon mode too: nothing to drag
        self.icons_alone = False

    def add_page(self, key: str, page_icon: QIcon, label: str) -> None:
        item = QListWidgetItem(page_icon, label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
        item.setToolTip(label)
        self.addItem(item)

    def fit(self, window_width: int) -> None:
        """Icons and names, or icons alone in a window narrower than ICONS_ALONE_BELOW."""
        alone = window_width < ICONS_ALONE_BELOW
        if alone == self.icons_alone:
            return
        self.icons_alone = alone
        for row in range(self.count()):
            item = self.item(row)
            item.setText("" if alone else item.toolTip())
        # Icon mode centres each icon in its cell (a list row keeps room for the text).
        self.setViewMode(QListView.ViewMode.IconMode if alone else QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setGridSize(QSize(NARROW - 4, 40) if alone else QSize())
        # The current page's whole cell highlighted: icon mode would mark only the empty text.
        self.setStyleSheet(ICONS_STYLE if alone else NAMES_STYLE)
        self.setFixedWidth(NARROW if alone else WIDE)
