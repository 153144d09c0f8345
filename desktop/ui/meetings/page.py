"""会议: meetings on the left; the selected one's attendance, decisions (转为督办) and 纪要 on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services import meetings
from desktop.services.escalation import documents as escalation_documents
from desktop.services.meetings import DecisionInfo, MeetingInfo
from desktop.ui.buttons import EDIT, ISSUE, READ, allow, allow_unless, button
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.fmt import DASH, day
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.meetings.dialogs import DecisionDialog, MeetingDialog
from desktop.ui.page import Page
from desktop.ui.supervision.attachments import AttachmentList
from desktop.ui.supervision.shared import corrected, open_document, value_label
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

FIELDS = (
    ("kind", QT_TR_NOOP("类别")),
    ("held_on", QT_TR_NOOP("日期")),
    ("place", QT_TR_NOOP("地点")),
    ("chair", QT_TR_NOOP("主持")),
    ("present", QT_TR_NOOP("出席")),
    ("absent", QT_TR_NOOP("请假")),
    ("attending", QT_TR_NOOP("列席")),
    ("topics", QT_TR_NOOP("议题")),
    ("minutes", QT_TR_NOOP("会议纪要")),
)


class MeetingsPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("会议"))
        self.add_button(tr("新建会议…"), self.new_meeting, EDIT)
        self.model = RowTableModel[MeetingInfo](
            [
                Column(tr("日期"), lambda m: day(m.held_on), align=CENTER, width=86),
                Column(tr("类别"), lambda m: tr(m.kind.label), width=96),
                Column(tr("会议名称"), lambda m: m.title, width=220, tooltip=lambda m: m.title),
                Column(tr("议定事项"), lambda m: str(len(m.decisions)), align=CENTER, width=64),
                Column(
                    tr("纪要"),
                    lambda m: tr("已生成") if m.minutes_document_id else "—",
                    align=CENTER,
                ),
            ]
        )
        self.table = DataTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._select(cur))

        self.detail_box = QGroupBox(tr("会议"))
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in FIELDS:
            self.values[key] = value_label()
            form.addRow(tr(label) + tr("："), self.values[key])
        self.decisions = RowTableModel[DecisionInfo](
            [
                Column(tr("序号"), lambda d: str(d.seq), align=CENTER, width=40),
                Column(tr("议定事项"), lambda d: d.content, width=300, tooltip=lambda d: d.content),
                Column(tr("责任单位"), lambda d: d.unit or "—", width=130),
                Column(tr("时限"), lambda d: day(d.due), align=CENTER, width=86),
                Column(tr("督办"), self._supervised),
            ]
        )
        self.decision_table = DataTable(self.decisions)
        self.decision_table.setMinimumHeight(150)
        self.decision_table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.decision_table.doubleClicked.connect(lambda _i: self.open_item())
        self.add_decision_button = button(desk, tr("新增议定事项…"), self.add_decision, EDIT)
        self.supervise_button = button(desk, tr("转为督办"), self.supervise, EDIT)
        self.supervise_button.setToolTip(tr("有责任单位和时限的议定事项可转为督办事项"))
        self.open_item_button = button(desk, tr("查看督办事项"), self.open_item, READ)
        self.minutes_button = button(desk, tr("生成会议纪要"), self.draft_minutes, ISSUE)
        self.open_minutes_button = button(desk, tr("打开纪要"), self.open_minutes, READ)
        self.edit_meeting_button = button(desk, tr("修改会议…"), self.edit_meeting, EDIT)
        self.edit_decision_button = button(desk, tr("修改…"), self.edit_decision, EDIT)
        self.delete_decision_button = button(desk, tr("删除"), self.delete_decision, EDIT)
        meeting_actions = QHBoxLayout()
        for b in (self.edit_meeting_button, self.minutes_button, self.open_minutes_button):
            meeting_actions.addWidget(b)
        meeting_actions.addStretch(1)
        actions = QHBoxLayout()
        for b in (
            self.add_decision_button,
            self.edit_decision_button,
            self.delete_decision_button,
            self.supervise_button,
            self.open_item_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        self.files = AttachmentList(desk, window)
        layout = QVBoxLayout(self.detail_box)
        layout.addLayout(form)
        layout.addLayout(meeting_actions)
        layout.addWidget(QLabel(tr("议定事项：")))
        layout.addWidget(self.decision_table, 1)
        layout.addLayout(actions)
        layout.addWidget(QLabel(tr("附件（签到表、会议材料等）：")))
        layout.addWidget(self.files)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail_box)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(scroll)
        split.setSizes([420, 780])
        self.body.addWidget(split, 1)
        self.current: MeetingInfo | None = None
        self.selected_id: int | None = None

    def _supervised(self, d: DecisionInfo) -> str:
        if d.supervision_id is not None:
            return tr("督办事项 #{id}（{s}）").format(
                id=d.supervision_id, s=tr(d.supervision_state)
            )
        return tr("可转督办") if d.unit_id and d.due else DASH

    def refresh(self) -> None:
        with self.desk.session() as session:
            rows = meetings.list_meetings(session, self.desk.today)
        self.model.set_rows(rows)
        index = next((i for i, r in enumerate(rows) if r.id == self.selected_id), 0)
        if rows:
            self.table.selectRow(index)
            self._show(rows[index])
        else:
            self._show(None)

    def select_meeting(self, meeting_id: int) -> None:
        """Show one meeting (a search hit was opened)."""
        self.selected_id = meeting_id
        self.refresh()

    def _select(self, index: object) -> None:
        if index.isValid():  # type: ignore[attr-defined]
            self._show(self.model.row_at(index))  # type: ignore[arg-type]

    def _show(self, m: MeetingInfo | None) -> None:
        self.current = m
        self.selected_id = m.id if m else None
        v = self.values
        if m is None:
            self.detail_box.setTitle(tr("会议（尚无会议，请新建）"))
            for label in v.values():
                label.setText(DASH)
        else:
            self.detail_box.setTitle(tr("{t}（第{n}期）").format(t=m.title, n=m.issue_no))
            v["kind"].setText(tr(m.kind.label))
            v["held_on"].setText(day(m.held_on))
            for key in ("place", "chair", "present", "absent", "attending", "topics"):
                v[key].setText(getattr(m, key) or DASH)
            v["minutes"].setText(
                tr("已生成草稿或公文") if m.minutes_document_id else tr("尚未生成")
            )
        self.decisions.set_rows(list(m.decisions) if m else [])
        self.files.show_owner("meeting" if m else None, m.id if m else None)
        self._enable()

    def selected_decision(self) -> DecisionInfo | None:
        rows = self.decision_table.selected_rows()
        return self.decisions.row_at(rows[0]) if rows else None

    def _enable(self) -> None:
        m, d = self.current, self.selected_decision()
        allow(self.desk, self.add_decision_button, m is not None)
        allow(
            self.desk,
            self.supervise_button,
            d is not None and d.supervision_id is None and bool(d.unit_id and d.due),
        )
        self.open_item_button.setEnabled(d is not None and d.supervision_id is not None)
        frozen = tr("已生成的会议纪要不随之改变；已印发的请在“公文”页拟制更正件。")
        allow_unless(
            self.desk,
            self.edit_meeting_button,
            "" if m else tr("请先选择会议"),
            tr("更正日期、地点、主持人、出席/请假/列席人员和议题。") + frozen,
        )
        pick = tr("请先在上表中选中一项议定事项")
        allow_unless(
            self.desk,
            self.edit_decision_button,
            "" if d else pick,
            tr("已转为督办的，只能修改内容，责任单位和时限以督办事项为准。")
            if d and d.supervision_id
            else tr("修改议定事项的内容、责任单位和时限。"),
        )
        supervised = (
            tr("已转为督办事项 #{id}，不能删除。").format(id=d.supervision_id)
            if d and d.supervision_id
            else ""
        )
        allow_unless(
            self.desk,
            self.delete_decision_button,
            supervised if d else pick,
            tr("删除误录的议定事项，其后的事项依次前移编号。"),
        )
        allow(self.desk, self.minutes_button, m is not None and bool(m.decisions))
        self.open_minutes_button.setEnabled(m is not None and m.minutes_document_id is not None)

    # --- actions ------------------------------------------------------------------------------

    def new_meeting(self) -> None:
        dialog = MeetingDialog(self, self.desk)
        if dialog.exec() and dialog.meeting_id is not None:
            self.selected_id = dialog.meeting_id
            self.main.data_changed()

    def add_decision(self) -> None:
        if self.current is not None and DecisionDialog(self, self.desk, self.current.id).exec():
            self.main.data_changed()

    def edit_meeting(self) -> None:
        if self.current is None:
            return
        dialog = MeetingDialog(self, self.desk, self.current)
        if dialog.exec():
            self.main.data_changed()
            corrected(self, self.main, dialog.note)

    def edit_decision(self) -> None:
        d = self.selected_decision()
        if self.current is None or d is None:
            return
        dialog = DecisionDialog(self, self.desk, self.current.id, d)
        if dialog.exec():
            self.main.data_changed()
            corrected(self, self.main, dialog.note)

    def delete_decision(self) -> None:
        d = self.selected_decision()
        if d is None:
            return
        answer = QMessageBox.question(
            self,
            tr("删除议定事项"),
            tr("删除议定事项{n}“{c}”？其后的事项将依次前移编号。").format(
                n=d.seq, c=d.content[:30]
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ok, note = write(
            self,
            self.desk,
            self.main,
            lambda s: meetings.delete_decision(s, self.desk.actor, d.id),
        )
        if ok:
            corrected(self, self.main, note)

    def supervise(self) -> None:
        d = self.selected_decision()
        if d is None:
            return
        ok, item_id = write(
            self,
            self.desk,
            self.main,
            lambda s: meetings.supervise_decision(s, self.desk.actor, d.id),
        )
        if ok and isinstance(item_id, int):
            self.main.show_page("supervision").select_item(item_id)  # type: ignore[attr-defined]

    def open_item(self) -> None:
        d = self.selected_decision()
        if d is not None and d.supervision_id is not None:
            self.main.show_page("supervision").select_item(d.supervision_id)  # type: ignore[attr-defined]

    def draft_minutes(self) -> None:
        if self.current is None:
            return
        mid = self.current.id
        ok, doc_id = write(
            self,
            self.desk,
            self.main,
            lambda s: escalation_documents.draft_minutes(s, self.desk.actor, mid),
        )
        if ok and isinstance(doc_id, int):
            open_document(self.main, doc_id)

    def open_minutes(self) -> None:
        if self.current is not None and self.current.minutes_document_id is not None:
            open_document(self.main, self.current.minutes_document_id)
