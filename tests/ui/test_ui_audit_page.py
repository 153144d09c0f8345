"""审计 page: the 审计管理员 filters (user, date, action, object) and exports; the 系统管理员 reads
only; nobody else sees it."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.services import audit_log, identity
from desktop.services.audit_log import AuditFilter
from desktop.services.errors import DomainError, PermissionDenied


def test_only_the_auditor_and_the_sysadmin_have_the_page(window_as) -> None:
    for name, has in (("auditor", True), ("admin", True), ("security", False), ("clerk", False),
                      ("leader", False)):  # fmt: skip
        assert ("audit" in {s.key for s in window_as(name).specs}) is has, name


def test_the_auditor_filters_pages_and_exports(window_as, tmp_path) -> None:
    window = window_as("auditor")
    with window.desk.session() as session, pytest.raises(DomainError):
        identity.sign_in(session, "nobody", "x")
    page = window.show_page("audit")
    assert page.total > 200 and page.next_button.isEnabled()  # the demo's whole story
    page.turn(1)
    assert page.previous_button.isEnabled() and "第 2/" in page.count_label.text()
    page.action.setCurrentIndex(page.action.findData("sign_in_failed"))
    page.search()
    assert page.total == 1 and "nobody" in page.model.rows[0].summary
    page.action.setCurrentIndex(0)
    page.user.setText("孙审")  # the auditor's own sign-in
    page.search()
    assert page.total > 0 and all("孙审" in r.actor for r in page.model.rows)
    page.user.setText("")
    page.start.setDate(page.start.date().currentDate().addYears(1))  # nothing in the future
    page.search()
    assert page.total == 0
    page.start.setDate(page.start.minimumDate())
    page.subject.setText("nobody")
    page.search()
    count = page.export_to(str(tmp_path / "日志.xlsx"))
    assert count == page.total - 0 and count >= 1
    sheet = openpyxl.load_workbook(tmp_path / "日志.xlsx")["操作日志"]
    assert sheet["G1"].value == "摘要" and "nobody" in str(sheet["G2"].value)
    with window.desk.session() as session:
        assert audit_log.search(session, window.desk.actor, AuditFilter(action="export")).total


def test_the_sysadmin_reads_but_cannot_export(window_as, tmp_path) -> None:
    page = window_as("admin").show_page("audit")
    assert page.total > 0 and not page.export_button.isEnabled()
    with page.desk.session() as session, pytest.raises(PermissionDenied):
        audit_log.export_xlsx(session, page.desk.actor, AuditFilter(), tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
