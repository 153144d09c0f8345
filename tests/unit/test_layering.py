"""The core never imports Qt, and the GUI/CLI never import db/ (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _offenders(folders: list[str], banned: tuple[str, ...]) -> list[str]:
    found = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for name in _imports(path):
                if name.split(".")[0] in banned:
                    found.append(f"{path.relative_to(ROOT)}: {name}")
    return found


def test_core_does_not_import_qt() -> None:
    assert _offenders(["db", "desktop/services", "desktop/documents"], QT) == []


def test_gui_and_cli_do_not_import_db() -> None:
    assert _offenders(["desktop/ui", "desktop/cli"], ("db",)) == []


def test_the_check_itself_finds_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport db.models\n", encoding="utf-8")
    assert _imports(sample) == ["PySide6.QtCore", "db.models"]


def test_the_program_never_imports_the_benches() -> None:
    """bench/ measures the program from above: nothing in it ships or is imported by it."""
    assert _offenders(["db", "desktop"], ("bench",)) == []
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '"bench"' in spec.split("excludes")[1][:400]
