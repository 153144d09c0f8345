"""LibreOffice converting one .docx to PDF over UNO, again and again, in one warm soffice.

Run by the system's Python (Debian: python3-uno), not the desk's: ``/usr/bin/python3
bench/uno_convert.py DOCX OUTDIR PROFILE ROUNDS``. Prints one JSON object: each conversion's
wall seconds (load hidden, export with writer_pdf_Export, close), in order; the first ones
warm soffice up. Issue 11's anchor for the warm circular is "LibreOffice warm over UNO"."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main() -> None:
    docx, outdir, profile, rounds = (
        Path(sys.argv[1]),
        Path(sys.argv[2]),
        sys.argv[3],
        int(sys.argv[4]),
    )
    pipe = f"duban_bench_{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--nologo", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        for _ in range(600):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # not listening yet
                time.sleep(0.05)
        else:
            raise SystemExit("soffice did not start listening")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        source = uno.systemPathToFileUrl(str(docx.resolve()))
        seconds = []
        for i in range(rounds):
            target = outdir / f"uno{i}.pdf"
            target.unlink(missing_ok=True)
            t0 = time.perf_counter()
            doc = desktop.loadComponentFromURL(source, "_blank", 0, (prop("Hidden", True),))
            doc.storeToURL(
                uno.systemPathToFileUrl(str(target.resolve())),
                (prop("FilterName", "writer_pdf_Export"),),
            )
            doc.close(True)
            seconds.append(time.perf_counter() - t0)
            if not target.read_bytes().startswith(b"%PDF"):
                raise SystemExit(f"soffice wrote no PDF at {target}")
        print(json.dumps({"seconds": seconds}))
        with contextlib.suppress(Exception):  # the bridge goes away as soffice quits
            desktop.terminate()
        office.wait(timeout=30)
    finally:
        if office.poll() is None:
            office.kill()


if __name__ == "__main__":
    main()
