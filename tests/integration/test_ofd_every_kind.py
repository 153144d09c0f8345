"""Every kind the register prints, issued, saved and archived as OFD: the stored OFD, read by the
test reader written from GB/T 33190's XML (tests/unit/documents/ofd_reader.py), shows what MuPDF
shows of the stored PDF — the same pages, every glyph within 0.2 mm in the same ink, the same
rules — and so does the hostile document; drawn by easyofd (a reader from PyPI, not ours) every
glyph sits within 0.2 mm of the PDF's too; `duban notice render ID --format ofd|pdf` gives the
stored files of each kind; the year's package of them passes every DA/T 70 item and each 件's
OFD-A copy shows the issued pages with the 归档章 apart."""

from __future__ import annotations

import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from db.models import DocKind
from desktop.cli import main
from desktop.documents.fonts import FontSet
from desktop.documents.ofd import check_ofd, doc_metadata, render_ofd
from desktop.documents.render import render_pdf
from desktop.services import identity
from desktop.services.archive import export_year, verify_package
from desktop.services.archive.checks import KEYS, PASSED
from desktop.services.clock import FixedClock
from desktop.services.ledger import backup_sqlite, open_ledger
from desktop.services.notices import register as notices
from tests.fixtures.every_kind import issue_every_kind

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "documents"))
from ofd_reader import assert_same_pages, read  # noqa: E402
from test_doc_hostile import NAMES, hostile_document  # noqa: E402

KINDS = list(DocKind)


class Issued:
    def __init__(self, path: Path, ids: dict[DocKind, int], files: dict[DocKind, tuple]) -> None:
        self.path, self.ids, self.files = path, ids, files


