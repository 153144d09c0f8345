"""Export a year as a package on a medium: built in memory (building.py), room checked, written
under a temporary name with fsync, everything read back and verified, and only then given its
real name."""

from __future__ import annotations

import contextlib
import errno
import os
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.services import audit, heap, media
from desktop.services.archive import (
    copies,
    fsio,
    offsite,
    pending,
    seal,
    writer,
)
from desktop.services.archive.building import BuiltPackage, Items, Steps, build
from desktop.services.archive.facts import Facts
from desktop.services.archive.fsio import UNFINISHED, MediaError, human_size
from desktop.services.archive.metadata import sha256
from desktop.services.archive.model import MANIFEST, Span
from desktop.services.archive.readback import ReadBack
from desktop.services.archive.verify import (
    VerifyReport,
    embedded_in,
    embedded_sizes,
    verify_package,
)
from desktop.services.auth import Actor, Permission
from desktop.services.errors import ValidationError
from desktop.services.files import fsync_dir
from desktop.services.jobs import Progress


@dataclass(frozen=True)
class ExportResult:
    path: Path
    items: int
    pages: int
    files: int
    size: int  # bytes on the medium
    seconds: float
    report: VerifyReport
    leaves_pc: bool
    warning: str = ""  # not on removable media: which device it went to (media.Placement)


def _write_zip(built: BuiltPackage, temp: Path, steps: Steps) -> None:
    with open(temp, "wb") as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for rel, data in built.files.items():
                steps.tick()
                archive.writestr(f"{built.name}/{rel}", data)
        handle.flush()
        os.fsync(handle.fileno())
        fsio.forget_cached(handle.fileno())


def write(
    built: BuiltPackage,
    destination: Path,
    *,
    as_zip: bool = False,
    steps: Steps | None = None,
    before_final: Callable[[Path, int], None] | None = None,
    early: writer.Early | None = None,
) -> tuple[Path, VerifyReport]:
    """Write and verify; on any failure or a cancel nothing that looks like a complete package
    remains (the 未完成 folder or file is removed). ``before_final(path, size)`` runs once the
    copy is verified, just before it takes its final name (the pending-record journal).
    ``early``: the items already being written into their unfinished folder (EarlyWrite)."""
    steps = steps or Steps(None)
    destination = Path(destination)
    rest = built.files
    stale: set[str] = set()  # written by the child, but made again by the build (copies.item)
    if early is not None and early.root is not None:
        temp = early.root
        final = temp.with_name(temp.name.removesuffix(UNFINISHED))
        rest = {name: data for name, data in built.files.items() if name not in early.names}
        stale = early.stale(built.files)
    else:
        _check_destination(destination, built.size)
        final = fsio.unique_target(destination, built.name, ".zip" if as_zip else "")
        temp = final.with_name(final.name + UNFINISHED)
    try:
        if rest is not built.files:
            again = {name: built.files[name] for name in stale if name in built.files}
            _check_rest_room(destination, {**rest, **again})
        # Read back from the medium: each file once, hashed (a folder's batch by batch while the
        # next is written, archive/readback.py); what the checks read inside a file before
        # writing stands for the same bytes read back (same SHA-256).
        with ReadBack(embedded_sizes(built.info), _lean(built.digests, built.known)) as back:
            ahead = back.ahead
            if as_zip:
                _write_zip(built, temp, steps)
            else:
                temp.mkdir(exist_ok=rest is not built.files)
                back.start(temp)
                writer.write_batches(rest, temp, back, steps.tick)
                if early is not None and early.root is not None:
                    written = early.finish()
                    for _name in early.names - stale:
                        steps.tick()
                    if stale:
                        _rewrite(temp, stale, built.files, back, steps)
                    ahead = {**{n: p for n, p in written.items() if n not in stale}, **ahead}
            report = verify_package(temp, on_file=steps.tick, known=dict(built.known), ahead=ahead)
        report.label = str(final)
        if not report.ok:
            raise MediaError(
                "写入后回读校验未通过，介质可能有坏块或已被拔出，归档包已作废：\n" + report.text()
            )
        if before_final is not None:
            before_final(final, temp.stat().st_size if as_zip else report.size)
        os.rename(temp, final)
        fsync_dir(destination)
    except OSError as exc:
        left = _stop_and_discard(early, temp)
        raise MediaError(f"导出失败：{fsio.reason(exc)}。{left}") from exc
    except BaseException:
        _stop_and_discard(early, temp)
        raise
    return final, report


def _rewrite(
    temp: Path, stale: set[str], files: dict[str, bytes], back: ReadBack, steps: Steps
) -> None:
    """The child's files that the build made again, written over (read back like the rest) and
    any the package no longer holds removed, once the child is done with them."""
    for name in stale - files.keys():
        (temp / name).unlink(missing_ok=True)
    writer.write_batches({n: files[n] for n in sorted(stale) if n in files}, temp, back, steps.tick)


def _check_destination(destination: Path, size: int) -> None:
    if not destination.is_dir():
        raise ValidationError(f"目标文件夹“{destination}”不存在或不可用（移动介质是否已插好？）。")
    fsio.check_room(destination, size)


