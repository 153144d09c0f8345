"""公文 → 另存为 OFD…: an issued document saves its stored OFD, a draft the form as it stands."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.services.notices.register import DocStatus

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "documents"))
from ofd_reader import read  # noqa: E402


def test_save_as_ofd_writes_the_document_shown(clerk_window, monkeypatch, tmp_path) -> None:
    page = clerk_window.show_page("notices")
    target = tmp_path / "公文.ofd"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    rows = page.model.rows
    issued = next(  # a 文件 with a 文号 (纪要 and 约谈记录 carry none)
        i
        for i, r in enumerate(rows)
        if r.status == DocStatus.ISSUED and (r.number or "").endswith("号")
    )
    page.table.selectRow(issued)
    assert page.save_ofd_button.isEnabled()
    page.save_ofd_button.click()
    ofd = read(target.read_bytes())
    row = rows[issued]
    assert ofd.title == row.title and ofd.custom.get("文号") == row.number
    with clerk_window.desk.session() as session:
        from desktop.services.notices import register

        assert target.read_bytes() == register.ofd_of(session, row.id)


def test_save_as_ofd_for_every_kind_issued_and_a_draft(clerk_window, monkeypatch, tmp_path) -> None:
    from ofd_reader import assert_same_pages

    from db.models import DocKind
    from desktop.services.notices import register
    from tests.fixtures.every_kind import issue_every_kind

    desk = clerk_window.desk
    with desk.session() as session:
        ids = issue_every_kind(session, desk.actor)
    page = clerk_window.show_page("notices")
    page.refresh()
    targets = iter(tmp_path / f"{n}.ofd" for n in range(100))
    written: list[Path] = []

    def ask(*_a, **_k):  # type: ignore[no-untyped-def]
        written.append(next(targets))
        return str(written[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    draft = next(r.id for r in page.model.rows if r.status == DocStatus.DRAFT)
    for kind, doc_id in [*ids.items(), (DocKind.ACCOUNTABILITY_RECORD, draft)]:
        row = next(i for i, r in enumerate(page.model.rows) if r.id == doc_id)
        page.table.selectRow(row)
        assert page.current is not None and page.current.row.id == doc_id
        page.save_ofd_button.click()
        data = written[-1].read_bytes()
        with desk.session() as session:
            if doc_id == draft:  # the form as it stands, the same pages as its preview
                assert_same_pages(page.current_pdf(), data)
            else:
                assert data == register.ofd_of(session, doc_id), kind
                assert_same_pages(register.pdf_of(session, doc_id), data)
    assert len(written) == len(DocKind) + 1


@pytest.mark.parametrize("fmt", ["pdf", "ofd"])
def test_a_file_swapped_with_its_stored_hash_is_not_saved(  # type: ignore[no-untyped-def]
    clerk_window, messages, monkeypatch, tmp_path, fmt
) -> None:
    import hashlib

    page = clerk_window.show_page("notices")
    target = tmp_path / f"公文.{fmt}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    rows = page.model.rows
    issued = next(i for i, r in enumerate(rows) if r.status == DocStatus.ISSUED)
    row = rows[issued]
    with clerk_window.desk.session() as session:  # what a SQLite shell on the ledger file could do
        from desktop.services.notices import register

        forged = (register.ofd_of if fmt == "ofd" else register.pdf_of)(session, row.id) + b"\n"
        session.connection().exec_driver_sql(
            f"UPDATE document SET {fmt} = ?, {fmt}_sha256 = ? WHERE id = ?",
            (forged, hashlib.sha256(forged).hexdigest(), row.id),
        )
        session.commit()
    page.refresh(row.id)
    page.table.selectRow(next(i for i, r in enumerate(page.model.rows) if r.id == row.id))
    (page.save_ofd_button if fmt == "ofd" else page.save_as_button).click()
    assert not target.exists()
    assert any("印发时操作日志记录的校验值不符" in m for m in messages), messages
