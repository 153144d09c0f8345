"""The Qt user interface: the only package that imports PySide6."""

from desktop.ui.source_lines import forget_after_check

forget_after_check()
