"""PIL.Image, which reportlab imports at its top, loads only when a bitmap is drawn (issue 11),
and a bitmap still draws as before once it does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import io, json, sys
from datetime import date
from desktop.documents import OfficialDocument, render_pdf
doc = OfficialDocument(issuer_mark="江城市平安建设领导小组办公室", doc_number="平安办〔2026〕1号",
    title="关于测试的通知", recipients="各成员单位", body=["正文。"], signature="办公室",
    date=date(2026, 3, 5))
pages = render_pdf(doc).page_count
after_render = type(sys.modules["PIL.Image"]).__name__
import PIL.Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
bitmap = io.BytesIO()
PIL.Image.new("RGB", (8, 8), "red").save(bitmap, "PNG")
bitmap.seek(0)
canvas = Canvas(io.BytesIO())
canvas.drawImage(ImageReader(bitmap), 0, 0, 8, 8)
canvas.save()
print(json.dumps([pages, after_render, type(sys.modules["PIL.Image"]).__name__]))
"""


def test_pil_loads_only_for_a_bitmap() -> None:
    root = Path(__file__).resolve().parents[3]
    out = subprocess.check_output([sys.executable, "-c", SCRIPT], cwd=root, timeout=120)
    pages, after_render, after_bitmap = json.loads(out)
    assert pages == 1
    assert after_render == "DeferredModule"  # a notice drew no bitmap: never imported
    assert after_bitmap == "module"  # the bitmap imported the real PIL.Image
