"""审计 (审计管理员; the 系统管理员 reads only): the audit log filtered by user, date, action and
object in SQL, one page of rows at a time, exported to XLSX."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from desktop.services import audit_log
from desktop.services.audit import AuditRow
from desktop.services.audit_log import AuditFilter
from desktop.services.auth import Permission
from desktop.ui.calls import call
from desktop.ui.desk import Desk
from desktop.ui.i18n import tr
from desktop.ui.page import Page
from desktop.ui.table import Column, DataTable, RowTableModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

PAGE_SIZE = 200
_NO_DATE = QDate(2000, 1, 1)  # shown as 不限


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText(tr("不限"))
    edit.setDate(_NO_DATE)
    return edit


def _day(edit: QDateEdit) -> date | None:
    q = edit.date()
    return None if q == _NO_DATE else date(q.year(), q.month(), q.day())


class AuditPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("审计"))
        self.export_button = self.add_button(tr("导出 XLSX…"), self.export, Permission.AUDIT_EXPORT)
        self.offset = 0
        self.total = 0
        self.user, self.subject = QLineEdit(), QLineEdit()
        self.user.setPlaceholderText(tr("用户名或姓名"))
        self.subject.setPlaceholderText(tr("对象、编号或摘要中的文字"))
        self.start, self.end = _date_edit(), _date_edit()
        self.action = QComboBox()
        search = QPushButton(tr("查询"))
        search.clicked.connect(self.search)
        for edit in (self.user, self.subject):
            edit.returnPressed.connect(self.search)
        row = QHBoxLayout()
        for label, widget in ((tr("用户"), self.user), (tr("自"), self.start), (tr("至"), self.end),
                              (tr("操作"), self.action), (tr("对象"), self.subject)):  # fmt: skip
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addWidget(search)
        self.body.addLayout(row)
        columns: list[Column[AuditRow]] = [
            Column(tr("编号"), lambda r: str(r.id), lambda r: r.id, width=70),
            Column(tr("时间"), lambda r: f"{r.at:%Y-%m-%d %H:%M:%S}", lambda r: r.at, width=150),
            Column(tr("用户"), lambda r: r.actor, lambda r: r.actor, width=160),
            Column(tr("操作"), lambda r: r.action, lambda r: r.action, width=120),
            Column(
                tr("对象"),
                lambda r: f"{r.entity} {r.entity_id}".strip(),
                lambda r: r.entity,
                width=140,
            ),  # fmt: skip
            Column(tr("摘要"), lambda r: r.summary, lambda r: r.summary, width=420),
        ]
        self.model = RowTableModel[AuditRow](columns)
        self.table = DataTable(self.model)
        self.body.addWidget(self.table, 1)
        pager = QHBoxLayout()
        self.previous_button, self.next_button = (
            QPushButton(tr("上一页")),
            QPushButton(tr("下一页")),
        )
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        self.count_label = QLabel()
        pager.addWidget(self.count_label, 1)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.next_button)
        self.body.addLayout(pager)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(self.user.text(), _day(self.start), _day(self.end),
                           self.action.currentData() or "", self.subject.text())  # fmt: skip

    def refresh(self) -> None:
        chosen = self.action.currentData() or ""
        with self.desk.session() as session:
            names = audit_log.actions(session)
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem(tr("全部"), "")
        for name in names:
            self.action.addItem(name, name)
        self.action.setCurrentIndex(max(0, self.action.findData(chosen)))
        self.action.blockSignals(False)
        self.load_page()

    def search(self) -> None:
        self.offset = 0
        self.load_page()

    def turn(self, step: int) -> None:
        self.offset = max(0, self.offset + step * PAGE_SIZE)
        self.load_page()

    def load_page(self) -> None:
        with self.desk.session() as session:
            found = audit_log.search(session, self.desk.actor, self.current_filter(),
                                     self.offset, PAGE_SIZE)  # fmt: skip
        self.total = found.total
        self.model.set_rows(found.rows)
        pages = max(1, -(-found.total // PAGE_SIZE))
        self.count_label.setText(
            tr("共 {n} 条，第 {page}/{pages} 页").format(
                n=found.total, page=self.offset // PAGE_SIZE + 1, pages=pages
            )
        )
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + PAGE_SIZE < found.total)

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("导出操作日志"), tr("操作日志.xlsx"), tr("Excel 工作簿 (*.xlsx)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> int | None:
        flt = self.current_filter()

        def work() -> int:
            from pathlib import Path

            with self.desk.session() as session:
                return audit_log.export_xlsx(session, self.desk.actor, flt, Path(path))

        ok, count = call(self, work, busy=True)
        if ok:
            self.main.statusBar().showMessage(
                tr("已导出操作日志 {n} 条：{path}").format(n=count, path=path), 8000
            )
            self.load_page()
        return count if ok else None
