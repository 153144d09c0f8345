"""Forgeries made with the ledger file alone, tried on the desk that wrote the package and on a
second desk of the office (same shared ledger, the key imported): the CSV edited with every hash
recomputed, a PDF swapped, and either rewritten into the older unsigned format duban-archive/1
(no seal, the layout of the first packages) — refused on both desks, while a genuinely old
unsigned package of the ledger is reported as such, never as 通过 (archive/provenance.py)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from archive_fixtures import issue_documents, package_files, tiny_pdf

from db import chain
from desktop.cli import main
from desktop.services import audit_verify, auth, users
from desktop.services.archive import (
    carrier,
    export,
    export_year,
    history,
    plan_import,
    seal,
    verify_package,
)
from desktop.services.archive.checks import NOT_RUN, VerifyReport
from desktop.services.archive.metadata import manifest
from desktop.services.archive.model import FORMAT_VERSION, LEGACY_FORMAT, MANIFEST
from desktop.services.audit_anchor import HEAD_FILE
from desktop.services.auth import Actor, Role
from desktop.services.clock import FixedClock
from desktop.services.ledger import Ledger, open_ledger

ITEMS = "电子档案/2026/文书"
CLOCK = FixedClock(datetime(2026, 11, 28, 10, 0))


@dataclass
class Office:
    ledger_file: Path
    writer: Path  # the writing desk's config folder (its key)
    second: Path  # the second desk's: the same key, imported
    stranger: Path  # a PC without the key
    package: Path  # sealed, as exported


def _admin(ledger: Ledger) -> Actor:
    with ledger.session() as session:
        return users.create_user(
            session, auth.system_actor("测试"), "t_admin", "管理员", Role.SYSADMIN, "Duban-Test-42"
        )


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    folder = tmp_path_factory.mktemp("downgrade")
    desks = {name: folder / name for name in ("writer", "second", "stranger")}
    with pytest.MonkeyPatch.context() as env:
        env.setenv(chain.CONFIG_ENV, str(desks["writer"]))
        ledger = open_ledger(folder / "ledger.sqlite3", CLOCK)
        try:
            admin = _admin(ledger)
            with ledger.session() as session:
                issue_documents(session, 2026, 5)
                made = export_year(session, admin, 2026, folder).path
                audit_verify.export_key(session, folder / "key")
        finally:
            ledger.dispose()
        env.setenv(chain.CONFIG_ENV, str(desks["second"]))
        ledger = open_ledger(folder / "ledger.sqlite3", CLOCK)
        try:
            with ledger.session() as session:
                assert audit_verify.import_key(session, folder / "key")
        finally:
            ledger.dispose()
    yield Office(
        folder / "ledger.sqlite3", desks["writer"], desks["second"], desks["stranger"], made
    )


@pytest.fixture(params=["writer", "second"])
def desk(request, office: Office, monkeypatch) -> Iterator[Ledger]:
    """The ledger as opened on the writing desk or on the second desk of the office."""
    monkeypatch.setenv(chain.CONFIG_ENV, str(getattr(office, request.param)))
    ledger = open_ledger(office.ledger_file, CLOCK)
    yield ledger
    ledger.dispose()


@pytest.fixture
def package(office: Office, tmp_path: Path) -> Path:
    copy = tmp_path / office.package.name
    shutil.copytree(office.package, copy)
    return copy


def verify_on(ledger: Ledger, package: Path) -> VerifyReport:
    with ledger.session() as session:
        report = verify_package(package, ledger=history(session))
    assert not report.internal, report.internal
    return report


# --- what the forger does, holding only the ledger file -------------------------------------


def edit_csv(p: Path) -> None:
    with open(p / "data" / "task.csv", "ab") as handle:
        handle.write(b"99,forged\r\n")


def swap_pdf(p: Path) -> None:
    """Another 正文 PDF in place of item 0002's, metadata.xml's size and hash made to agree."""
    path = next(iter(sorted(p.glob("**/*-0002-正文.pdf"))))
    old, new = path.read_bytes(), tiny_pdf("Swapped", pages=2)
    path.write_bytes(new)
    meta = p / "metadata.xml"
    text = meta.read_text("utf-8").replace(
        hashlib.sha256(old).hexdigest(), hashlib.sha256(new).hexdigest()
    )
    meta.write_text(text.replace(f'size="{len(old)}"', f'size="{len(new)}"'), "utf-8")


def recompute(p: Path) -> None:
    """说明文件's digest (when there is one) and manifest.sha256 made to agree again."""
    files = {n: d for n, d in package_files(p).items() if n not in (MANIFEST, seal.SEAL)}
    if carrier.README in files:
        sha, _sm = carrier.content_digest(files)
        readme = re.sub(
            r"内容摘要 SHA-256：\w+", f"内容摘要 SHA-256：{sha}", files[carrier.README].decode()
        )
        files[carrier.README] = readme.encode()
        (p / carrier.README).write_bytes(files[carrier.README])
    (p / MANIFEST).write_bytes(manifest(files))


