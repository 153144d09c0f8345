"""An internal error gets a reference the clerk can quote; its traceback goes to the log under it.

Lives in db/ because opening a ledger needs it too; services and the CLI use the same one.
"""

from __future__ import annotations

import logging
from datetime import datetime


def log_incident(logger: logging.Logger, what: str, error: BaseException) -> str:
    """Log ``error`` with its traceback and return its reference, e.g. ``20261201-211503-7f3a``."""
    import secrets  # only when something went wrong: not on every command's start (issue 11)

    reference = f"{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"
    logger.error(
        "[%s] %s: %s", reference, what, error, exc_info=(type(error), error, error.__traceback__)
    )
    return reference
