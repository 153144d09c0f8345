"""The task ledger's table model: rows fetched lazily in batches, sorted and filtered by the service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.services import overview
from desktop.services.enums import LampColor
from desktop.services.overview import TaskFilter, TaskRow
from desktop.ui.desk import Desk
from desktop.ui.fmt import day, pct, period_label, reported
from desktop.ui.i18n import tr
from desktop.ui.lamp import LAMP_NAME, lamp_color, lamp_icon
from desktop.ui.reasons import say
from desktop.ui.table import CENTER, RIGHT, Column, RowTableModel

BATCH = 500  # rows fetched as the view scrolls
FIRST = 100  # rows of a (re)load: a few screens; the rest come as the clerk scrolls


def ledger_columns(warnings: dict[int, str] | None = None) -> list[Column[TaskRow]]:
    """The ledger's columns; ``warnings`` (task id → forecast reason) feeds the 预警 column."""
    ahead = warnings if warnings is not None else {}
    return [
        Column(tr("编号"), lambda r: r.code, "code", width=64),
        Column(tr("任务"), lambda r: r.title, "title", width=230, tooltip=lambda r: r.title),
        Column(
            tr("重点工程"), lambda r: r.project, "project", width=150, tooltip=lambda r: r.project
        ),
        Column(tr("牵头单位"), lambda r: r.lead_unit, "lead_unit", width=120),
        Column(tr("完成时限"), lambda r: day(r.deadline), "deadline", CENTER, width=90),
        Column(tr("序时进度"), lambda r: pct(r.lamp.schedule_pct), "schedule", RIGHT, width=70),
        Column(tr("报送进度"), lambda r: reported(r.reported_pct), "reported", RIGHT, width=70),
        Column(
            tr("亮灯"),
            lambda r: tr(LAMP_NAME[r.lamp.color]),
            "lamp",
            width=70,
            tooltip=lambda r: say(r.lamp.reason_text),
            decoration=lambda r: lamp_icon(r.lamp.color),
            foreground=lambda r: lamp_color(r.lamp.color),
        ),
        Column(tr("到位率"), lambda r: pct(r.funds.arrival_rate), "arrival_rate", RIGHT, width=64),
        Column(
            tr("支出率"), lambda r: pct(r.funds.spending_rate), "spending_rate", RIGHT, width=64
        ),
        Column(tr("最近报送"), lambda r: period_label(r.last_period), "last_report", width=92),
        Column(tr("状态"), lambda r: tr(r.status.label), "status", width=64),
        Column(
            tr("亮灯原因"),
            lambda r: say(r.lamp.reason_text),
            None,
            tooltip=lambda r: say(r.lamp.reason_text),
        ),
        Column(
            tr("预警"),
            lambda r: tr("下期可能红灯") if r.id in ahead else "",
            None,
            width=96,
            tooltip=lambda r: ahead.get(r.id, ""),
            foreground=lambda r: lamp_color(LampColor.RED) if r.id in ahead else None,
        ),
    ]


class TaskLedgerModel(RowTableModel[TaskRow]):
    """Pages through ``overview.task_page``: SQL sorts fetch BATCH rows at a time as the view
    scrolls; a lamp filter or a computed sort (lamp, rates) needs every lamp, so it loads once."""

    def __init__(self, desk: Desk) -> None:
        self.warnings: dict[int, str] = {}  # filled by the page from lamps.forecast
        super().__init__(ledger_columns(self.warnings))
        self.desk = desk
        self.filter = TaskFilter()
        self.sort_key, self.descending = "code", False
        self.total = 0
        # Set by the page: runs a read in the background on a large ledger (Page.load).
        self.loader: Callable[[str, Callable[[], Any], Callable[[Any], None]], None] | None = None
        self.on_loaded: Callable[[], None] | None = None
        self.started = False  # a sort restored before the first load only sets the order

    def _paged(self) -> bool:
        return self.sort_key in overview.PAGED_SORT_KEYS

    def _needs_lamps(self) -> bool:
        """A lamp filter or sort may first recompute the day's lamps (seconds on a big ledger)."""
        return self.filter.lamp is not None or self.sort_key not in overview.PLAIN_SORT_KEYS

    def _fetch(self, offset: int, limit: int | None = BATCH) -> overview.TaskPage:
        if not self._paged():
            limit = None
        with self.desk.session() as session:
            return overview.task_page(
                session, self.desk.today, self.filter, self.sort_key, self.descending, offset, limit
            )

    def reload(self) -> None:
        self.started = True
        if not self._needs_lamps() or self.loader is None:
            self._apply(self._fetch(0, FIRST))
        else:  # the first batch may wait for the day's lamps: load it in the background
            self.loader(tr("正在计算亮灯…"), lambda: self._fetch(0, FIRST), self._apply)

    def _apply(self, page: overview.TaskPage) -> None:
        self.beginResetModel()
        self.rows, self.total = page.rows, page.total
        self.endResetModel()
        if self.on_loaded is not None:
            self.on_loaded()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        page = self._fetch(len(self.rows))
        if not page.rows:
            self.total = len(self.rows)
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self.rows.extend(page.rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key
        if not isinstance(key, str):
            return  # not sortable (the reason text)
        descending = order == Qt.SortOrder.DescendingOrder
        if self.started and (key, descending) == (self.sort_key, self.descending):
            return  # QTableView.sortByColumn asks twice (the header's signal, then itself)
        self.sort_key, self.descending = key, descending
        if self.started:
            self.reload()

    def set_filter(self, flt: TaskFilter) -> None:
        self.filter = flt
        self.reload()

    def row_of_task(self, task_id: int) -> int | None:
        for i, row in enumerate(self.rows):
            if row.id == task_id:
                return i
        return None
