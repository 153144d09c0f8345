"""Where to write: removable drives first with their free space, a warning when it will not fit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services import media
from desktop.services.archive import Span
from desktop.services.archive.fsio import free_bytes, human_size
from desktop.services.errors import DomainError
from desktop.ui.archive.ciphers import CIPHER_LABELS
from desktop.ui.forms import date_of
from desktop.ui.i18n import tr


class DestinationDialog(QDialog):
    """Pick a drive or folder; ``needed(span)`` says how big the result will be (``span``: the
    year or period chosen when ``year`` is given, else None)."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        needed: Callable[[Span | None], int],
        year: int | None = None,
        offer_zip: bool = False,
        offer_encrypt: bool = False,
        cipher: str = "aes",
        require_encrypt: bool = False,
    ) -> None:
        """``cipher``: the suite chosen at first (OfficeSettings.backup_cipher);
        ``require_encrypt``: an encrypted transport copy, never plain (and not an off-PC
        backup: the check box for that is hidden)."""
        offer_encrypt = offer_encrypt or require_encrypt
        super().__init__(parent)
        self.setWindowTitle(title)
        self.needed = needed
        layout = QVBoxLayout(self)
        self.year: QSpinBox | None = None
        self.period: QCheckBox | None = None
        if year is not None:
            self._add_span(layout, year)
        layout.addWidget(QLabel(tr("写入到（移动介质排在前面）：")))
        self.places = QListWidget()
        self.places.currentItemChanged.connect(self._update)
        layout.addWidget(self.places)
        other = QPushButton(tr("其他文件夹…"))
        other.clicked.connect(self._choose_folder)
        layout.addWidget(other)
        self.as_zip = QCheckBox(tr("打包为单个 ZIP 文件"))
        self.as_zip.setVisible(offer_zip)
        layout.addWidget(self.as_zip)
        self.offsite = QCheckBox(tr("这份副本将带离本机（计入“离机备份”提醒）"))
        layout.addWidget(self.offsite)
        self.encrypt = QCheckBox(
            tr("用口令加密（接收方解密时须输入同一口令，口令遗失则无法解密）")
            if require_encrypt
            else tr("用口令加密（恢复时须输入同一口令，口令遗失则无法恢复）")
        )
        self.cipher = QComboBox()
        for stored, label in CIPHER_LABELS.items():
            self.cipher.addItem(tr(label), stored)
        self.cipher.setCurrentIndex(max(0, self.cipher.findData(cipher)))
        self.cipher.setEnabled(False)
        self.encrypt.toggled.connect(self.cipher.setEnabled)
        cipher_row = QWidget()
        row = QHBoxLayout(cipher_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("加密算法：")))
        row.addWidget(self.cipher, 1)
        self.passphrase, self.again = QLineEdit(), QLineEdit()
        for field, hint in (
            (self.passphrase, tr("口令（至少 8 位）")),
            (self.again, tr("再输入一次")),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setPlaceholderText(hint)
            field.setEnabled(False)
            self.encrypt.toggled.connect(field.setEnabled)
        for widget in (self.encrypt, cipher_row, self.passphrase, self.again):
            widget.setVisible(offer_encrypt)
            layout.addWidget(widget)
        if require_encrypt:
            self.encrypt.setChecked(True)
            self.encrypt.setEnabled(False)
            self.offsite.setVisible(False)
        self.fit = QLabel()
        self.fit.setWordWrap(True)
        layout.addWidget(self.fit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.refresh_drives()
        self.resize(520, 420)

    @property
    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.encrypt.isChecked() else None

    @property
    def chosen_cipher(self) -> str:
        return str(self.cipher.currentData())

    def _accept(self) -> None:
        if self.encrypt.isChecked():
            if len(self.passphrase.text()) < 8:
                self.fit.setText(tr("口令至少 8 个字符。"))
                return
            if self.passphrase.text() != self.again.text():
                self.fit.setText(tr("两次输入的口令不一致。"))
                return
        self.accept()

    def _add_span(self, layout: QVBoxLayout, year: int) -> None:
        """整年度, or a period inside one year (档号 stay the year's: the package holds a slice)."""
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("年度：")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2999)
        self.year.setValue(year)
        self.year.valueChanged.connect(self._year_changed)
        row.addWidget(self.year)
        self.period = QCheckBox(tr("只导出其中一段："))
        self.period.toggled.connect(self._update)
        row.addWidget(self.period)
        self.first, self.last = QDateEdit(), QDateEdit()
        for edit, day in ((self.first, QDate(year, 1, 1)), (self.last, QDate(year, 12, 31))):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setDate(day)
            edit.dateChanged.connect(self._update)
            edit.setEnabled(False)
            self.period.toggled.connect(edit.setEnabled)
        row.addWidget(self.first)
        row.addWidget(QLabel(tr("至")))
        row.addWidget(self.last)
        row.addStretch(1)
        layout.addLayout(row)
        note = QLabel(tr("档号按年度连续编号：时间段内的公文沿用其在全年度中的件号。"))
        note.setStyleSheet("color: #666;")
        layout.addWidget(note)

    def _year_changed(self, year: int) -> None:
        self.first.setDate(QDate(year, 1, 1))
        self.last.setDate(QDate(year, 12, 31))
        self._update()

    def span(self) -> Span | None:
        """The year or period chosen (ValidationError when the period is not inside one year)."""
        if self.year is None:
            return None
        if self.period is None or not self.period.isChecked():
            return Span.of_year(self.year.value())
        return Span.between(date_of(self.first), date_of(self.last))

    def refresh_drives(self) -> None:
        self.places.clear()
        for drive in media.drives():
            kind = tr("移动介质") if drive.removable else tr("本机磁盘")
            text = tr("{label}　{kind}，剩余 {free}　{path}").format(
                label=drive.label, kind=kind, free=human_size(drive.free), path=drive.path
            )
            self._add(drive.path, text, drive.removable)
        if self.places.count():
            self.places.setCurrentRow(0)
        else:
            self.fit.setText(tr("未发现U盘等移动介质。请插入后重试，或选择其他文件夹。"))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _add(self, path: Path, text: str, removable: bool) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, (str(path), removable))
        self.places.addItem(item)
        return item

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("选择文件夹"))
        if folder:
            path = Path(folder)
            text = tr("{path}（剩余 {free}）").format(path=path, free=human_size(free_bytes(path)))
            self.places.setCurrentItem(self._add(path, text, media.is_removable(path)))

    @property
    def destination(self) -> Path | None:
        item = self.places.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)[0]) if item else None

    def _update(self, *_args: object) -> None:
        item = self.places.currentItem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if item is None:
            ok.setEnabled(False)
            return
        path, removable = item.data(Qt.ItemDataRole.UserRole)
        self.offsite.setChecked(bool(removable))
        try:
            span = self.span()
        except DomainError as problem:
            ok.setEnabled(False)
            self.fit.setText(str(problem))
            self.fit.setStyleSheet("color: #b00020;")
            return
        size = self.needed(span)
        free = free_bytes(Path(path))
        fits = free >= 2 * size
        ok.setEnabled(fits)
        if fits:
            where = "" if removable else "\n" + media.placement(Path(path)).warning(Path(path))
            self.fit.setText(
                tr("约需 {size}，剩余 {free}，空间足够。").format(
                    size=human_size(size), free=human_size(free)
                )
                + where
            )
        else:
            self.fit.setText(
                tr(
                    "约需 {size}（按两倍预留），该位置只剩 {free}，放不下。请换一个更大的移动介质。"
                ).format(size=human_size(size), free=human_size(free))
            )
        self.fit.setStyleSheet("" if fits and removable else "color: #b00020;")
