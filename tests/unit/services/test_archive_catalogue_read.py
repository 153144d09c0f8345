"""catalogue.xlsx's 档号 are read back without openpyxl (the export's self-check and every
verify or import of a package): the same codes from a catalogue written now and from one an
older version wrote; a broken or hostile workbook is a finding that says so, and a ZIP bomb is
refused, not inflated."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import cast

import pytest
from archive_fixtures import docs_session  # noqa: F401

from desktop.services.archive import build
from desktop.services.archive.catalogue_read import check_catalogues
from desktop.services.archive.checks import VerifyReport
from desktop.services.archive.model import CATALOGUE, PackageInfo
from desktop.services.archive.reader import UnsafePackage

OLD_PACKAGE = Path(__file__).parents[2] / "fixtures" / "archive" / "package-v1.zip"
NOTHING = cast(PackageInfo, type("Info", (), {"items": []})())  # no 件: only the reading counts


def _found(data: bytes, info: PackageInfo = NOTHING) -> list[str]:
    report = VerifyReport("test")
    check_catalogues(report, info, {CATALOGUE: data})
    return [m for messages in report.failures.values() for m in messages]


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return {n: source.read(n) for n in source.namelist()}


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries.items():
            target.writestr(name, data)
    return out.getvalue()


def _old_catalogue() -> bytes:
    with zipfile.ZipFile(OLD_PACKAGE) as package:
        name = next(n for n in package.namelist() if n.endswith(CATALOGUE))
        return package.read(name)


def test_the_codes_of_a_catalogue_written_now_match_metadata(docs_session) -> None:
    built = build(docs_session, 2026)
    assert _found(built.files[CATALOGUE], built.info) == []
    # One 件 more in metadata than in the catalogue: found.
    shorter = cast(PackageInfo, type("Info", (), {"items": built.info.items[1:]})())
    assert any("归档文件目录与 metadata.xml 的件不一致" in m for m in _found(
        built.files[CATALOGUE], shorter))  # fmt: skip


def test_a_catalogue_an_older_version_wrote_still_reads() -> None:
    # openpyxl's shared strings (the fixture's) rather than xlsxwriter's inline ones
    found = _found(_old_catalogue())
    assert found == ["catalogue.xlsx 的归档文件目录与 metadata.xml 的件不一致。"]  # it has 3 件


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet>&b;</worksheet>'
)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda e: {**e, "xl/worksheets/sheet1.xml": BOMB},  # entity expansion
        lambda e: {**e, "xl/workbook.xml": b'<!DOCTYPE w SYSTEM "file:///etc/passwd"><w/>'},
        lambda e: {**e, "xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row>"},  # cut short
        lambda e: {k: v.replace("归档文件目录".encode(), "目录".encode()) for k, v in e.items()},
    ],
    ids=["entities", "dtd", "truncated", "no-such-sheet"],
)
def test_a_broken_or_hostile_catalogue_is_a_finding(spoil) -> None:  # type: ignore[no-untyped-def]
    found = _found(_zip(spoil(_entries(_old_catalogue()))))
    assert len(found) == 1 and found[0].startswith("catalogue.xlsx 无法打开或缺少“归档文件目录”"), (
        found
    )


def test_shared_strings_are_read_and_a_missing_table_of_them_is_a_finding() -> None:
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out)  # not constant_memory: text goes to xl/sharedStrings.xml
    sheet = book.add_worksheet("归档文件目录")
    sheet.write_string(2, 1, "J001-WS·2026-D30-PAB-0001")
    book.close()
    entries = _entries(out.getvalue())
    assert "xl/sharedStrings.xml" in entries
    assert _found(out.getvalue()) == ["catalogue.xlsx 的归档文件目录与 metadata.xml 的件不一致。"]
    del entries["xl/sharedStrings.xml"]
    assert _found(_zip(entries))[0].startswith("catalogue.xlsx 无法打开或缺少“归档文件目录”")


def test_not_a_zip_is_refused() -> None:
    with pytest.raises(UnsafePackage, match="不是可读的 ZIP 文件"):
        _found(b"PK\x03\x04 not really")


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    entries = _entries(_old_catalogue())
    entries["xl/worksheets/sheet1.xml"] = b"<worksheet>" + b" " * (64 * 1024**2)  # 64 MB → 64 KB
    with pytest.raises(UnsafePackage, match="压缩比|过大"):
        _found(_zip(entries))
