"""考核 verbs: the year's results table, 定稿, and the 考核结果通报 as a PDF."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import table
from desktop.cli.context import CliContext
from desktop.services.assessment.rules import VETO_MODES
from desktop.services.errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.services.assessment import writes as assessment


SOURCE_MARK = {"manual": "", "base": "*", "computed": ""}


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("assess", help="年度考核：输出考核结果表，定稿，生成考核结果通报")
    p.add_argument("year", type=int, help="考核年度，例如 2026")
    p.add_argument("--create", action="store_true", help="该年度尚无方案时按默认方案新建")
    p.add_argument(
        "--base100",
        action="store_true",
        help="与 --create 同用：按百分制考评方案（减完为止等）新建",
    )
    p.add_argument(
        "--review",
        nargs=3,
        metavar=("单位", "yes|no", "意见"),
        help="平安办优秀等次资格审核（定稿前）",
    )
    p.add_argument("--reopen", metavar="理由", help="重新打开已定稿的年度（须写明理由，记入日志）")
    p.add_argument("--decide", action="store_true", help="登记领导小组会议对拟定等次的审定")
    p.add_argument("--by", default="", help="与 --decide 同用：审定的会议及主持人")
    p.add_argument("--minutes", default="", help="与 --decide 同用：会议纪要期号，如 第4期")
    p.add_argument("--on", type=date.fromisoformat, help="与 --decide 同用：审定日期（默认今天）")
    p.add_argument("--meeting", type=int, help="与 --decide 同用：台账中的会议编号")
    p.add_argument("--finalise", action="store_true", help="定稿（冻结得分、排名和等次）")
    p.add_argument("--circular", action="store_true", help="生成考核结果通报草稿（须先定稿）")
    p.add_argument("--out", type=Path, help="通报 PDF 输出文件（与 --circular 同用）")
    p.add_argument("--source", action="append", default=None, metavar="来源=权重",
                   help="草拟方案：人工评分指标的评分来源及权重（可重复，合计 100），"
                        "如 --source 群众评价=30；--source none 不分来源")  # fmt: skip
    p.add_argument("--sensitive", action="append", default=None, metavar="MM-DD:MM-DD:名称",
                   help="草拟方案：敏感时段（可重复），如 --sensitive 03-01:03-15:全国两会；"
                        "--sensitive none 清空")  # fmt: skip
    p.add_argument("--veto-mode", choices=list(VETO_MODES),
                   help="草拟方案：一票否决的处理：lowest 定为最低等次，deduct 一次性扣分"
                        "（扣该项分值），cap 限定最高等次")  # fmt: skip
    p.add_argument("--veto-cap", default="", metavar="等次",
                   help="与 --veto-mode cap 同用：否决后最高可评的等次")  # fmt: skip
    p.add_argument("--scheme", action="store_true",
                   help="列出方案：指标、加减分项、等次、评分来源、敏感时段")  # fmt: skip
    p.add_argument(
        "--lint",
        action="store_true",
        help="减负检查：列出 2024 年减负规定不许计分的指标，及各单位被要求报送材料的次数",
    )
    p.set_defaults(handler=cmd_assess)


def cmd_assess(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.assessment import documents as assessment_documents
    from desktop.services.assessment import writes as assessment
    from desktop.services.notices import register as notices
    from desktop.services.notices.drafts import find_unit_id

    if args.out is not None and not args.circular:
        raise ValidationError("--out 须与 --circular 同用。", field="out")
    from desktop.services.assessment import decision

    writes = args.create or args.finalise or args.circular or args.review or args.decide
    configure = args.source is not None or args.sensitive is not None or args.veto_mode
    writes = writes or args.reopen or configure
    if writes:
        ctx.sign_in_to_write()
        actor = ctx.actor  # signed in before the session opens: --user may prompt
    with ctx.ledger.session() as session:
        if args.create and assessment.find_scheme(session, args.year) is None:
            assessment.create_scheme(session, actor, args.year, base100=args.base100)
            print(f"已按{'百分制考评' if args.base100 else '默认'}方案新建{args.year}年度考核方案")
        if args.reopen:
            decision.reopen(session, actor, args.year, args.reopen)
            print(f"{args.year}年度考核已重新打开")
        if configure:
            assessment.configure_scheme(
                session,
                actor,
                args.year,
                sources=None if args.source is None else _sources(args.source),
                sensitive=None if args.sensitive is None else _periods(args.sensitive),
                veto_mode=args.veto_mode,
                grade_cap=args.veto_cap,
            )
            print(f"已修改{args.year}年度考核方案")
        if args.scheme or configure:
            print(scheme_text(assessment.get_scheme(session, args.year)))
        if args.review:
            unit, verdict, note = args.review
            if verdict not in ("yes", "no"):
                raise ValidationError("资格审核结论应为 yes 或 no。", field="review")
            unit_id = find_unit_id(session, unit)
            decision.review_excellent(session, actor, args.year, unit_id, verdict == "yes", note)
            print(f"已登记{unit}优秀等次资格审核：{'符合' if verdict == 'yes' else '不符合'}")
        if args.finalise:
            assessment.finalise(session, actor, args.year)
            print(f"{args.year}年度考核已定稿")
        if args.decide:
            decision.record_decision(
                session,
                actor,
                args.year,
                decided_on=args.on or ctx.clock.today(),
                decided_by=args.by,
                minutes_issue=args.minutes,
                meeting_id=args.meeting,
            )
            print(f"已登记领导小组审定（{args.by}，纪要{args.minutes}）")
        print(results_text(assessment.results(session, args.year)))
        if args.lint:
            print(lint_text(assessment.get_scheme(session, args.year)))
            print(requests_text(session, args.year, ctx.clock.today()))
        if args.circular:
            doc_id = assessment_documents.draft_assessment_circular(session, ctx.actor, args.year)
            print(f"考核结果通报草稿 #{doc_id}")
            if args.out is not None:
                data = notices.pdf_of(session, doc_id)
                notices.save_pdf(data, args.out)
                print(f"已输出：{args.out}（{len(data) // 1024} KB）")
    return 0


def _sources(given: list[str]) -> list[tuple[str, int]]:
    if given == ["none"]:
        return []
    found = []
    for text in given:
        name, _, weight = text.partition("=")
        if not weight.strip().isdigit():
            raise ValidationError(
                f"评分来源应写作 来源=权重，如 群众评价=30：{text}", field="sources"
            )
        found.append((name.strip(), int(weight)))
    return found


def _periods(given: list[str]) -> list[tuple[str, str, str]]:
    if given == ["none"]:
        return []
    found = []
    for text in given:
        parts = text.split(":", 2)
        if len(parts) != 3:
            raise ValidationError(
                f"敏感时段应写作 MM-DD:MM-DD:名称，如 03-01:03-15:全国两会：{text}",
                field="sensitive",
            )
        found.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return found


def scheme_text(scheme: assessment.SchemeInfo) -> str:
    from desktop.services.assessment.rules import RULES, VETO_MODES

    def n(value: object) -> str:
        return f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"

    lines = [f"{scheme.name}（{scheme.status_label}）", "指标："]
    lines += [f"  {i.name} {i.weight}（{'人工评分' if i.source == 'manual' else '台账计算'}，"
              f"{i.owner or '—'}）" for i in scheme.indicators]  # fmt: skip
    lines.append("加减分项：")
    for i in scheme.items:
        extra = [
            f"封顶 {n(i.cap)}" if i.cap else "",
            f"扣{i.indicator}指标（减完为止）" if i.indicator else "",
            f"重复×{n(i.repeat_factor)}" if i.repeat_factor != 1 else "",
            f"敏感时段×{n(i.sensitive_factor)}" if i.sensitive_factor != 1 else "",
        ]
        if i.rule == "veto":
            extra = [VETO_MODES[i.veto_mode] + (f"：{i.grade_cap}" if i.grade_cap else "")]
        lines.append(f"  {i.name}：{RULES[i.rule]}，每次 {n(i.points)}"
                     + "".join(f"，{e}" for e in extra if e))  # fmt: skip
    lines.append("等次：" + "、".join(f"{g.label} ≥{n(g.min_score)}" for g in scheme.grades))
    lines.append("评分来源：" + ("、".join(f"{s} {w}" for s, w in scheme.sources) or "不分来源"))
    lines.append("敏感时段：" + ("、".join(f"{p[2]} {p[0]}至{p[1]}" for p in scheme.sensitive)
                                 or "无"))  # fmt: skip
    return "\n".join(lines)


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
    headers += ["加减分", "总分", "拟定等次", "审定等次"]
    rows = [
        [
            str(r.rank),
            r.unit,
            *(f"{r.scores[i.code]}{SOURCE_MARK[r.sources[i.code]]}" for i in scheme.indicators),
            f"{r.adjustment:+}",
            str(r.total),
            r.proposed + ("（否决）" if r.vetoed else ""),
            r.grade if scheme.decided_on else "—",
        ]
        for r in found.rows
    ]
    count = len(scheme.indicators)
    right = set(range(2, 2 + count + 2)) | {0}
    note = "* 人工评分指标尚未评分，按基本分计。"
    lines = [head, table.render(headers, rows, right), note]
    if scheme.decided_on is not None:
        lines.append(
            f"等次经{scheme.decided_by}于{scheme.decided_on:%Y-%m-%d}审定（会议纪要{scheme.minutes_issue}）。"
        )
    return "\n".join(lines)


def requests_text(session: Session, year: int, today: date) -> str:
    from desktop.services.assessment.burden import requests_by_unit
    from desktop.services.assessment.facts import assessed_day

    found = requests_by_unit(session, year, assessed_day(year, today))
    headers = ["单位", "进度报送（月）", "督办催办回复", "约谈材料", "整改报告", "合计"]
    rows = [
        [r.unit, str(r.reports), str(r.replies), str(r.materials), str(r.rectifications),
         str(r.total)]
        for r in found
    ]  # fmt: skip
    return f"{year}年度各单位被要求报送材料次数：\n" + table.render(headers, rows, {1, 2, 3, 4, 5})
