"""The red 版头, title, signature rules and the 版记 on an even last page, measured."""

from __future__ import annotations

from datetime import date

import pytest
from doc_measure import AREA_BOTTOM, AREA_LEFT, AREA_RIGHT, AREA_TOP, MM, SLOT, render_measured

from desktop.documents.grid import cmyk
from desktop.documents.samples import body, sample_document

RED = (0xE5 / 255, 0, 0x12 / 255)


def is_red(color) -> bool:
    return (
        color is not None
        and len(color) == 4  # printed in CMYK
        and all(abs(a - b) < 0.01 for a, b in zip(color, cmyk(RED), strict=True))
    )


@pytest.fixture(scope="module")
def notice():
    return render_measured(sample_document(6))


def test_copy_number_classification_urgency_on_lines_1_to_3(notice):
    first = notice.pages[0]
    assert [ln.text for ln in first[:3]] == ["000001", "机密★1年", "特急"]
    assert abs(first[0].top - AREA_TOP) < 0.2
    assert all(abs(ln.x0 - AREA_LEFT) < 0.05 for ln in first[:3])
    assert all("WenQuanYi" in f for f in first[1].fonts + first[2].fonts)  # 黑体


def test_issuer_mark_red_centred_35_mm_below_area_top_and_fits(notice):
    mark = next(ln for ln in notice.pages[0] if ln.text == "江城市平安建设领导小组办公室文件")
    assert abs(mark.top - (AREA_TOP + 35)) < 0.2
    assert mark.x0 >= AREA_LEFT - 0.05 and mark.x1 <= AREA_RIGHT + 0.05
    assert abs((mark.x0 + mark.x1) / 2 - (AREA_LEFT + 78)) < 0.3
    assert all(is_red(c["non_stroking_color"]) for c in mark.chars)
    assert all("NotoSerifCJK" in f and "Bold" in f for f in mark.fonts)  # 小标宋 role


def test_doc_number_centred_and_red_separator_4_mm_below(notice):
    lines = notice.pages[0]
    mark = next(ln for ln in lines if ln.text.endswith("文件"))
    number = next(ln for ln in lines if ln.text == "平安办〔2026〕12号")
    assert abs((number.x0 + number.x1) / 2 - (AREA_LEFT + 78)) < 0.5
    # Two blank grid lines between the mark and the number.
    assert number.top - (mark.top + mark.size / MM) > 2 * 10.4
    red = [r for r in notice.rules[0] if is_red(r["stroking_color"])]
    assert len(red) == 1
    sep = red[0]
    assert abs(sep["x0"] / MM - AREA_LEFT) < 0.05 and abs(sep["x1"] / MM - AREA_RIGHT) < 0.05
    assert abs(sep["top"] / MM - (number.top + 16 / MM + 4)) < 0.3


def test_title_2hao_centred_balanced_below_separator(notice):
    title = [ln for ln in notice.pages[0] if abs(ln.size - 22) < 0.1]
    assert [ln.text for ln in title] == [
        "关于进一步加强全市平安建设补短板",
        "强弱项十大重点工程督办工作的通知",
    ]
    for ln in title:
        assert abs((ln.x0 + ln.x1) / 2 - (AREA_LEFT + 78)) < 0.3
    recipients = next(ln for ln in notice.pages[0] if ln.text.startswith("各区"))
    assert recipients.text.endswith("：") and abs(recipients.x0 - AREA_LEFT) < 0.05


def test_signature_and_date_with_seal(notice):
    lines = [ln for page in notice.pages for ln in page]
    when = next(ln for ln in lines if ln.text == "2026年3月5日")
    name = next(ln for ln in lines if ln.text == "江城市平安建设领导小组办公室" and ln.size == 16)
    assert abs(when.x1 - (AREA_RIGHT - 4 * SLOT)) < 0.3  # right, 4 characters in
    assert abs((name.x0 + name.x1) / 2 - (when.x0 + when.x1) / 2) < 0.3  # centred over it
    note = next(ln for ln in lines if ln.text == "（此件公开发布）")
    assert abs(note.x0 - (AREA_LEFT + 2 * SLOT)) < 0.05
    assert abs(note.top - when.top - 10.446) < 0.05  # the line right below the date


def test_signature_without_seal_right_two_chars_in():
    m = render_measured(sample_document(2, seal=False, signature="江城市平安办"))
    lines = [ln for page in m.pages for ln in page]
    name = next(ln for ln in lines if ln.text == "江城市平安办")
    when = next(ln for ln in lines if ln.text == "2026年3月5日")
    # The date is longer than the name: date 2 chars in, the name's first char 2 chars left.
    assert abs(when.x1 - (AREA_RIGHT - 2 * SLOT)) < 0.3
    assert abs(name.x0 - (when.x0 - 2 * SLOT)) < 0.3
    assert when.top > name.top


@pytest.mark.parametrize("paragraphs", range(1, 13))
def test_end_block_on_even_page_at_the_bottom(paragraphs):
    m = render_measured(sample_document(1, body=body(paragraphs)))
    pages = len(m.pages)
    assert pages % 2 == 0
    last = m.pages[-1]
    cc = next(ln for ln in last if ln.text.startswith("抄送："))
    assert abs(cc.size - 14) < 0.1 and abs(cc.x0 - (AREA_LEFT + 14 / MM)) < 0.05
    printed = next(ln for ln in last if ln.text.endswith("2026年3月5日印发"))
    assert abs(printed.x1 - (AREA_RIGHT - 14 / MM)) < 0.1  # 1 char in on the right
    rules = sorted(m.rules[-1], key=lambda r: r["top"])
    assert abs(rules[-1]["top"] / MM - AREA_BOTTOM) < 0.1  # the last rule on the area bottom
    widths = [round(r["linewidth"] / MM, 2) for r in rules[-3:]]
    assert widths == [0.35, 0.25, 0.35]
    assert all(abs(r["x1"] - r["x0"] - 156 * MM) < 0.1 for r in rules[-3:])
    for n, page in enumerate(m.pages, start=1):
        if not page:  # a blank page: no page number either
            assert n == pages - 1
            assert not m.pages[-1] or not any(ln.text.startswith("—") for ln in m.pages[-1])


def test_blank_page_case_occurs_and_carries_no_number():
    seen_blank = False
    for paragraphs in range(1, 13):
        m = render_measured(sample_document(1, body=body(paragraphs)))
        blank = [n for n, page in enumerate(m.pages) if not page]
        if blank:
            seen_blank = True
            assert blank == [len(m.pages) - 2]
            assert not any("—" in ln.text for ln in m.pages[-1])
    assert seen_blank


def test_date_format_has_no_leading_zeros():
    from desktop.documents import format_date

    assert format_date(date(2026, 3, 5)) == "2026年3月5日"
    assert format_date(date(2026, 11, 30)) == "2026年11月30日"
