"""Finding an annotated span again after the article's text has changed.

A Selector holds what the W3C TextQuoteSelector and TextPositionSelector hold: the quote, up to
32 characters either side of it, and its code-point offsets. `locate` tries, in order:

1. the stored position, if the text there is still the quote;
2. every exact occurrence of the quote, best context (prefix and suffix similarity) first, then
   nearest to the stored position;
3. a fuzzy match (rapidfuzz), only for quotes of at least MIN_FUZZY_QUOTE characters, only
   if the matched text is at least MIN_SIMILARITY similar to the quote (normalised Levenshtein),
   and only if it states the same facts: numbers, dates, names and negations (core.facts).
   "On day 12 ... 84 people" is 94% similar to "On day 11 ... 77 people" and says something
   else, and a claim about one must not move onto the other. A match that states other facts
   only because it stops inside a word is tried again stopping at that word's edge;
4. nothing: the caller keeps the annotation as an orphan. A fuzzy matcher with no minimum
   always finds *something*, which is how annotations end up on the wrong words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from eternaut_reader.core.annotations.facts import cuts, facts, in_word, same_facts

if TYPE_CHECKING:
    from eternaut_reader.core.annotations.model import Annotation

__all__ = [
    "CONTEXT",
    "MIN_FUZZY_QUOTE",
    "MIN_SIMILARITY",
    "Location",
    "Selector",
    "anchor",
    "check_span",
    "locate",
    "select",
]

CONTEXT = 32
# Below this, a few edits turn a quote into any other short string ("the" ~ "she").
MIN_FUZZY_QUOTE = 10
# At most one edit per five characters of the quote.
MIN_SIMILARITY = 0.8
# A candidate this close to the quote near its old position is taken without a global search.
_GOOD_ENOUGH_LOCALLY = 0.95


@dataclass(frozen=True, slots=True)
class Selector:
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Location:
    start: int
    end: int
    method: str  # "position", "exact" or "fuzzy"
    similarity: float = 1.0


def check_span(text: str, start: object, end: object) -> tuple[int, int]:
    """Raises ValueError unless 0 <= start < end <= len(text), both plain ints."""
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"span {name} must be an int, not {type(value).__name__}")
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"span {start}..{end} is empty, inverted or outside the text (0..{len(text)})"
        )
    return start, end


def select(text: str, start: int, end: int) -> Selector:
    start, end = check_span(text, start, end)
    return Selector(
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
    )


def anchor(text: str, annotation: Annotation) -> Location | None:
    """Where an annotation is in `text` now, or None (an orphan): the one way the store, the
    claims index, the exports and the agreement place an annotation (the rules above)."""
    a = annotation
    # Step 1 inline: nearly every annotation is still where it was, and opening 100,000 of
    # them should not pay for a Selector each.
    if a.quote and text[a.start : a.end] == a.quote:
        return Location(a.start, a.end, "position")
    return locate(text, Selector(a.quote, a.prefix, a.suffix, a.start, a.end))


def locate(text: str, sel: Selector) -> Location | None:
    """Where the selector's quote is in `text` now, or None if it is not there any more."""
    quote = sel.quote
    if not quote:
        return None
    if text[sel.start : sel.end] == quote:
        return Location(sel.start, sel.end, "position")
    exact = _exact(text, sel)
    if exact is not None:
        return exact
    if len(quote) < MIN_FUZZY_QUOTE:
        return None
    return _fuzzy(text, sel)


def _context_score(text: str, start: int, end: int, sel: Selector) -> float:
    """How much the text around start..end looks like the stored prefix and suffix, 0..1."""
    scores = []
    if sel.prefix:
        scores.append(
            Indel.normalized_similarity(sel.prefix, text[max(0, start - CONTEXT) : start])
        )
    if sel.suffix:
        scores.append(Indel.normalized_similarity(sel.suffix, text[end : end + CONTEXT]))
    return sum(scores) / len(scores) if scores else 0.0


