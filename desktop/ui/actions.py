"""A menu item or page button that an area offers (Excel, archive, admin …); desktop/ui/pages.py
lists which go where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.services.auth import Permission

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def bound(fn: Callable[..., object], *args: object) -> Callable[[], None]:
    """A slot taking no arguments that calls ``fn(*args)``: Qt hands a menu item's slot a
    ``checked`` flag, which a lambda default or functools.partial would take as an argument."""

    def slot() -> None:
        fn(*args)

    return slot


@dataclass(frozen=True)
class ActionSpec:
    label: str  # Chinese source text, marked with QT_TR_NOOP; shown through tr()
    run: Callable[[MainWindow], object]
    permission: Permission = Permission.READ
    shortcut: str = ""
