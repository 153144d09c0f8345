"""Import a package made on another PC: verify it (refuse on any failed check), compare its items
with this ledger's register, show what would change, then copy it read-only into a folder.

Nothing enters the register: the leader-office or another issuer's package stays what it is, a
signed-off, verifiable package, kept beside the ledger and browsed read-only; the audit log
records which documents came in. A package whose 文号 clashes with a different issued document
here is refused (one of the two is not what it claims to be)."""

from __future__ import annotations

import contextlib
import json
import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, DocStatus, Document
from desktop.services import audit
from desktop.services.archive import fsio, provenance
from desktop.services.archive.building import Steps
from desktop.services.archive.fsio import UNFINISHED, MediaError, human_size
from desktop.services.archive.model import IMPORT_FOLDER, PackageInfo, PackageItem, is_litter
from desktop.services.archive.reader import UnsafePackage, check_name, open_package
from desktop.services.archive.verify import VerifyReport, verify_package
from desktop.services.auth import Actor, Permission
from desktop.services.errors import ConflictError, ValidationError
from desktop.services.files import fsync_dir
from desktop.services.jobs import Progress

NEW, PRESENT, IMPORTED, CONFLICT = "新增", "本台账已有", "已导入过", "冲突"
ACTION = "import_archive"
FOLDER = IMPORT_FOLDER


@dataclass(frozen=True)
class ImportLine:
    code: str
    number: str
    title: str
    day: date
    status: str  # NEW / PRESENT / CONFLICT
    reason: str = ""


@dataclass
class ImportPlan:
    """What an import would do; computed without writing anything."""

    source: Path
    report: VerifyReport
    target: Path | None  # the folder the package would be copied to
    lines: list[ImportLine] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # 档号 → the issued PDF's SHA-256

    @property
    def info(self) -> PackageInfo | None:
        return self.report.info

    def count(self, status: str) -> int:
        return sum(1 for line in self.lines if line.status == status)

    @property
    def refusal(self) -> str:
        """Why the package may not be imported ('' when it may)."""
        if not self.report.ok:
            return "该归档包未通过四性检测，拒绝导入。"
        if self.count(CONFLICT):
            return f"有 {self.count(CONFLICT)} 件与本台账已印发的同号公文内容不同，拒绝导入。"
        if not self.count(NEW):
            return "包内公文本台账均已登记或已导入过，无需导入，未作任何改动。"
        return ""

    def text(self) -> str:
        info = self.info
        head = [f"导入归档包：{self.source}"]
        if info is not None:
            head.append(
                f"立档单位 {info.issuer}　全宗号 {info.fonds}　{info.span.label()}　"
                f"{len(info.items)} 件　{self.report.files} 个文件　{human_size(self.report.size)}"
            )
        head.append(self.report.summary())
        head.append(
            f"与本台账比对：新增 {self.count(NEW)} 件，已有 {self.count(PRESENT)} 件，"
            f"已导入过 {self.count(IMPORTED)} 件，冲突 {self.count(CONFLICT)} 件。"
        )
        body = [
            f"  [{line.status}] {line.code}　{line.number or '（无文号）'}　{line.title}"
            + (f"　— {line.reason}" if line.reason else "")
            for line in self.lines
        ]
        tail = [self.refusal or f"将以只读方式复制到：{self.target}（不改动台账的公文登记）。"]
        if not self.report.ok:
            tail.append(self.report.text())
        return "\n".join([*head, *body, *tail])


def _original_hash(item: PackageItem) -> str:
    """The issued PDF's SHA-256 as the issuing register recorded it (under the 归档章 copy)."""
    for f in item.files:
        if f.role == "正文":
            return f.original_sha256 or f.sha256
    return ""


def _imported(session: Session) -> dict[str, str]:
    """sha256 → where, for every document brought in by an earlier import (the audit log is
    the record of imports: nothing enters the register)."""
    found: dict[str, str] = {}
    query = select(AuditEntry.detail).where(AuditEntry.action == ACTION)
    for detail in session.scalars(query):
        try:
            data = json.loads(detail)
        except ValueError:
            continue
        for entry in data.get("new", []):
            if entry.get("sha256"):
                found[entry["sha256"]] = str(data.get("path", ""))
    return found


