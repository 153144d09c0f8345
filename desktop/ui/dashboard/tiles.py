"""Clickable numbers for the dashboard: a number that opens the list it counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout


class NumberTile(QFrame):
    """A big number with a caption; clicking the number runs ``on_click``."""

    def __init__(self, caption: str, colour: str, on_click: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.setStyleSheet(
            f"QFrame#tile {{ border: 1px solid #d0d4da; border-left: 5px solid {colour};"
            " border-radius: 4px; background: white; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(0)
        self.number = QPushButton("0")
        self.number.setFlat(True)
        self.number.setCursor(Qt.CursorShape.PointingHandCursor)
        self.number.setStyleSheet(
            f"QPushButton {{ color: {colour}; font-size: 20pt; font-weight: bold; border: none;"
            " text-align: left; padding: 0; } QPushButton:hover { text-decoration: underline; }"
        )
        self.number.clicked.connect(lambda: on_click())
        label = QLabel(caption)
        label.setStyleSheet("color: #555; border: none;")
        layout.addWidget(self.number)
        layout.addWidget(label)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))
        self.number.setEnabled(True)

    def set_loading(self) -> None:
        """No number until the figures arrive (a click would open a list not counted yet)."""
        self.number.setText("…")
        self.number.setEnabled(False)


def link_button(text: str, on_click: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(
        "QPushButton { color: #1a5fb4; border: none; padding: 0 4px; }"
        " QPushButton:hover { text-decoration: underline; }"
    )
    button.clicked.connect(lambda: on_click())
    return button
