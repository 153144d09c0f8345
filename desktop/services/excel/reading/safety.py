"""Open an untrusted .xlsx safely: size, ZIP structure and inflated bytes checked before openpyxl.

Every failure becomes one :class:`FileRefused` with a Chinese message naming the file; nothing
from deep inside zipfile or openpyxl escapes this module (PITFALLS.md, "Untrusted files").
"""

from __future__ import annotations

import hashlib
import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.services.errors import DomainError

if TYPE_CHECKING:  # openpyxl is imported when a file is opened, not with the desk
    from openpyxl.workbook.workbook import Workbook

MAX_FILE_BYTES = 20 * 1024 * 1024  # a returned report is a few dozen kB
MAX_ENTRIES = 2000
MAX_INFLATED = 200 * 1024 * 1024  # total, counted while inflating
MAX_RATIO = 100  # per entry, as Apache POI does
RATIO_FLOOR = 1024 * 1024  # tiny entries may compress very well and are harmless
_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")


class FileRefused(DomainError):
    """A file that cannot be imported; the message names it and says why, in Chinese."""

    def __init__(self, file: str, reason: str, sheet: str = "", cell: str = "") -> None:
        where = f"“{file}”" + (f"工作表“{sheet}”" if sheet else "") + (cell or "")
        super().__init__(f"{where}：{reason}")
        self.file, self.sheet, self.cell, self.reason = file, sheet, cell, reason


@dataclass(frozen=True)
class LoadedFile:
    path: Path
    name: str
    sha256: str
    size: int
    workbook: Workbook


def read_bytes(path: Path) -> bytes:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileRefused(
                name, f"文件过大（{size / 1024 / 1024:.1f} MB），不像是一份报送表，未读取"
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise FileRefused(name, f"无法读取文件：{exc.strerror or exc}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(name, "文件过大，未读取")
    return data


def check_container(name: str, data: bytes) -> None:
    """Refuse what is not a sane .xlsx ZIP, counting the bytes it really inflates to."""
    if data[:8] == _OLE2:
        raise FileRefused(
            name,
            "这是旧版 .xls 文件或加密的工作簿，请在 Excel 或 WPS 中去掉密码并另存为 .xlsx 后再导入",
        )
    if data[:4] != b"PK\x03\x04":
        raise FileRefused(name, "不是 Excel 工作簿（.xlsx），可能是其他类型的文件")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise FileRefused(name, f"文件内部结构异常（包含 {len(entries)} 个部件），未读取")
            names = {e.filename for e in entries}
            if len(names) != len(entries):
                # Two parts with one name: readers disagree on which one counts.
                raise FileRefused(name, "文件内部结构异常（部件重名），疑似被篡改，未读取")
            if "xl/workbook.xml" not in names:
                kind = "Word 文档" if "word/document.xml" in names else "其他压缩文件"
                raise FileRefused(name, f"不是 Excel 工作簿，像是{kind}")
            total = 0
            for entry in entries:
                if entry.flag_bits & 0x1:
                    raise FileRefused(name, "工作簿中有加密部件，请去掉密码后另存再导入")
                inflated = 0
                with archive.open(entry) as part:
                    while chunk := part.read(65536):
                        inflated += len(chunk)
                        total += len(chunk)
                        if total > MAX_INFLATED:
                            raise FileRefused(name, "文件解压后过大，疑似恶意文件，未读取")
                        if inflated > RATIO_FLOOR and inflated > MAX_RATIO * max(
                            entry.compress_size, 1
                        ):
                            raise FileRefused(name, "文件压缩比异常，疑似恶意文件，未读取")
    except FileRefused:
        raise
    except Exception as exc:  # zipfile raises BadZipFile, EOFError, zlib.error, OSError...
        raise FileRefused(name, "文件已损坏，无法作为 Excel 工作簿打开") from exc


def open_workbook(path: Path) -> LoadedFile:
    """Read, check and load one workbook (values only, formulas as their saved results)."""
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        raise DomainError("缺少 defusedxml 组件：为安全起见，不读取外来的 Excel 文件。")
    path = Path(path)
    data = read_bytes(path)
    check_container(path.name, data)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about extensions it drops (WPS and Excel add some); harmless here.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(
                io.BytesIO(data), data_only=True, keep_links=False, rich_text=False
            )
    except Exception as exc:  # ElementTree, KeyError, ValueError, TypeError from deep inside
        raise FileRefused(path.name, "文件已损坏或格式异常，无法作为 Excel 工作簿打开") from exc
    return LoadedFile(path, path.name, hashlib.sha256(data).hexdigest(), len(data), workbook)
