"""The `duban` command: the GUI by default, and headless verbs over the same services."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from desktop import __version__
from desktop.cli.context import CHAIN_BROKEN, INTERNAL_ERROR, REFUSED, ChainBroken, CliContext
from desktop.services.diagnostics import logs
from desktop.services.errors import DomainError
from desktop.services.ledger_address import LedgerError


def command_modules() -> list[ModuleType]:
    """Each area's verbs, registered explicitly (no lookup by name). Imported when a verb is
    parsed, so that a bare `duban` paints the window's sign-in before their services load."""
    from desktop.cli import (
        accountability_cmds,
        archive_cmds,
        assess_cmds,
        chain_cmds,
        diagnose_cmds,
        excel_cmds,
        gui_cmds,
        item_cmds,
        ledger_cmds,
        notice_cmds,
        pack_cmds,
        search_cmds,
        selftest_cmds,
        status_cmds,
        user_cmds,
    )

    return [
        ledger_cmds,
        status_cmds,
        gui_cmds,
        selftest_cmds,
        notice_cmds,
        chain_cmds,
        item_cmds,
        accountability_cmds,
        excel_cmds,
        archive_cmds,
        assess_cmds,
        search_cmds,
        pack_cmds,
        diagnose_cmds,
        user_cmds,
    ]


# The module that registers each verb (tests/unit/test_cli_verbs.py checks this against what
# command_modules() register): `duban VERB …` loads that module alone to parse, not every area's
# (all of them cost about a second of imports before `duban status` reads a row).
VERB_MODULES = {
    "status": "status_cmds",
    "audit": "ledger_cmds",
    "demo": "ledger_cmds",
    "init": "ledger_cmds",
    "gui": "gui_cmds",
    "screenshot": "gui_cmds",
    "self-test": "selftest_cmds",
    "notice": "notice_cmds",
    "chain": "chain_cmds",
    "item": "item_cmds",
    "accountability": "accountability_cmds",
    "excel": "excel_cmds",
    "archive": "archive_cmds",
    "backup": "archive_cmds",
    "restore": "archive_cmds",
    "assess": "assess_cmds",
    "search": "search_cmds",
    "pack": "pack_cmds",
    "diagnose": "diagnose_cmds",
    "user": "user_cmds",
}


def build_parser(verb: str | None = None) -> argparse.ArgumentParser:
    """Every verb; or, for a known ``verb``, only its own module's (the same subcommand)."""
    parser = argparse.ArgumentParser(
        prog="duban",
        description="督办台：平安建设领导小组办公室的任务督办台账。不带命令时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"督办台 {__version__}")
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="命令")
    if verb in VERB_MODULES:
        modules = [importlib.import_module(f"desktop.cli.{VERB_MODULES[verb]}")]
    else:
        modules = command_modules()
    for module in modules:
        module.register(commands)
    return parser


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="PATH|URL",
        help="台账文件路径或 PostgreSQL 地址（默认：用户数据目录下的 ledger.sqlite3）",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="以该用户身份操作（密码取自环境变量 DUBAN_PASSWORD 或提示输入）",
    )
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="按指定日期计算序时进度和亮灯")


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """A bare `duban [--database …]` is the window: parsed by the global options alone (no verb
    module loaded); anything more (a verb, --help, --version) by the whole parser."""
    bare = argparse.ArgumentParser(prog="duban", add_help=False)
    _global_options(bare)
    args, rest = bare.parse_known_args(argv)
    if rest:
        verb = rest[0] if not rest[0].startswith("-") else None
        return build_parser(verb).parse_args(argv)
    args.command = None
    return args


# How the system ends a program on Linux (shutdown, logout, `kill`, a timeout); the window
# handles the same ones its own way (desktop/ui/stop_signals.py).
ENDING_SIGNALS = ("SIGTERM", "SIGHUP")


def unwind_on_terminate() -> None:
    """SIGTERM or SIGHUP (shutdown, logout, `kill`, a scheduler's timeout) during a command:
    raise SystemExit there, so that it unwinds as on an error (the transaction rolled back, an
    unfinished export's folder removed, the run's empty crash file deleted) instead of dying in
    the middle and leaving a crash record for the next start. The window replaces this with its
    own (desktop/ui/stop_signals.py: Qt's loops must exit, typed work be kept)."""
    import signal
    import threading

    if sys.platform == "win32" or threading.current_thread() is not threading.main_thread():
        return  # (signals are only for the main thread: a test may call main() from another)

    def ended(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for name in ENDING_SIGNALS:
        signal.signal(getattr(signal, name), ended)


def main(argv: Sequence[str] | None = None) -> int:
    # The log from the first line, so that what goes wrong while starting is kept too.
    logs.setup_logging(crash_file=not os.environ.get("DUBAN_NO_CRASH_FILE"))
    unwind_on_terminate()
    args = parse(argv)
    context = CliContext.from_args(args)
    handler = getattr(args, "handler", None)
    banner = [f"命令 {args.command or 'gui'}", logs.ledger_kind(args.database)]
    if handler is None:
        from desktop.cli import gui_cmds

        handler = gui_cmds.run_gui
        context.banner = banner  # logged by the window once its sign-in is painted (issue 11)
    else:
        logs.log_banner(banner)
    try:
        return int(handler(context, args) or 0)
    except ChainBroken as error:
        print(f"错误：{error}", file=sys.stderr)
        return CHAIN_BROKEN
    except (DomainError, LedgerError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return REFUSED
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return REFUSED
    except EOFError:  # a password prompt with no terminal behind it (a script, a pipe)
        print(
            "错误：需要输入密码或口令，但没有可读的终端，未作任何改动。请在终端中运行，或设置"
            "环境变量 DUBAN_PASSWORD（登录）、DUBAN_NEW_PASSWORD（新密码）、"
            "DUBAN_BACKUP_PASSPHRASE（备份与传递副本口令）。",
            file=sys.stderr,
        )
        return REFUSED
    except Exception as error:  # never a traceback: a reference into the log instead
        where = f"duban {args.command or 'gui'}"
        print(logs.internal_error(logging.getLogger("duban.cli"), where, error), file=sys.stderr)
        return INTERNAL_ERROR
    finally:
        context.close()
