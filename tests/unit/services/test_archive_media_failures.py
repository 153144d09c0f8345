"""A full medium, a pulled stick or a lying one: the export fails in Chinese and nothing that looks
like a complete package is left behind."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from archive_fixtures import docs_session  # noqa: F401

from db.models import Attachment
from desktop.services import audit
from desktop.services.archive import MediaError, build, export_year, fsio, verify_package
from desktop.services.archive import export as export_module


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def _nothing_complete(folder: Path) -> None:
    for path in folder.iterdir():
        assert path.name.endswith(fsio.UNFINISHED), path
        assert not verify_package(path).ok


def _fail_on_call(monkeypatch, number: int, error: int) -> None:
    real = fsio.write_file
    calls = {"n": 0}

    def failing(path: Path, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == number:
            raise OSError(error, "simulated")
        real(path, data)

    monkeypatch.setattr(fsio, "write_file", failing)


def test_not_enough_room_is_refused_before_writing(docs_session, admin, stick, monkeypatch) -> None:
    monkeypatch.setattr(
        fsio.shutil, "disk_usage", lambda _p: shutil._ntuple_diskusage(10**6, 10**6, 1000)
    )
    with pytest.raises(MediaError, match="空间不足，未开始写入"):
        export_year(docs_session, admin, 2026, stick)
    assert list(stick.iterdir()) == []


@pytest.mark.parametrize("as_zip", [False, True])
def test_simulated_enospc_midway(docs_session, admin, stick, monkeypatch, as_zip) -> None:
    if as_zip:
        real = export_module._write_zip

        def half_then_full(built, temp: Path, steps) -> None:
            real(built, temp, steps)
            with open(temp, "r+b") as handle:
                handle.truncate(temp.stat().st_size // 2)
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(export_module, "_write_zip", half_then_full)
    else:
        _fail_on_call(monkeypatch, 4, errno.ENOSPC)
    count = len(audit.recent(docs_session, 1000))
    with pytest.raises(MediaError, match="空间已满.*未留下任何不完整的归档包"):
        export_year(docs_session, admin, 2026, stick, as_zip=as_zip)
    assert list(stick.iterdir()) == []
    assert len(audit.recent(docs_session, 1000)) == count  # a failed export is not recorded


def test_pulled_stick_leaves_only_an_unfinished_name(
    docs_session, admin, stick, monkeypatch
) -> None:
    _fail_on_call(monkeypatch, 6, errno.EIO)
    monkeypatch.setattr(
        fsio.shutil, "rmtree", lambda _p: (_ for _ in ()).throw(OSError(errno.EIO, "gone"))
    )
    with pytest.raises(MediaError, match="拔出.*无法删除"):
        export_year(docs_session, admin, 2026, stick)
    leftovers = list(stick.iterdir())
    assert len(leftovers) == 1
    _nothing_complete(stick)


def test_a_stick_that_lies_is_caught_by_the_read_back(
    docs_session, admin, stick, monkeypatch
) -> None:
    real = fsio.write_file

    def corrupting(path: Path, data: bytes) -> None:
        real(path, data[:-1] + bytes([data[-1] ^ 1]) if path.suffix == ".pdf" else data)

    monkeypatch.setattr(fsio, "write_file", corrupting)
    with pytest.raises(MediaError, match="回读校验未通过"):
        export_year(docs_session, admin, 2026, stick)
    assert list(stick.iterdir()) == []


def test_destination_missing(docs_session, admin, tmp_path) -> None:
    with pytest.raises(Exception, match="不存在或不可用"):
        export_year(docs_session, admin, 2026, tmp_path / "no-stick")


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    """A 16 KB tmpfs: a real full file system (needs root and mount)."""
    point = tmp_path / "tiny"
    point.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(point)],
            check=True,
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot mount a tmpfs here (not root?)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=10)


@pytest.mark.parametrize("as_zip", [False, True])
def test_a_really_full_file_system(docs_session, admin, tiny_fs: Path, monkeypatch, as_zip) -> None:
    photo = os.urandom(64 * 1024)  # incompressible, so the ZIP cannot fit either
    docs_session.add(
        Attachment(
            owner_type="document",
            owner_id=1,
            filename="现场照片.jpg",
            media_type="image/jpeg",
            size=len(photo),
            sha256=hashlib.sha256(photo).hexdigest(),
            content=photo,
            added_at=datetime(2026, 2, 1),
        )
    )
    docs_session.commit()
    assert build(docs_session, 2026).size > 4 * 16 * 1024  # more than the tmpfs holds
    with pytest.raises(MediaError, match="空间不足，未开始写入"):
        export_year(docs_session, admin, 2026, tiny_fs, as_zip=as_zip)
    assert list(tiny_fs.iterdir()) == []
    # Past the free-space check (a medium that reports its room wrongly): ENOSPC for real.
    monkeypatch.setattr(fsio, "check_room", lambda _d, _p: None)
    with pytest.raises(MediaError, match="空间已满"):
        export_year(docs_session, admin, 2026, tiny_fs, as_zip=as_zip)
    assert list(tiny_fs.iterdir()) == []


def test_a_file_spoilt_on_the_medium_after_its_batch_was_synced_is_caught(
    docs_session, admin, stick, monkeypatch
) -> None:
    """The read-back runs in a thread while later files are written: a file that changes on the
    medium after it was written and synced (a lying stick) still fails the export."""
    real = fsio.Durable.settle
    spoilt: list[Path] = []

    def settle_then_spoil(self: fsio.Durable) -> list[Path]:
        paths = real(self)
        pdfs = [p for p in paths if p.suffix == ".pdf"]
        if pdfs and not spoilt:
            data = bytearray(pdfs[0].read_bytes())
            data[len(data) // 2] ^= 1
            pdfs[0].write_bytes(bytes(data))
            spoilt.append(pdfs[0])
        return paths

    monkeypatch.setattr(fsio.Durable, "settle", settle_then_spoil)
    count = len(audit.recent(docs_session, 1000))
    with pytest.raises(MediaError, match="回读校验未通过") as caught:
        export_year(docs_session, admin, 2026, stick)
    assert spoilt and spoilt[0].name in str(caught.value)
    assert list(stick.iterdir()) == []
    assert len(audit.recent(docs_session, 1000)) == count
