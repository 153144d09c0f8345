"""The ledger's backups in the 文件 menu and the status bar: 备份台账, 从备份恢复台账, the reminder
of the last backup, the day's rolling copy after the window shows (listed in desktop/ui/pages.py);
the work runs off the GUI thread (desktop/ui/calls.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
)

from desktop.services import archive, backup, backup_crypto, backup_restore, daily_backup, settings
from desktop.services.archive.fsio import human_size
from desktop.services.auth import Permission
from desktop.services.diagnostics import logs
from desktop.ui import ledger_watch
from desktop.ui.archive.ciphers import CIPHER_LABELS
from desktop.ui.calls import Cancelled, Progress, run_in_background
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.errors import is_domain, message_for, show_error
from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def backup_ledger(window: MainWindow) -> None:
    from desktop.ui.archive.destination import DestinationDialog

    desk = window.desk
    size = desk.ledger.path.stat().st_size if desk.ledger.path else 0
    with desk.session() as session:
        cipher = settings.office(session).backup_cipher
    dialog = DestinationDialog(
        window, tr("备份台账"), lambda _y: size, offer_encrypt=True, cipher=cipher
    )
    if not dialog.exec() or dialog.destination is None:
        return
    target, offsite = dialog.destination, dialog.offsite.isChecked()
    passphrase, cipher = dialog.chosen_passphrase, dialog.chosen_cipher

    def work(_progress: object) -> backup.BackupResult:
        with desk.session() as session:
            return backup.backup_to(
                session,
                desk.actor,
                target,
                leaves_pc=offsite,
                passphrase=passphrase,
                cipher=cipher,
            )

    def done(result: backup.BackupResult) -> None:
        QMessageBox.information(
            window,
            tr("备份完成"),
            tr(
                "已备份并回读校验：\n{path}\n{size}，SHA-256 {sha}\n\n拔出U盘前，请先在系统中“安全弹出”。"
            ).format(path=result.path, size=human_size(result.size), sha=result.sha256[:16] + "…")
            + (
                "\n" + tr("已加密：{cipher}").format(cipher=tr(CIPHER_LABELS[result.cipher]))
                if result.cipher
                else ""
            )
            + ("\n\n" + result.warning if result.warning else ""),
        )
        refresh_reminder(window)

    window.run_task(tr("正在备份台账…"), work, done, refresh=False)


def restore_ledger(window: MainWindow) -> None:
    desk = window.desk
    if desk.ledger.path is None:
        QMessageBox.warning(
            window, tr("督办台"), tr("共享台账（数据库服务器）不能用本机备份文件恢复。")
        )
        return
    chosen, _ = QFileDialog.getOpenFileName(
        window, tr("选择备份文件"), "", tr("台账备份 (*.sqlite3 *.sqlite3.enc)")
    )
    if not chosen:
        return
    sealed = backup_crypto.sealed_with(Path(chosen))
    if not backup_crypto.is_encrypted(Path(chosen)):
        _restore_from(window, Path(chosen))
        return
    passphrase, ok = QInputDialog.getText(
        window,
        tr("加密备份"),
        tr("这是加密备份（{cipher}），请输入备份口令：").format(
            cipher=tr(CIPHER_LABELS[sealed.cipher]) if sealed else tr("算法未知")
        ),
        QLineEdit.EchoMode.Password,
    )
    if not ok:
        return
    try:
        with backup_crypto.decrypted(Path(chosen), passphrase) as plain:
            _restore_from(window, plain)
    except Exception as error:  # noqa: BLE001 - wrong passphrase: nothing was changed
        show_error(window, error)


def _restore_from(window: MainWindow, chosen: Path) -> None:
    desk = window.desk
    assert desk.ledger.path is not None
    check = backup_restore.inspect_backup(Path(chosen), desk.ledger.path)
    if not check.ok:
        QMessageBox.warning(window, tr("不能恢复"), check.text())
        return
    reason = ""
    if check.rollback:
        reason, ok = QInputDialog.getText(
            window,
            tr("操作日志回退"),
            check.text() + "\n\n" + tr("请写明恢复的理由（记入操作日志）："),
        )
        if not ok or not reason.strip():
            return
    answer = QMessageBox.question(
        window,
        tr("从备份恢复"),
        check.text()
        + tr(
            "\n\n用它替换当前台账？当前台账会先另存到 backups 文件夹。恢复后督办台将关闭，请重新打开。"
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    path = desk.ledger.path
    ledger_watch.stand_down(window)  # the file is about to be replaced on purpose
    desk.ledger.dispose()  # no connection may stay open on the file being replaced
    if desk.lock is not None:
        desk.lock.unlock()  # the restore takes the same lock itself (services/desk_lock.py)
    try:
        result = backup_restore.restore(path, Path(chosen), desk.actor, desk.clock, reason=reason)
    except Exception as error:  # noqa: BLE001 - shown to the clerk; the old ledger is untouched
        if desk.lock is not None:
            desk.lock.tryLock(100)
        show_error(window, error)
        return
    QMessageBox.information(
        window,
        tr("已恢复"),
        tr("台账已恢复。原台账另存为：\n{aside}\n督办台将关闭，请重新打开。").format(
            aside=result.set_aside or tr("（无）")
        ),
    )
    window.close()


# --- the status-bar reminder -------------------------------------------------------------------


def backup_reminder(window: MainWindow) -> ElidedLabel:
    """“n 天未离机备份” in the status bar."""
    label = ElidedLabel(hint=tr("文件 → 备份台账… 可备份到U盘。"))
    label.setObjectName("backupReminder")
    window._backup_reminder = label  # type: ignore[attr-defined]
    refresh_reminder(window)
    return label


def refresh_reminder(window: MainWindow) -> None:
    label: ElidedLabel | None = getattr(window, "_backup_reminder", None)
    if label is None:
        return
    with window.desk.session() as session:
        state = archive.reminder(session)
    if not state.due:
        text = tr("离机备份：{d} 天前").format(d=state.days)
    elif state.days is None:
        text = tr("台账还从未备份或归档到移动介质，请尽快备份到U盘等移动介质。")
    else:
        text = tr("已有 {d} 天没有把台账备份到移动介质，请尽快备份。").format(d=state.days)
    label.setText(text)
    label.setStyleSheet("color: #b00020;" if state.due else "")


def start_of_day(window: MainWindow) -> None:
    """On a real start (desktop/ui/app.py, not in tests): the day's rolling local copy, once the
    window is up, unless one was made today."""
    QTimer.singleShot(2000, window, lambda: _rolling_backup(window))  # cancelled if it closes


def _rolling_backup(window: MainWindow) -> None:
    """In a worker without a dialog: copying a large ledger takes seconds (measured by
    bench/gui_stalls.py: 2–5 s of frozen window at 100,000 tasks when it ran here). A busy
    ledger is waited for (desktop/services/daily_backup.py); a copy that could not be made is
    said in the status bar, not only in the log."""
    desk = window.desk
    if not desk.can(Permission.BACKUP) or desk.ledger.path is None:
        return

    def work(progress: Progress) -> object:
        return daily_backup.make_daily_copy(desk.session, desk.actor, progress)

    def failed(error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        if not is_domain(error):
            logs.log_unexpected(error)
        text = tr("今日自动备份未完成：{reason}").format(reason=message_for(error))
        window.statusBar().showMessage(text)

    run_in_background(window, tr("正在自动备份台账…"), work, failed=failed, quiet=True)
