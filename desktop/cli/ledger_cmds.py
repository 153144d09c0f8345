"""Ledger verbs: init, demo, status, audit."""

from __future__ import annotations

import argparse
import getpass
import os
from datetime import date, datetime
from pathlib import Path

from desktop.cli import table, user_cmds
from desktop.cli.context import CliContext
from desktop.services import audit, audit_anchor, audit_verify, first_run, overview, passwords
from desktop.services.auth import Permission, system_actor
from desktop.services.enums import LampColor
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.ledger import backup_sqlite, is_empty

LAMP_MARK = {LampColor.GREEN: "绿", LampColor.YELLOW: "黄", LampColor.RED: "红"}


def register(commands: argparse._SubParsersAction) -> None:

    p = commands.add_parser(
        "init", help="新建空台账并设置系统管理员账号（密码取自 DUBAN_PASSWORD）"
    )
    p.add_argument("--admin", default="admin", help="系统管理员用户名（默认 admin）")
    p.add_argument("--name", default="系统管理员", help="系统管理员姓名")
    p.set_defaults(handler=cmd_init)

    p = commands.add_parser("demo", help="生成演示台账（江城市十大重点工程）")
    p.add_argument("--replace", action="store_true", help="台账已有数据时，先备份再替换为演示台账")
    p.set_defaults(handler=cmd_demo)

    p = commands.add_parser("status", help="按重点工程和牵头单位列出亮灯情况及红灯原因")
    p.add_argument(
        "--forecast", action="store_true", help="另列下期可能亮红灯的任务及理由（按近期趋势推算）"
    )
    p.set_defaults(handler=cmd_status)

    p = commands.add_parser("audit", help="校验操作日志的防篡改链并列出最近的操作")
    p.add_argument("--last", type=int, default=10, help="列出最近多少条（默认 10）")
    p.add_argument(
        "--against",
        metavar="FILE",
        help="与备份（同名 .audit-head.json）或归档包（audit-head.json）记载的链头对照",
    )
    p.add_argument("--export-key", metavar="FILE", help="导出本机的操作日志密钥（带到另一台电脑）")
    p.add_argument("--import-key", metavar="FILE", help="导入从另一台电脑导出的操作日志密钥")
    p.set_defaults(handler=cmd_audit)


def cmd_init(ctx: CliContext, args: argparse.Namespace) -> int:
    if not is_empty(ctx.ledger):
        raise ValidationError("台账已经存在，无需初始化。")
    password = os.environ.get("DUBAN_PASSWORD") or getpass.getpass(
        f"系统管理员密码（{passwords.POLICY_TEXT}）："
    )
    with ctx.ledger.session() as session:
        first_run.start_ledger(session, args.admin, args.name, password)
    print(f"已新建台账：{ctx.ledger.location}，系统管理员账号 {args.admin}")
    user_cmds.remind_missing_administrators(ctx, args.admin)
    return 0


def cmd_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.demo import build as demo

    if not is_empty(ctx.ledger):
        if not args.replace:
            raise ValidationError(
                "台账中已有数据。如确需替换为演示台账，请加 --replace（原台账会先备份）。"
            )
        with ctx.ledger.session() as session:
            real = first_run.holds_real_records(session)
        if real and not ctx.actor.can(Permission.MANAGE):  # an office's ledger: its sysadmin
            raise PermissionDenied("用演示数据替换正式台账只能由系统管理员操作。")
        _set_aside(ctx)
    with ctx.ledger.session() as session:
        summary = demo.build_demo(session, system_actor("演示数据"))
    print(f"演示台账已生成：{ctx.ledger.location}")
    print(
        f"  单位 {summary.units} 个，重点工程 {summary.projects} 项，任务 {summary.tasks} 项，"
        f"进度报送 {summary.reports} 条，资金记录 {summary.fund_entries} 条（按 {summary.today} 计）"
    )
    print(
        "  账号：admin / duban-admin（系统管理员），security / duban-security（安全管理员），"
        "auditor / duban-auditor（审计管理员），clerk / duban-clerk（科员），"
        "leader / duban-leader（领导，只读）"
    )
    return 0


def _set_aside(ctx: CliContext) -> None:
    path = ctx.ledger.path
    if path is None:
        raise ValidationError("共享台账（数据库服务器）不能用演示数据替换。")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = backup_sqlite(path, path.parent / "backups" / f"{path.stem}.替换前-{stamp}.sqlite3")
    ctx.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    audit_anchor.forget(audit_anchor.location_of(f"sqlite:///{path.resolve()}"))  # a new log
    print(f"原台账已备份到：{kept}")


def cmd_status(ctx: CliContext, args: argparse.Namespace) -> int:
    today = ctx.clock.today()
    with ctx.ledger.session() as session:
        found = overview.lamp_overview(session, today)
    lines = [
        f"督办台亮灯情况（截至 {today.year}年{today.month}月{today.day}日，共 {found.total} 项任务）\n",
        _rollup_table("重点工程", found.projects, with_code=True),
        "",
        _rollup_table("牵头单位", found.units, with_code=False),
        f"\n红灯任务 {len(found.reds)} 项：",
    ]
    lines += [f"  {r.code} {r.title}（{r.lead_unit}）：{r.reason_text}" for r in found.reds]
    lines += _item_reminders(ctx, today)
    print("\n".join(lines))
    if getattr(args, "forecast", False):
        print_forecast(ctx, today)
    return 0


def _item_reminders(ctx: CliContext, today: date) -> list[str]:
    """督办事项 due within the reminder window (for the clerk and the 分管领导), and 延期
    requests waiting for a leader."""
    from desktop.services.supervision import reminders

    with ctx.ledger.session() as session:
        due = reminders.due_reminders(session, today)
        waiting = reminders.pending_approvals(session)
    lines = [f"\n即将到期的督办事项 {len(due)} 项："] if due else []
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


def _rollup_table(title: str, rollups: list[overview.RollUp], with_code: bool) -> str:
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


def cmd_audit(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.ledger.session() as session:
        if args.export_key:
            audit_verify.export_key(session, Path(args.export_key))
            print(f"操作日志密钥已导出到：{args.export_key}（请妥善保管，用后删除）")
            return 0
        if args.import_key:
            fresh = audit_verify.import_key(session, Path(args.import_key))
            print("操作日志密钥已导入。" if fresh else "本机已有这把密钥，无需导入。")
        if args.against:
            uid, head, source = audit_verify.read_head_of(Path(args.against))
            against = audit_verify.check_against(session, uid, head, source)
            print(against.message)
            if not against.ok:
                return 1
        check = audit_verify.check_and_record(session, incremental=False)
        recent = audit.recent(session, args.last)
    print(check.message)
    for row in recent:
        print(f"  #{row.id} {row.at:%Y-%m-%d %H:%M} {row.actor}：{row.summary}")
    return 0 if check.ok else 1
