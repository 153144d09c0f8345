"""Each DA/T 70 item of archive/checks.py, failed on its own: a package is damaged the way that
item looks for, and everything else made consistent again (manifest, 说明文件, even the seal,
as a forger holding the ledger's key would), so that exactly that item fails and names why."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from archive_fixtures import issue_documents, package_files

from db import chain
from desktop.services import auth, users
from desktop.services.archive import carrier, export_year, seal, verify_package
from desktop.services.archive.checks import CHECKS, KEYS, NOT_RUN
from desktop.services.archive.metadata import manifest
from desktop.services.archive.model import MANIFEST
from desktop.services.auth import Role
from desktop.services.clock import FixedClock
from desktop.services.ledger import open_ledger

ITEMS = "电子档案/2026/文书"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One package for the module (five notices, one with an attachment); tests damage copies."""
    folder = tmp_path_factory.mktemp("dat70")
    ledger = open_ledger(folder / "ledger.sqlite3", FixedClock(datetime(2026, 11, 28, 10, 0)))
    try:
        with ledger.session() as session:
            admin = users.create_user(
                session,
                auth.system_actor("测试"),
                "t_admin",
                "管理员",
                Role.SYSADMIN,
                "Duban-Test-42",
            )
            issue_documents(session, 2026, 5)
            return export_year(session, admin, 2026, folder).path
    finally:
        ledger.dispose()


@pytest.fixture
def package(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / made.name
    shutil.copytree(made, copy)
    return copy


def reseal(package: Path, *, sign: bool = True) -> None:
    """What a forger does after an edit: 说明文件's digest, manifest.sha256 and (with the
    ledger's key, when ``sign``) the seal, all recomputed to agree with the files."""
    files = {n: d for n, d in package_files(package).items() if n not in (MANIFEST, seal.SEAL)}
    sha, sm = carrier.content_digest(files)
    readme = files[carrier.README].decode("utf-8")
    readme = re.sub(r"内容摘要 SHA-256：\w+", f"内容摘要 SHA-256：{sha}", readme)
    files[carrier.README] = readme.encode("utf-8")
    (package / carrier.README).write_bytes(files[carrier.README])
    listed = manifest(files)
    (package / MANIFEST).write_bytes(listed)
    if sign:
        uid = json.loads((package / seal.SEAL).read_text())["ledger"]
        key = chain.load_key(uid)
        assert key is not None
        (package / seal.SEAL).write_bytes(seal.make(listed, uid, key))


def failed(package: Path) -> set[str]:
    report = verify_package(package)
    assert not report.internal, report.internal
    return {k for k in KEYS if report.failures[k]}


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), "utf-8")


def _first(package: Path, pattern: str) -> Path:
    return next(iter(sorted(package.glob(f"{ITEMS}/*/{pattern}"))))


def test_the_package_as_made_passes_every_item_and_says_so(made: Path) -> None:
    report = verify_package(made)
    assert report.ok and report.authenticated, report.text()
    assert all(report.status(k) == "通过" for k in KEYS)
    text = report.text()
    for check in CHECKS:
        assert f"{check.name}　通过" in text
    assert "真实性已确认" in report.summary()
    written = (made / "REPORT.txt").read_text("utf-8")
    assert all(f"{c.group}·{c.name}" in written for c in CHECKS)


