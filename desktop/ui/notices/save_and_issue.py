"""保存草稿 and 印发 on the 公文 page: the characters another font prints are confirmed first (at a
save once a draft, at 印发 every time); those no font can print refuse 印发, with their places."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from desktop.documents.model import OfficialDocument
from desktop.services.notices import glyphs, issuing
from desktop.services.notices import register as notices
from desktop.ui import confirm
from desktop.ui.errors import show_error
from desktop.ui.i18n import tr
from desktop.ui.notices import font_check
from desktop.ui.notices.font_check import Action

if TYPE_CHECKING:
    from desktop.documents.coverage import CoverageReport
    from desktop.ui.notices.page import NoticesPage


def save_draft(page: NoticesPage) -> bool:
    """Save the form; characters another font prints (or none can) are confirmed first."""
    if page.current is None:
        return False
    model = page.edited_model()
    confirmed = _confirm_fonts(page, model)
    if confirmed is None:
        return False
    return _save(page, model, confirmed)


def _save(page: NoticesPage, model: OfficialDocument, confirmed: bool) -> bool:
    assert page.current is not None
    doc_id, version = page.current.row.id, page.current.version
    done = page.run_write(
        lambda s: notices.update_draft(
            s, page.desk.actor, doc_id, model, version, confirm_fallbacks=confirmed
        ),
        lambda _v: doc_id,
    )
    if done is not None:
        with page.desk.session() as session:
            page.form.glyphs.show_report(glyphs.font_check(session, doc_id))
    return done is not None


def _font_report(page: NoticesPage, model: OfficialDocument) -> CoverageReport | None:
    try:
        with page.desk.session() as session:
            return glyphs.font_check_model(session, model)
    except Exception as exc:
        show_error(page, exc)
        return None


def _confirm_fonts(page: NoticesPage, model: OfficialDocument) -> bool | None:
    """Before a save: True when the clerk confirmed the list (or had for this draft), False
    when there is nothing to confirm, None for 返回修改 (the cursor is then on the first)."""
    assert page.current is not None
    report = _font_report(page, model)
    if report is None:
        return None
    if report.ok:
        return False
    doc_id = page.current.row.id
    listed = frozenset((i.ch, i.font) for i in (*report.missing, *report.fallback))
    seen = page.fonts_seen.get(doc_id, frozenset())
    if listed <= seen:
        return True
    if not font_check.ask(page, report, Action.SAVE):
        _go_to_first(page, report, model)
        return None
    page.fonts_seen[doc_id] = seen | listed
    return True


def _go_to_first(page: NoticesPage, report: CoverageReport, model: OfficialDocument) -> None:
    first = next((i for i in (*report.missing, *report.fallback) if i.field), None)
    if first is not None:
        page.show_glyph(first, model)


def issue(page: NoticesPage) -> None:
    """印发: the characters another font prints are confirmed in the same question; those
    none can print refuse it, with their places; unsaved edits are saved first."""
    if page.current is None:
        return
    model = page.edited_model() if page.has_unsaved_edits() else page.current.model
    report = _font_report(page, model)
    if report is None:
        return
    question = tr("印发后将取得发文字号并存档 PDF，此后不能再修改。确定印发“{t}”吗？").format(
        t=model.title or page.current.row.title
    )
    if report.missing:  # would print as □: the clerk changes the text or the fonts first
        font_check.ask(page, report, Action.ISSUE)
        _go_to_first(page, report, model)
        return
    if report.fallback:
        if not font_check.ask(page, report, Action.ISSUE, question):
            _go_to_first(page, report, model)
            return
    elif not confirm.confirm(page, tr("印发公文"), question):
        return
    confirmed = bool(report.fallback)
    if page.has_unsaved_edits() and not _save(page, model, confirmed):
        return
    assert page.current is not None
    doc_id = page.current.row.id
    issued = page.run_write(
        lambda s: issuing.issue(s, page.desk.actor, doc_id, confirm_fallbacks=confirmed),
        lambda i: i.id,
    )
    if issued is not None:
        QMessageBox.information(
            page,
            tr("督办台"),
            tr("已印发：{n}，共 {p} 页。").format(n=issued.number, p=issued.pages),  # type: ignore[attr-defined]
        )
