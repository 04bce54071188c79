"""The three verdicts and their symbols: constants that cost nothing to import."""

from __future__ import annotations

TAGS: tuple[str, ...] = ("confirmed", "speculative", "contradicted")
RELATIONS: tuple[str, ...] = ("supports", "contradicts")
# A symbol per tag, so that a tag reads without colour.
SYMBOLS = {"confirmed": "✓", "speculative": "?", "contradicted": "✗"}
# An open claim: highlighted, perhaps noted, no verdict yet.
OPEN = "open"
OPEN_SYMBOL = "○"


def tag_key(tag: str | None) -> str:
    """The name a tag is counted and filtered under: the tag, or "open" for an open claim."""
    return OPEN if tag is None else tag


def verdict(tag: str | None) -> str:
    """A tag as the reader names it: "✓ confirmed", or "○ open" for a claim with no verdict."""
    if tag is None:
        return f"{OPEN_SYMBOL} {OPEN}"
    return f"{SYMBOLS[tag]} {tag}"
