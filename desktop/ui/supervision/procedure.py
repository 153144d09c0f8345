"""An item's procedure: 延期 (ask → 科员核查 → 领导审批), 退办 with the reason, 催办 — the
buttons, their small dialogs, and the record of each step so far."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.services import settings
from desktop.services.supervision import SupervisionRow, extensions, returns
from desktop.services.supervision import documents as item_documents
from desktop.services.supervision.documents import EXTENSION, RETURN
from desktop.services.supervision.extensions import ExtensionRow
from desktop.ui.buttons import APPROVE, EDIT, ISSUE, allow_unless, button
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.fmt import day
from desktop.ui.forms import ServiceDialog, date_edit, date_of, ok_cancel
from desktop.ui.i18n import tr
from desktop.ui.supervision.shared import open_document, value_label

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class ExtensionDialog(ServiceDialog):
    """The unit's 延期 request as it came in: the new date, the reason, the day it was asked."""

    def __init__(self, parent: QWidget | None, desk: Desk, item: SupervisionRow) -> None:
        super().__init__(parent, tr("登记延期申请"))
        self.desk, self.item = desk, item
        self.new_due = date_edit(item.reply_due + timedelta(days=10))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("单位申请延期的理由"))
        self.asked = date_edit(desk.today)
        form = QFormLayout(self)
        form.addRow(tr("现办理期限"), QLabel(day(item.reply_due)))
        form.addRow(tr("申请延至"), self.new_due)
        form.addRow(tr("延期理由"), self.reason)
        form.addRow(tr("申请日期"), self.asked)
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.fields = {"new_due": self.new_due, "reason": self.reason, "requested_on": self.asked}

    def submit(self) -> None:
        with self.desk.session() as session:
            extensions.request_extension(
                session, self.desk.actor, self.item.id, date_of(self.new_due),
                self.reason.text(), date_of(self.asked),
            )  # fmt: skip


class VerdictDialog(ServiceDialog):
    """核查 or 审批 of a 延期 request: yes or no, with a note."""

    def __init__(
        self,
        parent: QWidget | None,
        desk: Desk,
        title: str,
        summary: str,
        labels: tuple[str, str],
        act: Callable[[Session, bool, str], None],
    ) -> None:
        super().__init__(parent, title)
        self.desk, self.act = desk, act
        self.yes, self.no = QRadioButton(labels[0]), QRadioButton(labels[1])
        self.yes.setChecked(True)
        self.note = QLineEdit()
        choice = QHBoxLayout()
        choice.addWidget(self.yes)
        choice.addWidget(self.no)
        choice.addStretch(1)
        form = QFormLayout(self)
        text = QLabel(summary)
        text.setWordWrap(True)
        form.addRow(text)
        form.addRow(tr("意见"), choice)
        form.addRow(tr("说明"), self.note)
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.fields = {"note": self.note}
        self.resize(440, 200)

    def submit(self) -> None:
        with self.desk.session() as session:
            self.act(session, self.yes.isChecked(), self.note.text())


class ReturnDialog(ServiceDialog):
    """退办: why the reply falls short and by when the unit answers again."""

    def __init__(self, parent: QWidget | None, desk: Desk, item: SupervisionRow) -> None:
        super().__init__(parent, tr("退办"))
        self.desk, self.item = desk, item
        with desk.session() as session:
            days = settings.item_rules(session).resubmit_days
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("例如：未附整改方案；未加盖公章"))
        self.due = date_edit(max(item.reply_due, desk.today + timedelta(days=days)))
        form = QFormLayout(self)
        form.addRow(tr("退办理由"), self.reason)
        form.addRow(tr("补办期限"), self.due)
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.fields = {"reason": self.reason, "resubmit_due": self.due}
        self.resize(440, 140)

    def submit(self) -> None:
        with self.desk.session() as session:
            returns.return_reply(
                session, self.desk.actor, self.item.id, self.reason.text(), date_of(self.due)
            )


def _history(asked: list[ExtensionRow], back: list[returns.ReturnRow]) -> str:
    lines = []
    for e in asked:
        who = f"；{escape(e.check_note)}" if e.check_note else ""
        said = f"；{escape(e.decision_note)}" if e.decision_note else ""
        lines.append(
            tr("延期申请（{asked}）：{old} → {new}，{reason}；<b>{state}</b>{check}{said}").format(
                asked=day(e.requested_on),
                old=day(e.old_due),
                new=day(e.new_due),
                reason=escape(e.reason),
                state=tr(e.state),
                check=who,
                said=said,
            )  # fmt: skip
        )
        for code, old, new in e.task_moves:
            lines.append(
                tr("　任务 {code} 完成时限随之由 {old} 延至 {new}").format(
                    code=code, old=day(old), new=day(new)
                )
            )
    for r in back:
        lines.append(
            tr("退办（{d}）：{reason}，限 {due} 前补办").format(
                d=day(r.returned_on), reason=escape(r.reason), due=day(r.resubmit_due)
            )
        )
    return "<br>".join(lines) or tr("暂无延期、退办记录")


