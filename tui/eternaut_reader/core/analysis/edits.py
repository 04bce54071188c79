"""Edits between two passages told in nearly the same words.

One report's sentence copied by another, or both copied from one wire story, with a figure, a
name or a "not" changed: "1,000 people joined the protest in Milan on Saturday." / "5,000
people joined…", "…landed in Milan…" / "…landed in Turin…", "The board approved the merger"
/ "The board did not approve the merger". Word for word, the two are one passage told twice;
what one report changed is what the two disagree on, however far apart the figures are (a
count five times another is no "other measure" here) and whatever the rest of the corpus
(an outside tester saw these read as a copy, "no second source", and nothing flagged).

Only passages of one language, nearly the same word for word (EDIT_RATIO), are read; the
words changed are rapidfuzz's Levenshtein opcodes over the two lists of words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from eternaut_reader.core.analysis.values import CALENDAR_STEMS, parse_number

__all__ = ["EDIT_RATIO", "Edit", "edits"]

EDIT_RATIO = 0.8  # the share of words two passages have in the same order (rapidfuzz Indel)
_QUICK_RATIO = 70  # rapidfuzz's ratio of the characters, below which EDIT_RATIO is never met
_MIN_WORDS = 6  # shorter passages ("Rent bill passes" / "Rent bill fails") are too few words
_TOKEN = re.compile(r"\d[\d.,]*|[^\W\d_]+(?:['’][^\W\d_]+)?|[€$£%]")
_NEGATIONS = frozenset(
    """not no never n't didn't doesn't don't won't wasn't weren't isn't aren't hasn't haven't
    hadn't cannot non mai né nessun nessuno nessuna""".split()  # noqa: SIM905
)
_CURRENCY = frozenset("€$£")
_CALENDAR = CALENDAR_STEMS | {"may"}  # days and months, as the values read them


class Edit(NamedTuple):
    what: str  # number, money, name or negation
    here: str  # the words as this passage has them
    there: str  # ...and as the other has them
    start: int  # where this passage's words are, in its text
    end: int


def edits(here: str, there: str) -> list[Edit]:
    """The figures, currencies, names and negations changed between two passages that are
    nearly the same word for word; none where they are not."""
    if fuzz.ratio(here, there) < _QUICK_RATIO:
        return []  # the common case, in C: two passages not told in the same words
    (mine, words_a), (theirs, words_b) = _words(here), _words(there)
    if min(len(mine), len(theirs)) < _MIN_WORDS:
        return []
    if Indel.normalized_similarity(words_a, words_b) < EDIT_RATIO:
        return []
    out = []
    for opcode in Levenshtein.opcodes(words_a, words_b):
        if opcode.tag == "equal":
            continue
        i1, i2 = opcode.src_start, opcode.src_end
        j1, j2 = opcode.dest_start, opcode.dest_end
        a, b = mine[i1:i2], theirs[j1:j2]
        what = _what(a, b, first=i1 == 0 or j1 == 0)
        if what is None:
            continue
        if what == "negation" and (not a or not b):
            # A "not" put before a word both passages have ("ha approvato" / "non ha
            # approvato"), not a phrase added at the end ("…, not without dissent").
            inserted = len(a) + len(b)
            if inserted > 2 or i2 >= len(mine) or j2 >= len(theirs):
                continue
        if what == "money":  # shown with its figure: "€1.2bn" / "$1.2bn", not "€" / "$"
            a, b = _with_figure(mine, i1, i2), _with_figure(theirs, j1, j2)
        if not a or not b:  # a "not" added: shown with the word after it, "ha" / "non ha"
            a, b = mine[i1 : i2 + 1], theirs[j1 : j2 + 1]
        start = a[0].start() if a else (mine[i1 - 1].end() if i1 else 0)
        end = a[-1].end() if a else start
        shown_a = here[a[0].start() : a[-1].end()] if a else ""
        shown_b = there[b[0].start() : b[-1].end()] if b else ""
        out.append(Edit(what, shown_a or "—", shown_b or "—", start, end))
    return out


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[list[re.Match[str]], list[str]]:
    """The words of a passage and their lower-case forms (a passage meets many others)."""
    tokens = list(_TOKEN.finditer(text))
    return tokens, [m.group().lower() for m in tokens]


def _what(a: list[re.Match[str]], b: list[re.Match[str]], first: bool) -> str | None:
    words_a = {m.group().lower() for m in a}
    words_b = {m.group().lower() for m in b}
    if (words_a | words_b) & _NEGATIONS and (words_a & _NEGATIONS) != (words_b & _NEGATIONS):
        return "negation"
    if a and b and {m.group() for m in a} & _CURRENCY != {m.group() for m in b} & _CURRENCY:
        return "money"
    figures_a = [_figure(m.group()) for m in a if m.group()[0].isdigit()]
    figures_b = [_figure(m.group()) for m in b if m.group()[0].isdigit()]
    if figures_a and figures_b and figures_a != figures_b:
        return "number"
    if a and b and not first and _named(a) and _named(b) and not (words_a | words_b) & _CALENDAR:
        # A capitalised word for another, not at the start of a sentence; a day or a month
        # is a date's, which the values compare (a weekday weeks apart may be another day).
        return "name"
    return None


_SCALES = frozenset("bn m mn k million millions billion billions miliardi milioni mila".split())  # noqa: SIM905


def _with_figure(tokens: list[re.Match[str]], start: int, end: int) -> list[re.Match[str]]:
    """tokens[start:end] and the figure and scale word after them."""
    while end < len(tokens) and (
        tokens[end].group()[0].isdigit() or tokens[end].group().lower() in _SCALES
    ):
        end += 1
    return tokens[start:end]


def _named(tokens: list[re.Match[str]]) -> bool:
    return any(m.group()[0].isupper() for m in tokens)


def _figure(token: str) -> float | str:
    try:
        return parse_number(token.rstrip(".,"))  # "1,000" and "1.000" are one figure
    except ValueError:
        return token
