"""The main window's status bar: the ledger's place, who is signed in, the day, and the reminders
(desktop/ui/pages.py's STATUS_WIDGETS). On a narrow window (150 % scaling on a 1024×768 screen
leaves 683 pixels) the place and the reminder are shortened with "…", never cut off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from desktop.ui import pages as registry
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def build_status_bar(window: MainWindow) -> None:
    desk = window.desk
    status = window.statusBar()
    place = ElidedLabel(
        tr("台账：{place}").format(place=desk.location), mode=Qt.TextElideMode.ElideMiddle
    )
    place.setObjectName("ledgerPlace")
    # The place gives way first: the others keep their width while there is any to spare.
    place.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    status.addWidget(place, 1)
    role = tr(desk.actor.role.label)
    status.addPermanentWidget(
        QLabel(tr("用户：{name}（{role}）").format(name=desk.actor.display_name, role=role))
    )
    today = desk.today
    status.addPermanentWidget(
        QLabel(tr("{y}年{m}月{d}日").format(y=today.year, m=today.month, d=today.day))
    )
    for make in registry.STATUS_WIDGETS:  # e.g. the off-PC backup reminder
        status.addPermanentWidget(make(window))
