"""render_pdf: lay an OfficialDocument out on the GB/T 9704 grid and draw it with reportlab."""

from __future__ import annotations

import io
import pickle
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from .blocks import Flow, is_heading_alone
from .endmatter import layout_end_block, page_number
from .fonts import FontRole, FontSet, reportlab_lock
from .grid import (
    BLACK,
    LEFT,
    MIN_PITCH,
    PAGE_H,
    PAGE_W,
    RED,
    SIZE_3,
    TOP,
    Grid,
    cmyk,
    default_line_pitch,
)
from .header import layout_header
from .kept import Kept
from .model import Block, DocumentKind, OfficialDocument, Table, format_date, note_text
from .pages import Composer, Page, RuleOp, TextOp
from .pdf_text import Run, TextWriter
from .seals import sign_with_seals
from .tables import layout_table
from .text import Shaper


@dataclass
class RenderResult:
    pdf: bytes
    page_count: int
    font_notes: list[str] = field(default_factory=list)  # which font stood in for which
    glyph_warnings: list[str] = field(default_factory=list)  # characters drawn from a fallback


FAUX_BOLD = 0.03  # outline width of faux-bold text, in em (0.48 pt at 3号)


def render_pdf(
    doc: OfficialDocument,
    fonts: FontSet | None = None,
    *,
    line_pitch_pt: float | None = None,
    bold_level3: bool = True,
    title_words: Iterable[str] = (),
    seal_marks: bool = False,
) -> RenderResult:
    """Lay out and draw ``doc`` as PDF (see :func:`lay_out` for the options).

    ``seal_marks`` outlines where each seal is to be pressed (a draft's preview); an issued
    document leaves the place white for the seal itself.
    """
    with reportlab_lock:
        laid = lay_out(
            doc,
            fonts,
            line_pitch_pt=line_pitch_pt,
            bold_level3=bold_level3,
            title_words=title_words,
        )
        pdf = _draw(laid.pages, doc, seal_marks)
    return RenderResult(pdf, len(laid.pages), laid.font_notes, laid.glyph_warnings)


@dataclass
class Layout:
    """A document laid out: its pages (page numbers included), for the PDF and the OFD alike."""

    pages: list[Page]
    font_notes: list[str]
    glyph_warnings: list[str]


def lay_out(
    doc: OfficialDocument,
    fonts: FontSet | None = None,
    *,
    line_pitch_pt: float | None = None,
    bold_level3: bool = True,
    title_words: Iterable[str] = (),
) -> Layout:
    """Lay ``doc`` out; ``line_pitch_pt`` defaults to ≈29.6 pt (22 lines fill 225 mm).

    ``bold_level3`` prints "1." headings in bold 仿宋 (a faux bold: fill plus a thin outline).
    ``title_words`` (the office's unit and project names) are never cut when a title wraps.
    Call with :data:`reportlab_lock` held (the fonts' reportlab objects are shared).
    """
    fonts = fonts or FontSet.resolve()
    grid = Grid(line_pitch_pt or default_line_pitch())
    if grid.lines < 1:
        raise ValueError("行距过大，版心内排不下一行")
    words = tuple(title_words)
    key = _layout_key(doc, fonts, grid, bold_level3, words)
    found = _laid_out(key)
    if found is not None:
        return found
    laid = _lay_out(doc, fonts, grid, bold_level3, words)
    if key is not None:
        _laid.put(key, laid)
    return _copy(laid)


# Layouts kept per process, by the document's content (pickled) and everything else a layout
# depends on: issuing lays the same document out for its PDF and for its OFD, a preview and
# the issue that follows it lay out the same draft, and the warm circular is laid out again
# with nothing changed (its 5 ms of layout, issue 11). The pages are shared, never changed:
# the PDF and OFD writers only read them.
LAYOUTS_KEPT = 8
_laid: Kept[tuple[Any, ...], Layout] = Kept(LAYOUTS_KEPT)


def _layout_key(
    doc: OfficialDocument, fonts: FontSet, grid: Grid, bold: bool, words: tuple[str, ...]
) -> tuple[Any, ...] | None:
    """What the layout of ``doc`` depends on, as of now (a later change to ``doc`` is another
    key); None for a document that cannot be pickled (laid out every time)."""
    try:
        content = pickle.dumps(doc, protocol=5)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    return (content, Shaper(fonts).fonts_key(), tuple(fonts.notes), grid, bold, words)


def _laid_out(key: tuple[Any, ...] | None) -> Layout | None:
    found = _laid.get(key) if key is not None else None
    return None if found is None else _copy(found)


