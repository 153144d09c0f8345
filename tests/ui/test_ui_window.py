"""The window around the pages: screenshots, remembered state, the ledger lock, settings, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, QLibraryInfo, Qt, QTranslator
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QLabel, QPushButton, QTreeView

from desktop.cli import main as duban
from desktop.services import identity, settings
from desktop.services.errors import ValidationError
from desktop.ui.app import create_app
from desktop.ui.errors import message_for
from desktop.ui.i18n import install_translations
from desktop.ui.lock import LedgerInUse, lock_ledger
from desktop.ui.main_window import MainWindow, ui_settings


def test_screenshot_verb_writes_a_png(demo_ledger, tmp_path: Path, qapp) -> None:
    out = tmp_path / "shots" / "task.png"
    code = duban(
        [
            "--database",
            str(demo_ledger.path),
            "--today",
            "2026-11-28",
            "screenshot",
            "task:01-04",
            "--out",
            str(out),
            "--size",
            "1366x768",
        ]
    )
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    assert not (tmp_path / "shots" / "task.png.part").exists()


def test_screenshot_of_unknown_page_is_a_chinese_error(demo_ledger, tmp_path, qapp, capsys) -> None:
    code = duban(
        [
            "--database",
            str(demo_ledger.path),
            "screenshot",
            "nope",
            "--out",
            str(tmp_path / "x.png"),
        ]
    )
    assert code == 1
    assert "没有名为“nope”的页面" in capsys.readouterr().err


def test_chinese_fonts_and_qt_translation_are_loaded(qapp) -> None:
    create_app()
    assert any("CJK" in f or "Hei" in f for f in QFontDatabase.families())
    assert QTranslator().load(
        "qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    )


def test_window_remembers_its_last_page(clerk_window, qtbot) -> None:
    clerk_window.show_page("funds")
    clerk_window.close()
    assert ui_settings().value("window/page") == "funds"
    again = MainWindow(clerk_window.desk)
    qtbot.addWidget(again)
    assert again.start_key == "funds"


def test_second_program_on_the_same_ledger_is_told_in_chinese(demo_ledger) -> None:
    first = lock_ledger(demo_ledger)
    try:
        with pytest.raises(LedgerInUse, match="已在另一个督办台窗口中打开"):
            lock_ledger(demo_ledger)
    finally:
        first.unlock()
    lock_ledger(demo_ledger).unlock()  # free again once the first closed


def test_admin_saves_settings_and_bad_rules_stay_in_the_form(
    clerk_window, demo_ledger, qtbot
) -> None:
    from desktop.ui.desk import Desk

    with demo_ledger.session() as s:
        admin = identity.sign_in(s, "admin", "duban-admin")
    window = MainWindow(Desk(demo_ledger, clerk_window.desk.clock, admin))
    qtbot.addWidget(window)
    page = window.show_page("settings")
    page.office_form.widgets["doc_prefix"].setText("江平安办")
    formats = page.office_form.widgets["archive_formats"]  # 归档格式: a drop-down
    assert [formats.itemData(i) for i in range(formats.count())] == ["both", "pdf", "ofd"]
    assert formats.currentData() == "both"
    formats.setCurrentIndex(2)
    page.lamp_form.widgets["red_lag"].setValue(5)  # below yellow: refused
    page.save()
    assert page.error.isVisibleTo(page) and "滞后阈值" in page.error.text()
    with demo_ledger.session() as s:
        assert settings.office(s).doc_prefix == "平安办"  # nothing half-saved
    page.lamp_form.widgets["red_lag"].setValue(35)
    page.save()
    with demo_ledger.session() as s:
        assert settings.office(s).doc_prefix == "江平安办"
        assert settings.office(s).archive_formats == "ofd"
        assert settings.lamp_rules(s).red_lag == 35


def test_admin_edits_the_item_rules_in_settings(admin_window, demo_ledger) -> None:
    """设置 holds the 督办事项 rules beside the lamp rules: a bad one is refused, nothing saved."""
    page = admin_window.show_page("settings")
    form = page.item_form.widgets
    assert form["instruction_days"].value() == 15 and form["urge_interval_days"].value() == 7
    form["instruction_urgent_days"].setValue(8)
    page.save()
    assert "1 至 5 天" in page.error.text()
    with demo_ledger.session() as s:
        assert settings.item_rules(s).instruction_urgent_days == 5
    form["instruction_urgent_days"].setValue(3)
    form["remind_before_days"].setValue(5)
    page.save()
    with demo_ledger.session() as s:
        rules = settings.item_rules(s)
    assert (rules.instruction_urgent_days, rules.remind_before_days) == (3, 5)


def test_clerk_cannot_edit_settings(clerk_window) -> None:
    page = clerk_window.show_page("settings")
    assert not page.office_form.widgets["doc_prefix"].isEnabled()


def test_unexpected_errors_are_an_apology_with_the_log_path() -> None:
    assert message_for(ValidationError("金额不对")) == "金额不对"
    assert "日志" in message_for(RuntimeError("boom"))


def test_settings_page_saves_the_layout_switches(qtbot, demo_ledger, clock, messages) -> None:
    from desktop.services import settings
    from desktop.ui.app import create_app
    from desktop.ui.desk import Desk
    from desktop.ui.main_window import MainWindow

    create_app()
    with demo_ledger.session() as session:
        admin = identity.sign_in(session, "admin", "duban-admin")
    window = MainWindow(Desk(demo_ledger, clock, admin))
    qtbot.addWidget(window)
    page = window.show_page("settings")
    switch = page.backup_form.widgets["reminder_letter"]
    switch.setChecked(not switch.isChecked())
    page.save()
    with demo_ledger.session() as session:
        assert settings.office(session).reminder_letter == switch.isChecked()


def test_the_window_title_names_the_ledger_then_the_program_once(clerk_window, qapp) -> None:
    """Qt (xcb, Windows) appends the display name to a title that does not end with it."""
    title, name = clerk_window.windowTitle(), qapp.applicationDisplayName()
    assert name == "督办台" and title.endswith(" — 督办台") and title.count(name) == 1
    assert str(clerk_window.desk.location) in title


def test_the_file_dialog_is_chinese_where_qt_added_accelerators(qapp) -> None:
    """6.11's file dialog labels are "&Look in:" and "Files of &type:"; its qtbase_zh_CN.qm has
    them only without the "&": a clerk saw them in English in 选择文件夹."""
    install_translations(qapp, "zh_CN")
    dialog = QFileDialog(None, "选择文件夹")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] in ("查找范围(&L)：", "查找范围：")
    assert labels["fileTypeLabel"] in ("文件类型(&T)：", "文件类型：")
    shown = [*labels.values(), *(b.text() for b in dialog.findChildren(QPushButton))]
    english = [t for t in shown if re.search(r"[A-Za-z]{2,}", re.sub(r"\(&\w\)", "", t))]
    assert english == []
    assert qapp.translate("QFileDialog", "Save && close") == "Save && close"  # no guess
    view = dialog.findChild(QTreeView, "treeView")
    heads = [view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert heads == ["名称", "大小", "类型", "修改日期"]  # not Qt's "体积"
    # A folder's 类型 (Qt 6 moved the word to a context its Chinese file does not have yet)
    assert QFileIconProvider().type(QFileInfo(str(Path.home()))) == "文件夹"
    dialog.deleteLater()


def test_the_accelerator_fallback_leaves_every_other_string_to_the_next_translator(qapp) -> None:
    """It once answered "" for the strings it does not know: Qt took that for a translation, and
    the English window's Qt buttons went blank."""
    try:
        install_translations(qapp, "en")
        assert qapp.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert qapp.translate("QFileDialog", "&Look in:") == "&Look in:"
        assert qapp.translate("QFileSystemModel", "Size") == "Size"  # the mend is Chinese only
        install_translations(qapp, "zh_CN")
        assert qapp.translate("QPlatformTheme", "Cancel") == "取消"
        assert qapp.translate("Nowhere", "Some &thing") == "Some &thing"
    finally:
        install_translations(qapp, "zh_CN")