def to_v1(p: Path, head: str = "keep") -> None:
    """The package rewritten as duban-archive/1: items/<档号>/, no seal, no carrier files (the
    first packages had none), every hash recomputed. ``head``: keep audit-head.json, drop it,
    or make it name another ledger (id and position invented)."""
    meta = p / "metadata.xml"
    text = meta.read_text("utf-8").replace(
        f'format="{FORMAT_VERSION}"', f'format="{LEGACY_FORMAT}"'
    )
    meta.write_text(text.replace(f'path="{ITEMS}/', 'path="items/'), "utf-8")
    (p / ITEMS).rename(p / "items")
    shutil.rmtree(p / "电子档案")
    shutil.rmtree(p / "其他")
    for name in (carrier.README, carrier.CATALOGUE_XML, seal.SEAL):
        (p / name).unlink()
    if head == "drop":
        (p / HEAD_FILE).unlink()
    elif head == "foreign":
        body = json.loads((p / HEAD_FILE).read_text("utf-8"))
        body.update(uid="0123456789abcdef0123456789abcdef", count=1, hash="ab" * 32)
        (p / HEAD_FILE).write_text(json.dumps(body), "utf-8")
    recompute(p)


def test_the_rewrite_is_otherwise_perfect(package: Path, office: Office, monkeypatch) -> None:
    # Without the key nothing tells the forgery from an old package: it is only 未检, never 通过.
    edit_csv(package)
    to_v1(package)
    monkeypatch.setenv(chain.CONFIG_ENV, str(office.stranger))
    report = verify_package(package)
    assert report.ok and not report.authenticated, report.text()
    assert report.status("seal") == NOT_RUN
    assert "不算通过" in report.summary() and not report.summary().startswith("校验通过")


@pytest.mark.parametrize("head", ["keep", "drop"])
def test_a_forged_csv_rewritten_as_v1_is_refused_on_every_desk_of_the_office(
    package: Path, desk: Ledger, head: str
) -> None:
    edit_csv(package)
    to_v1(package, head)
    report = verify_on(desk, package)
    assert not report.ok, report.text()
    assert {k for k, v in report.failures.items() if v} == {"seal"}
    assert "伪造" in report.failures["seal"][0]
    if head == "keep":  # the log names the export that made the real one
        assert "导出时带有签名" in report.failures["seal"][0]


def test_a_rewrite_naming_an_invented_ledger_is_not_passed_and_says_why(
    package: Path, desk: Ledger
) -> None:
    # With an audit head invented for a ledger nobody here knows, nothing ties the package to
    # this ledger but its 全宗号 and 立档单位 (another ledger of the office has them too): not
    # refused, but never 通过, and the clerk is told what it claims.
    edit_csv(package)
    to_v1(package, "foreign")
    report = verify_on(desk, package)
    assert report.ok and not report.authenticated
    assert "若它应当来自本台账，就是伪造的" in report.summary()
    assert "不算通过" in report.summary()


def test_a_swapped_pdf_rewritten_as_v1_is_refused(package: Path, desk: Ledger) -> None:
    swap_pdf(package)
    to_v1(package)
    report = verify_on(desk, package)
    assert not report.ok and report.failures["seal"], report.text()


def test_import_refuses_the_rewrite(package: Path, desk: Ledger, tmp_path: Path) -> None:
    edit_csv(package)
    to_v1(package)
    with desk.session() as session:
        plan = plan_import(session, package, tmp_path / "外来")
    assert not plan.report.ok and "导出时带有签名" in plan.report.failures["seal"][0]
    assert plan.refusal and not (tmp_path / "外来").exists()


