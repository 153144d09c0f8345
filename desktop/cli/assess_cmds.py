"""考核 verbs: the year's results table, 定稿, and the 考核结果通报 as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import table
from desktop.cli.context import CliContext
from desktop.services.errors import ValidationError

if TYPE_CHECKING:
    from desktop.services.assessment import writes as assessment


SOURCE_MARK = {"manual": "", "base": "*", "computed": ""}


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("assess", help="年度考核：输出考核结果表，定稿，生成考核结果通报")
    p.add_argument("year", type=int, help="考核年度，例如 2026")
    p.add_argument("--create", action="store_true", help="该年度尚无方案时按默认方案新建")
    p.add_argument("--finalise", action="store_true", help="定稿（冻结得分、排名和等次）")
    p.add_argument("--circular", action="store_true", help="生成考核结果通报草稿（须先定稿）")
    p.add_argument("--out", type=Path, help="通报 PDF 输出文件（与 --circular 同用）")
    p.add_argument(
        "--lint", action="store_true", help="减负检查：列出 2024 年减负规定不许计分的指标"
    )
    p.set_defaults(handler=cmd_assess)


def cmd_assess(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.assessment import documents as assessment_documents
    from desktop.services.assessment import writes as assessment
    from desktop.services.notices import register as notices

    if args.out is not None and not args.circular:
        raise ValidationError("--out 须与 --circular 同用。", field="out")
    writes = args.create or args.finalise or args.circular
    if writes:
        ctx.sign_in_to_write()
        actor = ctx.actor  # signed in before the session opens: --user may prompt
    with ctx.ledger.session() as session:
        if args.create and assessment.find_scheme(session, args.year) is None:
            assessment.create_scheme(session, actor, args.year)
            print(f"已按默认方案新建{args.year}年度考核方案")
        if args.finalise:
            assessment.finalise(session, actor, args.year)
            print(f"{args.year}年度考核已定稿")
        print(results_text(assessment.results(session, args.year)))
        if args.lint:
            print(lint_text(assessment.get_scheme(session, args.year)))
        if args.circular:
            doc_id = assessment_documents.draft_assessment_circular(session, ctx.actor, args.year)
            print(f"考核结果通报草稿 #{doc_id}")
            if args.out is not None:
                data = notices.pdf_of(session, doc_id)
                notices.save_pdf(data, args.out)
                print(f"已输出：{args.out}（{len(data) // 1024} KB）")
    return 0


def lint_text(scheme: assessment.SchemeInfo) -> str:
    from desktop.services.assessment.lint import lint

    warnings = lint(scheme)
    if not warnings:
        return "减负检查：未发现以批示、报道、会议、发文或留痕计分的指标。"
    return "减负检查：\n" + "\n".join(f"  ！{w.text}" for w in warnings)


def results_text(found: assessment.Results) -> str:
    scheme = found.scheme
    state = "已定稿" if found.final else "未定稿，按台账即时计算"
    head = f"{scheme.name}（{scheme.status_label}；截至 {found.as_of:%Y-%m-%d}，{state}）"
    headers = ["排名", "单位", *(f"{i.name}{i.weight}" for i in scheme.indicators)]
    headers += ["加减分", "总分", "等次"]
    rows = [
        [
            str(r.rank),
            r.unit,
            *(f"{r.scores[i.code]}{SOURCE_MARK[r.sources[i.code]]}" for i in scheme.indicators),
            f"{r.adjustment:+}",
            str(r.total),
            r.grade + ("（否决）" if r.vetoed else ""),
        ]
        for r in found.rows
    ]
    count = len(scheme.indicators)
    right = set(range(2, 2 + count + 2)) | {0}
    note = "* 人工评分指标尚未评分，按基本分计。"
    return "\n".join([head, table.render(headers, rows, right), note])
