"""Cross-source alignment: the same fact in the other reports, and a suggested verdict.

`align(corpus)` splits every article into clause units, finds for each unit the passages of
the other articles that state the same fact (matcher.py), says of each match whether it
agrees, conflicts (on which values) or is only related, and suggests a verdict per unit with
a one-line reason and the evidence (verdict.py). Nothing is ever applied: the reader shows a
suggestion and the user decides.

The result is cached by the articles' ids, content hashes, languages and dates (cache.py),
so a second run costs a file read. Offsets are code points into the text as loaded.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from eternaut_reader.core.analysis import cache, embeddings
from eternaut_reader.core.analysis.lexicon import cue_pattern
from eternaut_reader.core.analysis.matcher import (
    CLAUSE_BREAK,
    AlignCancelled,
    clause_bounds,
    match_units,
)
from eternaut_reader.core.analysis.units import Unit
from eternaut_reader.core.analysis.verdict import (
    COPY_RATIO,
    RELATIONS,
    TAGS,
    Conflict,
    Match,
    Suggestion,
    merge_confirmed,
    restrict,
    suggest,
)

# A report whose claims are this share of another's, word for word, copies it (COPY_SCORE:
# the least score at which two passages are looked at as copies at all).
COPY_SHARE = 0.5
COPY_SCORE = 0.5

if TYPE_CHECKING:
    from eternaut_reader.core.text.corpus import Article, Corpus

__all__ = [
    "AlignCancelled",
    "Alignment",
    "Conflict",
    "Match",
    "Suggestion",
    "Unit",
    "align",
]

# The method's version: a cached result made by another version is recomputed.
# 16: people and passengers, a year left over, a supply cut, hospital = injured, a start, a
# rise or a fall.
# 18-19: phrases as one word, what a share is of, ages, counts far apart in passages alike,
# bounds given by a verb, relative months, the day of a date in words in its conflict.
# 20 (method 19): scores, ordinals, event, place and act statuses, the news vocabulary, a
# weekday's tense, the reports' dates for a plan and its outcome.
# 21: with the embeddings extra, pairs chosen by the fitted model (pairmodel.py); refit it
# (scripts/fit_pair_model.py --write), and this goes up.
# 22: the last noun of a compound is counted ("23 container ships", "due piccoli paesaggi").
# 23: streets and squares by their names ("Via Manin" / "via Solferino").
# 24 (method 21): the seriously injured, ranges, bonuses, speeds, provinces and hospitals.
# 25 (method 22): estimates as ranges ("800.000-1,2 milioni", "€800,000-1.2m"); two ranges
# agree only when their ends do; who orders or bans, as the subject of the act; lakes and
# sides by the compass.
# 26 (method 23): who won and who lost a game; scores in words; "a week", "a fortnight"; ages
# in one word ("diciassettenne", "aged 16"); months against years; "una ventina" up to 25.
# 27 (method 24): a live blog's time of writing ("Ore 17.40 –") is no time of an event, nor
# are the hours of a closing and a reopening one time; "una settimana normale" is no span;
# the ages of a group are one range ("aged between 2 and 41", "tra i 2 e i 41 anni"); "next
# Monday", "lunedì prossimo" are the coming one; a subject set off by a comma is what a day or
# an hour is of ("La chiusura, scattata dalle 18"); two openings' days by the week's words.
METHOD_VERSION = 27


@dataclass
class UnitResult:
    """One unit with its matches, its suggestion and what the suggestion rests on."""

    unit: Unit
    matches: list[Match]
    suggestion: Suggestion | None
    hedge: str | None
    claim: bool


def _hedge_of_part(result: UnitResult, start: int, end: int) -> str | None:
    """The unit's hedge, for part of it: only when the hedge word stands in the part's own
    clause, or in the unit's opening clause, which speaks for all of it ("Reportedly, …",
    "Secondo fonti, …"). "The consortium, which groups 120 wineries, said the frost could
    cut the harvest": "could" hedges the harvest, not the 120 wineries."""
    cue = result.hedge
    if cue is None:
        return None
    text = result.unit.text.replace("’", "'")
    left, right = clause_bounds(text, start - result.unit.start, end - result.unit.start)
    opening = CLAUSE_BREAK.search(text)
    head = text[: opening.start()] if opening else text
    said = cue_pattern(cue)
    if said.search(text, left, right) or (left > 0 and said.search(head)):
        return cue
    return None


