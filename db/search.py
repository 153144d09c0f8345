"""The search index kept in step with the ledger: what each record contributes, and the queries.

Chinese has no spaces, so every CJK character is indexed as its own token and a search is a
phrase query of consecutive tokens: "公安" finds every text holding 公 directly followed by 安,
however short the word. The same token stream serves SQLite (FTS5, unicode61) and PostgreSQL
(a GIN index over ``to_tsvector('simple', …)`` with ``phraseto_tsquery``). Names of tasks,
units and people are also indexed as pinyin (full and initials, from every starting
character) so that ``gongan`` or ``gaj`` find 公安局.

The index is written in the same transaction as the record (a flush hook installed on the
session factory) and rebuilt whole by :func:`rebuild` (the migration that creates it).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    Connection,
    Enum,
    String,
    delete,
    event,
    insert,
    inspect,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session, sessionmaker

from db.models import (
    Accountability,
    Attachment,
    Document,
    FundEntry,
    Interview,
    Meeting,
    MeetingDecision,
    Milestone,
    ProgressReport,
    Project,
    RectificationReport,
    SupervisionItem,
    Task,
    Unit,
    User,
)
from db.models.search import SearchEntry

_CJK = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])")
_WORD = re.compile(r"[0-9a-z]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN_ONLY = re.compile(r"^[a-z]+$")


@dataclass(frozen=True)
class Source:
    """How one model feeds the index: its kind, title, text fields, names, task."""

    kind: str
    title: Callable[[Any], str]
    fields: tuple[str, ...]
    names: Callable[[Any], Iterable[str]] = lambda _obj: ()
    task_id: Callable[[Any], int | None] = lambda _obj: None


def _document_text(doc: Document) -> str:
    try:
        content = json.loads(doc.content or "{}")
    except ValueError:
        return ""
    return " ".join(_strings(content))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


SOURCES: dict[type, Source] = {
    Task: Source(
        "task",
        lambda t: f"{t.code} {t.title}",
        ("code", "title", "target", "leader_in_charge", "note"),
        names=lambda t: (t.title, t.leader_in_charge),
        task_id=lambda t: t.id,
    ),
    Project: Source(
        "project",
        lambda p: f"{p.code} {p.name}",
        ("code", "name", "description"),
        names=lambda p: (p.name,),
    ),
    Unit: Source(
        "unit",
        lambda u: u.name,
        ("name", "short_name", "contact_person"),
        names=lambda u: (u.name, u.short_name, u.contact_person),
    ),
    User: Source(
        "user",
        lambda u: u.display_name,
        ("display_name", "username"),
        names=lambda u: (u.display_name,),
    ),
    Milestone: Source("milestone", lambda m: m.title, ("title",), task_id=lambda m: m.task_id),
    ProgressReport: Source(
        "report",
        lambda r: f"{r.period} 进度报送",
        ("progress", "problems", "next_steps", "fall_reason"),
        task_id=lambda r: r.task_id,
    ),
    FundEntry: Source("fund", lambda f: "资金记录", ("note",), task_id=lambda f: f.task_id),
    SupervisionItem: Source(
        "supervision",
        lambda s: (s.requirement or "")[:60],
        ("requirement", "reason", "reply_text", "closing_note"),
    ),
    Interview: Source(
        "interview",
        lambda i: (i.reason or "")[:60],
        (
            "reason",
            "place",
            "interviewer",
            "summoned",
            "attendees",
            "recorder",
            "problems",
            "statements",
            "commitments",
            "measures",
            "verification",
        ),
        names=lambda i: (i.interviewer, i.recorder),
    ),
    RectificationReport: Source("rectification", lambda r: "整改情况报告", ("content",)),
    Accountability: Source(
        "accountability",
        lambda a: f"问责 {a.persons}"[:60],
        ("persons", "grounds"),
        names=lambda a: (a.persons,),
    ),
    Meeting: Source(
        "meeting",
        lambda m: m.title,
        ("title", "place", "chair", "present", "absent", "attending", "topics"),
        names=lambda m: (m.chair,),
    ),
    MeetingDecision: Source("decision", lambda d: (d.content or "")[:60], ("content",)),
    Document: Source("document", lambda d: d.title, ("title", "number", "recipients", "cc")),
    Attachment: Source("attachment", lambda a: a.filename, ("filename",)),
}

KINDS = tuple(source.kind for source in SOURCES.values())
# Kinds whose names are indexed as pinyin: only these are asked a pinyin query.
_NO_NAMES = Source("", lambda _o: "", ()).names
PINYIN_KINDS = frozenset(s.kind for s in SOURCES.values() if s.names is not _NO_NAMES)


def tokens(value: str) -> str:
    """The text as index tokens: lower case, every CJK character spaced apart."""
    return _CJK.sub(r" \1 ", value.lower())


def _pinyin_terms(name: str) -> tuple[str, ...]:
    return _pinyin_of("".join(c for c in name if _CJK.match(c)))


@lru_cache(maxsize=1)
def _pypinyin() -> tuple[Any, Any]:
    """pypinyin's lazy_pinyin and Style. The bundle ships its phrase table (银行 yinhang, 重庆
    chongqing…) as phrases_dict.json.gz (build.spec, 2.5 → 0.5 MB): there pypinyin is told to
    skip the plain file it would open and is given the same table through load_phrases_dict."""
    import gzip
    import importlib.util
    import os
    from pathlib import Path

    spec = importlib.util.find_spec("pypinyin")
    folder = Path(spec.origin).parent if spec and spec.origin else None
    packed = folder / "phrases_dict.json.gz" if folder else None
    if packed and packed.exists() and not packed.with_suffix("").exists():
        os.environ["PYPINYIN_NO_PHRASES"] = "1"
        import pypinyin

        with gzip.open(packed, "rt", encoding="utf-8") as table:
            pypinyin.load_phrases_dict(json.load(table))
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style


@lru_cache(maxsize=8192)
def _pinyin_of(chars: str) -> tuple[str, ...]:
    """Full pinyin and initials of the characters from each starting one (gonganju, anju…)."""
    if not chars:
        return ()
    lazy_pinyin, Style = _pypinyin()  # loaded on the first index write, not at start-up
    full = lazy_pinyin(chars, errors="ignore")
    initials = lazy_pinyin(chars, style=Style.FIRST_LETTER, errors="ignore")
    out = []
    for i in range(len(full)):
        out.append("".join(full[i:]))
        out.append("".join(initials[i:]))
    return tuple(out)


def pinyin_terms(names: Iterable[str]) -> str:
    seen: dict[str, None] = {}
    for name in names:
        for term in _pinyin_terms(name or ""):
            seen.setdefault(term, None)
    return " ".join(seen)


def entry_values(obj: Any, model: type | None = None) -> dict[str, Any] | None:
    model = model or type(obj)
    source = SOURCES.get(model)
    if source is None:
        return None
    parts = [str(getattr(obj, f) or "") for f in source.fields]
    if model is Document:
        parts.append(_document_text(obj))
    body = "\n".join(p for p in parts if p)
    return {
        "kind": source.kind,
        "ref_id": obj.id,
        "task_id": source.task_id(obj),
        "title": source.title(obj) or "",
        "body": body,
        "terms": tokens(body),
        "pinyin": pinyin_terms(source.names(obj)),
    }


# -- keeping the index in step ---------------------------------------------------------------


def install(factory: sessionmaker[Session]) -> None:
    """Index every record written through sessions of this factory, in the same transaction."""
    event.listen(factory, "after_flush", _after_flush)


def _after_flush(session: Session, _context: object) -> None:
    gone: dict[str, set[int]] = {}
    fresh: list[dict[str, Any]] = []
    for obj in session.deleted:
        source = SOURCES.get(type(obj))
        if source is not None:
            gone.setdefault(source.kind, set()).add(obj.id)
    for obj in (*session.new, *session.dirty):
        source = SOURCES.get(type(obj))
        if source is None or (obj not in session.new and not _text_changed(obj, source)):
            continue  # a status or a link changed, not a word the search reads
        values = entry_values(obj)
        if values is not None:
            if obj not in session.new:  # a new record has no entry yet
                gone.setdefault(source.kind, set()).add(values["ref_id"])
            fresh.append(values)
    if not gone and not fresh:
        return
    conn = session.connection()
    for kind, ids in gone.items():
        conn.execute(
            delete(SearchEntry).where(SearchEntry.kind == kind, SearchEntry.ref_id.in_(ids))
        )
    if fresh:
        conn.execute(insert(SearchEntry), fresh)


def _text_changed(obj: Any, source: Source) -> bool:
    state = inspect(obj)
    watched = (*source.fields, "content") if isinstance(obj, Document) else source.fields
    return any(state.attrs[f].history.has_changes() for f in watched)


def _namespace(table: Any, values: dict[str, Any]) -> SimpleNamespace:
    """A row as attributes, enum text turned back into the enum where it still is one."""
    for column in table.c:
        kind = getattr(column.type, "enum_class", None)
        if kind is not None and isinstance(values.get(column.name), str):
            with contextlib.suppress(ValueError):
                values[column.name] = kind(values[column.name])
    return SimpleNamespace(**values)


def rebuild(session: Session, batch: int = 2000) -> int:
    """Index every record anew (a migration, or a repair); returns how many were indexed.

    Reads only the columns the table has now, so an older schema (a migration running before
    later ones) is indexed as well as the newest."""
    conn = session.connection()
    conn.execute(delete(SearchEntry))
    count = 0
    for model in SOURCES:
        table = model.__table__  # type: ignore[attr-defined]
        live = {c["name"] for c in inspect(conn).get_columns(table.name)}
        # Enum columns are read as text: an older schema may hold a value the enum has since
        # renamed (a role of before 三员分立), which a later migration converts.
        columns = [
            type_coerce(c, String).label(c.name) if isinstance(c.type, Enum) else c
            for c in table.c
            if c.name in live
        ]
        defaults = {c.name: None for c in table.c}
        last = 0
        while True:
            rows = conn.execute(
                select(*columns).where(table.c.id > last).order_by(table.c.id).limit(batch)
            ).all()
            if not rows:
                break
            values = [
                v
                for row in rows
                if (v := entry_values(_namespace(table, defaults | dict(row._mapping)), model))
            ]
            if values:
                conn.execute(insert(SearchEntry), values)
            count += len(values)
            last = rows[-1].id
    return count


# -- the full-text structures per dialect ----------------------------------------------------

FTS_TABLE = "search_fts"


def create_fulltext(conn: Connection) -> None:
    """The dialect's full-text index over search_entry (kept in step by triggers on SQLite)."""
    if conn.dialect.name == "sqlite":
        conn.execute(
            text(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(kind, terms, pinyin, content='search_entry',"
                " content_rowid='id', tokenize='unicode61 remove_diacritics 0', prefix='2 3')"
            )
        )
        conn.execute(
            text(
                f"CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN INSERT INTO "
                f"{FTS_TABLE}(rowid, kind, terms, pinyin) VALUES (new.id, new.kind, new.terms, new.pinyin); END"
            )
        )
        conn.execute(
            text(
                f"CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN INSERT INTO "
                f"{FTS_TABLE}({FTS_TABLE}, rowid, kind, terms, pinyin) VALUES "
                "('delete', old.id, old.kind, old.terms, old.pinyin); END"
            )
        )
        conn.execute(
            text(
                f"CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN INSERT INTO "
                f"{FTS_TABLE}({FTS_TABLE}, rowid, kind, terms, pinyin) VALUES "
                "('delete', old.id, old.kind, old.terms, old.pinyin); INSERT INTO "
                f"{FTS_TABLE}(rowid, kind, terms, pinyin) VALUES (new.id, new.kind, new.terms, new.pinyin); END"
            )
        )
    elif conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "CREATE INDEX ix_search_entry_terms ON search_entry "
                "USING gin (to_tsvector('simple', terms))"
            )
        )
        conn.execute(
            text(
                "CREATE INDEX ix_search_entry_pinyin ON search_entry "
                "USING gin (to_tsvector('simple', pinyin))"
            )
        )


