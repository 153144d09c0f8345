"""What the self-test's checks share: the run (scratch folder, Qt application, earlier
results), and the marker of an area not built yet."""

from __future__ import annotations

import importlib
import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NOT_YET = "跳过（尚未实现）"
DEMO_PERIOD = "2026-11"  # the demo ledger's latest reported month (its clock: 2026-11-28)


class NotYet(Exception):
    """The area this check exercises does not exist in this build yet."""


@dataclass
class Run:
    """What the checks share: a scratch folder, the Qt application, results of earlier checks."""

    folder: Path
    verbose: bool = False
    app: Any = None
    ledger: Any = None
    pdf: Path | None = None
    pdf_pages: int = 0
    document: Any = None  # the circular laid out by 公文排版, written again as OFD
    actor: Any = None  # who 登录 signed in as; the main window opens for them
    notes: list[str] = field(default_factory=list)

    def qt(self) -> Any:
        """The QApplication, created on first use (offscreen when there is no display)."""
        if self.app is None:
            from desktop.cli.gui_cmds import has_display

            if not has_display():
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
            from PySide6.QtWidgets import QApplication

            self.app = QApplication.instance() or QApplication(["duban-self-test"])
        return self.app


def optional(module: str) -> Any:
    """Import an area's module, or raise NotYet when that area has not been written yet."""
    try:
        found = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        found = None
    if found is None:
        raise NotYet(module)
    return importlib.import_module(module)
