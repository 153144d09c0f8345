"""The desk's proposals (催办 → 督办通知 → 约谈) for red and yellow tasks: adopt, or dismiss with a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QInputDialog, QLabel, QVBoxLayout, QWidget

from desktop.services.escalation import proposals as escalation
from desktop.services.escalation.proposals import Proposal
from desktop.ui import confirm
from desktop.ui.buttons import EDIT, allow, button
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.i18n import tr
from desktop.ui.lamp import lamp_icon
from desktop.ui.reasons import say
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

STEP_COLOR = {
    escalation.REMIND: "#1a73e8",
    escalation.NOTICE: "#e37400",
    escalation.INTERVIEW: "#d93025",
}


def adopt(parent: QWidget, desk: Desk, window: MainWindow, proposal: Proposal) -> int | None:
    """Carry the proposal out; an interview opens on the 约谈 page, an item on the 督办 page."""
    ok, made = write(parent, desk, window, lambda s: escalation.confirm(s, desk.actor, proposal))
    if not ok:
        return None
    if proposal.step == escalation.INTERVIEW:
        window.show_page("interviews").select(made)  # type: ignore[attr-defined]
    else:
        window.show_page("supervision").select_item(made)  # type: ignore[attr-defined]
    return made


def dismiss(parent: QWidget, desk: Desk, window: MainWindow, proposal: Proposal) -> bool:
    """不采纳 needs a written reason; the proposal then stays hidden for the month."""
    reason, ok = QInputDialog.getText(
        parent,
        tr("不采纳建议"),
        tr("不采纳对 {code}（{unit}）的{step}建议，理由：").format(
            code=proposal.code, unit=proposal.unit, step=tr(proposal.step_label)
        ),
    )
    if not ok:
        return False
    ok, _ = write(
        parent, desk, window, lambda s: escalation.dismiss(s, desk.actor, proposal, reason)
    )
    return ok


def _named(p: Proposal) -> str:
    return f"{p.code} {p.title}（{p.unit}）：{p.step_label}"


def adopt_all(parent: QWidget, desk: Desk, window: MainWindow, chosen: list[Proposal]) -> bool:
    """Several proposals at once, after one question that lists them: all carried out, or none."""
    question = tr("采纳以下 {n} 条建议（发出催办、督办通知或提出约谈）？").format(n=len(chosen))
    if not confirm.confirm(parent, tr("批量采纳"), question, [_named(p) for p in chosen]):
        return False
    ok, made = write(parent, desk, window, lambda s: escalation.confirm_all(s, desk.actor, chosen))
    if ok:
        window.statusBar().showMessage(tr("已采纳 {n} 条建议。").format(n=len(made or [])), 8000)
    return ok


def dismiss_all(parent: QWidget, desk: Desk, window: MainWindow, chosen: list[Proposal]) -> bool:
    """不采纳 several proposals with one written reason."""
    reason, ok = QInputDialog.getText(
        parent,
        tr("不采纳建议"),
        tr("不采纳以下 {n} 条建议，理由：\n{items}").format(
            n=len(chosen), items="\n".join(_named(p) for p in chosen[: confirm.LISTED])
        ),
    )
    if not ok:
        return False
    ok, _ = write(
        parent, desk, window, lambda s: escalation.dismiss_all(s, desk.actor, chosen, reason)
    )
    return ok


class ProposalsBox(QGroupBox):
    """The proposals table with 采纳 and 不采纳… for every selected row."""

    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(tr("系统建议（红灯、黄灯任务的下一步）"))
        self.desk, self.main = desk, window
        self.model = RowTableModel[Proposal](
            [
                Column(tr("灯"), lambda p: "", decoration=lambda p: lamp_icon(p.lamp), width=34),
                Column(tr("任务"), lambda p: p.code, align=CENTER, width=60),
                Column(tr("任务名称"), lambda p: p.title, width=200, tooltip=lambda p: p.title),
                Column(tr("牵头单位"), lambda p: p.unit, width=140),
                Column(
                    tr("建议"),
                    lambda p: tr(p.step_label),
                    align=CENTER,
                    width=70,
                    foreground=lambda p: _color(p.step),
                ),
                Column(tr("理由"), lambda p: say(p.reason), tooltip=lambda p: say(p.reason)),
            ]
        )
        self.table = DataTable(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.table.doubleClicked.connect(lambda i: window.open_task(self.model.row_at(i).task_id))
        self.adopt_button = button(desk, tr("采纳"), self.adopt, EDIT)
        self.dismiss_button = button(desk, tr("不采纳…"), self.dismiss, EDIT)
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.adopt_button)
        bar.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)

    def refresh(self) -> None:
        with self.desk.session() as session:
            rows = escalation.proposals(session, self.desk.today)
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        steps = [p.step for p in rows]
        self.count.setText(
            tr("共 {n} 条建议：约谈 {i}，督办通知 {n2}，催办 {r}。双击查看任务。").format(
                n=len(rows),
                i=steps.count(escalation.INTERVIEW),
                n2=steps.count(escalation.NOTICE),
                r=steps.count(escalation.REMIND),
            )
        )
        self._enable()

    def current(self) -> Proposal | None:
        rows = self.table.selected_rows()
        return self.model.row_at(rows[0]) if rows else None

    def selected(self) -> list[Proposal]:
        return [self.model.row_at(r) for r in self.table.selected_rows()]

    def _enable(self) -> None:
        allow(self.desk, self.adopt_button, self.current() is not None)
        allow(self.desk, self.dismiss_button, self.current() is not None)

    def adopt(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            adopt(self, self.desk, self.main, chosen[0])
        elif chosen:
            adopt_all(self, self.desk, self.main, chosen)

    def dismiss(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            dismiss(self, self.desk, self.main, chosen[0])
        elif chosen:
            dismiss_all(self, self.desk, self.main, chosen)


def _color(step: str) -> QColor:
    return QColor(STEP_COLOR[step])
