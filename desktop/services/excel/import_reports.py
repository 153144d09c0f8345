"""Import returned report sheets: a preview of every change per task, then one transaction.

A file with any problem is refused whole, and while any file is refused nothing is written.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.services import audit
from desktop.services.auth import Actor, Permission
from desktop.services.diagnostics.logs import internal_error
from desktop.services.errors import ConflictError, ValidationError
from desktop.services.excel import fund_sync
from desktop.services.excel.import_plan import Planner
from desktop.services.excel.preview_model import (
    CHANGE_LABELS,
    FilePreview,
    ImportPreview,
    ImportResult,
    PreviewRow,
)
from desktop.services.excel.reading.report_sheet import ParsedFile, parse_report_file, refused_file
from desktop.services.excel.reading.safety import FileRefused, open_workbook
from desktop.services.excel.sources import collect_files
from desktop.services.jobs import Progress, step
from desktop.services.progress import record_reports

__all__ = ["CHANGE_LABELS", "FilePreview", "ImportPreview", "ImportResult", "PreviewRow",
           "apply_import", "preview_import"]  # fmt: skip


log = logging.getLogger(__name__)


def preview_import(
    session: Session,
    paths: Iterable[Path | str],
    expect_period: str | None = None,
    expect_unit_id: int | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read every file and say what importing it would do. Writes nothing."""
    found = collect_files([Path(p) for p in paths])
    parsed: list[ParsedFile] = []
    for index, (path, refusal) in enumerate(found):
        step(progress, index, len(found))
        if refusal:
            parsed.append(refused_file(str(path), path.name, refusal))
            continue
        try:
            parsed.append(parse_report_file(open_workbook(path)))
        except FileRefused as exc:
            parsed.append(refused_file(str(path), path.name, exc.reason))
        except Exception as exc:  # one file the program fails on must not stop the others
            parsed.append(
                refused_file(str(path), path.name, internal_error(log, f"reading {path}", exc))
            )
    step(progress, len(found), len(found))
    if not parsed:
        raise ValidationError("没有找到可导入的 Excel 文件（.xlsx）。")
    return Planner(session, expect_period, expect_unit_id).plan(parsed)


def apply_import(session: Session, actor: Actor, preview: ImportPreview) -> ImportResult:
    """Write what the preview showed, in one transaction; refuse if any file was refused.

    To leave a file out, preview again without it: what is written is always what was shown.
    """
    if preview.refused:
        names = "、".join(f"“{f.name}”" for f in preview.refused[:5])
        raise ValidationError(
            f"有 {len(preview.refused)} 个文件被拒收（{names}），未导入任何内容。"
            "请改正或移出这些文件后重新预览。"
        )
    fresh = Planner(session, preview.expect_period, preview.expect_unit_id).plan(preview.parsed)
    if fresh.refused or fresh.signature() != preview.signature():
        raise ConflictError("预览之后台账有改动，请重新预览后再导入。")
    files = len(fresh.files)
    new, changed = fresh.count("new"), fresh.count("changed")
    unchanged = fresh.count("unchanged") + fresh.count("duplicate")
    if not fresh.has_changes:
        # Nothing to write, so nothing is written: not even an audit entry.
        return ImportResult(files, 0, 0, unchanged, f"{files} 个文件的内容与台账一致，无需导入。")
    _write(session, actor, fresh, new, changed)
    return ImportResult(
        files, new, changed, unchanged,
        f"已导入 {files} 个文件：新增 {new} 条，更新 {changed} 条，无变化 {unchanged} 条。",
    )  # fmt: skip


@audit.writes(Permission.EDIT_LEDGER)
def _write(session: Session, actor: Actor, plan: ImportPreview, new: int, changed: int) -> None:
    if plan.reports:
        record_reports(session, actor, plan.reports)
    if plan.fund_changes:
        fund_sync.apply_fund_changes(session, actor, plan.fund_changes)
    audit.record(
        session,
        actor,
        "import",
        "progress_report",
        "",
        f"导入 Excel 报送表 {len(plan.parsed)} 份：新增 {new} 条，更新 {changed} 条",
        {"files": [{"name": p.name, "sha256": p.sha256} for p in plan.parsed]},
    )
