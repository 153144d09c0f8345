"""The layout model of a notice to JSON and back, so a draft keeps every field the clerk set."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from desktop.documents.model import (
    Attachment,
    Attendance,
    Block,
    DocumentKind,
    Grade,
    OfficialDocument,
    Table,
)

_DATES = ("date", "printing_date")


def _block_out(block: Block) -> Any:
    return block if isinstance(block, str) else {"table": asdict(block)}


def _block_in(value: Any) -> Block:
    if isinstance(value, str):
        return value
    known = {f.name for f in fields(Table)}
    return Table(**{k: v for k, v in value["table"].items() if k in known})


def to_json(doc: OfficialDocument) -> str:
    data: dict[str, Any] = {}
    for f in fields(OfficialDocument):
        value = getattr(doc, f.name)
        if f.name == "body":
            value = [_block_out(b) for b in value]
        elif f.name == "attachments":
            value = [{"title": a.title, "blocks": [_block_out(b) for b in a.blocks]} for a in value]
        elif f.name == "attendance":
            value = asdict(value)
        elif f.name == "kind":
            value = value.value
        elif f.name == "grade":
            value = value.value if value else None
        elif f.name in _DATES:
            value = value.isoformat() if value else None
        data[f.name] = value
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> OfficialDocument:
    data = json.loads(text)
    known = {f.name for f in fields(OfficialDocument)}
    values = {k: v for k, v in data.items() if k in known}
    values["body"] = [_block_in(b) for b in values.get("body", [])]
    values["attachments"] = [
        Attachment(a["title"], [_block_in(b) for b in a.get("blocks", [])])
        for a in values.get("attachments", [])
    ]
    values["attendance"] = Attendance(**values.get("attendance", {}))
    values["kind"] = DocumentKind(values.get("kind", DocumentKind.DOCUMENT.value))
    values["grade"] = Grade(values["grade"]) if values.get("grade") else None
    for name in _DATES:
        if values.get(name):
            values[name] = date.fromisoformat(values[name])
    return OfficialDocument(**values)
