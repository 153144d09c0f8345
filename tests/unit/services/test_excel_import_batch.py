"""Preview and import decide with the same rules (issue 20): a unit's November and December
files in one folder, and two files for one unit and period, named in the message."""
# ruff: noqa: F811  (clerk is a fixture imported from test_excel_import)

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from test_excel_import import POLICE, clerk, fill, row_of  # noqa: F401  (clerk: a fixture)

from db.models import ProgressReport
from desktop.services.errors import ValidationError
from desktop.services.excel.import_reports import apply_import, preview_import
from desktop.services.excel.templates import write_templates
from desktop.services.tasks import find_task_id


@pytest.fixture
def december(demo_session, clock, tmp_path: Path) -> tuple[Path, Path, int]:
    """公安局's November and December templates in one folder, on 5 December."""
    clock.moment = datetime(2026, 12, 5, 10, 0)
    folder = tmp_path / "returned"
    write_templates(demo_session, "2026-11", folder, unit_name="公安局")
    write_templates(demo_session, "2026-12", folder, unit_name="公安局")
    november = folder / POLICE
    dec = folder / "市公安局_2026-12.xlsx"
    task = find_task_id(demo_session, "02-01")
    before = demo_session.scalar(
        select(ProgressReport.percent)
        .where(ProgressReport.task_id == task, ProgressReport.period < "2026-11")
        .order_by(ProgressReport.period.desc())
    )
    return november, dec, before or 0


def _decisions(session, clerk, folder: Path) -> tuple[bool, bool, list[str]]:  # type: ignore[no-untyped-def]
    preview = preview_import(session, [folder])
    try:
        apply_import(session, clerk, preview)
        imported = True
    except ValidationError:
        imported = False
    return not preview.refused, imported, preview.problems


def test_december_below_the_november_of_the_same_folder_is_refused_by_both(
    demo_session, clerk, december
) -> None:
    november, dec, october = december
    nov_row, dec_row = row_of(november, "02-01"), row_of(dec, "02-01")
    fill(november, {f"D{nov_row}": min(october + 20, 100), f"H{nov_row}": None})
    fill(dec, {f"D{dec_row}": min(october + 10, 99), f"H{dec_row}": None})
    previewed, imported, problems = _decisions(demo_session, clerk, november.parent)
    assert (previewed, imported) == (False, False)
    [problem] = [p for p in problems if "02-01" in p or "回落原因" in p]
    assert problem.startswith("“市公安局_2026-12.xlsx”") and f"H{dec_row}" in problem
    assert "低于上期（“市公安局_2026-11.xlsx”中的2026年11月）" in problem


def test_with_a_fall_reason_both_import_as_previewed(demo_session, clerk, december) -> None:
    november, dec, october = december
    nov_row, dec_row = row_of(november, "02-01"), row_of(dec, "02-01")
    fill(november, {f"D{nov_row}": min(october + 20, 100)})
    fill(dec, {f"D{dec_row}": min(october + 10, 99), f"H{dec_row}": "工程量重新核定"})
    previewed, imported, problems = _decisions(demo_session, clerk, november.parent)
    assert (previewed, imported) == (True, True), problems


def test_lowering_november_makes_room_for_december_in_both(demo_session, clerk, december) -> None:
    """The ledger's November is higher than the new December, but the same folder lowers it."""
    november, dec, october = december
    nov_row, dec_row = row_of(november, "02-01"), row_of(dec, "02-01")
    fill(november, {f"D{nov_row}": 90})
    assert _decisions(demo_session, clerk, november.parent)[:2] == (True, True)  # Nov 90 kept
    fill(november, {f"D{nov_row}": max(october, 45), f"H{nov_row}": "核减"})
    fill(dec, {f"D{dec_row}": max(october, 45) + 5})
    previewed, imported, problems = _decisions(demo_session, clerk, november.parent)
    assert (previewed, imported) == (True, True), problems


def test_same_reports_twice_say_which_file_wins(demo_session, clerk, december, tmp_path) -> None:
    november, _dec, october = december
    row = row_of(november, "02-01")
    fill(november, {f"D{row}": min(october + 5, 100)})
    again = fill(november, {}, out=tmp_path / "市公安局_2026-11(1).xlsx")
    preview = preview_import(demo_session, [november, again])
    assert not preview.refused
    twin = [r for r in preview.rows if r.file == again.name and r.code == "02-01"]
    assert twin and twin[0].detail.endswith(f"，以“{POLICE}”为准")  # the same file: it wins
