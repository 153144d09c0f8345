"""更正问责步骤: a recorded step's date and fields, shown as recorded, corrected with a reason
(the step is never deleted; the old values stay in the audit log and on the timeline)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services.accountability import writes as accountability
from desktop.services.accountability.steps import CHOICES, SPEC, TEXT
from desktop.services.accountability.views import StepRecord
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, date_edit, date_of, ok_cancel
from desktop.ui.i18n import tr
from desktop.ui.interviews.stage import set_text, text_edit, text_of


class StepCorrectionDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, desk: Desk, case_id: int, step: StepRecord):
        super().__init__(parent, tr("更正问责步骤"))
        self.desk, self.case_id, self.step = desk, case_id, step
        self.note = ""
        form = QFormLayout(self)
        hint = QLabel(tr("更正“{0}”：原内容保留在操作日志和时间线中，须写明理由。").format(
            tr(step.label)))  # fmt: skip
        hint.setWordWrap(True)
        form.addRow(hint)
        self.on = date_edit(step.on)
        form.addRow(tr("日期"), self.on)
        self.values: dict[str, QWidget] = {}
        for f in SPEC[step.code].fields:
            widget: QWidget
            current = step.values.get(f.key, "")
            if f.kind in CHOICES:
                combo = QComboBox()
                for member in CHOICES[f.kind]:
                    if member.value != "other" or current == "other":
                        combo.addItem(tr(member.label), member.value)
                combo.setCurrentIndex(max(0, combo.findData(current)))
                widget = combo
            else:
                widget = text_edit(48) if f.kind == TEXT else QLineEdit()
                set_text(widget, current)
            widget.setObjectName(f"correct_{f.key}")
            form.addRow(tr(f.label) + ("" if f.required else tr("（可选）")), widget)
            self.values[f.key] = widget
        self.reason = QLineEdit()
        self.reason.setObjectName("correct_reason")
        self.reason.setPlaceholderText(tr("例如：认定情形录入有误"))
        form.addRow(tr("更正理由"), self.reason)
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.fields = {**self.values, "on": self.on, "reason": self.reason}
        self.resize(520, 300)

    def submit(self) -> None:
        values = {
            k: w.currentData() if isinstance(w, QComboBox) else text_of(w)
            for k, w in self.values.items()
        }
        with self.desk.session() as session:
            self.note = accountability.correct_step(
                session, self.desk.actor, self.case_id, self.step.code, date_of(self.on), values,
                self.reason.text(),
            )  # fmt: skip
