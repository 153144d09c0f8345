"""考核: the year's scheme on the left, the results on the right: manual scores and counts typed,
pasted or filled in place like a spreadsheet (desktop/ui/sheet.py), then saved together."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.assessment import documents as assessment_documents
from desktop.services.assessment import writes as assessment
from desktop.services.assessment.rules import MANUAL
from desktop.services.assessment.writes import ManualEntry, Results
from desktop.services.errors import DomainError
from desktop.ui.assessment import decision as assessment_decision
from desktop.ui.assessment.scheme_editor import SchemeEditor
from desktop.ui.buttons import EDIT, ISSUE, allow_unless
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.errors import message_for
from desktop.ui.i18n import tr
from desktop.ui.page import Page
from desktop.ui.sheet import SheetTable
from desktop.ui.supervision.shared import open_document
from desktop.ui.unsaved import settle

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

MANUAL_BG = QColor("#fff8e1")  # cells the clerk types
EDITED_BG = QColor("#fff0b3")  # typed, not saved yet (the progress grid's colour)
BASE_FG = QColor("#888888")  # a manual score not entered yet: the base score
SHOWN = Qt.ItemDataRole.UserRole + 1  # the text the ledger holds, to tell an edit from it
NOTE = Qt.ItemDataRole.UserRole + 2  # the entry's note, kept when the value is changed


class AssessmentPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("考核"))
        self.create_button = self.add_button(tr("新建方案"), self.create_scheme, EDIT)
        self.save_button = self.add_button(tr("保存方案"), self.save_scheme, EDIT)
        self.final_button = self.add_button(tr("定稿"), self.finalise, EDIT)
        self.review_button = self.add_button(tr("优秀资格审核…"), self.review, EDIT)
        self.decide_button = self.add_button(tr("领导小组审定…"), self.decide, EDIT)
        self.reopen_button = self.add_button(tr("重新打开…"), self.reopen, EDIT)
        self.doc_button = self.add_button(tr("生成考核结果通报"), self.make_document, ISSUE)
        self.scores_button = self.add_button(tr("保存评分"), self.save_scores, EDIT, "Ctrl+S")
        for guarded, permission in (
            (self.scores_button, EDIT),
            (self.create_button, EDIT),
            (self.save_button, EDIT),
            (self.final_button, EDIT),
            (self.review_button, EDIT),
            (self.decide_button, EDIT),
            (self.reopen_button, EDIT),
            (self.doc_button, ISSUE),
        ):
            guarded.setProperty("permission", permission.name)  # allow_unless keeps roles
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("考核年度")))
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(lambda _i: self._year_changed())
        top.addWidget(self.year)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top.addWidget(self.status, 1)
        self.body.addLayout(top)
        self.undo_stack = QUndoStack(self)
        self.editor = SchemeEditor(self.undo_stack)
        # The results: a sheet like the progress grid (paste, Ctrl+D, Delete, undo on the
        # page's stack, the 编辑 menu's); typed cells stay drafts until 保存评分.
        self.results = SheetTable(0, 0, undo_stack=self.undo_stack)
        self.results.cell_check = self._check_cell
        self.results.verticalHeader().hide()
        self.results.setAlternatingRowColors(True)
        self.results.itemChanged.connect(self._edited)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.results, 1)
        column.addWidget(self.hint)
        split = QSplitter()
        split.addWidget(self.editor)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setSizes([340, 1000])
        # The tables' preferred height (the scheme's tabs ask ~670 px) must not stretch the page
        # past a 1024×768 screen, hiding the results' scroll bar under the status bar: the
        # split takes the room there is, and the page scrolls only below a usable minimum.
        split.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        split.setMinimumHeight(260)
        self.body.addWidget(split, 1)
        self.found: Results | None = None
        self._columns: list[tuple[str, str]] = []  # per results column: (target, code)
        self._vetoes: set[str] = set()  # the codes of the veto items
        self.track_form(self.editor, self.save_scheme)
        self.track_form(self.results, self.save_scores)
        self._shown_year: object = None

    # --- the table on screen (desktop/ui/view_export.py: 导出当前表格, 打印…) --------------------

    def view_table(self) -> QTableView:
        return self.results

    def view_title(self) -> str:
        return tr("考核结果（{0}）").format(self.year.currentText())

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        with self.desk.session() as session:
            years = sorted(set(assessment.scheme_years(session)) | {self.desk.today.year})
        chosen = self.year.currentData() or self.desk.today.year
        self.year.blockSignals(True)
        self.year.clear()
        for year in reversed(years):
            self.year.addItem(tr("{0}年度").format(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)
        self._load(int(self.year.currentData()))

    def _year_changed(self) -> None:
        """Another year: settle the scheme editor first; 取消 keeps the year shown."""
        if not settle(self, [self], tr("切换考核年度")):
            self.year.blockSignals(True)
            self.year.setCurrentIndex(max(0, self.year.findData(self._shown_year)))
            self.year.blockSignals(False)
            return
        self.refresh()

    def _load(self, year: int) -> None:
        self._shown_year = year
        if self.undo_stack is not None:
            self.undo_stack.clear()  # another year, or the ledger's scheme again: nothing to undo
        with self.desk.session() as session:
            scheme = assessment.find_scheme(session, year)
            self.found = assessment.results(session, year) if scheme else None
        draft = scheme is not None and scheme.status == "draft"
        self.editor.show_scheme(scheme, draft and self.desk.can(EDIT))
        if scheme is None:
            self.status.setText(tr("{0}年度还没有考核方案。").format(year))
        else:
            self.status.setText(
                tr("{0}（{1}）；截至 {2}").format(
                    scheme.name, tr(scheme.status_label), f"{self.found.as_of:%Y-%m-%d}"
                )
                if self.found
                else scheme.name
            )
            if scheme.decided_on is not None:
                self.status.setText(
                    self.status.text()
                    + tr("；等次经{0}于{1}审定（纪要{2}）").format(
                        scheme.decided_by, f"{scheme.decided_on:%Y-%m-%d}", scheme.minutes_issue
                    )
                )
        final = bool(scheme and scheme.final)
        open_year = "" if scheme and not final else tr("考核未定稿时才能审核资格。")
        allow_unless(self.desk, self.review_button, open_year)
        allow_unless(self.desk, self.decide_button, "" if final else tr("请先定稿。"))
        allow_unless(
            self.desk, self.reopen_button, "" if final else tr("只有已定稿的年度需要重新打开。")
        )
        allow_unless(self.desk, self.create_button, tr("该年度已有方案。") if scheme else "")
        allow_unless(
            self.desk, self.save_button, "" if draft else tr("方案已发布或定稿，不能修改。")
        )
        allow_unless(
            self.desk, self.final_button, "" if scheme and not final else tr("没有可定稿的方案。")
        )
        allow_unless(self.desk, self.doc_button, "" if final else tr("请先定稿。"))
        allow_unless(
            self.desk, self.scores_button, "" if scheme and not final else tr("没有可录入的评分。")
        )
        self._show_results()
        self.mark_clean()

    def _show_results(self) -> None:
        table, found = self.results, self.found
        table.blockSignals(True)
        table.clear()
        if found is None:
            table.setRowCount(0)
            table.setColumnCount(0)
            self.hint.setText("")
            table.blockSignals(False)
            return
        scheme = found.scheme
        manual_items = [i for i in scheme.items if i.rule in ("manual", "veto")]
        self._vetoes = {i.code for i in manual_items if i.rule == "veto"}  # 0 or 1, a reason
        self._columns = [("", "rank"), ("", "unit")]
        self._columns += [("indicator", i.code) for i in scheme.indicators]
        sourced = [
            (i, n) for i in scheme.indicators if i.source == MANUAL for n, _w in scheme.sources
        ]
        self._columns += [("source", f"{i.code}@{n}") for i, n in sourced]
        self._columns += [("item", i.code) for i in manual_items]
        self._columns += [("", "adjustment"), ("", "total"), ("", "grade"), ("", "decided")]
        headers = [tr("排名"), tr("单位")]
        headers += [tr("{0}\n（{1}）").format(i.name, i.weight) for i in scheme.indicators]
        headers += [f"{i.name}\n{n}" for i, n in sourced]
        headers += [tr("{0}\n（次）").format(i.name) for i in manual_items]
        headers += [tr("加减分"), tr("总分"), tr("拟定等次"), tr("审定等次")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(found.rows))
        editable = not found.final and self.desk.can(EDIT)
        # With scoring sources, each source's column is typed; the indicator shows their blend.
        manual_codes = set() if scheme.sources else {
            i.code for i in scheme.indicators if i.source == MANUAL
        }  # fmt: skip
        for row, r in enumerate(found.rows):
            counts = {a.code: a for a in r.adjustments}
            for col, (target, code) in enumerate(self._columns):
                note = ""
                if target == "indicator":
                    text, typed = f"{r.scores[code]}", code in manual_codes
                    tip = note = r.notes.get(code, "")
                    if r.sources[code] == "base":
                        tip = tr("尚未评分，按基本分计")
                elif target == "item":
                    text, typed = f"{counts[code].count:f}", True
                    tip = note = counts[code].note
                elif target == "source":
                    score = (r.by_source or {}).get(code)
                    text, typed, tip = ("" if score is None else f"{score}"), True, ""
                else:
                    text, typed, tip = self._plain(r, code), False, ""
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, r.unit_id)
                cell.setData(SHOWN, text)
                cell.setData(NOTE, note)
                align = (
                    Qt.AlignmentFlag.AlignLeft if code == "unit" else Qt.AlignmentFlag.AlignRight
                )
                cell.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                if typed:
                    cell.setBackground(MANUAL_BG)
                if target == "indicator" and r.sources[code] == "base":
                    cell.setForeground(BASE_FG)
                if tip:
                    cell.setToolTip(tip)
                if not (typed and editable):
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, col, cell)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        table.forget()  # a reload: nothing to undo, nothing refused
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.blockSignals(False)
        self.hint.setText(
            tr("已定稿：得分、排名和等次已冻结。")
            if found.final
            else tr(
                "浅黄色格为人工评分或人工认定次数：直接输入，或从 Excel/WPS 复制整块粘贴"
                "（Ctrl+V），Ctrl+D 向下填充，Delete 清除，Ctrl+Z 撤销，右键有同样的操作；"
                "改过的格加粗，点“保存评分”一并保存（Ctrl+S）。灰字为尚未评分、按基本分计。"
            )
        )

    @staticmethod
    def _plain(r: assessment.UnitResult, code: str) -> str:
        if code == "rank":
            return str(r.rank)
        if code == "unit":
            return r.unit
        if code == "adjustment":
            return f"{r.adjustment:+}"
        if code == "total":
            return str(r.total)
        if code == "decided":
            return r.grade + (f"（{r.decision_note}）" if r.decision_note else "")
        review = {"eligible": tr("（优秀资格：符合）"), "barred": tr("（优秀资格：不符合）")}
        return r.proposed + (tr("（一票否决）") if r.vetoed else review.get(r.excellent_review, ""))

    # --- writing -----------------------------------------------------------------------------

    def _year(self) -> int:
        return int(self.year.currentData())

    def _check_cell(self, row: int, column: int, text: str, block: dict) -> str:
        """What the services take in a typed cell, said before anything is saved."""
        target, code = self._columns[column]
        try:
            if target in ("indicator", "source"):
                assessment.check_score(text)
            elif target == "item":
                assessment.check_count(text, code in self._vetoes)
        except DomainError as error:
            return message_for(error)
        return ""

    def _edited(self, cell: QTableWidgetItem) -> None:
        """A cell typed, pasted, filled, cleared or undone: shown as a draft until 保存评分."""
        changed = cell.text().strip() != str(cell.data(SHOWN) or "").strip()
        font = QFont(cell.font())
        font.setBold(changed)
        self.results.blockSignals(True)  # styling the cell is no edit
        cell.setFont(font)
        cell.setBackground(EDITED_BG if changed else MANUAL_BG)
        self.results.blockSignals(False)
        pending = len(self._pending())
        if pending:
            self.main.statusBar().showMessage(
                tr("考核评分：{0} 格已修改，未保存（保存评分）").format(pending), 8000
            )

    def _pending(self) -> list[ManualEntry]:
        """The typed cells whose text differs from what the ledger holds."""
        found = []
        table = self.results
        for row in range(table.rowCount()):
            for col, (target, code) in enumerate(self._columns):
                cell = table.item(row, col)
                if cell is None or target not in ("indicator", "source", "item"):
                    continue
                text = cell.text().strip()
                if text == str(cell.data(SHOWN) or "").strip():
                    continue
                code, _at, source = code.partition("@")
                found.append(
                    ManualEntry(
                        int(cell.data(Qt.ItemDataRole.UserRole)),
                        "item" if target == "item" else "indicator",
                        code,
                        text,
                        source,
                        str(cell.data(NOTE) or ""),
                    )
                )
        return found

    def save_scores(self) -> None:
        """Every typed score and count in one transaction; the results recomputed."""
        self.results.setFocus()  # an editor still open commits first
        entries = self._pending()
        if not entries:
            self.main.statusBar().showMessage(tr("没有需要保存的评分。"), 4000)
            return
        units = {r.unit_id: r.unit for r in self.found.rows} if self.found else {}
        for i, e in enumerate(entries):
            if e.target == "item" and e.code in self._vetoes and e.value not in ("", "0"):
                note, ok = QInputDialog.getText(
                    self, tr("一票否决"), tr("{0}一票否决事由：").format(units.get(e.unit_id, ""))
                )
                if not ok:
                    return  # nothing saved, every typed cell kept
                entries[i] = replace(e, note=note)
        year, actor = self._year(), self.desk.actor
        ok, saved = write(
            self, self.desk, self.main,
            lambda s: assessment.set_manual_entries(s, actor, year, entries),
        )  # fmt: skip
        if ok:
            self.main.statusBar().showMessage(
                tr("已保存 {0} 项评分，得分、排名和等次已重新计算。").format(saved), 6000
            )

    def create_scheme(self) -> None:
        year = self._year()
        write(
            self, self.desk, self.main, lambda s: assessment.create_scheme(s, self.desk.actor, year)
        )

    def save_scheme(self) -> None:
        year = self._year()
        ok, _ = write(
            self, self.desk, self.main,
            lambda s: assessment.update_scheme(s, self.desk.actor, year, **self.editor.specs()),
        )  # fmt: skip
        if ok:
            self.main.statusBar().showMessage(tr("考核方案已保存。"), 5000)

    def finalise(self) -> None:
        year = self._year()
        answer = QMessageBox.question(
            self,
            tr("定稿"),
            tr(
                "定稿后得分、排名和等次将冻结，方案和人工评分不能再改。确定定稿{0}年度考核吗？"
            ).format(year),
        )
        if answer == QMessageBox.StandardButton.Yes:
            write(
                self, self.desk, self.main, lambda s: assessment.finalise(s, self.desk.actor, year)
            )

    def review(self) -> None:
        cell = self.results.item(self.results.currentRow(), 0)
        if cell is None:
            QMessageBox.information(self, tr("优秀资格审核"), tr("请先在结果表中选择一个单位。"))
            return
        unit_id = int(cell.data(Qt.ItemDataRole.UserRole))
        assessment_decision.review(self, self.desk, self.main, self._year(), unit_id)

    def decide(self) -> None:
        if assessment_decision.DecisionDialog(self, self.desk, self.main, self._year()).exec():
            self.main.data_changed()

    def reopen(self) -> None:
        assessment_decision.reopen(self, self.desk, self.main, self._year())

    def make_document(self) -> None:
        year = self._year()
        ok, doc_id = write(
            self, self.desk, self.main,
            lambda s: assessment_documents.draft_assessment_circular(s, self.desk.actor, year),
        )  # fmt: skip
        if ok and doc_id is not None:
            open_document(self.main, doc_id)
