"""Formula-looking text is written as text in every file the desk writes (templates, the ledger
export, the archive catalogue and its CSV data), and a returned template reads it back as the
same text. The hostile names come in as a returned sheet could bring them."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, text

from db.models import ProgressReport
from desktop.services.archive import building
from desktop.services.auth import Actor, Role
from desktop.services.excel.export import export_ledger
from desktop.services.excel.import_reports import apply_import, preview_import
from desktop.services.excel.templates import write_templates
from desktop.services.sheet_guard import csv_field, risky
from desktop.services.tasks import find_task_id

LINK = '=HYPERLINK("http://x","y")'
TITLE = "+cmd|' /C calc'!A0"
AT = "@SUM(1+1)"


@pytest.fixture
def hostile(demo_session):  # type: ignore[no-untyped-def]
    demo_session.execute(text("UPDATE unit SET name = :n WHERE name = '市公安局'"), {"n": LINK})
    demo_session.execute(text("UPDATE task SET title = :t WHERE code = '02-01'"), {"t": TITLE})
    demo_session.execute(text("UPDATE unit SET short_name = :s WHERE name = '市民政局'"), {"s": AT})
    demo_session.commit()
    return demo_session


def test_the_rule() -> None:
    for value in (LINK, TITLE, AT, "-1+2", "\t=1", "\r=1", "  =1", "\n+1", "\tplain"):
        assert risky(value), value
    for value in ("市公安局", "a=b", "1-2", "（=）", "", "'=1x"):
        assert not risky(value) or value == "", value
    assert csv_field(LINK) == "'" + LINK and csv_field("市公安局") == "市公安局"
    assert csv_field(-5) == -5  # numbers are not text


def _cells(path_or_bytes) -> list:  # type: ignore[no-untyped-def]
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    book = openpyxl.load_workbook(source)
    return [c for ws in book.worksheets for row in ws.iter_rows() for c in row]


def _assert_all_guarded(cells: list, must_see: str) -> None:  # type: ignore[type-arg]
    risky_cells = [c for c in cells if isinstance(c.value, str) and c.value and risky(c.value)]
    assert any(c.value == must_see for c in risky_cells), f"{must_see} not written"
    for cell in risky_cells:
        assert cell.data_type == "s" and cell.quotePrefix, (cell.coordinate, cell.value)


def _no_formula_in_xml(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>HYPERLINK" not in z.read(name), name


def test_templates_write_the_text_as_text_and_read_it_back(hostile, tmp_path: Path) -> None:
    written = write_templates(hostile, "2026-11", tmp_path)
    police = next(w for w in written if LINK in w.units)
    _assert_all_guarded(_cells(police.path), TITLE)
    _no_formula_in_xml(police.path.read_bytes())
    # The unit returns it with formula-looking text typed as text: it is kept as that text.
    book = openpyxl.load_workbook(police.path)
    ws = book["进度报送"]
    row = next(r for r in range(5, ws.max_row + 1) if ws[f"A{r}"].value == "02-01")
    ws[f"D{row}"] = 99
    ws[f"E{row}"] = LINK
    ws[f"E{row}"].data_type = "s"
    book.save(police.path)
    preview = preview_import(hostile, [police.path])
    assert not preview.refused and not preview.problems
    apply_import(hostile, Actor(2, "clerk", "李明", Role.CLERK), preview)
    stored = hostile.scalar(
        select(ProgressReport.progress).where(
            ProgressReport.task_id == find_task_id(hostile, "02-01"),
            ProgressReport.period == "2026-11",
        )
    )
    assert stored == LINK


def test_the_ledger_export_writes_the_text_as_text(hostile, tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    export_ledger(hostile, target)
    cells = _cells(target)
    _assert_all_guarded(cells, LINK)
    assert any(c.value == TITLE for c in cells)
    _no_formula_in_xml(target.read_bytes())


def test_the_archive_catalogue_and_csv_write_the_text_as_text(hostile) -> None:
    built = building.build(hostile, 2026)
    _assert_all_guarded(_cells(built.files["catalogue.xlsx"]), LINK)
    rows = list(csv.reader(io.StringIO(built.files["data/unit.csv"].decode("utf-8-sig"))))
    fields = [f for row in rows for f in row]
    assert "'" + LINK in fields and "'" + AT in fields
    assert not [f for f in fields if f and risky(f)]
