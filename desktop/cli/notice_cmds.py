"""Notice verbs: the circular for a period, 督办通知 / 催办单, the register, render, issue, correct."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import table
from desktop.cli.context import CliContext
from desktop.services.enums import DocKind, DocStatus
from desktop.services.errors import ValidationError

if TYPE_CHECKING:
    from desktop.services.notices import glyphs

# The register (and with it SQLAlchemy and the ORM) is imported by the verb that needs it: a
# cold `duban notice circular` on a local ledger renders its draft without them (issue 11).


def register(commands: argparse._SubParsersAction) -> None:

    notice = commands.add_parser(
        "notice", help="公文：进展通报、督办通知、催办单、通知的拟制与印发"
    )
    verbs = notice.add_subparsers(dest="notice_command", metavar="操作", required=True)

    p = verbs.add_parser("circular", help="按期次生成工作进展通报（草稿），输出 PDF，可直接印发")
    p.add_argument("--period", help="期次 YYYY-MM（默认：本月）")
    p.add_argument("--out", type=Path, required=True, help="输出 PDF 文件")
    p.add_argument("--issue", action="store_true", help="编号、存档并印发（印发后不可修改）")
    _accept_arg(p, "印发")
    p.add_argument("--recompose", action="store_true", help="已有草稿时按台账重新生成")
    p.set_defaults(handler=cmd_circular)

    for name, kind, help_text in (
        ("supervise", DocKind.SUPERVISION, "为滞后任务或牵头单位拟制督办通知"),
        ("remind", DocKind.REMINDER, "为任务或牵头单位拟制催办单"),
    ):
        p = verbs.add_parser(name, help=help_text)
        target = p.add_mutually_exclusive_group(required=True)
        target.add_argument("--task", metavar="CODE", help="任务编号，例如 04-02")
        target.add_argument(
            "--unit", metavar="NAME", help="牵头单位全称或简称（督办其黄灯、红灯任务）"
        )
        p.add_argument("--reply-days", type=int, help="回复期限（天）")
        p.add_argument(
            "--letter",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="按信函格式印制（默认：催办单用信函格式，督办通知用文件格式）",
        )
        p.add_argument("--out", type=Path, help="输出 PDF 文件")
        p.add_argument("--issue", action="store_true", help="编号、存档并印发")
        _accept_arg(p, "印发")
        p.set_defaults(handler=cmd_supervise, kind=kind)

    p = verbs.add_parser("new", help="拟制一份通知、请示、报告或函（正文取自文本文件，一段一行）")
    p.add_argument(
        "--kind",
        choices=["notice", "request", "report", "letter"],
        default="notice",
        help="文种：notice 通知（默认）、request 请示、report 报告（上行文，须 --signer）、"
        "letter 函（信函格式）",
    )
    p.add_argument("--title", required=True)
    p.add_argument("--to", dest="recipients", default="", help="主送机关")
    p.add_argument("--body-file", type=Path, required=True, help="UTF-8 文本，一段一行")
    _element_args(p)
    p.set_defaults(handler=cmd_new)

    p = verbs.add_parser("edit", help="修改草稿的标题、主送机关、正文（正文文件一段一行）")
    p.add_argument("id", type=int)
    p.add_argument("--title")
    p.add_argument("--recipients", help="主送机关")
    p.add_argument("--body-file", type=Path, help="UTF-8 文本，一段一行，替换全部正文段落")
    p.add_argument("--cc", help="抄送")
    p.add_argument("--note", help="附注")
    _element_args(p)
    p.set_defaults(handler=cmd_edit)

    p = verbs.add_parser("list", help="列出公文登记簿")
    p.add_argument("--kind", choices=[k.value for k in DocKind], help="只列某一类")
    p.add_argument("--status", choices=[s.value for s in DocStatus], help="只列草稿或已印发")
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("render", help="输出公文 PDF 或 OFD（已印发的输出存档原件）")
    p.add_argument("id", type=int)
    p.add_argument("--out", type=Path, required=True, help="输出文件（.pdf 或 .ofd）")
    p.add_argument(
        "--format", choices=["pdf", "ofd"], help="版式格式（默认按文件后缀；OFD 即 GB/T 33190）"
    )
    p.set_defaults(handler=cmd_render)

    p = verbs.add_parser("issue", help="印发草稿：取文号、生成并存档 PDF，此后不可修改")
    p.add_argument("id", type=int)
    p.add_argument("--out", type=Path, help="同时输出 PDF 文件")
    _accept_arg(p, "印发")
    p.set_defaults(handler=cmd_issue)

    p = verbs.add_parser("correct", help="以已印发公文为底稿拟制更正件（原件不变）")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_correct)

    p = verbs.add_parser("delete", help="删除草稿（已印发的不能删除）")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_delete)


ACCEPT_FLAG = "--accept-fallback"


def _accept_arg(p: argparse.ArgumentParser, action: str) -> None:
    p.add_argument(
        ACCEPT_FLAG,
        "--confirm-fonts",  # its first name, kept for scripts written with it
        dest="accept_fallback",
        action="store_true",
        help=f"已核对由替代字体代印的字符（清单见不加此项时的提示），照此{action}",
    )


def _fonts_refused(error: glyphs.FontsToConfirm, doc_id: int | None = None) -> ValidationError:
    """Nothing saved or issued: the list, and how to go on once the clerk has checked it."""
    report = error.report
    listed = report.fallback_message() if report.fallback else ""
    if error.issuing:
        again = f"未印发；核对无误后执行 duban notice issue {doc_id} {ACCEPT_FLAG}。"
        return ValidationError(listed + again, field="fonts")
    if report.missing:
        listed += report.missing_message()
    return ValidationError(f"{listed}草稿未保存；核对无误后加 {ACCEPT_FLAG} 重新执行。")


def _write(ctx: CliContext, doc_id: int, out: Path, fmt: str | None = None) -> None:
    from desktop.services.notices import register as notices

    started = time.perf_counter()
    fmt = notices.format_of(out, fmt)
    with ctx.ledger.session() as session:
        data = notices.copy_of(session, doc_id, fmt)
    _save(data, out, fmt, started)


def _save(data: bytes, out: Path, fmt: str, started: float) -> None:
    from desktop.services.notices.layout import save_document

    save_document(data, out, fmt)
    print(f"已输出：{out}（{len(data) // 1024} KB，用时 {time.perf_counter() - started:.2f} 秒）")


def _issue(ctx: CliContext, doc_id: int, out: Path | None, accept: bool = False) -> None:
    from desktop.services.notices import glyphs, issuing

    try:
        with ctx.ledger.session() as session:
            issued = issuing.issue(session, ctx.actor, doc_id, confirm_fallbacks=accept)
    except glyphs.FontsToConfirm as error:
        raise _fonts_refused(error, doc_id) from error
    if accept:
        _said_fallbacks(ctx, doc_id, "印发")
    print(f"已印发：{issued.number}，共 {issued.pages} 页，SHA-256 {issued.sha256}")
    if out is not None:
        _write(ctx, doc_id, out)


def cmd_circular(ctx: CliContext, args: argparse.Namespace) -> int:
    period = args.period or f"{ctx.clock.today():%Y-%m}"
    if _quick_circular(ctx, args, period):
        return 0
    from desktop.services import circular
    from desktop.services.notices import register as notices

    ctx.sign_in_to_write()
    with ctx.ledger.session() as session:
        existing = {
            r.id for r in notices.list_documents(session, DocKind.CIRCULAR, DocStatus.DRAFT)
        }
        doc_id = circular.draft_circular(session, ctx.actor, period, recompose=args.recompose)
    if doc_id in existing and not args.recompose:
        print(f"沿用已有草稿 #{doc_id}（如需按台账重新生成，请加 --recompose）")
    else:
        print(f"通报草稿 #{doc_id} 已按台账生成")
    if args.issue:
        _issue(ctx, doc_id, args.out, args.accept_fallback)
    else:
        _write(ctx, doc_id, args.out)
    return 0


def _quick_circular(ctx: CliContext, args: argparse.Namespace, period: str) -> bool:
    """An existing draft rendered to a PDF straight from a local SQLite ledger that needs
    nothing done to it (services.quick_circular); False: the services do it all."""
    path = ctx.local_file()
    if args.issue or args.recompose or not ctx.username or path is None:
        return False
    if args.out.suffix.lower() != ".pdf":
        return False  # an OFD, or a name the services refuse with their message
    from desktop.services import quick_circular

    draft = quick_circular.open_draft(
        path, ctx.clock, ctx.username, period, real_refused=ctx.today_given
    )
    if draft is None:
        return False
    try:
        password = ctx.password()
        started = time.perf_counter()
        pdf = draft.sign_in_rendering(password)
        if pdf is None:
            return False  # signed in again through the services: counted, recorded, refused
        print(f"沿用已有草稿 #{draft.doc_id}（如需按台账重新生成，请加 --recompose）")
        _save(pdf, args.out, "pdf", started)
    finally:
        draft.close()
    return True


def cmd_supervise(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.notices import drafts as notice_drafts

    ctx.sign_in_to_write()
    with ctx.ledger.session() as session:
        doc_id = notice_drafts.draft_supervision(
            session,
            ctx.actor,
            args.kind,
            task_code=args.task,
            unit=args.unit,
            reply_days=args.reply_days,
            letter=args.letter,
        )
    print(f"{args.kind.label}草稿 #{doc_id} 已生成")
    if args.issue:
        _issue(ctx, doc_id, args.out, args.accept_fallback)
    elif args.out is not None:
        _write(ctx, doc_id, args.out)
    return 0


def _paragraphs(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")  # Windows Notepad writes a BOM
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"无法读取正文文件“{path}”：{exc}", field="body_file") from exc
    return text.splitlines()


def _element_args(p: argparse.ArgumentParser) -> None:
    """版头 elements and attachments, the same for new and edit."""
    p.add_argument("--copy-number", help="份号（不超过 6 位数字，印为 000001）")
    p.add_argument("--secret", dest="classification", help="密级：秘密 / 机密 / 绝密")
    p.add_argument("--secret-period", dest="classification_period", help="保密期限，如 1年")
    p.add_argument("--urgency", help="紧急程度：特急 / 加急")
    p.add_argument(
        "--signer",
        action="append",
        dest="signers",
        help="签发人（上行文：请示、报告），可多次给出；发文机关标志随之下移至 80 mm",
    )
    p.add_argument(
        "--joint",
        action="append",
        help="联合行文的其他发文机关（本机关居首），可多次给出；版头并列、各自署名",
    )
    p.add_argument("--contact", help="联系人（请示须注明，印在附注处）")
    p.add_argument("--phone", dest="contact_phone", help="联系电话（请示须注明）")
    p.add_argument(
        "--attachment",
        action="append",
        dest="attachments",
        help="附件：“标题” 或 “标题=正文文件.txt”，可多次给出，各占新页",
    )
    _accept_arg(p, "保存")


def _elements(model, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop.services.notices import drafts as notice_drafts

    attachments = None
    if args.attachments is not None:
        attachments = []
        for spec in args.attachments:
            title, _, file = spec.partition("=")
            attachments.append((title, _paragraphs(Path(file)) if file else []))
    return notice_drafts.with_elements(
        model,
        copy_number=args.copy_number,
        classification=args.classification,
        classification_period=args.classification_period,
        urgency=args.urgency,
        signers=args.signers,
        attachments=attachments,
        joint=args.joint,
        contact=args.contact,
        contact_phone=args.contact_phone,
    )


def _has_elements(args: argparse.Namespace) -> bool:
    names = ["copy_number", "classification", "classification_period", "urgency"]
    names += ["contact", "contact_phone"]
    return any(getattr(args, n) is not None for n in (*names, "signers", "attachments", "joint"))


def cmd_new(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.notices import drafts as notice_drafts
    from desktop.services.notices import glyphs
    from desktop.services.notices import register as notices

    ctx.sign_in_to_write()
    paragraphs = _paragraphs(args.body_file)
    accept = args.accept_fallback
    kind = DocKind(args.kind)
    with ctx.ledger.session() as session:
        # The whole draft, elements and all, is checked before anything is saved.
        whole = notice_drafts.notice_model(session, args.title, args.recipients, paragraphs, kind)
        report = glyphs.font_check_model(session, _elements(whole, args))
        if (report.fallback or report.missing) and not accept:
            raise _fonts_refused(glyphs.FontsToConfirm(report, issuing=False))
        doc_id = notice_drafts.draft_notice(
            session,
            ctx.actor,
            args.title,
            args.recipients,
            paragraphs,
            kind,
            confirm_fallbacks=accept,
        )
        if _has_elements(args):
            info = notices.get_document(session, doc_id)
            model = _elements(info.model, args)
            notices.update_draft(
                session, ctx.actor, doc_id, model, info.version, confirm_fallbacks=accept
            )
    print(f"{kind.label}草稿 #{doc_id} 已生成")
    _said_fallbacks(ctx, doc_id, "保存")
    return 0


def _said_fallbacks(ctx: CliContext, doc_id: int, action: str) -> None:
    """After --accept-fallback: what was confirmed (the audit entry has it too), and what still
    blocks 印发."""
    from desktop.services.notices import glyphs

    with ctx.ledger.session() as session:
        report = glyphs.font_check(session, doc_id)
    if report.fallback:
        print(f"已确认{action}：{report.fallback_message()}")
    if report.missing:
        print(f"注意：{report.missing_message()}")


def cmd_edit(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.notices import drafts as notice_drafts
    from desktop.services.notices import glyphs
    from desktop.services.notices import register as notices

    ctx.sign_in_to_write()
    accept = args.accept_fallback
    fields = (args.title, args.recipients, args.body_file, args.cc, args.note)
    if all(value is None for value in fields) and not _has_elements(args):
        raise ValidationError(
            "请至少指定一项要修改的内容（--title、--recipients、--body-file …）。"
        )
    paragraphs = _paragraphs(args.body_file) if args.body_file is not None else None
    with ctx.ledger.session() as session:
        info = notices.get_document(session, args.id)
        model = notice_drafts.with_text(
            info.model,
            title=args.title,
            recipients=args.recipients,
            paragraphs=paragraphs,
            cc=args.cc,
            note=args.note,
        )
        model = _elements(model, args)
        try:
            version = notices.update_draft(
                session, ctx.actor, args.id, model, info.version, confirm_fallbacks=accept
            )
        except glyphs.FontsToConfirm as error:
            raise _fonts_refused(error) from error
    print(f"草稿 #{args.id} 已修改（第 {version} 版）：{model.title}")
    _said_fallbacks(ctx, args.id, "保存")
    return 0


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.notices import register as notices

    with ctx.ledger.session() as session:
        rows = notices.list_documents(
            session,
            DocKind(args.kind) if args.kind else None,
            DocStatus(args.status) if args.status else None,
        )
    if not rows:
        print("登记簿中还没有公文。")
        return 0
    body = [
        [str(r.id), r.kind.label, r.number or "—", r.status.label, r.day.isoformat(), r.title]
        for r in rows
    ]
    print(table.render(["编号", "类别", "发文字号", "状态", "日期", "标题"], body, right={0}))
    return 0


def cmd_render(ctx: CliContext, args: argparse.Namespace) -> int:
    _write(ctx, args.id, args.out, args.format)
    return 0


def cmd_issue(ctx: CliContext, args: argparse.Namespace) -> int:
    ctx.sign_in_to_write()
    _issue(ctx, args.id, args.out, args.accept_fallback)
    return 0


def cmd_correct(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.notices import register as notices

    ctx.sign_in_to_write()
    with ctx.ledger.session() as session:
        doc_id = notices.draft_correction(session, ctx.actor, args.id)
    print(f"更正件草稿 #{doc_id} 已生成（原件 #{args.id} 保持不变）")
    return 0


def cmd_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.notices import register as notices

    ctx.sign_in_to_write()
    with ctx.ledger.session() as session:
        notices.delete_draft(session, ctx.actor, args.id)
    print(f"草稿 #{args.id} 已删除")
    return 0
