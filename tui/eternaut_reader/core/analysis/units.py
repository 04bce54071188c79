"""Clause units: the sentences of an article, long ones split into clauses.

A claim is often a clause, not a sentence: one Italian sentence of the seeds states the
revenue, the growth and the hours streamed. A sentence longer than LONG characters is cut
at the strongest separators it holds (";" and ":" first, then dashes, then a comma before a
coordinating conjunction, then one before a subordinate or gerund clause), again only where
a piece is still long, and pieces too short
to state a fact are joined back to a neighbour. Every unit is an exact slice of the text:
text[start:end] == unit.text, in the project's code-point offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eternaut_reader.core.text.corpus import Article

__all__ = ["LONG", "Unit", "is_heading", "split_sentence", "units"]

# Longer sentences are split; a piece shorter than MIN_PIECE is joined to a neighbour.
LONG = 140
MIN_PIECE = 40

_CONJUNCTIONS = {
    "en": r"and|but|while|whereas|yet|so|or",
    "it": r"e|ed|ma|mentre|però|oppure|eppure|quindi|anzi",
}
# Last resort for a sentence still long: a comma before a subordinate or gerund clause
# ("…, anche se…", "…, segnando un +16%", "…, marking a milestone").
_SUBORDINATES = {
    "en": r"although|though|even\s+though|because|since|whereas|which|where|[a-z]+ing",
    "it": r"anche\s+se|sebbene|benché|perché|poiché|dove|basti\s+pensare|[a-z]+(?:ando|endo)",
}
# Then a conjunction with no comma before a second verb of the same subject ("completed a
# medical on Sunday and is set to sign a five-year contract", "ha superato le visite e sarà
# presentato domani"): the second verb starts a second fact.
_SECOND_VERB = {
    "en": r"\s+(?=(?:and|but)\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|"
    r"must|should|did|does|said|says)\b)",
    "it": r"\s+(?=(?:e|ma)\s+(?:è|sono|ha|hanno|sarà|saranno|era|erano|aveva|avevano|avrebbe|"
    r"avrebbero|potrebbe|potrebbero|dovrebbe|dovrà|dovranno)\b)",
}
# Separators by strength: a piece is cut at the first level that splits it.
_LEVELS = (
    re.compile(r";\s+|(?<!\d):\s+"),
    re.compile(r"\s+[—–-]\s+|—|–"),
)
_LIST_MARKER = re.compile(r"(?:[-*+•·–—]|\d{1,3}[.)]|\([a-z0-9]\))\s+")
_TRIM = " \t\n,;:—–-"
_WORD = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Unit:
    """A clause or short sentence of one article, with its sentence's index."""

    article: str
    start: int
    end: int
    text: str
    sentence: int


def _before(words: dict[str, str], language: str) -> re.Pattern[str]:
    # The comma ends the first clause; the word after it starts the next one.
    return re.compile(rf",\s+(?=(?:{words.get(language, words['en'])})\b)", re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    marker = _LIST_MARKER.match(text, start, end)
    if marker and marker.end() < end:
        start = marker.end()
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    while start < end and text[start] in _TRIM:
        start += 1
    return start, end


def _cut(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    pos = start
    for sep in pattern.finditer(text, start, end):
        if sep.start() > pos:
            pieces.append((pos, sep.start()))
        pos = sep.end()
    pieces.append((pos, end))
    trimmed = [_trim(text, s, e) for s, e in pieces]
    return [(s, e) for s, e in trimmed if e > s]


def _join_short(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces too short to state a fact to the piece before (or after, if first)."""
    joined: list[tuple[int, int]] = []
    for s, e in pieces:
        if joined and (e - s < MIN_PIECE or joined[-1][1] - joined[-1][0] < MIN_PIECE):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


@lru_cache(maxsize=16)
def _levels(language: str) -> tuple[re.Pattern[str], ...]:
    """The separators of a language's sentences, strongest first (compiled once)."""
    second_verb = re.compile(_SECOND_VERB.get(language, _SECOND_VERB["en"]), re.IGNORECASE)
    return (
        *_LEVELS,
        _before(_CONJUNCTIONS, language),
        second_verb,
        _before(_SUBORDINATES, language),
    )


def split_sentence(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Clause spans of the sentence text[start:end], each trimmed, in order."""
    start, end = _trim(text, start, end)
    if end <= start:
        return []
    levels = _levels(language)

    def split(s: int, e: int, level: int) -> list[tuple[int, int]]:
        if e - s <= LONG or level >= len(levels):
            return [(s, e)]
        pieces = _join_short(_cut(text, s, e, levels[level]))
        if len(pieces) <= 1:
            return split(s, e, level + 1)
        return [span for ps, pe in pieces for span in split(ps, pe, level + 1)]

    # A piece with no letter or digit ("***", a line of zero-width spaces) states nothing.
    return [(s, e) for s, e in split(start, end, 0) if _WORD.search(text, s, e)]


def units(article: Article) -> list[Unit]:
    """The clause units of an article, in reading order."""
    text = article.text
    out: list[Unit] = []
    for index, sentence in enumerate(article.sentences):
        for s, e in split_sentence(text, sentence.start, sentence.end, article.language):
            out.append(Unit(article.id, s, e, text[s:e], index))
    return out


_NOT_SPACE = re.compile(r"\S")
_HEADING_WORDS = 12  # a section heading is a line of this many words at most
_SENTENCE_END = ".!?…\"”»’')"


def is_heading(text: str, unit: Unit) -> bool:
    """Is the unit a section heading ("Speed and Efficiency Gains", "## Jobs", "What's Next:
    Future Implications")? A short line of its own with no sentence end, not a list item
    ("- Personalized search features…" states something). The article's first line, its
    headline, is not one."""
    line_start = text.rfind("\n", 0, unit.start) + 1
    first = _NOT_SPACE.search(text)
    if first is None or line_start <= first.start():
        return False  # the headline (no copy of the text before it: articles can be long)
    line_end = text.find("\n", unit.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip(" \t#*>_")
    if not line or _LIST_MARKER.match(line):
        return False
    return len(line.split()) <= _HEADING_WORDS and line[-1] not in _SENTENCE_END
