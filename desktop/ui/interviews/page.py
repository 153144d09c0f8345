"""约谈: the interviews with their status and next step; the selected one's stages on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
)

from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import InterviewInfo
from desktop.ui.desk import Desk
from desktop.ui.fmt import day
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.interviews.detail import InterviewDetail
from desktop.ui.interviews.stage import CURRENT
from desktop.ui.page import Page
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel
from desktop.ui.unsaved import settle

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

SHOW = (
    ("all", QT_TR_NOOP("全部约谈")),
    ("open", QT_TR_NOOP("进行中")),
    ("overdue", QT_TR_NOOP("整改逾期")),
    ("ended", QT_TR_NOOP("已结束")),
)


def _status_color(info: InterviewInfo) -> QColor:
    if info.overdue or info.status.value in ("failed", "escalated"):
        return QColor("#d93025")
    return QColor("#2e9d4a" if info.status.value == "closed" else "#1a73e8")


class InterviewsPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("约谈"))
        self.show_filter = QComboBox()
        for key, label in SHOW:
            self.show_filter.addItem(tr(label), key)
        self.show_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.remember_filters({"show": self.show_filter})
        self.count = QLabel()
        self.model = RowTableModel[InterviewInfo](
            [
                Column(
                    tr("编号"), lambda i: str(i.id), sort_key=lambda i: i.id, align=CENTER, width=36
                ),
                Column(tr("被约谈单位"), lambda i: i.unit, width=120, tooltip=lambda i: i.unit),
                Column(tr("任务"), lambda i: "、".join(i.task_codes), width=48),
                Column(
                    tr("状态"),
                    lambda i: tr(i.status.label),
                    width=96,
                    foreground=_status_color,
                    tooltip=lambda i: tr("{d} 提出").format(d=day(i.proposed_on)),
                ),
                Column(tr("下一步"), lambda i: tr(i.next_step), tooltip=lambda i: i.reason),
            ]
        )
        self.table = DataTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._select(cur))
        list_box = QGroupBox(tr("约谈事项"))
        list_layout = QVBoxLayout(list_box)
        bar = QHBoxLayout()
        bar.addWidget(self.show_filter)
        bar.addWidget(self.count, 1)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.table, 1)
        hint = QLabel(tr("新的约谈从“督办”页采纳系统建议提出；选中一项，按右侧当前步骤办理。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        list_layout.addWidget(hint)

        self.detail = InterviewDetail(desk, window)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.stage_scroll = scroll
        split = QSplitter()
        split.addWidget(list_box)
        split.addWidget(scroll)
        split.setSizes([470, 730])
        self.body.addWidget(split, 1)
        self.selected_id: int | None = None
        self.track_form(self.detail)  # each stage saves with its own button

    def refresh(self) -> None:
        show = self.show_filter.currentData()
        with self.desk.session() as session:
            rows = interviews.list_interviews(session, self.desk.today, open_only=show == "open")
        if show == "overdue":
            rows = [r for r in rows if r.overdue]
        elif show == "ended":
            rows = [r for r in rows if r.status.value in ("closed", "escalated")]
        self.model.set_rows(rows)
        self.count.setText(tr("{n} 项").format(n=len(rows)))
        for i, row in enumerate(rows):
            if row.id == self.selected_id:
                self.table.selectRow(i)
                self.detail.show_interview(row)
                return
        if rows:
            self.table.selectRow(0)
        else:
            self.detail.show_interview(None)

    def _select(self, index: object) -> None:
        if index.isValid():  # type: ignore[attr-defined]
            row = self.model.row_at(index)  # type: ignore[arg-type]
            moved = row.id != self.selected_id
            if moved and not settle(self, [self], tr("打开另一项约谈")):
                self.table.select_quietly(self.selected_id)
                return
            self.selected_id = row.id
            self.detail.show_interview(row)
            self.mark_clean()
            if moved:
                QTimer.singleShot(0, self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        """The clerk lands on the stage to do next; a finished interview shows from the top."""
        self.stage_scroll.verticalScrollBar().setValue(0)
        current = [s for s in self.detail.stages if s.state == CURRENT]
        if current:  # scroll no further than needed to show the whole stage
            self.stage_scroll.ensureWidgetVisible(current[0], 0, 8)

    def select(self, interview_id: int) -> None:
        """Show one interview (just proposed from the 督办 page): clear a filter hiding it."""
        self.selected_id = interview_id
        self.show_filter.blockSignals(True)
        self.show_filter.setCurrentIndex(0)
        self.show_filter.blockSignals(False)
        self.refresh()
        self.mark_clean()
