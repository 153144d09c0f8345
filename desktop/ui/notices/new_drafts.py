"""The 公文 page's new drafts: a 进展通报 for a chosen period, and a 通知, 请示, 报告 or 函 with the
clerk's own title (a character another font prints is confirmed before the draft is made)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from desktop.services import circular
from desktop.services.notices import drafts as notice_drafts
from desktop.services.notices import glyphs
from desktop.services.notices.register import DocKind
from desktop.services.periods import Period
from desktop.ui.errors import show_error
from desktop.ui.i18n import tr
from desktop.ui.notices import font_check
from desktop.ui.notices.font_check import Action

if TYPE_CHECKING:
    from desktop.ui.notices.page import NoticesPage


def new_circular(page: NoticesPage) -> None:
    latest = Period.of(page.desk.today)
    periods = [str(latest.shift(-i)) for i in range(12)]
    period, ok = QInputDialog.getItem(page, tr("生成进展通报"), tr("通报期次："), periods, 0, False)
    if ok:
        page.run_write(lambda s: circular.draft_circular(s, page.desk.actor, period))


def new_notice(page: NoticesPage) -> None:
    _new_draft(page, notice_drafts.WRITTEN_KINDS[0], tr("新建通知"), tr("通知标题："))


def new_document(page: NoticesPage) -> None:
    """A 请示 or 报告 (上行文) or a 函, with the clerk's own text."""
    kinds = list(notice_drafts.WRITTEN_KINDS[1:])
    labels = [tr(k.label) for k in kinds]
    label, ok = QInputDialog.getItem(page, tr("新建公文"), tr("文种："), labels, 0, False)
    if not ok:
        return
    kind = kinds[labels.index(label)]
    _new_draft(page, kind, tr("新建公文"), tr("标题（如“关于……的{k}”）：").format(k=label))


def _new_draft(page: NoticesPage, kind: DocKind, caption: str, prompt: str) -> None:
    """Ask the title; one another font prints is confirmed before the draft is made (返回修改
    asks the title again, as typed)."""
    title = ""
    body = [tr("（在此填写正文）")]
    while True:
        title, ok = QInputDialog.getText(page, caption, prompt, text=title)
        if not ok or not title.strip():
            return
        try:
            with page.desk.session() as session:
                model = notice_drafts.notice_model(session, title, "", body, kind)
                report = glyphs.font_check_model(session, model)
        except Exception as exc:
            show_error(page, exc)
            return
        if report.ok or font_check.ask(page, report, Action.SAVE):
            break
    confirmed = not report.ok
    page.run_write(
        lambda s: notice_drafts.draft_notice(
            s, page.desk.actor, title, "", body, kind, confirm_fallbacks=confirmed
        )
    )
