"""The window's start (desktop.ui.app.run): the sign-in is painted before the ledger opens, OK
waits for it, then the clerk signs in and the main window opens (issue 11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from desktop.ui import app as desk_app
from desktop.ui.auth.sign_in import SignInDialog


def test_sign_in_shows_before_the_ledger_opens_then_opens_the_window(
    demo_ledger, clock, qapp, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DUBAN_LOG_DIR", str(tmp_path / "logs"))
    seen: dict[str, object] = {}
    attach = SignInDialog.attach

    def attached(dialog: SignInDialog, ledger) -> None:  # type: ignore[no-untyped-def]
        seen["visible before the ledger"] = dialog.isVisible()
        dialog.accept()  # Enter before the ledger is there: nothing happens
        seen["ledger opened"] = dialog.ledger is None and dialog.isVisible()
        attach(dialog, ledger)
        dialog.username.setText("clerk")
        dialog.password.setText("duban-clerk")
        dialog.accept()

    shown = desk_app.show_main_window

    def show(*args, **kwargs):  # type: ignore[no-untyped-def]
        window = shown(*args, **kwargs)
        seen["actor"] = window.desk.actor.username
        QTimer.singleShot(0, window.close)
        return window

    monkeypatch.setattr(SignInDialog, "attach", attached)
    monkeypatch.setattr(desk_app, "show_main_window", show)
    assert desk_app.run(str(demo_ledger.path), clock) == 0
    assert seen == {"visible before the ledger": True, "ledger opened": True, "actor": "clerk"}


def test_a_ledger_in_use_closes_the_sign_in_with_the_reason(
    demo_ledger, clock, qapp, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DUBAN_LOG_DIR", str(tmp_path / "logs"))
    warned: list[str] = []
    monkeypatch.setattr(desk_app.QMessageBox, "warning", lambda _p, title, _t: warned.append(title))
    from desktop.ui.lock import lock_ledger

    held = lock_ledger(demo_ledger)  # another desk has it
    try:
        assert desk_app.run(str(demo_ledger.path), clock) == 1
    finally:
        if held is not None:
            held.unlock()
    assert warned == ["台账已被打开"]


def test_the_window_paints_before_its_start_page_loads(
    demo_ledger, clock, qapp, qtbot, monkeypatch, tmp_path: Path
) -> None:
    """The clerk sees the window at once after OK; the start page (工作台) fills right after."""
    from PySide6.QtCore import QEvent, QObject, QSettings

    from desktop.services import identity

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setattr("desktop.ui.archive.backups.start_of_day", lambda _window: None)
    with demo_ledger.session() as session:
        actor = identity.sign_in(session, "clerk", "duban-clerk")
    painted: list[bool] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append("dashboard" in window.pages)
            return False

    watch = Watch()
    from desktop.ui.main_window import MainWindow

    fitted = MainWindow.show_fitted

    def show_fitted(self: MainWindow) -> None:
        self.installEventFilter(watch)
        fitted(self)

    monkeypatch.setattr(MainWindow, "show_fitted", show_fitted)
    window = desk_app.show_main_window(demo_ledger, clock, actor)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "dashboard" in window.pages and not window.pages["dashboard"].stale)
    assert painted == [False]  # the first paint came before the page was built
    assert window.nav.currentItem().toolTip() == "工作台"  # (icons alone if narrow)
    assert window.stack.currentWidget() is window.pages["dashboard"]
    from desktop.ui import chain_banner

    qtbot.waitUntil(lambda: not chain_banner._running, timeout=20000)


def test_modules_imported_after_pyside_keep_no_source_lines(tmp_path: Path, monkeypatch) -> None:
    """PySide6 reads each newly imported module's source to see whether it uses PySide6; the
    desk keeps that check but not the lines (20 MB of the cold start's peak, issue 11)."""
    import linecache

    from shibokensupport import feature  # type: ignore[import-not-found]

    assert getattr(feature._mod_uses_pyside, "forgets_lines", False)  # by `import desktop.ui`
    (tmp_path / "uses_qt_here.py").write_text("import PySide6\nVALUE = 1\n", encoding="utf-8")
    (tmp_path / "plain_here.py").write_text("VALUE = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    lines_before = len(linecache.cache)

    assert __import__("uses_qt_here").VALUE == 1  # `import`, which PySide6's hook sees
    assert __import__("plain_here").VALUE == 2

    assert str(tmp_path / "uses_qt_here.py") not in linecache.cache
    assert len(linecache.cache) <= lines_before
    assert feature.pyside_feature_dict["uses_qt_here"] == 0  # PySide6's own verdict, unchanged
    assert feature.pyside_feature_dict["plain_here"] == -1
