"""Render-time benchmark: python -m bench.documents (fresh and warm, 1/3/7 pages)."""

from __future__ import annotations

import time

from desktop.documents.fonts import FontSet
from desktop.documents.render import render_pdf
from desktop.documents.samples import body, paragraph, sample_document, sample_with_attachments


def _document(pages: int):
    """The shortest sample document of exactly ``pages`` pages (no 版记, so any count)."""
    blank = {"cc": "", "printing_office": "", "printing_date": None}
    bodies = [[paragraph(0, k)] for k in (1, 2)] + [body(n) for n in range(1, 80)]
    fonts = FontSet.shipped()
    for blocks in bodies:
        doc = sample_document(1, body=blocks, **blank)
        if render_pdf(doc, fonts).page_count == pages:
            return doc
    raise RuntimeError(f"no sample of {pages} pages")


def main() -> None:
    start = time.perf_counter()
    fonts = FontSet.resolve()
    first = render_pdf(sample_document(2), fonts)
    print(f"first render incl. font lookup and loading: {time.perf_counter() - start:.3f} s")
    for note in first.font_notes:
        print("  ", note)
    cases = [(f"{n} pages", _document(n)) for n in (1, 3, 7)]
    cases.append(("with 2 tables, 2 attachments", sample_with_attachments()))
    for label, doc in cases:
        runs = []
        for _ in range(5):
            t = time.perf_counter()
            result = render_pdf(doc, fonts)
            runs.append(time.perf_counter() - t)
        print(
            f"{label:>30}: {result.page_count:2d} pages, best {min(runs) * 1000:.0f} ms,"
            f" median {sorted(runs)[2] * 1000:.0f} ms, {len(result.pdf) / 1024:.0f} KiB"
        )


if __name__ == "__main__":
    main()
