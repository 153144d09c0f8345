"""Issued documents for the archive tests, inserted as the register would leave them."""

from __future__ import annotations

import hashlib
import io
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from sqlalchemy import text
from sqlalchemy.orm import Session

from db.models import Attachment, DocKind, DocStatus, Document

FONTS = Path(__file__).resolve().parents[3] / "resources" / "fonts"


FONT = "ArchiveTestHei"  # embedded, as the register's own PDFs are (verify checks it)


def tiny_pdf(text: str, pages: int = 1) -> bytes:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "heiti.ttf")))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1, initialFontName=FONT)
    for n in range(pages):
        pdf.drawString(72, 720, f"{text} p{n + 1}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def issue_documents(
    session: Session, year: int = 2026, count: int = 5, *, attach: bool = True
) -> None:
    """``count`` issued notices spread over the year, out of id order (the archive orders by date)."""
    start = date(year, 1, 15)
    for n in range(count):
        day = start + timedelta(days=(n * 37) % 300)
        pdf = tiny_pdf(f"Notice {n}", pages=1 + n % 3)
        doc = Document(
            kind=DocKind.CIRCULAR if n % 2 else DocKind.NOTICE,
            status=DocStatus.ISSUED,
            title=f"关于第{n + 1}批重点任务推进情况的通报",
            content="{}",
            created_at=datetime(year, 1, 1),
            updated_at=datetime(year, 1, 1),
            prefix="测试办",
            year=year,
            serial=n + 1,
            number=f"测试办〔{year}〕{n + 1}号",
            issued_on=day,
            issued_at=datetime.combine(day, datetime.min.time()),
            issued_by="李明",
            pdf=pdf,
            pdf_sha256=hashlib.sha256(pdf).hexdigest(),
            pages=1 + n % 3,
        )
        session.add(doc)
        session.flush()
        if attach and n == 0:
            scan = tiny_pdf("Attachment")
            session.add(
                Attachment(
                    owner_type="document",
                    owner_id=doc.id,
                    filename="整改台账.pdf",
                    media_type="application/pdf",
                    size=len(scan),
                    sha256=hashlib.sha256(scan).hexdigest(),
                    content=scan,
                    added_at=datetime(year, 1, 2),
                    added_by="李明",
                )
            )
    session.commit()


def flip_kept_copy(session: Session) -> bytes:
    """Change one byte in the middle of one kept archive copy (same length, same signed row),
    commit, and return the changed bytes: only the hash of the bytes can tell."""
    row = session.execute(
        text("SELECT document_id, name, data FROM archive_copy WHERE data IS NOT NULL LIMIT 1")
    ).one()
    flipped = bytearray(row.data)
    flipped[len(flipped) // 2] ^= 0x20
    session.execute(
        text("UPDATE archive_copy SET data = :d WHERE document_id = :i AND name = :m"),
        {"d": bytes(flipped), "i": row.document_id, "m": row.name},
    )
    session.commit()
    session.expire_all()
    return bytes(flipped)


def package_files(root) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def docs_session(session: Session, system) -> Session:
    """A fresh ledger with five issued notices of 2026 (one with an attachment)."""
    issue_documents(session, 2026, 5)
    return session
