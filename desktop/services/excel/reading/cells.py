"""Turn cell values (as Excel, WPS or LibreOffice saved them) into checked domain values."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from desktop.services.enums import FundSource
from desktop.services.excel.layout import MAX_TEXT, MAX_WAN
from desktop.services.percents import TOO_PRECISE, percent_of

TEN_THOUSAND = Decimal(10000)
_CENT_OF_WAN = Decimal("0.0001")


class CellError(ValueError):
    """A value the unit must correct; the message (Chinese) says what the cell should hold."""


def text_of(value: object) -> str:
    """A cell as comparable text: numbers without trailing zeros, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    if isinstance(value, Decimal):
        return text_of(float(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def parse_percent(value: object, number_format: str = "") -> Decimal | None:
    """0–100 with at most one decimal, kept as written: 45, '45%', 62.5, '62.5％', and 0.625 in
    a cell Excel formatted as a percent (typing 62.5% there stores 0.625). None when left
    empty. 62.55 is refused, not rounded: the unit reported something we cannot keep."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if "%" in number_format and isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise CellError("完成百分比应为0到100的数，最多一位小数")
        value = Decimal(repr(value)) * 100
    if isinstance(value, str) and not re.fullmatch(r"\s*[0-9]+(\.[0-9]+)?\s*[%％]?\s*", value):
        raise CellError("完成百分比应为0到100的数，最多一位小数")  # 1e2, -5, 六十
    try:
        return percent_of(value)
    except ValueError as exc:
        if str(exc) == TOO_PRECISE:
            raise CellError(f"完成百分比最多一位小数（填的是 {text_of(value)}）") from None
        raise CellError("完成百分比应为0到100的数，最多一位小数") from None


def parse_wan(value: object, what: str) -> Decimal | None:
    """万元 in the cell → yuan, exact to the fen. None when empty; zero stays zero."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise CellError(f"{what}应为以万元计的数字")
    try:
        raw = value.strip().replace(",", "").replace("，", "") if isinstance(value, str) else value
        if isinstance(raw, str) and raw.endswith("万元"):
            raw = raw[:-2]
        amount = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    except (InvalidOperation, ValueError) as exc:
        raise CellError(f"{what}应为以万元计的数字") from exc
    if not amount.is_finite():
        raise CellError(f"{what}应为以万元计的数字")
    if amount < 0:
        raise CellError(f"{what}不能为负数")
    if amount > MAX_WAN:
        raise CellError(f"{what}超过 {MAX_WAN:,} 万元，请核对单位（应以万元计）")
    # A float cell may carry binary noise (12.3400000001); round to the fen, then insist on it.
    rounded = amount.quantize(Decimal("0.000001"))
    if rounded != rounded.quantize(_CENT_OF_WAN):
        raise CellError(f"{what}最多保留四位小数（精确到元）")
    return (rounded * TEN_THOUSAND).quantize(Decimal("0.01"))


def parse_text(value: object, what: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, int | float | Decimal | date | time) and not isinstance(value, bool):
        text = text_of(value)
    else:
        raise CellError(f"{what}应为文字")
    if len(text) > MAX_TEXT:
        raise CellError(f"{what}超过 {MAX_TEXT} 字，请精简")
    return text


def parse_source(value: object) -> FundSource | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        for source in FundSource:
            if value.strip() in (source.label, source.value):
                return source
    choices = "、".join(s.label for s in FundSource)
    raise CellError(f"资金来源应从下拉列表中选择（{choices}）")