class Alignment:
    """The units of every article with their matches and suggestions; read-only."""

    def __init__(
        self,
        results: dict[str, list[UnitResult]],
        texts: dict[str, str],
        titles: dict[str, str],
        copies: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self._results = results
        self._texts = texts
        self.titles = titles
        self._copies = copies  # worked out on first use when read from the cache

    def copies(self, article_id: str) -> frozenset[str]:
        """The reports that copy this one as a whole (copied_reports)."""
        if self._copies is None:
            self._copies = copied_reports(
                (
                    (article, r.unit.text, r.matches)
                    for article, results in self._results.items()
                    for r in results
                    if r.claim
                ),
                self.passage,
            )
        return self._copies.get(article_id, frozenset())

    @property
    def article_ids(self) -> list[str]:
        return list(self._results)

    def units(self, article_id: str) -> list[Unit]:
        return [r.unit for r in self._results.get(article_id, [])]

    def results(self, article_id: str) -> list[UnitResult]:
        return list(self._results.get(article_id, []))

    def passage(self, match: Match) -> str:
        """The matched text."""
        return self._texts.get(match.article, "")[match.start : match.end]

    def _overlapping(self, article_id: str, start: int, end: int) -> list[UnitResult]:
        results = self._results.get(article_id, [])
        if end <= start:  # a caret: the unit it stands in
            return [r for r in results if r.unit.start <= start < r.unit.end][:1]
        return [r for r in results if r.unit.start < end and start < r.unit.end]

    def matches(self, article_id: str, start: int, end: int) -> list[Match]:
        """The matches of every unit overlapping [start, end), best first, each passage once."""
        best: dict[tuple[str, int, int], Match] = {}
        for result in self._overlapping(article_id, start, end):
            for match in result.matches:
                key = (match.article, match.start, match.end)
                if key not in best or match.score > best[key].score:
                    best[key] = match
        return sorted(best.values(), key=lambda m: (-m.score, m.article, m.start))

    def suggest(self, article_id: str, start: int, end: int) -> Suggestion | None:
        """The suggested verdict for the span [start, end) (a caret: its unit).

        Over several units: contradicted if any is, else speculative if any is, else
        confirmed; None where no unit is a claim. For part of a unit, a conflict on a value
        outside the span does not count: it is about another fact of the same sentence.
        """
        suggestions = []
        clauses: list[str] = []  # each suggestion's unit text
        for r in self._overlapping(article_id, start, end):
            whole = end <= start or (start <= r.unit.start and r.unit.end <= end)
            clauses.append(r.unit.text)
            if whole:
                suggestions.append(r.suggestion)
            else:
                part = (max(start, r.unit.start), min(end, r.unit.end))
                matches = restrict(r.matches, *part)
                copies = self.copies(article_id)
                hedge = _hedge_of_part(r, *part)
                others = len(self.titles) - 1
                suggestions.append(
                    suggest(r.claim, hedge, r.unit.text, matches, self.passage, copies, others)
                )
        found = [s for s in suggestions if s is not None]
        for tag in ("contradicted", "speculative"):
            tagged = [
                (s, c) for s, c in zip(suggestions, clauses, strict=True) if s and s.tag == tag
            ]
            if tagged:
                chosen, clause = tagged[0]
                if (
                    len(found) > 1
                    and tag == "speculative"
                    and not chosen.reason.startswith("hedged")
                ):
                    # Of one clause of several: the sentence's other clauses may well be
                    # stated elsewhere ("only related passages elsewhere" under a panel of
                    # passages that agree, as an outside tester saw), so say which. (A hedge
                    # names its own word: "hedged (\"potrebbe\")".)
                    reason = f"{_clause_name(clause)}: {chosen.reason}"
                    return Suggestion(chosen.tag, reason, chosen.evidence)
                return chosen
        if len(found) > 1:
            return merge_confirmed(found, len(self.titles) - 1)
        return found[0] if found else None

    # -- the cache's form ------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        return {
            "titles": self.titles,
            "articles": {
                article: [
                    {
                        "unit": [r.unit.start, r.unit.end, r.unit.sentence],
                        "hedge": r.hedge,
                        "claim": r.claim,
                        "matches": [_match_row(m) for m in r.matches],
                        # The evidence is made of the unit's matches: stored as their indices.
                        "suggestion": None
                        if r.suggestion is None
                        else [
                            r.suggestion.tag,
                            r.suggestion.reason,
                            [_index_of(r.matches, m) for m in r.suggestion.evidence],
                        ],
                    }
                    for r in results
                ]
                for article, results in self._results.items()
            },
        }

    @classmethod
    def from_data(cls, data: dict[str, Any], texts: dict[str, str]) -> Alignment:
        """Rebuild from to_data(); raises KeyError, TypeError or ValueError on a bad shape."""
        results: dict[str, list[UnitResult]] = {}
        for article, rows in data["articles"].items():
            text = texts[article]
            out = []
            for row in rows:
                start, end, sentence = (int(x) for x in row["unit"])
                if not 0 <= start < end <= len(text):
                    raise ValueError("a unit outside its article")
                matches = [_match_from(m) for m in row["matches"]]
                suggestion = None
                if row["suggestion"] is not None:
                    tag, reason, evidence = row["suggestion"]
                    if tag not in TAGS:
                        raise ValueError(f"unknown tag {tag!r}")
                    suggestion = Suggestion(
                        str(tag), str(reason), tuple(matches[int(i)] for i in evidence)
                    )
                hedge = row["hedge"]
                out.append(
                    UnitResult(
                        Unit(article, start, end, text[start:end], sentence),
                        matches,
                        suggestion,
                        None if hedge is None else str(hedge),
                        bool(row["claim"]),
                    )
                )
            results[article] = out
        titles = {str(k): str(v) for k, v in data["titles"].items()}
        return cls(results, texts, titles)


