"""The 考核方案 editor: indicators and weights, bonus/deduction items and the veto's mode, grade
thresholds, the scoring sources of manual indicators and the sensitive periods (one tab each)."""

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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.assessment.rules import (
    COMPUTED,
    INDICATORS,
    MANUAL,
    RULES,
    VETO_CAP,
    VETO_MODES,
    ZERO,
)
from desktop.services.assessment.writes import GradeSpec, IndicatorSpec, ItemSpec, SchemeInfo
from desktop.services.errors import ValidationError
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.sheet import SheetTable

SOURCES = {COMPUTED: QT_TR_NOOP("台账计算"), MANUAL: QT_TR_NOOP("人工评分")}
_NO_VETO = ItemSpec("", "", "veto", ZERO)  # a scheme without a veto item: the defaults


def _cell(text: str, editable: bool, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _table(
    headers: list[str], undo_stack: QUndoStack | None, numbers: dict[int, bool] | None = None
) -> QTableWidget:
    """A sheet (paste, fill, undo as in Excel); ``numbers``: the columns that take a number,
    True for whole numbers only, checked as typed or pasted (the services check again)."""
    table = SheetTable(0, len(headers), undo_stack=undo_stack)
    table.cell_check = lambda _r, column, text, _block: _number_problem(
        text, (numbers or {}).get(column)
    )
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


def _number_problem(text: str, whole: bool | None) -> str:
    """Why a typed value cannot go into a number column ("" when it can, or not a number column)."""
    if whole is None or not text.strip():
        return ""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return tr("应为数字（收到“{0}”）").format(text)
    if not value.is_finite() or (whole and value != value.to_integral_value()):
        return (
            tr("应为整数（收到“{0}”）").format(text)
            if whole
            else tr("应为数字（收到“{0}”）").format(text)
        )
    return ""


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
            [tr("指标"), tr("权重"), tr("评分方式"), tr("基本分"), tr("数据提供单位")],
            undo_stack,
            {1: True, 3: False},
        )
        self.weight_sum = QLabel()
        self.indicators.itemChanged.connect(lambda _item: self._show_sum())
        self.items = _table(
            [tr("加减分项"), tr("计分依据"), tr("每次分值"), tr("封顶"), tr("所扣指标"),
             tr("重复倍数"), tr("敏感时段倍数"), tr("数据提供单位")],
            undo_stack, {2: False, 3: False, 5: False, 6: False},
        )  # fmt: skip
        self.add_button = QPushButton(tr("增加指标"))
        self.add_button.clicked.connect(self.add_indicator)
        self.remove_button = QPushButton(tr("删除所选指标"))
        self.remove_button.clicked.connect(self.remove_indicator)
        self.grades = _table([tr("等次"), tr("分数线（≥）")], undo_stack, {1: False})
        self.grades.itemChanged.connect(lambda _item: self._fill_caps())
        self.veto_mode = QComboBox()
        for code, label in VETO_MODES.items():
            self.veto_mode.addItem(tr(label), code)
        self.veto_mode.currentIndexChanged.connect(lambda _i: self._veto_changed())
        self.grade_cap = QComboBox()
        self.sources = _table([tr("评分来源"), tr("权重")], undo_stack, {1: True})
        self.sources_sum = QLabel()
        self.sources.itemChanged.connect(lambda _item: self._show_sources_sum())
        self.sensitive = _table([tr("起（月-日）"), tr("止（月-日）"), tr("时段")], undo_stack)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._tab(tr("指标和权重（合计 100）"), self.indicators,
                                   [self.weight_sum, self.add_button, self.remove_button]),
                         tr("指标"))  # fmt: skip
        veto = QFormLayout()
        veto.addRow(tr("一票否决的处理"), self.veto_mode)
        veto.addRow(tr("限定的最高等次"), self.grade_cap)
        self.tabs.addTab(self._tab(tr("加减分项（负数为扣分；一票否决为一次性扣分时，"
                                      "扣其“每次分值”）"), self.items, [], veto),
                         tr("加减分项"))  # fmt: skip
        self.tabs.addTab(self._tab(tr("等次分数线（从高到低）"), self.grades, []), tr("等次"))
        self.add_source = QPushButton(tr("增加来源"))
        self.add_source.clicked.connect(lambda: self._add_row(self.sources, ["", "0"]))
        self.remove_source = QPushButton(tr("删除所选来源"))
        self.remove_source.clicked.connect(lambda: self._remove_row(self.sources))
        self.add_period = QPushButton(tr("增加时段"))
        self.add_period.clicked.connect(lambda: self._add_row(self.sensitive, ["", "", ""]))
        self.remove_period = QPushButton(tr("删除所选时段"))
        self.remove_period.clicked.connect(lambda: self._remove_row(self.sensitive))
        extra = QWidget()
        column = QVBoxLayout(extra)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._tab(
            tr("人工评分指标的评分来源及权重（合计 100；不分来源则留空）"), self.sources,
            [self.sources_sum, self.add_source, self.remove_source]), 1)  # fmt: skip
        column.addWidget(self._tab(
            tr("敏感时段（其间发生的扣分事件按各项的“敏感时段倍数”计）"), self.sensitive,
            [QLabel(), self.add_period, self.remove_period]), 1)  # fmt: skip
        self.tabs.addTab(extra, tr("来源与时段"))
        layout.addWidget(self.tabs, 1)
        self.codes: list[str] = []
        self.item_codes: list[str] = []
        self.original: SchemeInfo | None = None
        self.editable = False

    @staticmethod
    def _tab(
        title: str,
        table: QTableWidget,
        under: list[QWidget],
        form: QFormLayout | None = None,
    ) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 4, 4, 4)
        label = QLabel(title)
        label.setWordWrap(True)
        column.addWidget(label)
        column.addWidget(table, 1)
        if under:
            row = QHBoxLayout()
            row.addWidget(under[0], 1)
            for widget in under[1:]:
                row.addWidget(widget)
            column.addLayout(row)
        if form is not None:
            column.addLayout(form)
        return page

    def _add_row(self, table: QTableWidget, texts: list[str]) -> None:
        row = table.rowCount()
        table.setRowCount(row + 1)
        for column, text in enumerate(texts):
            table.setItem(row, column, _cell(text, self.editable))
        table.setCurrentCell(row, 0)

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if 0 <= row < table.rowCount():
            table.removeRow(row)
        self._show_sources_sum()

    def _veto_item(self) -> ItemSpec | None:
        items = self.original.items if self.original else ()
        return next((i for i in items if i.rule == "veto"), None)

    def _fill_caps(self) -> None:
        """The grade a capping veto allows at most: one of the grades as the table has them."""
        chosen = self.grade_cap.currentText() or (self._veto_item() or _NO_VETO).grade_cap
        self.grade_cap.clear()
        for row in range(self.grades.rowCount()):
            if _text(self.grades, row, 0).strip():
                self.grade_cap.addItem(_text(self.grades, row, 0).strip())
        self.grade_cap.setCurrentIndex(max(0, self.grade_cap.findText(chosen)))
        self._veto_changed()

    def _veto_changed(self) -> None:
        has_veto = self._veto_item() is not None
        self.veto_mode.setEnabled(self.editable and has_veto)
        self.grade_cap.setEnabled(
            self.editable and has_veto and self.veto_mode.currentData() == VETO_CAP
        )

    def _show_sources_sum(self) -> None:
        total, rows = 0, self.sources.rowCount()
        for row in range(rows):
            weight = _text(self.sources, row, 1).strip()
            total += int(weight) if weight.isdigit() else 0
        self.sources_sum.setText(tr("来源权重合计：{0}").format(total) if rows else tr("不分来源"))
        self.sources_sum.setStyleSheet("" if total == 100 or not rows else "color: #c00;")

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
        self.grades.blockSignals(True)
        self.grades.setRowCount(len(grades))
        for row, grade in enumerate(grades):
            self.grades.setItem(row, 0, _cell(grade.label, editable))
            self.grades.setItem(row, 1, _cell(f"{grade.min_score.normalize():f}", editable))
        self.grades.blockSignals(False)
        veto = self._veto_item() or _NO_VETO
        self.veto_mode.blockSignals(True)
        self.veto_mode.setCurrentIndex(max(0, self.veto_mode.findData(veto.veto_mode)))
        self.veto_mode.blockSignals(False)
        self.grade_cap.clear()
        self._fill_caps()
        self.grade_cap.setCurrentIndex(max(0, self.grade_cap.findText(veto.grade_cap)))
        for table, rows in (
            (self.sources, [[n, str(w)] for n, w in (scheme.sources if scheme else ())]),
            (self.sensitive, [list(p) for p in (scheme.sensitive if scheme else ())]),
        ):
            table.blockSignals(True)
            table.setRowCount(0)
            for texts in rows:
                self._add_row(table, texts)
            table.blockSignals(False)
        for button in (self.add_source, self.remove_source, self.add_period, self.remove_period):
            button.setEnabled(editable)
        self._show_sources_sum()
        triggers = (
            QAbstractItemView.EditTrigger.AnyKeyPressed  # typing starts an edit, as in Excel
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for table in (self.indicators, self.items, self.grades, self.sources, self.sensitive):
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
        mode = str(self.veto_mode.currentData())
        items = [
            replace(i, veto_mode=mode, grade_cap=self.grade_cap.currentText() if mode == VETO_CAP
                    else "") if i.rule == "veto" else i
            for i in items
        ]  # fmt: skip
        sources = []
        for row in range(self.sources.rowCount()):
            weight = _text(self.sources, row, 1).strip()
            if not weight.isdigit():
                raise ValidationError(tr("来源权重应为正整数：{0}").format(weight), field="sources")
            sources.append((_text(self.sources, row, 0).strip(), int(weight)))
        sensitive = [
            tuple(_text(self.sensitive, row, c).strip() for c in range(3))
            for row in range(self.sensitive.rowCount())
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
            "sources": sources,
            "sensitive": sensitive,
        }
