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
