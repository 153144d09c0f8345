"""File-menu actions and the status-bar reminder for archives and backups (listed in
desktop/ui/pages.py); the work runs off the GUI thread (desktop/ui/calls.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from desktop.services import archive, backup, backup_crypto, backup_restore, daily_backup, settings
from desktop.services.archive.fsio import human_size
from desktop.services.auth import Permission
from desktop.services.diagnostics import logs
from desktop.ui import ledger_watch
from desktop.ui.actions import ActionSpec
from desktop.ui.archive.ciphers import CIPHER_LABELS
from desktop.ui.calls import Cancelled, Job, Progress, run_in_background
from desktop.ui.errors import is_domain, message_for, show_error
from desktop.ui.i18n import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

# The dialogs (and the PDF viewer the browser embeds) are imported when a menu item is used:
# these actions are listed in the 文件 menu of every start.


def export_archive(window: MainWindow) -> Job | None:
    from desktop.ui.archive.destination import DestinationDialog

    desk = window.desk

    def needed(span: archive.Span | None) -> int:
        with desk.session() as session:
            return archive.estimate_size(session, span or desk.today.year)

    dialog = DestinationDialog(window, tr("导出归档包"), needed, desk.today.year, offer_zip=True)
    if not dialog.exec() or dialog.destination is None:
        return None
    span, target = dialog.span(), dialog.destination
    if span is None:
        return None
    as_zip, offsite = dialog.as_zip.isChecked(), dialog.offsite.isChecked()

    def work(progress: Progress) -> archive.ExportResult:
        with desk.session() as session:
            return archive.export_year(
                session,
                desk.actor,
                span,
                target,
                as_zip=as_zip,
                leaves_pc=offsite,
                progress=progress,
            )

    def done(result: archive.ExportResult) -> None:
        QMessageBox.information(
            window,
            tr("归档包已导出"),
            tr(
                "已导出并回读校验通过：\n{path}\n{items} 件，{pages} 页，{size}，用时 {sec:.1f} 秒。\n\n"
                "拔出U盘前，请先在系统中“安全弹出”。"
            ).format(
                path=result.path,
                items=result.items,
                pages=result.pages,
                size=human_size(result.size),
                sec=result.seconds,
            )
            + ("\n\n" + result.warning if result.warning else ""),
        )
        refresh_reminder(window)

    label = tr("正在导出（{span}）归档包…").format(span=span.label())
    return window.run_task(label, work, done, refresh=False)


def _ask_package(window: QWidget, sealed_too: bool = False) -> Path | None:
    """A package folder or ZIP; with ``sealed_too`` an encrypted transport copy may be picked."""
    box = QMessageBox(window)
    box.setWindowTitle(tr("选择归档包"))
    box.setText(
        tr("归档包是文件夹还是 ZIP 文件（或加密传递副本）？")
        if sealed_too
        else tr("归档包是文件夹还是 ZIP 文件？")
    )
    folder = box.addButton(tr("文件夹…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("ZIP 文件…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is folder:
        chosen = QFileDialog.getExistingDirectory(window, tr("选择归档包文件夹"))
    elif box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole:
        kinds = (
            tr("归档包或加密传递副本 (*.zip *.zip.enc)") if sealed_too else tr("ZIP 文件 (*.zip)")
        )
        chosen, _ = QFileDialog.getOpenFileName(window, tr("选择归档包"), "", kinds)
    else:
        return None
    return Path(chosen) if chosen else None


def _ask_copy_passphrase(window: QWidget, sealed: Path) -> str | None:
    found = backup_crypto.sealed_with(sealed)
    passphrase, ok = QInputDialog.getText(
        window,
        tr("加密传递副本"),
        tr("“{name}”是加密传递副本（{cipher}），请输入口令：").format(
            name=sealed.name,
            cipher=tr(CIPHER_LABELS[found.cipher]) if found else tr("算法未知"),
        ),
        QLineEdit.EchoMode.Password,
    )
    return passphrase if ok else None


def verify_archive(window: MainWindow, path: Path | None = None) -> None:
    from desktop.services.archive import transport
    from desktop.ui.archive.browser import ReportDialog

    path = path or _ask_package(window, sealed_too=True)
    if path is None:
        return
    desk = window.desk
    passphrase = None
    if transport.is_transport_copy(path):  # checked as the package it holds, decrypted
        passphrase = _ask_copy_passphrase(window, path)
        if passphrase is None:
            return

    def work(_progress: Progress) -> archive.VerifyReport:
        with desk.session() as session:  # an unsigned package claiming this ledger: its log
            history = archive.history(session)
        if passphrase is not None:
            return transport.verify_copy(path, passphrase, ledger=history)
        return archive.verify_package(path, ledger=history)

    window.run_task(
        tr("正在校验归档包…"),
        work,
        lambda report: None if ReportDialog(window, report).exec() else None,
        refresh=False,
    )


def browse_archive(window: MainWindow, path: Path | None = None) -> None:
    from desktop.ui.archive.browser import PackageBrowser

    path = path or _ask_package(window)
    if path is None:
        return

    desk = window.desk

    def view(_progress: Progress) -> archive.PackageView:
        with desk.session() as session:
            return archive.open_view(path, archive.history(session))

    def done(found: archive.PackageView) -> None:
        PackageBrowser(window, found).exec()

    def failed(error: BaseException) -> None:
        pass  # show_error already told the clerk why the package was refused

    window.run_task(
        tr("正在校验并打开归档包…"),
        view,
        done,
        refresh=False,
        failed=failed,
    )


def import_archive(window: MainWindow, path: Path | None = None) -> Job | None:
    """Verify and compare first (off the GUI thread), show the plan, then copy read-only."""
    from desktop.ui.archive.browser import ImportPlanDialog

    desk = window.desk
    path = path or _ask_package(window)
    if path is None:
        return None
    if desk.ledger.path is not None:
        folder = archive.default_folder(desk.ledger.path)
    else:
        chosen = QFileDialog.getExistingDirectory(window, tr("选择存放导入归档包的文件夹"))
        if not chosen:
            return None
        folder = Path(chosen)

    def plan(_progress: Progress) -> archive.ImportPlan:
        with desk.session() as session:
            return archive.plan_import(session, path, folder)

    def confirm(found: archive.ImportPlan) -> None:
        if ImportPlanDialog(window, found).exec() and not found.refusal:
            _run_import(window, path, folder)

    return window.run_task(tr("正在校验并比对归档包…"), plan, confirm, refresh=False)


def _run_import(window: MainWindow, path: Path, folder: Path) -> Job:
    from desktop.services.archive.importer import NEW

    desk = window.desk

    def work(progress: Progress) -> archive.ImportResult:
        with desk.session() as session:
            return archive.import_package(session, desk.actor, path, folder, progress=progress)

    def done(result: archive.ImportResult) -> None:
        QMessageBox.information(
            window,
            tr("归档包已导入"),
            tr("已只读存放并回读校验通过：\n{path}\n新增 {n} 件，{size}。").format(
                path=result.path,
                n=result.plan.count(NEW),
                size=human_size(result.size),
            ),
        )

    return window.run_task(tr("正在导入归档包…"), work, done, refresh=False)


def encrypt_copy(window: MainWindow, path: Path | None = None) -> Job | None:
    """One encrypted file of a package, for carrying it on a stick (archive/transport.py)."""
    from desktop.services.archive import transport
    from desktop.ui.archive.destination import DestinationDialog

    desk = window.desk
    path = path or _ask_package(window)
    if path is None:
        return None
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0
    size = size or (path.stat().st_size if path.is_file() else 0)
    with desk.session() as session:
        cipher = settings.office(session).backup_cipher
    dialog = DestinationDialog(
        window, tr("写加密传递副本"), lambda _y: size, cipher=cipher, require_encrypt=True
    )
    if not dialog.exec() or dialog.destination is None or dialog.chosen_passphrase is None:
        return None
    target, passphrase, chosen = dialog.destination, dialog.chosen_passphrase, dialog.chosen_cipher

    def work(_progress: Progress) -> transport.TransportResult:
        with desk.session() as session:
            return transport.seal_copy(session, desk.actor, path, target, passphrase, cipher=chosen)

    def done(result: transport.TransportResult) -> None:
        QMessageBox.information(
            window,
            tr("传递副本已写出"),
            tr(
                "已写出加密传递副本并回读一致：\n{path}\n{size}，{cipher}\n\n"
                "归档包本身未加密。接收方在“文件 → 解密传递副本…”中用同一口令解密回归档包。"
            ).format(
                path=result.path,
                size=human_size(result.size),
                cipher=tr(CIPHER_LABELS[result.cipher]),
            )
            + ("\n\n" + result.warning if result.warning else ""),
        )

    return window.run_task(tr("正在写加密传递副本…"), work, done, refresh=False)


def decrypt_copy(window: MainWindow, path: Path | None = None) -> Job | None:
    """The receiving desk: a transport copy back to its package (a ZIP), checked first."""
    from desktop.services.archive import transport
    from desktop.ui.archive.browser import ReportDialog

    desk = window.desk
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window, tr("选择加密传递副本"), "", tr("加密传递副本 (*.zip.enc *.enc)")
        )
        if not chosen:
            return None
        path = Path(chosen)
    passphrase = _ask_copy_passphrase(window, path)
    if passphrase is None:
        return None
    folder = QFileDialog.getExistingDirectory(window, tr("解密后的归档包存放到"))
    if not folder:
        return None
    target = Path(folder)

    def work(_progress: Progress) -> transport.OpenResult:
        with desk.session() as session:
            return transport.open_copy(session, desk.actor, path, target, passphrase)

    def done(result: transport.OpenResult) -> None:
        QMessageBox.information(
            window,
            tr("已解密为归档包"),
            tr("传递副本已解密、校验并写出为归档包：\n{path}").format(path=result.path),
        )
        ReportDialog(window, result.report).exec()

    return window.run_task(tr("正在解密传递副本…"), work, done, refresh=False)


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


def backup_reminder(window: MainWindow) -> QLabel:
    """“n 天未离机备份” in the status bar."""
    label = QLabel()
    label.setObjectName("backupReminder")
    window._backup_reminder = label  # type: ignore[attr-defined]
    refresh_reminder(window)
    return label


def refresh_reminder(window: MainWindow) -> None:
    label: QLabel | None = getattr(window, "_backup_reminder", None)
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
    label.setToolTip(tr("文件 → 备份台账… 可备份到U盘。"))


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


FILE_ACTIONS = [
    ActionSpec(QT_TR_NOOP("导出归档包（年度或时间段）…"), export_archive, Permission.BACKUP),
    ActionSpec(QT_TR_NOOP("校验归档包…"), verify_archive),
    ActionSpec(QT_TR_NOOP("浏览归档包…"), browse_archive),
    ActionSpec(QT_TR_NOOP("导入别处的归档包…"), import_archive, Permission.EDIT_LEDGER),
    ActionSpec(QT_TR_NOOP("写加密传递副本…"), encrypt_copy, Permission.BACKUP),
    ActionSpec(QT_TR_NOOP("解密传递副本…"), decrypt_copy, Permission.BACKUP),
    ActionSpec(QT_TR_NOOP("备份台账…"), backup_ledger, Permission.BACKUP),
    ActionSpec(QT_TR_NOOP("从备份恢复台账…"), restore_ledger, Permission.MANAGE),
]
