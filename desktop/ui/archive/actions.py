"""The archive packages in the 文件 menu: export, verify, browse, import, the encrypted copies
for transport (listed in desktop/ui/pages.py; the backups' actions are in backups.py); the work
runs off the GUI thread (desktop/ui/calls.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from desktop.services import archive, backup_crypto, settings
from desktop.services.archive.fsio import human_size
from desktop.services.auth import Permission
from desktop.ui.actions import ActionSpec
from desktop.ui.archive.backups import backup_ledger, refresh_reminder, restore_ledger
from desktop.ui.archive.ciphers import CIPHER_LABELS
from desktop.ui.calls import Job, Progress
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
