"""What a process keeps between renders stays bounded: past the limit the entry used longest
ago goes, and one just used stays."""

from __future__ import annotations

from desktop.documents.kept import Kept


def test_the_entry_used_longest_ago_goes_first() -> None:
    kept: Kept[str, int] = Kept(2)
    kept.put("甲", 1)
    kept.put("乙", 2)
    assert kept.get("甲") == 1  # used again: now the newest
    kept.put("丙", 3)
    assert len(kept) == 2
    assert kept.get("乙") is None
    assert (kept.get("甲"), kept.get("丙")) == (1, 3)
