"""UI fixtures: QSettings in a temp folder, the demo ledger signed in as clerk or leader, a window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from desktop.services import identity
from desktop.services.ledger import Ledger
from desktop.ui.app import create_app
from desktop.ui.desk import Desk
from desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def ui_settings_dir(tmp_path: Path) -> Path:
    """Never touch the real user's window state."""
    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


class Answers(list):  # type: ignore[type-arg]
    asked: list[tuple[str, list[str]]]

    def __init__(self) -> None:
        super().__init__()
        self.asked = []


@pytest.fixture(autouse=True)
def unsaved_answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """The 保存 / 不保存 / 取消 question never blocks: a test queues answers here (unsaved.Choice);
    with none queued the answer is 不保存 (a window closed at teardown). Each question asked is
    appended to ``unsaved_answers.asked``."""
    from desktop.ui import unsaved

    answers = Answers()

    def answer(_parent: object, doing: str, descriptions: list[str]) -> object:
        answers.asked.append((doing, list(descriptions)))
        return answers.pop(0) if answers else unsaved.Choice.DISCARD

    monkeypatch.setattr(unsaved, "ask", answer)
    return answers


@pytest.fixture(autouse=True)
def confirmations(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Confirmations before irreversible steps and batches (desktop/ui/confirm.py): answered
    确定 unless a test queues False; each question with its listed items lands in ``asked``."""
    from desktop.ui import confirm

    answers = Answers()

    def answer(_parent: object, _title: str, question: str, items: object = ()) -> bool:
        answers.asked.append((question, list(items)))  # type: ignore[call-overload]
        return bool(answers.pop(0)) if answers else True

    monkeypatch.setattr(confirm, "confirm", answer)
    return answers


@pytest.fixture(autouse=True)
def automatic_gc_after_the_test() -> Iterator[None]:
    """A test that opened a window through app.show_main_window leaves the process's garbage
    collection as CPython has it (desktop/ui/idle.py turns the automatic full ones off)."""
    yield
    from desktop.ui import idle

    work = idle.installed()
    if work is not None:
        work.uninstall()


@pytest.fixture(autouse=True)
def no_autosave_offers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy left by an earlier window of the same test is never offered back unasked."""
    from desktop.ui import autosave

    monkeypatch.setattr(autosave, "offer", lambda *_a: False)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes never block a test: they are recorded here instead."""
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *a: object, **k: object) -> int:
        shown.append(text)
        return int(QMessageBox.StandardButton.Ok)

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def _desk(ledger: Ledger, clock, username: str) -> Desk:  # type: ignore[no-untyped-def]
    with ledger.session() as session:
        actor = identity.sign_in(session, username, f"duban-{username}")
    return Desk(ledger, clock, actor)


@pytest.fixture
def clerk_window(qtbot, demo_ledger: Ledger, clock, messages) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    create_app()
    window = MainWindow(_desk(demo_ledger, clock, "clerk"))
    qtbot.addWidget(window)
    window.show_page("dashboard")
    window.show()
    yield window


@pytest.fixture
def admin_window(qtbot, demo_ledger: Ledger, clock, messages) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    create_app()
    window = MainWindow(_desk(demo_ledger, clock, "admin"))
    qtbot.addWidget(window)
    yield window


@pytest.fixture
def leader_window(qtbot, demo_ledger: Ledger, clock, messages) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    create_app()
    window = MainWindow(_desk(demo_ledger, clock, "leader"))
    qtbot.addWidget(window)
    window.show_page("dashboard")
    window.show()
    yield window


@pytest.fixture
def window_as(qtbot, demo_ledger: Ledger, clock, messages):  # type: ignore[no-untyped-def]
    """A main window on the demo ledger signed in as any demo account (admin, security, …)."""

    def make(username: str) -> MainWindow:
        create_app()
        window = MainWindow(_desk(demo_ledger, clock, username), remember=False)
        qtbot.addWidget(window)
        window.show()
        return window

    return make
