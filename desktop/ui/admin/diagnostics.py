"""帮助 → 导出诊断信息…, and the crash report shown at the start after a crash."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.diagnostics import logs
from desktop.services.diagnostics.bundle import DiagnosticsResult, write_diagnostics
from desktop.services.files import write_atomically
from desktop.ui.admin.about_dialog import about_text
from desktop.ui.calls import Progress
from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def ui_settings_values() -> dict[str, object]:
    """The per-user window settings (page, language, geometry size), never a secret."""
    store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "duban", "desk")
    return {
        key: (f"（{len(v)} 字节）" if isinstance(v, bytes | bytearray) else str(v))
        for key in store.allKeys()
        for v in [store.value(key)]
    }


def export_diagnostics(window: MainWindow) -> None:
    default = tr("督办台诊断信息_{day}.zip").format(day=window.desk.today.isoformat())
    target, _ = QFileDialog.getSaveFileName(
        window, tr("导出诊断信息"), default, tr("ZIP 文件 (*.zip)")
    )
    if not target:
        return
    path = Path(target if target.lower().endswith(".zip") else f"{target}.zip")
    text = about_text(window.desk)
    settings = ui_settings_values()

    def work(_progress: Progress) -> DiagnosticsResult:
        return write_diagnostics(path, window.desk.ledger, text, settings)

    def done(result: DiagnosticsResult) -> None:
        QMessageBox.information(
            window,
            tr("导出诊断信息"),
            tr(
                "已导出诊断信息：\n{path}\n\n其中有程序版本、日志、崩溃记录、自检结果、设置和台账的"
                "大小与完整性检查，不含台账内容和密码。请把这个文件交给技术支持。"
            ).format(path=result.path),
        )

    window.run_task(tr("正在收集诊断信息（含自检，约需十几秒）…"), work, done, refresh=False)


class CrashReportDialog(QDialog):
    """What faulthandler wrote when the program last died, with 复制 and 保存…"""

    def __init__(self, parent: QWidget | None, crashes: list[Path]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("督办台上次意外退出"))
        self.crashes = crashes
        layout = QVBoxLayout(self)
        note = QLabel(
            tr(
                "督办台上次运行时意外退出，以下是当时记录的信息。台账使用事务保存，已保存的内容不受影响。"
                "请复制或保存这些信息交给技术支持（也会收入“帮助 → 导出诊断信息…”）。"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.text = QPlainTextEdit("\n\n".join(_read(p) for p in crashes))
        self.text.setReadOnly(True)
        self.text.setMinimumSize(640, 320)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(tr("复制"))
        copy.clicked.connect(self.copy)
        save = QPushButton(tr("保存…"))
        save.clicked.connect(self.save)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text.toPlainText())

    def save(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, tr("保存崩溃记录"), tr("督办台崩溃记录.txt"), tr("文本文件 (*.txt)")
        )
        if target:
            data = self.text.toPlainText().encode("utf-8")
            write_atomically(Path(target), lambda handle: None if handle.write(data) else None)


def _read(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return f"== {path.name}\n（无法读取：{exc}）"
    if len(text.strip().splitlines()) <= 1:  # only the line written at start: no fault came
        text += (
            tr("（没有错误信息：这次运行是被外部结束的，例如断电、强制结束或关机，不是程序出错。）")
            + "\n"
        )
    return f"== {path.name}\n" + text


def show_last_crash(parent: QWidget | None = None) -> bool:
    """At start: show crash files left by a run that died, once; True if there were any."""
    crashes = logs.unseen_crashes()
    if not crashes:
        return False
    CrashReportDialog(parent, crashes).exec()
    logs.mark_seen(crashes)
    return True
