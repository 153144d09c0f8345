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
    from desktop.documents.lines import _squeeze_on_the_grid

    h = 8.0
    room = [h, 0.0, 0.0, 0.0, h, 0.0, h, 0.0, 0.0]
    assert _squeeze_on_the_grid(room, 2 * h) == (0.0,) * 4 + (-h, 0.0, -h, 0.0, 0.0)
    assert _squeeze_on_the_grid(room, h) == (0.0,) * 6 + (-h, 0.0, 0.0)
    assert _squeeze_on_the_grid(room, 2.5 * h) == (-h / 2, 0.0, 0.0, 0.0, -h, 0.0, -h, 0.0, 0.0)


def test_squeezed_marks_keep_their_order_in_the_text_layer():
    """、“ and ）（ squeezed at a line's end never put the second mark's box at or before the
    first one's: text read by position (pdfplumber, a search) keeps them as typed."""
    sentence = (  # from the demo's circular, where 、“ read “、 before
        "（三）节点任务逾期。8项任务共17个节点逾期未完成（“网格化服务管理信息平台升级”（市委政法委）"
        "、“法治宣传教育基地建设”（市司法局）、“危险化学品企业安全风险监测预警”（市应急管理局）"
        "、“城镇燃气安全专项整治”（市应急管理局）、“高层住宅消防设施提升”（市住房和城乡建设局）"
        "、“心理援助热线建设”（市卫生健康委员会）等8项任务）。"
    )
    paragraphs = [sentence, *_shifted(sentence[10:])[::3]]
    m = render_measured(sample_document(1, body=paragraphs))
    for page in m.pages:
        for ln in page:
            xs = [c["x0"] for c in ln.chars]
            assert all(b > a for a, b in zip(xs, xs[1:], strict=False)), ln.text
    # the page numbers (— 2 —) left out: a paragraph may run on to the next page
    flat = "".join(ln.text for page in m.pages for ln in page if "—" not in ln.text)
    for p in paragraphs:
        assert p in flat


def test_the_lamps_reasons_print_without_the_screens_spaces():
    from datetime import date

    from desktop.documents.compose_common import Letterhead
    from desktop.documents.compose_supervision import (
        REMINDER,
        SupervisedTask,
        SupervisionData,
        compose_supervision,
    )

    task = SupervisedTask(
        "01-03",
        "矛盾纠纷多元化解机制建设",
        41.0,
        None,
        "yellow",
        ("略滞后 2 个百分点",),
        date(2026, 12, 31),
    )
    day = date(2026, 9, 29)
    data = SupervisionData(REMINDER, "市司法局", [task], day, day, day)
    doc = compose_supervision(data, Letterhead("江城市平安建设领导小组办公室", "市平安办"))
    body = "".join(b for b in doc.body if isinstance(b, str))
    assert "略滞后2个百分点" in body and "2 个" not in body
