"""`duban search TEXT`: every record that mentions a word or a name, grouped by kind."""

from __future__ import annotations

import argparse

from desktop.cli.context import CliContext
from desktop.services.search.query import search


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("search", help="全文检索：任务、报送、督办、约谈、会议、公文等")
    p.add_argument("text", nargs="+", help="要找的词（可用拼音或拼音首字母查名称）")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="每类最多列出 N 条")
    p.set_defaults(handler=cmd_search)


def cmd_search(ctx: CliContext, args: argparse.Namespace) -> int:
    query = " ".join(args.text)
    with ctx.ledger.session() as session:
        results = search(session, query, per_kind=args.limit)
    if not results.groups:
        print(f"没有找到“{query}”。")
        return 0
    print(f"“{query}”共找到 {results.count} 条：")
    for group in results.groups:
        more = "（还有更多）" if group.more else ""
        print(f"\n【{group.label}】{len(group.hits)} 条{more}")
        for hit in group.hits:
            print(f"  {hit.title}：{_marked(hit.snippet, hit.marks)}")
    return 0


def _marked(text: str, marks: tuple[tuple[int, int], ...]) -> str:
    out, last = [], 0
    for start, end in marks:
        out += [text[last:start], "【", text[start:end], "】"]
        last = end
    return "".join([*out, text[last:]])
