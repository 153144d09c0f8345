"""`duban self-test`: check that this copy of the program (source or installed) really works."""

from __future__ import annotations

import argparse

from desktop.cli.context import CliContext


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "self-test", help="自检：逐项检查本机上的程序能否正常工作（不改动台账）"
    )
    p.add_argument("--quick", action="store_true", help="只查模块、Qt 插件和翻译（测启动时间用）")
    p.add_argument("--verbose", action="store_true", help="失败时打印详细的出错位置")
    p.set_defaults(handler=cmd_self_test)


def cmd_self_test(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop import selftest  # Qt and everything else load only when asked for

    failures = selftest.run_checks(quick=args.quick, verbose=args.verbose)
    print("自检通过。" if not failures else f"自检发现 {failures} 项问题。")
    return 1 if failures else 0
