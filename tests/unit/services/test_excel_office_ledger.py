"""An office's own ledger sheet imports right on the first try (issue 20): every task in its
project with its dates and percent, footnote and totals skipped, abbreviations matched, 各区县
kept as text, the sheet's progress and funds recorded at its cut-off."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from office_ledger import GRID, HEALTH, UNITS, build
from sqlalchemy import select

from db.models import FundEntry, ProgressReport, Task
from desktop.services import tasks
from desktop.services.excel.ledger_import import (
    LedgerOptions,
    apply_ledger,
    inspect,
    preview_ledger,
)
from desktop.services.overview import task_rows

EXPECTED = {  # title: (project, lead unit, start, deadline, percent)
    "综治中心规范化建设": (GRID, "市委政法委", date(2026, 1, 1), date(2026, 6, 30), 100),
    "网格员队伍专职化": (GRID, "市民政局", date(2026, 3, 1), date(2026, 6, 30), 80),
    "矛盾纠纷多元化解": (GRID, "市司法局", date(2026, 1, 1), date(2026, 12, 31), 65),
    "基层医疗应急物资储备": (HEALTH, "市卫生健康委员会", date(2026, 3, 1), date(2026, 12, 31), 50),
    "城市内涝点整治": (HEALTH, "市住房和城乡建设局", date(2026, 4, 1), date(2026, 10, 31), 90),
    "零工市场建设": (HEALTH, "市人力资源和社会保障局", date(2026, 1, 1), date(2026, 12, 31), 30),
}


@pytest.fixture
def office(session, system, tmp_path: Path) -> Path:
    for name, short in UNITS:
        tasks.create_unit(session, system, name, short)
    return build(tmp_path / "2026年十大工程台账.xlsx")


def test_the_sheet_is_understood_before_anything_is_written(session, office) -> None:
    [info] = inspect(office)
    assert info.header_row == 4 and info.rows < 20  # the lower header row; no 30,000 rows
    preview = preview_ledger(session, office)
    assert preview.year == 2026 and preview.year_from_title
    assert preview.cutoff == date(2026, 11, 20)
    assert [r.change for r in preview.rows] == ["new"] * 6 + ["skipped", "skipped"]
    assert [r.detail for r in preview.rows[6:]] == ["合计行，不导入", "脚注行，不导入"]
    assert preview.new_units == [] and preview.unmatched == []  # 各区县 is no unit
    assert preview.matched == {
        "市卫健委": "市卫生健康委员会",
        "市住建局": "市住房和城乡建设局",
        "市人社局": "市人力资源和社会保障局",
    }
    assert sorted(preview.new_projects) == sorted([GRID, HEALTH])
    assert not preview.problems


def test_every_task_lands_in_its_project_with_its_dates_and_percent(session, clerk, office) -> None:
    result = apply_ledger(session, clerk, preview_ledger(session, office))
    assert (result.tasks, result.units, result.projects) == (6, 0, 2)
    assert (result.reports, result.fund_entries) == (6, 8)
    units = {u.id: u.name for u in tasks.list_units(session)}
    projects = {p.id: p.name for p in tasks.list_projects(session)}
    found = {t.title: t for t in session.scalars(select(Task))}
    assert set(found) == set(EXPECTED)
    for title, (project, lead, start, deadline, percent) in EXPECTED.items():
        task = found[title]
        assert projects[task.project_id] == project, title
        assert units[task.lead_unit_id] == lead, title
        assert (task.start, task.deadline) == (start, deadline), title
        [report] = task.reports
        assert (report.period, report.percent) == ("2026-11", percent), title
        assert report.submitted_on == date(2026, 11, 20)
    assert "已全部建成" in found["综治中心规范化建设"].reports[0].progress
    assert "配合：各区县" in found["综治中心规范化建设"].note
    assert "配合：各县（市、区）" in found["城市内涝点整治"].note
    cooperating = {units[link.unit_id] for link in found["网格员队伍专职化"].unit_links}
    assert "市人力资源和社会保障局" in cooperating and "各区县" not in units.values()
    arrived = session.scalars(
        select(FundEntry.amount).where(FundEntry.task_id == found["综治中心规范化建设"].id)
    ).all()
    assert sorted(arrived) == [Decimal("1185000.00"), Decimal("1200000.00")]
    assert session.scalar(select(ProgressReport.id).limit(1)) is not None


def test_a_task_the_sheet_marks_done_is_not_red(session, clerk, office) -> None:
    apply_ledger(session, clerk, preview_ledger(session, office))
    lamps = {r.title: r.lamp.color for r in task_rows(session, date(2026, 11, 28))}
    assert str(lamps["综治中心规范化建设"]) != "red"


def test_year_less_dates_need_a_year_when_the_title_has_none(session, office, tmp_path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(office)
    book.active["A1"] = "平安建设重点工程任务推进台账"  # no year in the title ...
    book.active["A2"] = "填报单位：市平安办"  # ... nor above the header
    book.save(office)
    preview = preview_ledger(session, office)
    assert preview.year is None and preview.needs_year
    assert any("没有写年份" in p for p in preview.problems)
    confirmed = preview_ledger(session, office, options=LedgerOptions(year=2026))
    assert not confirmed.problems and confirmed.year == 2026


def test_the_clerk_maps_a_name_the_rules_do_not_know(session, clerk, office) -> None:
    import openpyxl

    book = openpyxl.load_workbook(office)
    book.active["D10"] = "人社部门"  # neither full name, short name nor an abbreviation
    book.save(office)
    preview = preview_ledger(session, office)
    assert preview.unmatched == ["人社部门"]
    hr = next(u.id for u in tasks.list_units(session) if u.short_name == "人社局")
    mapped = preview_ledger(session, office, options=LedgerOptions(units={"人社部门": hr}))
    assert mapped.unmatched == [] and mapped.new_units == []
    result = apply_ledger(session, clerk, mapped)
    assert result.units == 0


def test_the_command_line_imports_the_sheet_too(office, tmp_path, capsys, monkeypatch) -> None:
    from desktop.cli import main
    from desktop.services.ledger import open_ledger

    db = tmp_path / "cli.sqlite3"
    ledger = open_ledger(db)
    with ledger.session() as s:
        from desktop.services import auth, users
        from desktop.services.enums import Role

        for name, short in UNITS:
            tasks.create_unit(s, auth.system_actor("测试"), name, short)
        users.create_user(
            s, auth.system_actor("测试"), "t_clerk", "科员", Role.CLERK, "Duban-Test-42"
        )
    ledger.dispose()
    monkeypatch.setenv("DUBAN_PASSWORD", "Duban-Test-42")  # a writing verb signs in
    # no --today: the ledger holds an office's accounts, so dates come from the system clock
    args = ["--database", str(db), "--user", "t_clerk", "excel", "ledger", str(office)]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "合计行，不导入" in out and "市卫健委→市卫生健康委员会" in out
    assert "截至 2026-11-20" in out
    assert main([*args, "--cutoff", "2026-11-25"]) == 0
    assert "录入进度 6 条、资金 8 笔" in capsys.readouterr().out
