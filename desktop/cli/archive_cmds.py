"""Archive and backup verbs: archive export/verify, backup, restore."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from desktop.cli.context import INTERNAL_ERROR, REFUSED, CliContext
from desktop.services import (
    archive,
    backup,
    backup_crypto,
    backup_restore,
    desk_lock,
    restore_chain,
)
from desktop.services.archive.fsio import human_size
from desktop.services.archive.model import IMPORT_FOLDER
from desktop.services.auth import Actor, Permission
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.ledger import LedgerError, backup_sqlite, ledger_file, open_ledger


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "archive", help="归档：导出年度或时间段的归档包到移动介质，校验、导入归档包"
    )
    verbs = p.add_subparsers(dest="archive_command", metavar="操作", required=True)
    e = verbs.add_parser(
        "export", help="导出某年度或某时间段的归档包（写入后回读校验，通过后才算完成）"
    )
    scope = e.add_mutually_exclusive_group(required=True)
    scope.add_argument("--year", type=int, help="年度，如 2026")
    scope.add_argument("--period", metavar="YYYY-MM", help="某个月，如 2026-03")
    scope.add_argument(
        "--from",
        dest="first",
        type=_day,
        metavar="YYYY-MM-DD",
        help="时间段起始日期（与 --to-date 同用，须在同一年度内；件号沿用年度编号）",
    )
    e.add_argument("--to-date", dest="last", type=_day, metavar="YYYY-MM-DD", help="时间段截止日期")
    e.add_argument("--to", required=True, metavar="DIR", help="目标文件夹（如U盘）")
    e.add_argument("--zip", action="store_true", help="打包为单个 ZIP 文件")
    e.add_argument(
        "--formats",
        choices=("both", "pdf", "ofd"),
        help="正文的归档格式：PDF 与 OFD（both）、仅 PDF、仅 OFD（默认：设置中的归档格式）",
    )
    e.add_argument(
        "--offsite",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="是否算作已带离本机（默认：目标在移动介质上即算）",
    )
    e.set_defaults(handler=cmd_export)
    v = verbs.add_parser(
        "verify",
        help="校验归档包（文件夹、ZIP，或加密传递副本 .zip.enc）的真实性、完整性、可用性、安全性，"
        "并说明校验的是加密传递副本还是未加密的归档包",
    )
    v.add_argument(
        "path",
        help=f"归档包文件夹、.zip，或加密传递副本 .zip.enc（口令取自 {backup_crypto.ENV} 或提示输入）",
    )
    v.set_defaults(handler=cmd_verify)
    c = verbs.add_parser(
        "encrypt-copy",
        help="为校验通过的归档包写一份加密传递副本（一个文件，便于用U盘传递；归档包本身不加密）",
    )
    c.add_argument("path", help="归档包文件夹或 .zip")
    c.add_argument("--to", required=True, metavar="DIR", help="写到该文件夹（如U盘）")
    c.add_argument(
        "--cipher",
        choices=tuple(backup_crypto.CIPHERS),
        help="加密算法：aes（AES-256-GCM）或 sm4（国密 SM4-GCM）（默认：设置中的备份加密算法）",
    )
    c.set_defaults(handler=cmd_encrypt_copy)
    d = verbs.add_parser(
        "decrypt-copy",
        help="把加密传递副本解密回归档包（.zip）：先解密并校验，通过后才写出",
    )
    d.add_argument("path", help="加密传递副本（.zip.enc）")
    d.add_argument("--to", required=True, metavar="DIR", help="写到该文件夹")
    d.set_defaults(handler=cmd_decrypt_copy)
    i = verbs.add_parser(
        "import",
        help="导入别处做的归档包：先校验（未通过即拒绝），列出与本台账的异同，再只读复制到文件夹",
    )
    i.add_argument("path", help="归档包文件夹或 .zip")
    i.add_argument("--to", metavar="DIR", help=f"存放到该文件夹（默认：台账旁的“{IMPORT_FOLDER}”）")
    i.add_argument("--dry-run", action="store_true", help="只显示将要发生的变化，不写入任何内容")
    i.set_defaults(handler=cmd_import)

    p = commands.add_parser("backup", help="备份台账（不带 --to 时做一次本机自动备份）")
    p.add_argument("--to", metavar="DIR", help="备份到该文件夹（如U盘）")
    p.add_argument(
        "--offsite",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="是否算作已带离本机（默认：目标在移动介质上即算）",
    )
    p.add_argument(
        "--encrypt",
        action="store_true",
        help=f"用口令加密（口令取自环境变量 {backup_crypto.ENV} 或提示输入）",
    )
    p.add_argument(
        "--cipher",
        choices=tuple(backup_crypto.CIPHERS),
        help="加密算法：aes（AES-256-GCM）或 sm4（国密 SM4-GCM，密钥由 SM3 派生）；"
        "给出即加密（默认：设置中的备份加密算法）",
    )
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser("restore", help="从备份文件恢复台账（先检查，原台账另存）")
    p.add_argument("file", help="备份文件（.sqlite3，或加密的 .sqlite3.enc）")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    p.add_argument(
        "--reason",
        default="",
        metavar="TEXT",
        help="恢复会使操作日志回退时（备份较本机记录的旧、与之分岔或来自另一台账），写明理由确认",
    )
    p.set_defaults(handler=cmd_restore)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期“{text}”不对，应为 YYYY-MM-DD") from exc


def _span(args: argparse.Namespace) -> archive.Span:
    if args.period:
        return archive.Span.of_month(args.period)
    if args.first is not None:
        if args.last is None:
            raise ValidationError("按时间段导出时请同时给出 --from 和 --to-date。")
        return archive.Span.between(args.first, args.last)
    if args.last is not None:
        raise ValidationError("--to-date 须与 --from 同用。")
    return archive.Span.of_year(args.year)


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    ctx.sign_in_to_write()
    span = _span(args)
    print(f"正在导出（{span.label()}）归档包到 {args.to} …", flush=True)
    with ctx.ledger.session() as session:
        result = archive.export_year(
            session,
            ctx.actor,
            span,
            Path(args.to),
            as_zip=args.zip,
            leaves_pc=args.offsite,
            formats=args.formats,
        )
    print(result.report.text())
    print(
        f"已导出：{result.path}\n  {result.items} 件，{result.pages} 页，{result.files} 个文件，"
        f"{human_size(result.size)}，用时 {result.seconds:.1f} 秒"
        + ("；已记为带离本机的副本。" if result.leaves_pc else "。")
    )
    if result.warning:
        print(result.warning, file=sys.stderr)
    print("拔出U盘前，请先在系统中“安全弹出”。")
    return 0


def cmd_verify(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.archive import transport

    path = Path(args.path)
    sealed = transport.is_transport_copy(path)  # checked as the package it holds, decrypted
    passphrase = _passphrase(confirm=False, what="传递副本口令") if sealed else ""

    def check(ledger: archive.LedgerHistory | None) -> archive.VerifyReport:
        if sealed:
            return transport.verify_copy(path, passphrase, ledger=ledger)
        return archive.verify_package(path, ledger=ledger)

    # The ledger, when this desk has one, judges an unsigned package claiming it (a v1 rewrite of
    # a sealed package is refused); a desk without a ledger file does not get one made here.
    file = ledger_file(ctx.database)
    if file is not None and not file.exists():
        report = check(None)
    else:
        with ctx.ledger.session() as session:
            report = check(archive.history(session))
    print(report.text())
    if report.internal:
        return INTERNAL_ERROR
    return 0 if report.ok else REFUSED


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    if not args.dry_run:  # a rehearsal writes nothing and may run as the local operator
        ctx.sign_in_to_write()
    with ctx.ledger.session() as session:
        if args.to:
            folder = Path(args.to)
        elif ctx.ledger.path is not None:
            folder = archive.default_folder(ctx.ledger.path)
        else:
            raise ValidationError("共享台账请用 --to 指定存放导入归档包的文件夹。")
        plan = archive.plan_import(session, Path(args.path), folder)
        print(plan.text())
        if plan.report.internal:
            return INTERNAL_ERROR
        refused = not plan.report.ok or plan.count(archive.importer.CONFLICT) > 0
        if refused:
            return 1
        if plan.refusal:  # nothing new: nothing to do
            return 0
        if args.dry_run:
            print("（演练：未写入任何内容。）")
            return 0
        result = archive.import_package(session, ctx.actor, Path(args.path), folder)
    print(
        f"已导入（只读）：{result.path}\n  {result.files} 个文件，{human_size(result.size)}，回读校验通过。"
    )
    return 0


def _passphrase(confirm: bool, what: str = "备份口令") -> str:
    given = os.environ.get(backup_crypto.ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise ValidationError(f"请在提示时输入{what}，或设置环境变量 {backup_crypto.ENV}。")
    first = getpass.getpass(f"{what}：")
    if confirm and getpass.getpass("再输入一次：") != first:
        raise ValidationError("两次输入的口令不一致，未写出任何文件。")
    return first


def cmd_encrypt_copy(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.archive import transport

    ctx.sign_in_to_write()
    passphrase = _passphrase(confirm=True, what="传递副本口令")
    with ctx.ledger.session() as session:
        result = transport.seal_copy(
            session, ctx.actor, Path(args.path), Path(args.to), passphrase, cipher=args.cipher
        )
    print(
        f"已写出加密传递副本：{result.path}（{human_size(result.size)}，"
        f"{backup_crypto.CIPHERS[result.cipher]}），回读一致。\n"
        "  归档包本身未加密；接收方用 duban archive decrypt-copy 和同一口令解密回归档包。"
    )
    if result.warning:
        print(result.warning, file=sys.stderr)
    return 0


def cmd_decrypt_copy(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.archive import transport

    ctx.sign_in_to_write()
    passphrase = _passphrase(confirm=False, what="传递副本口令")
    with ctx.ledger.session() as session:
        result = transport.open_copy(session, ctx.actor, Path(args.path), Path(args.to), passphrase)
    print(result.report.text())
    print(f"已解密为归档包：{result.path}（{backup_crypto.CIPHERS[result.cipher]}）")
    return 0


def cmd_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    ctx.sign_in_to_write()
    encrypt = args.encrypt or args.cipher is not None
    if encrypt and not args.to:
        raise ValidationError("加密备份请用 --to 指定目标文件夹（本机自动备份不加密）。")
    passphrase = _passphrase(confirm=True) if encrypt else None
    with ctx.ledger.session() as session:
        if args.to:
            result = backup.backup_to(
                session,
                ctx.actor,
                Path(args.to),
                leaves_pc=args.offsite,
                passphrase=passphrase,
                cipher=args.cipher,
            )
        else:
            result = backup.rolling_backup(session, ctx.actor)
    print(f"已备份：{result.path}（{human_size(result.size)}）\n  SHA-256 {result.sha256}")
    if result.cipher:
        print(f"  已加密：{backup_crypto.CIPHERS[result.cipher]}（恢复时须输入同一口令）")
    if result.pruned:
        print(f"  已删除较早的自动备份 {len(result.pruned)} 份。")
    if result.warning:
        print(result.warning, file=sys.stderr)
    if result.leaves_pc:
        print("  已记为带离本机的副本。拔出U盘前，请先在系统中“安全弹出”。")
    return 0


def _restorer(ctx: CliContext, backup_file: Path) -> Actor:
    """Only a 系统管理员 restores. They sign in to the current ledger; one that no longer opens
    cannot say who they are, so the backup's own accounts do (on a copy: the file stays as is)."""
    try:
        actor = ctx.sign_in(despite_broken_chain=True)  # a restore is how a broken log is fixed
    except LedgerError:
        with tempfile.TemporaryDirectory() as folder:
            copy = backup_sqlite(backup_file, Path(folder) / "check.sqlite3")
            opened = open_ledger(copy, ctx.clock)
            try:
                print("当前台账无法打开，改用备份中的账号登录。", file=sys.stderr)
                actor = ctx.sign_in(ledger=opened)
            finally:
                opened.dispose()
    if not actor.can(Permission.MANAGE):
        raise PermissionDenied(f"恢复台账只能由系统管理员操作（当前账号为{actor.role.label}）。")
    return actor


