"""Report templates: pre-filled, locked except the cells to fill, with checks, a guide and a hidden signature."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.services.errors import NotFound, ValidationError
from desktop.services.excel import signature
from desktop.services.excel.templates import write_templates


@pytest.fixture
def police(demo_session, tmp_path):
    [item] = write_templates(demo_session, "2026-11", tmp_path, unit_name="公安局")
    return item


def test_one_file_per_lead_unit_named_after_unit_and_period(demo_session, tmp_path) -> None:
    written = write_templates(demo_session, "2026-11", tmp_path)
    assert len(written) == 10 and sum(w.tasks for w in written) == 37
    assert (tmp_path / "市公安局_2026-11.xlsx").exists()
    assert not list(tmp_path.glob(".*"))  # no temporary files left behind


def test_cells_locked_except_those_to_fill(police) -> None:
    book = openpyxl.load_workbook(police.path)
    ws = book["进度报送"]
    assert ws.protection.sheet and book.security.lockStructure
    assert ws["A5"].value == "02-01" and ws["A5"].protection.locked
    assert ws["B5"].protection.locked and ws["N5"].protection.locked
    for letter in "DEFGHIJK":
        assert not ws[f"{letter}5"].protection.locked, letter
    rules = {(dv.type, str(dv.sqref)) for dv in ws.data_validations.dataValidation}
    # the percent column takes one decimal (62.5), so its rule is decimal, not whole numbers
    assert ("decimal", "D5:D8") in rules and ("list", "K5:K8") in rules
    assert not any(kind == "whole" for kind, _ in rules)
    assert "填表说明" in book.sheetnames
    assert "牵头单位：市公安局" in ws["A2"].value


def test_signature_is_very_hidden_and_lists_the_tasks(police) -> None:
    book = openpyxl.load_workbook(police.path)
    hidden = book["_duban"]
    assert hidden.sheet_state == "veryHidden"
    sig = signature.decode([hidden.cell(r, 1).value for r in range(1, hidden.max_row + 1)])
    assert sig.period == "2026-11" and sig.sheets[0].unit == "市公安局"
    assert [cells["A"] for _, cells in sig.sheets[0].rows] == ["02-01", "02-02", "02-03", "02-04"]


def test_tampered_signature_is_detected(police) -> None:
    book = openpyxl.load_workbook(police.path)
    chunks = [book["_duban"]["A1"].value.replace("市公安局", "市司法局")]
    with pytest.raises(signature.SignatureError, match="改动"):
        signature.decode(chunks)


def test_prefilled_with_this_periods_report(demo_session, police) -> None:
    ws = openpyxl.load_workbook(police.path)["进度报送"]
    assert isinstance(ws["D5"].value, int) and ws["E5"].value
    assert ws["K5"].value in {"上级专项", "市财政", "区县配套", "社会资金"}


def test_unknown_unit_and_empty_period(demo_session, tmp_path) -> None:
    with pytest.raises(NotFound):
        write_templates(demo_session, "2026-11", tmp_path, unit_name="市外星局")
    with pytest.raises(ValidationError, match="没有需要报送的任务"):
        write_templates(demo_session, "2020-01", tmp_path)
