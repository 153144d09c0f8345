"""Archives and backups in the window: File-menu items, the reminder, the destination dialog that
lists sticks first and warns when it will not fit, the report and the read-only browser."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.services import archive, media
from desktop.services.archive import Span
from desktop.services.archive.checks import CHECKS
from desktop.services.auth import system_actor
from desktop.ui.archive import actions, backups, destination
from desktop.ui.archive.browser import ImportPlanDialog, PackageBrowser, ReportDialog
from desktop.ui.archive.destination import DestinationDialog

SHOTS = os.environ.get("DUBAN_SHOTS")  # set to a folder to keep the screenshots


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_file_menu_and_reminder(clerk_window) -> None:
    labels = [a.text() for a in clerk_window.file_menu.actions()]
    for wanted in (
        "导出归档包（年度或时间段）…",
        "校验归档包…",
        "浏览归档包…",
        "导入别处的归档包…",
        "备份台账…",
        "从备份恢复台账…",
    ):
        assert wanted in labels
    restore = next(a for a in clerk_window.file_menu.actions() if a.text() == "从备份恢复台账…")
    assert not restore.isEnabled()  # a clerk may not replace the ledger
    reminder = clerk_window.statusBar().findChild(QLabel, "backupReminder")
    assert "从未" in reminder.text()


def test_destination_lists_sticks_first_and_warns(qtbot, monkeypatch, tmp_path) -> None:
    stick, disk = tmp_path / "stick", tmp_path / "disk"
    stick.mkdir()
    disk.mkdir()
    monkeypatch.setattr(
        media, "drives", lambda: [media.Drive(stick, "KINGSTON", 10**9, 10**9, True)]
    )
    dialog = DestinationDialog(None, "导出年度归档包", lambda _y: 1000, 2026, offer_zip=True)
    qtbot.addWidget(dialog)
    assert "移动介质" in dialog.places.item(0).text()
    assert dialog.destination == stick and dialog.offsite.isChecked()
    assert "空间足够" in dialog.fit.text()
    _shot(dialog, "archive-destination")
    dialog.needed = lambda _y: 10**15
    dialog._update()
    assert "放不下" in dialog.fit.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_destination_offers_a_year_or_a_period(qtbot, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(
        media, "drives", lambda: [media.Drive(tmp_path, "KINGSTON", 10**9, 10**9, True)]
    )
    asked: list[object] = []
    dialog = DestinationDialog(None, "导出归档包", lambda s: asked.append(s) or 1000, 2026)
    qtbot.addWidget(dialog)
    assert dialog.span() == Span.of_year(2026)
    dialog.period.setChecked(True)
    dialog.first.setDate(QDate(2026, 3, 1))
    dialog.last.setDate(QDate(2026, 3, 31))
    assert dialog.span() == Span.of_month("2026-03") and asked[-1] == Span.of_month("2026-03")
    _shot(dialog, "archive-destination-period")
    dialog.first.setDate(QDate(2025, 12, 1))
    assert "同一年度" in dialog.fit.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_report_and_browser(qtbot, demo_session, tmp_path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    result = archive.export_year(demo_session, system_actor("测试"), 2026, stick, as_zip=True)
    report = ReportDialog(None, archive.verify_package(result.path))
    qtbot.addWidget(report)
    assert "固化信息有效　通过" in report.text.toPlainText()
    assert report.model.rowCount() == len(CHECKS)  # every DA/T 70 item, each with its result
    assert {report.model.data(report.model.index(r, 2)) for r in range(len(CHECKS))} == {"通过"}
    assert "真实性已确认" in report.findChild(QLabel, "verdict").text()
    report.show()
    _shot(report, "archive-report")
    view = archive.open_view(result.path)
    browser = PackageBrowser(None, view)
    qtbot.addWidget(browser)
    browser.show()
    assert browser.table.rowCount() == len(view.items)
    if view.items:
        assert browser.preview.current is not None and browser.preview.current.pages >= 1
    _shot(browser, "archive-browser")
    browser.close()


def test_backup_action_updates_the_reminder(clerk_window, monkeypatch, tmp_path, qtbot) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()

    class Fake:
        def __init__(self, *_a, **_k) -> None:
            self.destination = stick
            self.offsite = type("C", (), {"isChecked": staticmethod(lambda: True)})()
            self.chosen_passphrase = None  # not encrypted
            self.chosen_cipher = "aes"

        def exec(self) -> int:
            return 1

    monkeypatch.setattr(destination, "DestinationDialog", Fake)
    backups.backup_ledger(clerk_window)
    qtbot.waitUntil(lambda: bool(list(stick.glob("*.sqlite3.sha256"))), timeout=10_000)
    reminder = clerk_window.statusBar().findChild(QLabel, "backupReminder")
    qtbot.waitUntil(lambda: "天前" in reminder.text(), timeout=10_000)


def test_backup_dialog_encrypts_with_the_cipher_chosen(
    clerk_window, monkeypatch, tmp_path, qtbot, messages
) -> None:
    """The dialog starts on the setting's cipher; the clerk picks SM4, types the passphrase
    twice; the file's header names SM4 and the message says so."""
    from desktop.services import backup_crypto

    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(
        media, "drives", lambda: [media.Drive(stick, "KINGSTON", 10**9, 10**9, True)]
    )
    seen: list[DestinationDialog] = []

    class Typed(DestinationDialog):
        def exec(self) -> int:
            seen.append(self)
            assert self.cipher.currentData() == "aes" and not self.cipher.isEnabled()
            self.encrypt.setChecked(True)
            assert self.cipher.isEnabled()
            self.cipher.setCurrentIndex(self.cipher.findData("sm4"))
            self.passphrase.setText("Jiangcheng#2026")
            self.again.setText("Jiangcheng#2025")
            self._accept()
            assert "不一致" in self.fit.text() and self.result() == 0  # not accepted yet
            _shot(self, "backup-encrypt-sm4")
            self.again.setText("Jiangcheng#2026")
            self._accept()
            return self.result()

    monkeypatch.setattr(destination, "DestinationDialog", Typed)
    backups.backup_ledger(clerk_window)
    qtbot.waitUntil(lambda: bool(list(stick.glob("*.sqlite3.enc.sha256"))), timeout=20_000)
    (sealed,) = stick.glob("*.sqlite3.enc")
    assert backup_crypto.sealed_with(sealed) == backup_crypto.Sealed("sm4", 2)
    qtbot.waitUntil(lambda: any("已加密：SM4" in m for m in messages), timeout=10_000)
    assert seen and seen[0].chosen_cipher == "sm4"


