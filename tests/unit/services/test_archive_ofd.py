"""The archive takes each issued document as PDF and OFD-A; nothing forgeable with the ledger
alone: a PDF swapped together with its stored hash is refused by the hash the audit log kept."""

from __future__ import annotations

import hashlib
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import DocStatus, Document
from desktop.documents.ofd import check_ofd
from desktop.services.archive import export_year, verify_package
from desktop.services.archive.metadata import manifest
from desktop.services.auth import system_actor
from desktop.services.errors import DomainError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))
from ofd_reader import read  # noqa: E402


@pytest.fixture
def package(demo_session, tmp_path: Path) -> Path:
    stick = tmp_path / "stick"
    stick.mkdir()
    return export_year(demo_session, system_actor("测试"), 2026, stick).path


def test_every_item_carries_its_ofd_as_ofd_a_with_the_stamp_apart(package: Path) -> None:
    items = sorted(p for p in (package / "电子档案" / "2026" / "文书").iterdir() if p.is_dir())
    ofds = [next(i.glob("*正文.ofd")) for i in items]
    assert len(ofds) == len(items) > 5
    for path in ofds:
        data = path.read_bytes()
        assert check_ofd(data, archival=True) >= 1
        names = zipfile.ZipFile(path).namelist()
        assert "Doc_0/Annots/Page_0/Annotation.xml" in names
        annotation = zipfile.ZipFile(path).read("Doc_0/Annots/Page_0/Annotation.xml").decode()
        assert 'Type="Stamp"' in annotation and path.parent.name.rsplit("-", 1)[-1] in annotation
        assert read(data).doc_type == "OFD-A"
    assert verify_package(package).ok


def test_an_ofd_turned_back_from_ofd_a_fails_usability_even_with_a_new_manifest(package) -> None:
    path = next(package.glob("电子档案/*/*/*/*正文.ofd"))
    z = zipfile.ZipFile(path)
    files = {n: z.read(n) for n in z.namelist()}
    files["OFD.xml"] = files["OFD.xml"].replace(b'DocType="OFD-A"', b'DocType="OFD"')
    with zipfile.ZipFile(path, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    listed = {
        p.relative_to(package).as_posix(): p.read_bytes()
        for p in package.rglob("*")
        if p.is_file() and p.name != "manifest.sha256"
    }
    (package / "manifest.sha256").write_bytes(manifest(listed))
    report = verify_package(package)
    assert not report.ok
    assert any("OFD-A" in m and path.name in m for m in report.findings["可用性"])


def test_a_pdf_swapped_with_its_stored_hash_is_refused_by_the_audit_record(
    demo_session, tmp_path: Path
) -> None:
    doc = demo_session.scalars(select(Document).where(Document.status == DocStatus.ISSUED)).first()
    forged = doc.pdf.replace(b"/Creator", b"/Creat0r", 1)
    assert forged != doc.pdf
    # What someone with the ledger file and a SQLite shell could do (the program refuses to):
    demo_session.connection().exec_driver_sql(
        "UPDATE document SET pdf = ?, pdf_sha256 = ? WHERE id = ?",
        (forged, hashlib.sha256(forged).hexdigest(), doc.id),
    )
    demo_session.commit()
    demo_session.expire_all()
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(DomainError, match=f"{doc.number}.*操作日志"):
        export_year(demo_session, system_actor("测试"), 2026, stick)
    assert not list(stick.iterdir())


def test_the_carrier_has_what_a_receiving_archive_expects(package: Path) -> None:
    from xml.etree import ElementTree as ET

    from openpyxl import load_workbook

    from desktop.services.archive import carrier

    for name in carrier.CARRIER_FILES:
        assert (package / name).is_file(), name
    rows = ET.parse(package / "文件目录.XML").getroot().findall("条目")
    items = sorted(p.name for p in (package / "电子档案" / "2026" / "文书").iterdir())
    assert [r.findtext("档号") for r in rows] == items
    assert [int(r.findtext("顺序号") or 0) for r in rows] == list(range(1, len(items) + 1))
    readme = (package / "说明文件.TXT").read_text("utf-8")
    sheet = load_workbook(package / "其他" / "移交与接收登记表.xlsx").active
    values = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(1, sheet.max_row + 1)}
    stated = carrier.readme_digest(readme)
    assert values["内容摘要 SHA-256"] == stated and len(stated) == 64
    assert values["内容摘要 SM3"] and values["内容摘要 SM3"] in readme
    assert f"件数：{len(items)}" in readme


def test_an_edited_file_with_a_recomputed_manifest_breaks_the_stated_digest(package) -> None:
    csv = package / "data" / "task.csv"
    csv.write_bytes(csv.read_bytes().replace(b"\n", b"\n", 1) + b"X,forged\n")
    listed = {
        p.relative_to(package).as_posix(): p.read_bytes()
        for p in package.rglob("*")
        if p.is_file() and p.name != "manifest.sha256"
    }
    (package / "manifest.sha256").write_bytes(manifest(listed))
    report = verify_package(package)
    assert any("说明文件" in m for m in report.findings["真实性"]), report.findings


