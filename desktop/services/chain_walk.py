"""Walking the audit chain over rows however they were read (the services' session, or the
standard sqlite3 module on a cold command's quick path): one loop, one set of reasons."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from db import chain
from desktop.services.audit_anchor import Head

# The entries after a row id, in id order, with every field the MAC covers.
SELECT_AFTER = (
    "SELECT id, seq, at, user_id, actor, action, entity, entity_id, summary, detail, "
    "prev_hash, hash FROM audit_entry WHERE id > {after} ORDER BY id"
)


@dataclass
class Walk:
    head: Head
    bad_id: int | None = None
    reason: str = ""
    at_anchor: tuple[int, str] | None = None  # (id, hash) of the entry numbered anchor.count


def walk(rows: Iterable[Any], key: bytes, start: Head, anchor_count: int) -> Walk:
    """Check ``rows`` (the entries after ``start``, in id order) link on from ``start``."""
    canonical, mac = chain.canonical, chain.mac
    prev, seq, last_id = start.hash, start.count, start.id
    found = Walk(start)
    for row_id, s, at, uid, actor, action, entity, eid, summary, detail, p, h in rows:
        seq += 1
        if s != seq:
            found.bad_id, found.reason = row_id, "序号不连续：其前有记录被删除或插入"
        elif p != prev:
            found.bad_id, found.reason = row_id, "与上一条记录接不上：记录被删除、插入或调换了顺序"
        elif mac(key, canonical(p, s, at, uid, actor, action, entity, eid, summary, detail)) != h:
            found.bad_id, found.reason = row_id, "签名不符：内容被改动，或校验链被重新计算过"
        if found.bad_id is not None:
            found.head = Head(seq - 1, last_id, prev)
            return found
        if s == anchor_count:
            found.at_anchor = (row_id, h)
        prev, last_id = h, row_id
    found.head = Head(seq, last_id, prev)
    return found
