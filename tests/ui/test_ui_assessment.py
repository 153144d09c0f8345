"""考核 page: a manual score typed in the results recomputes the table; 定稿; the 通报 opens in 公文."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.services.assessment import writes as assessment
from desktop.services.notices import register as notices
from tests.fixtures.assessment import default_scheme


@pytest.fixture
def demo_ledger(demo_ledger):
    """The demo with its 2026 考核 put back to the default draft (tests/fixtures/assessment)."""
    with demo_ledger.session() as session:
        default_scheme(session)
    return demo_ledger


def _cell(page, unit: str, header_start: str):
    table = page.results
    col = next(
        c for c in range(table.columnCount())
        if table.horizontalHeaderItem(c).text().startswith(header_start)
    )  # fmt: skip
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == unit)
    return table.item(row, col)


def _at(page, unit: str, header_start: str) -> tuple[int, int]:
    cell = _cell(page, unit, header_start)
    return cell.row(), cell.column()


def _type(page, unit: str, header_start: str, text: str) -> bool:
    """A value typed into a cell and Enter pressed: through the sheet's checks (sheet.py)."""
    return page.results.apply({_at(page, unit, header_start): text}, "输入", quiet=True)


def test_manual_score_updates_results_then_finalise_and_circular(clerk_window, monkeypatch) -> None:
    page = clerk_window.show_page("assessment")
    assert page.year.currentData() == 2026
    assert page.editor.weight_sum.text().endswith("100")
    assert _cell(page, "市民政局", "质量").text() == "80.0"  # the base score, not entered yet
    assert not page.doc_button.isEnabled()  # not finalised
    _type(page, "市民政局", "质量", "100")  # a draft until 保存评分
    assert page.has_unsaved_edits() and _cell(page, "市民政局", "质量").font().bold()
    page.scores_button.click()  # saved, all recomputed
    assert _cell(page, "市民政局", "质量").text() == "100.0"
    assert _cell(page, "市民政局", "总分").text() == "92.7"  # 88.7 + 20 × (100 − 80) / 100
    assert _cell(page, "市民政局", "排名").text() == "1"
    assert not page.has_unsaved_edits()
    assert not _type(page, "市民政局", "质量", "120")  # refused in Chinese, nothing changed
    assert _cell(page, "市民政局", "质量").text() == "100.0" and not page.has_unsaved_edits()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.final_button.click()
    assert "已定稿" in page.status.text() and page.doc_button.isEnabled()
    assert not page.save_button.isEnabled()
    page.doc_button.click()
    shown = clerk_window.stack.currentWidget()
    assert shown is clerk_window.show_page("notices")  # the draft opened in 公文
    with clerk_window.desk.session() as session:
        kinds = [d.kind.value for d in notices.list_documents(session)]
    assert "assessment" in kinds


def test_scheme_editor_refuses_weights_not_summing_to_100(clerk_window, messages) -> None:
    page = clerk_window.show_page("assessment")
    page.editor.indicators.item(0, 1).setText("50")
    assert "110" in page.editor.weight_sum.text()
    page.save_button.click()
    assert messages and "之和应为 100" in messages[-1]
    page.editor.indicators.item(0, 1).setText("30")
    page.editor.indicators.item(1, 1).setText("30")
    page.save_button.click()
    with clerk_window.desk.session() as session:
        weights = [i.weight for i in assessment.get_scheme(session, 2026).indicators]
    assert weights == [30, 30, 15, 15, 10]


def test_leader_sees_results_read_only(leader_window) -> None:
    page = leader_window.show_page("assessment")
    assert page.results.rowCount() == 10
    assert not page.save_button.isEnabled() and not page.final_button.isEnabled()
    assert page.editor.name.isReadOnly()
    assert page.results.editTriggers() == page.results.EditTrigger.NoEditTriggers


