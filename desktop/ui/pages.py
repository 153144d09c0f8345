"""Which pages the window has (navigation label, icon, screenshot name), and which menu items,
page buttons and status-bar widgets each area adds: plain lists, read in this one file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.services.auth import Permission
from desktop.ui.actions import ActionSpec
from desktop.ui.admin import actions as admin_actions
from desktop.ui.admin.users_page import UsersPage
from desktop.ui.archive import actions as archive_actions
from desktop.ui.assessment.page import AssessmentPage
from desktop.ui.dashboard.page import DashboardPage
from desktop.ui.desk import Desk
from desktop.ui.excel import actions as excel_actions
from desktop.ui.excel import ledger_wizard
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

# 文件 menu items, in order.
FILE_ACTIONS: list[ActionSpec] = [
    *excel_actions.FILE_ACTIONS,
    ledger_wizard.FILE_ACTION,
    *archive_actions.FILE_ACTIONS,
    *admin_actions.FILE_ACTIONS,
]

# Extra title-bar buttons per page key.
PAGE_ACTIONS: dict[str, list[ActionSpec]] = {
    "reports": excel_actions.REPORTS_ACTIONS,
    "tasks": [*excel_actions.TASKS_ACTIONS, ledger_wizard.TASKS_ACTION],
}

# Status-bar widgets: each is called with the window and returns a QWidget.
STATUS_WIDGETS: list[Callable[[MainWindow], QWidget]] = [archive_actions.backup_reminder]


def spec_of(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)
