"""The matching itself: read every unit, weigh its features, pair units across articles.

For each unit: its values (values.py, with the article's date), its names (names.py; "the
series" stands for the series the article is about; in a headline, where every word is
capitalised, only what the reports capitalise in running text too), its content stems
(similarity.py), a hedge (lexicon.py), and whether it says enough to be a claim. Units of
different articles whose score reaches MATCH_SCORE are matches when each is among the
other's best MAX_PER_ARTICLE in its article (mutual nearest neighbours).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eternaut_reader.core.analysis.lexicon import is_hedged
from eternaut_reader.core.analysis.names import main_work, names, refers_to_work, vocabulary
from eternaut_reader.core.analysis.similarity import CognateMap, Features, Index, content_stems
from eternaut_reader.core.analysis.units import Unit, units
from eternaut_reader.core.analysis.values import Value, extract
from eternaut_reader.core.analysis.verdict import Match, relate

if TYPE_CHECKING:
    from eternaut_reader.core.text.corpus import Article

__all__ = ["AlignCancelled", "Read", "match_units"]

MATCH_SCORE = 0.07  # below this two units are not taken for the same fact
MAX_PER_ARTICLE = 2  # matches per unit and other article, best first, and mutual
MAX_MATCHES = 24  # matches kept per unit in all, best first
CONFLICT_WORDING = 0.06  # wording similarity a conflicting match needs (Index.wording)
MIN_FEATURES = 3  # fewer content words and no value: a heading or a fragment, not a claim
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


class AlignCancelled(Exception):
    """The alignment was cancelled through its cancel callback."""


@dataclass
class Read:
    """What the matcher knows of one unit."""

    unit: Unit
    language: str
    values: list[Value]
    hedge: str | None
    claim: bool


def reference(article: Article) -> tuple[dt.date | None, int | None]:
    """The article's date, and the year a year-less "second half" or "Q2" belongs to: the
    date's year, else the year the text names most often (the latest on a tie)."""
    if article.date:
        try:
            date = dt.date.fromisoformat(article.date[:10])
        except ValueError:
            pass
        else:
            return date, date.year
    years = Counter(int(y) for y in _YEAR.findall(article.text))
    if not years:
        return None, None
    return None, max(years, key=lambda y: (years[y], y))


def _read(
    articles: list[Article], check: Callable[[float], None]
) -> tuple[list[Read], list[Features]]:
    common = vocabulary(a.text for a in articles)
    reads: list[Read] = []
    features: list[Features] = []
    titled: list[bool] = []
    for number, article in enumerate(articles):
        check(0.6 * number / max(len(articles), 1))
        date, year = reference(article)
        work = main_work(article.text, common)
        for unit in units(article):
            values = extract(unit.text, article.language, date, year)
            found = names(unit.text, common)
            keys = [k for n in found for k in n.keys]
            if work and work not in keys and refers_to_work(unit.text):
                keys.append(work)  # "the series" is the series the article is about
            stems = content_stems(unit.text, article.language)
            hedge = is_hedged(unit.text, article.language)
            # A heading, a dateline or a fragment says too little to be checked.
            claim = len(stems) >= MIN_FEATURES or (bool(values) and len(stems) >= 2)
            reads.append(Read(unit, article.language, values, hedge, claim))
            measures = [v.kind_key for v in values]
            if any(v.kind == "status" for v in values):
                # The release status *of this work*: two units giving one speak of one fact.
                measures += [f"status@{k}" for k in keys]
            features.append(Features(stems, keys, [v.key for v in values], measures))
            titled.append(_title_case(unit.text))
    # In a headline every word is capitalised ("First AI-Generated Scene Debuts in El
    # Eternauta"): there, only what the reports also capitalise in running text is a name.
    known = {k for f, t in zip(features, titled, strict=True) if not t for k in f.names}
    for feature, title in zip(features, titled, strict=True):
        if title:
            feature.names = [k for k in feature.names if k in known]
    by_language: dict[str, set[str]] = defaultdict(set)
    for read, feature in zip(reads, features, strict=True):
        by_language[read.language].update(feature.stems)
    if len(by_language) > 1:
        cognates = CognateMap.build(by_language)
        for feature in features:
            feature.stems = [cognates(s) for s in feature.stems]
    return reads, features


_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case(text: str) -> bool:
    """Are (nearly) all the longer words of text capitalised, as in a headline?"""
    words = _TITLE_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def match_units(
    articles: list[Article], check: Callable[[float], None]
) -> tuple[list[Read], dict[int, list[tuple[Match, int]]]]:
    """Every unit read, and for each (by index) its matches with the matched unit's index.

    check(fraction) is called between steps: it reports progress and may raise
    AlignCancelled.
    """
    reads, features = _read(articles, check)
    article_index = {a.id: n for n, a in enumerate(articles)}
    group = [article_index[r.unit.article] for r in reads]
    check(0.65)
    index = Index(features, [r.language for r in reads])
    pairs = index.pairs(group, MATCH_SCORE)
    check(0.85)
    # For each unit and each other article, its best MAX_PER_ARTICLE candidates there.
    best: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
    for (a, b), score in pairs.items():
        if reads[a].claim and reads[b].claim:
            best[(a, group[b])].append((score, b))
            best[(b, group[a])].append((score, a))
    for key, candidates in best.items():
        best[key] = sorted(candidates, key=lambda p: (-p[0], p[1]))[:MAX_PER_ARTICLE]
    # A match must be mutual: each unit among the other's best in its article. A long,
    # general sentence ("…, where co-CEO Ted Sarandos revealed…") is otherwise close enough
    # to many passages to be matched by all of them.
    found: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, _), candidates in best.items():
        for score, b in candidates:
            if any(c == a for _, c in best[(b, group[a])]):
                found[a].append((score, b))
    matches: dict[int, list[tuple[Match, int]]] = {}
    for i, read in enumerate(reads):
        kept: list[tuple[Match, int]] = []
        for score, j in sorted(found.get(i, []), key=lambda p: (-p[0], p[1])):
            other = reads[j].unit
            if len(kept) >= MAX_MATCHES:
                break
            relation, conflicts, at = relate(read.values, reads[j].values, read.unit.start, score)
            if conflicts and index.wording(i, j) < CONFLICT_WORDING:
                # Two figures of one kind in passages that share little else: not one fact
                # told two ways, so not a contradiction either.
                relation, conflicts, at = "related", (), ()
            kept.append(
                (
                    Match(
                        other.article,
                        other.start,
                        other.end,
                        round(min(score, 1.0), 3),
                        relation,
                        conflicts,
                        at,
                    ),
                    j,
                )
            )
        matches[i] = kept
    return reads, matches
