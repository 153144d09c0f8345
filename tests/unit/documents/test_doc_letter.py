"""The 信函格式 (GB/T 9704-2012 §10.1), measured: mark 30 mm down without 文件, red double lines
170 mm long 4 mm under the mark and 20 mm above the page bottom, number top right under the line,
no page number on page 1, a 版记 without 印发 and rules."""

from __future__ import annotations

import pytest
from doc_measure import AREA_BOTTOM, AREA_LEFT, AREA_RIGHT, AREA_TOP, MM, render_measured

from desktop.documents import DocumentKind, Grade
from desktop.documents.grid import cmyk, default_line_pitch
from desktop.documents.samples import body, sample_document

RED = (0xE5 / 255, 0, 0x12 / 255)
PITCH = default_line_pitch() / MM


def is_red(color) -> bool:
    return color is not None and all(
        abs(a - b) < 0.01 for a, b in zip(color, cmyk(RED), strict=True)
    )  # printed in CMYK


@pytest.fixture(scope="module")
def letter():
    return render_measured(
        sample_document(8, kind=DocumentKind.LETTER, copy_number="", classification="")
    )


def red_rules(m, page=0):
    return sorted((r for r in m.rules[page] if is_red(r["stroking_color"])), key=lambda r: r["top"])


def test_mark_30_mm_from_the_page_top_without_wenjian(letter) -> None:
    mark = max(letter.pages[0], key=lambda ln: ln.size)
    assert mark.text == "江城市平安建设领导小组办公室"
    assert abs(mark.top - 30) < 0.2
    assert all(is_red(c["non_stroking_color"]) for c in mark.chars)
    assert abs((mark.x0 + mark.x1) / 2 - (AREA_LEFT + 78)) < 0.3


def test_double_lines_thick_over_thin_and_thin_over_thick(letter) -> None:
    mark = max(letter.pages[0], key=lambda ln: ln.size)
    rules = red_rules(letter)
    assert len(rules) == 4
    for r in rules:  # 170 mm, centred on the page: 20 mm to 190 mm
        assert abs(r["x0"] / MM - 20) < 0.05 and abs(r["x1"] / MM - 190) < 0.05
    widths = [round(r["linewidth"], 2) for r in rules]
    assert widths == [2.0, 0.5, 0.5, 2.0]
    upper_top = (rules[0]["top"] - 1.0) / MM  # the thick line's top edge
    assert abs(upper_top - (mark.top + mark.size / MM + 4)) < 0.2  # 4 mm under the mark
    lower_bottom = (rules[3]["top"] + 1.0) / MM
    assert abs(lower_bottom - (297 - 20)) < 0.05  # 20 mm above the page bottom
    assert abs((rules[1]["top"] - rules[0]["top"]) / MM - (1 + 1.25 / MM)) < 0.05
    assert not red_rules(letter, 1)  # only the first page


def test_number_top_right_under_the_line_and_title_two_lines_below(letter) -> None:
    rules = red_rules(letter)
    number = next(ln for ln in letter.pages[0] if ln.text == "平安办〔2026〕12号")
    assert abs(number.x1 - AREA_RIGHT) < 0.1
    line_bottom = (rules[1]["top"] + 0.25) / MM
    assert abs(number.top - (line_bottom + 16 * 7 / 8 / MM)) < 0.3
    title = next(ln for ln in letter.pages[0] if abs(ln.size - 22) < 0.1)
    assert title.top - (number.top + 16 / MM) > 2 * PITCH - 16 / MM
    # Body lines stay on the page grid.
    for ln in letter.body_lines(0):
        if ln.top > title.top:
            k = (ln.top - AREA_TOP) / PITCH
            assert abs(k - round(k)) < 0.02, ln.text


def test_no_number_on_page_one_then_alternating(letter) -> None:
    assert len(letter.pages) >= 2
    assert not any(ln.text.replace(" ", "") == "—1—" for ln in letter.pages[0])
    assert not [ln for ln in letter.pages[0] if ln.top > AREA_BOTTOM + 1 and ln.size == 14]
    two = [ln for ln in letter.pages[1] if ln.text.replace(" ", "") == "—2—"]
    assert two and abs(two[0].x0 - (AREA_LEFT + 14 / MM)) < 0.3


def test_end_block_without_printing_office_or_rules(letter) -> None:
    last = letter.pages[-1]
    assert any(ln.text.startswith("抄送：") for ln in last)
    assert not any(ln.text.endswith("印发") for ln in last)
    assert not [r for r in letter.rules[-1] if not is_red(r["stroking_color"])]


def test_left_elements_under_the_line_and_grade_above_the_mark() -> None:
    m = render_measured(
        sample_document(2, kind=DocumentKind.LETTER, body=body(2), grade=Grade.BLUE)
    )
    first = m.pages[0]
    rules = red_rules(m)
    line_bottom = (rules[1]["top"] + 0.25) / MM
    # 份号 left and 发文字号 right share the first row under the line (one baseline).
    row = next(ln for ln in first if ln.text.startswith("000001"))
    assert row.text == "000001平安办〔2026〕12号"
    assert abs(row.x0 - AREA_LEFT) < 0.05 and abs(row.x1 - AREA_RIGHT) < 0.1
    assert abs(row.top - (line_bottom + 16 * 7 / 8 / MM)) < 0.3
    copy = row
    secret = next(ln for ln in first if ln.text == "机密★1年")
    assert abs(secret.top - copy.top - PITCH) < 0.05
    label = next(ln for ln in first if ln.text == "催办（蓝）")
    mark = max(first, key=lambda ln: ln.size)
    assert label.top < mark.top and abs(label.x1 - AREA_RIGHT) < 4  # inside its 1 pt box
