"""The 考核方案 editor: indicators and weights, bonus/deduction items, grade thresholds."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.services.assessment.rules import COMPUTED, INDICATORS, MANUAL, RULES
from desktop.services.assessment.writes import GradeSpec, IndicatorSpec, SchemeInfo
from desktop.services.errors import ValidationError
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.sheet import SheetTable

SOURCES = {COMPUTED: QT_TR_NOOP("台账计算"), MANUAL: QT_TR_NOOP("人工评分")}


def _cell(text: str, editable: bool, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _table(headers: list[str], undo_stack: QUndoStack | None) -> QTableWidget:
    table = SheetTable(0, len(headers), undo_stack=undo_stack)  # paste, fill, undo as in Excel
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _number(text: str, what: str) -> Decimal:
    try:
        return Decimal(text.strip())
    except InvalidOperation as exc:
        raise ValidationError(tr("“{0}”应为数字：{1}").format(what, text)) from exc


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


class SchemeEditor(QGroupBox):
    """Shows a scheme; its tables are editable only while the scheme is a draft and the
    actor may edit. ``specs()`` reads what the clerk typed back into the services' values."""

    def __init__(self, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(tr("考核方案"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        form.addRow(tr("方案名称"), self.name)
        layout.addLayout(form)
        self.indicators = _table(
            [tr("指标"), tr("权重"), tr("评分方式"), tr("基本分"), tr("数据提供单位")], undo_stack
        )
        self.weight_sum = QLabel()
        self.indicators.itemChanged.connect(lambda _item: self._show_sum())
        self.items = _table(
            [tr("加减分项"), tr("计分依据"), tr("每次分值"), tr("封顶"), tr("所扣指标"),
             tr("重复倍数"), tr("敏感时段倍数"), tr("数据提供单位")],
            undo_stack,
        )  # fmt: skip
        self.add_button = QPushButton(tr("增加指标"))
        self.add_button.clicked.connect(self.add_indicator)
        self.remove_button = QPushButton(tr("删除所选指标"))
        self.remove_button.clicked.connect(self.remove_indicator)
        self.grades = _table([tr("等次"), tr("分数线（≥）")], undo_stack)
        for title, widget in (
            (tr("指标和权重（合计 100）"), self.indicators),
            (tr("加减分项（负数为扣分）"), self.items),
            (tr("等次分数线（从高到低）"), self.grades),
        ):
            layout.addWidget(QLabel(title))
            layout.addWidget(widget, 1)
            if widget is self.indicators:
                row = QHBoxLayout()
                row.addWidget(self.weight_sum, 1)
                row.addWidget(self.add_button)
                row.addWidget(self.remove_button)
                layout.addLayout(row)
        self.codes: list[str] = []
        self.item_codes: list[str] = []
        self.original: SchemeInfo | None = None
        self.editable = False

    def show_scheme(self, scheme: SchemeInfo | None, editable: bool) -> None:
        self.indicators.blockSignals(True)
        self.name.setText(scheme.name if scheme else "")
        self.name.setReadOnly(not editable)
        self.original, self.editable = scheme, editable
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        specs = scheme.indicators if scheme else ()
        self.codes = []
        self.indicators.setRowCount(0)
        for ind in specs:
            self._indicator_row(ind)
        items = scheme.items if scheme else ()
        self.item_codes = [i.code for i in items]
        self.items.setRowCount(len(items))
        for row, item in enumerate(items):
            self.items.setItem(row, 0, _cell(item.name, editable))
            self.items.setItem(row, 1, _cell(tr(RULES[item.rule]), False, item.rule))
            self.items.setItem(row, 2, _cell(f"{item.points.normalize():f}", editable))
            self.items.setItem(row, 3, _cell(f"{item.cap.normalize():f}", editable))
            names = {i.code: i.name for i in specs}
            self.items.setItem(row, 4, _cell(names.get(item.indicator, ""), False, item.indicator))
            self.items.setItem(row, 5, _cell(f"{item.repeat_factor.normalize():f}", editable))
            self.items.setItem(row, 6, _cell(f"{item.sensitive_factor.normalize():f}", editable))
            self.items.setItem(row, 7, _cell(item.owner, editable))
        grades = scheme.grades if scheme else ()
        self.grades.setRowCount(len(grades))
        for row, grade in enumerate(grades):
            self.grades.setItem(row, 0, _cell(grade.label, editable))
            self.grades.setItem(row, 1, _cell(f"{grade.min_score.normalize():f}", editable))
        triggers = (
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for table in (self.indicators, self.items, self.grades):
            table.setEditTriggers(triggers)
        self.indicators.blockSignals(False)
        self._show_sum()

    def _indicator_row(self, ind: IndicatorSpec) -> None:
        row, editable = self.indicators.rowCount(), self.editable
        self.indicators.setRowCount(row + 1)
        self.codes.append(ind.code)
        self.indicators.setItem(row, 0, _cell(ind.name, editable))
        self.indicators.setItem(row, 1, _cell(str(ind.weight), editable))
        combo = QComboBox()
        for code, label in SOURCES.items():
            if code == MANUAL or ind.code in INDICATORS:  # a new indicator has no formula
                combo.addItem(tr(label), code)
        combo.setCurrentIndex(max(0, combo.findData(ind.source)))
        combo.setEnabled(editable)
        self.indicators.setCellWidget(row, 2, combo)
        self.indicators.setItem(row, 3, _cell(f"{ind.base_score.normalize():f}", editable))
        self.indicators.setItem(row, 4, _cell(ind.owner, editable))

    def add_indicator(self) -> None:
        """A new indicator, scored by hand (only the five of INDICATORS have a ledger formula)."""
        n = 1 + len(self.codes)
        while f"extra{n}" in self.codes:
            n += 1
        self._indicator_row(IndicatorSpec(f"extra{n}", tr("新指标"), 0, MANUAL))
        self._show_sum()

    def remove_indicator(self) -> None:
        row = self.indicators.currentRow()
        if 0 <= row < len(self.codes):
            self.indicators.removeRow(row)
            del self.codes[row]
            self._show_sum()

    def _show_sum(self) -> None:
        total = 0
        for row in range(self.indicators.rowCount()):
            cell = self.indicators.item(row, 1)
            total += int(cell.text()) if cell and cell.text().strip().isdigit() else 0
        self.weight_sum.setText(tr("权重合计：{0}").format(total))
        self.weight_sum.setStyleSheet("" if total == 100 else "color: #c00;")

    def specs(self) -> dict:
        """The keyword arguments of assessment.update_scheme, from the tables."""
        indicators = []
        for row, code in enumerate(self.codes):
            weight = _text(self.indicators, row, 1).strip()
            if not weight.lstrip("-").isdigit():
                raise ValidationError(tr("权重应为整数：{0}").format(weight), field="weights")
            combo = self.indicators.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)
            indicators.append(
                IndicatorSpec(
                    code,
                    _text(self.indicators, row, 0).strip() or INDICATORS.get(code, ""),
                    int(weight),
                    str(combo.currentData()),
                    _number(_text(self.indicators, row, 3), tr("基本分")),
                    _text(self.indicators, row, 4).strip(),
                )
            )
        kept = {i.code for i in indicators}
        before = {i.code: i for i in self.original.items} if self.original else {}
        items = [
            replace(
                before[code],
                name=_text(self.items, row, 0),
                points=_number(_text(self.items, row, 2), tr("每次分值")),
                cap=_number(_text(self.items, row, 3), tr("封顶")),
                # an item whose indicator was removed comes off the total instead
                indicator=before[code].indicator if before[code].indicator in kept else "",
                repeat_factor=_number(_text(self.items, row, 5), tr("重复倍数")),
                sensitive_factor=_number(_text(self.items, row, 6), tr("敏感时段倍数")),
                owner=_text(self.items, row, 7).strip(),
            )
            for row, code in enumerate(self.item_codes)
        ]
        grades = [
            GradeSpec(
                _text(self.grades, row, 0),
                _number(_text(self.grades, row, 1), tr("分数线")),
            )
            for row in range(self.grades.rowCount())
        ]
        return {
            "name": self.name.text(),
            "indicators": indicators,
            "items": items,
            "grades": grades,
        }