def _copy(laid: Layout) -> Layout:
    """The caller's own lists of the kept layout's pages and notes (the pages are shared)."""
    return Layout(list(laid.pages), list(laid.font_notes), list(laid.glyph_warnings))


def _lay_out(
    doc: OfficialDocument, fonts: FontSet, grid: Grid, bold_level3: bool, words: tuple[str, ...]
) -> Layout:
    """:func:`lay_out` itself: ``doc`` laid out anew."""

    def layout(page_grids: dict[int, Grid]) -> Flow:
        flow = Flow(Composer(grid, page_grids), Shaper(fonts), bold_level3, words)
        _layout(flow, doc)
        return flow

    grids: dict[int, Grid] = {}
    flow = layout(grids)
    for _ in range(3):
        # §7.3.5.1: when the signature (or the 版记) does not fit, tighten that page's
        # lines, down to MIN_PITCH, rather than carry it to a page of its own.
        if flow.comp.shortfall is None:
            break
        page, missing = flow.comp.shortfall
        tight = grids.get(page, grid).tightened(missing)
        if tight.pitch < MIN_PITCH:
            break
        trial = layout({**grids, page: tight})
        if len(trial.comp.pages) > len(flow.comp.pages):
            break
        grids[page], flow = tight, trial
    for number, page_ in enumerate(flow.comp.pages, start=1):
        if page_.numbered:
            x, top, glyphs = page_number(flow, number)
            page_.ops.append(TextOp(x, top, 14.0, glyphs, 0.0))
    return Layout(flow.comp.pages, list(fonts.notes), list(flow.shaper.warnings))


def _layout(flow: Flow, doc: OfficialDocument) -> None:
    comp = flow.comp
    flow.decisions_plain = doc.kind is DocumentKind.MINUTES
    layout_header(flow, doc)
    if doc.title:
        flow.title(doc.title)
        if not doc.recipients:
            comp.skip_lines(1)  # a blank line between the title and the body (纪要 too)
    if doc.recipients:
        comp.skip_lines(1)
        text = doc.recipients.strip().rstrip("：:") + "："
        flow.flow(flow.glyphs([(text, FontRole.FANGSONG)]), 0.0, 0.0)
        comp.hold_last()
    _blocks(flow, doc.body)
    if doc.attachments:
        flow.attachment_note(doc.attachments)
    if doc.kind is DocumentKind.MINUTES:
        flow.attendance(doc.attendance)
    elif doc.signature or doc.date:
        names = doc.joint_issuers if len(doc.joint_issuers) > 1 else [doc.signature]
        keep = 1 if note_text(doc) else 0
        if doc.seal:
            organs = [n for n in names if n]
            shaped = [flow.glyphs([(n, FontRole.FANGSONG)]) for n in organs]
            when = flow.glyphs([(format_date(doc.date), FontRole.FANGSONG)]) if doc.date else []
            sign_with_seals(flow, shaped, organs, when, keep)
        else:
            flow.signature(names, doc.date, keep_after=keep)
    if note_text(doc):
        flow.note(note_text(doc))
    for i, att in enumerate(doc.attachments):
        comp.new_page()
        label = f"附件{i + 1}" if len(doc.attachments) > 1 else "附件"
        comp.put_line(flow.glyphs([(label, FontRole.HEITI)]), 0.0)
        comp.skip_lines(1)
        flow.title(att.title)  # on line 3, centred
        comp.skip_lines(1)
        _blocks(flow, att.blocks)
    layout_end_block(flow, doc)


def _blocks(flow: Flow, blocks: list[Block]) -> None:
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            layout_table(flow, block)
        elif block.strip():
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            keep = 0
            if after is not None and is_heading_alone(block):
                # A heading never ends a page: its text (or a table's caption, header and first
                # row) comes with it.
                keep = 3 if isinstance(after, Table) else 1
            flow.paragraph(block, keep=keep)


def _draw(pages: list[Page], doc: OfficialDocument, seal_marks: bool = False) -> bytes:
    buf = io.BytesIO()
    body_font = next(
        (op.glyphs[0].font for p in pages for op in p.ops if isinstance(op, TextOp) and op.glyphs),
        None,
    )
    # initialFontName: reportlab otherwise declares an unembedded Helvetica on every page.
    canvas = Canvas(
        buf,
        pagesize=(PAGE_W, PAGE_H),
        pageCompression=1,
        pdfVersion=(1, 4),
        initialFontName=body_font,
        initialFontSize=SIZE_3,
        lang="zh-CN",
    )
    _metadata(canvas, doc)
    writer = TextWriter(canvas)
    runs = {id(op): writer.runs(op) for p in pages for op in p.ops if isinstance(op, TextOp)}
    writer.assign(runs.values())
    for page in pages:
        _draw_page(canvas, writer, page, runs)
        if seal_marks:
            _draw_seal_marks(canvas, page)
        canvas.showPage()
    _deflate_pages_fast(canvas)
    canvas.save()
    return buf.getvalue()


