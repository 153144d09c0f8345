"""Pagination measured on the PDF: headings keep with their text, no lone table row, the 版记
goes on the page when it fits, and a signature that spills is pulled back by tighter lines."""

from __future__ import annotations

import pytest
from doc_measure import AREA_BOTTOM, AREA_LEFT, MM, measure, render_measured

from desktop.documents import FontSet, render_pdf
from desktop.documents.samples import paragraph, progress_table, sample_document

HEADING = "三、整改时限"


def _lead_in(k: int) -> list[str]:
    """k short paragraphs (one line each) then two-line ones: moves what follows line by line."""
    return [paragraph(i, 1)[:20] for i in range(k)]


@pytest.mark.parametrize("k", range(0, 24, 1))
def test_a_heading_never_ends_a_page(k):
    body = [*_lead_in(k), "一、基本情况", paragraph(1, 3), HEADING, paragraph(2, 2)]
    m = render_measured(sample_document(1, body=body, cc="", printing_office=""))
    for n in range(len(m.pages)):
        lines = m.body_lines(n)
        if lines:
            assert lines[-1].text not in ("一、基本情况", HEADING), (k, n)


def test_the_heading_case_is_exercised():
    """Some lead-in puts the heading on a page's last line without the rule: it moves."""
    moved = 0
    for k in range(0, 24):
        body = [*_lead_in(k), "一、基本情况", paragraph(1, 3), HEADING, paragraph(2, 2)]
        m = render_measured(sample_document(1, body=body, cc="", printing_office=""))
        for n in range(1, len(m.pages)):
            first = m.body_lines(n)
            if first and first[0].text == HEADING:
                moved += 1
    assert moved


def _rows_per_page(m) -> list[int]:
    out = []
    for page in m.pages:
        numbers = {
            round(ln.top, 1)
            for ln in page
            if abs(ln.size - 14) < 0.1
            and ln.top < AREA_BOTTOM
            and ln.x0 < AREA_LEFT + 14
            and ln.text[:1].isdigit()
        }
        out.append(len(numbers))
    return out


def test_no_table_row_alone_on_a_page():
    """Every page of a table holds 2 rows or more — the table that would end one row past a
    page included (rows = what page 1 holds + 1, and + what page 2 holds + 1)."""
    fonts = FontSet.shipped()

    def printed(rows: int) -> list[int]:
        doc = sample_document(1, body=[paragraph(0), progress_table(rows)], cc="")
        m = measure(render_pdf(doc, fonts).pdf)
        return [c for c in _rows_per_page(m) if c]

    full = printed(80)
    first, second = full[0], full[1]
    assert first > 5 and second > 5
    for rows in (2, 3, first, first + 1, first + 2, first + second + 1):
        counts = printed(rows)
        assert sum(counts) == rows
        assert all(c >= 2 for c in counts), (rows, counts)
    assert printed(first + 1) == [first - 1, 2]


def test_end_block_that_fits_goes_on_the_even_last_page():
    """When the body ends on an even page with room for the 版记, no page is added."""
    fonts = FontSet.shipped()
    checked = 0
    for paragraphs in range(1, 16):
        plain = sample_document(paragraphs, cc="", printing_office="", printing_date=None)
        bare = render_measured(plain)
        if len(bare.pages) % 2:
            continue
        last = max(ln.top + ln.size / MM for ln in bare.pages[-1] if ln.top < AREA_BOTTOM)
        room = AREA_BOTTOM - last
        full = render_pdf(sample_document(paragraphs), fonts)
        if room >= 2 * 10.446 + 0.1:  # 抄送 and 印发: two lines of the grid
            assert full.page_count == len(bare.pages), paragraphs
            checked += 1
    assert checked


def test_a_spilling_signature_tightens_the_page_instead_of_adding_one():
    """§7.3.5.1 调整行距: where the seal's four lines miss by one or two, that page's lines move
    closer (never below 26.9 pt) and the signature stays with the text; other pages keep 22."""
    from desktop.documents.samples import body

    tightened = 0
    for n in (1, 4, 7, 14, 24, 27):  # the seal's lines miss by 2, 1, 1, 3, 2 and 1
        m = render_measured(sample_document(1, body=body(n), cc="", printing_office=""))
        for page in range(len(m.pages)):
            lines = m.body_lines(page)
            steps = [round(b.top - a.top, 2) for a, b in zip(lines, lines[1:], strict=False)]
            if steps and min(steps) < 29.6 / MM - 0.3:
                tightened += 1
                pitch = min(steps)
                assert 26.9 / MM - 0.05 <= pitch < 29.6 / MM
                assert max(steps) < pitch * 3.1  # grid lines (blank ones between count double)
                assert any(ln.text == "2026年3月5日" for ln in lines)  # the signature page
                assert lines[-1].top + 16 / MM <= AREA_BOTTOM + 0.2
            elif page < len(m.pages) - 1 and lines:
                assert len(lines) <= 22
    assert tightened
