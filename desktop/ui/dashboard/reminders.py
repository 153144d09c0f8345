"""The 工作台's 督办事项提醒: items falling due soon (for the 科员 and the 分管领导) and 延期
requests waiting for a 领导; double-click opens the item on the 督办 page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from sqlalchemy.orm import Session

from desktop.services.supervision import reminders
from desktop.ui.fmt import day
from desktop.ui.i18n import tr
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


@dataclass(frozen=True)
class Line:
    day: date
    item_id: int
    what: str
    who: str


def reminder_lines(session: Session, today: date) -> list[Line]:
    """The reminders due (read in the 工作台's worker with its summary on a big ledger)."""
    found = [
        Line(
            d.due,
            d.item_id,
            tr("今天到期") if d.days_left == 0 else tr("还有 {n} 天到期").format(n=d.days_left),
            tr("科员") + (f"、{d.leader}" if d.leader else ""),
        )  # fmt: skip
        for d in reminders.due_reminders(session, today)
    ]
    found += [
        Line(
            p.new_due,
            p.item_id,
            tr("延期待审批：{old} 延至 {new}").format(old=day(p.old_due), new=day(p.new_due)),
            tr("领导"),
        )  # fmt: skip
        for p in reminders.pending_approvals(session)
    ]
    return found


class ItemReminders(DataTable):
    def __init__(self, window: MainWindow) -> None:
        self.main = window
        self.lines = RowTableModel[Line](
            [
                Column(tr("日期"), lambda r: day(r.day), align=CENTER, width=86),
                Column(tr("事项"), lambda r: f"#{r.item_id}", align=CENTER, width=52),
                Column(tr("提醒"), lambda r: r.what, width=220, tooltip=lambda r: r.what),
                Column(tr("提醒谁"), lambda r: r.who),
            ]
        )
        super().__init__(self.lines)
        self.setObjectName("item_reminders")
        self.setToolTip(tr("双击打开督办事项"))
        self.doubleClicked.connect(self._open)
        self.activated.connect(self._open)

    @property
    def count(self) -> int:
        return self.lines.rowCount()

    def show_lines(self, lines: list[Line]) -> None:
        self.lines.set_rows(lines)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            page = self.main.show_page("supervision")
            select = getattr(page, "select_item", None)  # None: the clerk stayed where he was
            if select is not None:
                select(self.lines.row_at(index).item_id)
