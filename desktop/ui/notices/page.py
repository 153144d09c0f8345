"""公文: the register on the left; the draft's fields, its live preview, print and save on the right."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
)

from desktop.documents.model import OfficialDocument
from desktop.services import circular
from desktop.services.auth import Permission
from desktop.services.errors import DomainError
from desktop.services.notices import drafts as notice_drafts
from desktop.services.notices import glyphs, issuing
from desktop.services.notices import register as notices
from desktop.services.notices.register import DocKind, DocStatus, DocumentInfo, DocumentRow
from desktop.services.periods import Period
from desktop.ui import autosave as autosave_ui
from desktop.ui import confirm
from desktop.ui.autosave import Autosaver
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.errors import show_error
from desktop.ui.i18n import tr
from desktop.ui.notices import font_check
from desktop.ui.notices.font_check import Action
from desktop.ui.notices.glyph_list import GlyphList, place_cursor
from desktop.ui.notices.pdf import PdfPreview, print_pdf, save_document_as, save_pdf_as
from desktop.ui.notices.preview_worker import PreviewRenderer
from desktop.ui.page import Page
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel
from desktop.ui.unsaved import settle

if TYPE_CHECKING:
    from desktop.documents.coverage import CoverageReport, GlyphIssue
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

        self.title_edit = QLineEdit()
        self.recipients_edit = QLineEdit()
        self.cc_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(
            tr("一段一行；以“一、”“（一）”“1.”“（1）”开头的段落自动成为各级标题。")
        )
        self.info = QLabel()
        self.info.setWordWrap(True)
        form_box = QGroupBox(tr("公文内容"))
        form = QFormLayout(form_box)
        form.addRow(tr("标题"), self.title_edit)
        form.addRow(tr("主送机关"), self.recipients_edit)
        form.addRow(tr("正文"), self.body_edit)
        # After saving: the characters another font prints or none can, each a click from
        # its place in the text; under the body, where the clerk looks.
        self.glyphs = GlyphList()
        self.glyphs.chosen.connect(self.show_glyph)
        form.addRow(self.glyphs)
        form.addRow(tr("附注"), self.note_edit)
        form.addRow(tr("抄送"), self.cc_edit)
        self._element_rows(form)
        form.addRow(self.info)
        for edit in self._line_edits():
            edit.textEdited.connect(self._edited)
        self.body_edit.textChanged.connect(self._edited)
        self.attachments_edit.textChanged.connect(self._edited)

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
        left.addWidget(form_box)
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
        self._fonts_seen: dict[int, frozenset[tuple[str, str | None]]] = {}
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
        kept: dict[str, object] = {f: getattr(self, f).text() for f in fields}
        kept.update(doc_id=self.current.row.id, body=self.body_edit.toPlainText())
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
            getattr(self, name).setText(str(left.get(name, "")))
        self.body_edit.setPlainText(str(left.get("body", "")))
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

    def _element_rows(self, form: QFormLayout) -> None:
        """份号, 密级 and 保密期限, 紧急程度, 签发人, 联合行文 organs and attachments."""
        self.copy_edit = QLineEdit()
        self.copy_edit.setPlaceholderText(tr("份号，如 1（印为 000001）；不编号则留空"))
        self.secret_edit = QLineEdit()
        self.secret_edit.setPlaceholderText(tr("密级：秘密 / 机密 / 绝密"))
        self.period_edit = QLineEdit()
        self.period_edit.setPlaceholderText(tr("保密期限，如 1年"))
        self.urgency_edit = QLineEdit()
        self.urgency_edit.setPlaceholderText(tr("特急 / 加急"))
        self.signer_edit = QLineEdit()
        self.signer_edit.setPlaceholderText(tr("上行文（请示、报告）的签发人，多人用“、”分隔"))
        self.joint_edit = QLineEdit()
        self.joint_edit.setPlaceholderText(tr("联合行文的其他发文机关，用“、”分隔"))
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText(tr("联系人（请示须注明，印在附注处）"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(tr("联系电话"))
        self.attachments_edit = QPlainTextEdit()
        self.attachments_edit.setPlaceholderText(tr("附件标题，一行一件；各附件另起一页"))
        self.attachments_edit.setMaximumHeight(70)
        secret = QHBoxLayout()
        secret.addWidget(self.secret_edit, 1)
        secret.addWidget(self.period_edit, 1)
        form.addRow(tr("份号"), self.copy_edit)
        form.addRow(tr("密级、保密期限"), secret)
        form.addRow(tr("紧急程度"), self.urgency_edit)
        form.addRow(tr("签发人"), self.signer_edit)
        contact = QHBoxLayout()
        contact.addWidget(self.contact_edit, 1)
        contact.addWidget(self.phone_edit, 1)
        form.addRow(tr("联系人、电话"), contact)
        form.addRow(tr("联合发文机关"), self.joint_edit)
        form.addRow(tr("附件"), self.attachments_edit)

    def _line_edits(self) -> list[QLineEdit]:
        return [
            self.title_edit,
            self.recipients_edit,
            self.cc_edit,
            self.note_edit,
            self.copy_edit,
            self.secret_edit,
            self.period_edit,
            self.urgency_edit,
            self.signer_edit,
            self.joint_edit,
            self.contact_edit,
            self.phone_edit,
        ]

    def _show(self, info: DocumentInfo | None) -> None:
        self.current, self._dirty = info, False
        self.glyphs.show_report(None)
        self._loading = True
        m = info.model if info else OfficialDocument(title="", issuer_mark="")
        self.title_edit.setText(m.title)
        self.recipients_edit.setText(m.recipients)
        self.cc_edit.setText(m.cc)
        self.note_edit.setText(m.note)
        self.body_edit.setPlainText("\n".join(b for b in m.body if isinstance(b, str)))
        self.copy_edit.setText(m.copy_number)
        self.secret_edit.setText(m.classification)
        self.period_edit.setText(m.classification_period)
        self.urgency_edit.setText(m.urgency)
        self.signer_edit.setText(m.signer)
        self.contact_edit.setText(m.contact)
        self.phone_edit.setText(m.contact_phone)
        self.joint_edit.setText("、".join(m.joint_issuers[1:]))
        self.attachments_edit.setPlainText("\n".join(a.title for a in m.attachments))
        self._loading = False
        frozen = info is None or info.row.status == DocStatus.ISSUED
        for edit in self._line_edits():
            edit.setReadOnly(frozen)
        self.body_edit.setReadOnly(frozen)
        self.attachments_edit.setReadOnly(frozen)
        self._describe()
        self._enable()
        self.update_preview()

    def _describe(self) -> None:
        info = self.current
        if info is None:
            self.info.setText(tr("登记簿中还没有公文。"))
            return
        parts = [
            tr("{kind}，{status}").format(
                kind=tr(info.row.kind.label), status=tr(info.row.status.label)
            )
        ]
        if info.row.status == DocStatus.ISSUED:
            parts.append(
                tr("{n} 页，SHA-256 {h}…，已印发的公文不能修改").format(
                    n=info.pages, h=info.pdf_sha256[:16]
                )
            )
        if info.model.attachments:
            parts.append(tr("附件 {n} 个（随文生成）").format(n=len(info.model.attachments)))
        if info.row.corrects_id:
            parts.append(tr("更正 #{id}").format(id=info.row.corrects_id))
        if info.corrected_by:
            parts.append(tr("已由 #{ids} 更正").format(ids="、".join(map(str, info.corrected_by))))
        self.info.setText("；".join(parts))

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
        base = self.current.model
        paragraphs = [line.strip() for line in self.body_edit.toPlainText().splitlines()]
        tables = [b for b in base.body if not isinstance(b, str)]
        model = replace(
            base,
            title=self.title_edit.text().strip(),
            recipients=self.recipients_edit.text().strip(),
            cc=self.cc_edit.text().strip(),
            note=self.note_edit.text().strip(),
            body=[p for p in paragraphs if p] + tables,
        )
        # Attachments by title: one a line, an existing one keeps its content.
        kept = {a.title: a for a in base.attachments}
        titles = [t.strip() for t in self.attachments_edit.toPlainText().splitlines() if t.strip()]
        return notice_drafts.with_elements(
            model,
            copy_number=self.copy_edit.text(),
            classification=self.secret_edit.text(),
            classification_period=self.period_edit.text(),
            urgency=self.urgency_edit.text(),
            signers=[self.signer_edit.text()],
            attachments=[(t, kept[t].blocks if t in kept else []) for t in titles],
            joint=[n for n in re.split("[、，,]", self.joint_edit.text()) if n.strip()],
            contact=self.contact_edit.text(),
            contact_phone=self.phone_edit.text(),
            check=False,
        )

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

    def _run(self, work, select_id_of=lambda result: result) -> object:  # type: ignore[no-untyped-def]
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
        latest = Period.of(self.desk.today)
        periods = [str(latest.shift(-i)) for i in range(12)]
        period, ok = QInputDialog.getItem(
            self, tr("生成进展通报"), tr("通报期次："), periods, 0, False
        )
        if ok:
            self._run(lambda s: circular.draft_circular(s, self.desk.actor, period))

    def new_notice(self) -> None:
        self._new_draft(notice_drafts.WRITTEN_KINDS[0], tr("新建通知"), tr("通知标题："))

    def new_document(self) -> None:
        """A 请示 or 报告 (上行文) or a 函, with the clerk's own text."""
        kinds = list(notice_drafts.WRITTEN_KINDS[1:])
        labels = [tr(k.label) for k in kinds]
        label, ok = QInputDialog.getItem(self, tr("新建公文"), tr("文种："), labels, 0, False)
        if not ok:
            return
        kind = kinds[labels.index(label)]
        self._new_draft(kind, tr("新建公文"), tr("标题（如“关于……的{k}”）：").format(k=label))

    def _new_draft(self, kind: DocKind, caption: str, prompt: str) -> None:
        """Ask the title; one another font prints is confirmed before the draft is made (返回修改
        asks the title again, as typed)."""
        title = ""
        body = [tr("（在此填写正文）")]
        while True:
            title, ok = QInputDialog.getText(self, caption, prompt, text=title)
            if not ok or not title.strip():
                return
            try:
                with self.desk.session() as session:
                    model = notice_drafts.notice_model(session, title, "", body, kind)
                    report = glyphs.font_check_model(session, model)
            except Exception as exc:
                show_error(self, exc)
                return
            if report.ok or font_check.ask(self, report, Action.SAVE):
                break
        confirmed = not report.ok
        self._run(
            lambda s: notice_drafts.draft_notice(
                s, self.desk.actor, title, "", body, kind, confirm_fallbacks=confirmed
            )
        )

    def save_draft(self) -> bool:
        """Save the form; characters another font prints (or none can) are confirmed first."""
        if self.current is None:
            return False
        model = self.edited_model()
        confirmed = self._confirm_fonts(model)
        if confirmed is None:
            return False
        return self._save(model, confirmed)

    def _save(self, model: OfficialDocument, confirmed: bool) -> bool:
        assert self.current is not None
        doc_id, version = self.current.row.id, self.current.version
        done = self._run(
            lambda s: notices.update_draft(
                s, self.desk.actor, doc_id, model, version, confirm_fallbacks=confirmed
            ),
            lambda _v: doc_id,
        )
        if done is not None:
            with self.desk.session() as session:
                self.glyphs.show_report(glyphs.font_check(session, doc_id))
        return done is not None

    def _font_report(self, model: OfficialDocument) -> CoverageReport | None:
        try:
            with self.desk.session() as session:
                return glyphs.font_check_model(session, model)
        except Exception as exc:
            show_error(self, exc)
            return None

    def _confirm_fonts(self, model: OfficialDocument) -> bool | None:
        """Before a save: True when the clerk confirmed the list (or had for this draft), False
        when there is nothing to confirm, None for 返回修改 (the cursor is then on the first)."""
        assert self.current is not None
        report = self._font_report(model)
        if report is None:
            return None
        if report.ok:
            return False
        doc_id = self.current.row.id
        listed = frozenset((i.ch, i.font) for i in (*report.missing, *report.fallback))
        seen = self._fonts_seen.get(doc_id, frozenset())
        if listed <= seen:
            return True
        if not font_check.ask(self, report, Action.SAVE):
            self._go_to_first(report, model)
            return None
        self._fonts_seen[doc_id] = seen | listed
        return True

    def _go_to_first(self, report: CoverageReport, model: OfficialDocument) -> None:
        first = next((i for i in (*report.missing, *report.fallback) if i.field), None)
        if first is not None:
            self.show_glyph(first, model)

    def show_glyph(self, issue: GlyphIssue, model: OfficialDocument | None = None) -> None:
        """Put the editor's cursor on a character the list names. ``model``: the draft the
        places were counted in (as saved when not given); blank lines and the spaces around a
        line that saving drops are counted back in."""
        assert self.current is not None
        model = model or self.current.model
        edits = {
            "title": self.title_edit,
            "recipients": self.recipients_edit,
            "note": self.note_edit,
            "cc": self.cc_edit,
            "signer": self.signer_edit,
            "urgency": self.urgency_edit,
            "classification": self.secret_edit,
            "classification_period": self.period_edit,
            "contact": self.contact_edit,
            "contact_phone": self.phone_edit,
            "joint": self.joint_edit,
        }
        if issue.field in ("body", "attachment"):
            edit = self.body_edit if issue.field == "body" else self.attachments_edit
            lines = edit.toPlainText().split("\n")
            filled = [n for n, line in enumerate(lines) if line.strip()]
            if issue.index < len(filled):
                line = filled[issue.index]
                indent = len(lines[line]) - len(lines[line].lstrip())
                place_cursor(edit, line, issue.offset + indent)
        elif issue.field == "joint":  # the organs after ours, joined with 、
            before = sum(len(n) + 1 for n in model.joint_issuers[1 : issue.index + 1])
            place_cursor(self.joint_edit, 0, before + issue.offset)
        elif issue.field in edits:
            text = edits[issue.field].text()
            place_cursor(edits[issue.field], 0, issue.offset + len(text) - len(text.lstrip()))

    def issue(self) -> None:
        """印发: the characters another font prints are confirmed in the same question; those
        none can print refuse it, with their places; unsaved edits are saved first."""
        if self.current is None:
            return
        model = self.edited_model() if self._dirty else self.current.model
        report = self._font_report(model)
        if report is None:
            return
        question = tr("印发后将取得发文字号并存档 PDF，此后不能再修改。确定印发“{t}”吗？").format(
            t=model.title or self.current.row.title
        )
        if report.missing:  # would print as □: the clerk changes the text or the fonts first
            font_check.ask(self, report, Action.ISSUE)
            self._go_to_first(report, model)
            return
        if report.fallback:
            if not font_check.ask(self, report, Action.ISSUE, question):
                self._go_to_first(report, model)
                return
        elif not confirm.confirm(self, tr("印发公文"), question):
            return
        confirmed = bool(report.fallback)
        if self._dirty and not self._save(model, confirmed):
            return
        assert self.current is not None
        doc_id = self.current.row.id
        issued = self._run(
            lambda s: issuing.issue(s, self.desk.actor, doc_id, confirm_fallbacks=confirmed),
            lambda i: i.id,
        )
        if issued is not None:
            QMessageBox.information(
                self,
                tr("督办台"),
                tr("已印发：{n}，共 {p} 页。").format(n=issued.number, p=issued.pages),  # type: ignore[attr-defined]
            )

    def correct(self) -> None:
        if self.current is not None:
            doc_id = self.current.row.id
            self._run(lambda s: notices.draft_correction(s, self.desk.actor, doc_id))

    def delete(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(
            self, tr("删除草稿"), tr("确定删除草稿“{t}”吗？").format(t=self.current.row.title)
        )
        if answer == QMessageBox.StandardButton.Yes:
            doc_id = self.current.row.id
            self._run(lambda s: notices.delete_draft(s, self.desk.actor, doc_id), lambda _r: None)

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
