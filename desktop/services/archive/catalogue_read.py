"""The catalogues read back against metadata.xml: catalogue.xlsx (streamed with the standard
library and defusedxml), 文件目录.XML and the count in 说明文件.TXT."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from desktop.services.archive import carrier
from desktop.services.archive.checks import VerifyReport
from desktop.services.archive.facts import Facts, Known
from desktop.services.archive.model import (
    CATALOGUE,
    CATALOGUE_SHEET,
    PackageInfo,
)
from desktop.services.archive.reader import UnsafePackage, ZipReader

if TYPE_CHECKING:
    from collections.abc import Mapping


def check_catalogues(
    report: VerifyReport,
    info: PackageInfo,
    kept: Mapping[str, bytes],
    known: Known | None = None,
    actual: Mapping[str, str] | None = None,
) -> None:
    """catalogue.xlsx and 文件目录.XML list exactly metadata.xml's 件; 说明文件's count agrees.
    ``known``/``actual``: a catalogue.xlsx whose hash was read before is not opened again."""
    expected = [item.code for item in info.items]
    if CATALOGUE in kept:
        listed = _catalogue_codes(report, kept[CATALOGUE], known, (actual or {}).get(CATALOGUE))
        if listed is not None and listed != expected:
            report.add("catalogue", "catalogue.xlsx 的归档文件目录与 metadata.xml 的件不一致。")
    if carrier.CATALOGUE_XML in kept:
        rows = _xml_rows(report, kept[carrier.CATALOGUE_XML])
        if rows is not None:
            if [code for _n, code in rows] != expected:
                report.add("catalogue", "文件目录.XML 的档号与 metadata.xml 的件不一致。")
            if [n for n, _code in rows] != [str(n) for n in range(1, len(rows) + 1)]:
                report.add("numbering", "文件目录.XML 的顺序号不是从 1 起连续。")
    readme = kept.get(carrier.README)
    if readme is not None:
        match = re.search(r"件数：(\d+)", readme.decode("utf-8", "replace"))
        if match is None or int(match[1]) != len(info.items):
            stated = match[1] if match else "（未记载）"
            report.add("counts", f"说明文件.TXT 记载件数 {stated}，实有 {len(info.items)} 件。")


def _catalogue_codes(
    report: VerifyReport, data: bytes, known: Known | None, digest: str | None
) -> list[str] | None:
    found = known.get(digest) if known is not None and digest else None
    if found is not None and found.codes is not None:
        return list(found.codes)
    listed = _xlsx_codes(report, data)
    if listed is not None and known is not None and digest:
        known[digest] = Facts(codes=tuple(listed))
    return listed


def _xlsx_codes(report: VerifyReport, data: bytes) -> list[str] | None:
    """The 档号 (column B from row 3) of catalogue.xlsx's 归档文件目录, read with the standard
    library: each XML part streamed through defusedxml (no DTD, no entities), only the parts
    needed inflated, each bounded as a package's entries are (ZipReader), and of the shared
    strings only those the column uses kept. openpyxl took ~0.6 s of an export for this."""
    try:
        from defusedxml import ElementTree as SafeET
    except ImportError as exc:  # PITFALLS.md: without it XML entities are expanded
        raise UnsafePackage("未安装 defusedxml，不能安全地打开外来的表格。") from exc

    def parse(name: str, events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, Any]]:
        return SafeET.iterparse(_Stream(inner.chunks(name)), events, forbid_dtd=True)

    try:
        inner = ZipReader(io.BytesIO(data), label=CATALOGUE)  # an .xlsx is a ZIP: vet it first
        try:
            sheet, shared_part = _parts(inner.names(), parse)
            cells = _column_cells(parse(sheet, ("start", "end")))
            needed = {int(v) for shared, v in cells if shared}
            shared = _shared_strings(parse(shared_part or "xl/sharedStrings.xml"), needed)
            codes = [shared[int(v)] if is_shared else v for is_shared, v in cells]
        finally:
            inner.close()
    except UnsafePackage:
        raise
    except Exception as exc:  # KeyError, ParseError, DTDForbidden, ValueError, zipfile errors …
        report.add("opens", f"catalogue.xlsx 无法打开或缺少“{CATALOGUE_SHEET}”：{exc}")
        return None
    return [code for code in codes if code]


class _Stream(io.RawIOBase):
    """A ZIP entry's bounded chunks (ZipReader.chunks) as a file for iterparse."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks, self._rest = chunks, memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._rest:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._rest = memoryview(chunk)
        n = min(len(buffer), len(self._rest))
        buffer[:n] = self._rest[:n]
        self._rest = self._rest[n:]
        return n


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]  # transitional or strict OOXML: the same local names


