"""Seals and 署名 (GB/T 9704-2012 §7.3.5.1), measured on the rendered PDF with the seals' places
outlined: one organ's seal presses its name and the date; 联合行文 puts the names side by side
(一左一右) under their seals, the last seal pressing its name and the date; seals neither cut
nor touch, stay inside the type area, and the first row's top is within one line of the body."""

from __future__ import annotations

import io
import math
from typing import Any

import pdfplumber
import pytest
from doc_measure import AREA_LEFT, AREA_RIGHT, MM, measure

from desktop.documents import FontSet, render_pdf
from desktop.documents.grid import default_line_pitch
from desktop.documents.samples import sample_document

PITCH = default_line_pitch() / MM
ORGANS = {
    1: [],
    2: ["江城市平安建设领导小组办公室", "江城市应急管理局"],
    3: ["江城市平安建设领导小组办公室", "江城市应急管理局", "江城市公安局"],
    4: ["江城市委政法委员会", "江城市人民政府办公室", "江城市公安局", "江城市应急管理局"],
    # Names too long to stand side by side: one a row.
    5: ["江城市平安建设领导小组办公室", "江城市住房和城乡建设局城市管理综合执法支队"],
}


def _circles(pdf: bytes, page: int) -> list[tuple[float, float, float]]:
    """(centre x, centre y, diameter) in mm of the outlined seals on a page."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        curves = doc.pages[page].curves
    return [
        ((c["x0"] + c["x1"]) / 2 / MM, (c["top"] + c["bottom"]) / 2 / MM, (c["x1"] - c["x0"]) / MM)
        for c in curves
    ]


@pytest.fixture(scope="module")
def signed() -> dict[int, tuple[Any, int]]:
    fonts = FontSet.shipped()
    out = {}
    for n, organs in ORGANS.items():
        doc = sample_document(2, joint_issuers=organs)
        result = render_pdf(doc, fonts, seal_marks=True)
        m = measure(result.pdf, result)
        last = len(m.pages) - 1
        page = next(p for p in range(last, -1, -1) if _circles(result.pdf, p))
        out[n] = (m, page)
    return out


@pytest.mark.parametrize("n", sorted(ORGANS))
def test_seals_press_their_names_and_the_last_the_date(signed, n) -> None:
    m, page = signed[n]
    circles = _circles(m.pdf, page)
    organs = ORGANS[n] or ["江城市平安建设领导小组办公室"]
    assert len(circles) == len(organs)
    lines = m.pages[page]
    date = next(ln for ln in lines if ln.text == "2026年3月5日")
    # 成文日期 right, 4 characters in.
    assert abs(date.x1 - (AREA_RIGHT - 4 * 156 / 28)) < 0.3
    for (cx, cy, d), organ in zip(circles, organs, strict=True):
        assert abs(d - 42) < 0.1  # a 4.2 cm seal
        assert cx - d / 2 >= AREA_LEFT - 0.05 and cx + d / 2 <= AREA_RIGHT + 0.05  # 版心
        chars = [c for ln in lines for c in ln.chars]
        name = _find(chars, organ, cy, d)
        x0, x1 = name[0]["x0"] / MM, name[-1]["x1"] / MM
        top, bottom = name[0]["top"] / MM, name[0]["bottom"] / MM
        if x0 > AREA_LEFT + 0.1 and x1 < AREA_RIGHT - 0.1:
            assert abs((x0 + x1) / 2 - cx) < 0.5, organ  # centred under its seal
        # The name is pressed, a little below the seal's centre (居印章中心偏下).
        assert cy <= top < bottom < cy + d / 2
    # The last seal presses the last name and the date: the date's middle is inside it.
    cx, cy, d = circles[-1]
    mid = ((date.x0 + date.x1) / 2, date.top + 16 / MM / 2)
    assert math.dist(mid, (cx, cy)) < d / 2 - 3
    assert abs((date.x0 + date.x1) / 2 - cx) < 0.3
    # Seals neither cut nor touch each other; a row's seals are level.
    for i, a in enumerate(circles):
        for b in circles[i + 1 :]:
            assert math.dist(a[:2], b[:2]) > (a[2] + b[2]) / 2 + 1
    rows = sorted({round(c[1], 1) for c in circles})
    assert len(rows) == math.ceil(len(organs) / (1 if n == 5 else 2))


@pytest.mark.parametrize("n", sorted(ORGANS))
def test_first_row_within_one_line_of_the_body(signed, n) -> None:
    m, page = signed[n]
    circles = _circles(m.pdf, page)
    top = min(cy - d / 2 for _cx, cy, d in circles)
    body = [ln for ln in m.body_lines(page) if ln.top < top]
    assert body, "the seal never stands on a page without body text"
    gap = top - (body[-1].top + 16 / MM)
    assert 0 < gap <= PITCH, gap


def test_side_by_side_names_keep_apart_and_issued_copies_have_no_outline(signed) -> None:
    m, page = signed[2]
    circles = _circles(m.pdf, page)
    assert abs(circles[0][1] - circles[1][1]) < 0.05  # 一左一右, on one line
    names = [ln for ln in m.pages[page] if "江城市应急管理局" in ln.text]
    assert names and names[0].text.startswith("江城市平安建设领导小组办公室")
    plain = render_pdf(sample_document(2, joint_issuers=ORGANS[2]), FontSet.shipped())
    with pdfplumber.open(io.BytesIO(plain.pdf)) as doc:
        assert not any(p.curves for p in doc.pages)  # the place stays white for the seal


def _find(chars: list[dict], organ: str, cy: float, d: float) -> list[dict]:
    """The characters of ``organ`` on a line that the seal centred at ``cy`` covers."""
    rows: dict[float, list[dict]] = {}
    for c in chars:
        if abs(c["top"] / MM - cy) < d / 2:
            rows.setdefault(round(c["top"], 1), []).append(c)
    for row in rows.values():
        row.sort(key=lambda c: c["x0"])
        text = "".join(c["text"] for c in row)
        start = text.find(organ)
        if start >= 0:
            return row[start : start + len(organ)]
    raise AssertionError(f"{organ} not under its seal")
