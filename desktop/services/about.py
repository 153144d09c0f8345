"""What the About dialog shows: program name and version, where the ledger lives, its schema."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from importlib import metadata

from platformdirs import user_data_dir
from sqlalchemy.engine import make_url

from db import migrate
from desktop import __version__
from desktop.services.ledger import Ledger

NAME = "督办台"
ENGLISH_NAME = "Duban Desk"
DESCRIPTION = "平安建设领导小组办公室任务督办台账（离线单机版）"


@dataclass(frozen=True)
class AboutInfo:
    name: str
    english_name: str
    description: str
    version: str
    ledger: str  # the SQLite file, or the server URL without its password; "" when none is open
    schema_revision: str | None  # the ledger's Alembic revision, None when none is open
    schema_head: str  # the newest revision this program knows
    data_dir: str  # where the default ledger and its backups live
    frozen: bool  # running from the installed bundle, not from source
    python: str

    def lines(self) -> list[str]:
        """Plain label/value lines, for a dialog's text or `duban self-test`'s header."""
        schema = self.schema_revision or "（未打开台账）"
        if self.schema_revision and self.schema_revision != self.schema_head:
            schema += f"（程序支持到 {self.schema_head}）"
        return [
            f"{self.name} {self.english_name}  版本 {self.version}",
            self.description,
            f"台账：{self.ledger or '（未打开）'}",
            f"数据结构版本：{schema}",
            f"数据目录：{self.data_dir}",
            f"运行方式：{'安装包' if self.frozen else '源代码'}，Python {self.python}",
        ]


def program_version() -> str:
    """The version from the installed metadata (pyproject), else the package's own constant."""
    try:
        return metadata.version("duban")
    except metadata.PackageNotFoundError:
        return __version__


def _where(ledger: Ledger) -> str:
    if ledger.path is not None:
        return str(ledger.path)
    return make_url(ledger.url).render_as_string(hide_password=True)


def about(ledger: Ledger | None = None) -> AboutInfo:
    """Everything the About dialog needs; cheap (one query for the revision)."""
    revision = migrate.current_revision(ledger.engine) if ledger is not None else None
    return AboutInfo(
        name=NAME,
        english_name=ENGLISH_NAME,
        description=DESCRIPTION,
        version=program_version(),
        ledger=_where(ledger) if ledger is not None else "",
        schema_revision=revision,
        schema_head=migrate.head_revision(),
        data_dir=user_data_dir("duban", appauthor=False),
        frozen=bool(getattr(sys, "frozen", False)),
        python=platform.python_version(),
    )