def test_demo_year_shows_the_decision_then_reopen_and_decide_again(
    qtbot, demo_template, tmp_path, clock, messages, monkeypatch
) -> None:
    """The demo as built (base-100, decided): the status names the decision; 重新打开… asks a
    reason; after 定稿 the 领导小组审定… dialog takes the ledger's meeting and its 期号."""
    from PySide6.QtWidgets import QInputDialog

    from desktop.services.ledger import backup_sqlite, open_ledger
    from desktop.ui.app import create_app
    from desktop.ui.assessment.decision import DecisionDialog
    from desktop.ui.main_window import MainWindow
    from tests.ui.conftest import _desk

    ledger = open_ledger(backup_sqlite(demo_template, tmp_path / "d.sqlite3"), clock)
    create_app()
    window = MainWindow(_desk(ledger, clock, "clerk"))
    qtbot.addWidget(window)
    page = window.show_page("assessment")
    assert "审定（纪要第" in page.status.text() and page.reopen_button.isEnabled()
    assert _cell(page, "市司法局", "拟定等次").text() == "合格"  # capped by the veto
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("复核", True))
    page.reopen_button.click()
    assert "审定" not in page.status.text() and page.final_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.final_button.click()
    dialog = DecisionDialog(page, window.desk, window, 2026)
    assert dialog.minutes.text().startswith("第") and "陈立群" in dialog.by.text()
    dialog.accept()
    page.refresh()
    assert "审定（纪要第" in page.status.text()
    ledger.dispose()


def test_scheme_editor_adds_and_removes_an_indicator(clerk_window, messages) -> None:
    page = clerk_window.show_page("assessment")
    editor = page.editor
    editor.add_button.click()
    row = editor.indicators.rowCount() - 1
    editor.indicators.item(row, 0).setText("群众安全感")
    editor.indicators.item(row, 1).setText("10")
    editor.indicators.item(row, 4).setText("市统计局")
    editor.indicators.item(0, 1).setText("30")  # 进度 40 → 30: the sum stays 100
    page.save_button.click()
    with clerk_window.desk.session() as session:
        scheme = assessment.get_scheme(session, 2026)
    assert scheme.indicators[-1].name == "群众安全感" and scheme.indicators[-1].owner == "市统计局"
    assert scheme.indicators[-1].source == "manual"
    page.editor.indicators.selectRow(page.editor.indicators.rowCount() - 1)
    page.editor.remove_indicator()
    page.editor.indicators.item(0, 1).setText("40")
    page.save_button.click()
    with clerk_window.desk.session() as session:
        codes = [i.code for i in assessment.get_scheme(session, 2026).indicators]
    assert codes == ["progress", "quality", "funds", "timely", "rectification"]


def test_scheme_editor_sets_sources_sensitive_periods_and_the_veto(clerk_window, messages) -> None:
    """Scoring sources with weights, the sensitive periods and the veto's mode are edited in the
    scheme editor's tabs; a bad weight is refused with the scheme unchanged."""
    page = clerk_window.show_page("assessment")
    editor = page.editor
    assert editor.sources.rowCount() == 0 and editor.sources_sum.text() == "不分来源"
    assert editor.veto_mode.currentData() == "lowest" and not editor.grade_cap.isEnabled()
    editor.add_source.click()
    editor.sources.item(0, 0).setText("群众评价")
    editor.sources.item(0, 1).setText("60")
    editor.add_source.click()
    editor.sources.item(1, 0).setText("实地考评")
    editor.sources.item(1, 1).setText("30")
    assert editor.sources_sum.text() == "来源权重合计：90"
    editor.add_period.click()
    for column, text in enumerate(("06-20", "06-30", "高考")):
        editor.sensitive.item(0, column).setText(text)
    editor.veto_mode.setCurrentIndex(editor.veto_mode.findData("cap"))
    assert editor.grade_cap.isEnabled()
    editor.grade_cap.setCurrentIndex(editor.grade_cap.findText("良好"))
    page.save_button.click()
    assert any("合计 100" in m for m in messages)
    with clerk_window.desk.session() as session:
        assert assessment.get_scheme(session, 2026).sources == ()
    editor.sources.item(1, 1).setText("40")
    page.save_button.click()
    with clerk_window.desk.session() as session:
        scheme = assessment.get_scheme(session, 2026)
    assert scheme.sources == (("群众评价", 60), ("实地考评", 40))
    assert scheme.sensitive == (("06-20", "06-30", "高考"),)
    veto = next(i for i in scheme.items if i.rule == "veto")
    assert (veto.veto_mode, veto.grade_cap) == ("cap", "良好")
    # Shown again as saved; a period with a bad date is refused.
    page.refresh()
    assert editor.grade_cap.currentText() == "良好" and editor.sensitive.rowCount() == 1
    editor.sensitive.item(0, 1).setText("06-31")
    page.save_button.click()
    assert any("MM-DD" in m or "起止日期" in m for m in messages)


