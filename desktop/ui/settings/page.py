"""设置 (admin): issuing office, document numbers, archive codes, backup, fonts, lamp rules, the
督办事项 rules (default deadlines, reminders, 催办 interval) and the 问责 rules (申诉 window …)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from desktop.services import settings
from desktop.services.auth import Permission
from desktop.ui.archive.ciphers import CIPHER_LABELS
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.forms import error_label
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.page import Page
from desktop.ui.settings.fields import DataclassForm

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.ui.main_window import MainWindow

OFFICE_LABELS = {
    "city": QT_TR_NOOP("城市"),
    "issuer_name": QT_TR_NOOP("发文机关全称"),
    "issuer_short": QT_TR_NOOP("发文机关简称"),
    "doc_prefix": QT_TR_NOOP("发文字号机关代字"),
    "letter_prefix": QT_TR_NOOP("信函字号机关代字"),
    "fonds_code": QT_TR_NOOP("全宗号"),
    "organisation_code": QT_TR_NOOP("机构（问题）代码"),
    "retention": QT_TR_NOOP("保管期限"),
    "archive_formats": QT_TR_NOOP("归档格式（正文）"),
}
ARCHIVE_FORMATS = {
    "both": QT_TR_NOOP("PDF 与 OFD"),
    "pdf": QT_TR_NOOP("仅 PDF"),
    "ofd": QT_TR_NOOP("仅 OFD（未存 OFD 的公文仍用 PDF）"),
}
BACKUP_LABELS = {
    "backup_keep": QT_TR_NOOP("保留备份份数"),
    "backup_remind_days": QT_TR_NOOP("提醒备份间隔（天）"),
    "backup_cipher": QT_TR_NOOP("加密备份与传递副本的算法"),
    "line_pitch_pt": QT_TR_NOOP("公文行距（磅，0 为每页 22 行）"),
    "bold_level3": QT_TR_NOOP("“1.”级标题句加粗"),
    "reminder_letter": QT_TR_NOOP("催办单用信函格式"),
}
LAMP_LABELS = {
    "yellow_lag": QT_TR_NOOP("滞后序时进度达到（个百分点）亮黄灯"),
    "red_lag": QT_TR_NOOP("滞后序时进度超过（个百分点）亮红灯"),
    "milestone_red_days": QT_TR_NOOP("节点逾期超过（天）亮红灯"),
    "deadline_warning_days": QT_TR_NOOP("距完成时限不足（天）亮黄灯"),
    "missed_reports_yellow": QT_TR_NOOP("连续漏报（期）亮黄灯"),
    "missed_reports_red": QT_TR_NOOP("连续漏报（期）亮红灯"),
    "funds_min_arrival_rate": QT_TR_NOOP("资金到位率低于（%）亮黄灯"),
    "funds_check_after_schedule": QT_TR_NOOP("序时进度过（%）后检查资金"),
    "not_started_months": QT_TR_NOOP("开始后（月）仍未启动亮红灯"),
    "report_day": QT_TR_NOOP("每月报送截止日"),
}
ACCOUNTABILITY_LABELS = {
    "investigators_min": QT_TR_NOOP("调查组至少（人）"),
    "execution_days": QT_TR_NOOP("问责决定执行期限（天）"),
    "execution_warning_days": QT_TR_NOOP("执行期限前（天）亮黄灯"),
    "appeal_days": QT_TR_NOOP("申诉期限（天）"),
    "organisation_department": QT_TR_NOOP("通报问责情况的组织部门"),
}

ITEM_LABELS = {
    "higher_doc_days": QT_TR_NOOP("上级文件（公文）办理期限（天）"),
    "minutes_days": QT_TR_NOOP("会议纪要、会议议定事项（天）"),
    "instruction_urgent_days": QT_TR_NOOP("领导批示急件（天，1–5）"),
    "instruction_days": QT_TR_NOOP("领导批示一般件（天）"),
    "instruction_hard_days": QT_TR_NOOP("领导批示复杂件（天）"),
    "proposal_days": QT_TR_NOOP("人大建议、政协提案（天）"),
    "assigned_days": QT_TR_NOOP("其他交办、手工登记（天）"),
    "resubmit_days": QT_TR_NOOP("退办后补办期限（天）"),
    "remind_before_days": QT_TR_NOOP("到期前提醒（天，0 为不提醒）"),
    "urge_interval_days": QT_TR_NOOP("两次催办最短间隔（天，0 为不限）"),
}


class SettingsPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("设置"))
        self.editable = desk.can(Permission.MANAGE)
        self.add_button(tr("保存设置"), self.save, Permission.MANAGE, shortcut="Ctrl+S")
        if not self.editable:
            note = QLabel(tr("只有管理员可以修改设置；当前账号仅可查看。"))
            note.setStyleSheet("color: #666;")
            self.body.addWidget(note)
        self.error = error_label()
        self.body.addWidget(self.error)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.content = QWidget()
        scroll.setWidget(self.content)
        self.columns = QHBoxLayout(self.content)
        self.body.addWidget(scroll, 1)
        self.office_form: DataclassForm | None = None
        self.track_form(self.content, self.save)

    def refresh(self) -> None:
        with self.desk.session() as session:
            office = settings.office(session)
            rules = settings.lamp_rules(session)
            accountability = settings.accountability_rules(session)
            item_rules = settings.item_rules(session)
        while self.columns.count():
            item = self.columns.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # out of the tracked form at once
                widget.deleteLater()
        left = QWidget()
        left_layout = QFormLayout(left)
        office_box = QGroupBox(tr("发文机关、文号与归档代码"))
        self.office_form = DataclassForm(
            QFormLayout(office_box),
            office,
            OFFICE_LABELS,
            self.editable,
            {"archive_formats": ARCHIVE_FORMATS},
        )
        backup_box = QGroupBox(tr("备份与版式"))
        self.backup_form = DataclassForm(
            QFormLayout(backup_box),
            office,
            BACKUP_LABELS,
            self.editable,
            {"backup_cipher": CIPHER_LABELS},
        )
        fonts_box = QGroupBox(tr("公文字体（留空则用本机字体，再用随程序提供的字体）"))
        self._font_rows(QFormLayout(fonts_box), dict(office.font_paths), office.font_dir)
        left_layout.addRow(office_box)
        left_layout.addRow(backup_box)
        left_layout.addRow(fonts_box)
        lamp_box = QGroupBox(tr("亮灯规则"))
        self.lamp_form = DataclassForm(QFormLayout(lamp_box), rules, LAMP_LABELS, self.editable)
        accountability_box = QGroupBox(tr("问责程序"))
        self.accountability_form = DataclassForm(
            QFormLayout(accountability_box), accountability, ACCOUNTABILITY_LABELS, self.editable
        )
        item_box = QGroupBox(tr("督办事项：默认办理期限（自收文起）与催办"))
        self.item_form = DataclassForm(
            QFormLayout(item_box), item_rules, ITEM_LABELS, self.editable
        )
        right = QWidget()
        right_layout = QFormLayout(right)
        right_layout.addRow(lamp_box)
        right_layout.addRow(item_box)
        right_layout.addRow(accountability_box)
        self.columns.addWidget(left, 1)
        self.columns.addWidget(right, 1)

    def _font_rows(self, form: QFormLayout, chosen: dict[str, str], font_dir: str) -> None:
        from desktop.documents.fonts import ROLE_LABEL, FontRole, FontSet, coverage

        self.font_dir_edit = QLineEdit(font_dir)
        self.font_dir_edit.setPlaceholderText(tr("本单位授权字体所在文件夹（可留空）"))
        self.font_dir_edit.setEnabled(self.editable)
        form.addRow(tr("字体文件夹"), self.font_dir_edit)
        fonts = FontSet.resolve(chosen or None, extra_dirs=[font_dir] if font_dir else [])
        self.font_edits: dict[str, QLineEdit] = {}
        self.font_status: dict[str, QLabel] = {}
        for role in FontRole:
            label, official = ROLE_LABEL[role]  # official: the font's own (Chinese) name
            edit = QLineEdit(chosen.get(role.value, ""))
            edit.setPlaceholderText(official)
            edit.setEnabled(self.editable)
            browse = QPushButton(tr("选择…"))
            browse.setEnabled(self.editable)
            browse.clicked.connect(lambda _=False, e=edit: self._browse(e))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(browse)
            form.addRow(tr(label), row)
            self.font_edits[role.value] = edit
            # Which file serves the role now, and how much of each standard it (and the fonts
            # that stand in for it) can draw.
            choice = fonts[role]
            cov = coverage(fonts, role)
            shares = "，".join(
                tr("{std} {own:.0f}%（含替代 {all:.0f}%）").format(
                    std=std, own=own * 100, all=chain * 100
                )
                for std, (own, chain) in cov.items()
            )
            status = QLabel(
                tr("在用：{name}（{path}）\n覆盖：{shares}").format(
                    name=choice.display_name, path=choice.path, shares=shares
                )
            )
            status.setWordWrap(True)
            status.setObjectName(f"font_status_{role.value}")
            form.addRow("", status)
            self.font_status[role.value] = status

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("选择字体文件"), "", tr("TrueType 字体 (*.ttf *.ttc)")
        )
        if path:
            edit.setText(path)

    def save(self) -> None:
        if self.office_form is None:
            return
        office = self.office_form.value()
        backup = self.backup_form.value()
        fonts = tuple(
            (role, e.text().strip()) for role, e in self.font_edits.items() if e.text().strip()
        )
        office = office.__class__(
            **{
                **office.__dict__,
                **{k: getattr(backup, k) for k in BACKUP_LABELS},
                "font_paths": fonts,
                "font_dir": self.font_dir_edit.text().strip(),
            }
        )
        rules = self.lamp_form.value()
        accountability = self.accountability_form.value()
        item_rules = self.item_form.value()

        def save(session: Session) -> None:
            rules.validate()  # first, so that a bad rule cannot leave the office half-saved
            item_rules.validate()
            accountability.validate()
            settings.save_office(session, self.desk.actor, office)
            settings.save_lamp_rules(session, self.desk.actor, rules)
            settings.save_item_rules(session, self.desk.actor, item_rules)
            settings.save_accountability_rules(session, self.desk.actor, accountability)

        widgets = {
            **self.office_form.widgets,
            **self.backup_form.widgets,
            **self.lamp_form.widgets,
            **self.item_form.widgets,
            **self.accountability_form.widgets,
        }
        ok, _ = write(self, self.desk, self.main, save, self.error, widgets)
        if ok:
            self.main.statusBar().showMessage(tr("设置已保存，亮灯已按新规则重新计算。"), 6000)
