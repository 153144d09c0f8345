"""The 领导小组 meeting pack as one PDF: cover, contents, the pack's own pages, then the circular.

Input is a plain model (:class:`PackModel`); the pack's own pages are laid out with reportlab's
platypus in the documents' fonts (仿宋 body, 黑体 headings, 小标宋 titles), charts drawn as
vector graphics in the same fonts; the period's circular is appended page for page as it was
rendered (its own GB/T 9704 numbering kept). Every page of the pack carries its page number
in the pack as ``— N —``, so the contents can point to it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .fonts import FontRole, FontSet
from .text import patch_reportlab_kinsoku

patch_reportlab_kinsoku()  # its Paragraphs wrap CJK by reportlab's rules

RED = colors.CMYKColor(0, 1, 1, 0)
GREEN = colors.HexColor("#2e9d4f")
YELLOW = colors.HexColor("#e6a700")
GREY = colors.HexColor("#8a8a8a")


@dataclass(frozen=True)
class ProjectBar:
    code: str
    name: str
    schedule: float  # mean 序时进度 of its tasks, percent
    reported: float  # mean reported progress, percent
    budget_wan: float
    arrived_wan: float
    spent_wan: float


@dataclass(frozen=True)
class UnitLamps:
    unit: str
    green: int
    yellow: int
    red: int


@dataclass(frozen=True)
class Line:
    """One row of a list: a code or kind, what, who, and why or when."""

    a: str
    b: str
    c: str
    d: str


@dataclass
class PackModel:
    title: str  # e.g. 江城市平安建设领导小组2026年11月会议材料
    office: str
    day: date
    items: list[str]  # 需研究决定的事项
    projects: list[ProjectBar]
    units: list[UnitLamps]
    red: list[Line]  # code, task, unit, reasons
    forecast: list[Line]  # code, task, unit, reason
    open_items: list[Line]  # kind, unit, what, due
    standing: list[Line]  # rank, unit, total, grade
    standing_note: str
    circular_pdf: bytes
    circular_note: str


SECTIONS = (
    "一、需研究决定的事项",
    "二、总体进展（图表）",
    "三、红灯任务及原因",
    "四、下期可能亮红灯的任务",
    "五、督办链条未结事项",
    "六、年度考核情况（测算）",
    "七、本期工作进展通报",
)


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        body = fonts[FontRole.FANGSONG].reportlab_name
        self.hei = fonts[FontRole.HEITI].reportlab_name
        self.title_font = fonts[FontRole.XIAOBIAOSONG].reportlab_name
        self.song = fonts[FontRole.SONGTI].reportlab_name
        self.body_font = body
        common = {"wordWrap": "CJK", "fontName": body}
        self.body = ParagraphStyle("body", fontSize=14, leading=22, firstLineIndent=28, **common)
        self.cell = ParagraphStyle("cell", fontSize=10.5, leading=14, **common)
        self.head = ParagraphStyle(
            "head",
            fontName=self.hei,
            fontSize=16,
            leading=28,
            spaceBefore=6,
            spaceAfter=6,
            wordWrap="CJK",
        )
        self.title = ParagraphStyle(
            "title",
            fontName=self.title_font,
            fontSize=26,
            leading=40,
            alignment=1,
            wordWrap="CJK",
        )
        self.sub = ParagraphStyle("sub", fontSize=16, leading=28, alignment=1, **common)
        self.toc = ParagraphStyle("toc", fontSize=15, leading=30, **common)


def render_pack(model: PackModel, fonts: FontSet) -> tuple[bytes, list[int]]:
    """The whole pack as PDF bytes, and the pack page each section starts on."""
    from pypdf import PdfReader, PdfWriter

    styles = _Styles(fonts)
    circular = PdfReader(io.BytesIO(model.circular_pdf))
    starts = [0] * len(SECTIONS)
    own = b""
    # Pass 1 finds where each section starts; pass 2 prints those numbers in the contents
    # (a one-page table whose numbers do not move anything).
    own, found = _own_pages(model, styles, starts, len(circular.pages))
    starts[: len(found)] = found
    starts[-1] = len(PdfReader(io.BytesIO(own)).pages) + 1  # the circular follows
    own, _found = _own_pages(model, styles, starts, len(circular.pages))
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(own)).pages:
        writer.add_page(page)
    first_circular = len(writer.pages)
    for page in circular.pages:
        writer.add_page(page)
    _number_pages(writer, first_circular, styles)
    writer.add_metadata({"/Title": model.title, "/Author": model.office, "/Subject": "会议材料"})
    for i, title in enumerate(SECTIONS):
        writer.add_outline_item(title=title, page_number=starts[i] - 1)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), starts


def _own_pages(
    model: PackModel, s: _Styles, starts: list[int], circular_pages: int
) -> tuple[bytes, list[int]]:
    found: list[int] = []
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
        title=model.title,
        author=model.office,
        initialFontName=s.body_font,  # no unembedded Helvetica declared
    )

    class _Marker(Spacer):
        def __init__(self, index: int) -> None:
            super().__init__(0, 0)
            self.index = index

        def draw(self) -> None:
            found.append(self.canv.getPageNumber())

    story: list = [
        Spacer(0, 40 * mm),
        Paragraph(escape(model.title), s.title),
        Spacer(0, 30 * mm),
        Paragraph(escape(model.office), s.sub),
        Paragraph(f"{model.day.year}年{model.day.month}月{model.day.day}日", s.sub),
        PageBreak(),
        Paragraph("目　　录", s.title),
        Spacer(0, 8 * mm),
    ]
    toc = [
        [Paragraph(escape(t), s.toc), Paragraph(str(starts[i] or ""), s.toc)]
        for i, t in enumerate(SECTIONS)
    ]
    story.append(
        Table(toc, colWidths=[130 * mm, 20 * mm], style=[("ALIGN", (1, 0), (1, -1), "RIGHT")])
    )
    story.append(PageBreak())

    def section(i: int) -> None:
        story.extend([CondPageBreak(40 * mm), _Marker(i), Paragraph(SECTIONS[i], s.head)])

    section(0)
    for n, item in enumerate(model.items, start=1):
        story.append(Paragraph(f"{n}. {escape(item)}", s.body))
    story.append(PageBreak())
    section(1)
    story.append(_progress_chart(model.projects, s))
    story.append(Spacer(0, 6 * mm))
    story.append(_funds_chart(model.projects, s))
    story.append(Spacer(0, 6 * mm))
    story.append(_lamps_chart(model.units, s))
    section(2)
    story.append(_table(["编号", "任务", "牵头单位", "原因"], model.red, s, "没有红灯任务。"))
    section(3)
    story.append(Paragraph("按各任务近期报送趋势推算，如无改进，下期末将亮红灯：", s.body))
    story.append(_table(["编号", "任务", "牵头单位", "预警理由"], model.forecast, s, "暂无。"))
    section(4)
    story.append(_table(["类别", "单位", "事项", "期限"], model.open_items, s, "没有未结事项。"))
    section(5)
    story.append(Paragraph(escape(model.standing_note), s.body))
    if model.standing:
        story.append(_table(["名次", "单位", "得分", "等次"], model.standing, s, ""))
    story.append(Spacer(0, 6 * mm))
    story.append(
        Paragraph(
            escape(f"（本期工作进展通报{model.circular_note}，共 {circular_pages} 页，附后。）"),
            s.body,
        )
    )
    doc.build(story)
    return buffer.getvalue(), found


def _table(headers: list[str], rows: list[Line], s: _Styles, empty: str) -> object:
    if not rows:
        return Paragraph(escape(empty), s.body)
    data = [[Paragraph(f"<font name='{s.hei}'>{h}</font>", s.cell) for h in headers]]
    for r in rows:
        data.append([Paragraph(escape(v), s.cell) for v in (r.a, r.b, r.c, r.d)])
    table = Table(data, colWidths=[18 * mm, 45 * mm, 33 * mm, 60 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ]
        )
    )
    return table


def _chart(
    title: str,
    labels: list[str],
    series: list[list[float]],
    names: list[str],
    fills: list[colors.Color],
    s: _Styles,
    unit: str,
) -> Drawing:
    height = 30 + 16 * max(1, len(labels)) * max(1, len(series)) / 1.6 + 30
    drawing = Drawing(156 * mm, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 110, 30
    chart.width, chart.height = 156 * mm - 130, height - 70
    chart.data = series or [[0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = s.body_font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.reverseDirection = True
    chart.valueAxis.labels.fontName = s.song
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.barSpacing = 1
    for i, fill in enumerate(fills):
        chart.bars[i].fillColor = fill
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    drawing.add(String(0, height - 14, title, fontName=s.hei, fontSize=12))
    drawing.add(String(156 * mm - 40, 10, unit, fontName=s.body_font, fontSize=8))
    legend = Legend()
    legend.x, legend.y = 200, height - 10
    legend.fontName = s.body_font
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.colorNamePairs = list(zip(fills, names, strict=True))
    drawing.add(legend)
    return drawing


def _progress_chart(bars: list[ProjectBar], s: _Styles) -> Drawing:
    return _chart(
        "各重点工程平均进度与序时进度",
        [f"{b.code} {b.name[:8]}" for b in bars],
        [[b.reported for b in bars], [b.schedule for b in bars]],
        ["报送进度", "序时进度"],
        [colors.HexColor("#3b7dd8"), GREY],
        s,
        "%",
    )


def _funds_chart(bars: list[ProjectBar], s: _Styles) -> Drawing:
    return _chart(
        "各重点工程资金（万元）",
        [f"{b.code} {b.name[:8]}" for b in bars],
        [[b.budget_wan for b in bars], [b.arrived_wan for b in bars], [b.spent_wan for b in bars]],
        ["计划", "到位", "支出"],
        [GREY, colors.HexColor("#3b7dd8"), GREEN],
        s,
        "万元",
    )


def _lamps_chart(units: list[UnitLamps], s: _Styles) -> Drawing:
    return _chart(
        "各牵头单位任务亮灯",
        [u.unit[:9] for u in units],
        [[u.red for u in units], [u.yellow for u in units], [u.green for u in units]],
        ["红灯", "黄灯", "绿灯"],
        [RED, YELLOW, GREEN],
        s,
        "项",
    )


def _number_pages(writer: object, first_circular: int, s: _Styles) -> None:
    """Stamp ``— N —`` on the pack's own pages (not the cover); the circular keeps its own."""
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    pages = writer.pages  # type: ignore[attr-defined]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=s.song)
    for n in range(1, first_circular + 1):
        if n > 1:
            canvas.setFont(s.song, 14)
            text = f"— {n} —"
            x = A4[0] - 26 * mm - 14 if n % 2 else 28 * mm + 14
            align = canvas.drawRightString if n % 2 else canvas.drawString
            align(x, 35 * mm - 7 * mm - 10, text)
        canvas.showPage()
    canvas.save()
    stamps = PdfReader(io.BytesIO(buffer.getvalue())).pages
    for n in range(1, first_circular):
        pages[n].merge_page(stamps[n])
