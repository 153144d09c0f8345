"""Which pages the window has (navigation label, icon, screenshot name), and which menu items,
page buttons and status-bar widgets each area adds: plain lists, read in this one file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.services.auth import Permission
from desktop.ui import view_export
from desktop.ui.actions import ActionSpec
from desktop.ui.admin import actions as admin_actions
from desktop.ui.archive import actions as archive_actions
from desktop.ui.archive import backups
from desktop.ui.auth import session_actions
from desktop.ui.desk import Desk
from desktop.ui.excel import actions as excel_actions
from desktop.ui.excel import ledger_wizard
from desktop.ui.i18n import QT_TR_NOOP
from desktop.ui.page import Page

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
    or_permission: Permission | None = None  # …or who else (用户管理: 系统管理员 and 安全管理员)

    def allowed(self, desk: Desk) -> bool:
        extra = self.or_permission
        return desk.can(self.permission) or (extra is not None and desk.can(extra))


# Each page's module is imported when the page is first opened, not when the window starts.
def _dashboard(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.dashboard.page import DashboardPage

    return DashboardPage(desk, window)


def _projects(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.projects.page import ProjectsPage

    return ProjectsPage(desk, window)


def _tasks(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.task_ledger.page import TaskLedgerPage

    return TaskLedgerPage(desk, window)


def _reports(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.progress.page import ProgressPage

    return ProgressPage(desk, window)


def _funds(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.funds.page import FundsPage

    return FundsPage(desk, window)


def _notices(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.notices.page import NoticesPage

    return NoticesPage(desk, window)


def _supervision(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.supervision.page import SupervisionPage

    return SupervisionPage(desk, window)


def _interviews(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.interviews.page import InterviewsPage

    return InterviewsPage(desk, window)


def _meetings(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.meetings.page import MeetingsPage

    return MeetingsPage(desk, window)


def _assessment(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.assessment.page import AssessmentPage

    return AssessmentPage(desk, window)


def _settings(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.settings.page import SettingsPage

    return SettingsPage(desk, window)


def _users(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.admin.users_page import UsersPage

    return UsersPage(desk, window)


def _audit(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.audit.page import AuditPage

    return AuditPage(desk, window)


def _task(desk: Desk, window: MainWindow) -> Page:
    from desktop.ui.task.page import TaskPage

    return TaskPage(desk, window)


PAGES: list[PageSpec] = [
    PageSpec("dashboard", QT_TR_NOOP("工作台"), "dashboard", _dashboard),
    PageSpec("projects", QT_TR_NOOP("重点工程"), "projects", _projects),
    PageSpec("tasks", QT_TR_NOOP("任务台账"), "tasks", _tasks),
    PageSpec("reports", QT_TR_NOOP("进度报送"), "reports", _reports),
    PageSpec("funds", QT_TR_NOOP("资金"), "funds", _funds),
    PageSpec("notices", QT_TR_NOOP("公文"), "notices", _notices),
    PageSpec("supervision", QT_TR_NOOP("督办"), "supervision", _supervision),
    PageSpec("interviews", QT_TR_NOOP("约谈"), "interviews", _interviews),
    PageSpec("meetings", QT_TR_NOOP("会议"), "meetings", _meetings),
    PageSpec("assessment", QT_TR_NOOP("考核"), "assessment", _assessment),
    PageSpec("settings", QT_TR_NOOP("设置"), "settings", _settings),
    PageSpec(
        "users",
        QT_TR_NOOP("用户管理"),
        "users",
        _users,
        permission=Permission.MANAGE,
        or_permission=Permission.SECURITY,
    ),
    PageSpec("audit", QT_TR_NOOP("审计"), "settings", _audit, permission=Permission.AUDIT_READ),
    # Opened from the ledger, the dashboard or `screenshot task:<code>`; not in the navigation.
    PageSpec("task", QT_TR_NOOP("任务"), "tasks", _task, in_nav=False),
]

# 文件 menu items, in order.
FILE_ACTIONS: list[ActionSpec] = [
    *excel_actions.FILE_ACTIONS,
    ledger_wizard.FILE_ACTION,
    *archive_actions.FILE_ACTIONS,
    *admin_actions.FILE_ACTIONS,
    *session_actions.FILE_ACTIONS,
]

# Extra title-bar buttons per page key.
PAGE_ACTIONS: dict[str, list[ActionSpec]] = {
    "reports": excel_actions.REPORTS_ACTIONS,
    "tasks": [*excel_actions.TASKS_ACTIONS, ledger_wizard.TASKS_ACTION],
}
for _key in view_export.VIEW_PAGES:  # 导出当前表格 and 打印… (Ctrl+P): the table on screen
    PAGE_ACTIONS[_key] = [*PAGE_ACTIONS.get(_key, []), *view_export.VIEW_ACTIONS]

# Status-bar widgets: each is called with the window and returns a QWidget.
STATUS_WIDGETS: list[Callable[[MainWindow], QWidget]] = [backups.backup_reminder]


def spec_of(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)
