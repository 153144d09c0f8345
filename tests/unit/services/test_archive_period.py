"""A period of a year: its items keep the year's gapless numbering as a contiguous slice, the
package says so, and the integrity check holds on the slice (and catches a hole in it)."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)
from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from archive_fixtures import docs_session  # noqa: F401

from desktop.services.archive import Span, build, export_year, package_name, verify_package
from desktop.services.archive.metadata import from_xml, manifest, to_xml
from desktop.services.archive.reader import MemoryReader
from desktop.services.archive.verify import verify_reader
from desktop.services.errors import ValidationError

# docs_session's notices: 01-15, 02-21, 03-30, 05-06, 06-12 of 2026
SPRING = Span.between(date(2026, 2, 1), date(2026, 5, 31))


def test_a_period_is_a_slice_of_the_years_numbering(docs_session) -> None:
    year = build(docs_session, 2026).info.items
    part = build(docs_session, SPRING)
    assert [i.code[-4:] for i in part.info.items] == ["0002", "0003", "0004"]
    assert [i.code for i in part.info.items] == [i.code for i in year[1:4]]
    assert part.info.first_number == 2 and part.name == package_name("J001", SPRING)
    assert part.name.endswith("0201至0531")
    report = part.files["REPORT.txt"].decode()
    assert "2026-02-01 至 2026-05-31" in report and "从 0002 起连续" in report
    assert "断号 0 处" in report and "0001–0001" in report


def test_period_package_verifies_on_the_medium(docs_session, admin, tmp_path) -> None:
    result = export_year(docs_session, admin, Span.of_month("2026-03"), tmp_path, as_zip=True)
    check = verify_package(result.path)
    assert check.ok, check.text()
    assert result.items == 1 and check.info.items[0].code.endswith("-0003")
    assert "年度内的一段" in check.text()


def _rewritten(files: dict[str, bytes], **changes: object) -> dict[str, bytes]:
    info = dataclasses.replace(from_xml(files["metadata.xml"]), **changes)  # type: ignore[arg-type]
    out = dict(files, **{"metadata.xml": to_xml(info)})
    del out["REPORT.txt"]
    out["manifest.sha256"] = manifest({k: v for k, v in out.items() if k != "manifest.sha256"})
    return out


def test_a_hole_in_the_slice_or_a_wrong_start_is_caught(docs_session) -> None:
    files = build(docs_session, SPRING).files
    info = from_xml(files["metadata.xml"])
    holed = _rewritten(files, items=(info.items[0], info.items[2]))
    for name in [n for n in holed if "-0003/" in n]:
        del holed[name]
    holed["manifest.sha256"] = manifest({k: v for k, v in holed.items() if k != "manifest.sha256"})
    found = verify_reader(MemoryReader(holed), with_report=False)
    assert any("0003 缺失" in m for m in found.findings["完整性"])
    moved = verify_reader(MemoryReader(_rewritten(files, first_number=1)), with_report=False)
    assert any("起始件号" in m for m in moved.findings["完整性"])
    outside = _rewritten(files, last_day=date(2026, 4, 30))
    found = verify_reader(MemoryReader(outside), with_report=False)
    assert any("不在本包的范围内" in m for m in found.failures["fields"])


def test_bad_periods_are_refused() -> None:
    with pytest.raises(ValidationError, match="同一年度"):
        Span.between(date(2025, 12, 1), date(2026, 1, 31))
    with pytest.raises(ValidationError, match="早于"):
        Span.between(date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(ValidationError, match="YYYY-MM"):
        Span.of_month("2026-13")
    assert Span.of_month("2026-02").last == date(2026, 2, 28)
    assert Span.of_month("2026-12").last == date(2026, 12, 31)
