"""The workbooks the desk writes open in LibreOffice (what Kylin and UOS PCs ship), checked by
converting each to PDF headless. Skipped where LibreOffice Calc is not installed (CI installs it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.cli import main

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Calc's own library beside soffice: with Writer alone every .xlsx "could not be loaded".
CALC = SOFFICE is not None and any((Path(SOFFICE).resolve().parent).glob("libsclo.*"))
pytestmark = pytest.mark.skipif(not CALC, reason="LibreOffice Calc not installed")


def test_template_export_and_catalogue_open_in_libreoffice(demo_template: Path, tmp_path: Path):
    from desktop.services.ledger import backup_sqlite

    db = str(backup_sqlite(demo_template, tmp_path / "demo.sqlite3"))
    common = ["--database", db, "--today", "2026-11-28", "--user", "clerk"]
    assert (
        main([*common, "excel", "template", "--period", "2026-11", "--out", str(tmp_path / "t")])
        == 0
    )
    assert main([*common, "excel", "export", "--out", str(tmp_path / "台账.xlsx")]) == 0
    media = tmp_path / "stick"
    media.mkdir()
    assert main([*common, "archive", "export", "--year", "2026", "--to", str(media)]) == 0
    books = [
        sorted((tmp_path / "t").glob("*.xlsx"))[0],
        tmp_path / "台账.xlsx",
        next(media.glob("*/catalogue.xlsx")),
    ]
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, books)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert "Error" not in result.stdout + result.stderr, result.stdout + result.stderr
    for book in books:
        pdf = out / (book.stem + ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 5000, book.name
        assert pdf.read_bytes().startswith(b"%PDF")
