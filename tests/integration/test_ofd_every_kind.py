"""Every kind the register prints, issued, saved and archived as OFD: the stored OFD, read by the
test reader written from GB/T 33190's XML (tests/unit/documents/ofd_reader.py), shows what MuPDF
shows of the stored PDF — the same pages, every glyph within 0.2 mm in the same ink, the same
rules — and so does the hostile document; `duban notice render ID --format ofd|pdf` gives the
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