def _exact(text: str, sel: Selector) -> Location | None:
    best: tuple[float, int, int] | None = None  # (context, -distance, start)
    i = text.find(sel.quote)
    while i != -1:
        key = (_context_score(text, i, i + len(sel.quote), sel), -abs(i - sel.start), i)
        if best is None or key > best:
            best = key
        i = text.find(sel.quote, i + 1)
    if best is None:
        return None
    return Location(best[2], best[2] + len(sel.quote), "exact")


def _align(needle: str, text: str, lo: int, hi: int, q0: int, q1: int) -> tuple[int, int] | None:
    """Align needle against text[lo:hi] and return where needle[q0:q1] falls in text.

    Levenshtein opcodes give a global alignment; the text beyond the needle's ends shows up as
    insertions, which we skip, so this is in effect a local (semi-global) alignment.
    """
    window = text[lo:hi]
    start = end = None
    for op in Levenshtein.opcodes(needle, window):
        tag, i1, i2, j1 = op.tag, op.src_start, op.src_end, op.dest_start
        if tag == "insert":
            continue
        if start is None and i2 > q0:
            start = j1 + (q0 - i1 if tag != "delete" and q0 >= i1 else 0)
        if i1 < q1:
            last = min(q1, i2) - 1  # the last needle character of the quote in this block
            end = j1 if tag == "delete" else j1 + (last - i1) + 1
    if start is None or end is None or end <= start:
        return None
    return lo + start, lo + end


