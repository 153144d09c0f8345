"""Titles on the PDF: split by meaning (jieba + the office's names), by measured width into
梯形 or 菱形, spaces kept, no word, unit name or number cut — the issue's cases and a hostile set."""

from __future__ import annotations

import pytest
from doc_measure import AREA_LEFT, AREA_RIGHT, measure, render_measured

from desktop.documents import Attachment, FontSet, render_pdf
from desktop.documents.samples import sample_document

OFFICE_WORDS = (
    "江城市",
    "市应急管理局",
    "城市安全风险综合监测预警平台",
    "江城市平安建设领导小组办公室",
)

# (title, words that must not be cut) — the first ones printed broken before (issue 14).
CASES = [
    (
        "关于市应急管理局建立重点任务月度台账深度核查工作机制的通知",
        ["机制", "月度", "台账", "深度", "市应急管理局"],
    ),
    ("关于加快推进全市平安建设智能化改造和基层网格化治理的通知", ["智能化", "平安建设", "网格化"]),
    (
        "关于执行GB/T 28181-2022视频联网标准推进公共安全视频监控建设联网应用的通知",
        ["GB/T 28181-2022", "视频"],
    ),
    (
        "江城市平安建设领导小组办公室关于对市应急管理局牵头的城市安全风险综合监测预警平台建设"
        "任务进度严重滞后问题进行专项督办并建立长效工作机制的通知",  # 70 characters
        ["城市安全风险综合监测预警平台", "市应急管理局", "江城市平安建设领导小组办公室"],
    ),
    (
        "关于2026年度第3批次共计189项重点任务完成率达到35%及ISO 9001:2015认证情况的通报",
        ["2026年", "189项", "35%", "ISO 9001:2015"],
    ),
    (
        "About the 2026 Safety Construction Progress of Project Phase 2 and the Key Tasks Report",
        ["Progress", "Construction"],
    ),
]


def _title_lines(m):
    return [ln for ln in m.pages[0] if abs(ln.size - 22) < 0.1]


@pytest.fixture(scope="module")
def printed():
    out = {}
    for title, _keep in CASES:
        doc = sample_document(1, title=title)
        result = render_pdf(doc, FontSet.shipped(), title_words=OFFICE_WORDS)
        out[title] = measure(result.pdf, result)
    return out


@pytest.mark.parametrize(("title", "keep"), CASES, ids=[t[:12] for t, _ in CASES])
def test_title_lines_read_as_typed_and_keep_words_whole(printed, title, keep):
    lines = _title_lines(printed[title])
    assert len(lines) >= 2
    assert len(CASES[3][0]) == 70
    texts = [ln.text for ln in lines]
    assert " ".join(texts).replace(" ", "") == title.replace(" ", "")
    # Spaces inside the title are printed (GB/T 28181-2022 keeps its space).
    assert "".join(texts).count(" ") + len(lines) - 1 >= title.count(" ")
    for word in keep:
        assert any(word in t for t in texts), (word, texts)


@pytest.mark.parametrize(("title", "keep"), CASES, ids=[t[:12] for t, _ in CASES])
def test_title_is_a_trapezoid_or_diamond_by_measured_width(printed, title, keep):
    lines = _title_lines(printed[title])
    widths = [ln.x1 - ln.x0 for ln in lines]
    one_char = 22 * 25.4 / 72
    for ln in lines:
        assert ln.x0 >= AREA_LEFT - 0.05 and ln.x1 <= AREA_RIGHT + 0.05
        assert abs((ln.x0 + ln.x1) / 2 - (AREA_LEFT + 78)) < 0.3  # centred
    if len(title) == 70:
        # Its two 14-character names (kept whole) leave no 梯形 or 菱形: the least uneven split.
        assert max(widths) - min(widths) <= 4 * one_char + 0.1, widths
        return
    down = all(b <= a + one_char + 0.1 for a, b in zip(widths, widths[1:], strict=False))
    middle = len(widths) >= 3 and max(widths[1:-1]) > max(widths[0], widths[-1])
    assert down or middle, widths
    # Never an hourglass: no middle line narrower than both ends by more than a character.
    for i in range(1, len(widths) - 1):
        assert not (widths[i] < widths[0] - one_char and widths[i] < widths[-1] - one_char)


def test_attachment_titles_split_the_same_way():
    title = CASES[0][0]
    doc = sample_document(1, attachments=[Attachment(title, ["附件正文。"])])
    m = render_measured(doc)
    last = m.pages[-1] if len(m.pages) % 2 else m.pages[-2]
    lines = [ln.text for page in m.pages[1:] for ln in page if abs(ln.size - 22) < 0.1]
    assert any("台账" in t for t in lines) and any("机制" in t for t in lines), lines
    assert last is not None
