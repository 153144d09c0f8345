"""PDF hygiene: only embedded fonts declared, document metadata filled, print colours in CMYK."""

from __future__ import annotations

import io
import subprocess

import pypdf
import pytest
from doc_measure import render_measured

from desktop.documents import DocumentKind
from desktop.documents.samples import sample_document, sample_minutes

SAMPLES = {
    "document": lambda: sample_document(3),
    "letter": lambda: sample_document(3, kind=DocumentKind.LETTER),
    "minutes": sample_minutes,
}


@pytest.fixture(scope="module", params=list(SAMPLES))
def printed(request):
    return request.param, render_measured(SAMPLES[request.param]())


def test_every_declared_font_is_embedded_and_none_is_helvetica(printed, tmp_path):
    _kind, m = printed
    reader = pypdf.PdfReader(io.BytesIO(m.pdf))
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            assert "Helvetica" not in str(font["/BaseFont"])
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
    path = tmp_path / "doc.pdf"
    path.write_bytes(m.pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows and all(" yes yes yes " in row for row in rows), out.stdout
    assert "Helvetica" not in out.stdout


def test_metadata_names_title_office_kind_and_number(printed):
    kind, m = printed
    reader = pypdf.PdfReader(io.BytesIO(m.pdf))
    assert m.pdf.startswith(b"%PDF-1.4")
    info = reader.metadata
    assert info.author == "江城市平安建设领导小组办公室"
    assert info["/CreationDate"].startswith("D:20")
    if kind == "minutes":
        assert info.subject == "纪要" and "3" in (info["/Keywords"] or "")
    else:
        assert info.title.startswith("关于") and info.title.endswith("通知")
        assert info.subject == "通知"
        assert info["/Keywords"] == "平安办〔2026〕12号"


def test_red_and_black_are_cmyk(printed):
    _kind, m = printed
    colours = {c["non_stroking_color"] for page in m.pages for ln in page for c in ln.chars}
    assert colours <= {(0, 0.8, 0.8, 0), (0, 0, 0, 1)}, colours
    assert (0, 0.8, 0.8, 0) in colours
    strokes = {r["stroking_color"] for page in m.rules for r in page}
    assert strokes <= {(0, 0.8, 0.8, 0), (0, 0, 0, 1)}, strokes
