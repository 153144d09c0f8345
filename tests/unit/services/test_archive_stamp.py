"""归档章: the package's 正文 PDF is a copy with the stamp on page 1; the register's PDF is its
unchanged first bytes (metadata keeps both hashes), and verify checks both."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)
from __future__ import annotations

import dataclasses
import hashlib
import io

import pdfplumber
from archive_fixtures import docs_session  # noqa: F401
from sqlalchemy import text

from desktop.services.archive import build, export_year, stamp, verify_package
from desktop.services.archive.metadata import from_xml, manifest, sha256, to_xml
from desktop.services.archive.reader import MemoryReader
from desktop.services.archive.verify import verify_reader


def _main(built, index: int = 0):
    item = built.info.items[index]
    return item, next(f for f in item.files if f.role == "正文")


def test_the_stamp_is_on_page_one_of_a_copy(docs_session) -> None:
    built = build(docs_session, 2026)
    item, main = _main(built, 2)
    data = built.files[main.path]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        corner = page.crop((page.width / 2, 0, page.width, page.height / 6)).extract_text()
        assert len(pdf.pages) == main.pages == 3
    for word in ("全宗号", "J001", "年度", "2026", "件号", "0003", "保管期限", "定期30年", "页数"):
        assert word in corner, word
    assert "PAB" in corner and str(item.pages) in corner
    register = docs_session.execute(
        text("SELECT pdf, pdf_sha256 FROM document WHERE number = :n"), {"n": item.number}
    ).one()
    assert data[: main.original_size] == register.pdf  # the issued PDF, byte for byte
    assert main.original_sha256 == register.pdf_sha256 == hashlib.sha256(register.pdf).hexdigest()
    assert main.sha256 == sha256(data) != main.original_sha256
    attachment = next(f for f in built.info.items[0].files if f.role == "附件")
    assert attachment.original_sha256 == ""  # attachments go in as they are


def test_stamped_package_verifies_and_register_is_untouched(docs_session, admin, tmp_path) -> None:
    before = docs_session.execute(text("SELECT pdf FROM document ORDER BY id")).scalars().all()
    result = export_year(docs_session, admin, 2026, tmp_path)
    assert verify_package(result.path).ok
    after = docs_session.execute(text("SELECT pdf FROM document ORDER BY id")).scalars().all()
    assert after == before
    assert b"original-sha256=" in (result.path / "metadata.xml").read_bytes()


def test_an_altered_original_inside_the_copy_is_caught(docs_session) -> None:
    built = build(docs_session, 2026)
    item, main = _main(built)
    files = dict(built.files)
    del files["REPORT.txt"]
    data = bytearray(files[main.path])
    data[main.original_size // 2] ^= 0x01  # inside the issued PDF, hashes then "fixed up"
    files[main.path] = bytes(data)
    info = from_xml(files["metadata.xml"])
    changed = dataclasses.replace(main, sha256=sha256(bytes(data)))
    first = dataclasses.replace(info.items[0], files=(changed, *info.items[0].files[1:]))
    files["metadata.xml"] = to_xml(dataclasses.replace(info, items=(first, *info.items[1:])))
    files["manifest.sha256"] = manifest({k: v for k, v in files.items() if k != "manifest.sha256"})
    found = verify_reader(MemoryReader(files), with_report=False)
    assert any("所含的原件" in m for m in found.findings["真实性"]), found.text()


def test_a_pdf_that_cannot_take_the_stamp_goes_in_as_issued(docs_session, monkeypatch) -> None:
    def refuse(_data, _fields):
        raise stamp.StampProblem("测试")

    monkeypatch.setattr(stamp, "stamp", refuse)
    built = build(docs_session, 2026)
    item, main = _main(built)
    assert "未能加盖电子归档章" in item.note and main.original_sha256 == ""
    assert verify_reader(MemoryReader(built.files)).ok