def _index_of(matches: list[Match], match: Match) -> int:
    return next(
        i for i, m in enumerate(matches) if m.start == match.start and m.article == match.article
    )


def _match_row(m: Match) -> list[Any]:
    conflicts = [[*c, s, e] for c, (s, e) in zip(m.conflicts, m.at, strict=True)]
    return [m.article, m.start, m.end, m.score, m.relation, conflicts, [list(d) for d in m.days]]


def _match_from(row: list[Any]) -> Match:
    article, start, end, score, relation, conflicts, days = row
    if relation not in RELATIONS:
        raise ValueError(f"unknown relation {relation!r}")
    return Match(
        str(article),
        int(start),
        int(end),
        float(score),
        str(relation),
        tuple(Conflict(str(w), str(h), str(t)) for w, h, t, _, _ in conflicts),
        tuple((int(s), int(e)) for _, _, _, s, e in conflicts),
        tuple((str(a), str(b)) for a, b in days),
    )


def _articles(corpus_or_articles: Corpus | Sequence[Article]) -> list[Article]:
    from eternaut_reader.core.text.corpus import Corpus

    if isinstance(corpus_or_articles, Corpus):
        return list(corpus_or_articles.articles)
    return list(corpus_or_articles)


def cache_key(articles: Sequence[Article], embed: bool = False) -> str:
    return cache.key(
        [f"v{METHOD_VERSION}" + ("+e5" if embed else "")]
        + [f"{a.id}\0{a.content_hash}\0{a.language}\0{a.date or ''}" for a in articles]
    )


