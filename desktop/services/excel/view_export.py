"""A table exactly as the clerk sees it, written to a workbook: the rows, their order and the
columns on screen, with the filter in the sheet's title (the GUI reads the view; this writes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop.services.errors import ValidationError
from desktop.services.files import write_atomically

SHEET_TITLE_CHARS = 31  # Excel's limit on a sheet name


@dataclass(frozen=True)
class TableView:
    title: str  # e.g. "任务台账（亮灯：红灯；搜索：监控）"
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()  # pixels on screen, for the column widths


def export_view(view: TableView, path: Path) -> Path:
    """Write the view to an .xlsx (atomically): title row, header row, then the rows as shown."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    if not view.headers:
        raise ValidationError("当前表格没有可导出的列。")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    name = view.title.split("（")[0] or "表格"
    sheet.title = "".join(c for c in name if c not in "[]:*?/\\")[:SHEET_TITLE_CHARS]
    sheet.append([view.title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(view.headers))
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    sheet.append(list(view.headers))
    for column in range(1, len(view.headers) + 1):
        sheet.cell(2, column).font = Font(bold=True)
    for row in view.rows:
        sheet.append([_value(text) for text in row])
    for i, width in enumerate(view.widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(6, min(60, width // 7))
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"  # the header repeats on every printed page
    sheet.page_setup.orientation = "landscape"

    def write(handle: BinaryIO) -> None:
        book.save(handle)

    return write_atomically(Path(path), write)


def _value(text: str) -> str | int | float:
    """Numbers stay numbers in the sheet (sums work); everything else is the text on screen."""
    plain = text.strip()
    if plain and plain.lstrip("-").isdigit() and not (len(plain) > 1 and plain.startswith("0")):
        return int(plain) if len(plain) < 16 else plain
    try:
        return float(plain) if plain and plain[0] in "-0123456789" and "." in plain else plain
    except ValueError:
        return text
