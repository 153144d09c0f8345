"""How numbers, dates and money read on screen (the office's own conventions)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.services.funds import yuan_to_wan
from desktop.services.periods import Period
from desktop.ui.i18n import tr

DASH = "—"


def pct(value: float | int | None) -> str:
    return DASH if value is None else f"{value:.0f}%"


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
