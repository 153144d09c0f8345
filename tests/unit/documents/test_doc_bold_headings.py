"""“1.” headings in bold 仿宋 (a faux bold: text render mode 2), and the setting that turns it off."""

from __future__ import annotations

import io

import pypdf
from doc_measure import AREA_LEFT, SLOT, measure

from desktop.documents import FontSet, render_pdf
from desktop.documents.samples import sample_document

BODY = [
    "1.加强调度。各单位要按期报送进度，逐项核对。",
    "2.明确责任",
    "3." + "对照年度目标任务逐项梳理工作进展" * 3 + "。",  # a long list item, not a heading
    "（1）细化措施。不加粗。",
]


def runs_by_mode(pdf: bytes) -> list[tuple[int, str]]:
    """(text render mode, text) of every shown string on every page."""
    out: list[tuple[int, str]] = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        mode, pending = [0], []  # type: list[int], list[str]

        def before(op, args, _cm, _tm, mode=mode, pending=pending):
            if op == b"Tr":
                mode[0] = int(args[0])
            elif op in (b"Tj", b"TJ"):
                pending.append(mode[0])

        def text(value, *_rest, pending=pending):
            if value.strip() and pending:
                out.append((pending.pop(0), value.strip()))

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return out


def render(**kwargs) -> bytes:
    doc = sample_document(1, body=BODY, cc="", printing_office="", printing_date=None)
    return render_pdf(doc, FontSet.shipped(), **kwargs).pdf


def test_level3_heading_sentence_is_bold_and_nothing_else() -> None:
    runs = runs_by_mode(render())
    bold = [t for mode, t in runs if mode == 2]
    assert bold == ["1.加强调度。", "2.明确责任"]
    plain = "".join(t for mode, t in runs if mode == 0)
    assert "各单位要按期报送进度" in plain and "（1）细化措施。" in plain
    assert "3.对照年度目标任务" in plain  # a long numbered item stays plain


def test_bold_keeps_the_grid_and_setting_turns_it_off() -> None:
    on, off = measure(render()), measure(render(bold_level3=False))
    lines = [(ln.text, round(ln.top, 2), round(ln.x0, 2)) for ln in on.pages[0]]
    assert lines == [(ln.text, round(ln.top, 2), round(ln.x0, 2)) for ln in off.pages[0]]
    heading = next(ln for ln in on.pages[0] if ln.text.startswith("1.加强调度"))
    assert abs(heading.x0 - (AREA_LEFT + 2 * SLOT)) < 0.05
    assert not [t for mode, t in runs_by_mode(off.pdf) if mode == 2]


def test_office_setting_reaches_the_register_rendering(session, admin) -> None:
    from dataclasses import replace

    from desktop.services import settings
    from desktop.services.notices import register as notices

    doc = sample_document(1, body=BODY, cc="", printing_office="", printing_date=None)
    assert [t for mode, t in runs_by_mode(notices.render(session, doc).pdf) if mode == 2]
    settings.save_office(session, admin, replace(settings.office(session), bold_level3=False))
    assert settings.office(session).bold_level3 is False
    assert not [t for mode, t in runs_by_mode(notices.render(session, doc).pdf) if mode == 2]
