"""Issue 14's "Done when", measured on PDFs: python -m bench.documents_done [--out DIR]

Every document of the demo register (issued: the stored PDF/A; drafts: laid out now, seals left
white) and a hostile set (a 40-page body with rare names, 15 recipients and 3 long attachments;
the titles that broke before; a table ending one row past a page; a 请示 with two 签发人, a
联合行文 of three organs with seals, a 函 and a 纪要 issued through the services). For each:

  boxes     □ in the text layer
  sans      characters of 3号 body text (not 一、 headings, not table captions) drawn in a sans
  serif     characters of 仿宋 body lines drawn by the serif fallback (rare names: expected)
  cut       title line breaks that fall inside a word (jieba with the office's own names)
  dash      the page number's 一字线: ink top minus (type area bottom + 7 mm), from pdftoppm 300 dpi
  heading   a heading that is the last 3号 line of a page
  space     lines that begin with a space
  typed     body paragraphs not found in the text layer as typed (line breaks removed)
  pdfa      issued PDFs: what tests/unit/documents/pdfa_check.py finds against PDF/A-2b

Prints one row a document and the totals; --out writes every PDF there (to render and look).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "unit" / "documents"))

from doc_measure import (  # type: ignore[import-not-found]  # noqa: E402
    AREA_BOTTOM,
    Measured,
    measure,
    render_page,
)
from pdfa_check import problems  # type: ignore[import-not-found]  # noqa: E402

from desktop.documents.blocks import heading_level  # noqa: E402
from desktop.documents.model import OfficialDocument  # noqa: E402

SANS = ("Hei", "WenQuanYi", "Sans")


@dataclass
class Row:
    label: str
    pages: int = 0
    boxes: int = 0
    sans: int = 0
    serif: int = 0
    cut: list[str] = field(default_factory=list)
    dash: list[float] = field(default_factory=list)
    heading: list[str] = field(default_factory=list)
    space: list[str] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)
    pdfa: list[str] | None = None  # issued PDFs: pdfa_check's problems


def _is_number(text: str) -> bool:
    t = text.replace(" ", "")
    return t.startswith("—") and t.endswith("—") and t[1:-1].isdigit()


def check(label: str, pdf: bytes, model: OfficialDocument | None, words: tuple[str, ...]) -> Row:
    m: Measured = measure(pdf)
    row = Row(label, len(m.pages))
    text = "".join(ln.text for page in m.pages for ln in page)
    row.boxes = text.count("□")
    for n, page in enumerate(m.pages):
        body = [ln for ln in page if abs(ln.size - 16) < 0.1 and not _is_number(ln.text)]
        for ln in body:
            if heading_level(ln.text) in (1, 2) or ln.text.startswith(("表", "附件")):
                continue
            fangsong = [c for c in ln.chars if "Fang" in c["fontname"]]
            if len(fangsong) * 2 < len(ln.chars):
                continue  # a 黑体/楷体 line (密级, 紧急程度, labels of a record form)
            lead = ln.text.find("：") + 1 if ln.text[:6].find("：") >= 0 else 0
            # 出席： 请假： 列席： and the like lead a 纪要's lines in 黑体 by rule
            row.sans += sum(1 for c in ln.chars[lead:] if any(s in c["fontname"] for s in SANS))
            row.serif += sum(1 for c in ln.chars if "Serif" in c["fontname"])
        if body and n < len(m.pages) - 1:
            last = body[-1].text
            if heading_level(last) and len(last) <= 28 and "。" not in last[:-1]:
                row.heading.append(f"p{n + 1}: {last}")
        for ln in page:
            if ln.chars and ln.chars[0]["text"] == " ":
                row.space.append(f"p{n + 1}: {ln.text[:20]}")
        number = next((ln for ln in page if _is_number(ln.text)), None)
        if number is not None:
            dash = number.chars[0]
            raster = render_page(pdf, n)
            mm = 72 / 25.4
            box = raster.ink_box(
                dash["x0"] / mm, AREA_BOTTOM + 1, dash["x1"] / mm, AREA_BOTTOM + 20
            )
            if box is not None:
                row.dash.append(box[1] - (AREA_BOTTOM + 7))
    if model is not None:
        row.cut = _title_cuts(m, model, words)
        flat = "".join(ln.text for page in m.pages for ln in page if not _is_number(ln.text))
        for block in model.body:
            if isinstance(block, str) and block.strip() and block.strip() not in flat:
                row.typed.append(block.strip()[:30])
    return row


def _title_cuts(m: Measured, model: OfficialDocument, words: tuple[str, ...]) -> list[str]:
    """Breaks of the 2号 title lines on the first page that split a jieba word."""
    import jieba

    for w in words:
        jieba.add_word(w, freq=10**6)
    lines = [ln.text for ln in m.pages[0] if abs(ln.size - 22) < 0.1]
    title = model.title
    if "".join(lines).replace(" ", "") != title.replace(" ", ""):
        return []  # no title of that size (纪要, records) or another layout of it
    bounds, at = set(), 0
    for token in jieba.lcut(title.replace(" ", ""), HMM=False):
        at += len(token)
        bounds.add(at)
    cuts, at = [], 0
    for ln in lines[:-1]:
        at += len(ln.replace(" ", ""))
        if at not in bounds:
            flat = title.replace(" ", "")
            cuts.append(f"{flat[max(0, at - 4) : at]}/{flat[at : at + 4]}")
    return cuts


def demo_documents(workdir: Path) -> Iterator[tuple[str, bytes, OfficialDocument, tuple[str, ...]]]:
    from db.models import Document
    from desktop.services import auth
    from desktop.services.clock import FixedClock
    from desktop.services.demo import build as demo
    from desktop.services.ledger import open_ledger
    from desktop.services.notices import register as notices
    from desktop.services.notices.codec import from_json

    ledger = open_ledger(workdir / "demo.sqlite3", FixedClock(datetime(2026, 11, 28, 10, 0)))
    with ledger.session() as s:
        demo.build_demo(s, auth.system_actor("演示数据"))
    with ledger.session() as s:
        composed(s)
    with ledger.session() as s:
        options = notices.render_options(s)
        docs = s.query(Document).order_by(Document.id).all()
        for doc in docs:
            model = from_json(doc.content)
            pdf = notices.pdf_of(s, doc.id) if doc.status.value == "issued" else b""
            if not pdf:
                pdf = notices.render_with(model, options).pdf
            yield (
                f"demo #{doc.id} {doc.kind.label} {doc.status.label}",
                pdf,
                model,
                options.title_words,
            )
        yield from hostile_issued(s, options.title_words)
    ledger.dispose()


def composed(s) -> None:  # type: ignore[no-untyped-def]
    """The kinds the demo leaves uncomposed: circulars of two periods, the 考核结果通报, a
    督办通知 and a 催办单 for the units with lagging tasks."""
    from desktop.services import auth, circular
    from desktop.services.assessment.documents import draft_assessment_circular
    from desktop.services.notices import drafts as notice_drafts
    from desktop.services.notices.register import DocKind

    actor = auth.system_actor("测量")
    for period in ("2026-10", "2026-11"):
        circular.draft_circular(s, actor, period)
    draft_assessment_circular(s, actor, 2026)
    for kind in (DocKind.SUPERVISION, DocKind.REMINDER):
        for unit in ("市应急管理局", "市公安局"):
            try:
                notice_drafts.draft_supervision(s, actor, kind, unit=unit)
            except Exception as exc:  # a unit all green: nothing to supervise
                print(f"({kind.label} {unit}: {exc})")


def hostile_issued(s, words):  # type: ignore[no-untyped-def]
    """A 请示 with two 签发人 (one a rare name), a 联合行文 of three organs, a 函: issued."""
    from desktop.services import auth
    from desktop.services.notices import drafts as notice_drafts
    from desktop.services.notices import issuing
    from desktop.services.notices import register as notices
    from desktop.services.notices.register import DocKind

    clerk = auth.system_actor("测量")
    cases = [
        (
            DocKind.REQUEST,
            "关于申请2026年度平安建设智能化改造专项经费的请示",
            "江城市平安建设领导小组",
            ["为推进十大重点工程，拟申请专项经费189万元。", "妥否，请批示。"],
            {"signers": ["王建国", "李玥"], "contact": "张伟", "contact_phone": "0710-3456789"},
        ),
        (
            DocKind.NOTICE,
            "关于联合开展城市安全风险综合监测预警平台建设专项检查的通知",
            "各区平安办，市直有关单位：",
            ["一、检查内容", "对照GB/T 28181-2022逐项核查。", "二、工作要求", "按期报送。"],
            {"joint": ["江城市应急管理局", "江城市公安局"]},
        ),
        (
            DocKind.LETTER,
            "关于商请提供ISO 9001:2015认证材料的函",
            "江城市市场监督管理局：",
            ["请于12月10日前提供有关材料。"],
            {},
        ),
    ]
    for kind, title, to, body, elements in cases:
        doc_id = notice_drafts.draft_notice(s, clerk, title, to, body, kind, confirm_fallbacks=True)
        info = notices.get_document(s, doc_id)
        model = notice_drafts.with_elements(info.model, **elements)
        notices.update_draft(s, clerk, doc_id, model, info.version, confirm_fallbacks=True)
        issued = issuing.issue(s, clerk, doc_id, confirm_fallbacks=True)
        info = notices.get_document(s, doc_id)
        yield f"hostile {kind.label} {issued.number}", notices.pdf_of(s, doc_id), info.model, words


def hostile_documents() -> Iterator[tuple[str, bytes, OfficialDocument, tuple[str, ...]]]:
    from desktop.documents import FontSet, render_pdf
    from desktop.documents.samples import (
        hostile_document,
        paragraph,
        progress_table,
        sample_document,
    )

    fonts = FontSet.shipped()
    doc = hostile_document()
    yield "hostile 40 pages", render_pdf(doc, fonts).pdf, doc, ()
    words = (
        "江城市",
        "市应急管理局",
        "城市安全风险综合监测预警平台",
        "江城市平安建设领导小组办公室",
    )
    titles = [
        "关于市应急管理局建立重点任务月度台账深度核查工作机制的通知",
        "关于加快推进全市平安建设智能化改造和基层网格化治理的通知",
        "关于执行GB/T 28181-2022视频联网标准推进公共安全视频监控建设联网应用的通知",
        "江城市平安建设领导小组办公室关于对市应急管理局牵头的城市安全风险综合监测预警平台建设"
        "任务进度严重滞后问题进行专项督办并建立长效工作机制的通知",
        "关于2026年度第3批次共计189项重点任务完成率达到35%及ISO 9001:2015认证情况的通报",
    ]
    for title in titles:
        doc = sample_document(1, title=title)
        pdf = render_pdf(doc, fonts, title_words=words).pdf
        yield f"hostile title {title[:14]}", pdf, doc, words
    for rows in (24, 25, 26):  # around one row past a page
        doc = sample_document(1, body=[paragraph(0), progress_table(rows)], cc="")
        yield f"hostile table {rows} rows", render_pdf(doc, fonts).pdf, doc, ()
    short = sample_document(1, title="关于张喆同志的通报")
    yield "hostile rare title", render_pdf(replace(short), fonts).pdf, short, ()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, help="write every PDF measured into this folder")
    args = parser.parse_args()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="duban-done-") as tmp:
        sources = [*hostile_documents(), *demo_documents(Path(tmp))]
        for n, (label, pdf, model, words) in enumerate(sources):
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / f"{n:03d}.pdf").write_bytes(pdf)
            row = check(label, pdf, model, words)
            if "已印发" in label or label.startswith("hostile 请示") or "〔" in label:
                row.pdfa = problems(pdf)
            rows.append(row)
            worst = max((abs(d) for d in row.dash), default=0.0)
            flags = [
                f"□{row.boxes}" if row.boxes else "",
                f"sans{row.sans}" if row.sans else "",
                f"cut {row.cut}" if row.cut else "",
                f"heading {row.heading}" if row.heading else "",
                f"space {row.space[:3]}" if row.space else "",
                f"typed {row.typed[:2]}" if row.typed else "",
                f"dash {worst:.2f}" if worst > 0.5 else "",
                f"pdfa {row.pdfa}" if row.pdfa else "",
            ]
            print(
                f"{n:03d} {label[:40]:40} {row.pages:3d}p dash±{worst:.2f} serif {row.serif:3d} "
                + " ".join(f for f in flags if f),
                flush=True,
            )
    dashes = [d for r in rows for d in r.dash]
    print(
        f"\n{len(rows)} documents, {sum(r.pages for r in rows)} pages, {len(dashes)} page numbers: "
        f"dash offset {min(dashes):+.2f} … {max(dashes):+.2f} mm; □ {sum(r.boxes for r in rows)}; "
        f"sans in body {sum(r.sans for r in rows)}; serif fallback {sum(r.serif for r in rows)}; "
        f"title cuts {sum(len(r.cut) for r in rows)}; stranded headings "
        f"{sum(len(r.heading) for r in rows)}; leading spaces {sum(len(r.space) for r in rows)}; "
        f"paragraphs not as typed {sum(len(r.typed) for r in rows)}; issued PDFs checked as "
        f"PDF/A-2b {sum(r.pdfa is not None for r in rows)}, with problems "
        f"{sum(bool(r.pdfa) for r in rows)}"
    )


if __name__ == "__main__":
    main()