def test_results_are_a_sheet_paste_fill_clear_undo_then_save(clerk_window, messages) -> None:
    """The 考核 results behave like the progress grid: a block pasted from Excel with a bad
    cell changes nothing and names it; a good block, Ctrl+D and Delete are drafts, undone from
    the page's stack; 保存评分 keeps them all; the status bar sums a selection."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    from PySide6.QtGui import QGuiApplication

    from desktop.ui.sheet import SheetTable

    page = clerk_window.show_page("assessment")
    table = page.results
    assert isinstance(table, SheetTable) and table.undo_stack is page.undo_stack
    units = [table.item(r, 1).text() for r in range(3)]
    top, col = _at(page, units[0], "质量")

    def select(r0: int, c0: int, r1: int, c1: int) -> None:
        table.setCurrentCell(r0, c0)
        box = QItemSelection(table.model().index(r0, c0), table.model().index(r1, c1))
        table.selectionModel().select(box, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    before = [table.item(top + i, col).text() for i in range(3)]
    select(top, col, top, col)
    QGuiApplication.clipboard().setText("90\r\n120\r\n85.55\r\n")
    assert not table.paste()
    assert [table.item(top + i, col).text() for i in range(3)] == before  # nothing half-applied
    assert set(table.refused) == {(top + 1, col), (top + 2, col)}
    assert "第 2 行" in messages[-1] and "0–100" in messages[-1]
    assert "第 3 行" in messages[-1] and "最多一位小数" in messages[-1]

    QGuiApplication.clipboard().setText("90\r\n85.5\r\n70\r\n")
    assert table.paste() and not table.refused
    assert [table.item(top + i, col).text() for i in range(3)] == ["90", "85.5", "70"]
    assert page.has_unsaved_edits()
    select(top, col, top + 2, col)
    assert "计数 3，求和 245.5" in clerk_window.statusBar().currentMessage()
    select(top + 1, col, top + 2, col)
    assert table.fill_down()
    assert table.item(top + 2, col).text() == "85.5"
    page.undo_stack.undo()
    assert table.item(top + 2, col).text() == "70"
    select(top + 2, col, top + 2, col)
    assert table.clear_cells() and table.item(top + 2, col).text() == ""
    page.undo_stack.undo()
    assert table.item(top + 2, col).text() == "70"

    page.scores_button.click()
    assert not page.has_unsaved_edits()
    with clerk_window.desk.session() as session:
        saved = {r.unit: r.scores["quality"] for r in assessment.results(session, 2026).rows}
    assert [saved[u] for u in units] == [90, Decimal("85.5"), 70]
    assert not page.undo_stack.canUndo()  # saved and reloaded: a fresh start


def test_unsaved_scores_are_asked_about_on_f5_and_close(clerk_window, unsaved_answers) -> None:
    from PySide6.QtGui import QCloseEvent

    from desktop.ui.unsaved import Choice

    page = clerk_window.show_page("assessment")
    assert _type(page, "市民政局", "质量", "95")
    unsaved_answers.append(Choice.CANCEL)
    clerk_window.reload()  # F5
    assert unsaved_answers.asked[-1][0] == "刷新"
    assert _cell(page, "市民政局", "质量").text() == "95"  # 取消 kept the typed score
    unsaved_answers.append(Choice.SAVE)
    event = QCloseEvent()
    clerk_window.closeEvent(event)
    assert event.isAccepted()
    with clerk_window.desk.session() as session:
        saved = {r.unit: r.scores["quality"] for r in assessment.results(session, 2026).rows}
    assert saved["市民政局"] == 95


def test_scheme_editor_tables_refuse_a_word_in_a_number_column(clerk_window, messages) -> None:
    """The scheme's tables are sheets too: a pasted block with a word in the weight column or
    a decimal weight changes nothing and names the cell; typing starts an edit, as in Excel."""
    page = clerk_window.show_page("assessment")
    table = page.editor.indicators
    assert table.editTriggers() & table.EditTrigger.AnyKeyPressed
    weights = [table.item(r, 1).text() for r in range(2)]
    assert not table.apply({(0, 1): "四十", (1, 1): "25.5"}, "粘贴")
    assert [table.item(r, 1).text() for r in range(2)] == weights
    assert set(table.refused) == {(0, 1), (1, 1)}
    assert "第 1 行“权重”：应为数字（收到“四十”）" in messages[-1]
    assert "第 2 行“权重”：应为整数（收到“25.5”）" in messages[-1]
    assert not page.has_unsaved_edits()
    grades = page.editor.grades
    assert not grades.apply({(0, 1): "九十"}, "粘贴") and "应为数字" in messages[-1]
    assert grades.apply({(0, 1): "90.5"}, "粘贴") and page.has_unsaved_edits()


def test_results_take_keys_as_a_spreadsheet_does(clerk_window, qtbot) -> None:
    """Typing into a score opens its editor, Enter keeps it and moves down; a refused value
    (85.55) stays in the editor with the reason, and Escape leaves the cell as it was."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    page = clerk_window.show_page("assessment")
    table = page.results
    row, col = _at(page, "市民政局", "质量")
    below = table.item(row + 1, col).text()

    def type_in(text: str) -> QLineEdit:
        table.setCurrentCell(row, col)
        table.setFocus()
        qtbot.keyClick(table, text[0])
        editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
        qtbot.keyClicks(editor, text[1:])
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        return editor

    type_in("95")
    qtbot.waitUntil(lambda: table.currentRow() == row + 1)
    assert table.item(row, col).text() == "95" and page.has_unsaved_edits()
    assert table.item(row + 1, col).text() == below
    type_in("85.55")
    qtbot.waitUntil(lambda: any(e.isVisible() and "最多一位小数" in e.toolTip()
                                for e in table.findChildren(QLineEdit)), timeout=2000)  # fmt: skip
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible() and e.toolTip())
    assert editor.text() == "85.55" and table.currentRow() == row
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not any(e.isVisible() for e in table.findChildren(QLineEdit)))
    assert table.item(row, col).text() == "95"


def test_a_veto_typed_in_the_results_asks_its_reason_on_save(clerk_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    page = clerk_window.show_page("assessment")
    assert not _type(page, "市民政局", "一票否决", "2")  # the veto is 0 or 1
    assert _type(page, "市民政局", "一票否决", "1")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    page.scores_button.click()  # 取消 at the reason: nothing saved, the typed 1 kept
    assert page.has_unsaved_edits() and _cell(page, "市民政局", "一票否决").text() == "1"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("发生重大安全事故", True))
    page.scores_button.click()
    assert not page.has_unsaved_edits()
    assert "一票否决" in _cell(page, "市民政局", "拟定等次").text()
    assert _cell(page, "市民政局", "一票否决").toolTip() == "发生重大安全事故"
