"""F1 opens the shown page's 使用说明 (shipped, offline); 帮助 → 快捷键 lists the shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from desktop.ui import help as page_help


def test_f1_shows_the_help_of_the_page_on_screen(clerk_window) -> None:
    clerk_window.show_page("reports")
    manual = next(a for a in clerk_window.findChildren(type(clerk_window.menuBar().actions()[0]))
                  if a.shortcut().toString() == "F1")  # fmt: skip
    manual.trigger()
    dialog = next(w for w in clerk_window.findChildren(QTextBrowser) if w.isVisible())
    assert "进度报送" in dialog.toPlainText() and "Ctrl+V" in dialog.toPlainText()
    for spec in clerk_window.specs:  # every page ships its own text
        assert (page_help.HELP_DIR / f"{spec.key}.html").exists(), spec.key


def test_shortcut_list_has_menu_page_and_table_keys(clerk_window) -> None:
    clerk_window.show_page("tasks")
    keys = dict(page_help.shortcuts(clerk_window))
    assert {"Ctrl+Z", "F5", "F1", "Ctrl+P", "Ctrl+D"} <= set(keys)
    assert page_help.show_shortcuts(clerk_window).isVisible()
