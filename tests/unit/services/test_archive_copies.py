"""Archive copies (archive_copy, migration 0017): a document's 归档章 PDF and OFD-A copy are made
once and copied as bytes by every export after; one that no longer fits (another 件号) or was
written without the chain key is made again, never taken."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)
from __future__ import annotations

import hashlib
from datetime import date, datetime

from archive_fixtures import docs_session, flip_kept_copy, tiny_pdf  # noqa: F401
from sqlalchemy import text

from db.models import DocKind, DocStatus, Document
from desktop.documents import ofd
from desktop.services.archive import build, export_year, stamp, verify_package
from desktop.services.archive.reader import MemoryReader
from desktop.services.archive.verify import verify_reader
from desktop.services.auth import system_actor


def _items(built) -> dict[str, bytes]:
    return {p: d for p, d in built.files.items() if p.startswith("电子档案/")}


def _refuse(*_args, **_kwargs):
    raise AssertionError("made again instead of copied")


def test_the_second_export_copies_the_kept_bytes(docs_session, monkeypatch) -> None:
    first = build(docs_session, 2026)
    docs_session.commit()
    monkeypatch.setattr(stamp, "stamp", _refuse)
    second = build(docs_session, 2026)
    assert _items(first) and _items(second) == _items(first)
    assert verify_reader(MemoryReader(second.files)).ok  # checked again from the bytes alone


def test_a_copy_changed_in_the_ledger_is_made_again_not_taken(docs_session) -> None:
    first = build(docs_session, 2026)
    docs_session.commit()
    row = docs_session.execute(
        text("SELECT document_id, name, data FROM archive_copy WHERE data IS NOT NULL LIMIT 1")
    ).one()
    forged = row.data + b"\n1 0 obj\n(forged)\nendobj\n"
    # What someone with the ledger file and a SQLite shell could do: the hash stated beside it.
    docs_session.execute(
        text("UPDATE archive_copy SET data = :d, sha256 = :h, size = :n "
             "WHERE document_id = :i AND name = :m"),
        {"d": forged, "h": hashlib.sha256(forged).hexdigest(), "n": len(forged),
         "i": row.document_id, "m": row.name},
    )  # fmt: skip
    docs_session.commit()
    docs_session.expire_all()
    second = build(docs_session, 2026)
    assert forged not in second.files.values()
    assert _items(second) == _items(first)


def test_a_document_dated_earlier_moves_the_numbers_and_the_stamps(docs_session) -> None:
    build(docs_session, 2026)
    docs_session.commit()
    pdf = tiny_pdf("Backdated")
    docs_session.add(
        Document(kind=DocKind.NOTICE, status=DocStatus.ISSUED, title="关于补登文件的通知",
                 content="{}", created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1),
                 prefix="测试办", year=2026, serial=99, number="测试办〔2026〕99号",
                 issued_on=date(2026, 1, 2), issued_at=datetime(2026, 1, 2), issued_by="李明",
                 pdf=pdf, pdf_sha256=hashlib.sha256(pdf).hexdigest(), pages=1)
    )  # fmt: skip
    docs_session.commit()
    built = build(docs_session, 2026)
    assert verify_reader(MemoryReader(built.files)).ok
    kept = dict(
        docs_session.execute(
            text("SELECT d.number, c.stamp FROM archive_copy c JOIN document d "
                 "ON d.id = c.document_id WHERE c.name = '正文.pdf'")
        ).all()
    )  # fmt: skip
    for item in built.info.items:  # each 件 bears its new 件号 (the one it had moved up by one)
        assert kept[item.number].split("|")[4] == str(item.seq), item.number


def test_issued_documents_keep_their_copies_and_export_copies_them(
    demo_session, tmp_path, monkeypatch
) -> None:
    issued = demo_session.scalar(text("SELECT count(*) FROM document WHERE status = 'issued'"))
    kept = demo_session.scalar(text("SELECT count(DISTINCT document_id) FROM archive_copy"))
    assert issued and kept == issued
    monkeypatch.setattr(stamp, "stamp", _refuse)
    monkeypatch.setattr(ofd, "to_archival", _refuse)
    result = export_year(demo_session, system_actor("测试"), 2026, tmp_path)
    assert result.report.ok and verify_package(result.path).ok


def test_the_size_a_package_needs_is_known_before_anything_is_read(docs_session) -> None:
    """The room check before an export (and the dialog's "will it fit") from the ledger's sizes:
    the issued files before any copy is kept, the kept copies (what goes) after."""
    from desktop.services.archive import copies
    from desktop.services.archive.model import Span

    year = Span.of_year(2026)
    issued = docs_session.execute(
        text("SELECT sum(length(pdf) + coalesce(length(ofd), 0)) FROM document "
             "WHERE status = 'issued'")
    ).scalar_one()  # fmt: skip
    attached = docs_session.execute(
        text("SELECT coalesce(sum(size), 0) FROM attachment WHERE owner_type = 'document'")
    ).scalar_one()
    assert copies.files_size(docs_session, year) == issued + attached > 0
    built = build(docs_session, 2026)
    docs_session.commit()
    assert copies.files_size(docs_session, year) == sum(
        len(data) for path, data in _items(built).items()
    )


def test_the_kept_copies_are_read_through_a_map_only_while_they_are_read(
    docs_session, monkeypatch
) -> None:
    """The ledger file is memory-mapped for the one read of a year's kept copies (issue 11) and
    not after it: elsewhere an I/O error on the ledger stays an error, not a crash."""
    import contextlib

    from desktop.services.archive import copies

    build(docs_session, 2026)
    docs_session.commit()

    def size() -> int:
        return docs_session.execute(text("PRAGMA mmap_size")).scalar_one()

    inside: list[int] = []
    real = copies._mapped

    @contextlib.contextmanager
    def watched(session):
        with real(session):
            inside.append(size())
            yield

    monkeypatch.setattr(copies, "_mapped", watched)
    second = build(docs_session, 2026)
    assert _items(second) and inside and inside[0] > 0
    assert size() == 0


def test_a_copy_whose_bytes_alone_were_changed_is_made_again(docs_session) -> None:
    """Same length, same signed row: only the hash of the bytes (taken in the hashing threads)
    tells, and the copy is made again from the issued file."""
    first = build(docs_session, 2026)
    docs_session.commit()
    flipped = flip_kept_copy(docs_session)
    second = build(docs_session, 2026)
    assert flipped not in second.files.values()
    assert _items(second) == _items(first)
