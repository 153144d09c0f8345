"""One 件's files made from the issued ones: the 正文 PDF as a copy bearing the 归档章, the OFD as
its OFD-A copy, attachments as they are; with what the 四性检测 reads from each (archive/facts.py).
The slow part of an export (pypdf, reportlab, re-zipping), done once per document and kept
(archive/copies.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from desktop.services.archive import codes, sources, stamp
from desktop.services.archive.facts import Facts, of_pdf
from desktop.services.archive.metadata import sha256
from desktop.services.archive.model import PackageFile, format_of, item_folder, item_pages
from desktop.services.archive.pdfcheck import PdfProblem, pdf_pages
from desktop.services.errors import DomainError

# Bump when the 归档章's drawing or the OFD-A conversion changes: kept copies are then remade.
MAKING = "1"


@dataclass(frozen=True)
class MadeFile:
    """One file of the 件 as the package holds it (``data`` None: the issued bytes as they are)."""

    source: sources.SourceFile
    entry: PackageFile
    data: bytes | None
    facts: Facts | None
    stamp: str  # the 归档章 it bears ("" for none): what a kept copy must match to be reused


@dataclass(frozen=True)
class MadeItem:
    files: tuple[MadeFile, ...]
    note: str


def stamp_key(fields: stamp.StampFields) -> str:
    return "|".join(
        (MAKING, fields.fonds, str(fields.year), fields.retention, str(fields.number),
         str(fields.pages), fields.organisation)
    )  # fmt: skip


def stamp_fields(code: codes.ArchiveCode, entries: list[PackageFile]) -> stamp.StampFields:
    return stamp.StampFields(
        code.fonds, code.year, code.retention, code.number, item_pages(entries), code.organisation
    )


def chosen_files(doc: sources.SourceDocument, formats: str) -> list[sources.SourceFile]:
    """The 件's files under the 归档格式 setting: 正文 as PDF, OFD or both; attachments as they
    are. A 正文 kept only as PDF (issued before OFD was stored) stays PDF whatever the setting."""
    mains = {f.name.rsplit(".", 1)[-1]: f for f in doc.files if f.role == "正文"}
    keep: tuple[str, ...] = {"pdf": ("pdf",), "ofd": ("ofd",)}.get(formats, ("pdf", "ofd"))
    if not any(k in mains for k in keep):
        keep = tuple(mains)
    return [f for f in doc.files if f.role != "正文" or f.name.rsplit(".", 1)[-1] in keep]


def make(
    code: codes.ArchiveCode,
    doc: sources.SourceDocument,
    chosen: list[sources.SourceFile],
) -> MadeItem:
    """The 件's files, made from the issued bytes (read from the ledger here)."""
    folder = item_folder(str(code), code.year)
    entries: list[PackageFile] = []
    for source in chosen:
        path = f"{folder}/{code}-{source.name}"
        data = source.data
        try:
            pages = pdf_pages(data) if format_of(path) == "pdf" else 0
            if format_of(path) == "ofd":
                pages = check_ofd_pages(data)
        except (PdfProblem, DomainError) as exc:
            raise DomainError(f"公文 {doc.number} 的文件“{source.name}”{exc}，未导出。") from exc
        entries.append(
            PackageFile(path, source.role, format_of(path), len(data), pages, source.sha256)
        )
    fields = stamp_fields(code, entries)
    key = stamp_key(fields)
    note = ""
    made: list[MadeFile] = []
    for source, entry in zip(chosen, entries, strict=True):
        if entry.format == "ofd":  # OFD-A with the 归档章 as an annotation of its own
            archival, facts = ofd_archival(source.data, fields)
            entry = dataclasses.replace(
                entry, size=len(archival), sha256=sha256(archival), pages=facts.pages
            )
            made.append(MadeFile(source, entry, archival, facts, key))
            continue
        main = entry.role == "正文" and entry.format == "pdf"
        if main:
            try:
                stamped = stamp.stamp(source.data, fields)
            except stamp.StampProblem as exc:
                note = f"未能加盖电子归档章（{exc}），附原件"
            else:
                entry = dataclasses.replace(
                    entry,
                    size=len(stamped.data),
                    sha256=sha256(stamped.data),
                    original_size=stamped.original_size,
                    original_sha256=stamped.original_sha256,
                )
                made.append(MadeFile(source, entry, stamped.data, of_pdf(stamped.data), key))
                continue
        read = of_pdf(source.data) if entry.format == "pdf" else None
        made.append(MadeFile(source, entry, None, read, key if main else ""))
    return MadeItem(tuple(made), note)


def check_ofd_pages(data: bytes) -> int:
    """Pages of an issued OFD (before its archive copy is made)."""
    from desktop.documents.ofd import OfdProblem
    from desktop.documents.ofd import check_ofd as check

    try:
        return check(data)
    except OfdProblem as exc:
        raise DomainError(str(exc)) from exc


def ofd_archival(data: bytes, fields: stamp.StampFields) -> tuple[bytes, Facts]:
    """The issued OFD as its archive copy (OFD-A, 归档章 annotation), checked as OFD-A once:
    the copy and what verify reads from it."""
    from desktop.documents.fonts import FontSet
    from desktop.documents.ofd import OfdProblem, archive_stamp, to_archival
    from desktop.documents.ofd import check_ofd as check

    try:
        copy = to_archival(
            data, [(label, value) for label, value in fields.cells()], FontSet.shipped()
        )
        pages = check(copy, archival=True)
    except (OfdProblem, KeyError, ValueError) as exc:
        raise DomainError(f"OFD 归档副本未能生成（{exc}），未导出。") from exc
    found = archive_stamp(copy)
    return copy, Facts(pages, stamp=None if found is None else tuple(found))
