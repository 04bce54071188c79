"""Find every occurrence of a query in an article, as character spans.

Every match of a query is exactly as long as the query (each typed character stands for one
character of the text), which lets a search look in a window around the reader first
(`find_near`, a few milliseconds in any article) and count the whole article later, in pieces
that a worker can stop between (`find_all` with `cancel`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

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


# A whole-article count looks at this many characters at a time, asking `cancel` in between.
_PIECE = 262_144


class SearchCancelled(Exception):
    """`cancel()` said to stop counting."""


def find_all(
    text: str, query: str, cancel: Callable[[], bool] | None = None
) -> list[tuple[int, int]]:
    """Spans of every match, case-insensitive and not overlapping; an empty query matches
    nothing. With `cancel`, the text is searched piece by piece and SearchCancelled raised
    as soon as cancel() is true."""
    if not query:
        return []
    compiled = pattern(query)
    if cancel is None:
        return [(m.start(), m.end()) for m in compiled.finditer(text) if m.end() > m.start()]
    spans: list[tuple[int, int]] = []
    length, size = len(text), len(query)
    start = end_of_last = 0
    while start < length:
        if cancel():
            raise SearchCancelled
        stop = min(length, start + _PIECE)
        # A match starting in this piece may end in the next one.
        for m in compiled.finditer(text, max(start, end_of_last), min(length, stop + size - 1)):
            if m.start() >= stop:
                break
            spans.append((m.start(), m.end()))
            end_of_last = m.end()
        start = stop
    return spans


def find_near(text: str, query: str, here: int, window: int) -> tuple[list[tuple[int, int]], int]:
    """The matches within `window` characters of offset `here` (each way), and the number of
    the first one at or after `here` (-1 when there is none in the window). What a search
    shows at once in a large article, before the whole of it is counted."""
    if not query:
        return [], -1
    low = max(0, here - window)
    high = min(len(text), here + window)
    spans = [(m.start(), m.end()) for m in pattern(query).finditer(text, low, high)]
    number = bisect_left(spans, (here, here))
    return spans, (number if number < len(spans) else -1)
