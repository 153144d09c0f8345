"""How failures reach the clerk: domain errors as Chinese messages, the rest logged and apologised for."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.errors import DomainError
from desktop.services.ledger import LedgerError
from desktop.ui.i18n import tr

log = logging.getLogger("duban.ui")
_log_path: Path | None = None


def log_path() -> Path:
    return _log_path or Path(user_log_dir("duban", appauthor=False)) / "duban.log"


def setup_logging(folder: Path | None = None) -> Path:
    """A rotating log file in the user's data folder (five files of 1 MB)."""
    global _log_path
    target = (folder or Path(user_log_dir("duban", appauthor=False))) / "duban.log"
    if _log_path == target:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _log_path = target
    return target


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
