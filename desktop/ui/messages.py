"""A service's Chinese message, shown in the language of the screen.

Services raise their messages in Chinese and never import Qt (ARCHITECTURE.md). Each message
they raise is listed, with its f-string holes numbered, in desktop/ui/service_messages.py
(generated), so it sits in the .ts files with a translation. ``translated(text)`` finds the
template the text was made from, translates it, and puts the data (unit names, codes, dates)
back into the holes. A message not made from a listed template (a composite of several) is shown
as it is.
"""

from __future__ import annotations

import re
from functools import cache

from desktop.ui.i18n import SOURCE_LANGUAGE, current_language, tr
from desktop.ui.service_messages import TEMPLATES

_HOLE = re.compile(r"\{(\d+)\}")


def _literal(part: str) -> str:
    return re.escape(part.replace("{{", "{").replace("}}", "}"))


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(regex, template) for templates with holes, the most specific (longest literal) first."""
    found = []
    for template in TEMPLATES:
        pieces = _HOLE.split(template)  # literal, hole number, literal, …
        if len(pieces) == 1:
            continue
        regex = "".join(
            _literal(piece) if i % 2 == 0 else f"(?P<h{piece}>.*?)"
            for i, piece in enumerate(pieces)
        )
        literal_length = sum(len(piece) for piece in pieces[::2])
        found.append((literal_length, re.compile(f"^{regex}$", re.DOTALL), template))
    found.sort(key=lambda item: -item[0])
    return tuple((pattern, template) for _, pattern, template in found)


def _fill(template: str, values: dict[str, str]) -> str:
    filled = _HOLE.sub(lambda m: values.get(f"h{m.group(1)}", m.group(0)), template)
    return filled.replace("{{", "{").replace("}}", "}")


def translated(text: str) -> str:
    """``text`` in the screen's language (itself when the screen is Chinese)."""
    if current_language() == SOURCE_LANGUAGE:
        return text
    escaped = text.replace("{", "{{").replace("}", "}}")
    exact = tr(escaped)
    if exact != escaped:
        return exact.replace("{{", "{").replace("}}", "}")
    for pattern, template in _patterns():
        match = pattern.match(text)
        if match:
            return _fill(tr(template), match.groupdict())
    return text
