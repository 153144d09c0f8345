"""Untrusted files are checked before openpyxl sees them, and every failure is one Chinese message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.services.excel.reading import safety
from desktop.services.excel.reading.safety import FileRefused, open_workbook


def xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active["A1"] = "你好"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(FileRefused) as caught:
        open_workbook(path)
    assert str(caught.value).startswith(f"“{path.name}”：")
    return caught.value.reason


def test_defusedxml_is_active() -> None:
    assert openpyxl.DEFUSEDXML


def test_a_plain_workbook_opens(tmp_path) -> None:
    loaded = open_workbook(write(tmp_path, "ok.xlsx", xlsx_bytes()))
    assert loaded.workbook.active["A1"].value == "你好" and len(loaded.sha256) == 64


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "不是 Excel 工作簿"),
        ("任务,进度\n".encode(), "不是 Excel 工作簿"),
        (bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600, "旧版 .xls"),
        (xlsx_bytes()[:900], "已损坏"),
    ],
)
def test_not_a_workbook(tmp_path, data, reason) -> None:
    assert reason in refusal(write(tmp_path, "报送.xlsx", data))


def _zip(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_word_document_is_named(tmp_path) -> None:
    data = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"})
    assert "Word" in refusal(write(tmp_path, "通知.xlsx", data))


def test_zip_bomb_is_refused_by_counting_inflated_bytes(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(safety, "RATIO_FLOOR", 1024)
    data = _zip({"xl/workbook.xml": b"<w/>", "xl/worksheets/sheet1.xml": b"\0" * 5_000_000})
    assert "压缩比异常" in refusal(write(tmp_path, "bomb.xlsx", data))


def test_total_inflated_size_is_capped(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(safety, "MAX_INFLATED", 100_000)
    data = _zip({"xl/workbook.xml": b"<w/>", "a.xml": bytes(range(256)) * 1000})
    assert "解压后过大" in refusal(write(tmp_path, "big.xlsx", data))


def test_too_many_entries(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(safety, "MAX_ENTRIES", 10)
    data = _zip({"xl/workbook.xml": b"<w/>"} | {f"x{i}.xml": b"" for i in range(20)})
    assert "结构异常" in refusal(write(tmp_path, "many.xlsx", data))


def test_corrupted_entry_crc(tmp_path) -> None:
    data = bytearray(_zip({"xl/workbook.xml": b"<w>" + b"a" * 200 + b"</w>"}, zipfile.ZIP_STORED))
    data[data.index(b"aaaa")] = ord("b")
    assert "已损坏" in refusal(write(tmp_path, "crc.xlsx", bytes(data)))


def test_garbage_xml_inside_a_valid_zip(tmp_path) -> None:
    data = _zip({"[Content_Types].xml": b"<<<", "xl/workbook.xml": b"not xml"})
    assert "无法作为 Excel 工作簿打开" in refusal(write(tmp_path, "garbage.xlsx", data))


def test_entity_expansion_is_refused(tmp_path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><workbook>&b;</workbook>'
    )
    raw = io.BytesIO(xlsx_bytes())
    with zipfile.ZipFile(raw) as source:
        entries = {n: source.read(n) for n in source.namelist()}
    entries["xl/workbook.xml"] = bomb
    assert "无法作为 Excel 工作簿打开" in refusal(write(tmp_path, "xxe.xlsx", _zip(entries)))


def test_too_large_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1000)
    assert "文件过大" in refusal(write(tmp_path, "large.xlsx", xlsx_bytes()))


def test_missing_file(tmp_path) -> None:
    assert "无法读取" in refusal(tmp_path / "gone.xlsx")


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_duplicate_part_names(tmp_path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", b"<a/>")
        archive.writestr("xl/workbook.xml", b"<b/>")
    assert "部件重名" in refusal(write(tmp_path, "dup.xlsx", buffer.getvalue()))
