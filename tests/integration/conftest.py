"""Command-line tests: writing verbs sign in, as the demo's 科员 unless a test says otherwise."""

from __future__ import annotations

import pytest

CLERK = ["--user", "clerk"]


@pytest.fixture(autouse=True)
def clerk_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
