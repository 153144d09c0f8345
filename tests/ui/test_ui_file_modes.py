"""The window settings file (desk.ini) is its user's only once saved."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.ui.main_window import ui_settings


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_window_settings_are_saved_0600(clerk_window) -> None:
    clerk_window.save_state()
    assert stat.S_IMODE(Path(ui_settings().fileName()).stat().st_mode) == 0o600
