"""督办: the desk's proposals on top; below, the supervision items with filters and the selected one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
)

from desktop.services import supervision
from desktop.services.supervision import SupervisionKind, SupervisionRow
from desktop.ui.buttons import EDIT
from desktop.ui.desk import Desk
from desktop.ui.fmt import day
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.page import Page
from desktop.ui.supervision.detail import STATE_COLOR, ItemDetail
from desktop.ui.supervision.proposals import ProposalsBox
from desktop.ui.supervision.raise_dialog import RaiseItemDialog
from desktop.ui.supervision.register_dialog import RegisterItemDialog
from desktop.ui.supervision.shared import unit_combo
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel
from desktop.ui.unsaved import settle

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

ALL, OPEN, OVERDUE, CLOSED = "all", "open", "overdue", "closed"
STATES = (
    (ALL, QT_TR_NOOP("全部状态")),
    (OPEN, QT_TR_NOOP("未办结")),
    (OVERDUE, QT_TR_NOOP("逾期未回复")),
    (CLOSED, QT_TR_NOOP("已办结")),
)


def _kind(data: object) -> SupervisionKind | None:
    """Qt hands a str enum back as a plain str."""
    return SupervisionKind(str(data)) if data else None


class SupervisionPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("督办"))
        self.add_button(tr("登记督办事项…"), self.register_item, EDIT)
        self.add_button(tr("发起督办…"), self.raise_item, EDIT)
        self.add_button(tr("导出登记簿…"), self.export_register)
        self.add_button(tr("打印登记簿…"), self.print_register)
        self.proposals = ProposalsBox(desk, window)

        self.kind_filter = QComboBox()
        self.kind_filter.addItem(tr("全部类别"), None)
        for kind in SupervisionKind:
            self.kind_filter.addItem(tr(kind.label), kind)
        self.unit_filter = unit_combo(desk, tr("全部单位"))
        self.state_filter = QComboBox()
        for key, label in STATES:
            self.state_filter.addItem(tr(label), key)
        self.state_filter.setCurrentIndex(1)  # what still needs work
        for combo in (self.kind_filter, self.unit_filter, self.state_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_items())
        self.remember_filters(
            {"kind": self.kind_filter, "unit": self.unit_filter, "state": self.state_filter}
        )
        self.count = QLabel()
        filters = QHBoxLayout()
        for combo in (self.kind_filter, self.unit_filter, self.state_filter):
            filters.addWidget(combo)
        filters.addWidget(self.count, 1)

        self.model = RowTableModel[SupervisionRow](
            [
                Column(
                    tr("编号"), lambda r: str(r.id), sort_key=lambda r: r.id, align=CENTER, width=44
                ),
                Column(tr("类别"), lambda r: tr(r.kind.label), align=CENTER, width=72),
                Column(tr("责任单位"), lambda r: r.unit, width=140),
                Column(tr("来源"), lambda r: tr(r.origin.label), width=72),
                Column(tr("任务"), lambda r: "、".join(r.task_codes) or "—", width=60),
                Column(tr("发起"), lambda r: day(r.raised_on), align=CENTER, width=86),
                Column(tr("回复期限"), lambda r: day(r.reply_due), align=CENTER, width=86),
                Column(
                    tr("状态"),
                    lambda r: tr(r.state),
                    align=CENTER,
                    width=80,
                    foreground=lambda r: QColor(STATE_COLOR.get(r.state, "#333")),
                ),
                Column(tr("督办要求"), lambda r: r.requirement, tooltip=lambda r: r.requirement),
            ]
        )
        self.table = DataTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._select(cur))
        items_box = QGroupBox(tr("督办事项"))
        items_layout = QVBoxLayout(items_box)
        items_layout.addLayout(filters)
        items_layout.addWidget(self.table, 1)

        self.detail = ItemDetail(desk, window)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        lower = QSplitter()
        lower.addWidget(items_box)
        lower.addWidget(scroll)
        lower.setSizes([700, 500])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.proposals)
        split.addWidget(lower)
        split.setSizes([300, 400])
        self.body.addWidget(split, 1)
        self.selected_id: int | None = None
        # A reply being typed is unsaved work: F5, close, page switch and another item ask first.
        self.track_form(self.detail.reply_box, self.detail.save_reply)

    def refresh(self) -> None:
        self.proposals.refresh()
        self.refresh_items()

    def refresh_items(self) -> None:
        state = self.state_filter.currentData()
        with self.desk.session() as session:
            rows = supervision.list_items(
                session,
                self.desk.today,
                unit_id=self.unit_filter.currentData(),
                kind=_kind(self.kind_filter.currentData()),
                open_only=state in (OPEN, OVERDUE),
            )
        if state == OVERDUE:
            rows = [r for r in rows if r.overdue]
        elif state == CLOSED:
            rows = [r for r in rows if r.closed_on is not None]
        self.model.set_rows(rows)
        overdue = sum(r.overdue for r in rows)
        self.count.setText(tr("{n} 项，其中逾期未回复 {o} 项").format(n=len(rows), o=overdue))
        keep = self.selected_id
        for i, row in enumerate(rows):
            if row.id == keep:  # a reply typed for it stays (a filter changed, another write)
                self.table.selectRow(i)
                self.detail.show_item(row, keep_typed=self.has_unsaved_edits())
                return
        if rows:
            self.table.selectRow(0)
        else:
            self.detail.show_item(None)

    def _select(self, index: object) -> None:
        if index.isValid():  # type: ignore[attr-defined]
            row = self.model.row_at(index)  # type: ignore[arg-type]
            moved = row.id != self.selected_id
            if moved and not settle(self, [self], tr("打开另一项督办事项")):
                self.table.select_quietly(self.selected_id)
                return
            keep = not moved and self.has_unsaved_edits()  # the list re-read: the reply stays
            self.selected_id = row.id
            self.detail.show_item(row, keep_typed=keep)
            if not keep:
                self.mark_clean()

    def select_item(self, item_id: int) -> None:
        """Show one item (just raised from a proposal or a meeting): clear filters hiding it."""
        self.selected_id = item_id
        for combo in (self.kind_filter, self.unit_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        with self.desk.session() as session:
            item = supervision.get_item(session, item_id, self.desk.today)
        if item.closed_on is not None:
            self.state_filter.blockSignals(True)
            self.state_filter.setCurrentIndex(0)
            self.state_filter.blockSignals(False)
        self.refresh_items()

    def register_item(self) -> None:
        dialog = RegisterItemDialog(self, self.desk)
        if dialog.exec() and dialog.item_id is not None:
            self.main.data_changed()
            self.select_item(dialog.item_id)

    def raise_item(self, unit_id: int | None = None, task_id: int | None = None) -> None:
        dialog = RaiseItemDialog(self, self.desk, unit_id, task_id)
        if dialog.exec() and dialog.item_id is not None:
            self.main.data_changed()
            self.select_item(dialog.item_id)

    def export_register(self) -> None:
        """督查事项登记簿 as an Excel table (formula-safe, set up to print) or as a PDF."""
        from desktop.services.excel import export  # late: the exporters load with their use
        from desktop.services.notices import render as notice_render
        from desktop.services.supervision import documents

        xlsx, pdf = tr("Excel 工作簿 (*.xlsx)"), tr("PDF 文件 (*.pdf)")
        name = tr("督查事项登记簿（截至{0}）").format(f"{self.desk.today:%Y-%m-%d}")
        path, chosen = QFileDialog.getSaveFileName(
            self, tr("导出督查事项登记簿"), name + ".xlsx", f"{xlsx};;{pdf}"
        )
        if not path:
            return
        lower = path.lower()
        as_pdf = lower.endswith(".pdf") or (chosen == pdf and not lower.endswith(".xlsx"))
        target = Path(path if lower.endswith((".pdf", ".xlsx")) else
                      path + (".pdf" if as_pdf else ".xlsx"))  # fmt: skip
        desk = self.desk

        def work(_progress: object) -> int:
            with desk.session() as session:
                if as_pdf:
                    notice_render.save_pdf(documents.register_pdf(session), target)
                    return 0
                return export.export_register(session, target)

        self.main.run_task(
            tr("正在导出督查事项登记簿…"),
            work,
            lambda _n: self.main.statusBar().showMessage(
                tr("已导出督查事项登记簿：{0}").format(target), 8000
            ),
            refresh=False,
        )

    def print_register(self) -> None:
        from desktop.services.supervision import documents
        from desktop.ui.notices.pdf import print_pdf  # late: QtPdf loads when first printing

        with self.desk.session() as session:
            data = documents.register_pdf(session)
        print_pdf(self, data, tr("督查事项登记簿"))
