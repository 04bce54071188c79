"""Paragraphs and sentences as character spans of the original text.

Sentence boundaries come from a rule-based segmenter, and we only align its output back onto
the text so that every span satisfies text[start:end] == sentence. Two engines:

- pySBD (multilingual, Italian included) for ordinary articles: about 4 s per MB of news prose;
- sentencex (Wikimedia's, ~300 languages, compiled) for large ones: about 100 times faster,
  so that a 5 MB article is segmented in well under a second. On the seeds and on generated
  English and Italian prose it agrees with pySBD on 92-100% of the sentence ends, and where
  they differ sentencex is mostly the one that is right (benchmarks/bench_segment.py); two
  rules below mend its commonest slips (a split after "Dr." or after `,”`).

Segmentation can be cancelled between paragraphs (`cancel`), so that quitting never waits.
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

# Above this many characters the fast engine segments the article (pySBD would take > 1 s).
FAST_ABOVE = 250_000
# ...and a paragraph this long, whatever the article: pySBD's time grows with the square of a
# paragraph's length (a 40,000-character line with no stop took it 4-5 s, sentencex none).
FAST_PARAGRAPH = 8_000

# pySBD builds a pattern per abbreviation it finds, hundreds in English and Italian together:
# more than the re module's cache holds (512 in CPython 3.11), so each was compiled afresh on
# every paragraph, a third of the cold alignment of 50 reports (cProfile). A larger cache
# keeps them: about 8% off that benchmark. The attribute is CPython's own; where it is
# missing nothing changes.
_PATTERN_CACHE = 4096
if getattr(re, "_MAXCACHE", _PATTERN_CACHE) < _PATTERN_CACHE:
    re._MAXCACHE = _PATTERN_CACHE  # type: ignore[attr-defined]

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


class SegmentCancelled(Exception):
    """`cancel()` said to stop: the article stays unsegmented."""


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
    *,
    engine: str | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[Sentence]:
    """Segment text into sentences that never cross a paragraph boundary.

    `engine` is "pysbd" or "sentencex"; by default pySBD up to FAST_ABOVE characters and
    sentencex above. `cancel` is asked between paragraphs; when it says yes,
    SegmentCancelled is raised."""
    if engine is None:
        engine = "pysbd" if len(text) <= FAST_ABOVE else "sentencex"
    split = _pysbd_split(language) if engine == "pysbd" else _sentencex_split(language)
    fast = None if engine == "pysbd" else split  # sentencex is imported when first needed
    paras = paragraphs(text)
    out: list[Sentence] = []
    total = len(paras) or 1
    step = max(1, total // 100)
    for index, para in enumerate(paras):
        chunk = text[para.start : para.end]
        use = split
        if len(chunk) > FAST_PARAGRAPH:
            fast = fast or _sentencex_split(language)
            use = fast
        for start, end in _metadata_apart(chunk, _align(chunk, use(chunk))):
            out.append(Sentence(para.start + start, para.start + end, chunk[start:end], index))
        if index % step == 0:
            if cancel is not None and cancel():
                raise SegmentCancelled
            if progress is not None:
                progress(index / total)
    if progress is not None:
        progress(1.0)
    return out


# A field of metadata run into a paragraph's first sentence, as a page saved as text has it
# (" date 2025-07-18 Netflix's Pioneering Step into AI-Enhanced Storytelling"): a sentence of
# its own, so that the headline after it is one (an outside tester saw the date read, and
# compared, as part of the headline).
_METADATA = re.compile(
    r"\s*(?:date|data|published|updated|pubblicato(?:\s+il)?|aggiornato(?:\s+il)?)\s*:?\s*"
    r"\d{4}-\d{2}-\d{2}(?=\s+\S)",
    re.IGNORECASE,
)


# A sentence that is only a metadata field: a date alone on its line ("2025-07-28", as the
# fifth seed and many saved pages have it under the headline) or a labelled one ("date
# 2025-07-18", split off the headline above). It is no claim: the sentence cursor passes it
# by, so that a tag key never makes a claim of it (an outside tester tagged a report's date
# line). A span that holds it can still be selected and tagged on purpose.
_METADATA_ONLY = re.compile(
    r"(?:(?:date|data|published|updated|pubblicato(?:\s+il)?|aggiornato(?:\s+il)?)\s*:?\s*)?"
    r"\d{4}-\d{2}-\d{2}",
    re.IGNORECASE,
)


def is_metadata(text: str) -> bool:
    """Is this sentence a metadata field, not a claim (see _METADATA_ONLY)?"""
    return _METADATA_ONLY.fullmatch(text.strip()) is not None


def claim_units(found: list[Sentence]) -> list[Sentence]:
    """The sentences a cursor stops on: all but the metadata fields."""
    return [s for s in found if not is_metadata(s.text)]


def _metadata_apart(chunk: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for n, (start, end) in enumerate(spans):
        field = _METADATA.match(chunk, start, end) if n == 0 else None
        if field is None:
            yield start, end
            continue
        rest = _trim(chunk, field.end(), end)
        yield _trim(chunk, start, field.end()).start, field.end()
        yield rest.start, rest.end


def _pysbd_split(language: str) -> Callable[[str], list[str]]:
    segmenter = _segmenter(language)

    def split(chunk: str) -> list[str]:
        return _zoned(list(segmenter.segment(chunk)))

    return split


# A time zone after "a.m." / "p.m.": both engines end the sentence at the abbreviation's full
# stop ("docked at 6 a.m." | "GMT on Monday."), leaving a fragment that matches nothing.
_CLOCK_END = re.compile(r"\b[ap]\.m\.\s*$", re.IGNORECASE)
_ZONE_START = re.compile(
    r"\s*(?:GMT|UTC|CET|CEST|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|"
    r"(?:local|[A-Z][a-z]+)\s+time)\b"  # "local time", "Italian time", "Rome time"
)


def _zoned(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if out and _CLOCK_END.search(out[-1]) and _ZONE_START.match(piece):
            out[-1] += piece
        else:
            out.append(piece)
    return out


# Titles before a name: a split after one of these is sentencex's commonest slip.
_TITLE = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Gov|Rep|Sr|Jr|Col|Capt|Lt|Sgt|Rev|sig|sig\.ra|"
    r"dott|dott\.ssa|prof\.ssa|avv|ing|on)\.\s*$",
    re.IGNORECASE,
)
# A quotation that ends in a comma goes on: “…,” she said.
_COMMA_QUOTE = re.compile(r",[\"”’»']\s*$")


def _sentencex_split(language: str) -> Callable[[str], list[str]]:
    import sentencex

    def split(chunk: str) -> list[str]:
        pieces: list[str] = []
        glue = False
        for piece in sentencex.segment(language, chunk):
            if glue and pieces:
                pieces[-1] += piece
            else:
                pieces.append(piece)
            glue = bool(_TITLE.search(piece) or _COMMA_QUOTE.search(piece))
        return _zoned(pieces)

    return split


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
