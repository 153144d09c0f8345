"""Chinese text handed straight to a Qt widget goes through tr(), so translations can follow."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
# Qt calls that put text on screen.
SHOWN = {
    "setText", "QLabel", "addItem", "setWindowTitle", "QPushButton", "setToolTip", "showMessage",
    "setPlaceholderText", "QGroupBox", "setTitle", "addRow", "QCheckBox", "information",
    "warning", "critical", "question", "addAction", "QAction", "setStatusTip", "addTab",
    "setHorizontalHeaderLabels", "getText", "getItem", "getOpenFileName", "getSaveFileName",
    "getExistingDirectory", "setLabelText", "QProgressDialog", "setHeaderLabels", "addMenu",
}  # fmt: skip
LOGGERS = {"log", "logger", "logging", "LOG"}


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def untranslated(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _name(node) not in SHOWN:
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and getattr(func.value, "id", "") in LOGGERS:
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            wrapped = {
                id(s)
                for c in ast.walk(arg)
                if isinstance(c, ast.Call) and _name(c) in ("tr", "translate")
                for s in ast.walk(c)
            }
            found += [
                (sub.lineno, sub.value)
                for sub in ast.walk(arg)
                if isinstance(sub, ast.Constant)
                and isinstance(sub.value, str)
                and CJK.search(sub.value)
                and id(sub) not in wrapped
            ]
    return found


def test_every_chinese_string_given_to_a_widget_is_wrapped_in_tr() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in sorted((ROOT / "desktop" / "ui").rglob("*.py"))
        for line, text in untranslated(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_check_finds_a_bare_string() -> None:
    sample = 'label.setText("保存")\nlabel.setText(tr("保存"))\nlog.warning("字体")\n'
    assert untranslated(sample) == [(1, "保存")]