class ProcedureBox(QGroupBox):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(tr("延期、退办与催办"))
        self.desk, self.main = desk, window
        self.item: SupervisionRow | None = None
        self.pending: ExtensionRow | None = None
        self.history = value_label()
        self.ask_button = button(desk, tr("登记延期申请…"), self.ask, EDIT)
        self.check_button = button(desk, tr("核查…"), self.check, EDIT)
        self.approve_button = button(desk, tr("审批…"), self.approve, APPROVE)
        self.return_button = button(desk, tr("退办…"), self.send_back, EDIT)
        self.urge_button = button(desk, tr("催办"), self.urge, EDIT)
        self.return_doc = button(desk, tr("退办通知"), lambda: self.draft(RETURN), ISSUE)
        self.extension_doc = button(desk, tr("延期复函"), lambda: self.draft(EXTENSION), ISSUE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history)
        for group in ((self.ask_button, self.check_button, self.approve_button),
                      (self.return_button, self.urge_button, self.return_doc, self.extension_doc)):  # fmt: skip
            row = QHBoxLayout()
            for b in group:
                row.addWidget(b)
            row.addStretch(1)
            layout.addLayout(row)

    def show_item(self, item: SupervisionRow | None) -> None:
        self.item = item
        asked: list[ExtensionRow] = []
        back: list[returns.ReturnRow] = []
        if item is not None:
            with self.desk.session() as session:
                asked = extensions.extensions_of(session, item.id)
                back = returns.returns_of(session, item.id)
        self.pending = next((e for e in asked if e.state in ("待核查", "待领导审批")), None)
        self.history.setText(_history(asked, back) if item else "")
        closed = tr("该事项已办结。") if item is None or item.closed_on else ""
        state = self.pending.state if self.pending else ""
        allow_unless(self.desk, self.ask_button, closed or (tr("已有延期申请在办。") if state else ""),
                     tr("主办单位在期限前提出延期：登记申请日期、理由和申请延至的日期。"))  # fmt: skip
        allow_unless(self.desk, self.check_button, closed or ("" if state == "待核查" else tr("没有待核查的延期申请。")),
                     tr("科员核查延期理由是否属实、新期限是否合理。"))  # fmt: skip
        allow_unless(self.desk, self.approve_button, closed or ("" if state == "待领导审批" else tr("没有待审批的延期申请。")),
                     tr("领导审批：批准后期限按批准的日期计算，原期限保留在记录中。"))  # fmt: skip
        replied = item is not None and item.reply_received_on is not None
        allow_unless(self.desk, self.return_button, closed or ("" if replied else tr("尚未登记回复。")),
                     tr("回复不符合要求时退回，写明理由，限期补办。"))  # fmt: skip
        allow_unless(self.desk, self.return_doc, "" if back else tr("没有退办记录。"),
                     tr("生成退办通知草稿（信函格式），在“公文”页修改、印发。"))  # fmt: skip
        decided = any(e.decided_on for e in asked)
        allow_unless(self.desk, self.extension_doc, "" if decided else tr("没有已审批的延期申请。"),
                     tr("生成延期复函草稿（信函格式），写明原期限和批准的期限。"))  # fmt: skip
        allow_unless(self.desk, self.urge_button, closed or (tr("已回复，无需催办。") if replied else ""),
                     tr("登记一次催办（两次催办之间有最短间隔，见设置）。"))  # fmt: skip

    def _run(self, dialog: ServiceDialog) -> None:
        if dialog.exec():
            self.main.data_changed()

    def ask(self) -> None:
        if self.item is not None:
            self._run(ExtensionDialog(self, self.desk, self.item))

    def _summary(self, e: ExtensionRow) -> str:
        return tr("申请将期限由 {old} 延至 {new}。理由：{reason}").format(
            old=day(e.old_due), new=day(e.new_due), reason=e.reason
        )

    def check(self) -> None:
        e, actor = self.pending, self.desk.actor
        if e is not None:
            self._run(VerdictDialog(self, self.desk, tr("核查延期申请"), self._summary(e),
                                    (tr("核查通过，报领导审批"), tr("核查未通过")),
                                    lambda s, yes, note: extensions.check_extension(s, actor, e.id, yes, note)))  # fmt: skip

    def approve(self) -> None:
        e, actor = self.pending, self.desk.actor
        if e is not None:
            summary = self._summary(e) + tr("（科员核查：{note}）").format(note=e.check_note)
            if self.item is not None and self.item.task_codes:
                summary += tr("批准后，关联任务（{codes}）中完成时限早于新期限的随之延后。").format(
                    codes="、".join(self.item.task_codes)
                )
            self._run(VerdictDialog(self, self.desk, tr("审批延期申请"), summary,
                                    (tr("批准延期"), tr("不予批准")),
                                    lambda s, yes, note: extensions.decide_extension(s, actor, e.id, yes, note)))  # fmt: skip

    def send_back(self) -> None:
        if self.item is not None:
            self._run(ReturnDialog(self, self.desk, self.item))

    def draft(self, what: str) -> None:
        if self.item is None:
            return
        item_id = self.item.id
        ok, doc_id = write(self, self.desk, self.main,
                           lambda s: item_documents.draft_for_item(s, self.desk.actor, item_id, what))  # fmt: skip
        if ok and doc_id is not None:
            open_document(self.main, doc_id)

    def urge(self) -> None:
        if self.item is None:
            return
        note, ok = QInputDialog.getText(self, tr("催办"), tr("催办方式或要点（可不填）："))
        if ok:
            item_id = self.item.id
            write(self, self.desk, self.main,
                  lambda s: returns.urge_item(s, self.desk.actor, item_id, note))  # fmt: skip
