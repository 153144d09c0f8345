"""Chinese on screen: tr(), Qt's own zh_CN translations, and CJK fonts so nothing shows as boxes."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
TRANSLATION_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
# Preferred UI families, best first: the PC's own fonts, then what we ship (heiti.ttf).
UI_FAMILIES = (
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimHei",
)
_installed: list[QTranslator] = []  # keep references: a collected translator stops translating
_fonts_done = False


def tr(text: str, context: str = "Duban") -> str:
    """Every visible string goes through here, so a .qm can replace it later."""
    return QCoreApplication.translate(context, text)


def install_translations(app: QApplication) -> None:
    if _installed:
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_zh_CN", qt_dir), ("duban_zh_CN", str(TRANSLATION_DIR))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        elif name.startswith("qtbase"):
            log.warning("Qt 中文翻译 %s 未找到（%s），标准按钮将显示英文", name, folder)


def register_fonts() -> list[str]:
    """Register the shipped fonts once; return the families they add."""
    global _fonts_done
    families: list[str] = []
    if _fonts_done:
        return families
    _fonts_done = True
    for path in sorted(FONT_DIR.glob("*.tt[fc]")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("字体注册失败：%s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def ui_font_family(shipped: list[str]) -> str:
    available = set(QFontDatabase.families())
    for family in UI_FAMILIES:
        if family in available:
            return family
    # Whatever sans family we shipped (heiti.ttf), else the first shipped font.
    for family in shipped:
        if "Hei" in family or "黑" in family:
            return family
    return shipped[0] if shipped else QApplication.font().family()


def setup_language_and_fonts(app: QApplication) -> None:
    install_translations(app)
    shipped = register_fonts()
    font = QFont(ui_font_family(shipped))
    font.setPointSizeF(10)
    app.setFont(font)
