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
    chain_banner.start(clerk_window)
    qtbot.waitUntil(clerk_window.chain_banner.isVisible, timeout=20000)
    text = clerk_window.chain_banner.text()
    assert "第 7 条" in text and "系统管理员" in text
