"""One stage of an interview as a form: its fields, the one action the state allows, its document.

A stage that can be corrected has a 修改… button: it unlocks the recorded fields and the action
button saves the correction; the stage says (why_not_correct) when its step may no longer change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.services.escalation import documents as escalation_documents
from desktop.services.interviews.lifecycle import InterviewInfo
from desktop.ui.buttons import EDIT, ISSUE, READ, allow, allow_unless, button
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.forms import error_label
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.supervision.shared import corrected, open_document

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

ACTIVE_STYLE = "QGroupBox { border: 2px solid #1a73e8; border-radius: 4px; margin-top: 10px; }"
READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], QDateTimeEdit[readOnly="true"],'
    ' QDateEdit[readOnly="true"] { background: #f3f3f3; }'
)
DONE, CURRENT, LATER = "done", "current", "later"
MARK = {
    DONE: QT_TR_NOOP("（已完成）"),
    CURRENT: QT_TR_NOOP("（当前步骤）"),
    LATER: QT_TR_NOOP("（尚未进行）"),
}
FROZEN_TIP = QT_TR_NOOP("已印发的公文不随之改变，如需更正请在“公文”页拟制更正件。")


def text_edit(height: int = 54, hint: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setMaximumHeight(height)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(hint)
    return edit


def datetime_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def set_datetime(edit: QDateTimeEdit, value: datetime) -> None:
    edit.setDateTime(QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0))


def datetime_of(edit: QDateTimeEdit) -> datetime:
    q = edit.dateTime()
    d, t = q.date(), q.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def set_text(widget: QWidget, value: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(value)


class Stage(QGroupBox):
    """Subclasses add fields with ``field()``, then implement ``fill``, ``state_of`` and ``act``."""

    title_text = ""
    action_label = ""
    doc_role = ""  # notice, record, rectification; accountability has its own
    doc_label = ""
    correct_tip = ""  # set by a stage that may be corrected: what 修改… changes

    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(tr(self.title_text))
        self.desk, self.main = desk, window
        self.info: InterviewInfo | None = None
        self.state = LATER
        self.form = QFormLayout(self)
        self.fields: dict[str, QWidget] = {}
        self.error = error_label()
        self.editing = False
        self.action_button = button(desk, tr(self.action_label), self._act, EDIT)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.action_button)
        self.correct_button: QPushButton | None = None
        if self.correct_tip:
            self.correct_button = button(desk, tr("修改…"), self.toggle_correction, EDIT)
            self.buttons.addWidget(self.correct_button)
        self.doc_button: QPushButton | None = None
        self.open_button: QPushButton | None = None
        if self.doc_label:
            self.doc_button = button(desk, tr(self.doc_label), self.draft, ISSUE)
            self.open_button = button(desk, tr("打开公文"), self.open_doc, READ)
            self.buttons.addWidget(self.doc_button)
            self.buttons.addWidget(self.open_button)
        self.buttons.addStretch(1)

    def field(self, key: str, label: str, widget: QWidget) -> QWidget:
        self.fields[key] = widget
        self.form.addRow(tr(label), widget)
        return widget

    def finish(self) -> None:
        """Call after the fields: the error line and the buttons close the form."""
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    # --- what subclasses say -----------------------------------------------------------------

    def state_of(self, info: InterviewInfo) -> str:
        raise NotImplementedError

    def fill(self, info: InterviewInfo, state: str) -> None:
        raise NotImplementedError

    def act(self) -> None:
        raise NotImplementedError

    def document_id(self, info: InterviewInfo) -> int | None:
        return getattr(info, f"{self.doc_role}_document_id", None) if self.doc_role else None

    def can_draft(self, info: InterviewInfo) -> bool:
        return False

    def why_not_correct(self, info: InterviewInfo) -> str:
        """Why this step's record may not be corrected now (translated), or "" when it may."""
        return tr("此步骤不能修改。")

    def correction(self, session: Session, interview_id: int) -> str:
        """Save the fields as a correction; returns the service's note on the document."""
        raise NotImplementedError

    # --- shared behaviour --------------------------------------------------------------------

    def show_interview(self, info: InterviewInfo) -> None:
        self.info = info
        self.state = state = self.state_of(info)
        self.editing = False  # a reload (after saving, or another interview) ends a correction
        self.error.hide()
        self._apply_mode()
        if self.doc_button is not None and self.open_button is not None:
            allow(self.desk, self.doc_button, self.can_draft(info))
            self.open_button.setEnabled(self.document_id(info) is not None)
        self.fill(info, state)  # last: a stage may narrow what the state allows

    def _apply_mode(self) -> None:
        """Fields, title and buttons for the state — or for a correction in progress."""
        state, editing = self.state, self.editing
        self.setTitle(tr(self.title_text) + (tr("（修改中）") if editing else tr(MARK[state])))
        editable = (state == CURRENT or editing) and self.desk.can(EDIT)
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit | QDateTimeEdit | QDateEdit):
                widget.setReadOnly(not editable)
            elif isinstance(widget, QComboBox):
                widget.setEnabled(editable)
        # After setReadOnly: property selectors are matched when the sheet is applied.
        active = state == CURRENT or editing
        self.setStyleSheet((ACTIVE_STYLE if active else "") + READ_ONLY_STYLE)
        self.action_button.setText(tr("保存修改") if editing else tr(self.action_label))
        allow(self.desk, self.action_button, active)
        if self.correct_button is not None and self.info is not None:
            self.correct_button.setText(tr("取消修改") if editing else tr("修改…"))
            why = "" if editing else self.why_not_correct(self.info)
            allow_unless(self.desk, self.correct_button, why, tr(self.correct_tip) + tr(FROZEN_TIP))

    def toggle_correction(self) -> None:
        if self.info is None:
            return
        if self.editing:  # cancel: back to what is recorded
            self.show_interview(self.info)
            return
        self.editing = True
        self.error.hide()
        self._apply_mode()

    def _act(self) -> None:
        if not self.editing:
            self.act()
            return
        if self.info is None:
            return
        iid = self.info.id
        ok, note = write(
            self,
            self.desk,
            self.main,
            lambda s: self.correction(s, iid),
            self.error,
            self.fields,
        )
        if ok:
            corrected(self, self.main, note)

    def write(self, work: Callable[[Session], object]) -> bool:
        ok, _ = write(self, self.desk, self.main, work, self.error, self.fields)
        return ok

    def draft(self) -> None:
        if self.info is None:
            return
        iid, role = self.info.id, self.doc_role
        ok, doc_id = write(
            self,
            self.desk,
            self.main,
            lambda s: self.make_draft(s, iid, role),
        )
        if ok and isinstance(doc_id, int):
            open_document(self.main, doc_id)

    def make_draft(self, session: Session, interview_id: int, role: str) -> int:
        return escalation_documents.draft_for_interview(
            session, self.desk.actor, interview_id, role
        )

    def open_doc(self) -> None:
        doc_id = self.document_id(self.info) if self.info else None
        if doc_id is not None:
            open_document(self.main, doc_id)
