"""Where the ledger is, without opening it: the default file, a shared server's address kept in
the user's settings, and the error of a ledger that cannot be opened. Light on purpose (no
SQLAlchemy): the window's sign-in paints before the ORM is imported (issue 11)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from db.chain import config_dir
from db.errors import LedgerError
from db.private import private_dir
from desktop.services.errors import ValidationError

__all__ = [
    "LedgerError",
    "default_database",
    "password_in",
    "password_refused",
    "server_url_path",
    "server_url_setting",
]


def default_database() -> Path:
    """ledger.sqlite3 in the user's data folder, which is kept 0700 (db/private.py)."""
    return private_dir(Path(user_data_dir("duban", appauthor=False))) / "ledger.sqlite3"


def password_in(url: str) -> bool:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).password is not None
    except ArgumentError:
        return False


def server_url_path() -> Path:
    return config_dir() / "database.url"


def server_url_setting() -> str | None:
    """The shared ledger's full address (password included) from the user's settings folder;
    refused unless the file is the user's only (0600), since it holds a password."""
    path = server_url_path()
    if not path.is_file():
        return None
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise ValidationError(f"{path} 含数据库密码，须只有本人可读（chmod 600 {path}），未使用。")
    text = path.read_text("utf-8").strip()
    return text or None


def password_refused(error: BaseException) -> bool:
    """Did a database server refuse the sign-in for want of (the right) password? The engine
    module is loaded only when an error is asked about, so this module stays light."""
    from db.engine import password_refused as refused

    return refused(error)