def cmd_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    source = Path(args.file)
    if not backup_crypto.is_encrypted(source):
        return _restore(ctx, args, source)
    sealed = backup_crypto.sealed_with(source)
    with backup_crypto.decrypted(source, _passphrase(confirm=False)) as plain:
        label = f"（{sealed.label}）" if sealed else ""
        print(f"加密备份{label}已用口令解密（仅在临时文件夹中，恢复后即删除）。")
        return _restore(ctx, args, plain)


def _restore(ctx: CliContext, args: argparse.Namespace, file: Path) -> int:
    # The current ledger is not opened: it may be the very thing that no longer opens.
    path = ledger_file(ctx.database)
    if path is None:
        raise ValidationError("共享台账（数据库服务器）不能用本机备份文件恢复。")
    busy = desk_lock.held_elsewhere(path)
    if busy:
        raise ValidationError(busy)
    check = backup_restore.inspect_backup(file, path)
    print(check.text())
    if not check.ok:
        return 1
    actor = _restorer(ctx, file)
    asking = sys.stdin.isatty()
    if not args.yes and not asking:
        raise ValidationError("恢复会替换当前台账，请加 --yes 确认。")
    reason = args.reason.strip()
    if check.rollback and not reason:
        if not asking:
            raise ValidationError(restore_chain.NEEDS_REASON + "请加 --reason 写明理由。")
        reason = input("请写明恢复的理由（记入操作日志；留空则取消）：").strip()
        if not reason:
            print("已取消，台账未作改动。")
            return 1
    if not args.yes:
        answer = input(f"用它替换当前台账“{path}”？原台账会另存。输入 yes 确认：")
        if answer.strip().lower() not in ("yes", "y", "是"):
            print("已取消，台账未作改动。")
            return 1
    ctx.close()  # every connection closed before the file is replaced
    result = backup_restore.restore(path, file, actor, ctx.clock, reason=reason)
    print(f"已恢复：{result.ledger}")
    if result.set_aside:
        print(f"  原台账已另存为：{result.set_aside}")
    return 0
