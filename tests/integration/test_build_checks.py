"""The checks the 信创 build relies on: ELF symbol versions, the UOS store layout, ICU trimming."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CI = ROOT / ".ci"


def _load_trim_icu():
    spec = importlib.util.spec_from_file_location("trim_icu", CI / "trim_icu.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icu_trim_keeps_chinese_english_and_the_unicode_data_and_drops_other_locales() -> None:
    trim = _load_trim_icu()
    kept = [
        "zh.res",
        "zh_Hans_CN.res",
        "coll/zh.res",
        "coll/root.res",
        "coll/ucadata.icu",
        "en.res",
        "res_index.res",
        "supplementalData.res",
        "uprops.icu",
        "nfkc.nrm",
        "gb18030.cnv",
    ]
    dropped = ["fr.res", "coll/de.res", "coll/de__PHONEBOOK.res", "zone/ja.res", "zh_Hant_TW.res"]
    dropped += ["translit/root.res", "ibm-37_P100-1995.cnv", "euc-tw-2014.cnv"]
    # Qt's Core calls only ICU's collation, converters and calendar (ucol/ucnv/ucal): break
    # iterators, currency and unit names and rbnf go (7640e82; self-test checks boundaries).
    dropped += ["curr/pool.res", "brkitr/cjdict.dict", "brkitr/line.brk", "unit/zh.res"]
    assert [item for item in kept if not trim.wanted(item)] == []
    assert [item for item in dropped if trim.wanted(item)] == []


@pytest.mark.skipif(
    not shutil.which("cc") or not shutil.which("objdump"), reason="需要 cc 与 objdump"
)
def test_check_elf_fails_a_binary_that_needs_a_newer_glibc(tmp_path: Path) -> None:
    source = tmp_path / "prog.c"
    # pthread_create moved into libc as GLIBC_2.34: any binary linked on Debian 12 needs it.
    source.write_text(
        "#include <pthread.h>\nstatic void *run(void *a) { return a; }\n"
        "int main(void) { pthread_t t; pthread_create(&t, 0, run, 0); return pthread_join(t, 0); }\n"
    )
    folder = tmp_path / "bundle"
    folder.mkdir()
    subprocess.run(["cc", "-o", str(folder / "prog"), str(source), "-pthread"], check=True)
    (folder / "notes.txt").write_text("not an ELF file")

    strict = subprocess.run(
        [str(CI / "check-elf"), str(folder), "--glibc", "2.28"], capture_output=True, text=True
    )
    assert strict.returncode == 1
    assert "prog: GLIBC_2.34 > 2.28" in strict.stdout
    assert strict.stdout.startswith("1 个 ELF 文件")

    loose = subprocess.run(
        [str(CI / "check-elf"), str(folder), "--glibc", "9.99"], capture_output=True, text=True
    )
    assert loose.returncode == 0, loose.stdout


def _store_deb(tmp_path: Path, appid: str = "cn.gov.example.duban", **change) -> Path:
    """A minimal deb in the store layout; `change` breaks one rule for the test."""
    version = change.get("version", "0.1.0.0")
    stage = tmp_path / "stage"
    app = stage / "opt" / "apps" / appid
    (stage / "DEBIAN").mkdir(parents=True)
    files = app / "files"
    (files / "_internal" / "duban-0.1.0.dist-info").mkdir(parents=True)
    (files / "duban").write_text("#!/bin/sh\n")
    (files / "duban").chmod(0o755)
    (files / "_internal" / "duban-0.1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: duban\nVersion: 0.1.0\n"
    )
    (app / "entries" / "applications").mkdir(parents=True)
    (app / "entries" / "applications" / f"{appid}.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=督办台\n"
        f"Exec=/opt/apps/{appid}/files/duban\nIcon={appid}\nCategories=Office;\n"
    )
    for size, ext in (("256x256", "png"), ("scalable", "svg")):
        icons = app / "entries" / "icons" / "hicolor" / size / "apps"
        icons.mkdir(parents=True)
        (icons / f"{appid}.{ext}").write_text("icon")
    info = {"appid": appid, "name": "督办台", "version": version, "arch": ["amd64"]}
    info["permissions"] = {"autostart": False, "clipboard": False}
    (app / "info").write_text(json.dumps(info, ensure_ascii=False))
    package = change.get("package", appid)
    (stage / "DEBIAN" / "control").write_text(
        f"Package: {package}\nVersion: {version}\nArchitecture: amd64\n"
        "Maintainer: t <t@localhost>\nDepends: libc6 (>= 2.28)\nDescription: t\n"
    )
    if change.get("postinst"):
        (stage / "DEBIAN" / "postinst").write_text("#!/bin/sh\nexit 0\n")
        (stage / "DEBIAN" / "postinst").chmod(0o755)
    if change.get("outside"):
        (stage / "usr" / "bin").mkdir(parents=True)
        (stage / "usr" / "bin" / "duban").write_text("x")
    out = tmp_path / f"{package}_{version}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(stage), str(out)],
        check=True,
        capture_output=True,
    )
    return out


def _check(deb: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(CI / "check-uos-deb"), str(deb)], capture_output=True, text=True
    )


needs_dpkg = pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="需要 dpkg-deb")


@needs_dpkg
def test_store_layout_check_passes_a_conformant_deb(tmp_path: Path) -> None:
    done = _check(_store_deb(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "商店规范检查通过" in done.stdout


@needs_dpkg
@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"postinst": True}, "含维护脚本"),
        ({"outside": True}, "安装到 /opt/apps/cn.gov.example.duban 之外：./usr/bin/duban"),
        ({"version": "0.1.0"}, "版本不是四段数字"),
    ],
)
def test_store_layout_check_names_each_deviation(tmp_path: Path, change, complaint) -> None:
    done = _check(_store_deb(tmp_path, **change))
    assert done.returncode == 1
    assert complaint in done.stderr


@needs_dpkg
def test_store_layout_check_wants_the_package_named_as_the_appid(tmp_path: Path) -> None:
    deb = _store_deb(tmp_path, package="duban")
    done = subprocess.run(
        ["bash", str(CI / "check-uos-deb"), str(deb), "cn.gov.example.duban", "0.1.0.0"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "包名 duban ≠ appid cn.gov.example.duban" in done.stderr