def test_without_the_key_it_is_structure_only(made: Path, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(chain.CONFIG_ENV, str(tmp_path / "another-pc"))
    report = verify_package(made)
    assert report.ok and not report.authenticated
    assert report.status("seal") == NOT_RUN
    assert "真实性未能确认" in report.summary() and "没有制作该包的台账" in report.summary()


def _seal(p: Path) -> None:  # the forgery of the issue: a CSV edited, everything recomputed
    with open(p / "data" / "task.csv", "ab") as handle:
        handle.write(b"99,forged\r\n")
    reseal(p, sign=False)


def _hashes(p: Path) -> None:
    with open(p / "data" / "unit.csv", "ab") as handle:
        handle.write(b"x")


def _content(p: Path) -> None:
    _edit(p / "metadata.xml", 'pages="1"', 'pages="7"')
    reseal(p)


def _fields(p: Path) -> None:
    _edit(p / "metadata.xml", "<classification />", "<classification>特级</classification>")
    reseal(p)


def _paths(p: Path) -> None:
    source = _first(p, "*附件1*")
    other = sorted((p / ITEMS).iterdir())[1]
    target = other / source.name
    source.rename(target)
    old = source.relative_to(p).as_posix()
    _edit(p / "metadata.xml", f'path="{old}"', f'path="{target.relative_to(p).as_posix()}"')
    reseal(p)


def _description(p: Path) -> None:
    _edit(p / carrier.README, "内容摘要 SHA-256：", "内容摘要 SHA-256：0")
    listed = manifest({n: d for n, d in package_files(p).items() if n not in (MANIFEST, seal.SEAL)})
    (p / MANIFEST).write_bytes(listed)
    uid = json.loads((p / seal.SEAL).read_text())["ledger"]
    (p / seal.SEAL).write_bytes(seal.make(listed, uid, chain.load_key(uid) or b""))


def _structure(p: Path) -> None:
    (p / carrier.NAMING).unlink()
    reseal(p)


def _metadata(p: Path) -> None:
    text = (p / "metadata.xml").read_text("utf-8")
    p.joinpath("metadata.xml").write_text(
        re.sub(r"<author>[^<]+</author>", "<author />", text, count=1)
    )
    reseal(p)


def _counts(p: Path) -> None:
    _edit(p / "metadata.xml", 'items="5"', 'items="6"')
    reseal(p)


def _numbering(p: Path) -> None:
    source = _first(p, "*附件1*")
    target = source.with_name(source.name.replace("附件1-", "附件2-"))
    source.rename(target)
    _edit(p / "metadata.xml", source.name, target.name)
    _edit(p / carrier.CATALOGUE_XML, source.name, target.name)
    reseal(p)


def _files(p: Path) -> None:
    _first(p, "*附件1*").unlink()
    reseal(p)


def _catalogue(p: Path) -> None:
    _edit(p / carrier.CATALOGUE_XML, "PAB-0002</档号>", "PAB-0009</档号>")
    reseal(p)


def _replace_attachment(p: Path, data: bytes) -> None:
    import hashlib

    path = _first(p, "*附件1*")
    old = path.read_bytes()
    path.write_bytes(data)
    _edit(p / "metadata.xml", hashlib.sha256(old).hexdigest(), hashlib.sha256(data).hexdigest())
    _edit(p / "metadata.xml", f'size="{len(old)}"', f'size="{len(data)}"')
    reseal(p)


def _opens(p: Path) -> None:
    whole = _first(p, "*附件1*").read_bytes()
    _replace_attachment(p, whole[: len(whole) // 2])  # cut short: no trailer


def _formats(p: Path) -> None:
    (p / "data" / "tool.exe").write_bytes(b"MZ")
    reseal(p)


def _plain(p: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    out = p / "encrypted.pdf"
    pdf = canvas.Canvas(str(out), encrypt=StandardEncryption("", "owner", canPrint=1))
    pdf.showPage()
    pdf.save()
    data = out.read_bytes()
    out.unlink()
    _replace_attachment(p, data)


def _extras(p: Path) -> None:
    (p / ITEMS / "备忘.txt").write_text("不属于任何一件", "utf-8")


def _readable(p: Path) -> None:
    (p / "data" / "link.csv").symlink_to(p / "data" / "unit.csv")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "seal": _seal,
    "hashes": _hashes,
    "content": _content,
    "fields": _fields,
    "paths": _paths,
    "description": _description,
    "structure": _structure,
    "metadata": _metadata,
    "counts": _counts,
    "numbering": _numbering,
    "files": _files,
    "catalogue": _catalogue,
    "opens": _opens,
    "formats": _formats,
    "plain": _plain,
    "extras": _extras,
    "readable": _readable,
}


def test_every_item_has_a_damage() -> None:
    assert set(DAMAGE) == set(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_exactly_that_item_fails(package: Path, key: str) -> None:
    DAMAGE[key](package)
    assert failed(package) == {key}
    report = verify_package(package)
    line = next(line for line in report.text().splitlines() if "未通过（" in line)
    assert next(c.name for c in CHECKS if c.key == key) in line


def test_a_forged_csv_is_refused_on_a_desk_with_the_key(package: Path) -> None:
    _seal(package)
    report = verify_package(package)
    assert not report.ok
    assert any("清单在制作后被改动或重算过" in m for m in report.failures["seal"])
    assert "固化信息有效" in report.summary()


def test_a_removed_seal_is_a_failure_not_an_old_package(package: Path) -> None:
    (package / seal.SEAL).unlink()
    assert failed(package) == {"seal", "structure"}


def test_a_zip_with_other_compression_fails_plain(made: Path, tmp_path: Path) -> None:
    target = tmp_path / "lzma.zip"
    with zipfile.ZipFile(target, "w") as z:
        for name, data in package_files(made).items():
            method = zipfile.ZIP_LZMA if name.endswith(".csv") else zipfile.ZIP_DEFLATED
            z.writestr(f"{made.name}/{name}", data, compress_type=method)
    assert failed(target) == {"plain"}


def test_an_attachment_without_embedded_fonts_is_noted_not_failed(package: Path) -> None:
    from reportlab.pdfgen import canvas

    out = package / "helvetica.pdf"
    pdf = canvas.Canvas(str(out))
    pdf.drawString(72, 720, "scan")
    pdf.showPage()
    pdf.save()
    data = out.read_bytes()
    out.unlink()
    _replace_attachment(package, data)
    report = verify_package(package)
    assert report.ok, report.text()
    assert any("字体未嵌入（Helvetica）" in n for n in report.notes)