class _Choice:
    def __init__(self, value: object) -> None:
        self._value = value

    def isChecked(self) -> object:  # noqa: N802 - Qt's name
        return self._value

    def value(self) -> object:
        return self._value


def _fake_dialog(stick: Path, year: int = 2026) -> type:
    class Fake:
        def __init__(self, *_a, **_k) -> None:
            self.destination = stick
            self.as_zip = _Choice(False)
            self.offsite = _Choice(True)

        def exec(self) -> int:
            return 1

        def span(self) -> Span:
            return Span.of_year(year)

    return Fake


def test_export_cancel_leaves_nothing(clerk_window, monkeypatch, tmp_path, qtbot) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(destination, "DestinationDialog", _fake_dialog(stick))
    job = actions.export_archive(clerk_window)
    job.cancel()  # the clerk presses 取消
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    assert job.cancelled and list(stick.iterdir()) == []


def test_export_runs_with_progress(clerk_window, monkeypatch, tmp_path, qtbot, messages) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(destination, "DestinationDialog", _fake_dialog(stick))
    job = actions.export_archive(clerk_window)
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    assert job.error is None and any("回读校验通过" in m for m in messages)
    assert job.dialog.maximum() > 0  # the bar had a length
    assert archive.verify_package(next(stick.iterdir())).ok


