"""The 督办 colour label: its colour and place, and that it moves nothing else on the page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from doc_measure import AREA_RIGHT, AREA_TOP, render_measured

from desktop.documents import Grade
from desktop.documents.compose_common import Letterhead
from desktop.documents.compose_interview import InterviewData, compose_interview_notice
from desktop.documents.compose_supervision import (
    REMINDER,
    SUPERVISION,
    SupervisedTask,
    SupervisionData,
    compose_supervision,
)
from desktop.documents.grid import cmyk
from desktop.documents.samples import sample_document
from desktop.services.notices.codec import from_json, to_json

LABELS = {Grade.BLUE: "催办（蓝）", Grade.YELLOW: "督办（黄）", Grade.RED: "督办（红）"}
RGB = {
    Grade.BLUE: (0x00 / 255, 0x5B / 255, 0xB3 / 255),
    Grade.YELLOW: (0xF3 / 255, 0x98 / 255, 0x00 / 255),
    Grade.RED: (0xE5 / 255, 0, 0x12 / 255),
}
HEAD = Letterhead("江城市平安建设领导小组办公室", "市平安办")


def same(color, rgb) -> bool:
    return color is not None and all(
        abs(a - b) < 0.01 for a, b in zip(color, cmyk(rgb), strict=True)
    )  # printed in CMYK


@pytest.fixture(scope="module")
def plain():
    return render_measured(sample_document(6))


@pytest.mark.parametrize("grade", list(Grade))
def test_label_colour_place_and_nothing_moves(plain, grade) -> None:
    m = render_measured(sample_document(6, grade=grade))
    label = next(ln for ln in m.pages[0] if ln.text == LABELS[grade])
    assert all(same(c["non_stroking_color"], RGB[grade]) for c in label.chars)
    assert abs(label.size - 14) < 0.1
    box = [
        r
        for r in m.rules[0]
        if same(r["stroking_color"], RGB[grade]) and r["top"] / 72 * 25.4 < AREA_TOP + 10
    ]
    assert len(box) == 4  # four sides, in the label's colour
    right = max(max(r["x0"], r["x1"]) for r in box) / 72 * 25.4
    top = min(r["top"] for r in box) / 72 * 25.4
    assert abs(right - AREA_RIGHT) < 0.2 and abs(top - AREA_TOP) < 0.2  # inside the area corner
    assert label.top < AREA_TOP + 35 - 20  # well above the mark
    # Every other line and rule of every page sits exactly where it sits without the label.
    for page, base in zip(m.pages, plain.pages, strict=True):
        got = [(ln.text, round(ln.top, 2), round(ln.x0, 2)) for ln in page if ln is not label]
        assert got == [(ln.text, round(ln.top, 2), round(ln.x0, 2)) for ln in base]
    others = [r for r in m.rules[0] if r not in box]
    assert [round(r["top"], 2) for r in others] == [round(r["top"], 2) for r in plain.rules[0]]


def _task(lamp: str) -> SupervisedTask:
    return SupervisedTask(
        "04-02",
        "城镇燃气安全专项整治",
        80.0,
        Decimal(40),
        lamp,
        ("滞后40个百分点",),
        date(2026, 12, 31),
    )


@pytest.mark.parametrize(
    ("kind", "lamp", "grade"),
    [
        (REMINDER, "yellow", Grade.BLUE),
        (REMINDER, "red", Grade.BLUE),
        (SUPERVISION, "yellow", Grade.YELLOW),
        (SUPERVISION, "red", Grade.RED),
    ],
)
def test_composed_supervision_grades(kind, lamp, grade) -> None:
    day = date(2026, 11, 28)
    data = SupervisionData(kind, "市住建局", [_task(lamp)], day, day, day)
    model = compose_supervision(data, HEAD)
    assert model.grade is grade
    assert from_json(to_json(model)).grade is grade  # a draft keeps its colour


def test_interview_notice_is_red_and_says_interview() -> None:
    from datetime import datetime

    data = InterviewData(
        "市住建局",
        "连续三期亮红灯。",
        ("04-02 城镇燃气安全专项整治",),
        scheduled_at=datetime(2026, 12, 3, 9, 30),
        place="三楼会议室",
    )
    model = compose_interview_notice(data, HEAD, date(2026, 11, 28))
    m = render_measured(model)
    label = next(ln for ln in m.pages[0] if ln.text == "约谈（红）")
    assert all(same(c["non_stroking_color"], RGB[Grade.RED]) for c in label.chars)
