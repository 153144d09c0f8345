"""Text that a spreadsheet would evaluate is written as text: every cell or CSV field the desk
writes whose text starts with = + - @ (also after spaces, tabs or line breaks), or with a tab or
carriage return, so that a unit name such as '=HYPERLINK("http://x","y")' from a returned
sheet never becomes a live formula or link (OWASP "CSV injection").

- XLSX (openpyxl): the cell is stored as a string (data_type 's', never a formula) and given
  Excel's quotePrefix style, so that editing it keeps it text too; the text itself is unchanged
  and reads back as it was.
- XLSX (xlsxwriter): CellWriter writes text as a string cell and gives risky text the
  quote-prefix twin of its format.
- CSV: the field gets a leading apostrophe, which Excel, WPS and LibreOffice show as text.

Every writer goes through here: CellWriter for xlsxwriter sheets, guard_cell for openpyxl's
write-only rows, guard_book before a normal openpyxl workbook is saved, csv_field for CSV.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
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


class CellWriter:
    """An xlsxwriter sheet's cells, each written by its type; text always as text (a string
    that starts with = is never taken for a formula) and risky text with ``quoted(format)``,
    its format's quote-prefix twin. Empty values make no cell, or with ``blanks`` a blank one
    in the format (boxed like its row).

    The cells go to xlsxwriter's undecorated writers (``_write_string`` …, which its own
    ``write_row`` calls) where this version has them: the public ones first try each call's row
    as A1 notation, ~1 µs of each of an export's 1.2 million cells.
    """

    def __init__(self, ws: Any, quoted: Callable[[Any], Any], *, blanks: bool = False) -> None:
        self.quoted, self.blanks, self.blank = quoted, blanks, ws.write_blank
        self.string = getattr(ws, "_write_string", ws.write_string)
        self.number = getattr(ws, "_write_number", ws.write_number)
        self.boolean = getattr(ws, "_write_boolean", ws.write_boolean)
        self.datetime = getattr(ws, "_write_datetime", ws.write_datetime)

    def __call__(self, row: int, col: int, value: object, fmt: Any) -> None:
        kind = type(value)  # the exact types first: a sheet's cells are nearly all of these
        if kind is str:
            if not value:
                self.empty(row, col, fmt)
                return
            if fmt is not None and risky(value):  # type: ignore[arg-type]
                fmt = self.quoted(fmt)
            self.string(row, col, value, fmt)
        elif kind is float or kind is int or kind is Decimal:
            self.number(row, col, float(value), fmt)  # type: ignore[arg-type]
        elif value is None:
            self.empty(row, col, fmt)
        elif isinstance(value, str):  # a str subclass (an enum's value)
            self(row, col, str(value), fmt)
        elif isinstance(value, bool):
            self.boolean(row, col, value, fmt)
        elif isinstance(value, int | float | Decimal):
            self.number(row, col, float(value), fmt)
        elif isinstance(value, date | datetime):
            self.datetime(row, col, value, fmt)
        else:
            self(row, col, str(value), fmt)

    def empty(self, row: int, col: int, fmt: Any) -> None:
        if self.blanks:  # otherwise no cell: a sheet of 1.5 million cells has many empty ones
            self.blank(row, col, None, fmt)
