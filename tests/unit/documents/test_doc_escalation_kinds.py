"""Every kind of document the desk prints, composed from the demo ledger and issued, measured."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pypdf
import pytest
from doc_measure import (
    AREA_BOTTOM,
    AREA_LEFT,
    AREA_RIGHT,
    AREA_TOP,
    MM,
    Measured,
    measure,
    page_number_dash,
)

from desktop.documents.grid import cmyk
from desktop.services import identity
from desktop.services.clock import FixedClock
from desktop.services.ledger import backup_sqlite, open_ledger
from desktop.services.notices import register as notices
from tests.fixtures.every_kind import issue_every_kind

CANNOT_START = "，。、；：？！）》」』】〕”’…—"
RED = (0xE5 / 255, 0, 0x12 / 255)
KINDS = [
    "circular",
    "notice",
    "reminder",
    "supervision",
    "interview_notice",
    "interview_record",
    "rectification",
    "accountability",
    "accountability_record",
    "accountability_letter",
    "minutes",
    "assessment",
]
RECORDS = {"interview_record", "accountability_record"}
LETTERS = {
    "reminder",
    "accountability_letter",
}  # 催办单 go out in the 信函格式 (settings: reminder_letter)


@pytest.fixture(scope="module")
def printed(demo_template, tmp_path_factory) -> dict[str, Measured]:
    """One issued PDF of each kind, exactly as stored in the register: the escalation story's
    documents, plus the month's circular, a plain notice and the year's 考核结果通报 (after 定稿)
    issued on a copy of the demo (tests/fixtures/every_kind.py)."""
    copy = backup_sqlite(demo_template, tmp_path_factory.mktemp("kinds") / "demo.sqlite3")
    ledger = open_ledger(copy, FixedClock(datetime(2026, 11, 28, 10, 0)))
    found: dict[str, Measured] = {}
    with ledger.session() as session:
        clerk = identity.sign_in(session, "clerk", "duban-clerk")
        for kind, doc_id in issue_every_kind(session, clerk).items():
            if kind.value in KINDS:
                found[kind.value] = measure(notices.pdf_of(session, doc_id))
    ledger.dispose()
    return found


def test_the_circular_runs_to_several_pages_with_the_end_block_on_an_even_page(printed) -> None:
    pages = printed["circular"].pages
    assert len(pages) >= 4 and len(pages) % 2 == 0
    last = " ".join(line.text for line in pages[-1])
    assert "印发" in last


def test_demo_register_holds_every_kind(printed) -> None:
    assert sorted(printed) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_text_stays_in_the_type_area_and_lines_start_well(printed, kind) -> None:
    m = printed[kind]
    for n, page in enumerate(m.pages):
        for line in page:
            if line.top > AREA_BOTTOM + 1:  # the page number lives below the type area
                continue
            if kind in LETTERS and n == 0 and line.size > 30:
                assert abs(line.top - 30) < 0.2  # a letter's mark: 30 mm from the page top
                continue
            if kind in LETTERS and n == 0 and line.top < AREA_TOP:
                assert line.text.endswith("（蓝）")  # its colour label, above the mark
                continue
            assert line.x0 >= AREA_LEFT - 0.3, line.text
            assert line.top >= AREA_TOP - 1.0, line.text
            if abs(line.size - 16) < 0.1:
                assert line.text[0] not in CANNOT_START, line.text


def poppler_lines(pdf: bytes, tmp_path: Path) -> list[tuple[int, float, float, str]]:
    """(page, left, right, text) of every text line as poppler draws it, in millimetres.

    pdfplumber misplaces the character after a font-subset switch by the character spacing;
    poppler is what prints (CUPS), so the right edge is measured with it."""
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftotext", "-bbox-layout", str(source), str(tmp_path / "doc.html")],
                   check=True)  # fmt: skip
    html = (tmp_path / "doc.html").read_text(encoding="utf-8")
    found = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        for m in re.finditer(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>',
                             page, re.S):  # fmt: skip
            text = "".join(re.findall(r">([^<]+)</word>", m.group(3)))
            found.append((number, float(m.group(1)) / MM, float(m.group(2)) / MM, text))
    return found


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
@pytest.mark.parametrize("kind", KINDS)
def test_no_line_runs_past_the_right_edge_of_the_type_area(printed, kind, tmp_path) -> None:
    lines = poppler_lines(printed[kind].pdf, tmp_path)
    assert lines
    for page, left, right, text in lines:
        assert right <= AREA_RIGHT + 0.3, (page, text)
        assert left >= AREA_LEFT - 0.3 or text.endswith("（蓝）"), (page, text)


@pytest.mark.parametrize("kind", KINDS)
def test_page_numbers_alternate_sides(printed, kind) -> None:
    m = printed[kind]
    for n, lines in enumerate(m.pages, start=1):
        numbers = [ln for ln in lines if ln.text.replace(" ", "") == f"—{n}—"]
        if kind in LETTERS and n == 1:
            assert not numbers  # a letter's first page carries no number
            continue
        if not numbers:  # only a blank page before an even-page 版记 goes unnumbered
            assert not [ln for ln in lines if ln.top < AREA_BOTTOM], f"page {n} unnumbered"
            continue
        number = numbers[0]
        if n <= 3:  # the 一字线's ink at 300 dpi, 7 mm below the type area (§7.5), ±0.5 mm
            dash = page_number_dash(m, n - 1)
            assert dash is not None and abs(dash[1] - (AREA_BOTTOM + 7)) < 0.5, (n, dash)
        one_char = 14 / MM
        if n % 2:
            assert abs(number.x1 - (AREA_RIGHT - one_char)) < 0.3
        else:
            assert abs(number.x0 - (AREA_LEFT + one_char)) < 0.3


@pytest.mark.parametrize("kind", KINDS)
def test_mark_is_red_and_fonts_are_embedded(printed, kind) -> None:
    m = printed[kind]
    if kind in RECORDS:
        return  # a record form has no red head: test_interview_record_is_a_form_not_a_document
    mark = max(m.pages[0], key=lambda ln: ln.size)
    color = mark.chars[0]["non_stroking_color"]
    assert all(abs(a - b) < 0.01 for a, b in zip(color, cmyk(RED), strict=True)), mark.text
    ending = {"minutes": "纪要", "reminder": "办公室", "accountability_letter": "办公室"}.get(
        kind, "文件"
    )  # a letter: no 文件
    assert mark.text.endswith(ending)
    reader = pypdf.PdfReader(io.BytesIO(m.pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():  # type: ignore[index]
            font = font.get_object()
            if font["/Subtype"] != "/Type1":
                assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_interview_record_is_a_form_not_a_document(printed) -> None:
    """约谈记录: a record (no red head, no 文号, no 印发 line), its register 编号 top right, the
    facts, statements and commitments, and lines for the signatures."""
    m = printed["interview_record"]
    lines = [ln for page in m.pages for ln in page]
    text = "".join(ln.text for ln in lines)
    colours = {c["non_stroking_color"] for ln in lines for c in ln.chars}
    assert cmyk(RED) not in colours
    assert not [r for page in m.rules for r in page if r["stroking_color"] == cmyk(RED)]
    assert "文件" not in text and "印发" not in text and "〔2026〕" in text
    number = next(ln for ln in m.pages[0] if ln.text.startswith("编号："))
    assert abs(number.x1 - AREA_RIGHT) < 0.3 and number.top < AREA_TOP + 12
    title = max(m.pages[0], key=lambda ln: ln.size)
    assert title.text.endswith("记录") and abs(title.size - 22) < 0.1
    for needed in ("约谈时间", "约谈地点", "约谈人", "被约谈人", "记录人", "整改承诺"):
        assert needed in text
    assert "约谈人（签字）：" in text and "记录人（签字）：" in text


def test_minutes_decisions_in_fangsong_attendees_with_dunhao(printed) -> None:
    """纪要 (§10.3): decisions set in 仿宋 (a lead sentence bold at most), attendees joined with
    、, a blank line after the title, and （第N期） from the meeting, not a 文件 number."""
    m = printed["minutes"]
    lines = [ln for page in m.pages for ln in page]
    decisions = [
        ln for ln in lines if ln.text[:2] in ("一、", "二、", "三、") and len(ln.text) > 14
    ]
    assert decisions
    for ln in decisions:
        assert not any("WenQuanYi" in f for f in ln.fonts), ln.text  # never 黑体
    present = next(ln for ln in lines if ln.text.startswith("出席："))
    assert "、" in present.text and "，" not in present.text.split("（")[0]
    assert any(ln.text.startswith("（第") and ln.text.endswith("期）") for ln in m.pages[0])
    assert "〔2026〕" not in "".join(ln.text for ln in m.pages[0])


def test_minutes_list_attendance_and_carry_no_seal_space(printed) -> None:
    text = "".join(ln.text for page in printed["minutes"].pages for ln in page)
    for label in ("出席：", "请假：", "列席："):
        assert label in text
    assert "（第1期）" in text


def test_interview_notice_says_who_when_where(printed) -> None:
    text = "".join(ln.text for page in printed["interview_notice"].pages for ln in page)
    for expected in ("约谈事由", "约谈人", "被约谈人", "市委政法委三楼会议室", "联系人及电话"):
        assert expected in text


@pytest.mark.parametrize(
    ("kind", "labels"),
    [
        ("reminder", {"催办（蓝）": (0, 0x5B / 255, 0xB3 / 255)}),
        ("supervision", {"督办（黄）": (0xF3 / 255, 0x98 / 255, 0), "督办（红）": RED}),
        ("interview_notice", {"约谈（红）": RED}),
    ],
)
def test_escalation_colour_label_on_the_first_page(printed, kind, labels) -> None:
    label = next(ln for ln in printed[kind].pages[0] if ln.text in labels)
    rgb = labels[label.text]
    assert all(
        abs(a - b) < 0.01
        for c in label.chars
        for a, b in zip(c["non_stroking_color"], cmyk(rgb), strict=True)
    )
    assert label.x1 <= AREA_RIGHT + 0.05 and label.top < AREA_TOP + 10


def test_assessment_circular_names_grades_and_annexes_the_results(printed) -> None:
    text = "".join(ln.text for page in printed["assessment"].pages for ln in page)
    for expected in ("考核结果的通报", "优秀等次", "较差等次", "附件", "市应急管理局", "38.3"):
        assert expected in text
    assert "E+" not in text


def test_a_one_line_decision_prints_like_a_long_one() -> None:
    """Items one and two of a 纪要's decisions in the same face: a decision short enough for one
    line is no heading (it was set in 黑体 while the wrapped one beside it was 仿宋)."""
    from datetime import date

    from desktop.documents.compose_common import Letterhead
    from desktop.documents.compose_minutes import MinutesData, compose_minutes
    from desktop.documents.fonts import FontSet
    from desktop.documents.render import render_pdf

    data = MinutesData(
        "会商", "电动自行车充电设施建设专题会商", 1, date(2026, 11, 8), "市平安办会议室", "唐启航",
        ("市住房和城乡建设局", "市财政局"), (), (), "研究充电设施选址和补助资金问题",
        ("市住房和城乡建设局12月20日前完成充电设施选址并报送进度",
         "市财政局12月10日前明确充电设施建设补助资金"),
    )  # fmt: skip
    doc = compose_minutes(
        data, Letterhead("江城市平安建设领导小组办公室", "市平安办"), date(2026, 11, 9)
    )
    m = measure(render_pdf(doc, FontSet.shipped()).pdf)
    lines = [ln for page in m.pages for ln in page]
    short = next(ln for ln in lines if ln.text.startswith("二、市财政局"))
    wrapped = next(ln for ln in lines if ln.text.startswith("一、市住房"))
    assert short.text.endswith("。") and not wrapped.text.endswith("。")  # one line, two lines
    for ln in (short, wrapped):
        assert not any("WenQuanYi" in f for f in ln.fonts), ln.text  # never 黑体
    assert set(short.fonts) == set(wrapped.fonts)
