"""catalogue.xlsx prints sensibly: A4 landscape fitted to the width, rows tall enough for their
wrapped text (checked by eye through LibreOffice; here the settings that make it so)."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)
from __future__ import annotations

import io

import openpyxl
from archive_fixtures import docs_session  # noqa: F401

from desktop.services.archive import build


def test_catalogue_print_settings_and_row_heights(docs_session) -> None:
    book = openpyxl.load_workbook(io.BytesIO(build(docs_session, 2026).files["catalogue.xlsx"]))
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9, sheet.title
        # one page wide: fitToWidth="1", or left out, which the schema reads as 1 (xlsxwriter)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth in (None, 1)
        assert int(setup.fitToHeight) == 0  # as many pages down as needed
    catalogue = book["归档文件目录"]
    # 责任者 (14 Chinese characters in a 20-wide column) takes two lines: the row is two high.
    assert catalogue.row_dimensions[3].height == 30
    assert catalogue.print_title_rows == "$1:$2"
