"""Idle work after sign-in (desktop/ui/idle.py): full garbage collections wait for a pause and
never run beside a background job; the page opened most is built ahead once the start page
has filled."""

from __future__ import annotations

import gc
import sys
import weakref
from pathlib import Path

import pytest


class Node:
    me: object = None


@pytest.fixture
def signed_in(demo_ledger, clock, qapp, qtbot, monkeypatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from desktop.services import identity
    from desktop.ui import app as desk_app
    from desktop.ui import idle

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setattr("desktop.ui.archive.backups.start_of_day", lambda _window: None)
    with demo_ledger.session() as session:
        actor = identity.sign_in(session, "clerk", "duban-clerk")
    window = desk_app.show_main_window(demo_ledger, clock, actor)
    qtbot.addWidget(window)
    work = idle.installed()
    assert work is not None
    work.timer.stop()  # the tests tick by hand
    qtbot.waitUntil(lambda: "dashboard" in window.pages and not window.pages["dashboard"].stale)
    from desktop.ui import chain_banner

    yield window
    qtbot.waitUntil(lambda: not chain_banner._running, timeout=20000)


def test_after_sign_in_collections_wait_for_pauses_and_never_run_beside_a_job(
    signed_in, monkeypatch
) -> None:
    from desktop.ui import idle

    work = idle.installed()
    assert work is not None
    assert gc.get_threshold()[2] == idle.NEVER  # no automatic full collection
    assert gc.get_freeze_count() > 0  # the modules and the window are out of every walk
    assert sys.getswitchinterval() == pytest.approx(idle.SWITCH_S)  # the GUI thread's turn
    node = Node()
    node.me = node  # a cycle, alive at the next pause
    ref = weakref.ref(node)
    gc.collect(1)  # what the young collections keep moves on, as allocations make it do
    frozen = gc.get_freeze_count()
    monkeypatch.setattr(idle, "seconds_since_input", lambda: 0.2)  # the clerk is typing
    work.tick()
    assert gc.get_freeze_count() == frozen
    monkeypatch.setattr(idle, "seconds_since_input", lambda: 5.0)
    monkeypatch.setattr(idle, "busy", lambda: True)  # a job runs in a worker
    work.tick()
    assert gc.get_freeze_count() == frozen
    monkeypatch.setattr(idle, "busy", lambda: False)
    work.tick()  # a pause: what lived through it is frozen, nothing walked
    assert gc.get_freeze_count() > frozen and work.sweeps == 0
    del node
    gc.collect()
    assert ref() is not None  # frozen: no collection walks it
    monkeypatch.setattr(idle, "busy", lambda: True)
    monkeypatch.setattr(idle, "seconds_since_input", lambda: idle.LONG_IDLE_S + 1)
    work.tick()
    assert work.sweeps == 0  # not even a long pause walks beside a job
    monkeypatch.setattr(idle, "busy", lambda: False)
    work.tick()  # a long pause: everything walked once, the dropped cycle freed
    assert ref() is None and work.sweeps == 1 and gc.get_freeze_count() > 0
    work.tick()
    assert work.sweeps == 1  # once a long pause
    monkeypatch.setattr(idle, "seconds_since_input", lambda: 0.2)
    work.tick()
    monkeypatch.setattr(idle, "seconds_since_input", lambda: idle.LONG_IDLE_S + 1)
    work.tick()
    assert work.sweeps == 2  # the next long pause walks again
    work.uninstall()
    assert gc.get_threshold()[2] == idle.DEFAULT_FULL and idle.installed() is None
    assert sys.getswitchinterval() == pytest.approx(0.005)


def test_the_page_opened_most_is_built_ahead_at_a_pause_after_the_start_page(
    signed_in, monkeypatch
) -> None:
    from desktop.ui import idle

    window = signed_in
    work = idle.installed()
    assert work is not None

    def tick() -> None:
        work.freeze()  # nothing new to freeze: the tick is free to build a page
        work.tick()

    monkeypatch.setattr(idle, "seconds_since_input", lambda: 0.2)
    tick()
    assert "tasks" not in window.pages  # not while the clerk works
    monkeypatch.setattr(idle, "seconds_since_input", lambda: 5.0)
    tick()
    assert "tasks" in window.pages
    assert window.current_key == "dashboard" and window.pages["tasks"].stale  # built, not read
    assert list(window.pages) == ["dashboard", *idle.PAGES_AHEAD]
    assert not work.build_ahead()  # nothing left to build
    page = window.show_page("tasks")  # opened: it loads now
    assert not page.stale and page.model.total == 37
