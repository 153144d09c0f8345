"""A form built from a settings dataclass: one widget per field, typed by the field's value."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.ui.i18n import tr


class DataclassForm:
    """Rows for the dataclass fields named in ``labels`` (others are kept as they were)."""

    def __init__(
        self,
        layout: QFormLayout,
        value: Any,
        labels: dict[str, str],
        editable: bool,
        choices: dict[str, dict[str, str]] | None = None,
    ) -> None:
        """``choices``: field → {stored value: label (QT_TR_NOOP)}, shown as a drop-down."""
        self.original = value
        choices = choices or {}
        self.widgets: dict[str, QWidget] = {}
        for f in fields(value):
            if f.name not in labels:
                continue
            current = getattr(value, f.name)
            widget: QWidget
            if not isinstance(current, bool | int | float | str):
                continue
            if f.name in choices:
                widget = QComboBox()
                for stored, label in choices[f.name].items():
                    widget.addItem(tr(label), stored)
                widget.setCurrentIndex(max(0, widget.findData(current)))
            elif isinstance(current, bool):  # before int: a bool is an int too
                widget = QCheckBox()
                widget.setChecked(current)
            elif isinstance(current, int):
                widget = QSpinBox()
                widget.setRange(0, 1000)
                widget.setValue(current)
            elif isinstance(current, float):
                widget = QDoubleSpinBox()
                widget.setRange(0, 1000)
                widget.setDecimals(1)
                widget.setValue(current)
            else:
                widget = QLineEdit(current)
            widget.setEnabled(editable)
            layout.addRow(tr(labels[f.name]), widget)
            self.widgets[f.name] = widget

    def value(self) -> Any:
        changes: dict[str, Any] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QComboBox):
                changes[name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                changes[name] = widget.isChecked()
            elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                changes[name] = widget.value()
            elif isinstance(widget, QLineEdit):
                changes[name] = widget.text().strip()
        return replace(self.original, **changes)
