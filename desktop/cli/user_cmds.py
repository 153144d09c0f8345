"""Account verbs for the administrators: duban user add|list|passwd|lock|unlock|role|approve,
under the same rules (and the same audit) as 用户管理 in the window."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os

from desktop.cli import table
from desktop.cli.context import CliContext
from desktop.services import settings, users
from desktop.services.enums import Role
from desktop.services.errors import NotFound, ValidationError

NEW_PASSWORD = "DUBAN_NEW_PASSWORD"  # the new password, for scripts (else prompted twice)
ROLE_NAMES = {r.value: r for r in Role}
MISSING_ADMINS = (
    "三员分立：台账中还没有{roles}账号。请由系统管理员新建，例如：\n"
    "  duban --user {me} user add 用户名 --name 姓名 --role {example}"
)


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("user", help="账号管理：新建、列出、改密码、锁定、解锁、分配角色、审核")
    verbs = p.add_subparsers(dest="verb", metavar="操作", required=True)
    roles = "、".join(f"{r.value}（{r.label}）" for r in Role)

    v = verbs.add_parser("list", help="列出全部账号及其角色、状态")
    v.set_defaults(handler=cmd_list)
    v = verbs.add_parser(
        "add", help="新建账号（系统管理员）；初始密码取自 DUBAN_NEW_PASSWORD 或提示"
    )
    v.add_argument("username")
    v.add_argument("--name", required=True, help="姓名")
    v.add_argument("--role", required=True, choices=sorted(ROLE_NAMES), help=roles)
    v.set_defaults(handler=cmd_add)
    v = verbs.add_parser(
        "passwd", help="不带用户名：修改自己的密码；带用户名：重置他人密码（系统管理员）"
    )
    v.add_argument("username", nargs="?")
    v.set_defaults(handler=cmd_passwd)
    for name, text in (("lock", "锁定账号（安全管理员）"), ("unlock", "解锁账号（安全管理员）")):
        v = verbs.add_parser(name, help=text)
        v.add_argument("username")
        v.set_defaults(handler=cmd_lock)
    v = verbs.add_parser("role", help="分配角色（安全管理员）")
    v.add_argument("username")
    v.add_argument("role", choices=sorted(ROLE_NAMES), help=roles)
    v.set_defaults(handler=cmd_role)
    v = verbs.add_parser("approve", help="审核新建、重新启用或重置密码的账号（安全管理员）")
    v.add_argument("username")
    v.add_argument("--refuse", action="store_true", help="审核不通过（账号随之停用）")
    v.set_defaults(handler=cmd_approve)
    v = verbs.add_parser(
        "policy", help="查看安全策略；带选项时修改（安全管理员）：密码、锁定、空闲锁屏"
    )
    for name, label in settings.SECURITY_LABELS.items():
        v.add_argument("--" + name.replace("_", "-"), type=int, metavar="N", help=label)
    v.set_defaults(handler=cmd_policy)


def _new_password(ctx: CliContext, prompt: str) -> str:
    given = os.environ.get(NEW_PASSWORD)
    if given:
        return given
    with ctx.ledger.session() as session:
        print(f"密码要求：{users.password_rule(session)}。")
    first = getpass.getpass(prompt)
    if getpass.getpass("再输一次：") != first:
        raise ValidationError("两次输入的密码不一致。")
    return first


def _user_id(ctx: CliContext, username: str) -> int:
    with ctx.ledger.session() as session:
        for user in users.list_users(session):
            if user.username == username:
                return user.id
    raise NotFound(f"没有用户名为“{username}”的账号。")


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.ledger.session() as session:
        rows = [
            [u.username, u.display_name, u.role.label, u.state] for u in users.list_users(session)
        ]
        missing = users.missing_administrators(session)
    print(table.render(["用户名", "姓名", "角色", "状态"], rows))
    if missing:
        print("\n" + _missing_text(missing, ctx.username or "管理员用户名"))
    return 0


def _missing_text(missing: list[Role], me: str) -> str:
    return MISSING_ADMINS.format(roles="、".join(r.label for r in missing), me=me,
                                 example=missing[0].value)  # fmt: skip


def cmd_add(ctx: CliContext, args: argparse.Namespace) -> int:
    actor = ctx.actor
    password = _new_password(ctx, f"{args.username} 的初始密码：")
    with ctx.ledger.session() as session:
        users.create_user(session, actor, args.username, args.name, ROLE_NAMES[args.role],
                          password)  # fmt: skip
        waiting = not next(u for u in users.list_users(session) if u.username == args.username
                           ).approved  # fmt: skip
    print(f"已新建账号 {args.username}（{ROLE_NAMES[args.role].label}），首次登录时须修改密码。")
    if waiting:
        print("  该账号须经安全管理员审核后才能登录：duban --user 安全管理员 user approve "
              f"{args.username}")  # fmt: skip
    return 0


def cmd_passwd(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.username and args.username != ctx.username:
        actor = ctx.actor
        target = _user_id(ctx, args.username)
        password = _new_password(ctx, f"{args.username} 的新密码（临时）：")
        with ctx.ledger.session() as session:
            users.reset_password(session, actor, target, password)
        print(f"已重置 {args.username} 的密码，其下次登录时须改为自己的密码。")
        return 0
    actor = ctx.sign_in(password_change=True)
    old = os.environ.get("DUBAN_PASSWORD") or getpass.getpass("再输一次原密码：")
    new = _new_password(ctx, "新密码：")
    with ctx.ledger.session() as session:
        users.change_own_password(session, actor, old, new)
    print("密码已修改。")
    return 0


def cmd_lock(ctx: CliContext, args: argparse.Namespace) -> int:
    actor = ctx.actor
    target = _user_id(ctx, args.username)
    with ctx.ledger.session() as session:
        (users.lock if args.verb == "lock" else users.unlock)(session, actor, target)
    print(f"已{'锁定' if args.verb == 'lock' else '解锁'}账号 {args.username}。")
    return 0


def cmd_role(ctx: CliContext, args: argparse.Namespace) -> int:
    actor = ctx.actor
    target = _user_id(ctx, args.username)
    with ctx.ledger.session() as session:
        users.set_role(session, actor, target, ROLE_NAMES[args.role])
    print(f"{args.username} 的角色已改为{ROLE_NAMES[args.role].label}。")
    return 0


def cmd_approve(ctx: CliContext, args: argparse.Namespace) -> int:
    actor = ctx.actor
    target = _user_id(ctx, args.username)
    with ctx.ledger.session() as session:
        users.review_account(session, actor, target, not args.refuse)
    print(f"{args.username}：{'审核不通过，账号已停用' if args.refuse else '审核通过'}。")
    return 0


def cmd_policy(ctx: CliContext, args: argparse.Namespace) -> int:
    given = {n: getattr(args, n) for n in settings.SECURITY_LABELS if getattr(args, n) is not None}
    if given:
        actor = ctx.actor  # signs in: only the 安全管理员 may change it (the service checks)
        with ctx.ledger.session() as session:
            old = settings.security(session)
            new = dataclasses.replace(old, **given)
            settings.save_security(session, actor, new)
        changes = settings.security_changes(old, new)
        print("安全策略已修改：" + ("；".join(changes) if changes else "与原来相同"))
    with ctx.ledger.session() as session:
        policy = settings.security(session)
    rows = [[label, str(getattr(policy, name))] for name, label in settings.SECURITY_LABELS.items()]
    print(table.render(["安全策略", "值"], rows))
    return 0


def remind_missing_administrators(ctx: CliContext, me: str) -> None:
    """After `duban init` (and for a migrated ledger): ask for the other two administrators."""
    with ctx.ledger.session() as session:
        missing: list[Role] = [
            r for r in users.missing_administrators(session) if r != Role.SYSADMIN
        ]
    if missing:
        print(_missing_text(missing, me))
