"""The document register: drafts change, issuing numbers and freezes, corrections, permissions."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from db.models import Document
from db.models.documents import FrozenDocumentError
from desktop.documents.model import OfficialDocument
from desktop.services.clock import FixedClock
from desktop.services.errors import ConflictError, PermissionDenied, ValidationError
from desktop.services.notices import issuing
from desktop.services.notices import register as notices
from desktop.services.notices.register import DocKind, DocStatus


def model(title: str = "关于做好年底平安建设工作的通知") -> OfficialDocument:
    return OfficialDocument(
        title=title,
        issuer_mark="江城市平安建设领导小组办公室",
        recipients="各成员单位",
        body=["现将有关事项通知如下。", "一、高度重视。各单位要认真落实。"],
        signature="江城市平安建设领导小组办公室",
        date=date(2026, 11, 1),
    )


def draft(session, actor, title: str = "关于做好年底平安建设工作的通知") -> int:
    return notices.create_draft(session, actor, DocKind.NOTICE, model(title))


def test_a_draft_changes_and_keeps_every_field(session, clerk) -> None:
    doc_id = draft(session, clerk)
    changed = replace(model("关于修改后的通知"), cc="市委办公室", urgency="加急")
    version = notices.update_draft(session, clerk, doc_id, changed, expected_version=1)
    info = notices.get_document(session, doc_id)
    assert version == 2 and info.version == 2
    assert info.row.title == "关于修改后的通知" and info.row.status == DocStatus.DRAFT
    assert info.model.cc == "市委办公室" and info.model.urgency == "加急"
    assert info.model.body == changed.body
    with pytest.raises(ConflictError):  # someone else saved version 2 meanwhile
        notices.update_draft(session, clerk, doc_id, changed, expected_version=1)


def test_issue_numbers_stores_the_pdf_with_its_hash_and_freezes(session, clerk) -> None:
    doc_id = draft(session, clerk)
    issued = issuing.issue(session, clerk, doc_id)
    assert issued.number == "平安办〔2026〕1号"
    pdf = notices.pdf_of(session, doc_id)
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == issued.sha256
    info = notices.get_document(session, doc_id)
    assert info.row.status == DocStatus.ISSUED and info.row.number == issued.number
    assert info.model.doc_number == issued.number and info.model.date == date(2026, 11, 28)
    assert info.pages == issued.pages >= 1

    with pytest.raises(ConflictError, match="已印发"):
        notices.update_draft(session, clerk, doc_id, model("改标题"))
    with pytest.raises(ConflictError, match="已印发"):
        notices.delete_draft(session, clerk, doc_id)
    with pytest.raises(ConflictError):
        issuing.issue(session, clerk, doc_id)
    # Even code that bypasses the service cannot change the row.
    row = session.get(Document, doc_id)
    row.title = "偷改"
    with pytest.raises(FrozenDocumentError):
        session.flush()
    session.rollback()
    assert notices.get_document(session, doc_id).row.title == "关于做好年底平安建设工作的通知"
    assert notices.pdf_of(session, doc_id) == pdf


def test_a_tampered_pdf_is_detected(session, clerk) -> None:
    doc_id = draft(session, clerk)
    issuing.issue(session, clerk, doc_id)
    session.connection().exec_driver_sql("UPDATE document SET pdf = X'00' WHERE id = ?", (doc_id,))
    session.commit()
    session.expire_all()
    with pytest.raises(Exception, match="校验值不符"):
        notices.pdf_of(session, doc_id)


def test_numbers_run_per_prefix_and_year_without_gaps(session, clerk, admin, monkeypatch) -> None:
    ids = [draft(session, clerk, f"关于第{i}件事的通知") for i in range(4)]
    assert issuing.issue(session, clerk, ids[0]).number.endswith("〔2026〕1号")

    # A failure after the number was taken rolls the sequence back: no gap.
    real = issuing.to_json
    calls = {"n": 0}

    def failing(doc):
        if doc.doc_number:
            calls["n"] += 1
            raise ValueError("disk full")
        return real(doc)

    monkeypatch.setattr(issuing, "to_json", failing)
    with pytest.raises(ValueError):
        issuing.issue(session, clerk, ids[1])
    monkeypatch.setattr(issuing, "to_json", real)
    assert calls["n"] == 1
    assert notices.get_document(session, ids[1]).row.status == DocStatus.DRAFT
    assert issuing.issue(session, clerk, ids[1]).number.endswith("〔2026〕2号")

    session.info["clock"] = FixedClock(datetime(2027, 1, 4, 9, 0))
    assert issuing.issue(session, clerk, ids[2]).number == "平安办〔2027〕1号"
    from desktop.services import settings

    office = settings.office(session)
    settings.save_office(session, admin, replace(office, doc_prefix="平安督"))
    assert issuing.issue(session, clerk, ids[3]).number == "平安督〔2027〕1号"
    assert issuing.numbers_issued(session, "平安办", 2026) == [1, 2]


def test_correction_is_a_new_document_referring_to_the_old(session, clerk) -> None:
    doc_id = draft(session, clerk)
    original = issuing.issue(session, clerk, doc_id)
    new_id = notices.draft_correction(session, clerk, doc_id)
    fixed = notices.get_document(session, new_id)
    assert fixed.row.corrects_id == doc_id and fixed.row.status == DocStatus.DRAFT
    assert original.number in fixed.model.note and not fixed.model.doc_number
    again = issuing.issue(session, clerk, new_id)
    assert again.number == "平安办〔2026〕2号"
    old = notices.get_document(session, doc_id)
    assert old.corrected_by == (new_id,) and old.pdf_sha256 == original.sha256
    with pytest.raises(ValidationError):
        notices.draft_correction(session, clerk, draft(session, clerk))


def test_leaders_read_but_do_not_issue(session, clerk, leader) -> None:
    doc_id = draft(session, clerk)
    with pytest.raises(PermissionDenied):
        issuing.issue(session, leader, doc_id)
    with pytest.raises(PermissionDenied):
        draft(session, leader)
    assert [r.id for r in notices.list_documents(session)] == [doc_id]


def test_empty_title_is_refused_and_nothing_is_stored(session, clerk) -> None:
    with pytest.raises(ValidationError) as error:
        notices.create_draft(session, clerk, DocKind.NOTICE, model("  "))
    assert error.value.field == "title"
    assert session.scalar(select(Document.id)) is None


def test_save_pdf_writes_beside_the_target_and_leaves_no_temp(tmp_path) -> None:
    target = tmp_path / "out" / "通报.pdf"
    notices.save_pdf(b"%PDF-1.4 test", target)
    assert target.read_bytes() == b"%PDF-1.4 test"
    assert [p.name for p in target.parent.iterdir()] == ["通报.pdf"]
    with pytest.raises(ValidationError):
        notices.save_pdf(b"x", tmp_path / "通报.docx")
