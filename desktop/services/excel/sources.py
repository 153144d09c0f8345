"""Which files an import looks at: the files given, and the spreadsheets in the folders given."""

from __future__ import annotations

from pathlib import Path

from desktop.services.errors import ValidationError

MAX_FILES = 500
MAX_DEPTH = 3  # a stick may hold a folder per unit, not a whole disk
_WANTED = {".xlsx", ".xlsm"}
_OLD = {".xls": "旧版 .xls 格式", ".et": "WPS 表格 .et 格式", ".csv": "CSV 文本"}


def collect_files(paths: list[Path]) -> list[tuple[Path, str]]:
    """(path, refusal) pairs in a stable order; refusal is empty for a file worth opening."""
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()

    def add(path: Path, refusal: str = "") -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            found.append((path, refusal))

    for path in paths:
        if path.is_dir():
            for child in _walk(path, 0):
                suffix = child.suffix.lower()
                if suffix in _WANTED:
                    add(child)
                elif suffix in _OLD:
                    add(child, f"这是{_OLD[suffix]}，请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
        elif not path.exists():
            add(path, "找不到该文件")
        elif path.name.startswith("~$"):
            add(path, "这是 Excel 或 WPS 打开文件时留下的临时文件，不是报送表")
        else:
            add(path)
        if len(found) > MAX_FILES:
            raise ValidationError(f"一次最多导入 {MAX_FILES} 个文件，请分批导入。")
    return found


def _walk(folder: Path, depth: int) -> list[Path]:
    try:
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return []
    files = []
    for child in children:
        if child.name.startswith((".", "~$")) or child.is_symlink():
            continue
        if child.is_dir():
            if depth < MAX_DEPTH:
                files += _walk(child, depth + 1)
        elif child.is_file():
            files.append(child)
    return files
