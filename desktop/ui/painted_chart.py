"""Grouped bar charts drawn with QPainter: the 工作台's two, the 重点工程 and 资金 pages' (issues
11, 16).

They look as QtCharts' light theme drew them (bold title, value axis with grid lines, category
labels, legend below) and behave the same (a click on a bar reports its category, hovering names
it), without QtCharts: not loaded on the way to the first painted window (about 14 MB resident),
and not shipped (its library and binding, about 3 MB of the bundle)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

Sets = Sequence[tuple[str, str, Sequence[float]]]
AXIS = QColor("#5c5c5c")
GRID = QColor("#e0e0e0")
TICKS = 5  # QValueAxis' default tick count


def nice_axis(top: float, ticks: int = TICKS) -> tuple[float, int]:
    """(rounded top, tick count) for 0..top as QValueAxis.applyNiceNumbers rounds it: a step
    of 1, 2, 5 or 10 × 10^k near top / (ticks - 1), so 0, 2000, 4000 … rather than 2178, 4355."""
    top = max(top, 1.0)
    raw = top / (ticks - 1)
    power = 10 ** math.floor(math.log10(raw))
    fraction = raw / power
    nice = 1 if fraction < 1.5 else 2 if fraction < 3 else 5 if fraction < 7 else 10
    step = nice * power
    count = math.ceil(top / step - 1e-9)
    return step * count, count + 1


class BarChart(QWidget):
    def __init__(
        self,
        title: str,
        categories: Sequence[str],
        sets: Sets,
        on_click: Callable[[int], None] | None = None,
        maximum: float | None = None,
        unit: str = "",
        tooltips: Sequence[str] | None = None,
    ) -> None:
        super().__init__()
        self.title = title
        self.categories = list(categories)
        self.sets = [
            (label, QColor(colour), [float(v) for v in values]) for label, colour, values in sets
        ]
        self.on_click = on_click
        self.unit = unit
        self.tooltips = list(tooltips) if tooltips is not None else None
        top = max([0.0, *(v for _, _, values in self.sets for v in values)])
        if maximum is not None:
            self.top, self.ticks = float(maximum), TICKS
        else:
            self.top, self.ticks = nice_axis(top * 1.05)
        self.setMinimumHeight(220)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        if on_click is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    # --- geometry ----------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        title = QFont(self.font())
        title.setPointSizeF(10)
        title.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(8)
        return title, small

    def _label(self, value: float) -> str:
        return f"{value:.0f}{self.unit}"

    def _plot(self) -> QRectF:
        title, small = self._fonts()
        t, s = QFontMetricsF(title), QFontMetricsF(small)
        step = self.top / (self.ticks - 1)
        widest = max(s.horizontalAdvance(self._label(i * step)) for i in range(self.ticks))
        left = 12 + widest + 8
        top = 18 + t.height() + 12
        legend = QFontMetricsF(self.font()).height()
        bottom = self.height() - 12 - legend - 10 - s.height() - 8
        return QRectF(left, top, max(self.width() - 24 - left, 1), max(bottom - top, 1))

    def bar_rects(self) -> list[tuple[int, int, QRectF]]:
        """(set index, category index, rectangle) of every bar, in widget coordinates."""
        plot = self._plot()
        n = max(len(self.categories), 1)
        band = plot.width() / n
        group = band * 0.5  # QBarSeries' default bar width: half the category
        width = group / max(len(self.sets), 1)
        rects = []
        for i, (_, _, values) in enumerate(self.sets):
            for c, value in enumerate(values[: len(self.categories)]):
                height = plot.height() * max(0.0, min(value, self.top)) / self.top
                x = plot.left() + band * c + (band - group) / 2 + width * i
                rects.append((i, c, QRectF(x, plot.bottom() - height, width, height)))
        return rects

    def bar_at(self, pos: QPointF) -> tuple[int, int] | None:
        for i, c, rect in self.bar_rects():
            if rect.adjusted(0, -2, 0, 0).contains(pos):
                return i, c
        return None

    # --- drawing -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        title_font, small = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))  # QtCharts' light theme: a white rounded card
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(8, 8, -8, -8), 5, 5)
        painter.setFont(title_font)
        painter.setPen(QColor("#404040"))
        head = QFontMetricsF(title_font).height()
        painter.drawText(
            QRectF(4, 4, self.width() - 8, head), Qt.AlignmentFlag.AlignCenter, self.title
        )
        plot = self._plot()
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        step = self.top / (self.ticks - 1)
        for k in range(self.ticks):
            y = plot.bottom() - plot.height() * k / (self.ticks - 1)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            box = QRectF(12, y - metrics.height() / 2, plot.left() - 18, metrics.height())
            painter.drawText(
                box,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._label(k * step),
            )
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        band = plot.width() / max(len(self.categories), 1)
        for c, name in enumerate(self.categories):
            box = QRectF(plot.left() + band * c, plot.bottom() + 4, band, metrics.height())
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, band)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(Qt.PenStyle.NoPen)
        for i, _, rect in self.bar_rects():
            painter.setBrush(self.sets[i][1])
            painter.drawRect(rect)
        painter.setFont(self.font())
        legend = QFontMetricsF(self.font())
        self._paint_legend(painter, legend, self.height() - 12 - legend.height())
        painter.end()

    def _paint_legend(self, painter: QPainter, metrics: QFontMetricsF, y: float) -> None:
        mark = metrics.height() * 0.8
        widths = [mark + 4 + metrics.horizontalAdvance(label) for label, _, _ in self.sets]
        x = (self.width() - sum(widths) - 12 * (len(widths) - 1)) / 2
        for (label, colour, _), width in zip(self.sets, widths, strict=True):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QRectF(x, y + (metrics.height() - mark) / 2, mark, mark))
            painter.setPen(AXIS)
            painter.drawText(
                QRectF(x + mark + 4, y, width, metrics.height()),
                Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x += width + 12

    # --- clicks and hovering -----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self.bar_at(event.position())
        if (
            hit is not None
            and self.on_click is not None
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.on_click(hit[1])
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.tooltips is not None:
            assert isinstance(event, QHelpEvent)
            hit = self.bar_at(QPointF(event.pos()))
            if hit is not None:
                label, _, values = self.sets[hit[0]]
                name = self.tooltips[hit[1]] if hit[1] < len(self.tooltips) else ""
                QToolTip.showText(
                    event.globalPos(), f"{name}\n{label}：{values[hit[1]]:.0f}{self.unit}", self
                )
                return True
        return super().event(event)


bar_chart = BarChart