def test_import_shows_the_plan_then_copies(
    clerk_window, session, admin, monkeypatch, tmp_path, qtbot, messages
) -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "services"))
    from archive_fixtures import issue_documents

    issue_documents(session, 2026, 3)  # the "other PC": three 测试办 notices
    stick = tmp_path / "stick"
    stick.mkdir()
    package = archive.export_year(session, admin, 2026, stick, as_zip=True).path
    shown: list[tuple[bool, str]] = []  # plain values: the dialogs go with the window

    def accept(dialog: ImportPlanDialog) -> int:
        shown.append((dialog.go.isEnabled(), dialog.text.toPlainText()))
        _shot(dialog, "archive-import-plan")
        return 1  # 导入 pressed (or, when refused, the dialog closed)

    monkeypatch.setattr(ImportPlanDialog, "exec", accept)
    job = actions.import_archive(clerk_window, package)
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    assert shown and shown[0][0] and "新增 3 件" in shown[0][1]
    qtbot.waitUntil(lambda: any("已只读存放" in m for m in messages), timeout=20_000)
    folder = archive.default_folder(clerk_window.desk.ledger.path)
    assert archive.verify_package(next(folder.iterdir())).ok
    # The same package again: nothing new, 导入 disabled, nothing more written.
    shown.clear()
    job = actions.import_archive(clerk_window, package)
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    assert not shown[0][0] and "已导入过 3 件" in shown[0][1]
    assert len(list(folder.iterdir())) == 1


def test_transport_copy_out_and_back_in_the_window(
    clerk_window, session, admin, monkeypatch, tmp_path, qtbot, messages
) -> None:
    """写加密传递副本… (SM4 chosen in the dialog, encryption cannot be switched off), then on the
    receiving side 解密传递副本… and 校验归档包… of the copy: each report says what it checked."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from desktop.services import backup_crypto

    sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "services"))
    from archive_fixtures import issue_documents

    issue_documents(session, 2026, 2)
    desk_folder, stick, receiving = (tmp_path / n for n in ("desk", "stick", "receiving"))
    for folder in (desk_folder, stick, receiving):
        folder.mkdir()
    package = archive.export_year(session, admin, 2026, desk_folder, as_zip=True).path
    monkeypatch.setattr(
        media, "drives", lambda: [media.Drive(stick, "KINGSTON", 10**9, 10**9, True)]
    )

    class Typed(DestinationDialog):
        def exec(self) -> int:
            assert self.encrypt.isChecked() and not self.encrypt.isEnabled()
            assert self.offsite.isHidden()
            self.cipher.setCurrentIndex(self.cipher.findData("sm4"))
            self.passphrase.setText("Chuandi#2026")
            self.again.setText("Chuandi#2026")
            _shot(self, "transport-copy-dialog")
            self._accept()
            return self.result()

    monkeypatch.setattr(destination, "DestinationDialog", Typed)
    job = actions.encrypt_copy(clerk_window, package)
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    assert job.error is None
    (sealed,) = stick.iterdir()
    assert backup_crypto.sealed_with(sealed) == backup_crypto.Sealed("sm4", 2)
    assert any("传递副本并回读一致" in m for m in messages)

    reports: list[tuple[str, str]] = []

    def shown(dialog: ReportDialog) -> int:
        origin = dialog.findChild(QLabel, "origin")
        reports.append((origin.text(), dialog.text.toPlainText()))
        _shot(dialog, "transport-copy-report")
        return 1

    monkeypatch.setattr(ReportDialog, "exec", shown)
    answers = iter([("not-the-passphrase", True), ("Chuandi#2026", True), ("Chuandi#2026", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: next(answers))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(receiving))
    job = actions.decrypt_copy(clerk_window, sealed)  # the wrong passphrase first
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    assert job.error is not None and "口令不正确" in str(job.error)
    assert list(receiving.iterdir()) == []
    job = actions.decrypt_copy(clerk_window, sealed)
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    assert job.error is None and reports
    assert "加密传递副本（SM4-GCM（国密））" in reports[-1][0]
    opened = next(p for p in receiving.iterdir() if p.suffix == ".zip")
    assert archive.verify_package(opened).ok

    reports.clear()
    actions.verify_archive(clerk_window, sealed)  # the copy itself, checked once decrypted
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    assert "加密传递副本" in reports[0][0] and "校验通过" in reports[0][1]
    reports.clear()
    actions.verify_archive(clerk_window, opened)  # the package it became: plain, and whence
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    assert reports[0][0].startswith("加密：否") and "解密而来" in reports[0][0]
