"""How failures reach the clerk: domain errors as Chinese messages, the rest logged and apologised for."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.errors import DomainError
from desktop.services.ledger import LedgerError
from desktop.services.logfile import log_path, setup_logging
from desktop.ui.i18n import tr

log = logging.getLogger("duban.ui")
__all__ = ["log_path", "message_for", "setup_logging", "show_error"]


def message_for(error: BaseException) -> str:
    """The text to show: the domain's own Chinese message, or an apology naming the log."""
    if isinstance(error, DomainError | LedgerError):
        return str(error)
    return tr(
        "抱歉，程序出现了意外错误，本次操作未完成，台账未受影响。\n详细信息已记入日志：{path}"
    ).format(path=log_path())


def show_error(parent: QWidget | None, error: BaseException) -> None:
    if not isinstance(error, DomainError | LedgerError):
        log.error("意外错误", exc_info=(type(error), error, error.__traceback__))
        QMessageBox.critical(parent, tr("督办台"), message_for(error))
        return
    QMessageBox.warning(parent, tr("督办台"), message_for(error))


def install_excepthook() -> None:
    """An exception escaping a slot must not kill a day's work silently: log it and apologise."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("未处理的异常：%s", "".join(traceback.format_exception(kind, error, tb)))
        show_error(None, error)

    sys.excepthook = hook
