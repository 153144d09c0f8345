"""Nothing typed is lost silently: close, F5, page switch, unit/period switch, sign-out and dialogs
ask 保存 / 不保存 / 取消, and 取消 leaves everything (the boxes included) as it was."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QCloseEvent

from desktop.services import progress
from desktop.ui.funds.entry_dialog import FundEntryDialog
from desktop.ui.progress.model import PERCENT
from desktop.ui.unsaved import Choice


def _grid_with_one_edit(window):  # type: ignore[no-untyped-def]
    """The progress grid of the first unit with a task still unreported, 77% typed into it."""
    page = window.show_page("reports")
    unit = next(u for u in page.units.rows if u.missing)
    page.select_unit(unit.unit_id)
    row = next(i for i, line in enumerate(page.model.lines) if line.grid.report is None)
    assert page.model.setData(page.model.index(row, PERCENT), "77")
    return page, unit.unit_id, page.model.lines[row].grid.task_id


def _stored_percent(window, unit_id: int, period: str, task_id: int) -> Decimal | int | None:  # type: ignore[no-untyped-def]
    with window.desk.session() as session:
        rows = progress.period_grid(session, unit_id, period)
    row = next(r for r in rows if r.task_id == task_id)
    return row.report.percent if row.report else None


def test_close_with_cancel_keeps_window_and_grid_then_save_writes_it(
    clerk_window, unsaved_answers, qtbot
) -> None:
    page, unit_id, task_id = _grid_with_one_edit(clerk_window)
    period = page.period.currentData()
    unsaved_answers.append(Choice.CANCEL)
    event = QCloseEvent()
    clerk_window.closeEvent(event)
    assert not event.isAccepted()
    assert "77%" not in str(unsaved_answers.asked)  # it names the page and the count
    assert "1 项进度待保存" in unsaved_answers.asked[-1][1][0]
    assert page.model.dirty_reports()[0].percent == 77
    assert _stored_percent(clerk_window, unit_id, period, task_id) is None

    unsaved_answers.append(Choice.SAVE)
    event = QCloseEvent()
    clerk_window.closeEvent(event)
    assert event.isAccepted()
    assert _stored_percent(clerk_window, unit_id, period, task_id) == 77


def test_f5_asks_and_cancel_keeps_then_discard_reloads(clerk_window, unsaved_answers) -> None:
    page, unit_id, task_id = _grid_with_one_edit(clerk_window)
    unsaved_answers.append(Choice.CANCEL)
    clerk_window.reload()
    assert unsaved_answers.asked[-1][0] == "刷新"
    assert page.model.dirty_reports()
    unsaved_answers.append(Choice.DISCARD)
    clerk_window.reload()
    assert not page.model.dirty_reports()
    assert _stored_percent(clerk_window, unit_id, page.period.currentData(), task_id) is None


def test_page_switch_cancel_stays_on_the_page_and_its_nav_row(
    clerk_window, unsaved_answers
) -> None:
    page, _unit, _task = _grid_with_one_edit(clerk_window)
    nav_row = clerk_window.nav.currentRow()
    unsaved_answers.append(Choice.CANCEL)
    shown = clerk_window.show_page("funds")
    assert shown is page and clerk_window.stack.currentWidget() is page
    assert clerk_window.nav.currentRow() == nav_row
    unsaved_answers.append(Choice.CANCEL)
    clerk_window.nav.setCurrentRow(0)  # a click in the navigation, answered 取消 again
    assert clerk_window.stack.currentWidget() is page
    assert clerk_window.nav.currentRow() == nav_row
    assert page.model.dirty_reports()


def test_unit_and_period_switch_cancel_restore_the_boxes(clerk_window, unsaved_answers) -> None:
    page, unit_id, _task = _grid_with_one_edit(clerk_window)
    period = page.period.currentData()
    rows_before = [line.grid.task_id for line in page.model.lines]
    unsaved_answers.append(Choice.CANCEL)
    page.period.setCurrentIndex(page.period.currentIndex() + 1)
    assert page.period.currentData() == period  # the box shows the rows' period again
    assert page.unit.currentData() == unit_id
    other = next(i for i in range(page.unit.count()) if page.unit.itemData(i) != unit_id)
    unsaved_answers.append(Choice.CANCEL)
    page.unit.setCurrentIndex(other)
    assert page.unit.currentData() == unit_id
    assert [line.grid.task_id for line in page.model.lines] == rows_before
    assert page.model.dirty_reports()[0].percent == 77


def test_period_switch_with_save_writes_the_old_period(clerk_window, unsaved_answers) -> None:
    page, unit_id, task_id = _grid_with_one_edit(clerk_window)
    period = page.period.currentData()
    unsaved_answers.append(Choice.SAVE)
    page.period.setCurrentIndex(page.period.currentIndex() + 1)
    assert _stored_percent(clerk_window, unit_id, period, task_id) == 77
    assert page.period.currentData() != period and not page.model.dirty_reports()


def test_sign_out_hook_cancel_returns_false(clerk_window, unsaved_answers) -> None:
    _grid_with_one_edit(clerk_window)
    unsaved_answers.append(Choice.CANCEL)
    assert clerk_window.settle_unsaved("退出登录") is False
    unsaved_answers.append(Choice.DISCARD)
    assert clerk_window.settle_unsaved("退出登录") is True
    assert clerk_window.settle_unsaved("退出登录") is True  # nothing left: not asked again
    assert len(unsaved_answers.asked) == 2


def test_notice_draft_saved_on_close(clerk_window, unsaved_answers, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("关于测试的通知", True))
    page = clerk_window.show_page("notices")
    page.new_notice()
    page.form.title_edit.setText("关于测试的通知（改）")
    page.form.title_edit.textEdited.emit(page.form.title_edit.text())
    assert page.has_unsaved_edits()
    unsaved_answers.append(Choice.SAVE)
    event = QCloseEvent()
    clerk_window.closeEvent(event)
    assert event.isAccepted()
    assert page.current is not None and page.current.row.title == "关于测试的通知（改）"


def test_settings_form_counts_as_unsaved(clerk_window, demo_ledger, qtbot, unsaved_answers) -> None:
    from desktop.services import identity
    from desktop.ui.desk import Desk
    from desktop.ui.main_window import MainWindow

    with demo_ledger.session() as s:
        admin = identity.sign_in(s, "admin", "duban-admin")
    window = MainWindow(Desk(demo_ledger, clerk_window.desk.clock, admin), remember=False)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    assert not page.has_unsaved_edits()
    page.office_form.widgets["doc_prefix"].setText("江平安办")
    assert page.has_unsaved_edits()
    unsaved_answers.append(Choice.CANCEL)
    assert window.show_page("dashboard") is page


def test_dialog_close_with_typed_amount_asks(clerk_window, unsaved_answers, qtbot) -> None:
    dialog = FundEntryDialog(clerk_window, clerk_window.desk, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing typed: closes without a question
    assert not dialog.isVisible() and not unsaved_answers.asked
    dialog = FundEntryDialog(clerk_window, clerk_window.desk, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.amount.setText("12万")
    unsaved_answers.append(Choice.CANCEL)
    dialog.reject()
    assert dialog.isVisible() and dialog.amount.text() == "12万"
    assert clerk_window.unsaved_holders()[-1] is dialog  # sign-out sees open dialogs too
    unsaved_answers.append(Choice.DISCARD)
    dialog.reject()
    assert not dialog.isVisible()


def test_supervision_reply_typed_survives_f5_another_item_and_filters(
    clerk_window, unsaved_answers
) -> None:
    from desktop.services import supervision

    page = clerk_window.show_page("supervision")
    page.state_filter.setCurrentIndex(0)  # 全部状态: the demo's items, replied or not
    open_rows = [i for i, r in enumerate(page.model.rows) if r.reply_received_on is None]
    assert len(page.model.rows) >= 2 and open_rows
    first = open_rows[0]
    page.table.selectRow(first)
    item_id = page.model.rows[first].id
    assert not page.has_unsaved_edits()
    page.detail.reply_edit.setPlainText("已落实整改，详见附件。")
    page.detail.signer_edit.setText("王局长")
    assert page.has_unsaved_edits()

    unsaved_answers.append(Choice.CANCEL)
    clerk_window.reload()  # F5
    assert unsaved_answers.asked[-1][0] == "刷新"
    assert page.detail.reply_edit.toPlainText() == "已落实整改，详见附件。"

    other = next(i for i in range(len(page.model.rows)) if i != first)
    unsaved_answers.append(Choice.CANCEL)
    page.table.selectRow(other)  # another item: asked, and 取消 stays on this one
    assert unsaved_answers.asked[-1][0] == "打开另一项督办事项"
    assert page.detail.item is not None and page.detail.item.id == item_id
    assert page.table.currentIndex().row() == first
    assert page.detail.reply_edit.toPlainText() == "已落实整改，详见附件。"

    page.kind_filter.setCurrentIndex(0)  # a filter re-read that keeps the item keeps the reply
    page.state_filter.setCurrentIndex(1)  # 未办结: still listed
    assert page.detail.item is not None and page.detail.item.id == item_id
    assert page.detail.signer_edit.text() == "王局长"

    unsaved_answers.append(Choice.SAVE)
    assert clerk_window.show_page("dashboard") is not page  # 保存 on leaving records it
    with clerk_window.desk.session() as s:
        saved = supervision.get_item(s, item_id, clerk_window.desk.today)
    assert saved.reply_text == "已落实整改，详见附件。" and saved.reply_signer == "王局长"
    assert not page.has_unsaved_edits()


def test_meeting_pack_items_typed_are_asked_about_on_close_and_period_switch(
    clerk_window, unsaved_answers, qtbot
) -> None:
    from desktop.services import meeting_pack
    from desktop.ui.dashboard.pack_dialog import MeetingPackDialog

    dialog = MeetingPackDialog(clerk_window)
    qtbot.addWidget(dialog)
    dialog.show()
    period, shown = dialog.selected_period(), dialog.period.currentIndex()
    dialog.items.setPlainText("研究市应急管理局问责事项")
    unsaved_answers.append(Choice.CANCEL)
    dialog.period.setCurrentIndex(shown + 1)  # another period: asked; 取消 keeps both as shown
    assert unsaved_answers.asked[-1][0] == "切换通报期次"
    assert dialog.period.currentIndex() == shown
    assert dialog.items.toPlainText() == "研究市应急管理局问责事项"
    unsaved_answers.append(Choice.CANCEL)
    dialog.reject()  # Esc / 取消 / the close box
    assert dialog.isVisible() and dialog.items.toPlainText() == "研究市应急管理局问责事项"
    unsaved_answers.append(Choice.SAVE)
    dialog.reject()
    assert not dialog.isVisible()
    with clerk_window.desk.session() as session:
        assert meeting_pack.items_of(session, period) == ["研究市应急管理局问责事项"]


def test_assessment_decision_typed_is_asked_about_on_close(
    clerk_window, unsaved_answers, qtbot
) -> None:
    from desktop.ui.assessment.decision import DecisionDialog

    page = clerk_window.show_page("assessment")
    dialog = DecisionDialog(page, clerk_window.desk, clerk_window, 2026)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.minutes.setText("第9期")
    unsaved_answers.append(Choice.CANCEL)
    dialog.reject()
    assert dialog.isVisible() and dialog.minutes.text() == "第9期"
    assert clerk_window.unsaved_holders()[-1] is dialog  # sign-out and close see it too
