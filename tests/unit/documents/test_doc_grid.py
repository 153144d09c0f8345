"""The type area and grid, measured on rendered PDFs of 1, 2, 3 and 7 pages."""

from __future__ import annotations

import pytest
from doc_measure import (
    AREA_BOTTOM,
    AREA_LEFT,
    AREA_RIGHT,
    AREA_TOP,
    MM,
    SLOT,
    Measured,
    document_of_pages,
    page_number_dash,
    render_measured,
)

from desktop.documents.grid import default_line_pitch
from desktop.documents.lines import CANNOT_START

PAGES = (1, 2, 3, 7)


def full_pages(m: Measured, pitch_pt: float | None = None) -> list[int]:
    """Pages filled with body text down to the 22nd grid line (no tables)."""
    last_top = AREA_TOP + 21 * (pitch_pt or default_line_pitch()) / MM
    return [
        n
        for n in range(1, len(m.pages))
        if m.body_lines(n)
        and abs(m.body_lines(n)[-1].top - last_top) < 0.2
        and not any(ln.size == 14 and "—" not in ln.text for ln in m.pages[n])
    ]


@pytest.mark.parametrize("pages", PAGES)
def test_page_count_and_a4(docs_by_pages, pages):
    m = docs_by_pages[pages]
    assert m.result.page_count == pages == len(m.pages)
    import pypdf, io  # noqa: E401, I001

    for page in pypdf.PdfReader(io.BytesIO(m.pdf)).pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w / MM - 210) < 0.1 and abs(h / MM - 297) < 0.1


@pytest.mark.parametrize("pages", PAGES)
def test_top_and_left_margins(docs_by_pages, pages):
    m = docs_by_pages[pages]
    for n, lines in enumerate(m.pages):
        body = m.body_lines(n)
        assert body, f"page {n + 1} has no body text"
        # 天头 37 mm: the first line of every page starts on the type area's top.
        assert abs(body[0].top - AREA_TOP) < 0.2, (n, body[0])
        # 订口 28 mm: nothing starts left of it, and unindented lines start exactly on it.
        assert min(ln.x0 for ln in lines) > AREA_LEFT - 0.05
        assert len(body) >= 3  # a page never holds only a signature
        assert any(abs(ln.x0 - AREA_LEFT) < 0.05 for ln in body)
        # Nothing but the page number crosses the type area's right or bottom edge.
        for ln in lines:
            assert ln.x1 <= AREA_RIGHT + 0.1, ln
            if ln.size != 14:
                assert ln.top < AREA_BOTTOM, ln


@pytest.mark.parametrize("pages", [3, 7])
def test_full_page_has_22_lines_on_the_pitch(docs_by_pages, pages):
    m = docs_by_pages[pages]
    full = full_pages(m)
    assert full or pages < 7
    pitch = default_line_pitch() / MM
    assert abs(pitch - 10.446) < 0.01  # (225 mm − 16 pt) / 21 ≈ 29.61 pt
    for n in full:
        body = m.body_lines(n)
        assert len(body) == 22
        for a, b in zip(body, body[1:], strict=False):
            assert abs((b.top - a.top) - pitch) < 0.05
        # The 22nd line's box ends on the type area's bottom edge.
        assert abs(body[-1].top + 16 / MM - AREA_BOTTOM) < 0.2


@pytest.mark.parametrize("pages", [3, 7])
def test_full_lines_hold_28_characters_across_156_mm(docs_by_pages, pages):
    m = docs_by_pages[pages]
    full = [
        ln
        for n in range(len(m.pages))
        for ln in m.body_lines(n)
        if abs(ln.x0 - AREA_LEFT) < 0.05
        and all(ord(c) > 0x2E80 for c in ln.text)
        and abs(ln.x1 - AREA_RIGHT) < 0.3
    ]
    assert len(full) >= 3
    for ln in full:
        # 27 when a closing mark was pushed down; 29 when squeezed punctuation (标点挤压) let
        # one more character in instead of spreading the line.
        assert len(ln.text) in (27, 28, 29), ln.text
        if len(ln.text) == 29:
            assert sum(ch in "，。、；：）”" for ch in ln.text[:-1]) >= 2, ln.text
    assert sum(len(ln.text) == 28 for ln in full) > len(full) / 2
    # Grid spacing: consecutive characters advance one slot (156 mm / 28).
    xs = [c["x0"] / MM for c in full[0].chars]
    steps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    assert all(abs(s - SLOT) < 0.1 for s in steps)


