"""`duban pack`: the meeting pack's contents point to the right pages, every page is numbered,
the charts are vector text in the document's fonts, and the period's circular is inside."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from desktop.cli import main
from desktop.documents.meeting_pack import SECTIONS


@pytest.fixture(scope="module")
def pack(demo_template: Path, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from desktop.services.ledger import backup_sqlite

    folder = tmp_path_factory.mktemp("pack")
    db = str(backup_sqlite(demo_template, folder / "demo.sqlite3"))
    out = folder / "会议材料.pdf"
    args = ["--database", db, "--today", "2026-11-28", "pack", "--period", "2026-10"]
    assert main([*args, "--out", str(out)]) == 0
    return out


def _texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_the_contents_name_the_page_each_section_starts_on(pack: Path) -> None:
    pages = _texts(pack)
    contents = next(i for i, t in enumerate(pages) if "目" in t and SECTIONS[0] in t)
    listed = {}
    for line in pages[contents].splitlines():
        for title in SECTIONS:
            if line.startswith(title):
                listed[title] = int(line.rsplit(" ", 1)[1])
    assert list(listed) == list(SECTIONS)
    for title in SECTIONS[:-1]:
        page = pages[listed[title] - 1]
        assert any(line.startswith(title) for line in page.splitlines()), (title, page[:80])
    circular = pages[listed[SECTIONS[-1]] - 1]
    assert "通报" in circular and "2026年10月" in circular


def test_the_packs_own_pages_are_numbered_and_the_cover_is_not(pack: Path) -> None:
    pages = _texts(pack)
    assert not re.search(r"— \d+ —", pages[0])
    own = next(i for i, t in enumerate(pages) if "本期工作进展通报" in t and "附后" in t)
    for n in range(2, own + 2):
        assert f"— {n} —" in pages[n - 1], n


def test_charts_are_vector_text_in_embedded_fonts(pack: Path) -> None:
    with pdfplumber.open(pack) as pdf:
        charts = next(
            p for p in pdf.pages if "各重点工程平均进度与序时进度" in (p.extract_text() or "")
        )
        assert not charts.images
        assert len(charts.rects) > 20  # the bars
        fonts = {c["fontname"] for c in charts.chars}
    assert fonts and all("+" in f for f in fonts), fonts  # subset-embedded, no base-14 font


def test_the_red_list_and_the_forecast_are_in(pack: Path) -> None:
    text = "\n".join(_texts(pack))
    assert "红灯任务及原因" in text and "逾期" in text
    assert "下期可能亮红灯的任务" in text and "月底" in text
