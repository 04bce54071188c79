"""Find every occurrence of a query in an article, as character spans."""

from __future__ import annotations

import re

# Typed straight quotes and dashes should find their typographic forms, which news text uses.
_EQUIVALENTS = {
    "'": "['‘’ʼ]",
    "’": "['‘’ʼ]",
    '"': '["“”«»]',
    "“": '["“”«»]',
    "”": '["“”«»]',
    "-": "[-‐‑–—]",
}


def pattern(query: str) -> re.Pattern[str]:
    parts = [_EQUIVALENTS.get(char, re.escape(char)) for char in query]
    return re.compile("".join(parts), re.IGNORECASE)


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Spans of every match, case-insensitive; an empty query matches nothing."""
    if not query:
        return []
    return [(m.start(), m.end()) for m in pattern(query).finditer(text) if m.end() > m.start()]
