"""How failures reach the clerk: domain errors as their Chinese message; anything else logged
with its traceback and shown as an error with a reference number that IT finds in the log."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.diagnostics import logs
from desktop.services.errors import DomainError
from desktop.services.ledger_address import LedgerError
from desktop.ui.i18n import tr
from desktop.ui.messages import translated

log = logging.getLogger("duban.ui")
qt_log = logging.getLogger("qt")


def log_path() -> Path:
    return logs.log_path()


def is_domain(error: BaseException) -> bool:
    return isinstance(error, DomainError | LedgerError)


def message_for(error: BaseException, ref: str = "") -> str:
    """The text to show: the domain's own message, or an apology with the reference number."""
    if is_domain(error):
        return translated(str(error))
    return tr(
        "抱歉，程序出现了内部错误，本次操作未完成。\n参考编号：{ref}\n"
        "请把参考编号告诉技术支持（帮助 → 导出诊断信息… 可导出日志）。\n日志：{path}"
    ).format(ref=ref or "—", path=log_path())


def show_error(parent: QWidget | None, error: BaseException) -> str:
    """Show ``error``; an unexpected one is logged with its traceback first. Returns the
    reference number ("" for a domain error)."""
    if is_domain(error):
        QMessageBox.warning(parent, tr("督办台"), message_for(error))
        return ""
    ref = logs.log_unexpected(error)
    QMessageBox.critical(parent, tr("督办台"), message_for(error, ref))
    return ref


def install_excepthook() -> None:
    """An exception escaping a slot must not kill a day's work silently: log it and say so."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        show_error(None, error)

    sys.excepthook = hook


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f"（{context.category}）" if context.category and context.category != "default" else ""
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def install_qt_message_handler() -> None:
    """Qt's own warnings (fonts, plugins, printing) go into the log, not only to a console the
    windowed program does not have."""
    qInstallMessageHandler(_qt_message)