def align(
    corpus_or_articles: Corpus | Sequence[Article],
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    *,
    use_cache: bool = True,
    embed: bool | None = None,
) -> Alignment:
    """Align the articles of a Corpus (or a list of Articles). Safe in a worker thread.

    progress receives fractions from 0 to 1. cancel is polled between steps: when it returns
    True the work stops with AlignCancelled (pass an Event's is_set). embed: use the
    optional multilingual embeddings; None (the default) uses them when the extra is
    installed and ETERNAUT_READER_EMBEDDINGS is not 0.
    """
    articles = _articles(corpus_or_articles)
    texts = {a.id: a.text for a in articles}
    embed = embeddings.wanted() if embed is None else embed and embeddings.available()
    key = cache_key(articles, embed)
    if use_cache:
        data = cache.load(key)
        if data is not None:
            try:
                found = Alignment.from_data(data, texts)
            except (KeyError, TypeError, ValueError, IndexError, AttributeError):
                found = None  # a damaged or foreign file: computed again and rewritten
            if found is not None:
                if progress is not None:
                    progress(1.0)
                return found
    result = _compute(articles, progress, cancel, embed)
    if use_cache:
        cache.save(key, result.to_data())
    return result


def copied_reports(
    claims: Iterable[tuple[str, str, Sequence[Match]]], passage: Callable[[Match], str]
) -> dict[str, frozenset[str]]:
    """For each report, the reports that copy it as a whole: a syndicated story, or one
    report pasted from another, where COPY_SHARE of one's claims (two at least) are found
    word for word (COPY_RATIO) in the other. Such a report is no second source for any of
    its passages, not even for those it rewords a little (a headline and lede rewritten).

    claims: (report, the claim's text, its matches) for every claim."""
    counted: Counter[str] = Counter()
    copied: Counter[tuple[str, str]] = Counter()
    for article, text, matches in claims:
        counted[article] += 1
        for other in {
            m.article
            for m in matches
            if m.score >= COPY_SCORE and fuzz.ratio(text, passage(m)) >= COPY_RATIO
        }:
            copied[(article, other)] += 1
    pairs: dict[str, set[str]] = defaultdict(set)
    for (a, b), n in copied.items():
        if n >= 2 and n >= COPY_SHARE * counted[a]:
            pairs[a].add(b)
            pairs[b].add(a)
    return {article: frozenset(others) for article, others in pairs.items()}


def _compute(
    articles: list[Article],
    progress: Callable[[float], None] | None,
    cancel: Callable[[], bool] | None,
    embed: bool = False,
) -> Alignment:
    def check(fraction: float) -> None:
        if cancel is not None and cancel():
            raise AlignCancelled
        if progress is not None:
            progress(fraction)

    reads, matches = match_units(articles, check, embed=embed)
    results: dict[str, list[UnitResult]] = {a.id: [] for a in articles}
    texts = {a.id: a.text for a in articles}

    def passage(match: Match) -> str:
        return texts[match.article][match.start : match.end]

    found = [[m for m, _ in matches.get(i, [])] for i in range(len(reads))]
    copies = copied_reports(
        ((r.unit.article, r.unit.text, f) for r, f in zip(reads, found, strict=True) if r.claim),
        passage,
    )
    for read, unit_matches in zip(reads, found, strict=True):
        suggestion = suggest(
            read.claim,
            read.hedge,
            read.unit.text,
            unit_matches,
            passage,
            copies.get(read.unit.article, frozenset()),
            len(articles) - 1,
        )
        results[read.unit.article].append(
            UnitResult(read.unit, unit_matches, suggestion, read.hedge, read.claim)
        )
    check(1.0)
    return Alignment(results, texts, {a.id: a.title for a in articles}, copies)


def _clause_name(text: str) -> str:
    """A clause named by its words, cut to fit a claim bar: “…one thing is clear”."""
    words = " ".join(text.split()).rstrip(".;:,")
    if len(words) > 40:
        tail = words[-39:]
        if words[-40] != " " and " " in tail:
            tail = tail.split(" ", 1)[1]  # from a whole word
        words = "…" + tail.lstrip()
    return f"the clause “{words}”"
