"""The language on screen (Chinese source, English translation), Qt's own translations, and CJK
fonts so nothing shows as boxes."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

TRANSLATION_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
# Preferred UI families, best first: the PC's own fonts, then what we ship (heiti.ttf).
UI_FAMILIES = (
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimHei",
)
LANGUAGES = {"zh_CN": "中文", "en": "English"}  # the source language first
SOURCE_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []  # keep references: a collected translator stops translating
_language = SOURCE_LANGUAGE
_fonts_done = False


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark a label kept in a table for pyside6-lupdate; shown later through tr(). (PySide6's own
    marker is typed as returning object.)"""
    return text


def tr(text: str) -> str:
    """Every visible string goes through here.

    pyside6-lupdate files a call of this free function (and a module-level ``QT_TR_NOOP``) under
    the empty context, so the lookup uses that context too: one context for the whole program,
    where the same Chinese text has one translation. A label kept in a table or an enum is
    marked ``QT_TR_NOOP("…")`` where it is written, and passed through ``tr()`` where shown.
    """
    return QCoreApplication.translate("", text)


def current_language() -> str:
    return _language


def saved_language() -> str:
    """The language chosen in 视图 → 语言 (per user, with the window state)."""
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "duban", "desk")
    value = str(settings.value("ui/language", SOURCE_LANGUAGE))
    return value if value in LANGUAGES else SOURCE_LANGUAGE


def save_language(language: str) -> None:
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "duban", "desk")
    settings.setValue("ui/language", language)
    settings.sync()


# Qt's Chinese mended where a clerk stops at it: the file dialogs' size column is "大小" on every
# Chinese desktop (Windows, Kylin, UOS); qtbase_zh_CN says "体积" (volume).
QT_MENDS = {"zh_CN": {("QFileSystemModel", "Size"): "大小"}}
# Contexts Qt 6 moved its strings to, where an older qtbase_<lang>.qm still has them under the
# old one: the file list's 类型 of a folder or a drive ("Folder" was in English).
QT_MOVED = {"QAbstractFileIconProvider": "QFileDialog"}


class QtMends(QTranslator):
    """Qt's own strings mended over its qtbase_<lang>.qm (``base``), asked before it:

    - the words in QT_MENDS;
    - a string Qt moved to another context (QT_MOVED) that ``base`` has under the old one;
    - a label that a newer Qt gave an accelerator (6.11's file dialog: "&Look in:", "Files of
      &type:") where ``base`` has it only without one ("Look in:"): that translation, with the
      key as a Chinese label shows one ("查找范围(&L)：").

    Anything else is left to ``base`` and the translators after it."""

    def __init__(self, base: QTranslator, language: str, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._base = base
        self._mends = QT_MENDS.get(language, {})

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return self._base.isEmpty()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None is a null QString: Qt asks the next translator (an empty "" would end the search
        # and show nothing).
        mended = self._mends.get((context, source))
        if mended is not None:
            return mended
        if self._base.translate(context, source, disambiguation, n):
            return None  # Qt's own has it
        moved = QT_MOVED.get(context)
        if moved is not None:
            return self._base.translate(moved, source, disambiguation, n) or None
        key = _accelerator(source)
        if not key:
            return None
        plain = source.replace("&" + key, key, 1)
        found = self._base.translate(context, plain, disambiguation, n)
        if not found:
            return None
        body = found.rstrip("：:")
        return f"{body}(&{key.upper()}){found[len(body) :]}"


def _accelerator(source: str) -> str:
    """The character after the single ``&`` of a Qt label ("" for none, or for a literal "&&")."""
    at = source.replace("&&", "  ").find("&")
    return source[at + 1] if 0 <= at < len(source) - 1 else ""


def install_translations(app: QCoreApplication, language: str | None = None) -> str:
    """Qt's own strings (qtbase_<lang>.qm: OK/Cancel, file and print dialogs) and ours
    (resources/translations/duban_<lang>.qm); a second call switches language."""
    global _language
    language = language if language in LANGUAGES else saved_language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"qtbase_{language}", qt_dir),
        (f"duban_{language}", str(TRANSLATION_DIR)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            if name.startswith("qtbase_"):
                mends = QtMends(translator, language, app)
                app.installTranslator(mends)  # asked before qtbase's own (and after ours)
                _installed.append(mends)
        else:
            log.warning("翻译文件 %s 未找到（%s），界面将显示源语言（中文）", name, folder)
    _language = language
    return language


def register_fonts() -> list[str]:
    """Register the shipped fonts once; return the families they add."""
    global _fonts_done
    families: list[str] = []
    if _fonts_done:
        return families
    _fonts_done = True
    from desktop.documents.shipped_fonts import FontUnpackError, shipped_fonts

    try:
        paths = shipped_fonts()  # the bundle's first start unpacks them (about a second)
    except FontUnpackError as error:  # the PC's own fonts still serve the screen
        log.warning("%s", error)
        return families
    for path in paths:
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