def _compare(session: Session, item: PackageItem, imported: dict[str, str]) -> ImportLine:
    line = ImportLine(item.code, item.number, item.title, item.day, NEW)
    digest = _original_hash(item)
    if digest in imported:
        return ImportLine(*_fields(line), IMPORTED, f"已在 {imported[digest]}")
    issued = Document.status == DocStatus.ISSUED
    if item.number:
        here = session.scalar(select(Document).where(issued, Document.number == item.number))
        if here is not None:
            if here.pdf_sha256 == digest:
                return ImportLine(*_fields(line), PRESENT, "同号同内容")
            return ImportLine(*_fields(line), CONFLICT, f"本台账的 {here.number} 内容不同")
    if digest and session.scalar(select(Document.id).where(issued, Document.pdf_sha256 == digest)):
        return ImportLine(*_fields(line), PRESENT, "同内容（文号不同）")
    return line


def _fields(line: ImportLine) -> tuple[str, str, str, date]:
    return line.code, line.number, line.title, line.day


def default_folder(ledger_file: Path) -> Path:
    return ledger_file.parent / FOLDER


def plan_import(session: Session, path: Path, folder: Path | None) -> ImportPlan:
    """Verify the package and compare it with the register; reads only."""
    report = verify_package(Path(path), ledger=provenance.history(session))
    plan = ImportPlan(Path(path), report, None)
    if report.info is None:
        return plan
    imported = _imported(session)
    plan.lines = [_compare(session, item, imported) for item in report.info.items]
    plan.hashes = {item.code: _original_hash(item) for item in report.info.items}
    if folder is not None:
        name = Path(path).name.removesuffix(".zip")
        plan.target = fsio.unique_target(Path(folder), name)
    return plan


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    path: Path
    files: int
    size: int


@audit.writes(Permission.EDIT_LEDGER)
def import_package(
    session: Session,
    actor: Actor,
    path: Path,
    folder: Path,
    *,
    progress: Progress | None = None,
) -> ImportResult:
    """Verify, compare, refuse or copy the package read-only under ``folder``; nothing is
    written outside ``folder/<package name>`` and a failure leaves nothing that looks complete."""
    folder = Path(folder)
    if not folder.exists():
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True)
    if not folder.is_dir():
        raise ValidationError(f"目标文件夹“{folder}”不存在或不可用。")
    plan = plan_import(session, path, folder)
    if plan.refusal:
        raise ConflictError(plan.refusal + "\n" + plan.text())
    if plan.target is None or plan.info is None:  # cannot happen once verify passed
        raise ValidationError("归档包缺少元数据，拒绝导入。")
    fsio.check_room(folder, plan.report.size)
    steps = Steps(progress)
    steps.total = 2 * plan.report.files
    final = plan.target
    temp = final.with_name(final.name + UNFINISHED)
    try:
        _extract(Path(path), temp, steps)
        # read back what was written, judged as the original was
        check = verify_package(temp, on_file=steps.tick, ledger=provenance.history(session))
        if not check.ok:
            raise MediaError("复制后回读校验未通过，已作废：\n" + check.text())
        os.rename(temp, final)
        fsync_dir(folder)
    except OSError as exc:
        fsio.remove_quietly(temp)
        raise MediaError(f"导入失败：{fsio.reason(exc)}。未留下不完整的副本。") from exc
    except BaseException:
        fsio.remove_quietly(temp)
        raise
    _read_only(final)
    new = [line for line in plan.lines if line.status == NEW]
    audit.record(
        session,
        actor,
        ACTION,
        "archive",
        plan.info.year,
        f"导入{plan.info.issuer}的归档包（{plan.info.span.label()}）：新增 {len(new)} 件，"
        f"已有 {plan.count(PRESENT)} 件，已只读存放",
        {
            "source": str(path),
            "path": str(final),
            "issuer": plan.info.issuer,
            "new": [
                {
                    "code": n.code,
                    "number": n.number,
                    "title": n.title,
                    "sha256": plan.hashes[n.code],
                }
                for n in new
            ],
        },
    )
    return ImportResult(plan, final, check.files, check.size)


def _extract(source: Path, temp: Path, steps: Steps) -> None:
    """Every file through the safe reader (no '..', no links, bounded sizes), each target path
    checked to stay under ``temp`` before it is written."""
    reader = open_package(source)
    try:
        temp.mkdir()
        root = temp.resolve()
        folders = {temp}
        for name in reader.names():
            steps.tick()
            if is_litter(name):  # a stick's .DS_Store is not part of the record
                continue
            target = temp / check_name(name)
            if not target.resolve().is_relative_to(root):
                raise UnsafePackage(f"包内“{name}”会写到目标文件夹之外，已拒绝。")
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            fsio.write_file(target, reader.chunks(name))  # streamed: never whole in memory
        for made in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            fsync_dir(made)
    finally:
        reader.close()


def _read_only(root: Path) -> None:
    # The copy is a record: read-only files (the read-only attribute on Windows).
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with contextlib.suppress(OSError):
                path.chmod(stat.S_IREAD | stat.S_IRGRP | stat.S_IROTH)
