"""资金: budget, arrived and spent by task and by source, with arrival and spending rates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import funds
from desktop.services.auth import Permission
from desktop.services.enums import FundSource
from desktop.services.funds import FundRow, FundTotals
from desktop.ui.desk import Desk
from desktop.ui.fmt import pct, wan
from desktop.ui.i18n import tr
from desktop.ui.page import Page
from desktop.ui.table import RIGHT, Column, DataTable, RowTableModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


@dataclass(frozen=True)
class SourceRow:
    source: FundSource
    totals: FundTotals


def _money_columns(get: Callable[[Any], FundTotals]) -> list[Column]:
    t = get  # a function row -> FundTotals
    return [
        Column(
            tr("计划（万元）"), lambda r: wan(t(r).budget), lambda r: t(r).budget, RIGHT, width=100
        ),
        Column(
            tr("到位（万元）"),
            lambda r: wan(t(r).arrived),
            lambda r: t(r).arrived,
            RIGHT,
            width=100,
        ),
        Column(
            tr("支出（万元）"), lambda r: wan(t(r).spent), lambda r: t(r).spent, RIGHT, width=100
        ),
        Column(
            tr("到位率"),
            lambda r: pct(t(r).arrival_rate),
            lambda r: t(r).arrival_rate or 0,
            RIGHT,
            width=70,
        ),
        Column(
            tr("支出率"),
            lambda r: pct(t(r).spending_rate),
            lambda r: t(r).spending_rate or 0,
            RIGHT,
            width=70,
        ),
    ]


class FundsPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("资金"))
        self.add_button(tr("登记资金…"), self.add_entry, Permission.EDIT_LEDGER)
        self.totals_label = QLabel()
        self.body.addWidget(self.totals_label)
        self.by_task = RowTableModel[FundRow](
            [
                Column(tr("编号"), lambda r: r.code, width=60),
                Column(tr("任务"), lambda r: r.title, width=230, tooltip=lambda r: r.title),
                Column(tr("牵头单位"), lambda r: r.lead_unit, width=130),
                *_money_columns(lambda r: r.totals),
            ]
        )
        self.task_table = DataTable(self.by_task)
        self.task_table.doubleClicked.connect(
            lambda i: self.main.open_task(self.by_task.row_at(i).task_id)
        )
        self.by_source = RowTableModel[SourceRow](
            [
                Column(tr("来源"), lambda r: tr(r.source.label), width=90),
                *_money_columns(lambda r: r.totals),
            ]
        )
        source_table = DataTable(self.by_source)
        source_table.setMaximumHeight(150)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(tr("按资金来源"))
        QVBoxLayout(box).addWidget(source_table)
        right_layout.addWidget(box)
        self.chart_box = QGroupBox(tr("按来源：计划、到位与支出"))
        self.chart_layout = QHBoxLayout(self.chart_box)
        right_layout.addWidget(self.chart_box, 1)
        splitter = QSplitter()
        task_box = QGroupBox(tr("按任务（双击打开任务）"))
        QVBoxLayout(task_box).addWidget(self.task_table)
        splitter.addWidget(task_box)
        splitter.addWidget(right)
        splitter.setSizes([760, 440])
        self.body.addWidget(splitter, 1)
        self.chart: QWidget | None = None

    def view_table(self) -> QTableView | None:
        return self.task_table

    def refresh(self) -> None:
        from desktop.ui.painted_chart import bar_chart  # QPainter, as on the 工作台

        with self.desk.session() as session:
            rows = funds.fund_rows(session)
            by_source = funds.totals_by_source(session)
        self.by_task.set_rows(rows)
        sources = [SourceRow(s, by_source[s]) for s in FundSource if s in by_source]
        self.by_source.set_rows(sources)
        budget = sum((r.totals.budget for r in rows), funds.ZERO)
        arrived = sum((r.totals.arrived for r in rows), funds.ZERO)
        spent = sum((r.totals.spent for r in rows), funds.ZERO)
        all_totals = FundTotals(budget, arrived, spent)
        self.totals_label.setText(
            tr(
                "合计：计划 {b} 万元，到位 {a} 万元（到位率 {ar}），支出 {s} 万元（支出率 {sr}）"
            ).format(
                b=wan(budget),
                a=wan(arrived),
                ar=pct(all_totals.arrival_rate),
                s=wan(spent),
                sr=pct(all_totals.spending_rate),
            )
        )
        if self.chart is not None:
            self.chart.setParent(None)
        ten_k = funds.TEN_THOUSAND
        self.chart = bar_chart(
            "",
            [tr(r.source.label) for r in sources],
            [
                (tr("计划"), "#9aa5b1", [float(r.totals.budget / ten_k) for r in sources]),
                (tr("到位"), "#3b7dd8", [float(r.totals.arrived / ten_k) for r in sources]),
                (tr("支出"), "#2e9d4a", [float(r.totals.spent / ten_k) for r in sources]),
            ],
            unit="",
        )
        self.chart_layout.addWidget(self.chart)

    def add_entry(self) -> None:
        from desktop.ui.funds.entry_dialog import FundEntryDialog

        rows = self.task_table.selected_rows()
        if not rows:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, tr("登记资金"), tr("请先在左侧表格中选中一项任务。"))
            return
        task_id = self.by_task.row_at(rows[0]).task_id
        if FundEntryDialog(self, self.desk, task_id).exec():
            self.main.data_changed()
