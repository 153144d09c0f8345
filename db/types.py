"""Column types shared by the models: exact money and percentages, text-backed enums."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import BigInteger, Enum, Numeric
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """Yuan as Decimal in Python, whole fen (cents) as an integer in the database.

    SQLite has no decimal type and would round through float; integers are exact everywhere.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        amount = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
        return int(amount * 100)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


def text_enum(cls: type, length: int = 24) -> Enum:
    """A domain enum stored as its short code in a plain string column.

    Never a native DB enum: adding a member later needs no ALTER TYPE on PostgreSQL.
    """
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda e: [m.value for m in e],
    )


TENTH = Decimal("0.1")


class Percent(TypeDecorator[Decimal]):
    """A completion percentage, 0–100 with one decimal (62.5), as Decimal in Python.

    NUMERIC(4, 1) in the database, so SQL compares and sorts it as a number; SQLite keeps it
    as a float, exact for four significant digits, read back through its shortest repr so
    62.3 stays 62.3 (never 62.29999…)."""

    impl = Numeric(4, 1, asdecimal=False)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(repr(value) if isinstance(value, float) else value).quantize(TENTH)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        # 1,001 values can exist: each is made once (the lamps read every report of a
        # 100,000-task ledger, where making a Decimal per row cost 1–2 µs).
        found = _PERCENTS.get(value)
        if found is None:
            found = Decimal(repr(value) if isinstance(value, float) else value).quantize(TENTH)
            if len(_PERCENTS) < 4096:
                _PERCENTS[value] = found
        return found


_PERCENTS: dict[object, Decimal] = {}
