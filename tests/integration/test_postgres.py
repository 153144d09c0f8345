"""The shared office ledger on PostgreSQL: migrations, the demo, lamps and the register.

Runs when DUBAN_TEST_PG_URL names a server the tests may create databases on (CI starts one);
each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import threading

import pytest

from desktop.services import audit, auth, identity, overview
from desktop.services.demo import build as demo
from desktop.services.enums import LampColor
from desktop.services.notices import drafts as notice_drafts
from desktop.services.notices import issuing
from desktop.services.search.query import search

PG_URL = os.environ.get("DUBAN_TEST_PG_URL", "")
pytestmark = pytest.mark.skipif(not PG_URL, reason="DUBAN_TEST_PG_URL not set (no PostgreSQL)")


def test_demo_on_postgres_gives_the_same_lamps_as_on_sqlite(pg_ledger, demo_session) -> None:
    assert pg_ledger.path is None and ":duban@" not in pg_ledger.location  # password hidden
    with pg_ledger.session() as session:
        demo.build_demo(session, auth.system_actor("演示数据"))
        on_pg = {
            r.code: r.lamp.color
            for r in overview.task_rows(session, demo_session.info["clock"].today())
        }
        assert audit.verify_chain(session).ok
    on_sqlite = {
        r.code: r.lamp.color
        for r in overview.task_rows(demo_session, demo_session.info["clock"].today())
    }
    assert on_pg == on_sqlite
    assert set(on_pg.values()) == {LampColor.GREEN, LampColor.YELLOW, LampColor.RED}
    with pg_ledger.session() as session:  # 全文检索 on PostgreSQL finds what SQLite finds
        for query in ("市应急", "公安", "gongan", "gaj", "充"):
            assert _found(search(session, query)) == _found(search(demo_session, query)), query


def _found(results) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {g.kind: len(g.hits) for g in results.groups}


def test_two_clerks_issuing_at_once_get_gapless_distinct_numbers(pg_ledger) -> None:
    with pg_ledger.session() as session:
        demo.build_demo(session, auth.system_actor("演示数据"))
        clerk = identity.sign_in(session, "clerk", "duban-clerk")
        drafts = [
            notice_drafts.draft_notice(
                session, clerk, f"测试通知{i}", "各成员单位", [f"第{i}份通知正文。"]
            )
            for i in range(6)
        ]
        before = issuing.numbers_issued(session, "平安办", 2026)
    errors: list[BaseException] = []

    def issue(ids: list[int]) -> None:
        try:
            with pg_ledger.session() as own:
                for doc_id in ids:
                    issuing.issue(own, clerk, doc_id)
        except BaseException as exc:  # reported below
            errors.append(exc)

    workers = [threading.Thread(target=issue, args=(drafts[i::2],)) for i in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors
    with pg_ledger.session() as session:
        after = issuing.numbers_issued(session, "平安办", 2026)
    new = sorted(set(after) - set(before))
    assert new == list(range(max(before) + 1, max(before) + 7))


def test_clerks_writing_at_once_keep_one_unbroken_audit_chain(pg_ledger, concurrently) -> None:
    assert concurrently.units(pg_ledger) == []
    with pg_ledger.session() as session:
        check = audit.verify_chain(session)
    assert check.ok and check.entries == 45, check.message


def test_two_desks_recomputing_the_days_lamps_at_once_both_succeed(pg_ledger, clock) -> None:
    from datetime import timedelta

    from desktop.services import dashboard

    with pg_ledger.session() as session:
        demo.build_demo(session, auth.system_actor("演示数据"))
    clock.moment = clock.moment + timedelta(days=1)  # a new day: every cached lamp is stale
    errors: list[BaseException] = []
    counts: list[int] = []

    def look() -> None:
        try:
            with pg_ledger.session() as own:
                counts.append(dashboard.summary(own, clock.today()).total)
        except BaseException as exc:  # reported below
            errors.append(exc)

    desks = [threading.Thread(target=look) for _ in range(3)]
    for desk in desks:
        desk.start()
    for desk in desks:
        desk.join()
    assert not errors and counts == [37, 37, 37]


def test_decimal_percent_migration_round_trip_on_postgres(pg_ledger) -> None:
    """0015 on PostgreSQL: whole percents kept as NUMERIC(4, 1), 62.5 stored, a downgrade to
    whole numbers rounds down, the lamp-order index stays."""
    from tests.unit.db.test_db_percent import round_trip

    round_trip(pg_ledger)


def test_audit_action_index_keeps_the_log_append_only_on_postgres(pg_ledger) -> None:
    """0016 on PostgreSQL: the issue-hash lookup reads the index; down and up again, the
    append-only triggers still refuse UPDATE and DELETE."""
    from tests.unit.db.test_db_audit_index import round_trip

    round_trip(pg_ledger)


def test_the_command_line_asks_for_the_database_password(pg_ledger, capsys, monkeypatch) -> None:
    """An address without its password (and no PGPASSFILE entry): at a terminal the password is
    asked and handed to libpq for this process only; without one, the message says where to
    put it. Never a password on the command line."""
    import getpass
    import sys

    from sqlalchemy.engine import URL, make_url

    from desktop.cli import main

    url = make_url(pg_ledger.engine.url.render_as_string(hide_password=False))
    if not url.password:
        pytest.skip("the test server's address has no password to withhold")
    bare = URL.create(
        url.drivername, url.username, None, url.host, url.port, url.database, url.query
    ).render_as_string(hide_password=False)
    monkeypatch.setenv("PGPASSFILE", os.devnull)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError

    probe = create_engine(bare)
    try:
        with probe.connect():
            pytest.skip("the test server lets this role in without a password (trust)")
    except OperationalError:
        pass  # it asks for one: what this test is about
    finally:
        probe.dispose()
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert main(["--database", bare, "status"]) == 1
    assert "数据库服务器拒绝登录" in capsys.readouterr().err
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda _prompt="": url.password)
    assert main(["--database", bare, "status"]) == 0
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setattr(getpass, "getpass", lambda _prompt="": "not-the-password")
    assert main(["--database", bare, "status"]) == 1
    assert "数据库服务器拒绝登录" in capsys.readouterr().err
