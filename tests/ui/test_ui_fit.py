"""The window fits the screen: every page usable at 1024×768 and at 150 % scaling on 1366×768
and on 1024×768 (910×512 and 683×512 logical pixels, what QT_SCALE_FACTOR=1.5 leaves): nothing
forces the window past that size, no page needs sideways scrolling, every title-bar action is
on screen, and a remembered geometry from a bigger screen is clipped to this one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from desktop.ui.main_window import MainWindow

SIZES = {
    "1024x768": QSize(1024, 768),
    "1366x768@150%": QSize(910, 512),
    "1024x768@150%": QSize(683, 512),
}


def _visible_rect(widget, window) -> QRect:  # type: ignore[no-untyped-def]
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_every_page_fits_and_its_actions_are_on_screen(clerk_window, size: str) -> None:
    window: MainWindow = clerk_window
    target = SIZES[size]
    window.resize(target)
    QApplication.processEvents()
    assert window.size() == target  # no minimum size larger than the screen
    keys = [s.key for s in window.specs if s.in_nav]
    for key in keys:
        page = window.show_page(key)
        QApplication.processEvents()
        assert window.size() == target, key
        bar = window.page_scroll.horizontalScrollBar()
        assert bar.maximum() == 0, f"{key}: needs sideways scrolling ({bar.maximum()} px)"
        screen = QRect(QPoint(0, 0), target)
        viewport = _visible_rect(window.page_scroll.viewport(), window)
        for widget in page.actions_bar.parentWidget().findChildren(QAbstractButton):
            if widget.isVisible():
                rect = _visible_rect(widget, window)
                assert screen.contains(rect) and viewport.contains(rect), (key, widget.text())
        status = _visible_rect(window.statusBar(), window)
        assert screen.contains(status), key


# Pages with a table a clerk types into, which must never need the page scrolled to reach the
# table's own scroll bar or the hint under it; at 1024×768 no page needs it at all.
NO_SCROLL = {
    "1024x768": None,
    "1366x768@150%": {"tasks", "reports", "assessment"},
    "1024x768@150%": {"tasks", "reports", "assessment"},
}


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_pages_scroll_only_when_they_cannot_be_squeezed(clerk_window, size: str) -> None:
    """A page is given the height it needs at least, not its preferred height, and not the
    tallest page's: once 公文 had been opened, every page at 1024×768 scrolled by 242 px and the
    考核 results' scroll bar sat under the status bar."""
    window: MainWindow = clerk_window
    window.resize(SIZES[size])
    QApplication.processEvents()
    keys = [s.key for s in window.specs if s.in_nav]
    wanted = NO_SCROLL[size] or set(keys)
    for key in [*keys, *keys]:  # the second round after every page has been opened
        window.show_page(key)
        QApplication.processEvents()
        if key in wanted:
            bar = window.page_scroll.verticalScrollBar()
            assert bar.maximum() == 0, f"{key}: scrolls by {bar.maximum()} px"


def test_remembered_geometry_from_a_bigger_screen_is_clipped(clerk_window) -> None:
    window: MainWindow = clerk_window
    area = window._screen_area()
    window.setGeometry(area.x() + 300, area.y() + 200, area.width() + 800, area.height() + 600)
    window.clip_to_screen()
    frame = window.frameGeometry()
    assert area.contains(frame), (area, frame)


def test_first_start_takes_the_available_area(clerk_window, demo_ledger, qtbot) -> None:
    window = MainWindow(clerk_window.desk, remember=False)
    qtbot.addWidget(window)
    area = window._screen_area()
    assert window.size().width() <= area.width() and window.size().height() <= area.height()
    assert window.maximize_at_start == (area.width() < 1440)


def test_a_narrow_window_shows_the_pages_icons_alone(clerk_window) -> None:
    """At 683 px the names' 140 px made the 工作台 scroll sideways: the list keeps its icons,
    each name in the tooltip and for screen readers, and the names come back when it widens."""
    window: MainWindow = clerk_window
    window.resize(SIZES["1366x768@150%"])
    QApplication.processEvents()
    wide = window.nav.width()
    first = window.nav.item(0)
    assert first.text() == "工作台"
    window.resize(SIZES["1024x768@150%"])
    QApplication.processEvents()
    assert window.nav.width() < wide / 2
    assert first.text() == "" and first.toolTip() == "工作台"
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == "工作台"
    assert not first.icon().isNull()
    window.nav.setCurrentRow(2)  # still a way to the page
    QApplication.processEvents()
    assert window.current_key == window.nav.item(2).data(Qt.ItemDataRole.UserRole)
    window.resize(SIZES["1024x768"])
    QApplication.processEvents()
    assert first.text() == "工作台" and window.nav.width() == wide
