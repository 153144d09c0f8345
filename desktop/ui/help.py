"""F1: a short 使用说明 for the page on screen, shipped with the program (resources/help, offline),
and 帮助 → 快捷键: every shortcut of the window's menus and of the page shown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDialog, QTextBrowser, QVBoxLayout, QWidget

from desktop.ui.i18n import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

HELP_DIR = Path(__file__).resolve().parents[2] / "resources" / "help"
# Keys of spreadsheet tables and of the grid, which no menu item carries.
TABLE_KEYS = (
    ("Ctrl+C / Ctrl+V", QT_TR_NOOP("复制 / 粘贴（可与 Excel、WPS 互相复制整块）")),
    ("Ctrl+D", QT_TR_NOOP("向下填充")),
    ("Delete", QT_TR_NOOP("清除选中的格")),
    ("Enter / Tab", QT_TR_NOOP("向下 / 向右")),
    ("Ctrl+Z / Ctrl+Y", QT_TR_NOOP("撤销 / 重做")),
    ("F1", QT_TR_NOOP("本页使用说明")),
    ("F5", QT_TR_NOOP("刷新（有未保存的修改先询问）")),
)


def help_html(key: str) -> str:
    path = HELP_DIR / f"{'tasks' if key == '' else key}.html"
    if not path.exists():
        path = HELP_DIR / "dashboard.html"
    return path.read_text(encoding="utf-8")


def _dialog(parent: QWidget, title: str, html: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    view = QTextBrowser()
    view.setOpenExternalLinks(False)
    view.setHtml(html)
    QVBoxLayout(dialog).addWidget(view)
    dialog.resize(560, 420)
    dialog.open()
    return dialog


def show_page_help(window: MainWindow) -> QDialog:
    return _dialog(window, tr("使用说明"), help_html(window.current_key))


def shortcuts(window: MainWindow) -> list[tuple[str, str]]:
    """(keys, what) for the menus' actions, the shown page's buttons and the tables' keys."""
    found: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString()
        if keys and action.text():
            found.append((keys, action.text().replace("&", "")))
    page = window.pages.get(window.current_key)
    if page is not None:
        for button in page.findChildren(QAbstractButton):
            keys = button.shortcut().toString()
            if keys and button.text():
                found.append((keys, button.text()))
    found += [(k, tr(v)) for k, v in TABLE_KEYS]
    return sorted(set(found))


def show_shortcuts(window: MainWindow) -> QDialog:
    rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in shortcuts(window))
    html = f"<h3>{tr('快捷键')}</h3><table cellpadding='4'>{rows}</table>"
    return _dialog(window, tr("快捷键"), html)
