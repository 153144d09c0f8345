"""Make the CMYK output profile that issued PDFs name as their PDF/A output intent.

    python resources/color/build_icc.py      # needs Debian's argyll and icc-profiles-free

PDF/A-2b lets a page use DeviceCMYK (the red of the mark, line and seals is printed as M80 Y80,
the text as pure K) only under a CMYK output intent, and that intent must embed an ICC profile.
The usual ones (Fogra's own, ECI's ISO Coated, Adobe's) may not be redistributed with a program,
so the desk makes its own: ArgyllCMS's colprof fits a profile to Fogra's published measurements
of offset printing on coated paper (FOGRA39L, ISO 12647-2, as shipped under the zlib licence by
icc-profiles-free). Low quality (-ql) keeps the file at about 150 KB (62 KB deflated in each PDF):
the intent only says what the CMYK numbers mean, the desk converts no colours with it.
The output is committed (FOGRA39L_coated.icc); the licence of the data is beside it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path("/usr/share/color/icc/FOGRA39L.ti3")  # icc-profiles-free
OUT = HERE / "FOGRA39L_coated.icc"
DESCRIPTION = "FOGRA39L coated (Duban Desk, fitted to Fogra's FOGRA39L data)"
COPYRIGHT = "Fitted by ArgyllCMS colprof to FOGRA39L characterisation data (zlib licence)"


def main() -> int:
    colprof = shutil.which("colprof")
    if colprof is None or not DATA.exists():
        print("需要 colprof（apt-get install argyll）和 FOGRA39L.ti3（icc-profiles-free）。")
        return 1
    with tempfile.TemporaryDirectory(prefix="duban-icc-") as tmp:
        shutil.copy(DATA, Path(tmp) / "FOGRA39L.ti3")
        subprocess.run(
            [colprof, "-ql", "-kr", "-D", DESCRIPTION, "-C", COPYRIGHT, "FOGRA39L"],
            cwd=tmp,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        shutil.copy(Path(tmp) / "FOGRA39L.icc", OUT)
    print(f"{OUT.name}: {OUT.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
