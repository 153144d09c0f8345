"""OFD beside PDF: the same laid-out pages, every glyph where the PDF has it (±0.2 mm), the same
text and colours, fonts embedded with the tables a reader needs, metadata as CustomData."""

from __future__ import annotations

import pymupdf
import pytest
from ofd_reader import read

from desktop.documents.fonts import FontSet
from desktop.documents.ofd import FONT_TABLES, render_ofd
from desktop.documents.render import render_pdf
from desktop.documents.samples import sample_document, sample_minutes, sample_with_attachments

PT = 25.4 / 72


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet.shipped()


def _pdf_glyphs(pdf: bytes) -> list[tuple[int, str, float, float, tuple]]:
    """Each glyph's pen position and baseline as MuPDF renders the PDF (pdfminer drops the
    character spacing after the last glyph of every string, so it is no reference here)."""
    out = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for number, page in enumerate(doc, start=1):
            raw = page.get_text("rawdict")
            for block in raw["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        c = span["color"]
                        colour = (c >> 16 & 255, c >> 8 & 255, c & 255)
                        for ch in span["chars"]:
                            if ch["c"].isspace():
                                continue
                            x, baseline = ch["origin"]
                            out.append((number, ch["c"], x * PT, baseline * PT, colour))
    return out


@pytest.mark.parametrize("make", [sample_document, sample_minutes, sample_with_attachments])
def test_every_glyph_sits_where_the_pdf_has_it(fonts, make) -> None:  # type: ignore[no-untyped-def]
    doc = make()
    pdf = render_pdf(doc, fonts).pdf
    ofd = read(render_ofd(doc, fonts).ofd)
    theirs = _pdf_glyphs(pdf)
    ours = [g for g in ofd.glyphs if not g.ch.isspace()]
    assert [g.ch for g in ours] == [t[1] for t in theirs]
    for g, (page, _ch, x, baseline, colour) in zip(ours, theirs, strict=True):
        assert g.page == page
        assert abs(g.x - x) <= 0.2 and abs(g.baseline - baseline) <= 0.2, (g, x, baseline)
        # The PDF prints in CMYK (M80 Y80 red, pure K text) and the reader shows that through
        # its own profile; the OFD keeps the page model's screen RGB: the same ink, not value.
        assert _ink(g.color) == _ink(colour), (g, colour)


def _ink(rgb) -> str:  # type: ignore[no-untyped-def]
    r, g, b = rgb
    if r > 200 and g < 120 and b < 120:
        return "red"
    if max(r, g, b) < 60:
        return "black"
    return f"{r},{g},{b}"


def test_fonts_are_embedded_subsets_with_the_tables_a_reader_needs(fonts) -> None:  # type: ignore[no-untyped-def]
    ofd = read(render_ofd(sample_document(), fonts).ofd)
    used: dict[str, set[str]] = {}
    for g in ofd.glyphs:
        used.setdefault(g.font_file, set()).add(g.ch)
    assert set(used) == set(ofd.fonts)
    for file, font in ofd.fonts.items():
        assert set(FONT_TABLES) <= set(font.keys()), (file, sorted(font.keys()))
        cmap = font.getBestCmap()
        assert all(ord(ch) in cmap for ch in used[file] if not ch.isspace())
        assert len(cmap) < 2000  # a subset, not the whole face


def test_the_red_mark_and_rules_keep_their_colour_and_metadata_is_custom_data(fonts) -> None:  # type: ignore[no-untyped-def]
    doc = sample_document()
    ofd = read(render_ofd(doc, fonts).ofd)
    mark = [g for g in ofd.glyphs if g.page == 1 and g.ch == doc.issuer_mark[0]][0]
    assert mark.color[0] > 200 and mark.color[1] < 30  # red
    assert any(colour and colour[0] > 200 and colour[1] < 30 for _p, _b, colour in ofd.paths)
    assert ofd.doc_type == "OFD" and ofd.title == doc.title
    assert ofd.custom["题名"] == doc.title and ofd.custom["文号"] == doc.doc_number


def test_the_archival_profile_is_ofd_a_without_permissions_or_encryption(fonts) -> None:  # type: ignore[no-untyped-def]
    data = render_ofd(sample_document(), fonts, archival=True).ofd
    ofd = read(data)
    assert ofd.doc_type == "OFD-A"
    assert not any("Permission" in n or "Encrypt" in n or "Signs" in n for n in ofd.names)
    assert b"Permissions" not in data and b"VPreferences" not in data
