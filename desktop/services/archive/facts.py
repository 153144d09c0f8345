"""What the 四性检测 reads from inside a PDF or OFD (pages, encryption, fonts, the OFD-A 归档章),
as one value per file: verify computes it from the bytes, or takes it from ``known`` (by the
file's SHA-256) when the same bytes were already read, e.g. by the export that wrote them."""

from __future__ import annotations

import json
from collections.abc import MutableMapping
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Facts:
    pages: int = 0
    problem: str = ""  # why the file does not open (as verify words it); "" when it opens
    encrypted: bool = False
    unembedded: tuple[str, ...] = ()  # fonts a PDF leaves to the reader's PC
    stamp: tuple[str, ...] | None = None  # an OFD's 归档章 values; None: it carries none
    codes: tuple[str, ...] | None = None  # the 档号 a catalogue.xlsx lists

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Facts:
        values = json.loads(text or "{}")
        stamp, codes = values.get("stamp"), values.get("codes")
        return cls(
            int(values.get("pages", 0)),
            str(values.get("problem", "")),
            bool(values.get("encrypted", False)),
            tuple(str(v) for v in values.get("unembedded", ())),
            None if stamp is None else tuple(str(v) for v in stamp),
            None if codes is None else tuple(str(v) for v in codes),
        )


# SHA-256 → what was read from those bytes: one export's checks before and after writing.
Known = MutableMapping[str, Facts]


def of_pdf(data: bytes) -> Facts:
    from desktop.services.archive.pdfcheck import PdfProblem, pdf_facts

    try:
        found = pdf_facts(data)
    except PdfProblem as exc:
        return Facts(problem=str(exc))
    return Facts(found.pages, "", found.encrypted, found.unembedded)


def of_ofd(data: bytes) -> Facts:
    """An OFD read as an archive copy (OFD-A, GB/T 42133), and the 归档章 it carries."""
    from desktop.documents.ofd import OfdProblem, archive_stamp, check_ofd

    stamp = archive_stamp(data)
    found = None if stamp is None else tuple(stamp)
    try:
        return Facts(check_ofd(data, archival=True), stamp=found)
    except OfdProblem as exc:
        return Facts(problem=str(exc), stamp=found)
