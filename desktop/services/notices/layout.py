"""Laying out a notice from plain values (the office's settings already read): no database,
so a worker thread, or a cold command reading the ledger straight from SQLite, can use it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from desktop.documents.model import OfficialDocument
from desktop.services.errors import ValidationError
from desktop.services.files import write_atomically
from desktop.services.office_values import OfficeSettings

if TYPE_CHECKING:  # reportlab is imported when a notice is first laid out, not with the register
    from desktop.documents.fonts import FontSet
    from desktop.documents.ofd import OfdResult
    from desktop.documents.render import RenderResult


def fonts_of(office: OfficeSettings) -> FontSet:
    """The fonts the office chose (or the system's and shipped ones)."""
    from desktop.documents.fonts import FontSet

    chosen = dict(office.font_paths)
    extra = [office.font_dir] if office.font_dir.strip() else []
    return FontSet.resolve(chosen or None, extra_dirs=extra)


def office_words(
    office: OfficeSettings, unit_names: Iterable[str], project_names: Iterable[str]
) -> tuple[str, ...]:
    """The office's own names a title never cuts: issuer, units (full and short), projects."""
    names = [office.issuer_name, office.issuer_short, office.city, *unit_names, *project_names]
    return tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))


@dataclass(frozen=True)
class RenderOptions:
    """What the office's settings say about layout, read once; needs no session afterwards."""

    fonts: FontSet
    line_pitch_pt: float | None
    bold_level3: bool
    title_words: tuple[str, ...] = ()  # unit and project names a title never cuts


def options_for(
    office: OfficeSettings, unit_names: Iterable[str], project_names: Iterable[str]
) -> RenderOptions:
    """What the office's settings and names say about layout."""
    return RenderOptions(
        fonts_of(office),
        office.line_pitch_pt or None,
        office.bold_level3,
        office_words(office, unit_names, project_names),
    )


def render_with(
    model: OfficialDocument, options: RenderOptions, *, seal_marks: bool = False
) -> RenderResult:
    """Lay out a model without touching the database (safe on a worker thread).

    ``seal_marks``: outline where the seals go (a draft); an issued PDF leaves them white.
    """
    from desktop.documents.render import render_pdf

    return render_pdf(
        model,
        options.fonts,
        line_pitch_pt=options.line_pitch_pt,
        bold_level3=options.bold_level3,
        title_words=options.title_words,
        seal_marks=seal_marks,
    )


def render_ofd_with(
    model: OfficialDocument, options: RenderOptions, *, archival: bool = False
) -> OfdResult:
    """The same pages as :func:`render_with`, written as OFD (OFD-A for an archive copy)."""
    from desktop.documents.ofd import render_ofd

    return render_ofd(
        model,
        options.fonts,
        line_pitch_pt=options.line_pitch_pt,
        bold_level3=options.bold_level3,
        title_words=options.title_words,
        archival=archival,
    )


FORMATS = {".pdf": "PDF", ".ofd": "OFD"}


def format_of(target: Path, wanted: str | None = None) -> str:
    """pdf or ofd: as asked, else from the file's suffix; the suffix must agree."""
    suffix = target.suffix.lower()
    fmt = (wanted or suffix.lstrip(".") or "pdf").lower()
    if f".{fmt}" not in FORMATS:
        raise ValidationError(f"不支持的格式“{wanted}”，可选 pdf 或 ofd。", field="format")
    if suffix != f".{fmt}":
        raise ValidationError(f"输出文件“{target}”应以 .{fmt} 结尾。", field="out")
    return fmt


def save_pdf(data: bytes, target: Path) -> Path:
    """Write PDF bytes for the clerk: temporary name beside the target, fsync, rename."""
    return save_document(data, target, "pdf")


def save_document(data: bytes, target: Path, fmt: str) -> Path:
    """Write a PDF or OFD for the clerk: temporary name beside the target, fsync, rename."""
    format_of(target, fmt)

    def write(handle: BinaryIO) -> None:
        handle.write(data)

    return write_atomically(target, write)
