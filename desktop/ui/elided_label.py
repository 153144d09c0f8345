"""A one-line label shortened with "…" where it is narrower than its text (the status bar's)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStyleOption, QWidget


class ElidedLabel(QLabel):
    """A one-line label drawn shortened with "…" where its width is less than its text's; its
    ``text()`` and its tooltip keep the whole (``hint``, if given, follows on the tooltip)."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        hint: str = "",
    ) -> None:
        super().__init__(parent)
        self._mode = mode
        self._hint = hint
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip("\n".join(t for t in (text, self._hint) if t))

    def set_hint(self, hint: str) -> None:
        self._hint = hint
        self.setText(self.text())

    def shortened(self) -> bool:
        """Whether it is drawn shortened now."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()[:2] + "…"), super().sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), self._mode, rect.width())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.style().drawItemText(
            painter, rect, int(align), option.palette, self.isEnabled(), shown,
            self.foregroundRole(),
        )  # fmt: skip
