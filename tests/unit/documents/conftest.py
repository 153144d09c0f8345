"""Fixtures of the official-document layout tests: each sample rendered once per session."""

from __future__ import annotations

import pytest
from doc_measure import Measured, document_of_pages, render_measured

from desktop.documents import FontSet


@pytest.fixture(scope="session")
def shipped_fonts() -> FontSet:
    return FontSet.shipped()


@pytest.fixture(scope="session")
def docs_by_pages() -> dict[int, Measured]:
    return {n: render_measured(document_of_pages(n)) for n in (1, 2, 3, 7)}