def drop_fulltext(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for trigger in ("search_entry_ai", "search_entry_ad", "search_entry_au"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
        conn.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))


# -- queries ----------------------------------------------------------------------------------


def query_words(query: str) -> list[str]:
    """The words of a query: each run of Latin/digits, and each run of CJK characters."""
    words = []
    for part in query.lower().split():
        run: list[str] = []
        for token in _WORD.findall(part):
            if _CJK.match(token):
                run.append(token)
            else:
                if run:
                    words.append(" ".join(run))
                    run = []
                words.append(token)
        if run:
            words.append(" ".join(run))
    return words


def matching_ids(session: Session, query: str, kind: str, limit: int = 20) -> list[int]:
    """Ids of one kind's entries holding every word of the query (or its pinyin), newest first."""
    words = query_words(query)
    if not words:
        return []
    pinyin = len(words) == 1 and _LATIN_ONLY.match(words[0]) is not None and kind in PINYIN_KINDS
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        phrase = " AND ".join('"' + w.replace('"', "") + '"' for w in words)
        match = f"terms : ({phrase})"
        if pinyin:
            match = f"({match} OR pinyin : {words[0]}*)"
        rows = conn.execute(
            text(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q "
                "ORDER BY rowid DESC LIMIT :n"
            ),
            {"q": f'kind : "{kind}" AND {match}', "n": limit},
        )
        return [r[0] for r in rows]
    params: dict[str, Any] = {f"w{i}": w for i, w in enumerate(words)}
    params.update(k=kind, n=limit)
    clauses = " AND ".join(
        f"to_tsvector('simple', terms) @@ phraseto_tsquery('simple', :w{i})"
        for i in range(len(words))
    )
    if pinyin:
        clauses = f"({clauses}) OR to_tsvector('simple', pinyin) @@ to_tsquery('simple', :p)"
        params["p"] = words[0] + ":*"
    rows = conn.execute(
        text(
            f"SELECT id FROM search_entry WHERE kind = :k AND ({clauses}) ORDER BY id DESC LIMIT :n"
        ),
        params,
    )
    return [r[0] for r in rows]


def is_index_structure(name: str | None, type_: str, _parents: object = None) -> bool:
    """False for the full-text tables the models do not describe (Alembic's include_name)."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))
