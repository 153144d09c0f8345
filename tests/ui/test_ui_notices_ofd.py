"""公文 → 另存为 OFD…: an issued document saves its stored OFD, a draft the form as it stands."""

from __future__ import annotations

import sys
from pathlib import Path

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
