"""六、问责: the due-process steps recorded so far, the execution lamp, the next step's form and
the paper of each step (审批表, 决定书, 通报函 …)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QWidget,
)

from desktop.services.accountability import documents as accountability_documents
from desktop.services.accountability import views as accountability_views
from desktop.services.accountability import writes as accountability
from desktop.services.accountability.steps import CHOICES, SPEC, SPECS, START, TEXT
from desktop.services.accountability.views import CaseInfo, StepRecord
from desktop.services.interviews.lifecycle import InterviewInfo
from desktop.services.interviews.lifecycle import InterviewStatus as S
from desktop.ui import confirm
from desktop.ui.buttons import EDIT, ISSUE, READ, allow, button
from desktop.ui.calls import write
from desktop.ui.fmt import DASH, day
from desktop.ui.forms import date_edit, date_of, qdate
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.interviews.stage import CURRENT, DONE, LATER, Stage, set_text, text_edit, text_of
from desktop.ui.supervision.shared import open_document
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel

LAMP_STYLE = {"green": "#188038", "yellow": "#e37400", "red": "#d93025"}


class AccountabilityStage(Stage):
    title_text = QT_TR_NOOP("六、问责")
    action_label = QT_TR_NOOP("登记此步骤")

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.case: CaseInfo | None = None
        self.model = RowTableModel[StepRecord](
            [
                Column(tr("步骤"), lambda s: tr(s.label), width=90),
                Column(tr("日期"), lambda s: day(s.on), align=CENTER, width=90),
                Column(tr("文书"), lambda s: tr("已生成") if s.document_id else DASH, width=60),
                Column(tr("内容"), lambda s: s.summary, tooltip=lambda s: s.summary),
            ]
        )
        self.table = DataTable(self.model)
        self.table.setObjectName("accountability_steps")
        self.table.setMaximumHeight(150)
        self.form.addRow(self.table)
        self.lamp = QLabel()
        self.lamp.setObjectName("accountability_lamp")
        self.lamp.setWordWrap(True)
        self.form.addRow(tr("执行与申诉"), self.lamp)
        self.step_choice = QComboBox()
        self.step_choice.setObjectName("accountability_step")
        self.step_choice.currentIndexChanged.connect(self._show_step)
        self.form.addRow(tr("登记步骤"), self.step_choice)
        self.on_edit = date_edit(self.desk.today)
        self.form.addRow(tr("日期"), self.on_edit)
        self.pages = QStackedWidget()
        self.step_fields: dict[str, dict[str, QWidget]] = {}
        self.page_of: dict[str, int] = {}
        for spec in SPECS:
            page = QWidget()
            layout = QFormLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            widgets: dict[str, QWidget] = {}
            for f in spec.fields:
                widget: QWidget
                if f.kind in CHOICES:
                    combo = QComboBox()
                    for member in CHOICES[f.kind]:
                        if member.value != "other":  # kept for old records, never chosen
                            combo.addItem(tr(member.label), member.value)
                    widget = combo
                elif f.kind == TEXT:
                    widget = text_edit(48)
                else:
                    widget = QLineEdit()
                widget.setObjectName(f"{spec.code}_{f.key}")
                label = tr(f.label) + ("" if f.required else tr("（可选）"))
                layout.addRow(label, widget)
                widgets[f.key] = widget
            self.step_fields[spec.code] = widgets
            self.page_of[spec.code] = self.pages.addWidget(page)
        self.form.addRow(self.pages)
        self.fields = {"on": self.on_edit}
        self.paper_button = button(self.desk, tr("生成所选步骤文书"), self.draft, ISSUE)
        self.open_paper_button = button(self.desk, tr("打开公文"), self.open_doc, READ)
        self.step_correct_button = button(self.desk, tr("更正所选步骤…"), self.correct, EDIT)
        self.doc_button, self.open_button = self.paper_button, self.open_paper_button
        self.buttons.insertWidget(1, self.paper_button)
        self.buttons.insertWidget(2, self.open_paper_button)
        self.buttons.insertWidget(3, self.step_correct_button)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._doc_buttons())
        self.finish()

    def state_of(self, info: InterviewInfo) -> str:
        if info.status == S.FAILED or (self.case is not None and not self.case.closed):
            return CURRENT
        return DONE if info.status in (S.ESCALATED, S.WAIVED) else LATER

    def show_interview(self, info: InterviewInfo) -> None:
        with self.desk.session() as session:
            cases = accountability_views.list_cases(session, self.desk.today, interview_id=info.id)
        self.case = cases[-1] if cases else None
        super().show_interview(info)

    def _codes(self, info: InterviewInfo) -> list[str]:
        if self.case is None:
            return [START] if info.status == S.FAILED else []
        return list(self.case.next_steps)

    def fill(self, info: InterviewInfo, state: str) -> None:
        case = self.case
        self.model.set_rows(list(case.steps) if case else [])
        self.lamp.setText(self._lamp_text(case))
        self.step_choice.blockSignals(True)
        self.step_choice.clear()
        for code in self._codes(info):
            self.step_choice.addItem(tr(SPEC[code].label), code)
        self.step_choice.blockSignals(False)
        self._show_step()
        can = self.step_choice.count() > 0
        self.step_choice.setEnabled(can)
        self.on_edit.setEnabled(can)
        allow(self.desk, self.action_button, can)
        if case is None:
            grounds = tr("{u}逾期未完成约谈整改（整改期限 {d}）").format(
                u=info.unit, d=day(info.rectification_due)
            )
            set_text(self.step_fields[START]["grounds"], grounds)
        self._doc_buttons()

    def _lamp_text(self, case: CaseInfo | None) -> str:
        if case is None:
            return tr("尚未启动问责：须经主要负责人批准。")
        if case.legacy:
            return tr("此问责决定登记于程序步骤启用之前。")
        if case.ending:
            return tr("已决定{0}，问责程序终结（无须执行，不设申诉期）。").format(tr(case.ending))
        if case.lamp is None:
            return tr("尚未作出问责决定。")
        colour = LAMP_STYLE[case.lamp.value]
        text = f"<b style='color:{colour}'>●</b> {case.lamp_reason}"
        if case.appeal_until is not None:
            text += tr("；申诉期至 {d}").format(d=day(case.appeal_until))
        return text + (tr("；已办结") if case.closed else "")

    def _show_step(self) -> None:
        code = self.step_choice.currentData()
        self.pages.setVisible(code is not None)
        if code is not None:
            self.pages.setCurrentIndex(self.page_of[code])
            self.on_edit.setDate(qdate(self.desk.today))
            if code == "notify":
                department = self.step_fields["notify"]["department"]
                if not text_of(department):
                    set_text(department, self._department())

    def _department(self) -> str:
        from desktop.services import settings

        with self.desk.session() as session:
            return settings.accountability_rules(session).organisation_department

    def _selected(self) -> StepRecord | None:
        index = self.table.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def _doc_buttons(self) -> None:
        chosen = self._selected()
        allow(self.desk, self.paper_button, chosen is not None)
        allow(self.desk, self.step_correct_button, chosen is not None)
        self.open_paper_button.setEnabled(chosen is not None and chosen.document_id is not None)

    def act(self) -> None:
        code = self.step_choice.currentData()
        if self.info is None or code is None:
            return
        values = {}
        for key, widget in self.step_fields[code].items():
            values[key] = widget.currentData() if isinstance(widget, QComboBox) else text_of(widget)
        on = date_of(self.on_edit)
        if code in ("decision", "waive"):
            question = tr("登记{s}（决定机关：{b}）？登记后不能撤销，只能更正。").format(
                s=tr(SPEC[code].label), b=values["decided_by"] or tr("未填")
            )
            if not confirm.confirm(self, tr("登记{0}").format(tr(SPEC[code].label)), question):
                return
        fields = {**self.step_fields[code], "on": self.on_edit}
        iid, case = self.info.id, self.case
        actor = self.desk.actor

        def work(s: object) -> object:
            if case is None:
                return accountability.start(s, actor, iid, on, values)  # type: ignore[arg-type]
            return accountability.record_step(s, actor, case.id, code, on, values)  # type: ignore[arg-type]

        ok, _ = write(self, self.desk, self.main, work, self.error, fields)
        if ok:
            for widget in self.step_fields[code].values():
                if not isinstance(widget, QComboBox):
                    set_text(widget, "")

    def draft(self) -> None:
        chosen, case = self._selected(), self.case
        if chosen is None or case is None:
            return
        code, actor = chosen.code, self.desk.actor
        ok, doc_id = write(
            self,
            self.desk,
            self.main,
            lambda s: accountability_documents.draft_step(s, actor, case.id, code),
        )
        if ok and isinstance(doc_id, int):
            open_document(self.main, doc_id)

    def open_doc(self) -> None:
        chosen = self._selected()
        if chosen is not None and chosen.document_id is not None:
            open_document(self.main, chosen.document_id)

    def correct(self) -> None:
        from desktop.ui.interviews.step_correction import StepCorrectionDialog

        chosen, case = self._selected(), self.case
        if chosen is None or case is None:
            return
        dialog = StepCorrectionDialog(self, self.desk, case.id, chosen)
        if dialog.exec():
            self.main.data_changed()
            if dialog.note:
                self.main.statusBar().showMessage(dialog.note, 10000)