@pytest.fixture(scope="module")
def issued(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Issued:
    folder = tmp_path_factory.mktemp("every-kind")
    copy = backup_sqlite(demo_template, folder / "ledger.sqlite3")
    ledger = open_ledger(copy, FixedClock(datetime(2026, 11, 28, 10, 0)))
    try:
        with ledger.session() as session:
            clerk = identity.sign_in(session, "clerk", "duban-clerk")
            ids = issue_every_kind(session, clerk)
            files = {
                kind: (
                    notices.pdf_of(session, doc_id),
                    notices.ofd_of(session, doc_id),
                    notices.get_document(session, doc_id),
                )
                for kind, doc_id in ids.items()
            }
    finally:
        ledger.dispose()
    return Issued(copy, ids, files)


def test_there_is_one_of_every_kind(issued: Issued) -> None:
    assert set(issued.files) == set(DocKind)


@pytest.mark.parametrize("kind", KINDS, ids=[k.value for k in KINDS])
def test_the_stored_ofd_shows_what_the_stored_pdf_shows(issued: Issued, kind: DocKind) -> None:
    pdf, ofd_data, info = issued.files[kind]
    ofd = assert_same_pages(pdf, ofd_data)
    assert ofd.doc_type == "OFD" and check_ofd(ofd_data) == ofd.pages
    assert ofd.custom["题名"] == info.row.title
    if kind == DocKind.MINUTES:  # a 纪要 has its 期号, the register's number ends with it
        assert info.row.number.endswith(ofd.custom["期号"])
    elif info.row.number:
        assert ofd.custom["文号"] == info.row.number
    assert all(f.endswith(".ttf") for f in ofd.fonts)  # embedded: nothing named only


def _easyofd_pdf(ofd: bytes) -> bytes:
    """The OFD drawn to PDF by easyofd (PyPI), a reader that is not ours. It resolves fonts by
    FontName and not from the embedded files, so it gets one CJK face under the name it falls
    back to (宋体): what it shows of ours is where each glyph sits, in which ink. It writes the
    fonts it finds to the working folder (the caller's tmp_path) and puts that folder and its
    parent on sys.path: restored after."""
    import contextlib
    import io
    import logging

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from desktop.documents.fonts import FontRole

    path = list(sys.path)
    try:
        ofd_module = pytest.importorskip("easyofd.ofd")
        from loguru import logger

        logger.remove()
    finally:
        sys.path[:] = path
    if "宋体" not in pdfmetrics.getRegisteredFontNames():
        song = FontSet.shipped()[FontRole.SONGTI].path
        pdfmetrics.registerFont(TTFont("宋体", str(song)))
    reader = ofd_module.OFD()
    logging.disable(logging.WARNING)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            reader.read(ofd, fmt="binary")
            return bytes(reader.to_pdf())
    finally:
        logging.disable(logging.NOTSET)


def _as_easyofd_shows(pdf: bytes, ofd: bytes) -> None:
    import pymupdf
    from ofd_reader import PT, pdf_glyphs, same_ink

    drawn = _easyofd_pdf(ofd)
    with pymupdf.open(stream=drawn, filetype="pdf") as doc:
        scale = 210 / (doc[0].rect.width * PT)  # it draws A4 at 200 dpi in points: to mm
    theirs = [(p, c, x * scale, y * scale, ink) for p, c, x, y, ink in pdf_glyphs(drawn)]
    ours = pdf_glyphs(pdf)
    assert "".join(g[1] for g in theirs) == "".join(g[1] for g in ours)
    for (p, _c, x, y, ink), (q, _d, u, v, tint) in zip(theirs, ours, strict=True):
        assert p == q and abs(x - u) <= 0.2 and abs(y - v) <= 0.2, ((p, x, y), (q, u, v))
        assert same_ink(ink, tint), (p, x, y, ink, tint)


@pytest.mark.parametrize("kind", KINDS, ids=[k.value for k in KINDS])
def test_easyofd_shows_each_glyph_where_the_pdf_has_it(
    issued: Issued, kind: DocKind, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    pdf, ofd, _info = issued.files[kind]
    _as_easyofd_shows(pdf, ofd)


def test_easyofd_shows_the_hostile_document_as_the_pdf(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    doc, fonts = hostile_document(), FontSet.shipped()
    _as_easyofd_shows(render_pdf(doc, fonts).pdf, render_ofd(doc, fonts).ofd)


def test_the_hostile_document_too() -> None:
    doc = hostile_document()
    fonts = FontSet.shipped()
    ofd = assert_same_pages(render_pdf(doc, fonts).pdf, render_ofd(doc, fonts).ofd)
    assert ofd.pages >= 40
    assert all(ch in "".join(g.ch for g in ofd.glyphs) for ch in NAMES)
    assert ofd.custom["题名"] == doc_metadata(doc)["题名"]


@pytest.mark.parametrize("fmt", ["ofd", "pdf"])
def test_notice_render_gives_the_stored_file_of_every_kind(issued: Issued, fmt, tmp_path) -> None:
    for kind, doc_id in issued.ids.items():
        target = tmp_path / f"{kind.value}.{fmt}"
        args = ["--database", str(issued.path), "notice", "render", str(doc_id)]
        assert main([*args, "--format", fmt, "--out", str(target)]) == 0, kind
        pdf, ofd, _info = issued.files[kind]
        assert target.read_bytes() == (ofd if fmt == "ofd" else pdf), kind


def test_the_package_of_every_kind_passes_and_its_ofd_a_shows_the_issued_pages(
    issued: Issued, tmp_path: Path
) -> None:
    copy = backup_sqlite(issued.path, tmp_path / "ledger.sqlite3")
    ledger = open_ledger(copy, FixedClock(datetime(2026, 11, 28, 10, 0)))
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        with ledger.session() as session:
            admin = identity.sign_in(session, "admin", "duban-admin")
            result = export_year(session, admin, 2026, stick)
    finally:
        ledger.dispose()
    report = verify_package(result.path)
    assert all(report.status(k) == PASSED for k in KEYS), report.text()
    by_number = {info.row.number: (pdf, kind) for kind, (pdf, _o, info) in issued.files.items()}
    seen = set()
    for item in report.info.items if report.info else ():
        if item.number not in by_number:
            continue
        pdf, kind = by_number[item.number]
        ofd_file = next(f for f in item.files if f.format == "ofd" and f.role == "正文")
        data = (result.path / ofd_file.path).read_bytes()
        ofd = assert_same_pages(pdf, data)  # the pages untouched …
        assert ofd.doc_type == "OFD-A" and check_ofd(data, archival=True) == ofd.pages
        stamp = zipfile.ZipFile(result.path / ofd_file.path).read(
            "Doc_0/Annots/Page_0/Annotation.xml"
        )  # … the 归档章 in a file of its own, with the 件's 全宗号, 年度, 件号 and 页数
        text = stamp.decode("utf-8")
        assert 'Type="Stamp"' in text
        for value in (item.code.split("-")[0], "2026", item.code[-4:], f">{item.pages}<"):
            assert value in text, (kind, value)
        seen.add(kind)
    numbered = {k for k, (_p, _o, info) in issued.files.items() if info.row.number}
    assert seen == numbered
    assert read(data).doc_type == "OFD-A"
