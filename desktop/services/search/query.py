"""Search the whole record: hits grouped by kind, each with a snippet and the words to mark."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import search as index
from db.models import SearchEntry

# The order groups are shown in, with the Chinese name the CLI prints (the GUI translates).
KIND_LABELS: dict[str, str] = {
    "task": "任务",
    "milestone": "节点",
    "report": "进度报送",
    "fund": "资金",
    "supervision": "督办事项",
    "interview": "约谈",
    "rectification": "整改报告",
    "accountability": "问责",
    "meeting": "会议",
    "decision": "会议决定",
    "document": "公文",
    "attachment": "附件",
    "project": "重点工程",
    "unit": "单位",
    "user": "用户",
}

SNIPPET = 36  # characters either side of the first match


@dataclass(frozen=True)
class SearchHit:
    kind: str
    ref_id: int
    task_id: int | None
    title: str
    snippet: str
    marks: tuple[tuple[int, int], ...]  # (start, end) in the snippet of each matched word


@dataclass(frozen=True)
class SearchGroup:
    kind: str
    label: str
    hits: tuple[SearchHit, ...]
    more: bool  # there were more hits than shown


@dataclass(frozen=True)
class SearchResults:
    query: str
    groups: tuple[SearchGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(g.hits) for g in self.groups)


def search(session: Session, query: str, per_kind: int = 20) -> SearchResults:
    """Every record holding all words of the query, or whose name's pinyin starts with it."""
    words = [w.replace(" ", "") for w in index.query_words(query)]
    groups = []
    for kind, label in KIND_LABELS.items():
        ids = index.matching_ids(session, query, kind, limit=per_kind + 1)
        if not ids:
            continue
        rows = session.scalars(
            select(SearchEntry)
            .where(SearchEntry.id.in_(ids[:per_kind]))
            .order_by(SearchEntry.id.desc())
        ).all()
        hits = tuple(_hit(row, words) for row in rows)
        groups.append(SearchGroup(kind, label, hits, more=len(ids) > per_kind))
    return SearchResults(query, tuple(groups))


def _hit(row: SearchEntry, words: list[str]) -> SearchHit:
    body = " ".join(row.body.split())
    lowered = body.lower()
    first = min((i for w in words if (i := lowered.find(w)) >= 0), default=0)
    start = max(0, first - SNIPPET)
    snippet = body[start : first + SNIPPET * 2]
    prefix = "…" if start else ""
    snippet = prefix + snippet + ("…" if first + SNIPPET * 2 < len(body) else "")
    return SearchHit(row.kind, row.ref_id, row.task_id, row.title, snippet, marks(snippet, words))


def marks(text: str, words: list[str]) -> tuple[tuple[int, int], ...]:
    """Where each word occurs in the text (case-insensitive), in order, not overlapping."""
    lowered = text.lower()
    found: list[tuple[int, int]] = []
    for word in words:
        if not word:
            continue
        i = lowered.find(word)
        while i >= 0:
            found.append((i, i + len(word)))
            i = lowered.find(word, i + len(word))
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)


@dataclass(frozen=True)
class Target:
    """Where a hit opens: a page key and the record to select on it (or a task's own page)."""

    page: str
    record_id: int | None
    task_id: int | None = None


_PAGES = {
    "supervision": "supervision",
    "interview": "interviews",
    "rectification": "interviews",
    "accountability": "interviews",
    "meeting": "meetings",
    "decision": "meetings",
    "document": "notices",
    "project": "projects",
    "unit": "reports",
    "user": "users",
}
_ATTACHMENT_PAGES = {
    "interview": "interviews",
    "supervision": "supervision",
    "meeting": "meetings",
    "rectification_report": "interviews",
}


def open_target(session: Session, hit: SearchHit) -> Target:
    """The page that shows a hit: its task's page, or the page of the record (or its parent)."""
    from db.models import Accountability, Attachment, MeetingDecision, RectificationReport

    if hit.task_id is not None:
        return Target("task", hit.task_id, hit.task_id)
    parent: dict[str, tuple[type, str]] = {
        "rectification": (RectificationReport, "interview_id"),
        "accountability": (Accountability, "interview_id"),
        "decision": (MeetingDecision, "meeting_id"),
    }
    if hit.kind in parent:
        model, column = parent[hit.kind]
        record = session.get(model, hit.ref_id)
        return Target(_PAGES[hit.kind], getattr(record, column) if record else None)
    if hit.kind == "attachment":
        attachment = session.get(Attachment, hit.ref_id)
        if attachment is None:
            return Target("dashboard", None)
        if attachment.owner_type == "task":
            return Target("task", attachment.owner_id, attachment.owner_id)
        if attachment.owner_type == "rectification_report":
            report = session.get(RectificationReport, attachment.owner_id)
            return Target("interviews", report.interview_id if report else None)
        return Target(
            _ATTACHMENT_PAGES.get(attachment.owner_type, "dashboard"), attachment.owner_id
        )
    return Target(_PAGES.get(hit.kind, "dashboard"), hit.ref_id)
