"""What makes the lamp cache current: the day, the rules' version and the ledger's fingerprint;
and how a cached lamp's reasons are stored. Plain Python, so that a cold `duban status` checks
and reads them without SQLAlchemy (quick_status) the same way the cache does (lamps/cache.py)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from functools import lru_cache

from desktop.services.setting_values import LampRules

# Bump when lamps.evaluate (or the facts it is given) changes meaning: every cached lamp is redone.
LOGIC_VERSION = "3"  # 2: a red task that makes its gap up turns yellow first; 3: 62.5 kept
# The tables the rules read: their row counts and last ids make the fingerprint.
WATCHED_TABLES = ("task", "progress_report", "milestone", "fund_entry")


def rules_version(rules: LampRules) -> str:
    text = json.dumps(asdict(rules), sort_keys=True) + "/" + LOGIC_VERSION
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def fingerprint(counts: Iterable[tuple[int, int | None]]) -> str:
    """From (row count, last id) of each watched table, in WATCHED_TABLES' order."""
    return "/".join(f"{count}:{last or 0}" for count, last in counts)


def stored_reasons(reasons: Iterable[str]) -> str:
    """The task_lamp.reasons column: a JSON list of the lamp's reasons."""
    return json.dumps(list(reasons), ensure_ascii=False)


@lru_cache(maxsize=4096)
def reasons_of(stored: str) -> tuple[str, ...]:
    """The reasons back from the column. A ledger's red tasks share a few dozen distinct
    reason lists, and the 工作台 reads each red row's three times (its row, its project's and
    its unit's roll-up): at 100,000 tasks that was 57,000 JSON parses a summary."""
    return tuple(json.loads(stored))