@pytest.mark.parametrize("damage", [edit_csv, swap_pdf])
def test_a_sealed_package_edited_and_rehashed_is_refused_on_every_desk(
    package: Path, desk: Ledger, damage
) -> None:
    damage(package)
    recompute(package)
    report = verify_on(desk, package)
    assert not report.ok
    assert any("清单在制作后被改动或重算过" in m for m in report.failures["seal"])


def test_the_seal_swapped_for_another_ledgers_is_refused(package: Path, desk: Ledger) -> None:
    # A seal made with a key of the forger's own, naming a ledger this desk has no key for:
    # the audit head still names this ledger, whose log records the export as sealed.
    edit_csv(package)
    recompute(package)
    listed = (package / MANIFEST).read_bytes()
    (package / seal.SEAL).write_bytes(seal.make(listed, "f" * 32, b"forger" * 6))
    report = verify_on(desk, package)
    assert not report.ok and "导出时带有签名" in report.failures["seal"][0]


def test_the_genuine_package_passes_on_both_desks(package: Path, desk: Ledger) -> None:
    report = verify_on(desk, package)
    assert report.ok and report.authenticated, report.text()


def test_a_key_holding_desk_without_the_ledger_refuses_an_unsigned_claim(
    package: Path, office: Office, monkeypatch
) -> None:
    to_v1(package)
    monkeypatch.setenv(chain.CONFIG_ENV, str(office.second))
    report = verify_package(package)  # no ledger given: its log cannot be consulted
    assert not report.ok and "请在打开该台账的电脑上复核" in report.failures["seal"][0]


def test_the_cli_refuses_the_rewrite_on_the_second_desk(
    package: Path, office: Office, monkeypatch, capsys
) -> None:
    edit_csv(package)
    to_v1(package)
    monkeypatch.setenv(chain.CONFIG_ENV, str(office.second))
    assert main(["--database", str(office.ledger_file), "archive", "verify", str(package)]) == 1
    out = capsys.readouterr().out
    assert "固化信息有效　未通过" in out and "导出时带有签名" in out


# --- a ledger whose first export predates the seal ------------------------------------------


def test_a_genuinely_old_package_is_reported_as_old_and_its_rewrite_after_sealing_refused(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv(chain.CONFIG_ENV, str(tmp_path / "desk"))
    ledger = open_ledger(tmp_path / "ledger.sqlite3", CLOCK)
    try:
        admin = _admin(ledger)
        with ledger.session() as session:
            issue_documents(session, 2026, 3)
        # The desk before the seal: its log recorded the export without "sealed", and the
        # package it wrote had the layout of duban-archive/1 and no seal.
        recorded = export._record

        def unsealed_record(*args: Any) -> tuple[str, dict[str, object]]:
            summary, detail = recorded(*args)
            return summary, {k: v for k, v in detail.items() if k != "sealed"}

        with monkeypatch.context() as old_desk:
            old_desk.setattr(export, "_record", unsealed_record)
            with ledger.session() as session:
                (tmp_path / "old").mkdir()
                old = export_year(session, admin, 2026, tmp_path / "old").path
        to_v1(old)
        report = verify_on(ledger, old)
        assert report.ok and not report.authenticated, report.text()
        assert "签名功能出现之前制作的未签名包" in report.not_run["seal"]
        assert "不算通过" in report.summary()
        # Sealed from now on: the old package stays what it is, a new one rewritten is refused.
        (tmp_path / "new").mkdir()
        with ledger.session() as session:
            new = export_year(session, admin, 2026, tmp_path / "new").path
        assert verify_on(ledger, old).ok
        to_v1(new)
        report = verify_on(ledger, new)
        assert not report.ok and "导出时带有签名" in report.failures["seal"][0]
        # An old package's audit head moved past the first sealed export: refused as well.
        body = json.loads((old / HEAD_FILE).read_text("utf-8"))
        with ledger.session() as session:
            body.update(
                zip(("uid", "count", "id", "hash"), _head_after_sealing(session), strict=True)
            )
        (old / HEAD_FILE).write_text(json.dumps(body), "utf-8")
        recompute(old)
        assert not verify_on(ledger, old).ok
    finally:
        ledger.dispose()


def _head_after_sealing(session) -> tuple[str, int, int, str]:
    uid, head = audit_verify.current_head(session)
    return uid, head.count, head.id, head.hash
