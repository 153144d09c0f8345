"""公文内容: a draft's fields, filled from its saved model and read back as the edited one."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from desktop.documents.model import OfficialDocument
from desktop.services.notices import drafts as notice_drafts
from desktop.services.notices.register import DocStatus, DocumentInfo
from desktop.ui.i18n import tr
from desktop.ui.notices.glyph_list import GlyphList, place_cursor

if TYPE_CHECKING:
    from desktop.documents.coverage import GlyphIssue


class DraftForm(QGroupBox):
    """The fields of the document shown, its glyph list and a line that describes it."""

    def __init__(self) -> None:
        super().__init__(tr("公文内容"))
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
        form = QFormLayout(self)
        form.addRow(tr("标题"), self.title_edit)
        form.addRow(tr("主送机关"), self.recipients_edit)
        form.addRow(tr("正文"), self.body_edit)
        # After saving: the characters another font prints or none can, each a click from
        # its place in the text; under the body, where the clerk looks.
        self.glyphs = GlyphList()
        form.addRow(self.glyphs)
        form.addRow(tr("附注"), self.note_edit)
        form.addRow(tr("抄送"), self.cc_edit)
        self._element_rows(form)
        form.addRow(self.info)

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

    def line_edits(self) -> list[QLineEdit]:
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

    def load(self, m: OfficialDocument) -> None:
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

    def set_read_only(self, frozen: bool) -> None:
        for edit in self.line_edits():
            edit.setReadOnly(frozen)
        self.body_edit.setReadOnly(frozen)
        self.attachments_edit.setReadOnly(frozen)

    def describe(self, info: DocumentInfo | None) -> None:
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

    def edited_model(self, base: OfficialDocument) -> OfficialDocument:
        """``base`` (the draft as saved) with what the fields now say."""
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

    def show_glyph(self, issue: GlyphIssue, model: OfficialDocument) -> None:
        """Put the cursor on a character the list names. ``model``: the draft the places were
        counted in; blank lines and the spaces around a line that saving drops are counted back
        in."""
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
