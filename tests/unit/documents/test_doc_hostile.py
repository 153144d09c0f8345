"""A hostile document: 15 recipients, a 40-page body with rare-character names, three long
attachments, a table ending one row past a page — measured like every other kind."""

from __future__ import annotations

import pytest
from doc_measure import AREA_BOTTOM, AREA_LEFT, AREA_RIGHT, page_number_dash, render_measured

from desktop.documents.blocks import heading_level
from desktop.documents.samples import RARE_NAMES, hostile_document

NAMES = RARE_NAMES


@pytest.fixture(scope="module")
def hostile():
    return render_measured(hostile_document())


def test_it_is_long_and_every_character_prints(hostile):
    assert len(hostile.pages) >= 40
    text = "".join(ln.text for page in hostile.pages for ln in page)
    assert "□" not in text
    for ch in NAMES:
        assert ch in text
    for page in hostile.pages:
        for ln in page:
            if ln.size != 16 or heading_level(ln.text) == 1 or ln.text.startswith("表"):
                continue  # 一、 headings and table captions are 黑体 by rule
            if ln.text in ("机密★1年", "特急", "附件1", "附件2", "附件3"):
                continue  # 密级, 紧急程度 and the 附件 labels: 黑体 too
            sans = [c["text"] for c in ln.chars if "WenQuanYi" in c["fontname"]]
            assert not sans, (ln.text, sans)  # no sans inside body text
    for c in (c for page in hostile.pages for ln in page for c in ln.chars):
        if c["text"] in NAMES:
            assert "NotoSerif" in c["fontname"], c["fontname"]


def test_recipients_wrap_and_end_with_a_colon(hostile):
    first = hostile.pages[0]
    start = next(i for i, ln in enumerate(first) if ln.text.startswith("江城市第1区"))
    lines = []
    for ln in first[start:]:
        lines.append(ln)
        if ln.text.endswith("："):
            break
    assert len(lines) >= 5 and lines[-1].text.endswith("：")
    assert all(abs(ln.x0 - AREA_LEFT) < 0.05 for ln in lines)
    assert all(ln.x1 <= AREA_RIGHT + 0.1 for ln in lines)


def test_attachments_each_start_a_page_and_numbers_hold(hostile):
    starts = [
        n
        for n, page in enumerate(hostile.pages)
        if page and page[0].text in ("附件1", "附件2", "附件3")
    ]
    assert len(starts) == 3
    for n in (0, 1, len(hostile.pages) // 2, starts[-1]):
        if not hostile.pages[n]:
            continue
        dash = page_number_dash(hostile, n)
        assert dash is not None and abs(dash[1] - (AREA_BOTTOM + 7)) < 0.5, (n, dash)


def test_no_line_starts_with_a_space_and_no_heading_ends_a_page(hostile):
    for page in hostile.pages:
        lines = [ln for ln in page if ln.size == 16]
        for ln in lines:
            assert ln.chars[0]["text"] != " "
        if lines:
            last = lines[-1].text
            assert not (heading_level(last) and len(last) <= 28 and "。" not in last[:-1]), last
