"""A draft's characters against the office's fonts: what prints from a fallback face or from
none, the clerk's confirmation before a save or an issue, and what the audit entry keeps of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from db.models import Document
from desktop.documents.model import OfficialDocument
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing
from desktop.services.notices.codec import from_json
from desktop.services.notices.render import fonts_for

if TYPE_CHECKING:  # the layout (reportlab) loads when a notice is first checked or laid out
    from desktop.documents.coverage import CoverageReport
    from desktop.documents.fonts import FontSet


class FontsToConfirm(ValidationError):
    """Characters of the draft print from a fallback font (or, at save, from none): the clerk
    sees the list and confirms before the draft is saved or issued."""

    def __init__(self, report: CoverageReport, *, issuing: bool = True) -> None:
        parts = [report.fallback_message()] if report.fallback else []
        if report.missing:  # only at save: at issue they refuse outright
            parts.append(report.missing_message())
        then = "确认无误后再印发。" if issuing else "确认无误后再保存。"
        super().__init__("".join(parts) + then, field="fonts")
        self.report = report
        self.issuing = issuing


def font_check(session: Session, doc_id: int) -> CoverageReport:
    """Every character of a saved draft against the office's fonts."""
    doc = get_or_missing(session, Document, doc_id, "公文")
    return font_check_model(session, from_json(doc.content))


def font_check_model(session: Session, model: OfficialDocument) -> CoverageReport:
    """Every character of a draft as the clerk has it (before it is saved) against the fonts."""
    from desktop.documents.coverage import check_coverage

    return check_coverage(model, fonts_for(session))


AUDITED_GLYPHS = 50  # places listed in an audit entry; the characters are always all there


def _glyph_detail(report: CoverageReport) -> dict[str, object]:
    """What the clerk confirmed, for the audit entry of the save or issue."""
    detail: dict[str, object] = {}
    if report.fallback:
        faces = {i.ch: i.font for i in report.fallback}
        detail["fonts_confirmed"] = {
            "chars": report.fallback_chars(),
            "faces": faces,
            "places": [i.describe() for i in report.fallback[:AUDITED_GLYPHS]],
            "count": len(report.fallback),
        }
    if report.missing:
        detail["fonts_missing"] = {
            "chars": "".join(dict.fromkeys(i.ch for i in report.missing)),
            "places": [i.describe() for i in report.missing[:AUDITED_GLYPHS]],
            "count": len(report.missing),
        }
    return detail


def check_fonts(
    model: OfficialDocument, fonts: FontSet, confirmed: bool | None, *, issuing: bool
) -> dict[str, object]:
    """Check every character; returns what the audit entry records of the clerk's confirmation.

    ``confirmed`` None: a draft the program composed from the ledger, not checked until issue.
    At issue characters no font can draw refuse; at save they are listed with the fallbacks
    (the draft keeps what the clerk typed, 印发 stays blocked until they are changed).
    """
    from desktop.documents.coverage import check_coverage

    if confirmed is None:
        return {}
    report = check_coverage(model, fonts)
    if issuing and report.missing:
        raise ValidationError(report.missing_message(), field="fonts")
    if (report.fallback or report.missing) and not confirmed:
        raise FontsToConfirm(report, issuing=issuing)
    return _glyph_detail(report)
