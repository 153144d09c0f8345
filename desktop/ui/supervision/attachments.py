"""Files attached to a record (scans, photos, PDFs): list, attach from disk, save a copy back out."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.services import attachments
from desktop.services.attachments import AttachmentInfo
from desktop.services.files import write_atomically
from desktop.ui.buttons import EDIT, READ, allow, button
from desktop.ui.calls import call, write
from desktop.ui.desk import Desk
from desktop.ui.i18n import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

FILE_FILTER = QT_TR_NOOP(
    "扫描件、照片和文档 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.ofd);;所有文件 (*)"
)


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


def choose_files(parent: QWidget) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, tr("选择附件"), "", tr(FILE_FILTER))
    return [Path(n) for n in names]


class AttachmentList(QWidget):
    """Attachments of one owner (interview, supervision, meeting, rectification_report, …)."""

    def __init__(self, desk: Desk, window: MainWindow, can_attach: bool = True) -> None:
        super().__init__()
        self.desk, self.main = desk, window
        self.owner: tuple[str, int] | None = None
        self.rows: list[AttachmentInfo] = []
        self.list = QListWidget()
        self.list.setMaximumHeight(84)
        self.list.itemDoubleClicked.connect(lambda _i: self.save_copy())
        self.attach_button = button(desk, tr("附上文件…"), self.attach, EDIT)
        self.attach_button.setVisible(can_attach)
        self.save_button = button(desk, tr("另存附件…"), self.save_copy, READ)
        self.save_button.setToolTip(tr("把附件原样另存到本机（会先核对 SHA-256）"))
        buttons = QVBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)

    def show_owner(self, owner_type: str | None, owner_id: int | None) -> None:
        self.owner = (owner_type, owner_id) if owner_type and owner_id else None
        self.rows = []
        if self.owner is not None:
            with self.desk.session() as session:
                self.rows = attachments.list_attachments(session, *self.owner)
        self.list.clear()
        for a in self.rows:
            item = QListWidgetItem(f"{a.filename}（{size_text(a.size)}）")
            item.setToolTip(
                tr("SHA-256：{h}\n{by} 于 {at} 附上").format(
                    h=a.sha256, by=a.added_by, at=a.added_at.strftime("%Y-%m-%d %H:%M")
                )
            )
            self.list.addItem(item)
        if not self.rows:
            self.list.addItem(tr("（无附件）"))
        allow(self.desk, self.attach_button, self.owner is not None)
        self.save_button.setEnabled(bool(self.rows))

    def attach(self) -> None:
        if self.owner is None:
            return
        owner_type, owner_id = self.owner

        def attach_one(session: Session, path: Path) -> object:
            return attachments.attach_file(session, self.desk.actor, owner_type, owner_id, path)

        for path in choose_files(self):
            ok, _ = write(
                self,
                self.desk,
                self.main,
                partial(attach_one, path=path),
            )
            if not ok:
                break
        self.show_owner(owner_type, owner_id)

    def save_copy(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.rows):
            return
        info = self.rows[row]
        target, _ = QFileDialog.getSaveFileName(self, tr("另存附件"), info.filename)
        if not target:
            return

        def save() -> None:
            with self.desk.session() as session:
                data = attachments.content_of(session, info.id)
            write_atomically(Path(target), lambda handle: None if handle.write(data) else None)

        call(self, save)
