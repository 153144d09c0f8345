"""Ledger verbs: init, demo, audit (status: status_cmds)."""

from __future__ import annotations

import argparse
import getpass
import os
from datetime import datetime
from pathlib import Path

from desktop.cli import user_cmds
from desktop.cli.context import CliContext
from desktop.services import audit, audit_anchor, audit_verify, first_run, passwords
from desktop.services.auth import Permission, system_actor
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.ledger import backup_sqlite, is_empty


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


def cmd_audit(ctx: CliContext, args: argparse.Namespace) -> int:
    ctx.check_chain_on_open = False  # the whole check below is this verb's own, recorded alike
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
