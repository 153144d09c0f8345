"""The status bar on a narrow window (150 % scaling on a 1024×768 screen leaves 683 logical
pixels): the 备份 reminder stays in view, shortened with "…" and whole in its tooltip; the
ledger's place gives way first. Seen cut off mid-sentence at the window's edge."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel

from desktop.ui.elided_label import ElidedLabel
from desktop.ui.main_window import MainWindow


def _whole(label: QLabel, bar) -> bool:  # type: ignore[no-untyped-def]
    """In the bar, and its text whole or drawn shortened with "…" (a plain label clips it)."""
    inside = bar.rect().contains(QRect(label.mapTo(bar, QPoint(0, 0)), label.size()))
    room = label.contentsRect().width()
    fits = label.fontMetrics().horizontalAdvance(label.text()) <= room
    return inside and (fits or isinstance(label, ElidedLabel))


def test_narrow_window_shortens_the_status_bar_instead_of_cutting_it(clerk_window) -> None:
    window: MainWindow = clerk_window
    window.resize(1024, 768)
    window.show()
    QApplication.processEvents()
    bar = window.statusBar()
    reminder = bar.findChild(ElidedLabel, "backupReminder")
    place = bar.findChild(ElidedLabel, "ledgerPlace")
    assert "备份" in reminder.text() and not reminder.shortened()  # room to spare at 1024

    window.resize(683, 512)
    QApplication.processEvents()
    assert window.width() == 683
    shown = [label for label in bar.findChildren(QLabel) if label.isVisible()]
    cut = [label.text() for label in shown if not _whole(label, bar)]
    assert shown and cut == []
    assert place.shortened()  # gives way first
    assert str(window.desk.location) in place.toolTip()
    assert reminder.width() >= reminder.minimumSizeHint().width() > 0
    assert reminder.text() in reminder.toolTip() and "备份台账" in reminder.toolTip()


def test_elided_label_reports_the_whole_text(qapp) -> None:
    label = ElidedLabel("台账还从未备份或归档到移动介质，请尽快备份到U盘等移动介质。", hint="提示")
    label.resize(60, 20)
    assert label.shortened()
    assert label.toolTip() == "台账还从未备份或归档到移动介质，请尽快备份到U盘等移动介质。\n提示"
    label.resize(label.sizeHint())
    assert not label.shortened()
