"""The items' files are written by child processes while the rest of the package is built
(archive/writer.py, issue 11): the package on the stick is the same, a failure anywhere leaves
nothing that looks complete, and no child outlives the export."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)
from __future__ import annotations

import os
from pathlib import Path

import pytest
from archive_fixtures import docs_session, flip_kept_copy, package_files  # noqa: F401

from desktop.services import audit
from desktop.services.archive import MediaError, export_year, verify_package, writer
from desktop.services.archive import carrier as carrier_module

pytestmark = pytest.mark.skipif(not writer.forks(), reason="children are forked on Linux only")


def _children() -> list[int]:
    """This process's live or unreaped children (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        text = (task / "children").read_text()
        found += [int(pid) for pid in text.split()]
    return found


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_a_package_written_by_the_children_equals_one_written_in_process(
    docs_session, admin, stick, tmp_path, monkeypatch
) -> None:
    before = _children()
    forked = export_year(docs_session, admin, 2026, stick, leaves_pc=False)
    assert _children() == before  # every child reaped
    assert verify_package(forked.path).ok
    monkeypatch.setattr(writer, "forks", lambda: False)  # as on Windows: all in this process
    other = tmp_path / "other"
    other.mkdir()
    plain = export_year(docs_session, admin, 2026, other, leaves_pc=False)
    assert verify_package(plain.path).ok
    ours, theirs = package_files(forked.path), package_files(plain.path)
    assert ours.keys() == theirs.keys()
    items = [name for name in ours if name.endswith(".pdf") and "/文书/" in name]
    assert items and all(ours[name] == theirs[name] for name in items)


def test_a_failure_after_the_items_began_leaves_nothing(
    docs_session, admin, stick, monkeypatch
) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("模拟的程序错误")

    monkeypatch.setattr(carrier_module, "carrier_files", broken)  # built after the items
    count = len(audit.recent(docs_session, 1000))
    with pytest.raises(RuntimeError):
        export_year(docs_session, admin, 2026, stick)
    assert list(stick.iterdir()) == []
    assert _children() == []
    assert len(audit.recent(docs_session, 1000)) == count


def test_a_writer_that_dies_fails_the_export_in_chinese(
    docs_session, admin, stick, monkeypatch
) -> None:
    def dies(*_args, **_kwargs) -> None:
        os._exit(9)  # killed (out of memory, a signal): no word back

    monkeypatch.setattr(writer, "_child", dies)
    with pytest.raises(MediaError, match="导出失败：.*未留下任何不完整的归档包"):
        export_year(docs_session, admin, 2026, stick)
    assert list(stick.iterdir()) == []
    assert _children() == []


def test_a_medium_error_met_by_the_writer_names_the_reason(
    docs_session, admin, stick, monkeypatch
) -> None:
    real = writer.fsio.write_file

    def pulled(path: Path, data: bytes) -> None:
        if "/文书/" in path.as_posix():  # an item's file: the child writes it
            raise OSError(5, "Input/output error", str(path))
        real(path, data)

    monkeypatch.setattr(writer.fsio, "write_file", pulled)
    with pytest.raises(MediaError, match="导出失败"):
        export_year(docs_session, admin, 2026, stick)
    assert list(stick.iterdir()) == []
    assert _children() == []


def test_a_kept_copy_whose_bytes_were_changed_is_written_again_on_the_stick(
    docs_session, admin, stick, tmp_path, monkeypatch
) -> None:
    """The writer starts on the kept copies before their bytes are hashed: a copy whose bytes
    alone were changed in the ledger (same length, same signed row) is on the stick as made
    again from the issued file, not as the child first wrote it."""
    first_stick = tmp_path / "first"
    first_stick.mkdir()
    first = export_year(docs_session, admin, 2026, first_stick, leaves_pc=False)  # keeps copies
    docs_session.commit()
    flipped = flip_kept_copy(docs_session)
    written: list[set[str]] = []
    real_start, real_stale = writer.Early.start, writer.Early.stale

    def start(self, files, prefixes, lean) -> None:
        written.append({n for n, d in files.items() if d == flipped})
        real_start(self, files, prefixes, lean)

    def stale(self, files) -> set[str]:
        found = real_stale(self, files)
        written.append(found)
        return found

    monkeypatch.setattr(writer.Early, "start", start)
    monkeypatch.setattr(writer.Early, "stale", stale)
    second = export_year(docs_session, admin, 2026, stick, leaves_pc=False)
    assert len(written) == 2 and written[0] and written[1] == written[0]  # the child had it
    assert verify_package(second.path).ok
    ours, theirs = package_files(second.path), package_files(first.path)
    assert flipped not in ours.values()
    items = [name for name in ours if "/文书/" in name]
    assert items and all(ours[name] == theirs[name] for name in items)
    assert _children() == []