def _parts(
    names: list[str], parse: Callable[[str], Iterator[tuple[str, Any]]]
) -> tuple[str, str | None]:
    """The ZIP entries of the 归档文件目录 sheet and of the shared strings (None if there are
    none), through the package's relationships as a spreadsheet program finds them."""

    def targets(rels: str, base: str) -> dict[str, tuple[str, str]]:  # Id -> (Type, entry)
        found = {}
        for _event, rel in parse(rels):
            if _local(rel.tag) == "Relationship":
                target = rel.get("Target", "")
                entry = target.lstrip("/") if target.startswith("/") else base + target
                found[rel.get("Id", "")] = (rel.get("Type", ""), entry)
        return found

    root = targets("_rels/.rels", "") if "_rels/.rels" in names else {}
    book = next((e for t, e in root.values() if t.endswith("/officeDocument")), "xl/workbook.xml")
    folder, _, leaf = book.rpartition("/")
    rels = targets(f"{folder}/_rels/{leaf}.rels", f"{folder}/" if folder else "")
    rid = None
    for _event, element in parse(book):
        if _local(element.tag) == "sheet" and element.get("name") == CATALOGUE_SHEET:
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
    if rid not in rels:
        raise KeyError("没有这张工作表")
    shared = next((e for t, e in rels.values() if t.endswith("/sharedStrings")), None)
    return rels[rid][1], shared


def _column_cells(events: Iterator[tuple[str, Any]]) -> list[tuple[bool, str]]:
    """Column B's cells from row 3 on, in the sheet's order: (True, a shared string's index)
    or (False, the text: inline, a formula's string or a number as written)."""
    found: list[tuple[bool, str]] = []
    row = col = 0
    for event, element in events:
        tag = _local(element.tag)
        if event == "start":
            if tag == "row":
                row, col = int(element.get("r") or row + 1), 0
            continue
        if tag == "c":
            ref = element.get("r") or ""
            letters = ref.rstrip("0123456789")
            col = _column_number(letters) if letters else col + 1
            row = int(ref[len(letters) :] or row)
            if col == 2 and row >= 3:
                kind = element.get("t", "n")
                if kind == "inlineStr":
                    texts = [t.text or "" for t in element.iter() if _local(t.tag) == "t"]
                    found.append((False, "".join(texts)))
                else:
                    value = next((v.text or "" for v in element if _local(v.tag) == "v"), "")
                    found.append((kind == "s", value))
            element.clear()
        elif tag == "row":
            element.clear()
    return found


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _shared_strings(events: Iterator[tuple[str, Any]], needed: set[int]) -> dict[int, str]:
    """The shared strings whose index is in ``needed`` (rich runs joined, phonetics left out)."""
    found: dict[int, str] = {}
    if not needed:
        return found
    index = 0
    for _event, element in events:
        if _local(element.tag) != "si":
            continue
        if index in needed:
            parts = []
            for child in element:
                name = _local(child.tag)
                if name == "t":
                    parts.append(child.text or "")
                elif name == "r":
                    parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
            found[index] = "".join(parts)
        element.clear()
        index += 1
        if index > max(needed):
            break
    return found


def _xml_rows(report: VerifyReport, data: bytes) -> list[tuple[str, str]] | None:
    from defusedxml import ElementTree as SafeET

    try:
        root = SafeET.fromstring(data)
    except Exception as exc:  # ParseError, DTDForbidden, EntitiesForbidden …
        report.add("opens", f"{carrier.CATALOGUE_XML} 无法解析：{exc}")
        return None
    return [(e.findtext("顺序号", ""), e.findtext("档号", "")) for e in root.findall("条目")]
