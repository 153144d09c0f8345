"""问责 verbs: list and show cases, record each due-process step, print a step's paper.

    duban accountability list
    duban accountability show 1
    duban --user clerk accountability start 3 --approver 陈立群 --approver-title … --on 2026-11-02
    duban --user clerk accountability investigate 1 --members 王静、刘建华 --leader 王静
    duban --user clerk accountability print 1 decision --out 决定书.pdf
    duban --user clerk accountability correct 1 findings --finding weak --reason 笔误
    duban --user admin accountability rules --appeal-days 15

The options of each step come from desktop/services/accountability/steps.py (one table)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli import table
from desktop.cli.context import CliContext
from desktop.cli.item_cmds import show_rules
from desktop.services import settings
from desktop.services.accountability.steps import CHOICES, SPEC, SPECS, START


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD，收到“{text}”") from exc


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "accountability", help="问责：启动审批、调查、陈述申辩、决定、执行、申诉"
    )
    verbs = p.add_subparsers(dest="verb", metavar="步骤", required=True)
    verbs.add_parser("list", help="列出问责").set_defaults(handler=cmd_list)
    show = verbs.add_parser("show", help="一项问责的各步骤")
    show.add_argument("case", type=int, help="问责编号")
    show.set_defaults(handler=cmd_show)
    out = verbs.add_parser("print", help="生成某一步骤的文书草稿并输出 PDF")
    out.add_argument("case", type=int, help="问责编号")
    out.add_argument("step", choices=list(SPEC), help="步骤")
    out.add_argument("--out", type=Path, required=True, help="PDF 输出文件")
    out.set_defaults(handler=cmd_print)
    fix = verbs.add_parser(
        "correct", help="更正已登记的步骤（写明理由，记入日志；原内容保留在日志和时间线中）"
    )
    fix.add_argument("case", type=int, help="问责编号")
    fix.add_argument("step", choices=list(SPEC), help="步骤")
    fix.add_argument("--reason", required=True, help="更正理由")
    fix.add_argument("--on", type=_day, help="更正后的日期（默认不变）")
    seen: set[str] = set()
    for spec in SPECS:
        for f in spec.fields:
            if f.key not in seen:
                seen.add(f.key)
                fix.add_argument(f"--{f.key.replace('_', '-')}", dest=f.key, default=None,
                                 help=f"{f.label}（不给则不变）")  # fmt: skip
    fix.set_defaults(handler=cmd_correct)
    rules = verbs.add_parser(
        "rules", help="查看问责程序的期限（调查组人数、执行期限、申诉期限等）；带选项时修改"
    )
    for name, label in settings.ACCOUNTABILITY_RULE_LABELS.items():
        kind = str if name == "organisation_department" else int
        rules.add_argument("--" + name.replace("_", "-"), type=kind, metavar="N", help=label)
    rules.set_defaults(handler=cmd_rules)
    for spec in SPECS:
        verb = verbs.add_parser(spec.code, help=f"{spec.label}（文书：{spec.sheet}）")
        target = "约谈编号（整改逾期未完成的约谈）" if spec.code == START else "问责编号"
        verb.add_argument("target", type=int, help=target)
        verb.add_argument("--on", type=_day, help="日期（默认今天）")
        for f in spec.fields:
            choices = (
                [m.value for m in CHOICES[f.kind] if m.value != "other"]
                if f.kind in CHOICES
                else None
            )
            verb.add_argument(
                f"--{f.key.replace('_', '-')}",
                dest=f.key,
                default="",
                choices=choices,
                help=f.label + ("" if f.required else "（可选）"),
            )
        verb.set_defaults(handler=cmd_step, spec=spec.code)


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.accountability import views

    today = ctx.clock.today()
    with ctx.ledger.session() as session:
        rows = [
            [
                str(c.id),
                c.unit,
                c.persons,
                c.kind.label if c.kind else (c.ending or "—"),
                c.lamp.label if c.lamp else "—",
                "已办结" if c.closed else "、".join(SPEC[s].label for s in c.next_steps) or "—",
            ]
            for c in views.list_cases(session, today)
        ]
    print(table.render(["编号", "单位", "问责对象", "方式", "执行", "下一步"], rows))
    return 0


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.accountability import views

    today = ctx.clock.today()
    with ctx.ledger.session() as session:
        case = views.get_case(session, args.case, today)
    print(f"问责 #{case.id}  {case.unit}  {case.persons}")
    rows = [
        [s.label, f"{s.on:%Y-%m-%d}", s.summary, "已生成" if s.document_id else "—"]
        for s in case.steps
    ]
    print(table.render(["步骤", "日期", "内容", "文书"], rows))
    if case.ending:
        print(f"处理结果：{case.ending}（问责程序终结）")
    if case.lamp is not None:
        print(f"执行：{case.lamp.label}灯，{case.lamp_reason}")
    if case.appeal_until is not None:
        print(f"申诉期至 {case.appeal_until:%Y-%m-%d}")
    print(
        "下一步："
        + ("已办结" if case.closed else "、".join(SPEC[s].label for s in case.next_steps))
    )
    return 0


def cmd_step(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.accountability import writes as accountability

    ctx.sign_in_to_write()
    spec = SPEC[args.spec]
    values = {f.key: getattr(args, f.key) for f in spec.fields}
    on = args.on or ctx.clock.today()
    with ctx.ledger.session() as session:
        if spec.code == START:
            case_id = accountability.start(session, ctx.actor, args.target, on, values)
            print(f"已启动问责 #{case_id}（{on:%Y-%m-%d}）")
        else:
            accountability.record_step(session, ctx.actor, args.target, spec.code, on, values)
            print(f"问责 #{args.target}：已登记“{spec.label}”（{on:%Y-%m-%d}）")
    return 0


def cmd_correct(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.accountability import views
    from desktop.services.accountability import writes as accountability

    ctx.sign_in_to_write()
    spec = SPEC[args.step]
    with ctx.ledger.session() as session:
        done = views.get_case(session, args.case, ctx.clock.today()).step(spec.code)
        recorded = done.values if done else {}
        values = {f.key: recorded.get(f.key, "") for f in spec.fields}
        values.update({f.key: getattr(args, f.key) for f in spec.fields
                       if getattr(args, f.key) is not None})  # fmt: skip
        on = args.on or (done.on if done else ctx.clock.today())
        note = accountability.correct_step(
            session, ctx.actor, args.case, spec.code, on, values, args.reason
        )
    print(f"问责 #{args.case}：已更正“{spec.label}”。" + (f"\n{note}" if note else ""))
    return 0


def cmd_print(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.accountability import documents as accountability_documents
    from desktop.services.notices import register as notices

    ctx.sign_in_to_write()
    with ctx.ledger.session() as session:
        doc_id = accountability_documents.draft_step(session, ctx.actor, args.case, args.step)
        data = notices.pdf_of(session, doc_id)
        notices.save_pdf(data, args.out)
    print(f"{SPEC[args.step].sheet}草稿 #{doc_id}，已输出：{args.out}（{len(data) // 1024} KB）")
    return 0


def cmd_rules(ctx: CliContext, args: argparse.Namespace) -> int:
    return show_rules(ctx, args, settings.ACCOUNTABILITY_RULE_LABELS,
                      settings.accountability_rules, settings.save_accountability_rules,
                      "问责程序")  # fmt: skip
