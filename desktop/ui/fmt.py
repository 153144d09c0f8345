"""How numbers, dates and money read on screen (the office's own conventions)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.services.funds import yuan_to_wan
from desktop.services.percents import percent_text
from desktop.services.periods import Period
from desktop.ui.i18n import tr

DASH = "—"


def pct(value: float | int | None) -> str:
    """A computed share (序时进度, 到位率): whole points."""
    return DASH if value is None else f"{value:.0f}%"


def reported(value: Decimal | int | None) -> str:
    """A reported percent as typed: 62.5%, 60% (percents.py, the same as printed documents)."""
    return DASH if value is None else f"{percent_text(value)}%"


def day(value: date | None) -> str:
    return DASH if value is None else value.isoformat()


def wan(amount: Decimal) -> str:
    """Money in 万元, as the office writes it."""
    return yuan_to_wan(amount)


def period_label(text: str | Period | None) -> str:
    """A reporting period on screen (2026年11月 / 11/2026); printed documents keep Period.label."""
    if not text:
        return DASH
    period = text if isinstance(text, Period) else Period.parse(text)
    return tr("{y}年{m}月").format(y=period.year, m=period.month)