def _check_rest_room(destination: Path, rest: dict[str, bytes]) -> None:
    """Room for what is left once the items are on the medium (checked before they were)."""
    try:
        fsio.check_room(destination, sum(len(d) for d in rest.values()))
    except MediaError as exc:
        raise OSError(errno.ENOSPC, str(exc)) from exc


class EarlyWrite:
    """``build``'s EarlyItems for a folder export: once the items are numbered, the destination is
    checked (room for their files) and the package's unfinished folder made; once they are
    presumed from their kept copies, their files are written and read back in a child
    (writer.Early; a file the build then makes again is written again after). Where no child
    process can be started, nothing happens early and ``write`` writes everything."""

    def __init__(self, destination: Path, children: writer.Early) -> None:
        self.destination = Path(destination)
        self.children = children

    def begin(self, name: str, size: int) -> None:
        if not writer.forks():
            return
        _check_destination(self.destination, size)
        final = fsio.unique_target(self.destination, name)
        temp = final.with_name(final.name + UNFINISHED)
        temp.mkdir()  # the name is taken now: another export picks another
        self.children.root = temp

    def items(self, items: Items) -> None:
        if self.children.root is not None and items.files and not self.children.names:
            lean = _lean(items.digests, items.known)
            self.children.start(items.files, embedded_in(items.entries), lean)


def _lean(digests: dict[str, tuple[str, str]], known: dict[str, Facts]) -> dict[str, str]:
    """The PDFs and OFDs whose facts the self-check holds by their SHA-256: read back, they
    need only their hash (readback.py)."""
    return {
        name: sha
        for name, (sha, _original) in digests.items()
        if sha in known and name.rsplit(".", 1)[-1].lower() in ("pdf", "ofd")
    }


def _stop_and_discard(early: writer.Early | None, temp: Path) -> str:
    if early is not None:
        early.stop()  # nothing writes into the folder while it is removed
    return _discard(temp)


def _discard(temp: Path) -> str:
    if fsio.remove_quietly(temp):
        return "未留下任何不完整的归档包。"
    return f"未写完的“{temp.name}”无法删除，请在电脑上手动删除（它不是有效的归档包）。"


@audit.writes(Permission.BACKUP)
@heap.paused_full_collections()  # its objects live until it ends (heap.py)
def export_year(
    session: Session,
    actor: Actor,
    year: int | Span,
    destination: Path,
    *,
    as_zip: bool = False,
    leaves_pc: bool | None = None,
    progress: Progress | None = None,
    formats: str | None = None,
) -> ExportResult:
    """Build, write and verify the year's package; record it (and whether it left the PC).

    ``progress(done, total)`` is called per step; returning False cancels (Cancelled), the
    unfinished package is removed and nothing is recorded."""
    started = time.perf_counter()
    steps = Steps(progress)
    early = writer.Early()
    try:
        try:
            built = build(session, year, steps, formats, actor.display_name,
                          None if as_zip else EarlyWrite(destination, early))  # fmt: skip
        except BaseException:
            if early.root is not None:  # the items' folder, begun before the build failed
                _stop_and_discard(early, early.root)
            raise
        gone = offsite.on_removable(Path(destination)) if leaves_pc is None else leaves_pc

        def expect(final: Path, size: int) -> None:  # a kill after the medium's sync records
            pending.expect(session, actor, "archive", final, gone, built.info.span.year,
                           *_record(built, final, size, gone, as_zip))  # fmt: skip

        path, report = write(built, Path(destination), as_zip=as_zip, steps=steps,
                             before_final=expect, early=early)  # fmt: skip
    finally:
        early.stop()  # reaped whatever happened: no child outlives the export
    size = report.size
    if as_zip:
        with contextlib.suppress(OSError):
            size = path.stat().st_size
    result = ExportResult(
        path,
        len(built.info.items),
        sum(i.pages for i in built.info.items),
        report.files,
        size,
        time.perf_counter() - started,
        report,
        gone,
        media.placement(path).warning(path),
    )
    offsite.note(session, actor, "archive", gone, built.info.span.year,
                 *_record(built, path, size, gone, as_zip))  # fmt: skip
    return result


def _record(
    built: BuiltPackage, path: Path, size: int, gone: bool, as_zip: bool
) -> tuple[str, dict[str, object]]:
    """The ledger's summary and detail of a package written."""
    span = built.info.span
    summary = f"导出 {span.label()}归档包：{len(built.info.items)} 件，{human_size(size)}，已校验"
    return summary + ("，已存入移动介质" if gone else ""), {
        "path": str(path),
        "year": span.year,
        "from": span.first.isoformat(),
        "to": span.last.isoformat(),
        "items": [i.code for i in built.info.items],
        "numbers": [i.number for i in built.info.items],
        "zip": as_zip,
        # What an unsigned copy claiming this ledger is judged against (archive/provenance.py):
        # from this export on, every package of the ledger carries a seal.
        "format": built.info.layout,
        "sealed": seal.SEAL in built.files,
        "manifest_sha256": sha256(built.files[MANIFEST]),
    }


def estimate_size(session: Session, year: int | Span) -> int:
    """About what the package will take (PDFs and attachments, plus the tables), for the
    destination dialog's "will it fit" line before anything is built."""
    span = year if isinstance(year, Span) else Span.of_year(year)
    return copies.files_size(session, span) + 2 * 1024 * 1024
