"""Two windows (threads) and two programs (processes) issuing at once get distinct, gapless numbers."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from sqlalchemy import select

from db.models import Document
from desktop.documents.model import OfficialDocument
from desktop.services.notices import issuing
from desktop.services.notices import register as notices
from desktop.services.notices.register import DocKind, DocStatus


def _drafts(session, actor, count: int) -> list[int]:
    return [
        notices.create_draft(
            session,
            actor,
            DocKind.NOTICE,
            OfficialDocument(
                title=f"关于第{i + 1}项工作的通知",
                issuer_mark="江城市平安建设领导小组办公室",
                body=["请认真抓好落实。"],
                signature="江城市平安建设领导小组办公室",
                date=date(2026, 11, 28),
            ),
        )
        for i in range(count)
    ]


def _check_register(session, count: int) -> None:
    session.expire_all()
    rows = session.execute(
        select(Document.serial, Document.number, Document.content, Document.status)
    ).all()
    assert all(status == DocStatus.ISSUED for *_x, status in rows)
    assert sorted(serial for serial, *_ in rows) == list(range(1, count + 1))
    assert len({number for _s, number, *_ in rows}) == count
    for serial, number, content, _status in rows:
        # The number printed in the stored document is the one in the register.
        assert number == f"平安办〔2026〕{serial}号" and number in content


def test_two_threads_issue_at_once(ledger, session, clerk) -> None:
    ids = _drafts(session, clerk, 6)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def worker(mine: list[int]) -> None:
        try:
            with ledger.session() as own:
                barrier.wait()
                for doc_id in mine:
                    issuing.issue(own, clerk, doc_id)
        except BaseException as exc:  # reported below, the thread must not die silently
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(ids[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    _check_register(session, 6)


WORKER = """
import sys, time
from datetime import datetime
from pathlib import Path
from desktop.services import auth
from desktop.services.notices import register as notices
from desktop.services.notices import issuing
from desktop.services.clock import FixedClock
from desktop.services.ledger import open_ledger

db, go, ids = sys.argv[1], Path(sys.argv[2]), [int(x) for x in sys.argv[3].split(",")]
ledger = open_ledger(db, FixedClock(datetime(2026, 11, 28, 10, 0)))
with ledger.session() as session:
    notices.fonts_for(session)  # warm up before the start line, so both really overlap
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.01)
    for doc_id in ids:
        print(issuing.issue(session, auth.system_actor("并发"), doc_id).number, flush=True)
ledger.dispose()
"""


def test_two_processes_issue_at_once_on_one_sqlite_file(ledger, session, clerk, tmp_path) -> None:
    ids = _drafts(session, clerk, 8)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WORKER,
                str(ledger.path),
                str(go),
                ",".join(map(str, ids[i::2])),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[3],
        )
        for i in range(2)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    go.touch()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outputs += out.split()
    assert len(outputs) == 8 and len(set(outputs)) == 8
    _check_register(session, 8)
