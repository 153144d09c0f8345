"""`duban status`: lamp counts per key project and lead unit, the red tasks and their reasons,
督办事项 falling due and 延期 waiting for a leader. A ledger that needs nothing done to it is
read without SQLAlchemy (services.quick_status); any other through the services (issue 11)."""

from __future__ import annotations

import argparse
from datetime import date

from desktop.cli import table
from desktop.cli.context import CliContext
from desktop.services import quick_status
from desktop.services.enums import LampColor
from desktop.services.status_values import DueReminder, LampOverview, PendingApproval, RollUp

LAMP_MARK = {LampColor.GREEN: "绿", LampColor.YELLOW: "黄", LampColor.RED: "红"}


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("status", help="按重点工程和牵头单位列出亮灯情况及红灯原因")
    p.add_argument(
        "--forecast", action="store_true", help="另列下期可能亮红灯的任务及理由（按近期趋势推算）"
    )
    p.set_defaults(handler=cmd_status)


def cmd_status(ctx: CliContext, args: argparse.Namespace) -> int:
    today = ctx.clock.today()
    quick = _quick(ctx, today) if not getattr(args, "forecast", False) else None
    if quick is not None:
        found, due, waiting = quick.overview, quick.due, quick.waiting
    else:
        from desktop.services import overview
        from desktop.services.supervision import reminders

        with ctx.ledger.session() as session:
            found = overview.lamp_overview(session, today)
        with ctx.ledger.session() as session:
            due = reminders.due_reminders(session, today)
            waiting = reminders.pending_approvals(session)
    print("\n".join(status_lines(found, due, waiting, today)))
    if getattr(args, "forecast", False):
        print_forecast(ctx, today)
    return 0


def _quick(ctx: CliContext, today: date) -> quick_status.StatusReport | None:
    """The quick read, for a local file read by the shell's user (--user signs in: services)."""
    path = None if ctx.username else ctx.local_file()
    if path is None:
        return None
    return quick_status.read(path, today, real_refused=ctx.today_given)


def status_lines(
    found: LampOverview, due: list[DueReminder], waiting: list[PendingApproval], today: date
) -> list[str]:
    lines = [
        f"督办台亮灯情况（截至 {today.year}年{today.month}月{today.day}日，共 {found.total} 项任务）\n",
        _rollup_table("重点工程", found.projects, with_code=True),
        "",
        _rollup_table("牵头单位", found.units, with_code=False),
        f"\n红灯任务 {len(found.reds)} 项：",
    ]
    lines += [f"  {r.code} {r.title}（{r.lead_unit}）：{r.reason_text}" for r in found.reds]
    lines += [f"\n即将到期的督办事项 {len(due)} 项："] if due else []
    lines += [f"  {d.text}，提醒：科员" + (f"、{d.leader}" if d.leader else "") for d in due]
    if waiting:
        lines.append(f"\n待领导审批的延期申请 {len(waiting)} 件：")
    lines += [f"  申请 {w.extension_id}（督办事项 #{w.item_id}，{w.unit}）：{w.old_due:%Y-%m-%d} 延至 "
              f"{w.new_due:%Y-%m-%d}，{w.reason}" for w in waiting]  # fmt: skip
    return lines


def print_forecast(ctx: CliContext, today: date) -> None:
    from desktop.services.lamps.forecast import forecast

    with ctx.ledger.session() as session:
        found = forecast(session, today)
    print(f"\n下期可能亮红灯 {len(found)} 项（如按目前趋势发展）：")
    for f in found:
        print(f"  {f.code} {f.title}（{f.unit}，现为{f.color_now.label}灯）：{f.reason_text}")


def _rollup_table(title: str, rollups: list[RollUp], with_code: bool) -> str:
    headers = (["编号"] if with_code else []) + [title, "任务", "绿", "黄", "红", "亮灯"]
    body = []
    for r in rollups:
        cells = ([r.code] if with_code else []) + [
            r.name,
            str(r.tasks),
            str(r.counts[LampColor.GREEN]),
            str(r.counts[LampColor.YELLOW]),
            str(r.counts[LampColor.RED]),
            LAMP_MARK[r.lamp],
        ]
        body.append(cells)
    first_num = 2 if with_code else 1
    return table.render(headers, body, right=set(range(first_num, first_num + 4)))
