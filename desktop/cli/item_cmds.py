"""督办事项 verbs: register an item from any source, 延期 (ask, check, approve), replies with
签发人 and 公章, 退办, 催办 and closing; list the register and show one item."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.cli import table
from desktop.cli.context import CliContext
from desktop.services import settings
from desktop.services.enums import LabelledEnum
from desktop.services.errors import ValidationError
from desktop.services.supervision import (
    ReportFrequency,
    SupervisionKind,
    SupervisionOrigin,
    Urgency,
)

# 亮灯 and 会议议定 items are raised by the chain and by meetings, not registered by hand.
SOURCES = [
    o for o in SupervisionOrigin if o not in (SupervisionOrigin.LAMP, SupervisionOrigin.MEETING)
]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD，收到“{text}”") from exc


def _choice(enum: type[LabelledEnum], help_text: str) -> dict[str, object]:
    return {
        "type": enum.from_label,
        "choices": list(enum),
        "metavar": "|".join(m.label for m in enum),
        "help": help_text,
    }


def register(commands: argparse._SubParsersAction) -> None:
    item = commands.add_parser("item", help="督办事项登记簿：登记、延期、回复、退办、催办、办结")
    verbs = item.add_subparsers(dest="verb", metavar="操作", required=True)

    p = verbs.add_parser("register", help="登记督办事项（一事一项），未给期限时按来源取默认期限")
    p.add_argument("--source", required=True, type=SupervisionOrigin.from_label,
                   choices=SOURCES, metavar="|".join(o.label for o in SOURCES),
                   help="任务来源")  # fmt: skip
    p.add_argument("--unit", required=True, help="主办单位（全称或简称）")
    p.add_argument("--co-unit", action="append", default=[], help="协办单位，可重复")
    p.add_argument("--requirement", required=True, help="督办要求")
    p.add_argument("--ref", default="", help="来文文号，或批示领导及批示内容")
    p.add_argument("--received", type=_day, help="收文时间（默认今天）")
    p.add_argument("--handling", default="", help="拟办意见")
    p.add_argument("--urgency", default=Urgency.ORDINARY,
                   **_choice(Urgency, "领导批示的缓急（定默认期限）"))  # fmt: skip
    p.add_argument("--report", default=ReportFrequency.ONCE,
                   **_choice(ReportFrequency, "报送频次"))  # fmt: skip
    p.add_argument("--due", type=_day, help="办理期限（默认按来源）")
    p.add_argument("--task", action="append", default=[], help="关联任务编号，可重复")
    p.add_argument("--leader", default="", help="分管领导（到期前提醒）")
    p.set_defaults(handler=cmd_register)

    verbs.add_parser("list", help="列出督办事项登记簿").set_defaults(handler=cmd_list)
    p = verbs.add_parser("show", help="显示一个督办事项及其延期、退办、催办记录")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_show)

    p = verbs.add_parser("extend", help="登记主办单位的延期申请（须在期限前提出）")
    p.add_argument("id", type=int)
    p.add_argument("--to", required=True, type=_day, help="申请延至")
    p.add_argument("--reason", required=True)
    p.add_argument("--asked", type=_day, help="申请日期（默认今天）")
    p.set_defaults(handler=cmd_extend)
    for name, help_text in (("check", "科员核查延期申请"), ("approve", "领导审批延期申请")):
        p = verbs.add_parser(name, help=help_text)
        p.add_argument("extension", type=int, help="延期申请编号（见 item show）")
        p.add_argument("--refuse", action="store_true", help="不通过 / 不予批准")
        p.add_argument("--note", default="", help="核查意见或审批意见")
        p.set_defaults(handler=cmd_check if name == "check" else cmd_approve)

    p = verbs.add_parser("reply", help="登记主办单位的书面回复")
    p.add_argument("id", type=int)
    p.add_argument("--text", required=True)
    p.add_argument("--received", type=_day, help="收到日期（默认今天）")
    p.add_argument("--signer", default="", help="签发人")
    p.add_argument("--stamped", action="store_true", help="加盖公章")
    p.set_defaults(handler=cmd_reply)
    p = verbs.add_parser("return", help="退办：回复不合格，写明理由，限期补办")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--by", type=_day, help="补办期限（默认按设置）")
    p.set_defaults(handler=cmd_return)
    p = verbs.add_parser("urge", help="催办（两次催办之间有最短间隔）")
    p.add_argument("id", type=int)
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_urge)
    p = verbs.add_parser("close", help="办结")
    p.add_argument("id", type=int)
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_close)
    p = verbs.add_parser("export", help="导出督查事项登记簿：.xlsx 为表格（可打印），.pdf 为打印件")
    p.add_argument("--out", required=True, type=Path, help="输出文件（.xlsx 或 .pdf）")
    p.set_defaults(handler=cmd_export)
    p = verbs.add_parser(
        "rules", help="查看各来源的默认办理期限、提醒和催办间隔；带选项时修改（系统管理员）"
    )
    for name, label in settings.ITEM_RULE_LABELS.items():
        p.add_argument("--" + name.replace("_", "-"), type=int, metavar="N", help=label)
    p.set_defaults(handler=cmd_rules)


def _write(ctx: CliContext, work: Callable) -> object:  # type: ignore[type-arg]
    ctx.sign_in_to_write()
    with ctx.ledger.session() as session:
        return work(session)


def cmd_register(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services import supervision
    from desktop.services.notices.drafts import find_unit_id
    from desktop.services.tasks import find_task_id

    def work(session):  # type: ignore[no-untyped-def]
        data = supervision.SupervisionInput(
            kind=SupervisionKind.NOTICE,
            unit_id=find_unit_id(session, args.unit),
            requirement=args.requirement,
            reply_due=args.due,
            task_ids=tuple(find_task_id(session, code) for code in args.task),
            origin=args.source,
            co_unit_ids=tuple(find_unit_id(session, name) for name in args.co_unit),
            source_ref=args.ref,
            received_on=args.received,
            handling=args.handling,
            urgency=args.urgency,
            report_every=args.report,
            leader=args.leader,
        )
        item_id = supervision.raise_item(session, ctx.actor, data)
        return supervision.get_item(session, item_id, ctx.clock.today())

    row = _write(ctx, work)
    print(f"督办事项 #{row.id} 已登记：{row.origin.label}，主办{row.unit}，"  # type: ignore[attr-defined]
          f"期限 {row.reply_due:%Y-%m-%d}")  # type: ignore[attr-defined]  # fmt: skip
    return 0


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services import supervision

    today = ctx.clock.today()
    with ctx.ledger.session() as session:
        rows = [
            [
                str(i.id),
                i.origin.label,
                i.unit,
                "、".join(i.co_units) or "—",
                f"{i.received_on or i.raised_on:%Y-%m-%d}",
                f"{i.reply_due:%Y-%m-%d}" + ("（已延期）" if i.extended else ""),
                i.state,
            ]  # fmt: skip
            for i in supervision.list_items(session, today)
        ]
    print(table.render(["编号", "来源", "主办", "协办", "收文", "期限", "状态"], rows))
    return 0


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services import supervision
    from desktop.services.supervision import extensions, returns

    with ctx.ledger.session() as session:
        i = supervision.get_item(session, args.id, ctx.clock.today())
        asked = extensions.extensions_of(session, args.id)
        back = returns.returns_of(session, args.id)
    lines = [
        f"督办事项 #{i.id}（{i.state}）",
        f"  任务来源：{i.origin.label}" + (f"（{i.source_ref}）" if i.source_ref else ""),
        f"  收文时间：{i.received_on or i.raised_on:%Y-%m-%d}  交办：{i.raised_on:%Y-%m-%d}",
        f"  主办单位：{i.unit}  协办单位：{'、'.join(i.co_units) or '—'}",
        f"  分管领导：{i.leader or '—'}  报送频次：{i.report_every.label}",
        f"  拟办意见：{i.handling or '—'}",
        f"  督办要求：{i.requirement}",
        f"  办理期限：{i.reply_due:%Y-%m-%d}"
        + (f"（原定 {i.first_due:%Y-%m-%d}）" if i.first_due != i.reply_due else ""),
    ]
    if i.reply_received_on:
        seal = "已盖章" if i.reply_stamped else "未盖章"
        lines.append(f"  回复：{i.reply_received_on:%Y-%m-%d} {i.reply_text}"
                     f"（签发人 {i.reply_signer or '—'}，{seal}）")  # fmt: skip
    for e in asked:
        lines.append(f"  延期申请 {e.id}：{e.old_due:%Y-%m-%d} → {e.new_due:%Y-%m-%d}，"
                     f"{e.reason}；{e.state}")  # fmt: skip
        for code, old, new in e.task_moves:
            lines.append(f"    任务 {code} 完成时限：{old:%Y-%m-%d} → {new:%Y-%m-%d}（随延期调整）")
    for r in back:
        lines.append(
            f"  退办 {r.returned_on:%Y-%m-%d}：{r.reason}（限 {r.resubmit_due:%Y-%m-%d} 补办）"
        )
    print("\n".join(lines))
    return 0


def cmd_extend(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.supervision import extensions

    ext = _write(ctx, lambda s: extensions.request_extension(
        s, ctx.actor, args.id, args.to, args.reason, args.asked))  # fmt: skip
    print(f"延期申请 {ext} 已登记，待科员核查、领导审批。")
    return 0


def cmd_check(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.supervision import extensions

    _write(ctx, lambda s: extensions.check_extension(s, ctx.actor, args.extension,
                                                      not args.refuse, args.note))  # fmt: skip
    print("核查未通过，不予延期。" if args.refuse else "核查通过，已报领导审批。")
    return 0


def cmd_approve(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.supervision import extensions

    _write(ctx, lambda s: extensions.decide_extension(s, ctx.actor, args.extension,
                                                       not args.refuse, args.note))  # fmt: skip
    print("已不予批准，期限不变。" if args.refuse else
          "已批准延期，期限按批准的日期计算；关联任务的完成时限早于该日期的随之延后。")  # fmt: skip
    return 0


def cmd_reply(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services import supervision

    received = args.received or ctx.clock.today()
    _write(ctx, lambda s: supervision.record_reply(
        s, ctx.actor, args.id, received, args.text, args.signer, args.stamped))  # fmt: skip
    print(f"督办事项 #{args.id} 的回复已登记。")
    return 0


def cmd_return(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.supervision import returns

    _write(ctx, lambda s: returns.return_reply(s, ctx.actor, args.id, args.reason, args.by))
    print(f"督办事项 #{args.id} 的回复已退回，限期补办。")
    return 0


def cmd_urge(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.supervision import returns

    _write(ctx, lambda s: returns.urge_item(s, ctx.actor, args.id, args.note))
    print(f"督办事项 #{args.id} 已催办。")
    return 0


def cmd_close(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services import supervision

    _write(ctx, lambda s: supervision.close_item(s, ctx.actor, args.id, args.note))
    print(f"督办事项 #{args.id} 已办结。")
    return 0


def show_rules(
    ctx: CliContext,
    args: argparse.Namespace,
    labels: dict[str, str],
    read: Callable,  # type: ignore[type-arg]
    save: Callable,  # type: ignore[type-arg]
    what: str,
) -> int:
    """Show a settings dataclass; with options, change it first (the service checks who may)."""
    given = {n: getattr(args, n) for n in labels if getattr(args, n) is not None}
    if given:
        actor = ctx.actor  # signs in: only the 系统管理员 may change settings (the service checks)
        with ctx.ledger.session() as session:
            old = read(session)
            new = dataclasses.replace(old, **given)
            save(session, actor, new)
        changes = settings.rule_changes(old, new, labels)
        print(f"{what}已修改：" + ("；".join(changes) if changes else "与原来相同"))
    with ctx.ledger.session() as session:
        value = read(session)
    print(
        table.render([what, "值"], [[label, str(getattr(value, n))] for n, label in labels.items()])
    )
    return 0


def cmd_rules(ctx: CliContext, args: argparse.Namespace) -> int:
    return show_rules(ctx, args, settings.ITEM_RULE_LABELS, settings.item_rules,
                      settings.save_item_rules, "督办事项规则")  # fmt: skip


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.excel import export
    from desktop.services.notices import render
    from desktop.services.supervision import documents

    suffix = args.out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError("输出文件应为 .xlsx（表格）或 .pdf（打印件）。", field="out")
    with ctx.ledger.session() as session:
        if suffix == ".pdf":
            render.save_pdf(documents.register_pdf(session), args.out)
            print(f"督查事项登记簿已输出：{args.out}")
        else:
            count = export.export_register(session, args.out)
            print(f"督查事项登记簿已导出：{args.out}（{count} 件）")
    return 0
