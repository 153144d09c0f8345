"""Title splitting: balanced lines that keep words whole; heading detection."""

from __future__ import annotations

from desktop.documents.blocks import heading_level, paragraph_runs
from desktop.documents.fonts import FontRole
from desktop.documents.titles import split_title


def test_short_title_stays_on_one_line():
    assert split_title("关于印发工作方案的通知", 20) == ["关于印发工作方案的通知"]


def test_long_title_balanced_and_words_whole():
    lines = split_title("关于进一步加强全市平安建设补短板强弱项十大重点工程督办工作的通知", 20)
    assert len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 2
    assert len(lines[0]) >= len(lines[1]) - 1  # 梯形: the upper line no shorter (±1)
    assert lines[-1] != "通知"
    for word in ("平安", "建设", "督办", "工作", "通知", "补短板", "强弱项"):
        assert any(word in ln for ln in lines)


def test_three_lines_never_hourglass():
    text = "江城市平安建设领导小组办公室关于2026年第一季度全市平安建设补短板强弱项十大重点工程推进情况的通报"
    lines = split_title(text, 20)
    assert len(lines) == 3 and all(len(ln) <= 20 for ln in lines)
    assert not (len(lines[1]) < len(lines[0]) and len(lines[1]) < len(lines[2]))
    assert "2026" in "".join(lines) and any("2026" in ln for ln in lines)


def test_heading_levels_and_fonts():
    assert heading_level("一、总体情况") == 1
    assert heading_level("（二）推进情况") == 2
    assert heading_level("3. 加强调度") == 3 and heading_level("3．加强调度") == 3
    assert heading_level("（4）资金") == 4
    assert heading_level("2026年全市") == 0 and heading_level("1.5亿元") == 0
    assert paragraph_runs("一、总体情况。全市推进有力。") == [
        ("一、总体情况。", FontRole.HEITI),
        ("全市推进有力。", FontRole.FANGSONG),
    ]
    assert paragraph_runs("（一）推进情况")[0][1] is FontRole.KAITI


def test_reportlab_kinsoku_lists_extended_in_both_modules():
    import reportlab.lib.textsplit as textsplit
    import reportlab.platypus.paragraph as paragraph

    import desktop.documents.meeting_pack  # noqa: F401  (its Paragraphs: importing patches)

    for ch in "，：；？！》”":
        assert ch in textsplit.ALL_CANNOT_START
        assert ch in paragraph.ALL_CANNOT_START
