"""The closing stages: 整改情况 with evidence, 核实销号 or 认定未完成 (问责: accountability.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel

from desktop.services.errors import ValidationError
from desktop.services.escalation import proposals as escalation
from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import FollowUp, InterviewInfo
from desktop.services.interviews.lifecycle import InterviewStatus as S
from desktop.ui import confirm
from desktop.ui.buttons import EDIT, allow, button
from desktop.ui.fmt import DASH, day
from desktop.ui.forms import date_edit, date_of, show_field_error
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.interviews.stage import CURRENT, DONE, LATER, Stage, set_text, text_edit, text_of
from desktop.ui.supervision.attachments import AttachmentList, choose_files
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel

ENDED = {S.CLOSED, S.FAILED, S.ESCALATED, S.WAIVED}


class FollowUpStage(Stage):
    title_text = QT_TR_NOOP("四、整改情况")
    action_label = QT_TR_NOOP("登记整改情况")

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.model = RowTableModel[FollowUp](
            [
                Column(tr("报告日期"), lambda f: day(f.reported_on), align=CENTER, width=90),
                Column(tr("整改情况"), lambda f: f.content, tooltip=lambda f: f.content),
            ]
        )
        self.table = DataTable(self.model)
        self.table.setMaximumHeight(110)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._evidence(cur))
        self.evidence = AttachmentList(self.desk, self.main, can_attach=False)
        self.form.addRow(self.table)
        self.form.addRow(tr("证明材料"), self.evidence)
        self.field("reported_on", QT_TR_NOOP("报告日期"), date_edit(self.desk.today))
        self.field(
            "content", QT_TR_NOOP("整改情况"), text_edit(54, tr("单位报送的整改进展和完成情况"))
        )
        self.files: list[Path] = []
        self.files_label = QLabel(tr("（未选择）"))
        self.files_label.setWordWrap(True)
        self.choose_button = button(self.desk, tr("选择文件…"), self.choose, EDIT)
        row = QHBoxLayout()
        row.addWidget(self.files_label, 1)
        row.addWidget(self.choose_button)
        self.form.addRow(tr("随附证明材料"), row)
        self.fields["file"] = self.choose_button
        self.finish()

    def state_of(self, info: InterviewInfo) -> str:
        if info.status == S.RECTIFYING:
            return CURRENT
        return DONE if info.status in ENDED else LATER

    def fill(self, info: InterviewInfo, state: str) -> None:
        self.model.set_rows(list(info.follow_ups))
        if info.follow_ups:
            self.table.selectRow(len(info.follow_ups) - 1)
        else:
            self.evidence.show_owner(None, None)
        set_text(self.fields["content"], "")
        self.files = []
        self.files_label.setText(tr("（未选择）"))
        allow(self.desk, self.choose_button, state == CURRENT)

    def _evidence(self, index: object) -> None:
        if index.isValid():  # type: ignore[attr-defined]
            report = self.model.row_at(index)  # type: ignore[arg-type]
            self.evidence.show_owner("rectification_report", report.id)

    def choose(self) -> None:
        self.files = choose_files(self)
        names = "、".join(p.name for p in self.files)
        self.files_label.setText(names or tr("（未选择）"))

    def act(self) -> None:
        if self.info is None:
            return
        try:
            evidence = tuple((p.name, p.read_bytes()) for p in self.files)
        except OSError as exc:
            error = ValidationError(
                tr("无法读取文件“{n}”：{e}").format(
                    n=Path(exc.filename or "").name, e=exc.strerror
                ),
                field="file",
            )
            show_field_error(self.error, self.fields, error)
            return
        iid, content = self.info.id, text_of(self.fields["content"])
        reported = date_of(self.fields["reported_on"])  # type: ignore[arg-type]
        self.write(
            lambda s: escalation.report_follow_up(
                s, self.desk.actor, iid, reported, content, evidence
            )
        )


class VerifyStage(Stage):
    title_text = QT_TR_NOOP("五、核实销号")
    action_label = QT_TR_NOOP("核实销号")

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.result = QLabel()
        self.form.addRow(self.result)
        self.field(
            "verification",
            QT_TR_NOOP("核实情况"),
            text_edit(54, tr("对账核实的情况；认定未完成时写明未完成事项")),
        )
        self.fail_button = button(self.desk, tr("认定未完成"), self.fail, EDIT)
        self.buttons.insertWidget(1, self.fail_button)
        self.finish()

    def state_of(self, info: InterviewInfo) -> str:
        if info.status == S.RECTIFYING:
            return CURRENT
        return DONE if info.status in ENDED else LATER

    def fill(self, info: InterviewInfo, state: str) -> None:
        set_text(self.fields["verification"], info.verification)
        if info.verified_on:
            self.result.setText(tr("{d} 核实完成，对账销号。").format(d=day(info.verified_on)))
        elif info.failed_on:
            self.result.setText(tr("{d} 认定逾期未完成整改。").format(d=day(info.failed_on)))
        elif info.rectification_due:
            late = tr("，已逾期") if info.overdue else ""
            self.result.setText(
                tr("整改期限 {d}{late}。").format(d=day(info.rectification_due), late=late)
            )
        else:
            self.result.setText(DASH)
        self.fail_button.setToolTip(tr("整改期限届满仍未完成时，认定未完成并提出问责"))
        allow(self.desk, self.action_button, state == CURRENT and bool(info.follow_ups))
        allow(self.desk, self.fail_button, state == CURRENT and info.overdue)

    def act(self) -> None:
        if self.info is not None:
            iid, text = self.info.id, text_of(self.fields["verification"])
            self.write(lambda s: interviews.verify_closed(s, self.desk.actor, iid, text))

    def fail(self) -> None:
        if self.info is not None:
            question = tr("认定{u}的整改未完成？此后只能进入问责，不能再核实销号。").format(
                u=self.info.unit
            )
            if not confirm.confirm(self, tr("认定未完成"), question):
                return
            iid, text = self.info.id, text_of(self.fields["verification"])
            self.write(lambda s: interviews.mark_failed(s, self.desk.actor, iid, text))
