"""生成会议材料: the clerk edits the 需研究决定的事项, then the pack is made and saved as PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from desktop.services import meeting_pack
from desktop.services.periods import Period
from desktop.ui.errors import show_error
from desktop.ui.notices.pdf import save_pdf_as

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class MeetingPackDialog(QDialog):
    """Period, the list of matters for decision (one per line), then 生成… asks where to save."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("生成会议材料"))
        self.resize(640, 420)
        today = window.desk.today
        self.period = QComboBox()
        for back in range(0, 12):
            p = Period.of(today).shift(-back)
            self.period.addItem(self.tr("{y}年{m}月").format(y=p.year, m=p.month), str(p))
        self.period.setCurrentIndex(1 if today.day < 25 else 0)
        self.items = QPlainTextEdit()
        self.items.setObjectName("packItems")
        form = QFormLayout()
        form.addRow(self.tr("通报期次"), self.period)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("需提请会议研究决定的事项（每行一项，已按台账拟好，可修改）："))
        )
        layout.addWidget(self.items, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make = buttons.addButton(self.tr("生成…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.generate)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.period.currentIndexChanged.connect(self._load_items)
        self._load_items()

    def selected_period(self) -> Period:
        return Period.parse(self.period.currentData())

    def _load_items(self) -> None:
        desk = self.window_.desk
        with desk.session() as session:
            items = meeting_pack.items_of(session, self.selected_period())
            if items is None:
                items = meeting_pack.suggested_items(session, desk.today)
        self.items.setPlainText("\n".join(items))

    def generate(self) -> None:
        desk, period = self.window_.desk, self.selected_period()
        items = self.items.toPlainText().splitlines()
        try:
            with desk.session() as session:
                if desk.can(meeting_pack.EDIT_PERMISSION):
                    meeting_pack.save_items(session, desk.actor, period, items)
        except Exception as exc:  # a clerk-readable refusal, nothing saved
            show_error(self, exc)
            return

        def work(_progress: object) -> bytes:
            with desk.session() as session:
                return meeting_pack.render(session, period, desk.today)

        def done(pdf: bytes) -> None:
            name = self.tr("会议材料（{p}）.pdf").format(p=period.label)
            if save_pdf_as(self, pdf, name):
                self.accept()

        self.window_.run_task(self.tr("正在生成会议材料…"), work, done, refresh=False)
