"""The main window: navigation on the left, pages in a stack, menus, status bar, remembered state."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QResizeEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.files import tighten
from desktop.services.overview import TaskFilter
from desktop.ui import pages as registry
from desktop.ui.actions import bound
from desktop.ui.auth import idle_lock
from desktop.ui.auth.account_watch import AccountWatch
from desktop.ui.calls import Job, Progress, run_in_background
from desktop.ui.desk import Desk
from desktop.ui.errors import log_path
from desktop.ui.i18n import LANGUAGES, current_language, install_translations, save_language, tr
from desktop.ui.navigation import Navigation
from desktop.ui.page import Page
from desktop.ui.status_bar import build_status_bar
from desktop.ui.unsaved import EditHolder, keep_for_later, settle

MAXIMISE_BELOW = 1440  # px of available screen width
_windows: list[MainWindow] = []  # windows built by a language switch, kept alive until closed
ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"


def ui_settings() -> QSettings:
    """Window state lives in an INI file per user (tests point QSettings.setPath at a temp dir)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "duban", "desk")


def icon(name: str) -> QIcon:
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


class PageStack(QStackedWidget):
    """Sized by the page shown, not by the widest page ever opened (the window scrolls a page
    that does not fit; the others should not make it scroll)."""

    def sizeHint(self) -> QSize:  # noqa: N802
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        # The scroll area asks this when a page has wrapping labels. QStackedLayout answered
        # with the tallest page ever opened (every page then scrolled by 公文's height), and a
        # page's own layout with its preferred height: the page is given what it needs at
        # least at this width, so it scrolls only when it cannot be squeezed any further.
        current = self.currentWidget()
        if current is None:
            return super().heightForWidth(width)
        layout = current.layout()
        if layout is None or not layout.hasHeightForWidth():
            return -1
        return layout.totalMinimumHeightForWidth(width)


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, remember: bool = True) -> None:
        super().__init__()
        self.desk = desk
        self.remember = remember
        self.pages: dict[str, Page] = {}
        self.specs = [s for s in registry.PAGES if s.allowed(desk)]
        # Qt appends " — 督办台" (the display name) to a title that does not end with it (xcb,
        # Windows): "督办台 — path" was shown as "督办台 — path — 督办台".
        self.setWindowTitle(tr("{place} — 督办台").format(place=desk.location))
        # Small enough for 1024×768, and for 150 % scaling on 1366×768 (910×512 logical):
        # pages scroll and their toolbars wrap rather than push the window past the screen.
        self.setMinimumSize(QSize(640, 420))
        self.maximize_at_start = False
        self.nav = Navigation()
        for spec in self.specs:
            if spec.in_nav:
                self.nav.add_page(spec.key, icon(spec.icon), tr(spec.label))
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.stack = PageStack()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.stack)
        self.page_scroll = scroll
        row.addWidget(scroll, 1)
        outer = QWidget()
        column = QVBoxLayout(outer)  # banners (desktop/ui/chain_banner.py) go above the pages
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(central, 1)
        self.setCentralWidget(outer)
        self.undo_group = QUndoGroup(self)
        self._build_menus()
        build_status_bar(self)
        self.current_key = ""
        self._restore()
        self.idle_lock = idle_lock.install(self)  # 安全管理员's idle time; tests set it short
        self.account_watch = AccountWatch(self)  # role, state and idle time read again
        self.next_window: MainWindow | None = None  # the one a 切换用户 opened
        self.signed_in = True  # False while the idle lock has signed the user out

    # --- navigation -----------------------------------------------------------------------

    def page(self, key: str) -> Page:
        if key not in self.pages:
            spec = registry.spec_of(key)
            page = spec.factory(self.desk, self)
            for action in registry.PAGE_ACTIONS.get(key, []):
                page.add_button(
                    tr(action.label), bound(action.run, self), action.permission, action.shortcut
                )
            self.pages[key] = page
            self.stack.addWidget(page)
            self._restore_table(key, page)
        return self.pages[key]

    def _tables(self, key: str, page: Page) -> list[tuple[str, QTableView]]:
        """(settings key, table): the page's main table, then its other named tables."""
        base = f"tables/{self.desk.actor.username}/{key}"  # per user: widths, order, sort
        main = page.view_table()
        found = [(base, main)] if main is not None else []
        for table in page.findChildren(QTableView):
            if table is not main and table.objectName():
                found.append((f"{base}/{table.objectName()}", table))
        return found

    def _filters_key(self, key: str) -> str:
        return f"filters/{self.desk.actor.username}/{key}"

    def _restore_table(self, key: str, page: Page) -> None:
        """Widths, order, sort and filters as this user left them (before the page loads)."""
        if not self.remember:
            return
        settings = ui_settings()
        for name, table in self._tables(key, page):
            state = settings.value(name)
            if isinstance(state, QByteArray | bytes):
                table.horizontalHeader().restoreState(state)
        filters = settings.value(self._filters_key(key))
        if isinstance(filters, str) and filters:
            try:
                state = json.loads(filters)
            except ValueError:
                return  # a hand-edited settings file: start unfiltered
            if isinstance(state, dict):
                page.restore_filters(state)

    def _save_tables(self, settings: QSettings) -> None:
        for key, page in self.pages.items():
            for name, table in self._tables(key, page):
                settings.setValue(name, table.horizontalHeader().saveState())
            filters = page.filter_state()
            if filters:
                settings.setValue(self._filters_key(key), json.dumps(filters, ensure_ascii=False))

    def show_page(self, key: str) -> Page:
        """Show a page; the one being left is settled first (保存 / 不保存 / 取消). After 取消 the
        current page stays and is returned."""
        leaving = self.pages.get(self.current_key)
        if leaving is not None and key != self.current_key and not self._may_leave(leaving):
            self.select_nav(self.current_key)
            return leaving
        page = self.page(key)
        self.current_key = key
        self.stack.setCurrentWidget(page)
        if page.undo_stack is not None and page.undo_stack not in self.undo_group.stacks():
            self.undo_group.addStack(page.undo_stack)
        self.undo_group.setActiveStack(page.undo_stack)  # type: ignore[arg-type]
        page.ensure_fresh()
        self.select_nav(key)
        return page

    def _may_leave(self, page: Page) -> bool:
        return settle(self, [page], tr("离开“{page}”").format(page=page.title_label.text()))

    def select_nav(self, key: str) -> None:
        """Mark the page's entry in the navigation list, without showing the page."""
        nav_key = "tasks" if key == "task" else key
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == nav_key and self.nav.currentRow() != row:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(row)
                self.nav.blockSignals(False)

    def _nav_changed(self, item: QListWidgetItem | None, _previous: Any) -> None:
        if item is not None:
            self.show_page(item.data(Qt.ItemDataRole.UserRole))

    def open_task_ledger(self, flt: TaskFilter = TaskFilter()) -> None:  # noqa: B008
        """Show the task ledger with a filter (a dashboard number or bar was clicked)."""
        page = self.show_page("tasks")
        page.apply_filter(flt)  # type: ignore[attr-defined]

    def open_task(self, task_id: int) -> None:
        if self.current_key != "task" and not self.settle_unsaved(
            tr("打开任务"), current_only=True
        ):
            return
        page = self.page("task")
        page.show_task(task_id)  # type: ignore[attr-defined]
        self.show_page("task")

    # --- unsaved edits ------------------------------------------------------------------------

    def unsaved_holders(self) -> list[Any]:
        """Every page, then every open dialog, that implements unsaved.EditHolder."""
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not self and isinstance(w, EditHolder)
        ]
        return [*self.pages.values(), *dialogs]

    def settle_unsaved(self, doing: str, current_only: bool = False) -> bool:
        """Before anything that would drop typed work (close, F5, sign-out, idle lock, …): ask
        保存 / 不保存 / 取消 about every page and open dialog holding unsaved edits.

        ``doing`` names the step in the question, e.g. tr("退出登录"). True: go on (all saved or
        discarded, or nothing was unsaved). False: the clerk chose 取消 or a save failed (its
        error was shown) — leave everything as it is. ``current_only`` asks about the page
        shown (and open dialogs) only.
        """
        holders = self.unsaved_holders()
        if current_only:
            current = self.pages.get(self.current_key)
            holders = [h for h in holders if h is current or h not in self.pages.values()]
        return settle(self, holders, doing)

    def reload(self) -> None:
        """F5: reload every page from the ledger, after settling unsaved edits."""
        if self.settle_unsaved(tr("刷新")):
            self.data_changed()

    # --- the ledger changed -----------------------------------------------------------------

    def data_changed(self) -> None:
        """After any write: every page reloads, the visible one now, the others when shown."""
        watch = getattr(self, "account_watch", None)  # None while the window is being built
        if watch is not None and watch.check():
            return  # the session ended: this window goes
        self.desk.generation += 1
        for page in self.pages.values():
            page.stale = True
        current = self.stack.currentWidget()
        if isinstance(current, Page):
            current.ensure_fresh()

    def run_task(
        self,
        label: str,
        work: Callable[[Progress], Any],
        done: Callable[[Any], None] | None = None,
        refresh: bool = True,
        failed: Callable[[BaseException], None] | None = None,
        quiet: bool = False,
    ) -> Job:
        """A service call off the GUI thread (``quiet``: no dialog), then every page reloads."""
        return run_in_background(
            self, label, work, done, self.data_changed if refresh else None, failed, quiet
        )

    # --- menus and status bar -----------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("文件(&F)"))
        for item in registry.FILE_ACTIONS:
            action = file_menu.addAction(tr(item.label), bound(item.run, self))
            if item.shortcut:
                action.setShortcut(QKeySequence(item.shortcut))
            action.setEnabled(self.desk.can(item.permission))
        if registry.FILE_ACTIONS:
            file_menu.addSeparator()
        quit_action = file_menu.addAction(tr("退出(&X)"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.file_menu = file_menu

        edit = bar.addMenu(tr("编辑(&E)"))
        undo = self.undo_group.createUndoAction(self, tr("撤销"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, tr("重做"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(QKeySequence.StandardKey.Redo)])
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        copy = edit.addAction(tr("复制选中行"), self._copy)
        copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
        find = edit.addAction(tr("查找任务…"), self._find)
        find.setShortcut(QKeySequence.StandardKey.Find)
        search_action = edit.addAction(tr("全文检索…"), self.open_search)
        search_action.setShortcut(QKeySequence("Ctrl+Shift+F"))

        view = bar.addMenu(tr("视图(&V)"))
        n = 0
        for spec in self.specs:
            if spec.in_nav:
                n += 1
                action = view.addAction(icon(spec.icon), tr(spec.label))
                action.triggered.connect(bound(self.show_page, spec.key))
                if n <= 9:
                    action.setShortcut(QKeySequence(f"Ctrl+{n}"))
        view.addSeparator()
        reload_action = view.addAction(tr("刷新"), self.reload)
        reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        languages = view.addMenu(tr("界面语言（Language）"))
        for code, name in LANGUAGES.items():  # each language named in itself
            choice = languages.addAction(name, bound(self.switch_language, code))
            choice.setCheckable(True)
            choice.setChecked(code == current_language())

        help_menu = bar.addMenu(tr("帮助(&H)"))
        manual = help_menu.addAction(tr("本页使用说明"), self._page_help)
        manual.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        help_menu.addAction(tr("快捷键"), self._shortcuts)
        help_menu.addSeparator()
        help_menu.addAction(tr("关于督办台"), self._about)
        help_menu.addAction(tr("日志文件位置"), self._show_log)
        help_menu.addAction(tr("导出诊断信息…"), self._export_diagnostics)

    def _copy(self) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QTableView) and hasattr(focus, "copy_selection"):
            focus.copy_selection()

    def _find(self) -> None:
        page = self.show_page("tasks")
        page.focus_search()  # type: ignore[attr-defined]

    def open_search(self) -> None:
        """The search box over the whole record (one dialog, kept between uses)."""
        from desktop.ui.search.dialog import SearchDialog

        if getattr(self, "search_dialog", None) is None:
            self.search_dialog = SearchDialog(self)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.box.setFocus()
        self.search_dialog.box.selectAll()

    def _page_help(self) -> None:
        from desktop.ui.help import show_page_help

        show_page_help(self)

    def _shortcuts(self) -> None:
        from desktop.ui.help import show_shortcuts

        show_shortcuts(self)

    def _about(self) -> None:
        from desktop.ui.admin.actions import show_about

        show_about(self)

    def _export_diagnostics(self) -> None:
        from desktop.ui.admin.diagnostics import export_diagnostics

        export_diagnostics(self)

    def _show_log(self) -> None:
        QMessageBox.information(self, tr("日志文件位置"), str(log_path()))

    def switch_language(self, language: str) -> MainWindow:
        """Menus, pages and dialogs in the other language: the window is built anew in it (on the
        same desk and page), Qt's own dialogs follow through qtbase_<lang>.qm."""
        save_language(language)
        app = QApplication.instance()
        if app is not None:
            install_translations(app, language)
        if self.remember:
            self.save_state()
        replacement = MainWindow(self.desk, self.remember)
        replacement.setGeometry(self.geometry())
        key = "tasks" if self.current_key == "task" else self.current_key or "dashboard"
        replacement.show_page(key)
        replacement.show()
        _windows.append(replacement)
        self.remember = False  # its state was saved above; the replacement's is what counts
        self.close()
        self.deleteLater()
        if self in _windows:
            _windows.remove(self)
        return replacement

    # --- remembered state ---------------------------------------------------------------------

    def _restore(self) -> None:
        settings = ui_settings()
        geometry = settings.value("window/geometry")
        if self.remember and isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
            self.clip_to_screen()
        else:
            self.first_size()
        key = str(settings.value("window/page", "dashboard")) if self.remember else "dashboard"
        if key not in {s.key for s in self.specs if s.in_nav}:
            key = "dashboard"
        self.start_key = key

    def _screen_area(self) -> QRect:
        screen = QGuiApplication.screenAt(self.geometry().center()) or self.screen()
        return screen.availableGeometry()

    def first_size(self) -> None:
        """First start: the available screen area; maximised on screens narrower than 1440."""
        area = self._screen_area()
        if area.width() < MAXIMISE_BELOW:
            self.maximize_at_start = True
            self.setGeometry(area)
            return
        size = QSize(min(1600, area.width() * 9 // 10), min(1000, area.height() * 9 // 10))
        self.resize(size)
        self.move(area.center() - QRect(QPoint(0, 0), size).center())

    def clip_to_screen(self) -> None:
        """A remembered geometry from a bigger screen (or a second monitor gone) is made to fit."""
        area, frame = self._screen_area(), self.frameGeometry()
        if area.contains(frame):
            return
        width = min(frame.width(), area.width())
        height = min(frame.height(), area.height())
        extra = frame.size() - self.size()  # the window manager's title bar and borders
        self.resize(max(width - extra.width(), 1), max(height - extra.height(), 1))
        x = min(max(frame.x(), area.x()), area.right() - width + 1)
        y = min(max(frame.y(), area.y()), area.bottom() - height + 1)
        self.move(x, y)

    def show_fitted(self) -> None:
        if self.maximize_at_start:
            self.showMaximized()
        else:
            self.show()

    def save_state(self) -> None:
        settings = ui_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        key = "tasks" if self.current_key == "task" else self.current_key
        settings.setValue("window/page", key or "dashboard")
        self._save_tables(settings)
        settings.sync()
        tighten(Path(settings.fileName()))  # the user's settings are theirs only (0600)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.nav.fit(event.size().width())  # icons alone in a narrow window
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.signed_in:
            # Quit at the idle lock: nobody may save (or throw away) now. What keeps a copy
            # keeps it, offered back at the next sign-in; the lock asked about the rest.
            keep_for_later(self.unsaved_holders())
        elif not self.settle_unsaved(tr("关闭窗口")):
            event.ignore()
            return
        if self.remember:
            self.save_state()
        super().closeEvent(event)
