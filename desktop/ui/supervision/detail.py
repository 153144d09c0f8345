"""One supervision item: what was required, the reply, closing, its document and attachments.

An open item may be corrected (修改…, 更正回复); a closed one reopened with a reason (重新打开…)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import supervision
from desktop.services.escalation import documents as escalation_documents
from desktop.services.supervision import SupervisionRow
from desktop.services.supervision import documents as item_documents
from desktop.services.supervision.documents import ASSIGNMENT
from desktop.ui.buttons import EDIT, ISSUE, READ, allow, allow_unless, button
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.fmt import DASH, day
from desktop.ui.forms import date_edit, date_of, error_label, qdate
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.supervision.attachments import AttachmentList
from desktop.ui.supervision.procedure import ProcedureBox
from desktop.ui.supervision.raise_dialog import RaiseItemDialog
from desktop.ui.supervision.shared import corrected, open_document, value_label

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

STATE_COLOR = {
    QT_TR_NOOP("逾期未回复"): "#d93025",
    QT_TR_NOOP("退回补办"): "#b06000",
    QT_TR_NOOP("待回复"): "#e37400",
    QT_TR_NOOP("已回复"): "#1a73e8",
    QT_TR_NOOP("已办结"): "#2e9d4a",
}


def _assigned(item: SupervisionRow) -> bool:
    """Items registered from a source (or with no task) print as a 交办通知; the chain's own
    items about tasks print as its 督办通知 or 催办单."""
    return not item.task_ids or item.origin.value not in ("lamp", "manual")


def _source(item: SupervisionRow) -> str:
    label = tr(item.origin.label)
    if item.origin.value == "instruction":
        label += tr("（{u}）").format(u=tr(item.urgency.label))
    return label + (f"：{item.source_ref}" if item.source_ref else "")


def _dates(item: SupervisionRow) -> str:
    text = f"{day(item.received_on or item.raised_on)} / {day(item.raised_on)} / "
    text += f"<b>{day(item.reply_due)}</b>"
    if item.first_due and item.first_due != item.reply_due:
        why = tr("延期") if item.extended else tr("补办")
        text += tr("（原定 {d}，{why}）").format(d=day(item.first_due), why=why)
    if item.extension_pending:
        text += tr("，延期申请在办")
    return text


def _reply(item: SupervisionRow) -> str:
    if not item.reply_text:
        return DASH
    seal = tr("已盖章") if item.reply_stamped else tr("未盖章")
    signer = item.reply_signer or tr("未署签发人")
    return f"{item.reply_text}（{signer}，{seal}）"


class ItemDetail(QGroupBox):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(tr("督办事项"))
        self.desk, self.main = desk, window
        self.item: SupervisionRow | None = None
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("kind", QT_TR_NOOP("类别")),
            ("origin", QT_TR_NOOP("任务来源")),
            ("unit", QT_TR_NOOP("主办 / 协办")),
            ("tasks", QT_TR_NOOP("关联任务")),
            ("reason", QT_TR_NOOP("事由 / 拟办意见")),
            ("requirement", QT_TR_NOOP("督办要求")),
            ("dates", QT_TR_NOOP("收文 / 交办 / 期限")),
            ("report", QT_TR_NOOP("报送 / 分管领导")),
            ("state", QT_TR_NOOP("办理情况")),
            ("reply", QT_TR_NOOP("回复内容")),
        ):
            self.values[key] = value_label()
            form.addRow(tr(label) + tr("："), self.values[key])

        reply_box = self.reply_box = QGroupBox(tr("登记回复"))
        reply_form = QFormLayout(reply_box)
        self.received_edit = date_edit(desk.today)
        self.reply_edit = QPlainTextEdit()
        self.reply_edit.setPlaceholderText(tr("单位书面回复的要点"))
        self.reply_edit.setMaximumHeight(64)
        self.signer_edit = QLineEdit()
        self.signer_edit.setPlaceholderText(tr("回复件的签发人"))
        self.stamped_check = QCheckBox(tr("加盖公章"))
        signed = QHBoxLayout()
        signed.addWidget(self.signer_edit, 1)
        signed.addWidget(self.stamped_check)
        self.reply_error = error_label()
        self.reply_button = button(desk, tr("登记回复"), self.record_reply, EDIT)
        reply_form.addRow(tr("收到日期"), self.received_edit)
        reply_form.addRow(tr("回复内容"), self.reply_edit)
        reply_form.addRow(tr("签发人"), signed)
        self.correct_reply_button = button(desk, tr("更正回复"), self.correct_reply, EDIT)
        reply_buttons = QHBoxLayout()
        reply_buttons.addWidget(self.reply_button)
        reply_buttons.addWidget(self.correct_reply_button)
        reply_buttons.addStretch(1)
        reply_form.addRow(self.reply_error)
        reply_form.addRow("", reply_buttons)
        self.fields: dict[str, QWidget] = {
            "received_on": self.received_edit,
            "reply_text": self.reply_edit,
        }

        self.edit_button = button(desk, tr("修改…"), self.edit_item, EDIT)
        self.close_button = button(desk, tr("办结…"), self.close_item, EDIT)
        self.reopen_button = button(desk, tr("重新打开…"), self.reopen_item, EDIT)
        self.draft_button = button(desk, tr("生成公文"), self.draft, ISSUE)
        self.draft_button.setToolTip(tr("按本事项生成督办通知或催办单草稿，在“公文”页修改、印发"))
        self.open_doc_button = button(desk, tr("打开公文"), self.open_document, READ)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.close_button)
        actions.addWidget(self.reopen_button)
        actions.addWidget(self.draft_button)
        actions.addWidget(self.open_doc_button)
        actions.addStretch(1)

        self.files = AttachmentList(desk, window)
        self.procedure = ProcedureBox(desk, window)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(reply_box)
        layout.addWidget(self.procedure)
        layout.addWidget(QLabel(tr("附件（回复件、现场照片等）：")))
        layout.addWidget(self.files)
        layout.addStretch(1)
        self.show_item(None)

    def show_item(self, item: SupervisionRow | None, keep_typed: bool = False) -> None:
        """Show ``item``; ``keep_typed``: the same item again, its reply form left as typed."""
        self.item = item
        v = self.values
        if item is None:
            for label in v.values():
                label.setText(DASH)
            self.setTitle(tr("督办事项（请在左侧选择）"))
        else:
            self.setTitle(tr("督办事项 #{id}").format(id=item.id))
            v["kind"].setText(tr(item.kind.label))
            v["origin"].setText(_source(item))
            v["unit"].setText(f"{item.unit} / {'、'.join(item.co_units) or DASH}")
            v["tasks"].setText("、".join(item.task_codes) or DASH)
            v["reason"].setText(" / ".join(x for x in (item.reason, item.handling) if x) or DASH)
            v["requirement"].setText(item.requirement)
            v["dates"].setText(_dates(item))
            v["report"].setText(f"{tr(item.report_every.label)} / {item.leader or DASH}")
            color = STATE_COLOR.get(item.state, "#333")
            state = f"<b style='color:{color}'>{tr(item.state)}</b>"
            if item.reply_received_on:
                late = (item.reply_received_on - item.reply_due).days
                state += tr("，{d} 回复").format(d=day(item.reply_received_on))
                state += tr("（逾期 {n} 天）").format(n=late) if late > 0 else ""
            if item.closed_on:
                state += tr("，{d} 办结").format(d=day(item.closed_on))
            v["state"].setText(state)
            v["reply"].setText(_reply(item))
        open_ = item is not None and item.closed_on is None
        allow(
            self.desk, self.reply_button, open_ and item is not None and not item.reply_received_on
        )
        allow(self.desk, self.close_button, open_)
        self._enable_corrections(item)
        if not keep_typed:
            self._fill_reply(item)
        allow(self.desk, self.draft_button, item is not None)
        if item is not None and self.desk.can(ISSUE):
            self.draft_button.setToolTip(
                tr("按本事项生成交办通知（督办通知）草稿，在“公文”页修改、印发")
                if _assigned(item)
                else tr("按本事项生成督办通知或催办单草稿，在“公文”页修改、印发")
            )
        self.open_doc_button.setEnabled(item is not None and item.document_id is not None)
        self.reply_error.hide()
        self.files.show_owner("supervision" if item else None, item.id if item else None)
        self.procedure.show_item(item)

    def _enable_corrections(self, item: SupervisionRow | None) -> None:
        closed = tr("已办结的督办事项不能修改；确需修改，请先“重新打开”并写明理由。")
        frozen = tr("已印发的公文不随之改变，如需更正请在“公文”页拟制更正件。")
        if item is None:
            none = tr("请先在左侧选择督办事项")
            for b in (self.edit_button, self.correct_reply_button, self.reopen_button):
                allow_unless(self.desk, b, none)
            return
        allow_unless(
            self.desk,
            self.edit_button,
            closed if item.closed_on else "",
            tr("修改督办要求、事由和回复期限。") + frozen,
        )
        no_reply = "" if item.reply_received_on else tr("尚未登记回复，请直接登记回复。")
        allow_unless(
            self.desk,
            self.correct_reply_button,
            closed if item.closed_on else no_reply,
            tr("按上面填写的收到日期和回复内容更正已登记的回复。"),
        )
        allow_unless(
            self.desk,
            self.reopen_button,
            "" if item.closed_on else tr("该事项尚未办结，无需重新打开。"),
            tr("办结有误或回复不实时重新打开，需写明理由。"),
        )

    def _fill_reply(self, item: SupervisionRow | None) -> None:
        """The reply form shows the recorded reply, ready to be corrected; otherwise it is blank."""
        if item is not None and item.reply_received_on is not None:
            self.received_edit.setDate(qdate(item.reply_received_on))
            self.reply_edit.setPlainText(item.reply_text)
            self.signer_edit.setText(item.reply_signer)
            self.stamped_check.setChecked(item.reply_stamped)
        else:
            self.received_edit.setDate(qdate(self.desk.today))
            self.reply_edit.clear()
            self.signer_edit.clear()
            self.stamped_check.setChecked(False)

    def _write(self, work) -> bool:  # type: ignore[no-untyped-def]
        ok, _ = write(self, self.desk, self.main, work, self.reply_error, self.fields)
        return ok

    def record_reply(self) -> None:
        if self.item is None:
            return
        item_id, received, text = (
            self.item.id,
            date_of(self.received_edit),
            self.reply_edit.toPlainText(),
        )
        signer, stamped = self.signer_edit.text(), self.stamped_check.isChecked()
        self._write(  # the page reloads: the form then shows the reply as recorded
            lambda s: supervision.record_reply(
                s, self.desk.actor, item_id, received, text, signer, stamped
            )
        )

    def save_reply(self) -> None:
        """保存 when leaving with a typed reply: recorded, or the recorded one corrected."""
        if self.item is not None and self.item.reply_received_on is not None:
            self.correct_reply()
        else:
            self.record_reply()

    def edit_item(self) -> None:
        if self.item is None:
            return
        dialog = RaiseItemDialog(self, self.desk, item=self.item)
        if dialog.exec():
            self.main.data_changed()
            corrected(self, self.main, dialog.note)

    def correct_reply(self) -> None:
        if self.item is None:
            return
        item_id, received, text = (
            self.item.id,
            date_of(self.received_edit),
            self.reply_edit.toPlainText(),
        )
        ok, note = write(
            self,
            self.desk,
            self.main,
            lambda s: supervision.correct_reply(s, self.desk.actor, item_id, received, text),
            self.reply_error,
            self.fields,
        )
        if ok:
            corrected(self, self.main, note)

    def reopen_item(self) -> None:
        if self.item is None:
            return
        reason, ok = QInputDialog.getText(
            self, tr("重新打开督办事项"), tr("请写明重新打开的理由：")
        )
        if ok:
            item_id = self.item.id
            write(
                self,
                self.desk,
                self.main,
                lambda s: supervision.reopen_item(s, self.desk.actor, item_id, reason),
            )

    def close_item(self) -> None:
        if self.item is None:
            return
        prompt = (
            tr("办结说明：")
            if self.item.reply_received_on
            else tr("尚未收到回复，请写明办结理由：")
        )
        note, ok = QInputDialog.getText(self, tr("办结督办事项"), prompt)
        if ok:
            item_id = self.item.id
            write(
                self,
                self.desk,
                self.main,
                lambda s: supervision.close_item(s, self.desk.actor, item_id, note),
            )

    def draft(self) -> None:
        if self.item is None:
            return
        item_id, assigned = self.item.id, _assigned(self.item)
        ok, doc_id = write(
            self,
            self.desk,
            self.main,
            lambda s: (
                item_documents.draft_for_item(s, self.desk.actor, item_id, ASSIGNMENT)
                if assigned
                else escalation_documents.draft_for_supervision(s, self.desk.actor, item_id)
            ),
        )
        if ok and doc_id is not None:
            open_document(self.main, doc_id)

    def open_document(self) -> None:
        if self.item is not None and self.item.document_id is not None:
            open_document(self.main, self.item.document_id)
