"""公文: the register on the left; the draft's fields, its live preview, print and save on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
)

from desktop.documents.model import OfficialDocument
from desktop.services.auth import Permission
from desktop.services.errors import DomainError
from desktop.services.notices import register as notices
from desktop.services.notices.register import DocStatus, DocumentInfo, DocumentRow
from desktop.ui import autosave as autosave_ui
from desktop.ui.autosave import Autosaver
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.errors import show_error
from desktop.ui.i18n import tr
from desktop.ui.notices import new_drafts, save_and_issue
from desktop.ui.notices.draft_form import DraftForm
from desktop.ui.notices.pdf import PdfPreview, print_pdf, save_document_as, save_pdf_as
from desktop.ui.notices.preview_worker import PreviewRenderer
from desktop.ui.page import Page
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel
from desktop.ui.unsaved import settle

if TYPE_CHECKING:
    from desktop.documents.coverage import GlyphIssue
    from desktop.ui.main_window import MainWindow

PREVIEW_DELAY_MS = 500  # re-render after the clerk pauses typing


class NoticesPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("公文"))
        issue = Permission.ISSUE_DOCUMENTS
        self.add_button(tr("生成进展通报…"), self.new_circular, issue)
        self.add_button(tr("新建通知"), self.new_notice, issue)
        self.add_button(tr("新建请示、报告或函…"), self.new_document, issue)
        self.save_button = self.add_button(tr("保存草稿"), self.save_draft, issue, "Ctrl+S")
        self.issue_button = self.add_button(tr("印发…"), self.issue, issue)
        self.correct_button = self.add_button(tr("拟制更正件"), self.correct, issue)
        self.delete_button = self.add_button(tr("删除草稿"), self.delete, issue)
        self.print_button = self.add_button(tr("打印…"), self.print_current, shortcut="Ctrl+P")
        self.save_as_button = self.add_button(tr("另存为 PDF…"), self.save_as)
        self.save_ofd_button = self.add_button(tr("另存为 OFD…"), self.save_as_ofd)

        self.model = RowTableModel[DocumentRow](
            [
                Column(tr("类别"), lambda r: tr(r.kind.label), width=90),
                Column(tr("发文字号"), lambda r: r.number or "—", width=150),
                Column(tr("标题"), lambda r: r.title, width=300, tooltip=lambda r: r.title),
                Column(tr("日期"), lambda r: r.day.isoformat(), align=CENTER, width=90),
                Column(tr("状态"), lambda r: tr(r.status.label), align=CENTER, width=60),
            ]
        )
        self.table = DataTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._select(cur))

        self.form = DraftForm()
        self.form.glyphs.chosen.connect(self.show_glyph)
        for edit in self.form.line_edits():
            edit.textEdited.connect(self._edited)
        self.form.body_edit.textChanged.connect(self._edited)
        self.form.attachments_edit.textChanged.connect(self._edited)

        self.preview = PdfPreview()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.update_preview)
        # Drafts render on a worker thread: typing never waits for reportlab.
        self.renderer = PreviewRenderer(self)
        self.renderer.rendered.connect(self._preview_ready)
        self.renderer.failed.connect(lambda error: show_error(self, error))

        left = QSplitter()
        left.addWidget(self.table)
        left.addWidget(self.form)
        left.setOrientation(Qt.Orientation.Vertical)
        left.setSizes([260, 460])
        splitter = QSplitter()
        splitter.addWidget(left)
        preview_box = QGroupBox(tr("预览（打印和另存为的就是这份 PDF）"))
        QVBoxLayout(preview_box).addWidget(self.preview)
        splitter.addWidget(preview_box)
        splitter.setSizes([620, 560])
        self.body.addWidget(splitter, 1)

        self.current: DocumentInfo | None = None
        # (character, face) pairs the clerk confirmed at a save, per draft: the next save of the
        # same draft does not ask again for them; 印发 always asks.
        self.fonts_seen: dict[int, frozenset[tuple[str, str | None]]] = {}
        self.pdf: bytes = b""
        self._loading = False
        self._dirty = False
        # A copy of the draft being typed, beside the ledger, offered back after a crash.
        self.autosaver = Autosaver(self, desk, "notice", self._autosave_payload)
        self._offered = False
        self._enable()

    # --- the register ---------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        self._fill_register(select_id)
        if not self._offered:
            self._offered = True
            self._offer_autosave()

    def _autosave_payload(self) -> dict[str, object] | None:
        if not self.has_unsaved_edits() or self.current is None:
            return None
        fields = ("title_edit", "recipients_edit", "cc_edit", "note_edit")
        kept: dict[str, object] = {f: getattr(self.form, f).text() for f in fields}
        kept.update(doc_id=self.current.row.id, body=self.form.body_edit.toPlainText())
        return kept

    def _offer_autosave(self) -> None:
        left = self.autosaver.left_over()
        if not left:
            return
        row = next((r for r in self.model.rows if r.id == left.get("doc_id")), None)
        if row is None or row.status != DocStatus.DRAFT:
            self.autosaver.forget()  # issued or deleted since: nothing to put back
            return
        if not autosave_ui.offer(self, tr("公文草稿“{t}”的修改").format(t=left.get("title_edit"))):
            self.autosaver.forget()
            return
        self._fill_register(row.id)
        for name in ("title_edit", "recipients_edit", "cc_edit", "note_edit"):
            getattr(self.form, name).setText(str(left.get(name, "")))
        self.form.body_edit.setPlainText(str(left.get("body", "")))
        self._dirty = True
        self.update_preview()

    def _fill_register(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (self.current and self.current.row.id)
        with self.desk.session() as session:
            rows = notices.list_documents(session)
        self.model.set_rows(rows)
        for i, row in enumerate(rows):
            if row.id == keep:
                self.table.selectRow(i)
                return
        if rows:
            self.table.selectRow(0)
        else:
            self._show(None)

    def _select(self, index: object) -> None:
        if not index.isValid():  # type: ignore[attr-defined]
            return
        row = self.model.row_at(index)  # type: ignore[arg-type]
        if self.current is not None and row.id == self.current.row.id:
            return
        if not settle(self, [self], tr("打开另一份公文")):
            self._reselect_current()
            return
        with self.desk.session() as session:
            self._show(notices.get_document(session, row.id))

    def _reselect_current(self) -> None:
        """取消: the register's selection goes back to the draft still being edited."""
        assert self.current is not None
        for i, r in enumerate(self.model.rows):
            if r.id == self.current.row.id:
                selection = self.table.selectionModel()
                selection.blockSignals(True)
                self.table.selectRow(i)
                selection.blockSignals(False)
                return

    # --- unsaved edits (desktop/ui/unsaved.py) ----------------------------------------------

    def has_unsaved_edits(self) -> bool:
        return self._dirty and self.current is not None

    def unsaved_description(self) -> str:
        title = self.current.row.title if self.current is not None else ""
        return tr("公文草稿“{title}”的修改").format(title=title)

    def save_edits(self) -> bool:
        return self.save_draft()

    def keep_for_later(self) -> bool:
        """Signed out at the idle lock: the copy is written now, offered at the next sign-in."""
        self.autosaver.write_now()
        return True

    def discard_edits(self) -> None:
        self._dirty = False
        self.autosaver.forget()
        if self.current is not None:
            with self.desk.session() as session:
                self._show(notices.get_document(session, self.current.row.id))

    def _show(self, info: DocumentInfo | None) -> None:
        self.current, self._dirty = info, False
        self.form.glyphs.show_report(None)
        self._loading = True
        self.form.load(info.model if info else OfficialDocument(title="", issuer_mark=""))
        self._loading = False
        self.form.set_read_only(info is None or info.row.status == DocStatus.ISSUED)
        self.form.describe(info)
        self._enable()
        self.update_preview()

    def _enable(self) -> None:
        can = self.desk.can(Permission.ISSUE_DOCUMENTS)
        info = self.current
        draft = info is not None and info.row.status == DocStatus.DRAFT
        self.save_button.setEnabled(can and draft)
        self.issue_button.setEnabled(can and draft)
        self.delete_button.setEnabled(can and draft)
        self.correct_button.setEnabled(can and info is not None and not draft)
        self.print_button.setEnabled(info is not None)
        self.save_as_button.setEnabled(info is not None)
        self.save_ofd_button.setEnabled(info is not None)

    # --- editing and preview --------------------------------------------------------------

    def edited_model(self) -> OfficialDocument:
        assert self.current is not None
        return self.form.edited_model(self.current.model)

    def _edited(self) -> None:
        if self._loading or self.current is None or self.current.row.status != DocStatus.DRAFT:
            return
        self._dirty = True
        self.timer.start()
        self.autosaver.changed()

    def update_preview(self) -> None:
        """Show the issued PDF at once, or start rendering the draft as it now reads."""
        self.timer.stop()
        if self.current is None:
            self.renderer.cancel()
            self.pdf = b""
            return
        try:
            with self.desk.session() as session:
                if self.current.row.status == DocStatus.ISSUED:
                    self.renderer.cancel()  # a draft render still running is stale now
                    self._preview_ready(notices.pdf_of(session, self.current.row.id))
                    return
                options = notices.render_options(session)
            model = self.edited_model()
        except Exception as exc:
            show_error(self, exc)
            return
        self.renderer.request(lambda: notices.render_with(model, options, seal_marks=True).pdf)

    def _preview_ready(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.preview.show_pdf(pdf)

    def current_pdf(self) -> bytes:
        """The PDF of what the form says now: print and save never get an older render."""
        if self.timer.isActive() or self.renderer.pending:
            self.update_preview()
            self.renderer.wait()
        return self.pdf

    # --- actions --------------------------------------------------------------------------

    def run_write(self, work, select_id_of=lambda result: result) -> object:  # type: ignore[no-untyped-def]
        """A write from this page; afterwards the register shows the document it made."""
        ok, result = write(self, self.desk, self.main, work)
        if not ok:
            return None
        self.current = None
        self._dirty = False
        self.autosaver.forget()
        self.refresh(select_id_of(result))
        return result

    def new_circular(self) -> None:
        new_drafts.new_circular(self)

    def new_notice(self) -> None:
        new_drafts.new_notice(self)

    def new_document(self) -> None:
        """A 请示 or 报告 (上行文) or a 函, with the clerk's own text."""
        new_drafts.new_document(self)

    def save_draft(self) -> bool:
        """Save the form; characters another font prints (or none can) are confirmed first."""
        return save_and_issue.save_draft(self)

    def show_glyph(self, issue: GlyphIssue, model: OfficialDocument | None = None) -> None:
        """Put the editor's cursor on a character the list names. ``model``: the draft the
        places were counted in (as saved when not given); blank lines and the spaces around a
        line that saving drops are counted back in."""
        assert self.current is not None
        self.form.show_glyph(issue, model or self.current.model)

    def issue(self) -> None:
        """印发 (desktop/ui/notices/save_and_issue.py): the characters another font prints are
        confirmed first; those none can print refuse it."""
        save_and_issue.issue(self)

    def correct(self) -> None:
        if self.current is not None:
            doc_id = self.current.row.id
            self.run_write(lambda s: notices.draft_correction(s, self.desk.actor, doc_id))

    def delete(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(
            self, tr("删除草稿"), tr("确定删除草稿“{t}”吗？").format(t=self.current.row.title)
        )
        if answer == QMessageBox.StandardButton.Yes:
            doc_id = self.current.row.id
            self.run_write(
                lambda s: notices.delete_draft(s, self.desk.actor, doc_id), lambda _r: None
            )

    def _suggested_name(self) -> str:
        assert self.current is not None
        row = self.current.row
        return f"{row.number or '草稿'}-{row.title[:30]}.pdf"

    def print_current(self) -> None:
        if self.current is not None and self.current_pdf():
            print_pdf(self, self.pdf, self.current.row.title)

    def save_as(self) -> None:
        if self.current is None or not self.current_pdf():
            return
        data = self.pdf
        if self.current.row.status == notices.DocStatus.ISSUED:
            try:  # the stored PDF, checked against the hash the audit log kept at issue
                with self.desk.session() as session:
                    data = notices.copy_of(session, self.current.row.id, "pdf")
            except DomainError as exc:
                show_error(self, exc)
                return
        save_pdf_as(self, data, self._suggested_name())

    def current_ofd(self) -> bytes:
        """The OFD of the document shown: the stored one once issued (checked against the hash
        the audit log kept at issue), else the form as it is."""
        assert self.current is not None
        with self.desk.session() as session:
            if self.current.row.status == notices.DocStatus.ISSUED:
                return notices.copy_of(session, self.current.row.id, "ofd")
            return notices.render_ofd(session, self.edited_model()).ofd

    def save_as_ofd(self) -> None:
        if self.current is None:
            return
        try:
            data = self.current_ofd()
        except DomainError as exc:
            show_error(self, exc)
            return
        save_document_as(self, data, self._suggested_name(), "ofd")
