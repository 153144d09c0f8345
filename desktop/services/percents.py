"""Completion percentages (完成百分比): 0 to 100 with at most one decimal, kept as typed.

One place for what a percent may be and how it reads: the grid, the services, the Excel
reading and every printed document go through these, so 62.5 is 62.5 everywhere."""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

TENTH = Decimal("0.1")
HUNDRED = Decimal(100)

# Why a value is not a percent: the callers word it for their place (grid, sheet, service).
NOT_NUMBER, OUT_OF_RANGE, TOO_PRECISE = "number", "range", "precision"


def percent_of(value: object) -> Decimal:
    """A number (int, float, Decimal) or a text like '62.5', '62.5%', '62.5％' as an exact
    Decimal; raises ValueError(kind) with one of the kinds above."""
    if isinstance(value, bool) or value is None:
        raise ValueError(NOT_NUMBER)
    if isinstance(value, str):
        raw = value.strip().rstrip("%％").strip()
        try:
            number = Decimal(raw)
        except InvalidOperation as exc:
            raise ValueError(NOT_NUMBER) from exc
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(NOT_NUMBER)
        number = Decimal(repr(value))  # 62.5 as written, not its binary expansion
    elif isinstance(value, int | Decimal):
        number = Decimal(value)
    else:
        raise ValueError(NOT_NUMBER)
    if not number.is_finite():
        raise ValueError(NOT_NUMBER)
    if not 0 <= number <= HUNDRED:
        raise ValueError(OUT_OF_RANGE)
    if number != number.quantize(TENTH):
        raise ValueError(TOO_PRECISE)  # 62.55: refused, never rounded behind the clerk's back
    return stored(number)


def stored(number: Decimal | int) -> Decimal:
    """The ledger's form: one decimal (62.5, 60.0)."""
    return Decimal(number).quantize(TENTH)


def percent_text(value: Decimal | float | int | None, dash: str = "—") -> str:
    """62.5 → "62.5", 60.0 → "60": one decimal where there is one, none where it is whole,
    as the office writes percentages in its documents and tables."""
    if value is None:
        return dash
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    number = number.quantize(TENTH)
    return f"{number:f}" if number != number.to_integral_value() else f"{number:.0f}"


def percent_json(value: Decimal | int | float) -> int | float:
    """For audit details (JSON): 60 stays the number 60, 62.5 is 62.5 — as the chain held
    whole percentages before decimals were kept, so old and new entries read alike."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)
