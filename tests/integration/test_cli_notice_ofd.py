"""`duban notice render --format ofd`: an issued notice keeps its OFD beside the PDF, hashed and
audited; the OFD read back holds the same number, title and pages as the PDF."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from db.models import AuditEntry, Document
from desktop.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "documents"))
from ofd_reader import read  # noqa: E402


def test_an_issued_circular_renders_as_ofd_with_its_stored_digest(demo_ledger, tmp_path, capsys):
    base = [
        "--database",
        str(demo_ledger.path),
        "--today",
        "2026-11-28",
        "--user",
        "clerk",
        "notice",
    ]
    demo_ledger.dispose()
    pdf = tmp_path / "通报.pdf"
    assert main([*base, "circular", "--period", "2026-11", "--out", str(pdf), "--issue"]) == 0
    said = capsys.readouterr().out
    number = re.search(r"平安办〔2026〕\d+号", said).group(0)
    doc_id = re.search(r"#(\d+)", said).group(1)
    ofd_file = tmp_path / "通报.ofd"
    assert main([*base, "render", doc_id, "--out", str(ofd_file)]) == 0
    ofd = read(ofd_file.read_bytes())
    assert ofd.custom["文号"] == number and ofd.pages == len(PdfReader(pdf).pages)
    assert number in "".join(g.ch for g in ofd.glyphs if g.page == 1)
    from desktop.services.ledger import open_ledger

    ledger = open_ledger(base[1])
    with ledger.session() as session:
        doc = session.get(Document, int(doc_id))
        digest = hashlib.sha256(ofd_file.read_bytes()).hexdigest()
        assert doc.ofd_sha256 == digest
        issue = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "issue").order_by(AuditEntry.id.desc())
        ).first()
        assert digest in issue.detail
    ledger.dispose()


def test_a_wrong_suffix_or_format_is_refused_with_nothing_written(demo_ledger, tmp_path, capsys):
    base = ["--database", str(demo_ledger.path), "notice", "render", "1"]
    demo_ledger.dispose()
    out = tmp_path / "out"
    out.mkdir()
    assert main([*base, "--out", str(out / "x.ofd"), "--format", "pdf"]) == 1
    assert "应以 .pdf 结尾" in capsys.readouterr().err
    assert not list(out.iterdir())


def test_a_file_swapped_with_its_stored_hash_is_not_rendered(demo_ledger, tmp_path, capsys):
    # What a SQLite shell on the ledger file could do: the file and the hash beside it replaced;
    # the issue entry of the audit log still holds the hash the document was issued with.
    with demo_ledger.session() as session:
        doc = session.scalars(select(Document).where(Document.ofd.is_not(None))).first()
        for column, data in (("pdf", doc.pdf), ("ofd", doc.ofd)):
            forged = data + b"\n"
            session.connection().exec_driver_sql(
                f"UPDATE document SET {column} = ?, {column}_sha256 = ? WHERE id = ?",
                (forged, hashlib.sha256(forged).hexdigest(), doc.id),
            )
        session.commit()
        doc_id, number = doc.id, doc.number
    demo_ledger.dispose()
    for fmt in ("pdf", "ofd"):
        out = tmp_path / f"x.{fmt}"
        args = ["--database", str(demo_ledger.path), "notice", "render", str(doc_id)]
        assert main([*args, "--out", str(out)]) == 1
        err = capsys.readouterr().err
        assert number in err and "印发时操作日志记录的校验值不符" in err
        assert not out.exists()
