"""`duban diagnose --out FILE.zip`: the same diagnostics zip as 帮助 → 导出诊断信息…"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.context import CliContext
from desktop.services.about import about
from desktop.services.diagnostics import logs
from desktop.services.diagnostics.bundle import write_diagnostics
from desktop.services.ledger import LedgerError


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "diagnose",
        help="导出诊断信息（日志、崩溃记录、自检结果、设置、台账大小与完整性检查；不含台账内容和密码）",
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE.zip")
    p.add_argument("--no-self-test", action="store_true", help="不运行自检（更快）")
    p.set_defaults(handler=cmd_diagnose)


def cmd_diagnose(ctx: CliContext, args: argparse.Namespace) -> int:
    try:
        ledger = ctx.ledger
    except LedgerError as error:  # a ledger that will not open is exactly when IT needs this
        print(f"台账无法打开（{error}），诊断信息中不含台账部分。")
        ledger = None
    info = about(ledger)
    text = "\n".join([*info.lines(), *logs.banner_lines()[1:]])  # Python, OS, PySide6 (Qt)
    result = write_diagnostics(
        args.out,
        ledger,
        text,
        self_test="（未运行：--no-self-test）" if args.no_self_test else None,
    )
    print(f"已导出诊断信息：{result.path}（{len(result.names)} 个文件）")
    return 0
