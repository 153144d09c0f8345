"""Escalation-chain verbs: what the desk proposes next, and where each interview stands."""

from __future__ import annotations

import argparse

from desktop.cli import table
from desktop.cli.context import CliContext


def register(commands: argparse._SubParsersAction) -> None:

    p = commands.add_parser("chain", help="督办链条：系统建议的下一步、督办事项和约谈进展")
    p.add_argument(
        "what",
        nargs="?",
        default="proposals",
        choices=["proposals", "items", "interviews"],
        help="proposals 建议（默认），items 督办事项，interviews 约谈",
    )
    p.set_defaults(handler=cmd_chain)


def cmd_chain(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services import supervision
    from desktop.services.escalation import proposals as escalation
    from desktop.services.interviews import lifecycle as interviews

    today = ctx.clock.today()
    with ctx.ledger.session() as session:
        if args.what == "proposals":
            rows = [
                [p.code, p.title, p.unit, p.lamp.label, p.step_label, p.reason]
                for p in escalation.proposals(session, today)
            ]
            print(f"督办建议 {len(rows)} 条（{today:%Y-%m-%d}）：")
            print(table.render(["任务", "名称", "牵头单位", "灯", "建议", "理由"], rows))
        elif args.what == "items":
            items = [
                [
                    str(i.id),
                    i.kind.label,
                    i.unit,
                    "、".join(i.task_codes) or "—",
                    f"{i.raised_on:%Y-%m-%d}",
                    f"{i.reply_due:%Y-%m-%d}",
                    i.state,
                ]
                for i in supervision.list_items(session, today)
            ]
            print(table.render(["编号", "类别", "单位", "任务", "发起", "回复期限", "状态"], items))
        else:
            found = [
                [str(i.id), i.unit, "、".join(i.task_codes), i.status.label, i.next_step]
                for i in interviews.list_interviews(session, today)
            ]
            print(table.render(["编号", "被约谈单位", "任务", "状态", "下一步"], found))
    return 0
