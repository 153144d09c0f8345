"""档号 (archival codes) of DA/T 22: 全宗号-门类·年度-保管期限-机构代码-件号,件号 without gaps."""

from __future__ import annotations

import re
from dataclasses import dataclass

CATEGORY = "WS"  # 文书
RETENTIONS = {"Y": "永久", "D30": "定期30年", "D10": "定期10年"}

_PATTERN = re.compile(
    r"^(?P<fonds>[0-9A-Za-z]{1,4})-(?P<category>[A-Z]{2})·(?P<year>\d{4})-"
    r"(?P<retention>Y|D30|D10)-(?P<org>[0-9A-Za-z]{1,3})-(?P<number>\d{4})$"
)


@dataclass(frozen=True, order=True)
class ArchiveCode:
    fonds: str
    year: int
    retention: str
    organisation: str
    number: int

    def __str__(self) -> str:
        return (
            f"{self.fonds}-{CATEGORY}·{self.year}-{self.retention}-"
            f"{self.organisation}-{self.number:04d}"
        )


def parse(text: str) -> ArchiveCode | None:
    match = _PATTERN.match(text)
    if match is None or match["category"] != CATEGORY:
        return None
    return ArchiveCode(
        match["fonds"], int(match["year"]), match["retention"], match["org"], int(match["number"])
    )


def assign(
    fonds: str, year: int, retention: str, organisation: str, count: int, before: int = 0
) -> list[ArchiveCode]:
    """Codes before+1 … before+count for items already in date order (``before``: the year's
    items ahead of a period): numbering cannot leave a gap."""
    if retention not in RETENTIONS:
        raise ValueError(retention)
    return [
        ArchiveCode(fonds, year, retention, organisation, n)
        for n in range(before + 1, before + count + 1)
    ]


def gaps(numbers: list[int], first: int = 1) -> list[int]:
    """The item numbers missing from first…max (empty when complete)."""
    present = set(numbers)
    return [n for n in range(first, max(present, default=0) + 1) if n not in present]
