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
from desktop.ui.forms import ServiceDialog
from desktop.ui.i18n import tr
from desktop.ui.notices.pdf import save_pdf_as
from desktop.ui.unsaved import form_state, settle

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class MeetingPackDialog(ServiceDialog):
    """Period, the list of matters for decision (one per line), then 生成… asks where to save.
    Items edited and not yet kept are asked about (保存 / 不保存 / 取消) before the dialog closes
    or another period's items replace them; 保存 keeps them in the ledger for that period."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "")
        self.setWindowTitle(self.tr("生成会议材料"))
        self.window_ = window
        self.guard_unsaved = window.desk.can(meeting_pack.EDIT_PERMISSION)  # else nothing to keep
        self.resize(640, 420)
        today = window.desk.today
        self.period = QComboBox()
        for back in range(0, 12):
            p = Period.of(today).shift(-back)
            self.period.addItem(self.tr("{y}年{m}月").format(y=p.year, m=p.month), str(p))
        self.period.setCurrentIndex(1 if today.day < 25 else 0)
        self._period_shown = self.period.currentIndex()
        self.items = QPlainTextEdit()
        self.items.setObjectName("packItems")
        self.fields = {"items": self.items}
        form = QFormLayout()
        form.addRow(self.tr("通报期次"), self.period)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("需提请会议研究决定的事项（每行一项，已按台账拟好，可修改）："))
        )
        layout.addWidget(self.items, 1)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make = buttons.addButton(self.tr("生成…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.generate)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.period.currentIndexChanged.connect(self._period_changed)
        self._load_items()

    def _period_changed(self) -> None:
        """Another period's items replace the typed ones only once those are settled."""
        chosen = self.period.currentIndex()
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self._period_shown)  # asked about as they were shown
        self.period.blockSignals(False)
        if not settle(self, [self], tr("切换通报期次")):
            return  # 取消: the period and the items stay as they were
        self.period.blockSignals(True)
        self.period.setCurrentIndex(chosen)
        self.period.blockSignals(False)
        self._period_shown = chosen
        self._load_items()

    def submit(self) -> None:
        """保存 (asked on leaving): the edited items kept for the period, no pack made."""
        with self.window_.desk.session() as session:
            meeting_pack.save_items(
                session, self.window_.desk.actor, self.selected_period(), self.items_typed()
            )
        self._shown_state = form_state(self)

    def save_edits(self) -> bool:
        """保存 without closing when another period is chosen; closing goes on as it asked."""
        from desktop.ui.calls import call

        ok, _ = call(self, self.submit, self.error, self.fields)
        return ok

    def discard_edits(self) -> None:
        self._load_items()  # the period's kept (or proposed) items again; closing goes on

    def items_typed(self) -> list[str]:
        return self.items.toPlainText().splitlines()

    def selected_period(self) -> Period:
        return Period.parse(self.period.currentData())

    def _load_items(self) -> None:
        desk = self.window_.desk
        with desk.session() as session:
            items = meeting_pack.items_of(session, self.selected_period())
            if items is None:
                items = meeting_pack.suggested_items(session, desk.today)
        self.items.setPlainText("\n".join(items))
        if self._shown_state is not None:  # shown already: these are what it shows now
            self._shown_state = form_state(self)

    def generate(self) -> None:
        desk, period = self.window_.desk, self.selected_period()
        items = self.items_typed()
        try:
            with desk.session() as session:
                if desk.can(meeting_pack.EDIT_PERMISSION):
                    meeting_pack.save_items(session, desk.actor, period, items)
        except Exception as exc:  # a clerk-readable refusal, nothing saved
            show_error(self, exc)
            return
        self._shown_state = form_state(self)  # kept: nothing left to ask about

        def work(_progress: object) -> bytes:
            with desk.session() as session:
                return meeting_pack.render(session, period, desk.today)

        def done(pdf: bytes) -> None:
            name = self.tr("会议材料（{p}）.pdf").format(p=period.label)
            if save_pdf_as(self, pdf, name):
                QDialog.accept(self)  # the items were kept above: closes without saving again

        self.window_.run_task(self.tr("正在生成会议材料…"), work, done, refresh=False)
