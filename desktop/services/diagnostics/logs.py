"""The log file from the program's first line, the start-up banner, crash files, and a reference
number for every unexpected error (so a clerk's screenshot and IT's log meet)."""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import platform
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from platformdirs import user_data_dir

from db.incidents import log_incident
from db.private import private_dir
from desktop.services.diagnostics.log_file import PrivateRotatingLog

log = logging.getLogger("duban")
LOG_NAME = "duban.log"
CRASH_PREFIX = "crash-"
SEEN = ".seen"
_state: dict[str, object] = {}


def log_folder() -> Path:
    """logs/ in the per-user data folder, beside the ledger (DUBAN_LOG_DIR overrides it)."""
    override = os.environ.get("DUBAN_LOG_DIR")
    return Path(override) if override else Path(user_data_dir("duban", appauthor=False)) / "logs"


def log_path() -> Path:
    current = _state.get("path")
    return current if isinstance(current, Path) else log_folder() / LOG_NAME


# Libraries that log at INFO what only their developers read: fontTools lists every glyph id of
# each subset (an OFD's fonts wrote ~1 MB of the 5 MB log within an hour of notices).
QUIET_LIBRARIES = ("fontTools",)


def setup_logging(folder: Path | None = None, crash_file: bool = True) -> Path:
    """A rotating log (five files of 1 MB) and a crash file for native faults; once per process
    and folder. Called first thing by `duban` (GUI and command line alike)."""
    own_data = folder is None and not os.environ.get("DUBAN_LOG_DIR")
    folder = Path(folder) if folder is not None else log_folder()
    target = folder / LOG_NAME
    if _state.get("path") == target:
        return target
    root = logging.getLogger()
    old = _state.get("handler")
    if isinstance(old, logging.Handler):
        root.removeHandler(old)
        old.close()
    try:
        if own_data:  # the desk's data folder (default ledger, logs, autosave): 0700 too
            private_dir(folder.parent)
        private_dir(folder)  # the log names users and records: 0700, its files 0600
        handler: logging.Handler = PrivateRotatingLog(target, max_bytes=1_000_000, backups=5)
    except OSError as exc:  # a read-only profile must not stop the program
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        print(f"日志文件无法写入（{target}：{exc}），改为输出到终端。", file=sys.stderr)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for chatty in QUIET_LIBRARIES:  # their INFO is per glyph or per statement: it rotated the log
        logging.getLogger(chatty).setLevel(logging.WARNING)
    _state.update(path=target, handler=handler)
    if crash_file:
        enable_crash_file(folder)
    return target


def enable_crash_file(folder: Path) -> Path | None:
    """faulthandler writes a native crash's Python stacks into crash-<time>-<pid>.txt; a run
    that ends normally removes its empty file, so any file left describes a crash."""
    if _state.get("crash_file") is not None:
        return None
    path = folder / f"{CRASH_PREFIX}{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    try:
        # 0600 like the log beside it (a crash's stacks name files and functions of the desk)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        handle = os.fdopen(fd, "w", encoding="utf-8")  # open for the process's life
    except OSError:
        return None
    handle.write(
        f"督办台 崩溃记录（进程 {os.getpid()}，启动于 {datetime.now():%Y-%m-%d %H:%M:%S}）\n"
    )
    handle.flush()
    faulthandler.enable(handle, all_threads=True)
    _state["crash_file"] = (path, handle)
    import atexit

    atexit.register(_forget_crash_file)
    return path


def _forget_crash_file() -> None:
    entry = _state.pop("crash_file", None)
    if not isinstance(entry, tuple):
        return
    path, handle = entry
    with contextlib.suppress(Exception):
        faulthandler.disable()
    with contextlib.suppress(OSError):
        handle.close()
        path.unlink()  # nothing crashed: only the header line was written


def crash_files(folder: Path | None = None, include_seen: bool = True) -> list[Path]:
    """Crash files left by earlier runs (this run's own file is never one of them)."""
    folder = folder or log_path().parent
    own = _state.get("crash_file")
    mine = own[0] if isinstance(own, tuple) else None
    found = [
        p
        for p in sorted(folder.glob(f"{CRASH_PREFIX}*.txt"))
        if p != mine and (include_seen or SEEN not in p.name)
    ]
    return found


def unseen_crashes(folder: Path | None = None) -> list[Path]:
    return crash_files(folder, include_seen=False)


def mark_seen(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.rename(path.with_name(path.stem + SEEN + path.suffix))


def log_unexpected(error: BaseException, where: str = "") -> str:
    """Log an unexpected error with its traceback under a new reference (db/incidents.py, the
    one format for the whole program); return the reference shown to the clerk."""
    return log_incident(log, where or "意外错误", error)


INTERNAL = "内部错误"


def internal_error(logger: logging.Logger, where: str, error: BaseException) -> str:
    """Log ``error`` under a new reference; the Chinese sentence to show or print in its place."""
    reference = log_incident(logger, where, error)
    return f"处理时出现{INTERNAL}（参考编号 {reference}），详细信息已记入日志：{log_path()}"


def is_internal(message: str) -> bool:
    return f"出现{INTERNAL}（参考编号" in message


def banner_lines(extra: Iterable[str] = ()) -> list[str]:
    """What the start-up line says: program, schema this program knows, Python, OS, and what
    the caller adds (Qt and fonts from the GUI, the ledger's kind)."""
    from db.revisions import head_revision  # not db.migrate: a cold verb loads no SQLAlchemy
    from desktop import __version__

    program = _version("duban", __version__)  # as about.program_version
    lines = [
        f"督办台 {program}（{'安装包' if getattr(sys, 'frozen', False) else '源代码'}）"
        f"，数据结构 {head_revision()}",
        f"Python {platform.python_version()}（{platform.python_implementation()}）",
        f"系统 {system_text()}，{platform.machine()}",
        f"PySide6 {_version('PySide6')}，SQLAlchemy {_version('SQLAlchemy')}"
        f"，reportlab {_version('reportlab')}",
        *extra,
    ]
    return lines


def system_text() -> str:
    """platform.platform() as it reads on Linux, without the `uname -p` child process it starts
    for the processor (a fork and exec on every cold command; issue 11): Linux's uname says
    "unknown" there (Debian, Kylin, UOS) or repeats the machine (RHEL), and platform.platform()
    leaves out both. Elsewhere platform.platform() itself."""
    if not sys.platform.startswith("linux"):
        return platform.platform()
    uname = platform.uname()  # its processor is computed only when read
    libc, version = platform.libc_ver()
    parts = (uname.system, uname.release, uname.machine, "with", libc + version)
    return "-".join(part.strip() for part in parts if part)


def _version(package: str, missing: str = "（未安装）") -> str:
    from desktop.services.diagnostics.versions import version

    return version(package, missing)


def log_banner(extra: Iterable[str] = ()) -> None:
    log.info("===== 启动：%s", "；".join(banner_lines(extra)))


def ledger_kind(database: str | None) -> str:
    """SQLite file or PostgreSQL server, from --database (never the password)."""
    if database and "://" in database:
        from sqlalchemy.engine import make_url

        url = make_url(database)
        return f"共享台账 {url.get_backend_name()}：{url.render_as_string(hide_password=True)}"
    from desktop.services.ledger_address import default_database

    return f"本机台账 SQLite：{database or default_database()}"
