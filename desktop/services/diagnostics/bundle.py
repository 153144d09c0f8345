"""导出诊断信息: one zip a clerk hands to IT. It holds how the program runs and what it logged,
never what the ledger holds: no task, unit or document text, no password, no password hash."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from desktop.services import settings
from desktop.services.about import about
from desktop.services.diagnostics.logs import LOG_NAME, crash_files, log_path
from desktop.services.files import write_atomically
from desktop.services.ledger import Ledger

SECRET = re.compile(r"pass|secret|token|credential|hash|salt|key", re.IGNORECASE)
SELF_TEST_SECONDS = 180


@dataclass(frozen=True)
class DiagnosticsResult:
    path: Path
    names: tuple[str, ...]  # what the zip holds


def without_secrets(value: object) -> object:
    """Settings as plain data with every secret-looking entry blanked (passwords, URLs' users)."""
    if isinstance(value, dict):
        return {
            k: (
                "（已隐去）"
                if SECRET.search(str(k)) and "path" not in str(k)
                else without_secrets(v)
            )
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [without_secrets(v) for v in value]
    if isinstance(value, str) and "://" in value:
        try:
            return make_url(value).render_as_string(hide_password=True)
        except Exception:  # noqa: BLE001 - not a database URL after all
            return value
    return value


def ledger_facts(ledger: Ledger | None) -> dict[str, object]:
    """Kind, size, schema revision, integrity check and row counts: never a row's content."""
    if ledger is None:
        return {"台账": "（未打开）"}
    facts: dict[str, object] = {
        "位置": ledger.location,
        "类型": ledger.engine.dialect.name,
        "数据结构版本": ledger.revision,
    }
    if ledger.path is not None:
        files = [ledger.path, Path(f"{ledger.path}-wal"), Path(f"{ledger.path}-shm")]
        facts["文件大小（字节）"] = {p.name: p.stat().st_size for p in files if p.exists()}
    with ledger.engine.connect() as connection:
        if ledger.engine.dialect.name == "sqlite":
            rows = connection.execute(text("PRAGMA integrity_check")).fetchall()
            facts["integrity_check"] = [str(r[0]) for r in rows][:50]
            facts["foreign_key_check（条数）"] = len(
                connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            )
        else:
            size = connection.execute(text("SELECT pg_database_size(current_database())"))
            facts["数据库大小（字节）"] = size.scalar()
            facts["integrity_check"] = "（PostgreSQL：由服务器维护）"
        counts = {}
        for table in sorted(inspect(connection).get_table_names()):
            counts[table] = connection.execute(text(f'SELECT COUNT(*) FROM "{table}"')).scalar()
        facts["各表行数"] = counts
    return facts


def ledger_settings(ledger: Ledger | None) -> dict[str, object]:
    if ledger is None:
        return {}
    with ledger.session() as session:
        return {
            "office": asdict(settings.office(session)),
            "lamp_rules": asdict(settings.lamp_rules(session)),
        }


def self_test_output(timeout: float = SELF_TEST_SECONDS) -> str:
    """`duban self-test` in its own process (offscreen), so a broken check cannot take the
    program down with it; its exit code and output as text."""
    frozen = getattr(sys, "frozen", False)
    command = (
        [sys.executable, "self-test"] if frozen else [sys.executable, "-m", "desktop", "self-test"]
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DUBAN_NO_CRASH_FILE": "1"}
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"自检未能运行：{exc}"
    return f"$ {' '.join(command)}\n退出码 {done.returncode}\n{done.stdout}{done.stderr}"


def _log_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{LOG_NAME}*"))


def write_diagnostics(
    target: Path,
    ledger: Ledger | None,
    about_text: str,
    ui_settings: dict[str, object] | None = None,
    self_test: str | None = None,
    log_folder: Path | None = None,
) -> DiagnosticsResult:
    """Write the zip (temporary name, fsync, rename). ``about_text`` is the About dialog's text
    (the GUI adds Qt's version); ``self_test`` defaults to running `duban self-test`."""
    folder = log_folder or log_path().parent
    info = about(ledger)
    entries: dict[str, bytes] = {}

    def add(name: str, content: str | bytes) -> None:
        entries[name] = content.encode("utf-8") if isinstance(content, str) else content

    add(
        "about.txt",
        about_text + f"\n日志：{folder / LOG_NAME}\n导出时间：{datetime.now():%Y-%m-%d %H:%M:%S}\n",
    )
    for path in _log_files(folder):
        add(f"logs/{path.name}", path.read_bytes())
    for path in crash_files(folder):
        add(f"crashes/{path.name}", path.read_bytes())
    add("self-test.txt", self_test if self_test is not None else self_test_output())
    add(
        "settings.json",
        json.dumps(
            without_secrets({"ledger": ledger_settings(ledger), "ui": ui_settings or {}}),
            ensure_ascii=False,
            indent=2,
            default=str,
        ),
    )
    facts = {"程序": info.version, "程序支持的数据结构": info.schema_head, **ledger_facts(ledger)}
    add("ledger.json", json.dumps(facts, ensure_ascii=False, indent=2, default=str))

    def write(handle: BinaryIO) -> None:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries.items():
                archive.writestr(name, data)

    write_atomically(Path(target), write)
    return DiagnosticsResult(Path(target), tuple(entries))


def names_in(path: Path) -> Iterable[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()
