"""公文 page: before a draft is saved and before 印发, a dialog lists each character a fallback
font draws (its face and place) for the clerk to confirm or go back to, and 印发 is refused, with
the place in the text, for characters no font has."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialog, QInputDialog
from sqlalchemy import select

from db.models import AuditEntry
from desktop.services.notices.register import DocStatus
from desktop.ui import confirm
from desktop.ui.notices.font_check import FontCheckDialog


def _answer(monkeypatch, accept: bool) -> list[FontCheckDialog]:
    """The fonts dialog answers ``accept`` (确认 …) or 返回修改; the dialogs shown are kept."""
    shown: list[FontCheckDialog] = []

    def exec_(dialog: FontCheckDialog) -> int:
        shown.append(dialog)
        ok = accept and dialog.ok_button is not None
        return QDialog.DialogCode.Accepted if ok else QDialog.DialogCode.Rejected

    monkeypatch.setattr(FontCheckDialog, "exec", exec_)
    return shown


def _rows(dialog: FontCheckDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _audit(window, doc_id: int, action: str) -> dict:
    with window.desk.session() as session:
        detail = session.scalars(
            select(AuditEntry.detail)
            .where(AuditEntry.entity == "document", AuditEntry.entity_id == str(doc_id))
            .where(AuditEntry.action == action)
            .order_by(AuditEntry.id.desc())
        ).first()
    return json.loads(detail)


def _draft_with(page, monkeypatch, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("关于表扬张喆同志的通报", True))
    made = _answer(monkeypatch, True)
    page.new_notice()
    assert [d.ok_button.text() for d in made] == ["确认保存"]  # the title's 喆, before it is made
    assert page.current is not None
    page.form.body_edit.setPlainText(text)
    page._dirty = True


def test_issue_lists_fallback_characters_then_issues(clerk_window, monkeypatch) -> None:
    page = clerk_window.show_page("notices")
    _draft_with(page, monkeypatch, "对张喆、李堃、王䶮同志予以通报表扬。")
    shown = _answer(monkeypatch, True)
    monkeypatch.setattr(confirm, "confirm", lambda *a: pytest_fail("asked twice"))
    page.issue()  # unsaved edits: one question, for the save and the issue together
    assert len(shown) == 1 and shown[0].ok_button.text() == "确认印发"
    rows = _rows(shown[0])
    assert any(
        r[0].startswith("喆") and "Noto Serif" in r[1] and "正文第1段第3字" in r[2] for r in rows
    )
    assert any(r[0].startswith("堃") for r in rows) and any(r[0].startswith("䶮") for r in rows)
    assert "确定印发" in shown[0].message.text()
    assert page.current.row.status == DocStatus.ISSUED
    detail = _audit(clerk_window, page.current.row.id, "issue")
    assert set("喆堃䶮") <= set(detail["fonts_confirmed"]["chars"])
    saved = _audit(clerk_window, page.current.row.id, "update")
    assert "喆" in saved["fonts_confirmed"]["chars"]


def pytest_fail(reason: str) -> bool:
    raise AssertionError(reason)


def test_issue_refuses_a_character_no_font_has(clerk_window, monkeypatch) -> None:
    page = clerk_window.show_page("notices")
    _draft_with(page, monkeypatch, "请刘\U00020000同志报到。")
    shown = _answer(monkeypatch, True)
    monkeypatch.setattr(confirm, "confirm", lambda *a: True)
    page.issue()
    assert len(shown) == 1 and shown[0].blocked and shown[0].ok_button is None
    rows = _rows(shown[0])
    assert rows[0][0] == "\U00020000  U+20000" and "正文第1段第3字" in rows[0][2]
    assert "不能印发" in shown[0].message.text()
    assert page.current.row.status == DocStatus.DRAFT
    cursor = page.form.body_edit.textCursor()  # on the character, to change it
    assert cursor.selectedText() == "\U00020000"


def test_saving_asks_first_and_going_back_saves_nothing(clerk_window, monkeypatch) -> None:
    page = clerk_window.show_page("notices")
    _draft_with(page, monkeypatch, "各单位：\n\n  对张喆同志予以通报表扬。")
    page.form.title_edit.setText("关于表扬先进个人的通报")  # the body's 喆 is the first listed
    version = page.current.version
    shown = _answer(monkeypatch, False)  # 返回修改
    assert not page.save_draft()
    assert len(shown) == 1 and shown[0].ok_button.text() == "确认保存"
    assert shown[0].back_button.text() == "返回修改" and shown[0].back_button.isDefault()
    assert page.current.version == version and page.has_unsaved_edits()  # nothing saved
    assert "张喆" in page.form.body_edit.toPlainText()  # nothing the clerk typed lost
    cursor = page.form.body_edit.textCursor()  # the blank line and the indent counted in
    assert cursor.blockNumber() == 2 and cursor.selectedText() == "喆"
    assert cursor.selectionStart() == len("各单位：\n\n  对张")

    shown = _answer(monkeypatch, True)  # 确认保存
    assert page.save_draft()
    assert len(shown) == 1 and page.current.version == version + 1
    detail = _audit(clerk_window, page.current.row.id, "update")
    assert "喆" in detail["fonts_confirmed"]["chars"]
    assert any("正文第2段第3字" in p for p in detail["fonts_confirmed"]["places"])

    page.form.body_edit.setPlainText("对张喆同志予以通报表扬。又及。")
    page._dirty = True
    shown = _answer(monkeypatch, True)
    assert page.save_draft() and not shown  # the same characters: not asked again


def test_a_saved_draft_without_rare_characters_is_not_asked(clerk_window, monkeypatch) -> None:
    page = clerk_window.show_page("notices")
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: ("关于开展平安建设检查的通知", True)
    )
    page.new_notice()
    page.form.body_edit.setPlainText("请各单位按时报送。")
    page._dirty = True
    shown = _answer(monkeypatch, True)
    assert page.save_draft() and not shown


def test_settings_show_which_file_serves_each_role_and_its_coverage(admin_window) -> None:
    page = admin_window.show_page("settings")
    status = page.font_status["fangsong"].text()
    assert "fangsong.ttf" in status and "GB2312 100%" in status
    assert "GBK" in status and "含替代 100%" in status  # the serif fallback completes GBK
    assert "songti.ttf" in page.font_status["songti"].text()
    assert page.font_dir_edit.isEnabled()


def test_saving_lists_the_characters_and_choosing_one_puts_the_cursor_on_it(
    clerk_window, monkeypatch
) -> None:
    page = clerk_window.show_page("notices")
    _draft_with(page, monkeypatch, "对张喆同志予以通报表扬。\n请刘\U00020000同志报到。")
    assert page.form.glyphs.isHidden()
    _answer(monkeypatch, True)
    assert page.save_draft()
    listed = [page.form.glyphs.item(i).text() for i in range(page.form.glyphs.count())]
    assert not page.form.glyphs.isHidden() and len(listed) >= 3
    assert "不能印发" in listed[0] and "U+20000" in listed[0]  # what blocks 印发 comes first
    assert any("喆" in t and "标题" in t for t in listed)
    assert any("喆" in t and "正文第1段" in t for t in listed)

    page.form.glyphs.setCurrentRow(0)  # the one no font has: body, 2nd paragraph, 3rd character
    cursor = page.form.body_edit.textCursor()
    assert cursor.blockNumber() == 1 and cursor.selectedText() == "\U00020000"
    title_row = next(i for i, t in enumerate(listed) if "标题" in t)
    page.form.glyphs.setCurrentRow(title_row)
    assert page.form.title_edit.selectedText() == "喆"
    body_row = next(i for i, t in enumerate(listed) if "喆" in t and "正文" in t)
    page.form.glyphs.setCurrentRow(body_row)
    cursor = page.form.body_edit.textCursor()
    assert cursor.blockNumber() == 0 and cursor.selectedText() == "喆"
    assert cursor.selectionStart() == 2
