"""Lay out a notice with the office's fonts and settings, and save a PDF for the clerk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Project, Unit
from desktop.documents.model import OfficialDocument
from desktop.services import settings
from desktop.services.notices.layout import (
    FORMATS,
    RenderOptions,
    fonts_of,
    format_of,
    options_for,
    render_ofd_with,
    render_with,
    save_document,
    save_pdf,
)

if TYPE_CHECKING:  # reportlab is imported when a notice is first laid out, not with the register
    from desktop.documents.fonts import FontSet
    from desktop.documents.ofd import OfdResult
    from desktop.documents.render import RenderResult

__all__ = [
    "FORMATS",
    "RenderOptions",
    "archival_pdf",
    "fonts_for",
    "format_of",
    "render",
    "render_ofd",
    "render_ofd_with",
    "render_options",
    "render_with",
    "save_document",
    "save_pdf",
]


def fonts_for(session: Session) -> FontSet:
    return fonts_of(settings.office(session))


def render_options(session: Session) -> RenderOptions:
    office = settings.office(session)
    units = [name for pair in session.execute(select(Unit.name, Unit.short_name)) for name in pair]
    return options_for(office, units, session.scalars(select(Project.name)).all())


def archival_pdf(pdf: bytes) -> bytes:
    """An issued document's PDF as kept: PDF/A-2b (XMP metadata and the CMYK output intent)."""
    from desktop.documents.pdfa import to_pdfa

    return to_pdfa(pdf)


def render(session: Session, model: OfficialDocument, *, seal_marks: bool = False) -> RenderResult:
    """Lay out a model with the office's fonts and line pitch (preview, drafts, issue)."""
    return render_with(model, render_options(session), seal_marks=seal_marks)


def render_ofd(session: Session, model: OfficialDocument, *, archival: bool = False) -> OfdResult:
    return render_ofd_with(model, render_options(session), archival=archival)
