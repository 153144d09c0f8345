"""设置 (placeholder while it is built)."""

from __future__ import annotations

from desktop.ui.i18n import tr
from desktop.ui.page import Page


class SettingsPage(Page):
    def __init__(self, desk, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__(desk, window, tr("设置"))

    def refresh(self) -> None:
        pass
