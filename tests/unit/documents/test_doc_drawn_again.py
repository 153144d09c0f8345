"""A document drawn again in the same process (the preview refreshed, the draft issued, the
next circular) reuses the operators of an earlier PDF of the same characters: the PDF it gets
is the one a first drawing would have given, line for line."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdf
import pytest
from reportlab import rl_config

from desktop.documents import FontSet, pdf_text, render, render_pdf, samples, tables
from desktop.documents.fonts import reportlab_lock
from desktop.documents.model import Table
from desktop.documents.render import lay_out
from desktop.documents.samples import sample_document


@pytest.fixture
def invariant(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no dates or ids: equal PDFs, equal bytes


def _fresh(doc, fonts: FontSet) -> bytes:  # type: ignore[no-untyped-def]
    """``doc`` drawn with nothing kept from earlier PDFs."""
    pdf_text._drawn.clear()
    return render_pdf(doc, fonts).pdf


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_a_line_changed_into_characters_met_before_is_drawn_as_changed(
    shipped_fonts: FontSet, invariant: None
) -> None:
    base = sample_document(6)
    first = base.body[-1]
    assert isinstance(first, str)
    # The last paragraph again, then reversed: no new character, so both documents' fonts
    # meet the same characters in the same order and their PDFs share one set of operators.
    before = replace(base, body=[*base.body, first])
    after = replace(base, body=[*base.body, first[::-1]])
    _fresh(before, shipped_fonts)
    again = render_pdf(after, shipped_fonts).pdf
    assert len(pdf_text._drawn) == 1  # shared, not drawn afresh
    assert again == _fresh(after, shipped_fonts)
    assert first[::-1][:12] in _text(again).replace("\n", "")


def test_the_same_document_after_another_comes_out_the_same(
    shipped_fonts: FontSet, invariant: None
) -> None:
    notice = sample_document(6)
    other = sample_document(9, title="关于开展矛盾纠纷排查化解专项行动的通知")
    first = _fresh(notice, shipped_fonts)
    render_pdf(other, shipped_fonts)
    assert render_pdf(notice, shipped_fonts).pdf == first
    assert render_pdf(other, shipped_fonts).pdf == _fresh(other, shipped_fonts)


def test_a_document_changed_after_it_was_drawn_is_laid_out_anew(shipped_fonts: FontSet) -> None:
    """The kept layout is the document's as it was: a paragraph added to the same object
    afterwards (the clerk's edit in the preview) prints, and the page count follows it."""
    notice = sample_document(6)
    first = render_pdf(notice, shipped_fonts)
    notice.body.extend([notice.body[-1]] * 12 + ["新增一段：请各单位于月底前报送整改清单。"])
    changed = render_pdf(notice, shipped_fonts)
    assert changed.page_count > first.page_count
    assert "请各单位于月底前报送整改清单" in _text(changed.pdf).replace("\n", "")
    assert "请各单位于月底前报送整改清单" not in _text(first.pdf).replace("\n", "")


def test_the_same_document_at_another_line_pitch_is_laid_out_for_it(
    shipped_fonts: FontSet,
) -> None:
    notice = sample_document(12)

    def lines_per_page(pitch: float | None) -> list[int]:
        with reportlab_lock:
            laid = lay_out(notice, shipped_fonts, line_pitch_pt=pitch)
        return [len(page.ops) for page in laid.pages]

    normal = lines_per_page(None)
    wide = lines_per_page(40.0)  # 16 lines a page instead of 22
    assert max(wide[:-1]) < max(normal[:-1])
    assert lines_per_page(None) == normal


def _forget_everything() -> None:
    pdf_text._drawn.clear()
    render._laid.clear()
    tables._kept.clear()


@pytest.mark.parametrize("edit", ["after the table", "above it, moving it"])
def test_a_table_laid_out_again_after_an_edit_is_the_table_laid_out_afresh(
    shipped_fonts: FontSet, invariant: None, edit: str
) -> None:
    notice = sample_document(body=samples.body(8, with_table=True))
    at = next(i for i, b in enumerate(notice.body) if isinstance(b, Table))
    _forget_everything()
    render_pdf(notice, shipped_fonts)
    kept = len(tables._kept)
    body = list(notice.body)
    where = len(body) - 1 if edit == "after the table" else at - 1
    text = body[where]
    assert isinstance(text, str)
    more = "请于月底前报送。" if edit == "after the table" else "请各单位认真对照检查。" * 4
    body[where] = text + more
    edited = replace(notice, body=body)
    again = render_pdf(edited, shipped_fonts).pdf
    assert len(tables._kept) == (kept if edit == "after the table" else kept + 1)
    _forget_everything()
    assert again == render_pdf(edited, shipped_fonts).pdf


def test_a_table_laid_out_again_warns_of_its_missing_characters_again(
    shipped_fonts: FontSet,
) -> None:
    table = Table(["单位", "负责人"], [["市公安局", "吉𠮷祥"], ["市司法局", "王䶮"]])
    notice = sample_document(2, body=["一、基本情况", table, "以上情况，特此通报。"])
    _forget_everything()
    first = render_pdf(notice, shipped_fonts).glyph_warnings
    render._laid.clear()  # laid out again: the table from what was kept
    kept = len(tables._kept)
    again = render_pdf(notice, shipped_fonts).glyph_warnings
    assert len(tables._kept) == kept
    assert any("𠮷" in w for w in first)
    assert again == first
