"""公文 page: 印发 lists the characters a fallback font draws for the clerk to confirm, and
refuses, with the place in the text, characters no font has."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.services.notices.register import DocStatus
from desktop.ui import confirm


def _draft_with(page, monkeypatch, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("关于表扬张喆同志的通报", True))
    page.new_notice()
    assert page.current is not None
    page.body_edit.setPlainText(text)
    page._dirty = True


def test_issue_lists_fallback_characters_then_issues(clerk_window, monkeypatch) -> None:
    page = clerk_window.show_page("notices")
    _draft_with(page, monkeypatch, "对张喆、李堃、王䶮同志予以通报表扬。")
    asked: list[str] = []
    monkeypatch.setattr(confirm, "confirm", lambda _w, _t, q: asked.append(q) or True)
    page.issue()
    assert asked and "喆" in asked[0] and "堃" in asked[0] and "代印" in asked[0]
    assert "正文第1段" in asked[0]
    assert page.current.row.status == DocStatus.ISSUED


def test_issue_refuses_a_character_no_font_has(clerk_window, monkeypatch) -> None:
    page = clerk_window.show_page("notices")
    _draft_with(page, monkeypatch, "请刘\U00020000同志报到。")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: warned.append(text))
    monkeypatch.setattr(confirm, "confirm", lambda *a: True)
    page.issue()
    assert warned and "U+20000" in warned[0] and "正文第1段第3字" in warned[0]
    assert page.current.row.status == DocStatus.DRAFT


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
    assert page.glyphs.isHidden()
    assert page.save_draft()
    listed = [page.glyphs.item(i).text() for i in range(page.glyphs.count())]
    assert not page.glyphs.isHidden() and len(listed) >= 3
    assert "不能印发" in listed[0] and "U+20000" in listed[0]  # what blocks 印发 comes first
    assert any("喆" in t and "标题" in t for t in listed)
    assert any("喆" in t and "正文第1段" in t for t in listed)

    page.glyphs.setCurrentRow(0)  # the one no font has: body, 2nd paragraph, 3rd character
    cursor = page.body_edit.textCursor()
    assert cursor.blockNumber() == 1 and cursor.selectedText() == "\U00020000"
    title_row = next(i for i, t in enumerate(listed) if "标题" in t)
    page.glyphs.setCurrentRow(title_row)
    assert page.title_edit.selectedText() == "喆"
    body_row = next(i for i, t in enumerate(listed) if "喆" in t and "正文" in t)
    page.glyphs.setCurrentRow(body_row)
    cursor = page.body_edit.textCursor()
    assert cursor.blockNumber() == 0 and cursor.selectedText() == "喆"
    assert cursor.selectionStart() == 2
