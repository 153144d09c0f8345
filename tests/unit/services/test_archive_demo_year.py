"""The demo year on a medium: every issued document is an item, the chain is in the catalogue."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop.services.archive import export_year, verify_package
from desktop.services.notices import register as notices


def test_demo_year_package_holds_the_chain_and_verifies(demo_session, admin, tmp_path: Path):
    result = export_year(demo_session, admin, 2026, tmp_path)
    assert result.report.ok
    issued = [d for d in notices.list_documents(demo_session) if d.number]
    items = sorted(p.name for p in (result.path / "电子档案" / "2026" / "文书").iterdir())
    assert len(items) == len(issued) == 16
    assert items[0].endswith("-0001") and items[-1].endswith("-0016")
    book = load_workbook(result.path / "catalogue.xlsx", read_only=True)
    interviews = list(book["约谈"].iter_rows(min_row=2, values_only=True))
    assert sorted(row[7] for row in interviews) == ["已问责", "整改销号"]
    assert any("通报：" in (row[9] or "") for row in interviews)
    items_sheet = list(book["督办事项"].iter_rows(min_row=2, values_only=True))
    assert {row[0] for row in items_sheet} == {"催办", "督办通知"}
    assert verify_package(result.path).ok
