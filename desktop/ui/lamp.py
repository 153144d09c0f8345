"""Lamps on screen: a coloured dot per colour, and the colours used by tables and charts."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from desktop.services.enums import LampColor
from desktop.ui.i18n import QT_TR_NOOP

LAMP_HEX = {LampColor.GREEN: "#2e9d4a", LampColor.YELLOW: "#e0a100", LampColor.RED: "#d93025"}
LAMP_NAME = {
    LampColor.GREEN: QT_TR_NOOP("绿灯"),
    LampColor.YELLOW: QT_TR_NOOP("黄灯"),
    LampColor.RED: QT_TR_NOOP("红灯"),
}


def lamp_color(color: LampColor) -> QColor:
    return QColor(LAMP_HEX[color])


@cache
def lamp_icon(color: LampColor, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QBrush(lamp_color(color)))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
