"""The rotating log file (five files of 1 MB in the user's log folder), for the GUI and the CLI
alike, and the one way an internal error reaches the clerk: a short Chinese line with a
reference that finds its traceback in that log."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

from db.incidents import log_incident

INTERNAL = "内部错误"
_log_path: Path | None = None


def log_path() -> Path:
    return _log_path or Path(user_log_dir("duban", appauthor=False)) / "duban.log"


def setup_logging(folder: Path | None = None) -> Path:
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


def internal_error(logger: logging.Logger, what: str, error: BaseException) -> str:
    """Log ``error`` under a new reference; the Chinese sentence to show in its place."""
    reference = log_incident(logger, what, error)
    return f"处理时出现{INTERNAL}（参考编号 {reference}），详细信息已记入日志：{log_path()}"


def is_internal(message: str) -> bool:
    return f"出现{INTERNAL}（参考编号" in message
