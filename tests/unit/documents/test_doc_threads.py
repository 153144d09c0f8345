"""Two notices drawn at once (the preview's worker thread and an issue) both come out whole."""

from __future__ import annotations

import io
import threading

import pypdf

from desktop.documents import FontSet, render_pdf
from desktop.documents.samples import sample_document


def test_renders_on_several_threads_at_once_are_all_whole() -> None:
    fonts = FontSet.shipped()
    # Many distinct characters, so every render builds several font subsets.
    docs = [sample_document(6, title=f"关于第{n}批重点任务推进情况的通报") for n in range(6)]
    results: list[bytes] = []
    errors: list[BaseException] = []

    def draw(doc) -> None:  # type: ignore[no-untyped-def]
        try:
            results.append(render_pdf(doc, fonts).pdf)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=draw, args=(doc,)) for doc in docs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    for pdf in results:
        text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
        assert "通报" in text
