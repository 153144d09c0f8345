"""Line breaking measured on the PDF: spaces, numbers with units, 标点挤压, spacing, text layer."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from doc_measure import MM, SLOT, render_measured

from desktop.documents import Table
from desktop.documents.samples import sample_document

UNITS = "天个%项"
CREDIT_CODE = "91420100MA4K2XXX3Q"


def _shifted(sentence: str) -> list[str]:
    """The sentence after 0..27 characters of lead-in, so every break position is tried."""
    return [("截" * k) + sentence for k in range(28)]


@pytest.fixture(scope="module")
def wrapped():
    paragraphs = _shifted("整体进度提高了 2 个百分点，已持续 189 天，完成率达35%，共计12项，")
    paragraphs += _shifted(f"统一社会信用代码 {CREDIT_CODE} 的单位，标准 GB/T 28181-2022 为准。")
    table = Table(
        header=["单位", "说明"],
        rows=[[f"单位{k}", ("截" * k) + "提高了 2 个百分点，共 189 天"] for k in range(12)],
        widths=[1, 3],
    )
    doc = sample_document(1, body=[*paragraphs, table], cc="", printing_office="")
    return render_measured(doc)


def _body_lines(m):
    return [ln for page in range(len(m.pages)) for ln in m.body_lines(page)]


def test_no_line_starts_or_ends_with_a_space(wrapped):
    lines = [ln for page in wrapped.pages for ln in page]
    assert len(lines) > 60
    for ln in lines:
        assert ln.chars[0]["text"] != " " and ln.chars[-1]["text"] != " ", ln.text


def test_a_number_stays_on_the_line_of_its_unit(wrapped):
    lines = _body_lines(wrapped)
    for a, b in zip(lines, lines[1:], strict=False):
        head = b.text.lstrip(" ")
        assert not (a.text.rstrip(" ")[-1:].isdigit() and head[:1] in UNITS), (a.text, b.text)
    # Table cells too (4号 text inside the grid).
    cells = [ln for page in wrapped.pages for ln in page if abs(ln.size - 14) < 0.1]
    assert not [ln for ln in cells if ln.text.lstrip()[:1] in UNITS]


def test_spacing_between_characters_never_exceeds_0_15_em(wrapped):
    grid_gap = SLOT - 16 / MM  # negative: 16 pt characters on 5.57 mm slots
    worst = -1.0
    for ln in _body_lines(wrapped):
        for a, b in zip(ln.chars, ln.chars[1:], strict=False):
            gap = b["x0"] - a["x1"]
            worst = max(worst, gap / MM - grid_gap)
    assert worst <= 0.15 * 16 / MM + 0.02, worst
    assert worst > 0.05  # some line was spread at all (else the test measures nothing)


def test_words_and_numbers_extract_as_typed(wrapped, tmp_path):
    """pdfplumber and pdftotext both read the code and the standard's number unbroken."""
    text = "".join(ln.text for page in wrapped.pages for ln in page if CREDIT_CODE[:6] in ln.text)
    assert CREDIT_CODE in text
    for ln in _body_lines(wrapped):
        inside = [
            a
            for a, b in zip(ln.chars, ln.chars[1:], strict=False)
            if a["text"].isalnum()
            and b["text"].isalnum()
            and a["text"].isascii()
            and b["text"].isascii()
        ]
        for a in inside:
            b = ln.chars[ln.chars.index(a) + 1]
            assert b["x0"] - a["x1"] < 0.3, (ln.text, a["text"], b["text"])  # pt: no spread
    if shutil.which("pdftotext"):
        pdf = tmp_path / "doc.pdf"
        pdf.write_bytes(wrapped.pdf)
        out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        assert CREDIT_CODE in out.stdout.replace("\n", "")
        assert "9 1 4 2" not in out.stdout
        assert "GB/T 28181-2022" in out.stdout.replace("\n", "") or "GB/T 28181-" in out.stdout


def test_punctuation_is_squeezed_before_a_line_is_spread(wrapped):
    """A line that would end short by a pushed-down character pulls it in by 标点挤压."""
    squeezed = [ln for ln in _body_lines(wrapped) if len(ln.text) > 28]
    assert squeezed
    for ln in squeezed:
        assert ln.x1 <= 28 + 156 + 0.1
        steps = [b["x0"] - a["x0"] for a, b in zip(ln.chars, ln.chars[1:], strict=False)]
        assert min(steps) < SLOT * MM * 0.75  # some mark gave up part of its blank half


def test_squeezing_keeps_most_characters_on_their_slots():
    """One slot over: the two marks closest together give up their blank halves, so only the
    characters between them leave the grid; half a slot: the mark nearest the end."""
    from desktop.documents.text import _squeeze_on_the_grid

    h = 8.0
    room = [h, 0.0, 0.0, 0.0, h, 0.0, h, 0.0, 0.0]
    assert _squeeze_on_the_grid(room, 2 * h) == (0.0,) * 4 + (-h, 0.0, -h, 0.0, 0.0)
    assert _squeeze_on_the_grid(room, h) == (0.0,) * 6 + (-h, 0.0, 0.0)
    assert _squeeze_on_the_grid(room, 2.5 * h) == (-h / 2, 0.0, 0.0, 0.0, -h, 0.0, -h, 0.0, 0.0)
