"""The 工作台 on a ledger above SMALL_LEDGER tasks: read off the GUI thread, saying it is loading."""

from __future__ import annotations

import threading

from desktop.services.enums import LampColor


def test_the_dashboard_says_it_is_loading_then_shows_its_figures(
    window_as, qtbot, monkeypatch
) -> None:
    from desktop.services import dashboard
    from desktop.ui.calls import running_jobs
    from desktop.ui.dashboard import page as dashboard_page

    monkeypatch.setattr(dashboard_page, "SMALL_LEDGER", 0)  # the demo's 37 tasks count as big
    threads: list[threading.Thread] = []
    summary = dashboard.summary

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return summary(*args, **kwargs)

    monkeypatch.setattr(dashboard, "summary", spy)
    window = window_as("clerk")
    page = window.show_page("dashboard")
    red = page.tiles[LampColor.RED].number
    assert page.loading and page.loading_label.isVisible()
    assert red.text() == "…" and not red.isEnabled()  # no count to click yet
    page.refresh()  # F5 while it loads: the newer reads are the ones shown
    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=20_000)
    assert not page.loading and not page.loading_label.isVisible()
    assert red.text() == "8" and red.isEnabled()
    assert page.tiles[None].number.text() == "37"
    assert page.forecast.rowCount() > 0 and page.red.rowCount() == 8
    assert len(threads) == 2 and all(t is not threading.main_thread() for t in threads)


def test_the_dashboard_draws_its_two_charts_and_a_bar_opens_its_project(window_as, qtbot) -> None:
    """Drawn with QPainter (no QtCharts at start): the bars are there, a click filters 任务台账."""
    from PySide6.QtCore import QPoint, Qt

    from desktop.services.overview import TaskFilter
    from desktop.ui.painted_chart import BarChart

    window = window_as("clerk")
    page = window.show_page("dashboard")
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)
    progress, money = page.chart_widgets
    assert isinstance(progress, BarChart) and isinstance(money, BarChart)
    assert page.charts.indexOf(progress) >= 0 and progress.categories == [
        p.code for p in page.summary.projects
    ]
    assert [label for label, _, _ in money.sets] == ["计划", "到位", "支出"]
    assert money.top >= max(money.sets[0][2]) and money.ticks >= 3
    _, category, rect = next(
        bar for bar in progress.bar_rects() if bar[1] == 2 and bar[2].height() > 4
    )
    opened: list[TaskFilter] = []
    window.open_task_ledger = opened.append  # type: ignore[method-assign]
    qtbot.mouseClick(progress, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert [f.project_id for f in opened] == [page.summary.projects[category].id]
    qtbot.mouseClick(progress, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))  # beside the bars
    assert len(opened) == 1


def test_the_axis_rounds_its_steps_as_qtcharts_does() -> None:
    from desktop.ui.painted_chart import nice_axis

    assert nice_axis(8400.0) == (10000.0, 6)
    assert nice_axis(3.2) == (4.0, 5)
