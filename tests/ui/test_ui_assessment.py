"""考核 page: a manual score typed in the results recomputes the table; 定稿; the 通报 opens in 公文."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.services.assessment import writes as assessment
from desktop.services.notices import register as notices


def _cell(page, unit: str, header_start: str):
    table = page.results
    col = next(
        c for c in range(table.columnCount())
        if table.horizontalHeaderItem(c).text().startswith(header_start)
    )  # fmt: skip
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == unit)
    return table.item(row, col)


def test_manual_score_updates_results_then_finalise_and_circular(clerk_window, monkeypatch) -> None:
    page = clerk_window.show_page("assessment")
    assert page.year.currentData() == 2026
    assert page.editor.weight_sum.text().endswith("100")
    assert _cell(page, "市民政局", "质量").text() == "80.0"  # the base score, not entered yet
    assert not page.doc_button.isEnabled()  # not finalised
    _cell(page, "市民政局", "质量").setText("100")  # as if typed: saved, all recomputed
    assert _cell(page, "市民政局", "质量").text() == "100.0"
    assert _cell(page, "市民政局", "总分").text() == "92.7"  # 88.7 + 20 × (100 − 80) / 100
    assert _cell(page, "市民政局", "排名").text() == "1"
    _cell(page, "市民政局", "质量").setText("120")  # refused in Chinese, nothing saved
    assert _cell(page, "市民政局", "质量").text() == "100.0"

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
