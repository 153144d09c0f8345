"""A broken audit chain shows, after the window is up, as a red banner naming the first bad
entry; an intact one shows nothing."""

from __future__ import annotations

import sqlite3

from desktop.ui import chain_banner


def test_an_intact_chain_shows_no_banner(qtbot, clerk_window) -> None:
    thread = chain_banner.start(clerk_window)
    qtbot.waitUntil(thread.isFinished, timeout=20000)
    qtbot.wait(50)
    assert not clerk_window.chain_banner.isVisible()


def test_an_edited_entry_shows_a_red_banner_naming_it(qtbot, clerk_window, demo_ledger) -> None:
    with sqlite3.connect(demo_ledger.path) as raw:
        raw.execute("DROP TRIGGER audit_entry_no_update")
        raw.execute("UPDATE audit_entry SET summary = summary || '（改）' WHERE id = 7")
    thread = chain_banner.start(clerk_window)
    qtbot.waitUntil(clerk_window.chain_banner.isVisible, timeout=20000)
    qtbot.waitUntil(thread.isFinished, timeout=20000)
    text = clerk_window.chain_banner.text()
    assert "第 7 条" in text and "系统管理员" in text


def test_the_backup_dialog_asks_for_the_passphrase_twice(qtbot, clerk_window) -> None:
    from desktop.ui.archive.destination import DestinationDialog

    dialog = DestinationDialog(clerk_window, "备份台账", lambda _y: 1000, offer_encrypt=True)
    qtbot.addWidget(dialog)
    assert dialog.chosen_passphrase is None and not dialog.passphrase.isEnabled()
    dialog.encrypt.setChecked(True)
    dialog.passphrase.setText("Jiangcheng#2026")
    dialog.again.setText("Jiangcheng#2025")
    dialog._accept()
    assert dialog.result() == 0 and "不一致" in dialog.fit.text()
    dialog.again.setText("Jiangcheng#2026")
    dialog._accept()
    assert dialog.result() == 1 and dialog.chosen_passphrase == "Jiangcheng#2026"
