"""Unit names as office sheets write them: 市卫健委 for 市卫生健康委员会, 住建局, 各区县.

A name matches a unit of the ledger by its full name, its short name (with or without 市), or
as an abbreviation: its characters in order within the full name, the same first character and
the same kind of body (…局, …委/委员会, …办). Only a single match counts; the rest is for the
clerk to map in the wizard. Collective names (各区县, 相关单位) are not units at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_COLLECTIVE = re.compile(r"^(各|相关|有关|其他|其它|全市各|市直各|所属各)")


def is_collective(name: str) -> bool:
    """各区县, 各县（市、区）, 相关单位 …: who cooperates, but no one unit to hold to account."""
    return bool(_COLLECTIVE.match(name.strip()))


def _plain(name: str) -> str:
    return re.sub(r"\s+", "", name).replace("（", "(").replace("）", ")")


def _kind(name: str) -> str:
    if name.endswith("委员会"):
        return "委"
    return name[-1:] if name else ""


def _abbreviates(short: str, full: str) -> bool:
    if len(short) >= len(full) or short[:1] != full[:1] or _kind(short) != _kind(full):
        return False
    at = 0
    for char in short:
        at = full.find(char, at)
        if at < 0:
            return False
        at += 1
    return True


class UnitMatcher:
    """Finds the ledger's unit a sheet's name means; ``mapped`` holds the clerk's own answers."""

    def __init__(
        self, units: Iterable[tuple[int, str, str]], mapped: Mapping[str, int] | None = None
    ) -> None:
        self.units = [(uid, _plain(name), _plain(short)) for uid, name, short in units]
        self.mapped = {_plain(k): v for k, v in (mapped or {}).items()}

    def match(self, name: str) -> int | None:
        wanted = _plain(name)
        if wanted in self.mapped:
            return self.mapped[wanted]
        for uid, full, short in self.units:
            if wanted in (full, short) or (short and wanted in (f"市{short}", f"{short}")):
                return uid
        found = {
            uid
            for uid, full, short in self.units
            if _abbreviates(wanted, full) or (short and _abbreviates(wanted, f"市{short}"))
        }
        return found.pop() if len(found) == 1 else None