def _slot_offset(char: dict) -> float:
    """How far (mm) a glyph's left edge is from the nearest of the line's 28 slots."""
    k = (char["x0"] / MM - AREA_LEFT) / SLOT
    return abs(k - round(k)) * SLOT


@pytest.mark.parametrize("pages", [3, 7])
def test_full_pages_are_22_lines_of_28_slots(docs_by_pages, pages):
    """§5.2.2: 22 lines of 28 characters. On every full page each line that is not a
    paragraph's last fills the 28 slots from its indent to the right edge; in lines of
    full-width characters the glyphs stand on the slots, save one run where 禁则 moved them
    (squeezed marks, or a line spread by a pushed-down character)."""
    m = docs_by_pages[pages]
    on = total = 0
    for n in full_pages(m):
        body = m.body_lines(n)
        assert len(body) == 22
        for ln in body:
            indent = (ln.x0 - AREA_LEFT) / SLOT
            assert abs(indent - round(indent)) < 0.01, ln.text  # starts on a slot
            if abs(ln.x1 - AREA_RIGHT) > 0.3 or not all(ord(c) > 0x2E80 for c in ln.text):
                continue  # a paragraph's last line, or half-width digits and Latin in it
            off = [i for i, c in enumerate(ln.chars) if _slot_offset(c) > 0.1]
            if off:
                assert off == list(range(off[0], off[-1] + 1)), ln.text  # one run
                assert off[-1] < len(ln.chars) - 1  # the last glyph ends the line on a slot
            on += len(ln.chars) - len(off)
            total += len(ln.chars)
    assert total > 0
    if pages == 7:  # 60 such lines: most glyphs are on their slots
        assert total > 1000 and on / total > 0.85, (on, total)


@pytest.mark.parametrize("pages", PAGES)
def test_no_line_starts_with_closing_punctuation(docs_by_pages, pages):
    m = docs_by_pages[pages]
    for n in range(len(m.pages)):
        for ln in m.body_lines(n):
            assert ln.text[0] not in CANNOT_START, ln.text


@pytest.mark.parametrize("pages", PAGES)
def test_page_numbers_outside_and_alternating(docs_by_pages, pages):
    m = docs_by_pages[pages]
    for n, lines in enumerate(m.pages, start=1):
        numbers = [ln for ln in lines if ln.text.replace(" ", "") == f"—{n}—"]
        assert len(numbers) == 1, (n, [ln.text for ln in lines if ln.size == 14])
        num = numbers[0]
        assert abs(num.size - 14) < 0.1
        # §7.5: the 一字线 itself (its ink at 300 dpi) 7 mm below the type area, ±0.5 mm.
        dash = page_number_dash(m, n - 1)
        assert dash is not None and abs(dash[1] - (AREA_BOTTOM + 7)) < 0.5, dash
        assert all("Serif" in f for f in num.fonts)  # 宋体 role
        one_char = 14 / MM
        if n % 2:
            assert abs(num.x1 - (AREA_RIGHT - one_char)) < 0.2
        else:
            assert abs(num.x0 - (AREA_LEFT + one_char)) < 0.2


def test_fixed_28_pt_pitch_setting():
    m = render_measured(document_of_pages(7), line_pitch_pt=28.0)
    full = full_pages(m, 28.0)
    assert full
    for n in full:
        body = m.body_lines(n)
        assert len(body) == 22
        for a, b in zip(body, body[1:], strict=False):
            assert abs((b.top - a.top) - 28 / MM) < 0.05
        assert abs(body[0].top - AREA_TOP) < 0.2


def test_headings_take_their_fonts(docs_by_pages):
    m = docs_by_pages[3]
    lines = [ln for page in m.pages for ln in page]
    first = next(ln for ln in lines if ln.text.startswith("一、"))
    assert all("WenQuanYi" in f for f in first.fonts)  # 黑体
    second = next(ln for ln in lines if ln.text.startswith("（二）"))
    heading_part = second.fonts[: len("（二）重点工程推进情况。")]
    assert all("Kai" in f for f in heading_part)  # 楷体 for the heading sentence only
    assert "Fandol" in second.fonts[-1]
    # Headings and paragraphs are indented two characters.
    assert abs(first.x0 - (AREA_LEFT + 2 * SLOT)) < 0.05


def test_user_text_with_markup_characters_prints_as_typed():
    from desktop.documents.samples import sample_document

    doc = sample_document(1, body=["A&B <b>不是标记</b> x<y>z 完。"])
    text = "".join(ln.text for ln in render_measured(doc).pages[0])
    assert "A&B<b>不是标记</b>x<y>z完。" in text.replace(" ", "")
