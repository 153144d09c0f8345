"""Excel verbs: report templates for the units, import of returned sheets, ledger export and first-use import."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import table
from desktop.cli.context import INTERNAL_ERROR, REFUSED, CliContext
from desktop.services.errors import ValidationError
from desktop.services.excel.ledger_mapping import FIELDS, LedgerMapping

if TYPE_CHECKING:
    from desktop.services.excel import import_reports


def register(commands: argparse._SubParsersAction) -> None:

    excel = commands.add_parser("excel", help="Excel 报送模板、导入报送表、导出台账")
    verbs = excel.add_subparsers(dest="excel_command", metavar="操作", required=True)

    p = verbs.add_parser("template", help="按期次为各牵头单位生成预填的进度报送模板")
    p.add_argument("--period", required=True, metavar="YYYY-MM", help="报送期次，例如 2026-11")
    p.add_argument("--unit", metavar="NAME", help="只生成该单位的模板（全称或简称）")
    p.add_argument("--single", action="store_true", help="所有单位放在一个工作簿中")
    p.add_argument("--out", required=True, metavar="DIR", help="输出文件夹")
    p.set_defaults(handler=cmd_template)

    p = verbs.add_parser("import", help="导入各单位报回的报送表（文件或文件夹），先显示预览")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="报送表文件或所在文件夹")
    p.add_argument("--dry-run", action="store_true", help="只显示预览，不写入台账")
    p.add_argument("--period", metavar="YYYY-MM", help="只接受该期次的报送表")
    p.add_argument("--unit", metavar="NAME", help="只接受该单位的报送表")
    p.add_argument("--all-rows", action="store_true", help="预览中也列出无变化和未填写的行")
    p.set_defaults(handler=cmd_import)

    p = verbs.add_parser("ledger", help="首次使用：导入本办原有的台账表格（先预览）")
    p.add_argument("file", metavar="FILE.xlsx", help="原有台账表格")
    p.add_argument("--sheet", metavar="NAME", help="工作表名称（默认第一个）")
    p.add_argument("--header-row", type=int, metavar="N", help="表头所在行（默认自动判断）")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="字段=表头",
        help="指定列对应，如 title=事项；字段："
        + "、".join(f"{k}（{v[0]}）" for k, v in FIELDS.items()),
    )
    p.add_argument(
        "--year",
        type=int,
        metavar="YYYY",
        help="没写年份的日期（6月底、年底）按该年（默认取标题中的年份）",
    )
    p.add_argument(
        "--cutoff",
        metavar="YYYY-MM-DD",
        help="表中进度和资金的统计截止日期（默认取表中“截至”或今天）",
    )
    p.add_argument(
        "--unit-map",
        action="append",
        default=[],
        metavar="表中名称=台账单位",
        help="表中单位名称对应台账中的哪个单位（全称或简称），如 人社部门=市人力资源和社会保障局",
    )
    p.add_argument("--dry-run", action="store_true", help="只显示预览，不写入台账")
    p.set_defaults(handler=cmd_ledger)

    p = verbs.add_parser("export", help="把台账导出为带格式的 Excel 工作簿")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出文件")
    p.set_defaults(handler=cmd_export)


def cmd_template(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.excel import templates

    with ctx.ledger.session() as session:
        written = templates.write_templates(
            session, args.period, Path(args.out), args.unit, args.single
        )
    for item in written:
        print(f"{item.path}（{'、'.join(item.units)}，{item.tasks} 项任务）")
    print(f"已生成 {len(written)} 个报送模板。")
    return 0


def _unit_id(session, name: str | None) -> int | None:  # type: ignore[no-untyped-def]
    from desktop.services.tasks import list_units

    if not name:
        return None
    for unit in list_units(session):
        if name.strip() in (unit.name, unit.short_name):
            return unit.id
    raise ValidationError(f"找不到单位“{name}”。")


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.excel import import_reports

    started = time.perf_counter()
    with ctx.ledger.session() as session:
        preview = import_reports.preview_import(
            session, args.paths, args.period, _unit_id(session, args.unit)
        )
        print_preview(preview, args.all_rows)
        if preview.refused:
            print(
                f"\n有 {len(preview.refused)} 个文件被拒收，未导入任何内容。"
                "请让单位改正后重报，或移出这些文件后重新导入。",
                file=sys.stderr,
            )
            return INTERNAL_ERROR if preview.internal else REFUSED
        if args.dry_run:
            print("\n预览完毕（--dry-run），未写入台账。")
            return 0
        result = import_reports.apply_import(session, ctx.actor, preview)
    print(f"\n{result.message}（用时 {time.perf_counter() - started:.1f} 秒）")
    return 0


def print_preview(preview: import_reports.ImportPreview, all_rows: bool = False) -> None:
    from desktop.services.excel import import_reports

    shown = [
        r for r in preview.rows if all_rows or r.change not in ("unchanged", "skipped", "duplicate")
    ]
    if shown:
        body = [
            [r.file, f"{r.sheet}!{r.cell}" if r.sheet else "", r.code, r.unit, r.change_label,
             r.detail]
            for r in shown
        ]  # fmt: skip
        print(table.render(["文件", "位置", "任务", "牵头单位", "结果", "说明"], body))
    counts = "，".join(
        f"{label} {preview.count(key)}"
        for key, label in import_reports.CHANGE_LABELS.items()
        if preview.count(key)
    )
    print(
        f"\n共 {len(preview.files)} 个文件，拒收 {len(preview.refused)} 个；{counts or '无内容'}。"
    )
    for problem in preview.problems:
        print(f"  拒收：{problem}")


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.excel import export

    started = time.perf_counter()
    with ctx.ledger.session() as session:
        summary = export.export_ledger(session, Path(args.out))
    print(
        f"已导出台账：{summary.path}（任务 {summary.tasks} 项，进度报送 {summary.reports} 条，"
        f"用时 {time.perf_counter() - started:.1f} 秒）"
    )
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(f"日期应为 YYYY-MM-DD，收到“{text}”") from exc


def _unit_map(session, args: argparse.Namespace) -> dict[str, int | None]:  # type: ignore[no-untyped-def]
    found: dict[str, int | None] = {}
    for item in args.unit_map:
        name, _, unit = item.partition("=")
        found[name.strip()] = _unit_id(session, unit.strip())
    return found


def cmd_ledger(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.services.excel import ledger_import

    with ctx.ledger.session() as session:
        mapping = None
        if args.map:
            sheet = args.sheet or ledger_import.inspect(Path(args.file))[0].name
            columns = dict(item.split("=", 1) for item in args.map if "=" in item)
            mapping = LedgerMapping(sheet, args.header_row or 1, columns)
            if args.header_row is None:
                info = next(i for i in ledger_import.inspect(Path(args.file)) if i.name == sheet)
                mapping.header_row = info.header_row
        options = ledger_import.LedgerOptions(year=args.year, units=_unit_map(session, args))
        if args.cutoff:
            options.cutoff = _day(args.cutoff)
        preview = ledger_import.preview_ledger(
            session, Path(args.file), mapping, args.sheet, args.header_row, options
        )
        used = "、".join(f"{FIELDS[f][0]}←“{h}”" for f, h in preview.mapping.columns.items())
        print(f"工作表“{preview.mapping.sheet}”，第 {preview.mapping.header_row} 行为表头；{used}")
        body = [[str(r.row), r.code, r.title, r.lead_unit, {"new": "新增", "exists": "已有",
                 "rejected": "拒收", "skipped": "不导入"}[r.change], r.detail]
                for r in preview.rows]  # fmt: skip
        print(table.render(["行", "编号", "任务名称", "牵头单位", "结果", "说明"], body))
        if preview.matched:
            print("按简称对应：" + "；".join(f"{a}→{b}" for a, b in preview.matched.items()))
        if preview.unmatched:
            print(
                f"台账中找不到：{'、'.join(preview.unmatched)}（将新建；或用 --unit-map 指定对应）"
            )
        print(
            f"进度和资金按截至 {preview.cutoff} 导入"
            + (f"；年份 {preview.year}" if preview.year else "")
        )
        if preview.new_units or preview.new_projects:
            print(f"将新建单位：{'、'.join(preview.new_units) or '无'}")
            print(f"将新建重点工程：{'、'.join(preview.new_projects) or '无'}")
        if preview.problems:
            print(f"\n有 {len(preview.problems)} 行有误，未导入任何内容。", file=sys.stderr)
            return 1
        if args.dry_run:
            print("\n预览完毕（--dry-run），未写入台账。")
            return 0
        result = ledger_import.apply_ledger(session, ctx.actor, preview)
    print(result.message)
    return 0
