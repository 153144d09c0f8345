"""Diagnostics: a bug is not called a clash; crash files; the zip for IT holds what it should and
never the ledger's content or a password."""

from __future__ import annotations

import json
import logging
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from db.models import Milestone, Task, User
from desktop.services import audit
from desktop.services.auth import Permission
from desktop.services.diagnostics import logs
from desktop.services.diagnostics.bundle import without_secrets, write_diagnostics
from desktop.services.errors import ConcurrentChange


@audit.writes(Permission.EDIT_LEDGER)
def _milestone_of_a_missing_task(session, actor) -> None:  # type: ignore[no-untyped-def]
    audit.record(session, actor, "create", "milestone", "", "新增节点")
    session.add(Milestone(task_id=999_999, title="不存在的任务的节点", due=date(2026, 12, 1)))
    session.flush()


def test_a_foreign_key_bug_is_not_explained_away_as_a_colleagues_change(session, clerk) -> None:
    with pytest.raises(IntegrityError) as error:
        _milestone_of_a_missing_task(session, clerk)
    assert not isinstance(error.value, ConcurrentChange)
    assert "FOREIGN KEY" in str(error.value).upper()
    assert session.scalar(select(func.count()).select_from(Milestone)) == 0  # nothing saved


def test_an_unexpected_error_is_logged_with_traceback_and_a_reference(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path, crash_file=False)
    try:
        try:
            raise RuntimeError("故意的内部错误")
        except RuntimeError as error:
            ref = logs.log_unexpected(error, "测试")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = (tmp_path / logs.LOG_NAME).read_text(encoding="utf-8")
    finally:
        logs.setup_logging(Path(logs.log_folder()), crash_file=False)
    assert f"[{ref}]" in text
    assert "Traceback (most recent call last)" in text and "故意的内部错误" in text


def test_crash_files_of_earlier_runs_are_shown_once(tmp_path: Path) -> None:
    old = tmp_path / "crash-20261130-080000-4242.txt"
    old.write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    assert logs.unseen_crashes(tmp_path) == [old]
    logs.mark_seen([old])
    assert logs.unseen_crashes(tmp_path) == []
    assert len(logs.crash_files(tmp_path)) == 1  # still in the diagnostics zip


def test_settings_lose_their_secrets() -> None:
    cleaned = without_secrets(
        {
            "database": "postgresql+psycopg://duban:s3cret@db/duban",
            "password": "x",
            "font_paths": ["a"],
        }
    )
    assert cleaned == {
        "database": "postgresql+psycopg://duban:***@db/duban",
        "password": "（已隐去）",
        "font_paths": ["a"],
    }


def test_the_diagnostics_zip_holds_what_it_should_and_no_secret(
    demo_ledger, tmp_path: Path
) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / "duban.log").write_text("2026-11-28 INFO duban: ===== 启动\n", encoding="utf-8")
    (folder / "duban.log.1").write_text("older\n", encoding="utf-8")
    (folder / "crash-20261127-090000-77.txt").write_text("Fatal Python error\n", encoding="utf-8")
    target = tmp_path / "诊断.zip"
    result = write_diagnostics(
        target, demo_ledger, "督办台 0.1.0\nQt 6.11", {"ui/language": "en"}, "自检通过。", folder
    )
    names = set(zipfile.ZipFile(target).namelist())
    assert (
        names
        == set(result.names)
        == {
            "about.txt",
            "logs/duban.log",
            "logs/duban.log.1",
            "crashes/crash-20261127-090000-77.txt",
            "self-test.txt",
            "settings.json",
            "ledger.json",
        }
    )
    with zipfile.ZipFile(target) as archive:
        about = archive.read("about.txt").decode()
        ledger = json.loads(archive.read("ledger.json"))
        settings = json.loads(archive.read("settings.json"))
        everything = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8")
    assert "Qt 6.11" in about and str(folder / "duban.log") in about
    assert ledger["integrity_check"] == ["ok"] and ledger["数据结构版本"] == demo_ledger.revision
    assert ledger["各表行数"]["task"] == 37 and ledger["文件大小（字节）"]
    assert settings["ui"] == {"ui/language": "en"} and "office" in settings["ledger"]
    with demo_ledger.session() as session:
        hashes = session.scalars(select(User.password_hash)).all()
        titles = session.scalars(select(Task.title)).all()
    assert hashes and not any(h in everything for h in hashes)
    assert "duban-admin" not in everything and "duban-clerk" not in everything
    assert titles and not any(t in everything for t in titles)  # no ledger content


def test_font_subsetting_leaves_the_log_to_the_desk(tmp_path: Path) -> None:
    """An OFD's fonts are subset with fontTools, which logs every glyph id at INFO: the log
    (five files of 1 MB) keeps the desk's own records instead."""
    from desktop.documents.ofd import subset_font
    from desktop.documents.shipped_fonts import shipped_font

    logs.setup_logging(tmp_path, crash_file=False)
    try:
        logging.getLogger("desktop").info("公文已印发")
        assert subset_font(shipped_font("fangsong.ttf"), set("关于开展平安建设督查的通知"))
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = (tmp_path / logs.LOG_NAME).read_text(encoding="utf-8")
    finally:
        logs.setup_logging(Path(logs.log_folder()), crash_file=False)
    assert "公文已印发" in text
    assert "fontTools" not in text and "Glyph IDs" not in text
