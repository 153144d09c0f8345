"""The page registry: one line per page (navigation label, icon, screenshot name) and the hooks
other areas use to add 文件-menu items and page buttons without editing the main window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.services.auth import Permission
from desktop.ui.admin.users_page import UsersPage
from desktop.ui.assessment.page import AssessmentPage
from desktop.ui.dashboard.page import DashboardPage
from desktop.ui.desk import Desk
from desktop.ui.funds.page import FundsPage
from desktop.ui.interviews.page import InterviewsPage
from desktop.ui.ledger.page import LedgerPage
from desktop.ui.meetings.page import MeetingsPage
from desktop.ui.notices.page import NoticesPage
from desktop.ui.page import Page
from desktop.ui.progress.page import ProgressPage
from desktop.ui.projects.page import ProjectsPage
from desktop.ui.settings.page import SettingsPage
from desktop.ui.supervision.page import SupervisionPage
from desktop.ui.task.page import TaskPage

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable: QSettings' last page and `duban screenshot KEY`
    label: str  # navigation label (Chinese; shown through tr())
    icon: str  # resources/icons/<icon>.svg
    factory: Callable[[Desk, MainWindow], Page]
    in_nav: bool = True
    permission: Permission = Permission.READ  # who may open it


@dataclass(frozen=True)
class ActionSpec:
    """A menu item or page button contributed by another area (Excel import/export, …)."""

    label: str
    run: Callable[[MainWindow], object]
    permission: Permission = Permission.READ
    shortcut: str = ""


PAGES: list[PageSpec] = [
    PageSpec("dashboard", "工作台", "dashboard", DashboardPage),
    PageSpec("projects", "重点工程", "projects", ProjectsPage),
    PageSpec("tasks", "任务台账", "tasks", LedgerPage),
    PageSpec("reports", "进度报送", "reports", ProgressPage),
    PageSpec("funds", "资金", "funds", FundsPage),
    PageSpec("notices", "公文", "notices", NoticesPage),
    PageSpec("supervision", "督办", "supervision", SupervisionPage),
    PageSpec("interviews", "约谈", "interviews", InterviewsPage),
    PageSpec("meetings", "会议", "meetings", MeetingsPage),
    PageSpec("assessment", "考核", "assessment", AssessmentPage),
    PageSpec("settings", "设置", "settings", SettingsPage),
    PageSpec("users", "用户管理", "users", UsersPage, permission=Permission.MANAGE),
    # Opened from the ledger, the dashboard or `screenshot task:<code>`; not in the navigation.
    PageSpec("task", "任务", "tasks", TaskPage, in_nav=False),
]

# 文件 menu items, in order (e.g. ActionSpec("导入进度报送表…", excel_ui.import_reports, EDIT_LEDGER)).
FILE_ACTIONS: list[ActionSpec] = []

# Extra title-bar buttons per page key (e.g. PAGE_ACTIONS["reports"].append(ActionSpec(...))).
PAGE_ACTIONS: dict[str, list[ActionSpec]] = {spec.key: [] for spec in PAGES}


def spec_of(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)


# Excel round trip (desktop/ui/excel): 文件 menu items and 进度报送/任务台账 buttons.
from desktop.ui.excel.actions import register as _register_excel  # noqa: E402

_register_excel(FILE_ACTIONS, PAGE_ACTIONS, ActionSpec)

# First use: import the office's existing ledger spreadsheet (desktop/ui/excel/ledger_wizard).
from desktop.ui.excel.ledger_wizard import register as _register_ledger_wizard  # noqa: E402

_register_ledger_wizard(FILE_ACTIONS, PAGE_ACTIONS, ActionSpec)


# Status-bar widgets from other areas: each is called with the window and returns a QWidget.
STATUS_WIDGETS: list[Callable[[MainWindow], object]] = []

# Archives and backups (desktop/ui/archive): 文件 menu items and the off-PC backup reminder.
from desktop.ui.archive.actions import register as _register_archive  # noqa: E402

_register_archive(FILE_ACTIONS, STATUS_WIDGETS, ActionSpec)

# The admin area (desktop/ui/admin): 修改密码 for every signed-in user.
from desktop.ui.admin.actions import register as _register_admin  # noqa: E402

_register_admin(FILE_ACTIONS, ActionSpec)