PAGE_LEVEL = 2  # zlib level of the pages' content streams (reportlab's own: zlib's default 6)


class _PageDeflate:
    """FlateDecode at PAGE_LEVEL, without the ASCII85 reportlab wraps around it (a 7-bit
    transport's need, a quarter more bytes): the demo circular's 19 streams (151 KB of
    operators) deflate in 0.8 ms where level 6 took 1.7 ms and ASCII85 more (save 3.8 → 2.7 ms
    of a 25 ms warm render, issue 11); the PDF comes out 1 KB smaller.

    A page drawn again with the same operators (the document rendered again) takes the bytes
    deflated for it before: a few dozen pages are kept, their streams compared whole."""

    pdfname = "FlateDecode"

    def __init__(self) -> None:
        self._kept: Kept[str | bytes, bytes] = Kept(PAGES_KEPT)

    def encode(self, text: str | bytes) -> bytes:
        found = self._kept.get(text)
        if found is not None:
            return found
        raw = text.encode("utf8") if isinstance(text, str) else text
        return self._kept.put(text, zlib.compress(raw, PAGE_LEVEL))


PAGES_KEPT = 64  # a few documents' pages (≈ 10 KB of operators each, and their deflated bytes)


def _deflate_pages_fast(canvas: Canvas) -> None:
    """Give each page its content stream as reportlab's PDFPage.check_format would, deflated at
    PAGE_LEVEL (it leaves a page whose Contents are set alone)."""
    for page in canvas._doc.Pages.pages:
        if not page.Contents and page.stream:
            stream = pdfdoc.PDFStream()
            stream.filters = [_PAGE_DEFLATE]
            stream.content = page.stream
            stream.__Comment__ = "page stream"
            page.Contents = stream


_PAGE_DEFLATE = _PageDeflate()


KIND_WORDS = (
    "通知书",
    "记录",
    "通知",
    "通报",
    "纪要",
    "请示",
    "报告",
    "批复",
    "意见",
    "决定",
    "函",
)


def _metadata(canvas: Canvas, doc: OfficialDocument) -> None:
    """Title, the issuing office, the kind of document and its 文号, for archives and search."""
    canvas.setTitle(doc.title or doc.issuer_mark)
    canvas.setAuthor(doc.signature or doc.issuer_mark)
    kind = doc.subject or next((w for w in KIND_WORDS if doc.title.endswith(w)), "")
    if doc.kind is DocumentKind.MINUTES:
        kind = kind or "纪要"
    canvas.setSubject(kind or "公文")
    canvas.setKeywords(doc.doc_number or doc.minutes_issue)
    canvas.setCreator("督办台")  # CreationDate and ModDate: reportlab writes the moment drawn


def _draw_page(canvas: Canvas, writer: TextWriter, page: Page, runs: dict[int, list[Run]]) -> None:
    for op in page.ops:
        if isinstance(op, RuleOp):
            canvas.setStrokeColorCMYK(*cmyk(op.color))
            canvas.setLineWidth(op.thickness)
            canvas.line(LEFT + op.x0, PAGE_H - TOP - op.y0, LEFT + op.x1, PAGE_H - TOP - op.y1)
        elif op.glyphs:
            _draw_text(canvas, writer, op, runs[id(op)])


SEAL_MARK_LINE = 0.6  # pt, dashed: the outline of a place for a seal, never mistaken for one
SEAL_MARK_DASH = (4, 3)


def _draw_seal_marks(canvas: Canvas, page: Page) -> None:
    canvas.saveState()
    canvas.setStrokeColorCMYK(*cmyk(RED))
    canvas.setLineWidth(SEAL_MARK_LINE)
    canvas.setDash(*SEAL_MARK_DASH)
    for seal in page.seals:
        canvas.circle(LEFT + seal.cx, PAGE_H - TOP - seal.cy, seal.diameter / 2, stroke=1, fill=0)
    canvas.restoreState()


def _draw_text(canvas: Canvas, writer: TextWriter, op: TextOp, runs: list[Run]) -> None:
    if any(bold for _end, _font, bold, _text in runs):
        # Outline width and colour are graphics state: set before BT, used by Tr 2 runs.
        canvas.setLineWidth(op.size * FAUX_BOLD)
        canvas.setStrokeColorCMYK(*cmyk(op.color))
    writer.line(op, runs)
    if op.color != BLACK:
        canvas.setFillColorCMYK(*cmyk(BLACK))
