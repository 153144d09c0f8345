"""Batch actions: 采纳 / 不采纳 on every selected proposal and 催办 on every selected task, after one
question that lists them; 取消 changes nothing; confirmations before irreversible steps."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QInputDialog

from desktop.services import supervision


def _select_rows(table, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    model, selection = table.model(), QItemSelection()
    for r in rows:
        selection.select(model.index(r, 0), model.index(r, model.columnCount() - 1))
    table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _items(window) -> int:  # type: ignore[no-untyped-def]
    with window.desk.session() as session:
        return len(supervision.list_items(session, window.desk.today))


def test_three_selected_proposals_are_all_adopted_after_one_question(
    clerk_window, confirmations
) -> None:
    box = clerk_window.show_page("supervision").proposals
    non_interview = [i for i, p in enumerate(box.model.rows) if p.step != "interview"][:3]
    assert len(non_interview) == 3
    codes = [box.model.row_at(i).code for i in non_interview]
    before = _items(clerk_window)
    _select_rows(box.table, non_interview)
    confirmations.append(False)  # 取消: nothing is carried out
    box.adopt_button.click()
    assert _items(clerk_window) == before
    box = clerk_window.show_page("supervision").proposals
    _select_rows(box.table, [i for i, p in enumerate(box.model.rows) if p.code in codes])
    box.adopt_button.click()
    question, listed = confirmations.asked[-1]
    assert "3 条" in question and all(any(c in line for line in listed) for c in codes)
    assert _items(clerk_window) == before + 3


def test_selected_proposals_dismissed_with_one_reason(clerk_window, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("已另行部署", True))
    box = clerk_window.show_page("supervision").proposals
    count = len(box.model.rows)
    codes = {box.model.row_at(0).code, box.model.row_at(1).code}
    _select_rows(box.table, [0, 1])
    box.dismiss_button.click()
    assert len(box.model.rows) == count - 2
    assert not codes & {p.code for p in box.model.rows}


def test_ledger_reminds_every_selected_task(clerk_window, confirmations) -> None:
    page = clerk_window.show_page("tasks")
    before = _items(clerk_window)
    _select_rows(page.table, [0, 1, 2])
    assert page.remind_selected()
    assert len(confirmations.asked[-1][1]) == 3
    assert _items(clerk_window) == before + 3


def test_irreversible_steps_ask_first(clerk_window, confirmations, monkeypatch) -> None:
    from desktop.ui.interviews import accountability
    from desktop.ui.interviews.accountability import AccountabilityStage

    page = clerk_window.show_page("interviews")
    stage = next(s for s in page.detail.stages if isinstance(s, AccountabilityStage))
    assert page.model.rows  # the demo has interviews
    stage.info = page.model.rows[0]
    written = []
    monkeypatch.setattr(stage.step_choice, "currentData", lambda: "decision")  # 问责决定
    monkeypatch.setattr(
        accountability, "write", lambda *args, **kw: (written.append(args), (True, None))[1]
    )
    confirmations.append(False)
    stage.act()
    assert "问责" in confirmations.asked[-1][0] and not written
    stage.act()
    assert written
