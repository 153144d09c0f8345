"""全文检索: every kind of record is found by its words, names by pinyin, the index in step."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from db import search as index
from db.models import MeetingDecision, ProgressReport, SearchEntry, SupervisionItem
from desktop.services import attachments, progress
from desktop.services.errors import ValidationError
from desktop.services.progress import ReportInput
from desktop.services.search.query import marks, open_target, search


def _kinds(session, query: str) -> dict[str, list[str]]:
    return {g.kind: [h.title for h in g.hits] for g in search(session, query).groups}


def test_words_from_the_demo_are_found_in_every_kind_they_occur(demo_ledger) -> None:
    with demo_ledger.session() as session:
        decision = session.scalars(select(MeetingDecision)).first()
        item = session.scalars(
            select(SupervisionItem).where(SupervisionItem.reply_text != "")
        ).first()
        word = decision.content[2:6]
        reply = item.reply_text[3:7]
        assert "decision" in _kinds(session, word)
        assert "supervision" in _kinds(session, reply)
        found = _kinds(session, "市应急")
        for kind in ("interview", "accountability", "meeting", "document", "unit"):
            assert kind in found, found
        assert "task" in _kinds(session, "充电桩")


def test_a_single_character_and_a_name_are_found(demo_ledger) -> None:
    with demo_ledger.session() as session:
        assert "user" in _kinds(session, "张")
        assert _kinds(session, "充") and not _kinds(session, "充 不存在的词")


def test_pinyin_full_and_initials_find_the_names(demo_ledger) -> None:
    with demo_ledger.session() as session:
        by_chars = _kinds(session, "公安")
        assert by_chars["unit"] == _kinds(session, "gongan")["unit"]
        assert _kinds(session, "gaj")["unit"] == [t for t in by_chars["unit"] if "公安局" in t]


def test_the_index_follows_each_write_in_its_transaction(session, clerk, task_id) -> None:
    assert not search(session, "充电桩建设滞后").groups
    progress.record_report(
        session, clerk, ReportInput(task_id, "2026-11", 40, problems="充电桩建设滞后于计划")
    )
    hits = _kinds(session, "充电桩建设滞后")
    assert list(hits) == ["report"]
    with pytest.raises(ValidationError):  # a refused write leaves the index as it was
        progress.record_reports(
            session,
            clerk,
            [
                ReportInput(task_id, "2026-10", 50, progress="路灯改造"),
                ReportInput(task_id, "2026-12", 10),
            ],
        )
    assert not search(session, "路灯改造").groups
    report = session.scalars(select(ProgressReport)).one()
    session.delete(report)
    session.commit()
    assert not search(session, "充电桩建设滞后").groups


def test_attachment_names_are_found_and_open_their_page(session, clerk, task_id) -> None:
    attachments.attach(session, clerk, "task", task_id, "消防通道整治照片.jpg", b"\xff\xd8data")
    group = search(session, "消防通道").groups[0]
    assert group.kind == "attachment"
    target = open_target(session, group.hits[0])
    assert (target.page, target.task_id) == ("task", task_id)


def test_rebuild_indexes_what_the_flush_hook_would(demo_ledger) -> None:
    with demo_ledger.session() as session:
        before = _kinds(session, "市应急")
        session.execute(delete(SearchEntry))
        assert not search(session, "市应急").groups
        assert index.rebuild(session) > 1000
        session.commit()
        assert _kinds(session, "市应急") == before


def test_marks_are_where_the_words_are() -> None:
    assert marks("公安局与公安厅", ["公安"]) == ((0, 2), (4, 6))
    assert marks("GB/T 28181", ["gb", "28181"]) == ((0, 2), (5, 10))


def test_the_bundles_gzip_phrase_table_gives_the_same_pinyin(tmp_path: Path) -> None:
    """The bundle ships pypinyin's phrase table gzip-compressed (build.spec): searching 银行 or
    重庆 by pinyin finds yinhang and chongqing there as from the plain table."""
    import pypinyin

    copy = tmp_path / "pypinyin"
    shutil.copytree(Path(pypinyin.__file__).parent, copy)
    plain = copy / "phrases_dict.json"
    (copy / "phrases_dict.json.gz").write_bytes(gzip.compress(plain.read_bytes()))
    plain.unlink()
    probe = (
        "import sys; from db.search import pinyin_terms, _pypinyin; _pypinyin();"
        "import pypinyin; assert pypinyin.__file__.startswith(sys.argv[1]);"
        "print(pinyin_terms(['银行行长', '重庆']))"
    )
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{root}"}
    env.pop("PYPINYIN_NO_PHRASES", None)
    run = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout.split()
    assert "yinhanghangzhang" in out and "chongqing" in out
    assert out == index.pinyin_terms(["银行行长", "重庆"]).split()
