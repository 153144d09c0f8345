"""`duban pack --period YYYY-MM --out FILE.pdf`: the 领导小组 meeting pack as one PDF."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from desktop.cli.context import CliContext
from desktop.services.periods import Period


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "pack",
        help="会议材料：封面、目录、需研究决定的事项、图表、红灯与预警、督办未结事项、考核、通报",
    )
    p.add_argument("--period", required=True, metavar="YYYY-MM", help="通报期次")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    p.set_defaults(handler=cmd_pack)


def cmd_pack(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services import meeting_pack
    from desktop.services.notices import render as notice_render

    period = Period.parse(args.period)
    started = time.perf_counter()
    with ctx.ledger.session() as session:
        pdf = meeting_pack.render(session, period, ctx.clock.today())
    target = notice_render.save_pdf(pdf, Path(args.out))
    took = time.perf_counter() - started
    print(f"会议材料已生成：{target}（{len(pdf) // 1024} KB，用时 {took:.1f} 秒）")
    return 0
