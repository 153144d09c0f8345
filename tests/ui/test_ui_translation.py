"""Translations reach the screen: pyside6-lupdate and tr() agree on contexts, so a compiled .qm
translates plain tr() calls and the labels kept in tables and enums (QT_TR_NOOP)."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.services.enums import LampColor
from desktop.ui.i18n import tr
from desktop.ui.interviews.stages import NoticeStage
from desktop.ui.pages import PAGES

ROOT = Path(__file__).resolve().parents[2]


def _build_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "ts_build", ROOT / "resources/translations/build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_qm_built_from_lupdate_translates_tr_calls_and_marked_labels(
    qapp, tmp_path: Path
) -> None:
    build = _build_script()
    ts = tmp_path / "duban_xx.ts"
    build.lupdate([ts])
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        translation.text = "«" + (message.findtext("source") or "") + "»"
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8")
    qm = tmp_path / "duban_xx.qm"
    build.lrelease(ts, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert tr("督办台") == "«督办台»"  # a plain tr() call
        assert tr(PAGES[0].label) == "«工作台»"  # a label kept in a table
        assert tr(LampColor.RED.label) == "«红»"  # an enum label (db/enums.py)
        assert tr(NoticeStage.title_text) == "«一、约谈通知»"  # a class attribute
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tr("督办台") == "督办台"


def test_every_translation_context_is_one_tr_looks_up() -> None:
    """tr() looks up the empty context; self.tr() its class's name. A made-up context (e.g.
    QT_TRANSLATE_NOOP("Duban", …)) would be compiled and never found."""
    import re

    tree = ET.parse(ROOT / "resources/translations/duban_en.ts")
    contexts = {c.findtext("name") or "" for c in tree.iter("context")}
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "desktop").rglob("*.py"))
    classes = set(re.findall(r"^\s*class (\w+)\(", sources, flags=re.M))
    assert "" in contexts
    assert {c for c in contexts if c and c not in classes} == set()
