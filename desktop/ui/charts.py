"""QtCharts helpers: grouped bar charts whose bars can be clicked."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import QToolTip


def bar_chart(
    title: str,
    categories: Sequence[str],
    sets: Sequence[tuple[str, str, Sequence[float]]],
    on_click: Callable[[int], None] | None = None,
    maximum: float | None = None,
    unit: str = "",
    tooltips: Sequence[str] | None = None,
) -> QChartView:
    """``sets``: (label, colour, values per category); a click reports the category index."""
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSizeF(10)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    series = QBarSeries()
    top = 0.0
    for label, colour, values in sets:
        bar_set = QBarSet(label)
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        bar_set.append([float(v) for v in values])
        top = max([top, *[float(v) for v in values]])
        if on_click is not None:
            bar_set.clicked.connect(on_click)
        if tooltips is not None:
            bar_set.hovered.connect(
                lambda state, i, name=label, vals=list(values): (
                    QToolTip.showText(
                        QCursor.pos(), f"{tooltips[i]}\n{name}：{float(vals[i]):.0f}{unit}"
                    )
                    if state
                    else QToolTip.hideText()
                )
            )
        series.append(bar_set)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(categories))
    small = QFont(axis_x.labelsFont())
    small.setPointSizeF(8)
    axis_x.setLabelsFont(small)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setRange(0, maximum if maximum is not None else max(top * 1.05, 1))
    if maximum is None:
        axis_y.applyNiceNumbers()  # round ticks (0, 2000, 4000 …) rather than 2178, 4355
    axis_y.setLabelFormat(f"%.0f{unit}")
    axis_y.setLabelsFont(small)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    if on_click is not None:
        view.setCursor(Qt.CursorShape.PointingHandCursor)
    return view
