"""Keep the screen's translations in step with the code, then compile them (Qt Linguist workflow).

    python resources/translations/build.py            # check: fails if a .ts is stale or unfinished,
                                                      # or a committed .qm is not what the .ts build
    python resources/translations/build.py --update   # after changing UI strings: refresh the .ts
                                                      # files (new strings come in unfinished),
                                                      # then translate them and run it again

Sources are every tr("…") and QT_TR_NOOP("…") in desktop/ui, desktop/services, desktop/documents
and db — including desktop/ui/service_messages.py, which --update regenerates from the messages
services raise (service_messages.py beside this script) — all under
the empty context (see desktop/ui/i18n.py). duban_zh_CN.ts is the source language: its
translations are the Chinese itself. duban_en.ts is translated by hand (Qt Linguist or an editor);
an entry left unfinished fails the check. The .qm files are committed so that a checkout runs
without a build step; CI runs this check (.ci/run).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import service_messages  # noqa: E402  (beside this script)

ROOT = HERE.parents[1]
SOURCES = ("desktop/ui", "desktop/services", "desktop/documents", "db")
LANGUAGES = ("zh_CN", "en")  # the source language first


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def _sources() -> list[str]:
    return [str(p) for folder in SOURCES for p in sorted((ROOT / folder).rglob("*.py"))]


def ts_path(language: str, folder: Path = HERE) -> Path:
    return folder / f"duban_{language}.ts"


def qm_path(language: str, folder: Path = HERE) -> Path:
    return folder / f"duban_{language}.qm"


def lupdate(targets: list[Path]) -> None:
    for target in targets:
        language = target.stem.removeprefix("duban_")
        subprocess.run(
            [_tool("pyside6-lupdate"), *_sources(), "-no-obsolete", "-locations", "none",
             "-source-language", "zh_CN", "-target-language", language, "-ts", str(target)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
    for target in targets:
        if target.stem.endswith("zh_CN"):
            _identity(target)


def _identity(path: Path) -> None:
    """The source language translates each string to itself, so nothing is left unfinished."""
    tree = ET.parse(path)
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and (
            translation.get("type") == "unfinished" or not translation.text
        ):
            translation.text = source
            translation.attrib.pop("type", None)
    _write(tree, path)


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )


def messages(path: Path) -> dict[str, str | None]:
    """source -> translation (None when unfinished)."""
    found: dict[str, str | None] = {}
    for message in ET.parse(path).iter("message"):
        translation = message.find("translation")
        done = translation is not None and translation.get("type") != "unfinished"
        text = translation.text if translation is not None else None
        found[message.findtext("source") or ""] = text if done and text else None
    return found


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip


def check() -> list[str]:
    problems: list[str] = []
    if service_messages.main(["--check"]):
        problems.append(f"{service_messages.TARGET.relative_to(ROOT)} is stale; run --update")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = [ts_path(lang, Path(tmp)) for lang in LANGUAGES]
        for lang, copy in zip(LANGUAGES, fresh, strict=True):
            shutil.copy(ts_path(lang), copy)
        lupdate(fresh)
        for lang, copy in zip(LANGUAGES, fresh, strict=True):
            committed, current = messages(ts_path(lang)), messages(copy)
            new = sorted(set(current) - set(committed))
            gone = sorted(set(committed) - set(current))
            if new or gone:
                problems.append(
                    f"{ts_path(lang).name} is stale: {len(new)} new, {len(gone)} vanished "
                    f"(e.g. {(new or gone)[0]!r}); run {Path(__file__).relative_to(ROOT)} --update"
                )
            unfinished = [s for s, t in current.items() if t is None]
            if unfinished:
                problems.append(
                    f"{ts_path(lang).name}: {len(unfinished)} unfinished, e.g. {unfinished[:5]}"
                )
            built = Path(tmp) / f"{copy.stem}.qm"
            lrelease(ts_path(lang), built)
            if not qm_path(lang).exists() or qm_path(lang).read_bytes() != built.read_bytes():
                problems.append(f"{qm_path(lang).name} is not the build of its .ts; run --update")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files and the .qm")
    args = parser.parse_args(argv)
    if args.update:
        service_messages.main([])
        lupdate([ts_path(lang) for lang in LANGUAGES])
        for lang in LANGUAGES:
            lrelease(ts_path(lang), qm_path(lang))
            left = [s for s, t in messages(ts_path(lang)).items() if t is None]
            print(
                f"{ts_path(lang).name}: {len(messages(ts_path(lang)))} strings, {len(left)} unfinished"
            )
    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("translations up to date: " + ", ".join(p.name for p in map(qm_path, LANGUAGES)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
