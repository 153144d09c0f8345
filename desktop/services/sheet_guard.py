"""Text that a spreadsheet would evaluate is written as text: every cell or CSV field the desk
writes whose text starts with = + - @ (also after spaces, tabs or line breaks), or with a tab or
carriage return, so that a unit name such as '=HYPERLINK("http://x","y")' from a returned
sheet never becomes a live formula or link (OWASP "CSV injection").

- XLSX (openpyxl): the cell is stored as a string (data_type 's', never a formula) and given
  Excel's quotePrefix style, so that editing it keeps it text too; the text itself is unchanged
  and reads back as it was.
- CSV: the field gets a leading apostrophe, which Excel, WPS and LibreOffice show as text.

Every writer goes through here: guard_cell for write-only rows, guard_book before a normal
workbook is saved, csv_field for CSV.
"""

from __future__ import annotations

import re
from typing import Any

# A tab or carriage return first, or = + - @ after any spaces, tabs, line breaks or 全角空格:
# one match in C for each of an export's ~750,000 texts (the str methods took ~1 µs each).
_RISKY = re.compile("[\t\r]|[ \t\r\n\u3000]*[=+\\-@]")


def risky(text: str) -> bool:
    return _RISKY.match(text) is not None


def csv_field(value: Any) -> Any:
    """A CSV field as written: risky text behind an apostrophe, anything else unchanged."""
    if isinstance(value, str) and value and risky(value):
        return "'" + value
    return value


def guard_cell(cell: Any) -> None:
    """An openpyxl Cell or WriteOnlyCell whose text is risky: stored as plain text."""
    value = cell.value
    if isinstance(value, str) and value and risky(value):
        cell.data_type = "s"
        cell.quotePrefix = True


def guard_book(book: Any) -> None:
    """Every cell of a normal (not write-only) workbook, just before it is saved."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                guard_cell(cell)
