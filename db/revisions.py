"""The schema revisions this program ships, read from the revision files without Alembic or
SQLAlchemy: opening a ledger at head (and a cold `duban status`) needs only the graph's head."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# `revision = "…"` and `down_revision = "…"` at the start of a line. The pattern starts with the
# literal so that the regex engine jumps from one "revision" to the next instead of trying every
# line start (6 of the 9 million instructions a cold `duban status` spent here; issue 11); what
# precedes it on its line is checked below.
_ASSIGNED = re.compile(r'revision\b[^=\n]*=\s*(None|"[^"]*"|\'[^\']*\')')


@cache
def revisions() -> dict[str, str | None]:
    """Every revision this program ships, with the one it follows (read without Alembic)."""
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        found: dict[str, str] = {}
        for match in _ASSIGNED.finditer(source):
            name = source[source.rfind("\n", 0, match.start()) + 1 : match.start()] + "revision"
            if name in ("revision", "down_revision"):
                found[name] = match.group(1)
        if "revision" in found:
            down = found.get("down_revision", "None")
            graph[found["revision"].strip("\"'")] = None if down == "None" else down.strip("\"'")
    return graph


def head_revision() -> str:
    graph = revisions()
    heads = sorted(set(graph) - {down for down in graph.values() if down is not None})
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]


def is_known(revision: str) -> bool:
    return revision in revisions()
