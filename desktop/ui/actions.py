"""A menu item or page button that an area offers (Excel, archive, admin …); desktop/ui/pages.py
lists which go where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.services.auth import Permission

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


@dataclass(frozen=True)
class ActionSpec:
    label: str  # Chinese source text, marked with QT_TR_NOOP; shown through tr()
    run: Callable[[MainWindow], object]
    permission: Permission = Permission.READ
    shortcut: str = ""
