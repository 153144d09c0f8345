"""登记资金 from the task page: the entry is saved through the service and the rates follow."""

from __future__ import annotations

from decimal import Decimal

from desktop.services import funds
from desktop.services.enums import FundKind, FundSource
from desktop.ui.funds.entry_dialog import FundEntryDialog


def test_fund_entry_dialog_saves_an_arrival(clerk_window, demo_ledger) -> None:
    desk = clerk_window.desk
    with demo_ledger.session() as session:
        task_id = next(r.task_id for r in funds.fund_rows(session) if r.code == "04-02")
        before = funds.totals_by_task(session, [task_id])[task_id]
    dialog = FundEntryDialog(clerk_window, desk, task_id)
    dialog.kind.setCurrentIndex(dialog.kind.findText(FundKind.ARRIVED.label))
    dialog.source.setCurrentIndex(dialog.source.findText(FundSource.PROVINCIAL.label))
    dialog.amount.setText("12.5万")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    with demo_ledger.session() as session:
        after = funds.totals_by_task(session, [task_id])[task_id]
    assert after.arrived - before.arrived == Decimal("125000.00")


def test_bad_amount_stays_in_the_dialog_next_to_the_field(clerk_window, demo_ledger) -> None:
    with demo_ledger.session() as session:
        task_id = funds.fund_rows(session)[0].task_id
    dialog = FundEntryDialog(clerk_window, clerk_window.desk, task_id)
    dialog.amount.setText("一百万")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "不是有效的数字" in dialog.error.text()


def test_amounts_are_wan_yuan_unless_the_unit_says_yuan(clerk_window, demo_ledger) -> None:
    with demo_ledger.session() as session:
        row = next(r for r in funds.fund_rows(session) if r.code == "04-02")
        before = funds.totals_by_task(session, [row.task_id])[row.task_id]
    dialog = FundEntryDialog(clerk_window, clerk_window.desk, row.task_id)
    assert "04-02" in dialog.windowTitle() and row.title in dialog.task_label.text()
    dialog.kind.setCurrentIndex(dialog.kind.findText(FundKind.ARRIVED.label))
    dialog.amount.setText("12.5")  # 万元, like every table
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    dialog = FundEntryDialog(clerk_window, clerk_window.desk, row.task_id)
    dialog.kind.setCurrentIndex(dialog.kind.findText(FundKind.ARRIVED.label))
    dialog.amount.setText("5,000元")
    dialog.accept()
    with demo_ledger.session() as session:
        after = funds.totals_by_task(session, [row.task_id])[row.task_id]
    assert after.arrived - before.arrived == Decimal("130000.00")
    assert funds.parse_wan("3万元") == funds.parse_wan("3") == Decimal("30000.00")
