"""Property tests: real templates mangled in cells, types, sheets and ZIP structure.

Whatever is done to a file, the import never crashes and never writes part of a batch: either the
file is refused (and nothing is written) or it imports, and importing it again changes nothing.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError
from sqlalchemy import func, select

from db.models import AuditEntry, FundEntry, ProgressReport
from desktop.services.auth import Actor, Role
from desktop.services.errors import ValidationError
from desktop.services.excel.import_reports import apply_import, preview_import
from desktop.services.excel.templates import write_templates

CLERK = Actor(2, "clerk", "李明", Role.CLERK)
SETTINGS = settings(
    max_examples=35,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

values = st.one_of(
    st.none(),
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
    st.booleans(),
    st.dates(date(1900, 1, 1), date(2100, 1, 1)),
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)),
    st.sampled_from(["市财政", "50%", "１２", "=1/0", "12.5万元", "-0", "1e3", " 88 "]),
)
cells = st.tuples(st.sampled_from("ABCDEFGHIJKLMNOP"), st.integers(1, 12), values)


def snapshot(session) -> tuple:
    return tuple(
        session.scalar(select(func.count()).select_from(m))
        for m in (ProgressReport, FundEntry, AuditEntry)
    )


@pytest.fixture
def template(demo_session, tmp_path) -> Path:
    [item] = write_templates(demo_session, "2026-11", tmp_path / "t", unit_name="公安局")
    return item.path


def import_must_be_all_or_nothing(session, path: Path) -> None:
    before = snapshot(session)
    preview = preview_import(session, [path])  # must not raise
    if preview.refused:
        assert all(p.startswith(f"“{path.name}”") for p in preview.problems)
        with pytest.raises(ValidationError):
            apply_import(session, CLERK, preview)
        assert snapshot(session) == before
        return
    apply_import(session, CLERK, preview)
    again = preview_import(session, [path])
    assert not again.refused and not again.has_changes
    middle = snapshot(session)
    apply_import(session, CLERK, again)
    assert snapshot(session) == middle


@SETTINGS
@given(edits=st.lists(cells, min_size=1, max_size=4))
def test_mangled_cells(demo_session, template, tmp_path, edits) -> None:
    book = openpyxl.load_workbook(template)
    ws = book["进度报送"]
    try:
        for letter, row, value in edits:
            ws[f"{letter}{row}"] = value
    except (IllegalCharacterError, ValueError, TypeError, AttributeError):
        assume(False)
    path = tmp_path / "cells.xlsx"
    book.save(path)
    import_must_be_all_or_nothing(demo_session, path)


@SETTINGS
@given(
    action=st.sampled_from(["delete", "rename", "add", "clear_signature", "reorder", "unhide"]),
    target=st.sampled_from(["进度报送", "填表说明", "_duban"]),
)
def test_mangled_sheets(demo_session, template, tmp_path, action, target) -> None:
    book = openpyxl.load_workbook(template)
    if action == "delete":
        del book[target]
        assume(book.sheetnames)
    elif action == "rename":
        book[target].title = "Sheet9"
    elif action == "add":
        book.create_sheet("新增", 0)["A1"] = "x"
    elif action == "clear_signature":
        book["_duban"]["A1"] = None
    elif action == "reorder":
        book.move_sheet(target, 1)
    else:
        book[target].sheet_state = "visible"
    path = tmp_path / "sheets.xlsx"
    book.save(path)
    import_must_be_all_or_nothing(demo_session, path)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@SETTINGS
@given(data=st.data())
def test_mangled_zip(demo_session, template, tmp_path, data) -> None:
    how = data.draw(st.sampled_from(["truncate", "flip", "drop", "garbage", "duplicate"]))
    original = template.read_bytes()
    raw = bytearray(original)
    if how == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif how == "flip":
        for _ in range(data.draw(st.integers(1, 8))):
            at = data.draw(st.integers(0, len(raw) - 1))
            raw[at] ^= data.draw(st.integers(1, 255))
    else:
        with zipfile.ZipFile(io.BytesIO(original)) as source:
            entries = {n: source.read(n) for n in source.namelist()}
        name = data.draw(st.sampled_from(sorted(entries)))
        if how == "drop":
            del entries[name]
        elif how == "garbage":
            entries[name] = data.draw(st.binary(max_size=200))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for entry, content in entries.items():
                target.writestr(entry, content)
            if how == "duplicate":
                target.writestr(name, entries[name])
        raw = bytearray(out.getvalue())
    path = tmp_path / "zip.xlsx"
    path.write_bytes(bytes(raw))
    import_must_be_all_or_nothing(demo_session, path)
