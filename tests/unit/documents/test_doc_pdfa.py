"""Issued PDFs are PDF/A-2b: every kind the demo issued, and a notice with rare names, checked
by pdfa_check (structure, XMP identification agreeing with the Info dictionary, the CMYK output
intent and its ICC profile, fonts embedded and well formed, DeviceCMYK only, no transparency or
encryption). Drafts stay plain PDFs (nothing is kept of them)."""

from __future__ import annotations

import io
import subprocess
from typing import Any

import pypdf
from pdfa_check import problems
from sqlalchemy import select

from db.models import DocStatus, Document
from desktop.documents.pdfa import PROFILE, to_pdfa
from desktop.documents.samples import sample_document
from desktop.services.notices import drafts as notice_drafts
from desktop.services.notices import issuing
from desktop.services.notices import register as notices


def test_every_kind_the_demo_issued_is_pdfa_2b(demo_session, tmp_path) -> None:
    issued = demo_session.execute(
        select(Document.kind, Document.id)
        .where(Document.status == DocStatus.ISSUED)
        .order_by(Document.id)
    ).all()
    first_of_kind = dict(reversed(issued))  # kind → its first issued document
    assert len(first_of_kind) >= 6, sorted(k.value for k in first_of_kind)
    for kind, doc_id in sorted(first_of_kind.items(), key=lambda kv: kv[0].value):
        pdf = notices.pdf_of(demo_session, doc_id)
        assert problems(pdf) == [], (kind, doc_id)
        path = tmp_path / f"{kind.value}.pdf"
        path.write_bytes(pdf)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
        rows = fonts.stdout.splitlines()[2:]
        assert rows and all(" yes yes yes " in row for row in rows), (kind, fonts.stdout)


def test_a_notice_with_rare_names_issued_is_pdfa_2b_and_says_what_it_is(session, clerk) -> None:
    doc_id = notice_drafts.draft_notice(
        session,
        clerk,
        "关于表扬张喆、李堃同志的通报",
        "各区平安办：",
        ["对张喆、李堃、王䶮同志予以通报表扬。", "一、基本情况", "GB/T 28181-2022 已落实。"],
        confirm_fallbacks=True,
    )
    issued = issuing.issue(session, clerk, doc_id, confirm_fallbacks=True)
    pdf = notices.pdf_of(session, doc_id)
    assert problems(pdf) == []
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    xmp: Any = reader.xmp_metadata
    assert xmp.dc_title["x-default"] == "关于表扬张喆、李堃同志的通报"
    assert xmp.pdf_keywords == issued.number
    root: Any = reader.trailer["/Root"]
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/OutputConditionIdentifier"] == "FOGRA39"
    profile = intent["/DestOutputProfile"].get_object().get_data()
    assert profile == PROFILE.read_bytes()
    assert b"FOGRA39L" in profile  # the description names the data it was fitted to
    text = "".join(page.extract_text() for page in reader.pages)
    assert "张喆" in text and "GB/T 28181-2022" in text  # the text layer survives the rewrite


def test_the_rewrite_keeps_the_pages_as_drawn() -> None:
    from desktop.documents import FontSet
    from desktop.documents.render import render_pdf

    plain = render_pdf(sample_document(8), FontSet.shipped()).pdf
    archival = to_pdfa(plain)
    assert problems(archival) == []
    assert problems(plain) != []  # what reportlab alone gives is not PDF/A
    before, after = pypdf.PdfReader(io.BytesIO(plain)), pypdf.PdfReader(io.BytesIO(archival))
    assert len(before.pages) == len(after.pages)
    for a, b in zip(before.pages, after.pages, strict=True):
        assert a.get_contents().get_data() == b.get_contents().get_data()
    assert archival.startswith(b"%PDF-1.4")
    assert len(archival) - len(plain) < 80_000  # the profile, deflated, and the XMP


def test_the_archives_stamped_copy_stays_pdfa_2b(demo_session) -> None:
    """The 归档章 is appended as a form XObject in CMYK: the archived copy keeps PDF/A-2b."""
    from desktop.services.archive.stamp import StampFields, stamp

    doc_id = demo_session.scalar(
        select(Document.id).where(Document.status == DocStatus.ISSUED).order_by(Document.id)
    )
    original = notices.pdf_of(demo_session, doc_id)
    stamped = stamp(original, StampFields("J001", 2026, "D30", 7, 2)).data
    assert stamped.startswith(original)  # an incremental update: the issued bytes untouched
    assert problems(stamped) == []
