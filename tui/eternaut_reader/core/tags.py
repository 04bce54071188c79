"""The three verdicts and their symbols: constants that cost nothing to import."""

from __future__ import annotations

TAGS: tuple[str, ...] = ("confirmed", "speculative", "contradicted")
RELATIONS: tuple[str, ...] = ("supports", "contradicts")
# A symbol per tag, so that a tag reads without colour.
SYMBOLS = {"confirmed": "✓", "speculative": "?", "contradicted": "✗"}
