"""Crash-safe autosave: the progress grid's unsaved lines and a 公文 draft being typed are kept
beside the ledger (owner-only), offered back after a crash, and gone once saved or discarded."""

from __future__ import annotations

import stat
from decimal import Decimal

from desktop.ui import autosave as autosave_ui
from desktop.ui.main_window import MainWindow
from desktop.ui.progress.model import PERCENT


def test_progress_lines_survive_a_crash(clerk_window, qtbot, monkeypatch) -> None:
    page = clerk_window.show_page("reports")
    unit = next(u for u in page.units.rows if u.missing)
    page.select_unit(unit.unit_id)
    row = next(i for i, line in enumerate(page.model.lines) if line.grid.report is None)
    task_id = page.model.lines[row].grid.task_id
    assert page.model.setData(page.model.index(row, PERCENT), "77.5")  # the decimal kept too
    assert page.autosaver.timer.isActive()
    page.autosaver.write_now()
    path = next(page.autosaver.folder.glob("*.json"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert str(clerk_window.desk.ledger.path.name) in str(page.autosaver.folder)

    # The program dies (no close, no question); the next start offers the copy back.
    asked: list[str] = []
    monkeypatch.setattr(autosave_ui, "offer", lambda _p, what: asked.append(what) or True)
    again = MainWindow(clerk_window.desk, remember=False)
    qtbot.addWidget(again)
    restored = again.show_page("reports")
    assert asked and "1 项" in asked[0]
    assert restored.unit.currentData() == unit.unit_id
    drafts = {d.task_id: d.percent for d in restored.model.dirty_reports()}
    assert drafts == {task_id: Decimal("77.5")}
    job = restored.save()
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    assert not list(page.autosaver.folder.glob("*.json"))  # saved: no copy left


def test_notice_draft_survives_a_crash(clerk_window, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("关于测试的通知", True))
    page = clerk_window.show_page("notices")
    page.new_notice()
    page.form.body_edit.setPlainText("一、第一段正文")
    assert page.has_unsaved_edits()
    page.autosaver.write_now()
    monkeypatch.setattr(autosave_ui, "offer", lambda _p, _what: True)
    again = MainWindow(clerk_window.desk, remember=False)
    qtbot.addWidget(again)
    restored = again.show_page("notices")
    assert (
        restored.form.body_edit.toPlainText() == "一、第一段正文" and restored.has_unsaved_edits()
    )
    assert restored.current is not None and restored.current.row.title == "关于测试的通知"


def test_a_pages_typed_form_is_kept_and_offered_back_over_the_same_record(
    window_as, qtbot, monkeypatch
) -> None:
    """设置 with a field typed and not saved: signed out at the lock (keep_for_later), the copy
    is written; the next window's 设置 page, showing the same saved values, offers it back."""
    from PySide6.QtWidgets import QLineEdit

    from desktop.ui import autosave
    from desktop.ui.main_window import MainWindow

    def first_field(page):  # type: ignore[no-untyped-def]
        return next(
            e
            for e in page.content.findChildren(QLineEdit)
            if e.isEnabled() and not e.isReadOnly() and e.echoMode() == QLineEdit.EchoMode.Normal
        )

    admin = window_as("admin")
    page = admin.show_page("settings")
    qtbot.wait(10)
    field = first_field(page)
    typed = field.text() + "（未保存）"
    field.setText(typed)
    assert page.has_unsaved_edits() and page.keep_for_later()

    offered: list[str] = []
    monkeypatch.setattr(autosave, "offer", lambda _p, what: offered.append(what) or True)
    again = MainWindow(admin.desk, remember=False)
    qtbot.addWidget(again)
    restored = again.show_page("settings")
    qtbot.waitUntil(lambda: bool(offered), timeout=2000)
    assert "设置" in offered[0]
    assert first_field(restored).text() == typed and restored.has_unsaved_edits()


def test_a_hidden_pages_form_stops_its_timer_and_keeps_a_last_copy(window_as, qtbot) -> None:
    """设置 shown: its copy's timer runs; another page current: it stops; back: it runs again.
    With a field typed and the window hidden, the last copy is written as it hides."""
    from PySide6.QtWidgets import QLineEdit

    admin = window_as("admin")
    admin.show()
    qtbot.waitExposed(admin)
    page = admin.show_page("settings")
    qtbot.wait(10)
    copy = page._forms[0].copy
    assert copy is not None and copy.timer.isActive()
    admin.show_page("dashboard")  # nothing typed: no question on the way
    qtbot.waitUntil(lambda: not copy.timer.isActive(), timeout=2000)
    assert admin.show_page("settings") is page
    qtbot.waitUntil(copy.timer.isActive, timeout=2000)

    field = next(
        e for e in page.content.findChildren(QLineEdit) if e.isEnabled() and not e.isReadOnly()
    )
    field.setText(field.text() + "（未保存）")
    assert not copy.saver.left_over()
    admin.hide()
    qtbot.waitUntil(lambda: copy.saver.left_over() is not None, timeout=2000)
    assert not copy.timer.isActive()