def test_the_archive_format_setting_chooses_pdf_ofd_or_both(demo_session) -> None:
    from desktop.services import settings
    from desktop.services.archive import build
    from desktop.services.errors import ValidationError

    assert settings.office(demo_session).archive_formats == "both"  # as the other tests have it
    office = settings.office(demo_session)
    settings.save_office(demo_session, system_actor("测试"), replace(office, archive_formats="ofd"))
    only_ofd = build(demo_session, 2026)  # the setting, as the GUI and the CLI take it
    only_pdf = build(demo_session, 2026, formats="pdf")  # a one-off choice (archive export)
    for ofd, pdf in zip(only_ofd.info.items, only_pdf.info.items, strict=True):
        assert [f.format for f in ofd.files if f.role == "正文"] == ["ofd"]
        assert [f.format for f in pdf.files if f.role == "正文"] == ["pdf"]
        assert ofd.pages == pdf.pages >= 1  # the 件's pages, from the OFD or from the PDF
    assert not any(n.endswith(".pdf") and "正文" in n for n in only_ofd.files)
    assert not any(n.endswith(".ofd") for n in only_pdf.files)
    with pytest.raises(ValidationError, match="归档格式"):
        settings.save_office(
            demo_session, system_actor("测试"), replace(office, archive_formats="doc")
        )


def _rewrite_ofd(package: Path, path: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Change one entry of an OFD-A copy and make everything else agree again as a forger with
    the key would: metadata.xml's size and hash, 说明文件's digest, the manifest and its seal."""
    import json
    import re

    from db import chain
    from desktop.services.archive import carrier, seal

    z = zipfile.ZipFile(path)
    files = {n: z.read(n) for n in z.namelist()}
    change(files)
    old = path.read_bytes()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(name, data)
    new = path.read_bytes()
    meta = package / "metadata.xml"
    text = meta.read_text("utf-8").replace(
        hashlib.sha256(old).hexdigest(), hashlib.sha256(new).hexdigest()
    )
    meta.write_text(text.replace(f'size="{len(old)}"', f'size="{len(new)}"', 1), "utf-8")
    listed = {
        p.relative_to(package).as_posix(): p.read_bytes()
        for p in sorted(package.rglob("*"))
        if p.is_file() and p.name not in ("manifest.sha256", seal.SEAL)
    }
    sha, _sm = carrier.content_digest(listed)
    readme = re.sub(
        r"内容摘要 SHA-256：\w+", f"内容摘要 SHA-256：{sha}", listed[carrier.README].decode()
    )
    listed[carrier.README] = readme.encode()
    (package / carrier.README).write_bytes(listed[carrier.README])
    body = manifest(listed)
    (package / "manifest.sha256").write_bytes(body)
    uid = json.loads((package / seal.SEAL).read_text())["ledger"]
    (package / seal.SEAL).write_bytes(seal.make(body, uid, chain.load_key(uid) or b""))


@pytest.mark.parametrize("damage", ["removed", "another number"])
def test_an_ofd_a_copy_must_carry_its_own_stamp(package: Path, damage: str) -> None:
    from desktop.services.archive.checks import KEYS

    path = next(package.glob("电子档案/*/*/*-0002/*正文.ofd"))
    annotation = "Doc_0/Annots/Page_0/Annotation.xml"

    def change(files: dict[str, bytes]) -> None:
        if damage == "removed":
            del files[annotation]
        else:
            files[annotation] = files[annotation].replace(b">0002<", b">0003<")

    _rewrite_ofd(package, path, change)
    report = verify_package(package)
    assert {k for k in KEYS if report.failures[k]} == {"content"}, report.text()
    words = "没有归档章注释" if damage == "removed" else "的归档章（"
    assert any(words in m and path.name in m for m in report.failures["content"])


def _forge(session, sql: str, values: tuple) -> None:  # type: ignore[no-untyped-def]
    """What someone with the ledger file and a SQLite shell could do (the program refuses to)."""
    session.connection().exec_driver_sql(sql, values)
    session.commit()
    session.expire_all()


def test_an_ofd_swapped_with_its_stored_hash_is_refused_by_the_audit_record(
    demo_session, tmp_path: Path
) -> None:
    doc = demo_session.scalars(
        select(Document).where(Document.status == DocStatus.ISSUED, Document.ofd.is_not(None))
    ).first()
    forged = doc.ofd + b"\0"  # a zip reader still opens it; its hash is another
    _forge(
        demo_session,
        "UPDATE document SET ofd = ?, ofd_sha256 = ? WHERE id = ?",
        (forged, hashlib.sha256(forged).hexdigest(), doc.id),
    )
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(DomainError, match=f"{doc.number}.*OFD"):
        export_year(demo_session, system_actor("测试"), 2026, stick)
    assert not list(stick.iterdir())


def test_an_ofd_added_to_a_document_issued_without_one_is_refused(
    demo_session, tmp_path: Path
) -> None:
    from desktop.services import audit
    from desktop.services.auth import Permission

    doc = demo_session.scalars(
        select(Document).where(Document.status == DocStatus.ISSUED, Document.ofd.is_not(None))
    ).first()
    ofd = doc.ofd
    # A document as a desk before OFD was kept issued it: PDF only, the issue entry without
    # ofd_sha256 (here the entry is written by hand; the demo's own issue entry is the newer kind).
    _forge(demo_session, "UPDATE document SET ofd = NULL, ofd_sha256 = '' WHERE id = ?", (doc.id,))

    @audit.writes(Permission.ISSUE_DOCUMENTS)
    def old_issue(session, actor) -> None:  # type: ignore[no-untyped-def]
        audit.record(session, actor, "issue", "document", doc.id, "印发（旧版）",
                     {"number": doc.number, "sha256": doc.pdf_sha256})  # fmt: skip

    old_issue(demo_session, system_actor("测试"))
    stick = tmp_path / "stick"
    stick.mkdir()
    assert export_year(demo_session, system_actor("测试"), 2026, stick).report.ok  # PDF only
    _forge(
        demo_session,
        "UPDATE document SET ofd = ?, ofd_sha256 = ? WHERE id = ?",
        (ofd, hashlib.sha256(ofd).hexdigest(), doc.id),
    )
    with pytest.raises(DomainError, match=f"{doc.number}.*事后加入"):
        export_year(demo_session, system_actor("测试"), 2026, tmp_path / "stick")