def _tighten(text: str, quote: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Move each end of an aligned span to where the text is most like the quote.

    Equal-cost alignments are not unique: "the x the the" can align a trailing "the" several
    words away. Among equally similar boundaries, the one nearest the quote's length wins.
    """
    if span is None:
        return None
    start, end = span
    reach = _slack(len(quote))

    def key(s: int, e: int) -> tuple[float, int]:
        return Levenshtein.normalized_similarity(quote, text[s:e]), -abs(e - s - len(quote))

    end = max(
        range(max(start + 1, end - reach), min(len(text), end + reach) + 1),
        key=lambda e: key(start, e),
    )
    start = max(
        range(max(0, start - reach), min(end, start + reach + 1)), key=lambda s: key(s, end)
    )
    return start, end


def _slack(n: int) -> int:
    return max(8, n // 4)


def _fuzzy(text: str, sel: Selector) -> Location | None:
    quote = sel.quote
    n = len(quote)
    slack = _slack(n)
    candidates: set[tuple[int, int]] = set()
    # The quote is read in its stored context, as the candidates are in the new text: that
    # tells whether a capitalised first word opens a sentence and whether an end cuts a word.
    context, at = sel.prefix + quote + sel.suffix, len(sel.prefix)
    quote_facts = facts(context, at, at + n)
    quote_cuts = cuts(context, at, at + n)

    def consider(span: tuple[int, int] | None) -> None:
        span = _tighten(text, quote, span)
        if span is not None:
            candidates.add(span)

    # Most edits are local: look around the old position first.
    near = (max(0, sel.start - slack), min(len(text), sel.end + slack))
    consider(_align(quote, text, *near, 0, n))
    local = _best(text, sel, candidates, quote_facts, quote_cuts)
    if local is not None and local.similarity >= _GOOD_ENOUGH_LOCALLY:
        return local

    # The passage moved: the best window for the quote alone, and for the quote in its
    # context (which tells apart repeated passages).
    found = fuzz.partial_ratio_alignment(quote, text)
    if found is not None:
        lo, hi = found.dest_start - slack, found.dest_end + slack
        consider(_align(quote, text, max(0, lo), min(len(text), hi), 0, n))
    needle = sel.prefix + quote + sel.suffix
    if len(needle) > n:
        found = fuzz.partial_ratio_alignment(needle, text)
        if found is not None:
            wide = _slack(len(needle))
            lo, hi = max(0, found.dest_start - wide), min(len(text), found.dest_end + wide)
            consider(_align(needle, text, lo, hi, len(sel.prefix), len(sel.prefix) + n))
    return _best(text, sel, candidates, quote_facts, quote_cuts)


def _best(
    text: str,
    sel: Selector,
    candidates: set[tuple[int, int]],
    quote_facts: Counter[str],
    quote_cuts: tuple[bool, bool],
) -> Location | None:
    """The best-scoring candidate that is similar enough and keeps the quote's facts."""

    def similarity(span: tuple[int, int]) -> float:
        return Levenshtein.normalized_similarity(sel.quote, text[span[0] : span[1]])

    negated = _negated_before(sel.prefix, len(sel.prefix))

    def keeps_facts(span: tuple[int, int]) -> bool:
        # A changed number, date, name or negation is a different claim, however similar.
        # A word the match cuts is left out only where the quote too began or ended in one.
        # A match that starts just after a "not" the quote did not follow ("stay 0 storm
        # reached" landing on "0 storm reached" in "stay not 0 storm reached") negates it.
        return same_facts(
            quote_facts, facts(text, *span, drop_cut=quote_cuts)
        ) and negated == _negated_before(text, span[0])

    def cuts_more(span: tuple[int, int]) -> bool:
        """Does the span cut a word at an end where the quote did not?"""
        cut = cuts(text, *span)
        return (cut[0] and not quote_cuts[0]) or (cut[1] and not quote_cuts[1])

    # A highlight never starts or stops inside a word the quote held whole: such a span is
    # replaced by its ends moved to the word's edges ("wo the two" of "two the two").
    spans = {
        snapped
        for span in candidates
        for snapped in (_snapped(text, *span, quote_cuts) if cuts_more(span) else [span])
    }
    best: tuple[float, Location] | None = None
    for span in spans:
        ratio = similarity(span)
        if ratio < MIN_SIMILARITY:
            continue
        if not keeps_facts(span):
            variants = _snapped(text, *span, quote_cuts)
            found = next(
                (v for v in variants if similarity(v) >= MIN_SIMILARITY and keeps_facts(v)), None
            )
            if found is None:
                continue
            span, ratio = found, similarity(found)
        start, end = span
        closeness = 1.0 - min(1.0, abs(start - sel.start) / max(1, len(text)))
        context = _context_score(text, start, end, sel)
        score = 0.7 * ratio + 0.25 * context + 0.05 * closeness
        if best is None or score > best[0]:
            best = (score, Location(start, end, "fuzzy", ratio))
    return None if best is None else best[1]


def _negated_before(text: str, start: int) -> bool:
    """Whether the word just before `start` (across spaces only) is a negation."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and in_word(text, begin - 1):
        begin -= 1
    if begin == end:
        return False
    return any(key.startswith("negation:") for key in facts(text, begin, end))


def _snapped(
    text: str, start: int, end: int, quote_cuts: tuple[bool, bool]
) -> list[tuple[int, int]]:
    """start..end with an end that cuts a word, where the quote's did not, moved to the word's
    edge: without the piece first, then with the whole word.

    An aligned end is one of several equally good ones and may stop inside a word: "at a He"
    for a quote that ended "at the", where "He" begins "Helm". Read whole, that piece is a
    name the quote did not state; the span that stops before it is the match.
    """
    cut_start, cut_end = cuts(text, start, end)
    starts, ends = [start], [end]
    if cut_start and not quote_cuts[0]:
        inward, outward = start, start
        while inward < end and in_word(text, inward):
            inward += 1
        while outward > 0 and in_word(text, outward - 1):
            outward -= 1
        starts = [inward, outward]
    if cut_end and not quote_cuts[1]:
        inward, outward = end, end
        while inward > start and in_word(text, inward - 1):
            inward -= 1
        while outward < len(text) and in_word(text, outward):
            outward += 1
        ends = [inward, outward]
    return [(s, e) for s in starts for e in ends if s < e and (s, e) != (start, end)]
