"""A desk whose ledger file is replaced under it says so at once and saves nothing more."""

from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtWidgets import QLabel

from desktop.services import tasks
from desktop.services.ledger_guard import LedgerReplaced
from desktop.ui import ledger_watch


def test_replaced_ledger_is_said_once_and_writes_are_refused(clerk_window, messages, tmp_path):
    desk = clerk_window.desk
    watch = ledger_watch.watch(clerk_window, desk.ledger)
    assert not watch.check() and not messages
    copy = tmp_path / "restored-elsewhere.sqlite3"
    shutil.copyfile(desk.ledger.path, copy)
    os.replace(copy, desk.ledger.path)
    assert watch.check() and watch.check()
    assert len(messages) == 1 and "已停止保存任何修改" in messages[0]
    line = clerk_window.statusBar().findChild(QLabel, "ledgerReplaced")
    assert line is not None and "不再保存修改" in line.text()
    with desk.session() as session, pytest.raises(LedgerReplaced):
        tasks.create_unit(session, desk.actor, "市档案馆", "档案馆")


def test_a_restore_from_the_menu_does_not_warn_about_itself(
    admin_window, messages, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop.services import backup
    from desktop.ui.archive import backups

    desk = admin_window.desk
    watch = ledger_watch.watch(admin_window, desk.ledger)
    copy = backup.write_backup(desk.ledger.path, tmp_path, "20261128-100000")[0]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(copy), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    backups.restore_ledger(admin_window)
    assert any("台账已恢复" in m for m in messages), messages
    watch.check()  # replaced on purpose: nothing to say
    assert not any("已被替换" in m for m in messages)


def test_a_restore_that_rolls_the_log_back_asks_for_a_reason(
    admin_window, messages, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from desktop.services import backup
    from desktop.services.auth import system_actor
    from desktop.ui.archive import backups

    desk = admin_window.desk
    copy = backup.write_backup(desk.ledger.path, tmp_path, "20261128-100000")[0]
    with desk.session() as session:
        tasks.create_unit(session, system_actor("测试"), "市档案馆", "档案馆")  # after the copy
    asked: list[str] = []
    answers = iter([("", False), ("档案馆录错，回到备份", True)])

    def reason(_parent: object, _title: str, label: str, *_a: object, **_k: object):  # type: ignore[no-untyped-def]
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(copy), ""))
    monkeypatch.setattr(QInputDialog, "getText", reason)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    before = desk.ledger.path.read_bytes()
    backups.restore_ledger(admin_window)  # cancelled at the reason: nothing replaced
    assert "其后的" in asked[0] and desk.ledger.path.read_bytes() == before
    backups.restore_ledger(admin_window)
    assert any("台账已恢复" in m for m in messages), messages


def test_a_restore_from_an_sm4_backup_names_the_cipher_and_wants_the_passphrase(
    admin_window, messages, tmp_path, monkeypatch
) -> None:
    """从备份恢复台账… of a .sqlite3.enc: the prompt names SM4 (read from the file's header); a
    wrong passphrase is said in Chinese and changes nothing; the right one restores."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from desktop.services import backup
    from desktop.ui.archive import backups

    desk = admin_window.desk
    sealed = backup.write_backup(
        desk.ledger.path, tmp_path, "20261128-100000", passphrase="Jiangcheng#2026", cipher="sm4"
    )[0]
    asked: list[str] = []
    answers = iter([("not-the-passphrase", True), ("Jiangcheng#2026", True)])

    def typed(_parent: object, _title: str, label: str, *_a: object, **_k: object):  # type: ignore[no-untyped-def]
        asked.append(label)
        return next(answers)

    shown: list[str] = []
    monkeypatch.setattr("desktop.ui.archive.backups.show_error", lambda _w, e: shown.append(str(e)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(sealed), ""))
    monkeypatch.setattr(QInputDialog, "getText", typed)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    before = desk.ledger.path.read_bytes()
    backups.restore_ledger(admin_window)
    assert "SM4" in asked[0] and shown and "口令不正确" in shown[0]
    assert desk.ledger.path.read_bytes() == before
    backups.restore_ledger(admin_window)
    assert any("台账已恢复" in m for m in messages), (messages, shown)
