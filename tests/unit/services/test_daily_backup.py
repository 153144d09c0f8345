"""The day's rolling copy at start-up waits for a ledger held by another write instead of
giving up silently, and says so when it finally cannot."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.services import backup, daily_backup
from desktop.services.errors import ConflictError
from desktop.services.jobs import Cancelled


def test_a_copy_refused_by_a_busy_ledger_is_made_once_the_ledger_is_free(ledger, admin) -> None:
    assert ledger.path is not None
    holder = sqlite3.connect(ledger.path)
    holder.execute("BEGIN IMMEDIATE")  # another writer (a lamp recompute) holds the ledger
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        holder.rollback()  # the other write ends while the copy waits

    made = daily_backup.make_daily_copy(ledger.session, admin, pause_s=1, sleep=sleep)
    holder.close()
    assert waits, "the first attempt met the busy ledger and waited"
    assert made is not None and made.path.exists()
    with ledger.session() as session:
        assert not backup.rolling_backup_due(session)  # recorded: not made twice today
    assert daily_backup.make_daily_copy(ledger.session, admin) is None


def test_a_ledger_busy_throughout_gives_a_message_and_closing_stops_the_wait(
    ledger, admin, monkeypatch
) -> None:
    calls: list[int] = []

    def busy(_session, _actor):  # type: ignore[no-untyped-def]
        calls.append(1)
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(backup, "rolling_backup", busy)
    with pytest.raises(ConflictError, match="试了 3 次仍未完成"):
        daily_backup.make_daily_copy(
            ledger.session, admin, attempts=3, pause_s=2, sleep=lambda _s: None
        )
    assert len(calls) == 3
    with pytest.raises(Cancelled):  # the window closed: the worker stops waiting at once
        daily_backup.make_daily_copy(
            ledger.session, admin, lambda _d, _t: False, pause_s=60, sleep=lambda _s: None
        )
    assert len(calls) == 4
    monkeypatch.setattr(
        backup, "rolling_backup", lambda *_a: (_ for _ in ()).throw(ValueError("bug"))
    )
    with pytest.raises(ValueError):  # not a busy ledger: no retry, the caller logs it
        daily_backup.make_daily_copy(ledger.session, admin, sleep=lambda _s: None)
