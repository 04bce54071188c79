"""Paragraphs and sentences as character spans of the original text.

Sentence boundaries come from pySBD (rule-based, multilingual, Italian included); we only
align its output back onto the text so that every span satisfies text[start:end] == sentence.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pysbd

# Languages pySBD has rules for; anything else is segmented with the English rules.
SUPPORTED_LANGUAGES = frozenset(
    "en hi mr zh es am ar hy bg ur ru pl fa nl da fr my el it ja de kk sk".split()  # noqa: SIM905
)

# A line longer than this is a paragraph of its own: news text is one paragraph per line.
_HARD_WRAP_LIMIT = 100
_BLOCK_START = re.compile(r"[ \t]*(?:[-*+•·–]\s|\d{1,3}[.)]\s|#{1,6}\s|>)")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer("\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def paragraphs(text: str) -> list[Span]:
    """Split text into paragraphs, as spans trimmed of surrounding white space.

    Text whose lines are all short is taken to be hard-wrapped: its paragraphs are blocks
    separated by blank lines (a list item or a heading still starts a new one). Otherwise every
    non-blank line is a paragraph, which is how news text is usually delivered.
    """
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    hard_wrapped = bool(lines) and all(e - s <= _HARD_WRAP_LIMIT for s, e in lines)
    spans: list[Span] = []
    block_start = block_end = -1
    for s, e in lines:
        continues = (
            hard_wrapped
            and block_end >= 0
            and not text[block_end:s].count("\n") > 1
            and not _BLOCK_START.match(text, s)
        )
        if continues:
            block_end = e
            continue
        if block_end >= 0:
            spans.append(_trim(text, block_start, block_end))
        block_start, block_end = s, e
    if block_end >= 0:
        spans.append(_trim(text, block_start, block_end))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


_local = threading.local()


def _segmenter(language: str) -> pysbd.Segmenter:
    """A segmenter for this thread: pySBD keeps per-call state on the instance, so sharing
    one between worker threads mixes up their texts."""
    import pysbd

    lang = language if language in SUPPORTED_LANGUAGES else "en"
    cached: dict[str, pysbd.Segmenter] = _local.__dict__.setdefault("segmenters", {})
    if lang not in cached:
        cached[lang] = pysbd.Segmenter(language=lang, clean=False)
    return cached[lang]


def sentences(
    text: str,
    language: str = "en",
    progress: Callable[[float], None] | None = None,
) -> list[Sentence]:
    """Segment text into sentences that never cross a paragraph boundary."""
    paras = paragraphs(text)
    segmenter = _segmenter(language)
    out: list[Sentence] = []
    total = len(paras) or 1
    step = max(1, total // 100)
    for index, para in enumerate(paras):
        chunk = text[para.start : para.end]
        for start, end in _align(chunk, segmenter.segment(chunk)):
            out.append(Sentence(para.start + start, para.start + end, chunk[start:end], index))
        if progress is not None and index % step == 0:
            progress(index / total)
    if progress is not None:
        progress(1.0)
    return out


def _align(chunk: str, pieces: list[str]) -> Iterator[tuple[int, int]]:
    """Map segmenter output back to offsets in chunk, trimmed of white space.

    pySBD returns substrings, but to be safe against any rewriting a piece that cannot be found
    ends the alignment and the rest of the paragraph becomes one sentence.
    """
    pos = 0
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        found = chunk.find(stripped, pos)
        if found < 0:
            break
        yield found, found + len(stripped)
        pos = found + len(stripped)
    rest = _trim(chunk, pos, len(chunk))
    if rest.end > rest.start:
        yield rest.start, rest.end
