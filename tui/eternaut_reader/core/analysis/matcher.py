"""The matching itself: read every unit, weigh its features, pair units across articles.

For each unit: its values (values.py, with the article's date), its names (names.py; "the
series" stands for the series the article is about; in a headline, where every word is
capitalised, only what the reports capitalise in running text too), its content stems
(similarity.py; Italian stems read as English through the glossary, then the dictionary of
bilingual.py, then cognates), a hedge (lexicon.py), and whether it says enough to be a claim.
With the embeddings extra (embeddings.py), a pair's score also gains up to EMBED_WEIGHT for
how far its passages' cosine is above EMBED_FLOOR, and the matches are chosen by a fitted
model (pairmodel.py, _fitted) with the rules' pairs that give values of one kind. Without
it, units of different articles whose score reaches MATCH_SCORE are matches when

- each is among the other's best MAX_PER_ARTICLE in its article (mutual nearest neighbours),
  and, under WEAK_SCORE, one is the other's very best: two second-best passages sharing a
  word or two are mostly neighbouring facts;
- or one is the other's very best in its article and the other, seen from there, is among
  its best ONE_SIDED_RANK, at ONE_SIDED_SCORE or more and within ONE_SIDED_RATIO of the best
  it has in that article (a report that states a fact three ways: the third way is matched
  when it is the best passage for the other report, and scores close to the two before it);
- or both are strong matches (ANCHOR_SCORE) of one same passage of a third report: that
  passage vouches that they state its fact, though in words too far apart to score high
  together ("creator-supportive rather than creator-replacing" / "augment human creativity
  rather than replace it", both strongly matched by "not to replace creative professionals,
  but to enhance their abilities");
- or one restates, in its own report, a passage matched to the other (both give one same
  count, amount, percentage or day: a headline's "320 job cuts" and its lede's "the planned
  loss of 320 jobs"), and the two score RESTATED_SCORE or more together: a report stating a
  fact twice has both statements matched, not only the one that ranks first;
- and, whatever the score, a passage restating a value that conflicts elsewhere conflicts
  there too (_restated_conflicts).

Values are of one measure, and so may conflict, as _same_measure says: by their
neighbouring words (with WordNet synonyms, wordnet.py), through equal counts, by elimination
over two reports (_count_measures) or within two passages (verdict._leftover).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Any

from eternaut_reader.core.analysis import pairmodel
from eternaut_reader.core.analysis.bilingual import TranslationMap
from eternaut_reader.core.analysis.edits import edits
from eternaut_reader.core.analysis.embeddings import close_pairs, vectors
from eternaut_reader.core.analysis.lexicon import base_stem, is_hedged
from eternaut_reader.core.analysis.names import main_work, names, refers_to_work, vocabulary
from eternaut_reader.core.analysis.parallel import map_in_workers
from eternaut_reader.core.analysis.roles import HELD
from eternaut_reader.core.analysis.similarity import (
    COMMON_SHARE,
    PER_REPORT,
    CognateMap,
    Features,
    Index,
    content_stems,
    content_words,
)
from eternaut_reader.core.analysis.units import Unit, is_heading, units
from eternaut_reader.core.analysis.values import (
    CALENDAR_STEMS,
    CLAUSE_REACH,
    DURATION,
    PEAK,
    STATUS_FAMILY,
    UNTIL,
    WEEKDAY_NAMES,
    YEARS,
    Value,
    compare,
    extract,
    is_number_word,
    starts_from,
    two_moments,
)
from eternaut_reader.core.analysis.verdict import WINNER, Conflict, Match, days_of, relate
from eternaut_reader.core.analysis.wordnet import meet

if TYPE_CHECKING:
    from eternaut_reader.core.text.corpus import Article

__all__ = ["AlignCancelled", "Read", "match_units"]

MATCH_SCORE = 0.07  # below this two units are not taken for the same fact
# The first LEDE_UNITS claims of a report (its headline and lede) tell the story's main fact:
# two reports' openings that share anything gain LEDE_BONUS (_with_ledes).
LEDE_UNITS = 3
LEDE_BONUS = 0.1
MAX_PER_ARTICLE = 2  # matches per unit and other article, best first, and mutual
ONE_SIDED_RANK = 4  # ...or up to this rank where the other unit's best is this one
ONE_SIDED_SCORE = 0.1  # ...at this score or more
ONE_SIDED_RATIO = 0.7  # ...and within this share of the best score in that article
# A related match agrees when it and the matches of both units to one passage of a third
# report all score this much: three reports that match one another state one fact.
TRIANGLE_SCORE = 0.1
WEAK_SCORE = 0.13  # ...and under this score, one of the two must be the other's very best
ANCHOR_SCORE = 0.3  # a passage matched this well by two units vouches for their match
RESTATED_SCORE = 0.1  # a passage restating a matched one in its report is matched from this
MAX_MATCHES = 24  # matches kept per unit in all, best first
YEAR_APART = 365  # days between a past and a future date that make them two occurrences
WEEK = 7  # days between one weekday read in two tenses ("closes on Sunday" / "chiuderanno")
SAME_WORDING = 0.2  # units this alike (Index.wording) give one value of each kind for one fact
NEAR_DAYS = 60  # ...and two single days at most this far apart, in units this alike:
CONFLICT_WORDING = 0.06  # wording similarity a conflicting match needs (Index.wording)
NEAR_DAY_WORDING = CONFLICT_WORDING
SIDE_WORDING = 0.15  # units this alike give the sides of one thing (_same_measure)
MIN_FEATURES = 3  # fewer content words and no value: a heading or a fragment, not a claim
# With the embeddings extra: most passages of one story have cosines of 0.75-0.85 with each
# other; above EMBED_FLOOR a pair gains up to EMBED_WEIGHT. Chosen on the ten evaluation sets
# of method 8 (pooled F1 0.719 -> 0.746; 0.85/0.6 to 0.84/0.8 all give 0.743-0.752).
EMBED_FLOOR = 0.84
EMBED_WEIGHT = 0.6
# Embedding costs about 20 ms a passage on one core: past this many passages (a 5 MB article,
# about 30 reports of 5 kB; some 40 s) the alignment keeps to the lexical score.
EMBED_MAX_UNITS = 2000
MODEL_SCORE = 0.5  # the score of a pair the fitted model is sure of, where words alone give none
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# Counts whose noun does not say what they measure: years count ages and histories of many
# things ("a 139-year-old museum", "morta a 91 anni"), and a story has many durations (an
# incubation of up to ten days, two weeks in intensive care).
LOOSE = frozenset({YEARS, DURATION})


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
    contexts: list[frozenset[str]] = field(default_factory=list)  # per value: its measure's words
    date: dt.date | None = None  # the article's
    # Counted nouns this unit's article counts twice with different values ("1,450 jobs" and
    # "320 jobs"): in that article the noun alone does not say which measure a count is.
    several: frozenset[str] = frozenset()
    counts: list[int] = field(default_factory=list)  # per value: its count's measure, else -1
    lede: bool = False  # one of its report's first LEDE_UNITS units (headline and lede)
    opening: bool = False  # ...of its first LEDE_UNITS claims (no date line, no fragment)
    # Per value: the words of what a share or an amount is of ("53.9 per cent of the vote"),
    # kept in its context even when the whole story uses them.
    of_what: list[frozenset[str]] = field(default_factory=list)

    kinds: Counter[str] = field(init=False)  # how many values of each kind the unit gives

    def __post_init__(self) -> None:
        # (a day something was said is no second day of what happened: values.Value.said)
        self.kinds = Counter(v.kind for v in self.values if not v.said)


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


_DATELINE_WORD = re.compile(r"[^\W\d_][\w'’.]*")


def _dateline(text: str, values: list[Value]) -> bool:
    """Is the unit a dateline ("Lucca, 2 July 2026.", "ROME — July 2")? It gives where and
    when the report was written, not a fact: its date would "contradict" every day the
    report names ("reopens on July 12")."""
    if not values or any(v.kind != "date" for v in values) or len(text) > 60:
        return False
    rest = text
    for v in sorted(values, key=lambda v: -v.start):
        rest = rest[: v.start] + " " + rest[v.end :]
    if not re.search(r"[,—–-]", rest) or ":" in rest:
        return False  # "Deadline: 31 October" is a heading that states a date
    words = _DATELINE_WORD.findall(rest)
    return 1 <= len(words) <= 3 and all(w[0].isupper() for w in words)


_PLACE_BEFORE = re.compile(r"[^\W\d_][\w .'’()]*(?:,\s*[^\W\d_][\w .'’()]*)*,\s*")
_DASH_AFTER = re.compile(r"\s*[-—–]\s")


_STAMP_BEFORE = re.compile(r"\s*(?:(?:date|data|published|pubblicato)\s*:?\s*)?", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def _dateline_date(text: str, value: Value) -> bool:
    """Is the value the date of a dateline that opens the unit ("BRESCIA, Italy, March 10 -
    A regional train derailed on Monday"), or a date stamp before a title ("date 2025-07-18
    Netflix's Pioneering Step…", as one seed begins)? It is when the report was filed, not a
    fact's day."""
    if value.kind != "date":
        return False
    if _ISO_DATE.fullmatch(value.text.strip()) and _STAMP_BEFORE.fullmatch(text, 0, value.start):
        return bool(text[value.end :].strip())  # a date line alone is _dateline's
    return (
        _PLACE_BEFORE.fullmatch(text, 0, value.start) is not None
        and text[:1].isupper()
        and _DASH_AFTER.match(text, value.end) is not None
    )


@dataclass
class _ArticleRead:
    """One article's units as read on their own (in a worker process, for a large corpus)."""

    reads: list[Read] = field(default_factory=list)
    features: list[Features] = field(default_factory=list)
    titled: list[bool] = field(default_factory=list)  # a headline in title case
    heading: list[bool] = field(default_factory=list)  # a heading, if it names nothing known


def _read_article(article: Article, shared: tuple[frozenset[str], int | None]) -> _ArticleRead:
    """Every unit of one article read: what needs no other article (parallel.py)."""
    common, corpus_year = shared
    out = _ArticleRead()
    reads, features, titled, heading = out.reads, out.features, out.titled, out.heading
    date, year = reference(article)
    year = corpus_year if year is None else year
    work = main_work(article.text, common)
    told = 0  # claims so far
    for position, unit in enumerate(units(article)):
        values = extract(unit.text, article.language, date, year)
        values = [v for v in values if not _dateline_date(unit.text, v)]
        found = names(unit.text, common)
        keys = [k for n in found for k in n.keys]
        if work and work not in keys and refers_to_work(unit.text):
            keys.append(work)  # "the series" is the series the article is about
        stems = content_stems(unit.text, article.language)
        hedge = is_hedged(unit.text, article.language)
        # A heading, a dateline or a fragment says too little to be checked.
        # ...but "Nobody died." and "Non ci sono vittime." state a count, of none.
        counts = any(v.kind == "quantity" and v.unit for v in values)
        # ...and so does a short sentence with a figure ("Turnout was 58 percent.").
        sentence = unit.text.rstrip().endswith((".", "!", "?"))
        claim = (
            len(stems) >= MIN_FEATURES
            or (bool(values) and len(stems) >= (1 if sentence else 2))
            # ...and a whole sentence of two words that say something: "Lindquist said there
            # would be no redundancies." (read as a fragment, it was never checked).
            or (sentence and len(stems) >= 2 and unit.text[:1].isupper())
            or counts
        )
        claim = claim and not _dateline(unit.text, values)
        heading.append(claim and not values and is_heading(article.text, unit))
        # The opening counted in claims: a report's date line is none, and pushed a local
        # daily's first sentence ("Il colpo è arrivato lunedì all'alba") out of `lede`
        # (which stays by position: the fitted pair model was trained on it).
        opening = claim and told < LEDE_UNITS
        told += claim
        contexts = [value_context(unit.text, v, article.language, values) for v in values]
        reads.append(
            Read(
                unit,
                article.language,
                values,
                hedge,
                claim,
                contexts,
                date,
                lede=position < LEDE_UNITS,
                opening=opening,
                of_what=[of_what(unit.text, v, article.language) for v in values],
            )
        )
        measures = [k for v in values for k in v.kind_keys]
        if any(v.kind == "status" for v in values):
            # The release status *of this work*: two units giving one speak of one fact.
            measures += [f"status@{k}" for k in keys]
        leading = [k for n in found if n.start == 0 and " " not in n.text for k in n.keys]
        features.append(
            Features(stems, keys, [k for v in values for k in v.keys], measures, leading)
        )
        titled.append(_title_case(unit.text))
    return out


def _read(
    articles: list[Article], check: Callable[[float], None], share: float = 0.6
) -> tuple[list[Read], list[Features]]:
    common = vocabulary(a.text for a in articles)
    # An article with no date and no year in its text (a note, a page that lost its
    # dateline) reads "15 October" in the year the other reports are of.
    years = Counter(y for y in (reference(a)[1] for a in articles) if y is not None)
    corpus_year = max(years, key=lambda y: (years[y], y)) if years else None
    check(0.0)
    parts = map_in_workers(
        _read_article,
        articles,
        [len(a.text) for a in articles],
        (common, corpus_year),
        lambda n: check(share * n / max(len(articles), 1)),
    )
    reads = [r for part in parts for r in part.reads]
    features = [f for part in parts for f in part.features]
    titled = [t for part in parts for t in part.titled]
    heading = [h for part in parts for h in part.heading]
    # In a headline every word is capitalised ("First AI-Generated Scene Debuts in El
    # Eternauta"): there, only what the reports also capitalise in running text is a name.
    known = {k for f, t in zip(features, titled, strict=True) if not t for k in f.names}
    for feature, title in zip(features, titled, strict=True):
        if title:
            feature.names = [k for k in feature.names if k in known]
    for read, feature, head in zip(reads, features, heading, strict=True):
        if head and not any(k in known for k in feature.names):
            # A heading that names a topic ("Speed and Efficiency Gains", "Industry AI
            # Debate") claims nothing; one that names who or what ("First AI-Generated Scene
            # Debuts in El Eternauta") or gives a figure states a fact, like a headline.
            read.claim = False
    by_language: dict[str, set[str]] = defaultdict(set)
    for read, feature in zip(reads, features, strict=True):
        by_language[read.language].update(feature.stems)
    if "it" in by_language and "en" in by_language:
        translate = TranslationMap.build(
            by_language["it"], by_language["en"], _italian_forms(reads)
        )
        for feature in features:
            feature.stems = [translate(s) for s in feature.stems]
        # The contexts read English verbs by their base form, as the lexicon gives them.
        english = by_language["en"].union(
            *(c for r in reads if r.language == "en" for c in r.contexts)
        )
        in_context = TranslationMap.build(by_language["it"], english, _italian_forms(reads))
        for read in reads:
            read.contexts = [frozenset(in_context(s) for s in c) for c in read.contexts]
            read.of_what = [frozenset(in_context(s) for s in c) for c in read.of_what]
        by_language["it"] = {translate(s) for s in by_language["it"]}
        _translate_counts(reads, features, translate)
    if len(by_language) > 1:
        cognates = CognateMap.build(by_language)
        for feature in features:
            feature.stems = [cognates(s) for s in feature.stems]
        for read in reads:
            read.contexts = [frozenset(cognates(s) for s in c) for c in read.contexts]
            read.of_what = [frozenset(cognates(s) for s in c) for c in read.of_what]
        _translate_counts(reads, features, cognates, None)
    # A word found in many units (the topic: "museum", "ferry") says nothing of which measure
    # a value is: it is left out of the values' contexts, unless it is what a share or an
    # amount is of ("won 53.9 per cent of the vote" / "won 52.4% of the vote" in a story of
    # an election, where every other passage speaks of votes).
    df: Counter[str] = Counter(s for f in features for s in set(f.stems))
    crowded = max(8, int(COMMON_SHARE * len(features)), int(PER_REPORT * len(articles)))
    for read in reads:
        read.contexts = [
            frozenset(s for s in c if df[s] <= crowded or s in k)
            for c, k in zip(read.contexts, read.of_what, strict=True)
        ]
    _mark_several(reads)
    return reads, features


def _italian_forms(reads: list[Read]) -> dict[str, set[str]]:
    """The words of the Italian units, by their content stem."""
    forms: dict[str, set[str]] = defaultdict(set)
    for read in reads:
        if read.language == "it":
            for word in content_words(read.unit.text, "it"):
                forms[word.stem].add(word.text)
    return forms


def _translate_counts(
    reads: list[Read],
    features: list[Features],
    translate: Callable[[str], str],
    language: str | None = "it",
) -> None:
    """Counted nouns read in English too ("14 lotti" counts what "16 batches" counts, when
    the lexicon says so; "anfore" what "amphorae" does, as cognates): a count is compared
    with counts of the same noun. language: the reports read so (None: all)."""
    for read, feature in zip(reads, features, strict=True):
        if language is not None and read.language != language:
            continue
        changed = [
            replace(v, unit=translate(v.unit)) if v.kind in ("quantity", "ordinal") else v
            for v in read.values
        ]
        if changed == read.values:
            continue
        read.values = changed
        statuses = [m for m in feature.measures if m.startswith("status@")]
        feature.values = [k for v in changed for k in v.keys]
        feature.measures = [k for v in changed for k in v.kind_keys] + statuses


def _mark_several(reads: list[Read]) -> None:
    """Set Read.several: the counted nouns each article counts with two different values (a
    workforce, the strikers and the jobs cut are all counts of "workers")."""
    counts: dict[str, dict[str, list[Value]]] = defaultdict(lambda: defaultdict(list))
    for read in reads:
        for value in read.values:
            if value.kind == "quantity":
                counts[read.unit.article][value.unit].append(value)
    several = {
        article: frozenset(
            noun
            for noun, values in nouns.items()
            if len(values) > CROWD
            or any(
                _close_but_different(a, b) for n, a in enumerate(values) for b in values[n + 1 :]
            )
        )
        for article, nouns in counts.items()
    }
    for read in reads:
        read.several = several.get(read.unit.article, frozenset())
    _count_measures(reads)


# Values of one noun or key more numerous than this (in a very long article) are not compared
# pair by pair: the cost grows with the square of their number (as COMMON_UNITS in similarity).
CROWD = 64
SEVERAL_APART = 10.0  # two counts of one noun this close in one report may be taken for each other


def _close_but_different(a: Value, b: Value) -> bool:
    """Two counts of one noun, different, within SEVERAL_APART times of each other ("380 of
    the 1,450 jobs"; not a fire's 1,200 hectares and a past one's 13,000)."""
    low, high = sorted((abs(a.low), abs(b.low)))
    return compare(a, b) is not True and high <= SEVERAL_APART * max(low, 1e-9)


def _count_measures(reads: list[Read]) -> None:
    """Set Read.counts: counts of one noun are one measure when the words next to them meet
    ("cut 380 jobs" / "320 job cuts"), and through equal values ("320 esuberi" is the "320
    jobs" that another passage says are cut), so a report's "planned loss of 320 jobs" is
    compared with "eliminate 380" through its headline's "320 job cuts"."""
    items = [
        (r, i, value)
        for r, read in enumerate(reads)
        for i, value in enumerate(read.values)
        if value.kind == "quantity"
    ]
    parent = list(range(len(items)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    by_noun: dict[str, list[int]] = defaultdict(list)
    for n, (_, _, value) in enumerate(items):
        by_noun[value.unit].append(n)
    for members in by_noun.values():
        if len(members) > CROWD:
            # A noun counted this often (a long article's "people") is compared pair by pair
            # no more: only equal figures are joined, in one pass.
            first: dict[str, int] = {}
            for m in members:
                key = items[m][2].key
                if key in first:
                    parent[root(m)] = root(first[key])
                else:
                    first[key] = m
            continue
        for x, m in enumerate(members):
            rm, im, vm = items[m]
            for k in members[x + 1 :]:
                rk, ik, vk = items[k]
                outcome = compare(vm, vk)
                if outcome is True or (
                    outcome is False and meet(reads[rm].contexts[im], reads[rk].contexts[ik])
                ):
                    parent[root(m)] = root(k)
    # By elimination: two reports that count one noun for several things, and give the same
    # figure for all of them but one, give that last count of one measure ("310,000
    # customers" in both, then "2.4 million customers" in one and "4.2 million" in the
    # other). Counts only linked by their words (320 and 380 jobs cut) are not enough: the
    # reports may count different things besides (strikers in one, the workforce in the
    # other).
    for noun, members in by_noun.items():
        if noun in LOOSE:
            # Years and durations are ages and spans of many things: the mayor's 44 years in
            # both reports say nothing of whose 38 and 51 years are left (a tester's screen).
            continue
        by_article: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for m in members:
            by_article[reads[items[m][0]].unit.article][root(m)].append(m)
        articles = sorted(by_article.items())
        for x, (_, mine) in enumerate(articles):
            for _, theirs in articles[x + 1 :]:
                shared = mine.keys() & theirs.keys()
                left_mine, left_theirs = mine.keys() - shared, theirs.keys() - shared
                if len(left_mine) != 1 or len(left_theirs) != 1:
                    continue
                if not shared or not all(
                    any(
                        compare(items[a][2], items[b][2]) is True
                        for a in mine[r]
                        for b in theirs[r]
                    )
                    for r in shared
                ):
                    continue
                m, k = mine[min(left_mine)][0], theirs[min(left_theirs)][0]
                if compare(items[m][2], items[k][2]) is False:
                    parent[root(m)] = root(k)
    for read in reads:
        read.counts = [-1] * len(read.values)
    for n, (r, i, _) in enumerate(items):
        reads[r].counts[i] = root(n)


# A clause ends at punctuation (not a comma inside a number) and at a dash.
CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()\[\]«»\"“”—–]|\s-\s")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding text[start:end] begins and ends (CLAUSE_BREAK apart), within
    CLAUSE_REACH characters of it (a unit of 40,000 characters with no break, "1-1-1-…",
    made every value's context the whole unit, quadratic in its length)."""
    floor = max(0, start - CLAUSE_REACH)
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, floor, start)), default=floor)
    ceiling = min(len(text), end + CLAUSE_REACH)
    found = CLAUSE_BREAK.search(text, end, ceiling)
    return left, found.start() if found else ceiling


_ANOTHER_EVENT = re.compile(
    r"\b(?:after|before|since|when|while|once|until|dopo|prima|quando|mentre|finché)\b",
    re.IGNORECASE,
)
# Stems: "shut" and "chiusa" are read as "closed", "resterà" as "remain".
_CLOSED = frozenset(base_stem(w) for w in ("closed", "remain", "suspended", "sospesa", "halted"))
_REOPEN = base_stem("reopen")
CONTEXT_WORDS = 4  # content words each side of a value, within its clause, that name its measure
# Words that say when in a day or a week, not what happened then.
_TIME_OF_DAY = frozenset(
    content_stems(
        "morning afternoon evening night overnight dawn midday noon midnight weekend "
        "mattina mattinata pomeriggio sera serata notte nottata alba mezzogiorno mezzanotte "
        + " ".join(WEEKDAY_NAMES),
        "en",
    )
)
# Words that bound a value, of any kind, without naming what it is of ("at least 23",
# "almeno fino a domenica", "entro il 24 ottobre").
_BOUNDS = frozenset(
    content_stems("least almeno fino entro", "en")
    # ...nor how exactly ("shortly before 7 p.m." / "shortly after 2 a.m.").
    + content_stems(
        "shortly around approximately roughly nearly almost just circa intorno verso poco quasi",
        "en",
    )
)
_AGE_WORDS = frozenset(base_stem(w) for w in ("old", "aged", "age", "età"))
COUNT_CONTEXT_WORDS = 3  # ...and of a count: its verb or noun is close ("cut 380 jobs")


# The "of" phrase after a count's noun: "hectares of vines", "ettari di vigneto".
_OF_WHAT = re.compile(r"\s+(?:of|di|d'|del|dei|della|delle|degli)\s*[^\W\d_]+", re.IGNORECASE)


def value_context(
    text: str, value: Value, language: str, others: Sequence[Value] = ()
) -> frozenset[str]:
    """The content stems next to a value in its clause: what it is the value of ("reopen on
    1 April", "a restoration in 2024"). Two values are of one measure when these meet.

    `others`: the unit's other values. A time's context leaves their words out: a story has
    many hours, and "the four hikers called at 7 p.m." / "rescuers reached the four hikers
    at 2 a.m." share only the count between them."""
    if value.kind == "time":
        for another in others:
            if another is not value:
                start, end = another.start, another.end
                text = text[:start] + " " * (end - start) + text[end:]
    left, right = clause_bounds(text, value.start, value.end)
    # "…on Sunday after the group had been pinned down by a snowstorm": past a subordinating
    # word the clause tells another event, not what the value is of.
    other = _ANOTHER_EVENT.search(text, value.end, right)
    right = other.start() if other else right
    words = COUNT_CONTEXT_WORDS if value.kind == "quantity" else CONTEXT_WORDS
    # "on Saturday afternoon" / "ieri pomeriggio" say when, not what: a date's neighbours
    # are counted past them.
    skip = _BOUNDS | _TIME_OF_DAY if value.kind in ("date", "time") else _BOUNDS
    if value.kind == "quantity" and value.unit == YEARS:
        # "a 44-year-old architect" / "the 38-year-old leader": "old" is the age's own word,
        # not whose age it is; two ages meet on the person's words, or not at all.
        skip = skip | _AGE_WORDS
    before = [
        w for w in content_stems(text[left : value.start], language, base=True) if w not in skip
    ]
    tail = text[value.end : right]
    if value.kind == "quantity":
        # "2,900 hectares of vines" / "1,800 hectares of vines were hit": what the count is
        # of names the count, not which count it is (the whole district's, or the part hit).
        complement = _OF_WHAT.match(tail)
        if complement:
            tail = tail[complement.end() :]
    after = [w for w in content_stems(tail, language, base=True) if w not in skip]
    found_words = set(before[-words:] + after[:words])
    if value.kind == "quantity" and value.unit == YEARS:
        # "Benetti, 38": the age's own text starts with whose it is (values._owned); "Her
        # mother, Zuri, is nine years old": whose is the clause before, when this one names
        # no one before the age.
        own = " ".join(w for w in _ANY_DIGITS.sub(" ", value.text).split() if not is_number_word(w))
        found_words |= {w for w in content_stems(own, language, base=True) if w not in skip}
        found_words -= set(content_stems(value.text.split()[-1], language, base=True))
        if not before and left:
            previous = clause_bounds(text, left - 1, left - 1)[0]
            found_words |= set(content_stems(text[previous:left], language, base=True)[-words:])
    if value.kind in ("date", "time") and left:
        # "La chiusura, scattata dalle 18 di ieri": a subject set off by a comma is what the
        # hour is of (a short clause of its own before the value's).
        previous = clause_bounds(text, left - 1, left - 1)[0]
        subject = content_stems(text[previous:left], language, base=True)
        subject = [w for w in subject if w not in skip]  # not "On Monday, at 3 p.m."
        if 0 < len(subject) <= SUBJECT_WORDS:
            found_words |= set(subject)
    found_words.discard(value.unit)  # a count's own noun ("jobs"), read again after "380 of the"
    if UNTIL.search(text, left, value.start) and found_words & _CLOSED:
        found_words.add(_REOPEN)  # "closed until 15 April" is "reopens on 15 April"
    return frozenset(found_words)


SUBJECT_WORDS = 2  # a clause this short before a date's or a time's is its subject
_ANY_DIGITS = re.compile(r"\d+")
_OF_THE_WHAT = re.compile(
    r"\s+(?:of|di|d'|del|dei|della|delle|degli|dello)\s*(?:(?:the|its|their|all)\s+)?"
    r"[^\W\d_]+",
    re.IGNORECASE,
)


def of_what(text: str, value: Value, language: str) -> frozenset[str]:
    """The words of the "of" phrase right after a share or an amount: what it is of ("53.9
    per cent of the vote", "il 52,4% dei voti"); empty for other values."""
    if value.kind not in ("percent", "money"):
        return frozenset()
    complement = _OF_THE_WHAT.match(text, value.end)
    if complement is None:
        return frozenset()
    return frozenset(content_stems(complement.group(), language, base=True))


_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case(text: str) -> bool:
    """Are (nearly) all the longer words of text capitalised, as in a headline?"""
    words = _TITLE_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _select(
    pairs: dict[tuple[int, int], float], reads: list[Read], group: list[int]
) -> dict[int, list[tuple[float, int]]]:
    """The matches of every unit (by index) among the scored pairs: (score, other unit)."""
    # For each unit and each other article, its candidates there, best first.
    ranked: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
    for (a, b), score in pairs.items():
        if reads[a].claim and reads[b].claim:
            ranked[(a, group[b])].append((score, b))
            ranked[(b, group[a])].append((score, a))
    rank: dict[tuple[int, int], int] = {}
    for (a, _), candidates in ranked.items():
        candidates.sort(key=lambda p: (-p[0], p[1]))
        for n, (_, b) in enumerate(candidates, 1):
            rank[(a, b)] = n
    # A match must be mutual: each unit among the other's best in its article. A long,
    # general sentence ("…, where co-CEO Ted Sarandos revealed…") is otherwise close enough
    # to many passages to be matched by all of them.
    matched: dict[tuple[int, int], float] = {}
    for (a, b), score in pairs.items():
        here, there = rank.get((a, b)), rank.get((b, a))
        if here is None or there is None:
            continue
        if max(here, there) <= MAX_PER_ARTICLE and (score >= WEAK_SCORE or min(here, there) == 1):
            matched[(a, b)] = score
        elif min(here, there) == 1 and max(here, there) <= ONE_SIDED_RANK:
            # One side's best, the other's third or fourth: kept when it scores close to
            # the best that side has in the article.
            side = a if here > 1 else b
            best = ranked[(side, group[b if side == a else a])][0][0]
            if score >= ONE_SIDED_SCORE and score >= ONE_SIDED_RATIO * best:
                matched[(a, b)] = score
    # Two units both strongly matched to one passage of a third report state its fact.
    strong: dict[int, set[int]] = defaultdict(set)
    for (a, b), score in matched.items():
        if score >= ANCHOR_SCORE:
            strong[a].add(b)
            strong[b].add(a)
    vouched: dict[tuple[int, int], float] = {}
    for c, anchored in strong.items():
        ordered = sorted(anchored)
        for n, a in enumerate(ordered):
            for b in ordered[n + 1 :]:
                score = pairs.get((a, b), 0.0)
                if score and group[a] != group[b] and group[c] not in (group[a], group[b]):
                    vouched[(a, b)] = score  # both claims: strong matches are between claims
    for pair, score in vouched.items():
        matched.setdefault(pair, score)
    for pair, score in _restated(pairs, reads, group, matched).items():
        matched.setdefault(pair, score)
    found: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), score in matched.items():
        found[a].append((score, b))
        found[b].append((score, a))
    return found


def _siblings(reads: list[Read], group: list[int]) -> dict[int, dict[int, set[str]]]:
    """For each claim, the other claims of its report that give one same specific value (a
    count, an amount, a percentage, an exact day), with the keys of the values they share."""
    by_key: dict[tuple[int, str], list[int]] = defaultdict(list)
    for n, read in enumerate(reads):
        if not read.claim:
            continue
        for value in read.values:
            if value.kind in ("quantity", "money", "percent") or (
                value.kind == "date" and value.high - value.low < 1
            ):
                by_key[(group[n], value.key)].append(n)
    siblings: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (_, key), members in by_key.items():
        if len(members) > CROWD:
            continue  # a figure a report gives this often says nothing of which passage
        for a in members:
            for m in members:
                if m != a:
                    siblings[a][m].add(key)
    return siblings


def _restated_conflicts(
    reads: list[Read],
    group: list[int],
    index: Index,
    matches: dict[int, list[tuple[Match, int]]],
) -> None:
    """A value a report states twice conflicts wherever one of its statements does: the
    headline's "2.4 million customers" conflicts with another report's "4.2 million", so the
    lede's "2.4 million Telvia customers" does too, however little else the lede shares with
    that passage. Adds those conflicting matches in place."""
    siblings = _siblings(reads, group)
    for i, sibs in siblings.items():
        have = {j for _, j in matches.get(i, [])}
        added: list[tuple[Match, int]] = []
        for sibling, keys in sorted(sibs.items()):
            for match, j in matches.get(sibling, []):
                if match.relation != "conflicts" or j in have or group[j] == group[i]:
                    continue
                read, other = reads[i], reads[j]
                same = _same_measure(read, other, partial(index.wording, i, j))
                relation, conflicts, at = relate(
                    read.values, other.values, read.unit.start, 0.0, same
                )
                stated = {
                    (read.unit.start + v.start, read.unit.start + v.end)
                    for v in read.values
                    if v.key in keys
                }
                if relation != "conflicts" or not stated & set(at):
                    continue
                unit = other.unit
                score = round(min(index.cosine(i, j), 1.0), 3)
                days = days_of(conflicts, read.values, other.values)
                added.append(
                    (
                        Match(
                            unit.article, unit.start, unit.end, score, relation, conflicts, at, days
                        ),
                        j,
                    )
                )
                have.add(j)
        if added:
            matches[i] = sorted([*matches.get(i, []), *added], key=lambda p: -p[0].score)


def _restated(
    pairs: dict[tuple[int, int], float],
    reads: list[Read],
    group: list[int],
    matched: dict[tuple[int, int], float],
) -> dict[tuple[int, int], float]:
    """Pairs (a, b) where a restates, in its own report, a unit a2 matched to b: a and a2
    give one same specific value (a count, an amount, an exact day), and a scores with b too."""
    siblings = _siblings(reads, group)
    out: dict[tuple[int, int], float] = {}
    for (a, b), score in pairs.items():
        if (a, b) in matched or score < RESTATED_SCORE:
            continue
        if any((min(s, b), max(s, b)) in matched for s in siblings.get(a, ())) or any(
            (min(a, s), max(a, s)) in matched for s in siblings.get(b, ())
        ):
            out[(a, b)] = score
    return out


# Statuses of a plan and of its outcome, (still to come, done): "will reopen on Saturday,
# 5 September" on the 3rd, "reopened on Saturday" on the 7th.
_PLAN_AND_OUTCOME = (("scheduled", "held"), ("to start", "started"), ("closed", "reopened"))
_TO_COME_AND_DONE = tuple(frozenset(pair) for pair in _PLAN_AND_OUTCOME)
_TO_COME = frozenset(plan for plan, _ in _PLAN_AND_OUTCOME)


_HOURS_SPAN = re.compile(
    r"\b(?:from|between|dalle|dall['’]|tra\s+le|fra\s+le)\b[^;]{0,20}?\d[^;]{0,14}?"
    r"\b(?:to|until|and|alle|all['’]|fino\s+alle)\b",
    re.IGNORECASE,
)


def _nth_time(read: Read, value: Value) -> int:
    return [v for v in read.values if v.kind == "time"].index(value)


def _spans_hours(read: Read) -> bool:
    """Does the passage give its two hours as a span ("from 8.30 a.m. to 1 p.m.")?"""
    return _HOURS_SPAN.search(read.unit.text) is not None


def _one_of_unit(read: Read, value: Value) -> bool:
    return sum(v.kind == value.kind and v.unit == value.unit for v in read.values) == 1


def _two_outcomes(a: Read, b: Read) -> bool:
    """Do two passages tell two different turns of one thing (closed / reopened, postponed /
    held), with no turn in common? Their hours are then of two moments."""
    turns_a = {v.unit for v in a.values if v.kind == "status"}
    turns_b = {v.unit for v in b.values if v.kind == "status"}
    if not turns_a or not turns_b or turns_a & turns_b:
        return False
    families = {STATUS_FAMILY.get(u) for u in turns_a} & {STATUS_FAMILY.get(u) for u in turns_b}
    return bool(families - {None})


def _same_place(a: Read, b: Read) -> bool:
    """Do two passages name one street or square (values._places)?"""
    return any(
        compare(x, y) is True
        for x in a.values
        if x.kind == "place" and x.unit.startswith(("street:", "square:"))
        for y in b.values
        if y.kind == "place"
    )


def _same_measure(a: Read, b: Read, wording: Callable[[], float]) -> Callable[[int, int], bool]:
    """Whether value i of unit a and value j of unit b measure one thing.

    A release status names the work: it is compared as it is. A count names what it counts
    ("120 passeggeri" / "150 passengers"), and that is enough unless one of the two reports
    counts that noun twice with different values (1,450 jobs in all, 320 of them cut, 1,300
    workers on strike): then, as for a date, the words next to the two counts must meet
    ("cut 380 jobs" / "320 job cuts"). A date, an amount of money, a percentage or a
    multiplier is of one measure with another when the words next to them in their clauses
    meet ("reopen on 1 April" / "riaprire il 1° aprile"), or when it is the only value of
    its kind in both units and the units say much the same (SAME_WORDING): not a
    restoration's date against a reopening's because both passages name the museum.
    """
    kinds_a, kinds_b = a.kinds, b.kinds
    starts = _starts(a) & _starts(b)
    # A peak in one passage, the level it fell to in the other: two times, of two days.
    # Only a passage with a peak can have one (and few do): looked for only then.
    moments = any(v.trend[:1] == PEAK for v in (*a.values, *b.values)) and any(
        two_moments(x, y) for x in a.values for y in b.values
    )

    def same(i: int, j: int) -> bool:
        va, vb = a.values[i], b.values[j]
        if va.kind == "status" and {va.unit, vb.unit} in _TO_COME_AND_DONE:
            # "is scheduled for Thursday" in Monday's report, "was held yesterday" in
            # Friday's: the meeting took place in between (and a pool said to reopen on
            # Saturday, then to have reopened, the same). A report saying it is still to
            # come contradicts a newer one saying it happened only when the newer one is
            # dated before the day the older one gave ("will begin shipping in April" / "le
            # sostituzioni sono già partite" the next day, in March).
            coming, done = (a, b) if va.unit in _TO_COME else (b, a)
            if coming.date is None or done.date is None or coming.date >= done.date:
                return True
            # ...or when the newer one says it happened by the older one's day ("Il rifugio ha
            # riaperto ieri pomeriggio", the day the other report has it still closed).
            planned_later = any(
                v.kind == "date" and v.low > done.date.toordinal() for v in coming.values
            )
            return planned_later or any(
                v.kind == "date" and v.high <= coming.date.toordinal() for v in done.values
            )
        if va.kind == "who" and va.unit.startswith(HELD):
            # A role named beside its holder ("il direttore del Dipartimento di prevenzione,
            # Stefano Dalla Valle"): of one body only in passages that say much the same.
            return wording() >= SAME_WORDING
        if va.kind in ("status", "who"):
            return True  # a status names its work; who, the role or the act
        if va.kind == "place" and va.unit.startswith("province:"):
            return True  # a local story happens in one province
        if va.kind == "place" and va.unit.startswith(("side:", "shore:")):
            # ...and a side, of a thing both passages speak of: "the volcano's western flank"
            # / "on the volcano's eastern flank" (0.18 alike), not a lake's southern shore and
            # another's western one (0.10). (Fitted on those two pairs alone.)
            return wording() >= SIDE_WORDING
        if va.kind == "place" and va.unit.startswith("region:"):
            # A story names many regions (it spread from Lombardy to Veneto): where one thing
            # came from or happened only where the words next to the two say so ("bought in
            # Sicily" / "acquistava vino sfuso in Puglia").
            return meet(a.contexts[i], b.contexts[j])
        if va.kind == "place" and va.unit.startswith("lake:"):
            # A story may name several lakes (frost "south of Lake Iseo" and "on Lake Garda"),
            # or sides ("the eastern slopes", "the western shore"); passages that say much the
            # same name one ("a villa on Lake Maggiore" / "a Bellagio, sul lago di Como"; "the
            # volcano's western flank" / "sul versante orientale").
            return wording() >= SAME_WORDING
        if va.kind == "score":
            # The one result each of two matched passages gives is the game's ("beat Sanlago
            # 88-79" / "è finita 88-81"): a story tells few games.
            return kinds_a["score"] == kinds_b["score"] == 1 or meet(a.contexts[i], b.contexts[j])
        if moments and (va.kind == "date" or two_moments(va, vb)):
            return False
        if va.former != vb.former:
            return False  # the old plan against the current figure: two measures
        if va.window != vb.window:
            return False  # "180 mm in 24 hours" / "after two days of rain": two durations
        if va.kind == "time":
            # A story has many hours (the outage began at 7:40 p.m., was over by 1 a.m.): two
            # are the time of one thing only where their own words say so, or where each is
            # the one hour of two passages that say much the same of one day ("The slide came
            # down at about 3 a.m. on Monday" / "La frana è scesa intorno alle 5 del mattino
            # di lunedì": the words next to the hours are the story's own, left out of the
            # contexts; the hikers' call at 7 p.m. and their rescue at 2 a.m. give no day).
            if _two_outcomes(a, b):
                return False  # "closed since 6am" / "ha riaperto ieri alle 14": two moments
            if meet(a.contexts[i], b.contexts[j]):
                return True
            one_day = any(
                compare(x, y) is True
                for x in a.values
                if x.kind == "date"
                for y in b.values
                if y.kind == "date"
            )
            if one_day and kinds_a["time"] == kinds_b["time"] == 1 and wording() >= SAME_WORDING:
                return True
            # ...and two hours of a span, in order, where both give one ("dalle 8.30 alle 13"
            # / "dalle 9 alle 13"): the start with the start, the end with the end.
            return (
                vb.kind == "time"
                and kinds_a["time"] == kinds_b["time"] == 2
                and _nth_time(a, va) == _nth_time(b, vb)
                and _spans_hours(a)
                and _spans_hours(b)
                and wording() >= SAME_WORDING
            )
        if va.kind == "quantity":
            if not (va.nouns & vb.nouns):
                # "people" against "passengers": one count only where their words say so.
                return a.counts[i] == b.counts[j] or meet(a.contexts[i], b.contexts[j])
            loose = va.unit in LOOSE and not va.window  # two windows frame figures alike
            if va.unit not in a.several and vb.unit not in b.several and not loose:
                return True
            # ...and years count ages and histories of many things ("a 139-year-old museum",
            # "morta a 91 anni"): only their words say which.
            if a.counts[i] == b.counts[j] or meet(a.contexts[i], b.contexts[j]):
                return True
            # ...or the one measure of its unit in each of two passages that place it at one
            # named street and say much the same: "At the gauge on Via Ornato, the Seveso
            # peaked at 4.3 metres" / "All'idrometro di via Ornato il livello ha toccato quota
            # 3,40 metri" (a report of a flood gives many depths and heights).
            return (
                not loose
                and _one_of_unit(a, va)
                and _one_of_unit(b, vb)
                and _same_place(a, b)
                and wording() >= SAME_WORDING
            )
        if va.kind == "date" and (
            _past_and_future(va, a.date, vb, b.date) or _before_and_after(va, a.date, vb, b.date)
        ):
            return False
        if (
            va.kind == "date"
            and a.date == b.date
            and abs(va.low - vb.low) == WEEK
            and _weekday(va)
            and _weekday(vb)
        ):
            # "Voting closes on Sunday" / "I seggi chiuderanno domenica" in reports of one
            # day: one Sunday, read as last week's by the present tense and as next week's by
            # the future. A week apart is the tense, not the day.
            return False
        if va.kind == "date" and a.date != b.date and not _one_week(va, a.date, vb, b.date):
            # "on Sunday" in reports of two days may be one Sunday or two: too loose to tell
            # a contradiction from, unless both reports' last such day is the same one.
            return False
        apart = max(va.low - vb.high, vb.low - va.high)
        if va.kind == "date" and (va.recent or vb.recent) and apart > YEAR_APART:
            return False  # "shut on Tuesday" / "a structure dating from 1962": two events
        if meet(a.contexts[i], b.contexts[j]):
            return True
        if (
            va.kind == "date"
            and kinds_a["date"] == kinds_b["date"] == 1
            and (starts or (starts_from(a.unit.text, va) and starts_from(b.unit.text, vb)))
        ):
            # The one date of two passages that both tell a start still to come, or come:
            # "will begin on 3 March" / "inizieranno il 10 marzo", "drivers to pay from
            # September" / "Dal primo ottobre … dovrà pagare" give its day two ways.
            return True
        if va.kind == "date" and (va.recent or vb.recent):
            # "unveiled yesterday" / "closing price on Tuesday": days of the week of
            # publication are told apart by their words alone, never by the passage's...
            # ...unless it is the one day of each of two passages that say much the same, the
            # other named outright ("derailed on Monday morning" / "derailed on Sunday 9
            # March"): one event told with two days.
            single = kinds_a[va.kind] == kinds_b[vb.kind] == 1
            if not (single and 0 < abs(va.low - vb.low) <= NEAR_DAYS):
                return False
            if va.recent and vb.recent:
                # Both by the week's words: one event only where two reports' ledes tell it
                # ("ieri mattina ha portato al sequestro" on the 4th / "on Tuesday seized" on
                # the 6th: the 3rd against the 4th).
                return a.opening and b.opening and wording() >= NEAR_DAY_WORDING
            # Two reports' ledes tell the story's main event, in whatever words: the one day
            # each gives is its day ("closed a road bridge on Tuesday" / "the decision to
            # close the Ponte dei Mulini on Monday 17 November").
            if a.lede and b.lede:
                return wording() >= NEAR_DAY_WORDING
            return wording() >= SAME_WORDING
        if va.kind == "date" and apart > YEAR_APART:
            # Years apart and nothing in common next to them: two events ("bought four years
            # ago" / "announced last week"), however alike the sentences.
            return False
        if kinds_a[va.kind] != 1 or kinds_b[vb.kind] != 1:
            # ...but two amounts each, in passages that say much the same, are told in one
            # order: "40 milioni di euro, più 5 milioni di bonus" / "35 milioni di euro di
            # parte fissa più 7 di bonus" (the fee against the fee, the bonus the bonus).
            return (
                va.kind in ("money", "percent")
                and kinds_a[va.kind] == kinds_b[vb.kind] == 2
                and _rank(a.values, i) == _rank(b.values, j)
                and wording() >= SAME_WORDING
            )
        if va.kind == "date" and apart <= NEAR_DAYS and va.low == va.high and vb.low == vb.high:
            # One day named in each, weeks apart at most: the same event told with another
            # day ("aperto sabato 14 febbraio" / "open on Saturday 7 February") even when the
            # words around the two days differ, so less alike wording will do.
            return wording() >= NEAR_DAY_WORDING
        return wording() >= SAME_WORDING

    return same


def _rank(values: list[Value], i: int) -> int:
    """The place of values[i] among the values of its kind in its unit, from 0."""
    return sum(v.kind == values[i].kind for v in values[:i])


_BARE_WEEKDAY = re.compile(
    r"(?:on\s+|last\s+|this\s+past\s+|lo\s+scorso\s+|la\s+scorsa\s+)?(?:"
    + "|".join(WEEKDAY_NAMES)
    + r")",
    re.IGNORECASE,
)


def _weekday(value: Value) -> bool:
    """Is a date given by its weekday alone ("on Sunday", "sabato")?"""
    return value.recent and _BARE_WEEKDAY.fullmatch(value.display()) is not None


def _apart(features: list[Features], group: list[int]) -> set[tuple[int, int]]:
    """The pairs of articles (by index, smaller first) that name no person, body, work or
    place in common: two reports that share no name at all tell two stories (a theatre's
    reopening opened beside the Netflix reports matched them on "opens" and "premiere").
    A unit's capitalised first word alone is no name here: two short reports "Hiring" / "The
    airline will hire 1,200 pilots." and "Assunzioni" / "La compagnia aerea assumerà 1.200
    piloti." were two stories to it (an outside tester)."""
    names: dict[int, set[str]] = defaultdict(set)
    placed: dict[int, set[str]] = defaultdict(set)  # ...less those seen only first in a unit
    for feature, article in zip(features, group, strict=True):
        found = [n for n in feature.names if not _calendar_or_number(n)]
        names[article].update(found)
        placed[article].update(n for n in found if n not in feature.leading)
    return {
        (a, b)
        for a in names
        for b in names
        if a < b and placed[a] and placed[b] and not names[a] & names[b]
    }


def _on_topic(
    pairs: dict[tuple[int, int], float], apart: set[tuple[int, int]], group: list[int]
) -> dict[tuple[int, int], float]:
    """The pairs of units whose two articles are not `apart` (_apart)."""
    if not apart:
        return pairs
    return {
        (i, j): score
        for (i, j), score in pairs.items()
        if (min(group[i], group[j]), max(group[i], group[j])) not in apart
    }


def _calendar_or_number(name: str) -> bool:
    """A capitalised word that names no one: a month, a day, a number ("Forty patients")."""
    return name in CALENDAR_STEMS or is_number_word(name)


def _only_a_day(shared: list[str]) -> bool:
    """Do two units share a day and nothing else (its weekday's name counted with it: "Heavy
    rain fell on Tuesday" / "Four violins were taken on Tuesday, November 4")?"""
    return bool(shared) and all(
        k.startswith(("V:date:", "K:date")) or _calendar_or_number(k.removeprefix("N:"))
        for k in shared
    )


def _starts(read: Read) -> set[str]:
    """The statuses of a start a unit gives: "to start", "started"."""
    return {
        v.unit for v in read.values if v.kind == "status" and STATUS_FAMILY.get(v.unit) == "start"
    }


def _one_week(a: Value, a_date: dt.date | None, b: Value, b_date: dt.date | None) -> bool:
    """Unless a date is given by its weekday alone, or the day it names is within a week of
    the other report's date too: "on Saturday" in a report of Sunday 13 July is 12 July, and
    a report of Tuesday 15 July that says "Sunday, 13 July" tells another day; "on Wednesday"
    in a report of Friday 14 February is the day after a report of Tuesday 11 February."""
    return not any(
        _weekday(value) and (other is None or abs(other.toordinal() - value.low) >= 7)
        for value, other in ((a, b_date), (b, a_date))
    )


def _before_and_after(a: Value, a_date: dt.date | None, b: Value, b_date: dt.date | None) -> bool:
    """One day already past when its report was written and the other still to come in its
    own: "born at the zoo on 1 September" / "will be shown to the public on Saturday 12
    September" tell two events, whatever the words around them."""
    if a_date is None or b_date is None:
        return False
    a_past, b_past = a.high < a_date.toordinal(), b.high < b_date.toordinal()
    a_coming, b_coming = a.low > a_date.toordinal(), b.low > b_date.toordinal()
    return (a_past and b_coming) or (b_past and a_coming)


def _past_and_future(a: Value, a_date: dt.date | None, b: Value, b_date: dt.date | None) -> bool:
    """One date over before its report was written and the other still to come in its report,
    more than YEAR_APART days apart: two occurrences ("reopened in 2019" / "will reopen on 1
    April"), not two accounts of one."""
    if a_date is None or b_date is None:
        return False
    if b.high < a.low:
        a, a_date, b, b_date = b, b_date, a, a_date
    return (
        b.low - a.high > YEAR_APART and a.high < a_date.toordinal() and b.low > b_date.toordinal()
    )


def _with_ledes(
    pairs: dict[tuple[int, int], float], reads: list[Read], group: list[int], index: Index
) -> dict[tuple[int, int], float]:
    """`pairs` (scored at MATCH_SCORE or more), with LEDE_BONUS added where both units open
    their reports (headline and lede): news is written as an inverted pyramid, so the
    openings of two reports of one story tell its main fact, in whatever words ("Conviva
    swallows Sole Market" / "Conviva si compra Sole Market, nasce il terzo polo della
    spesa"). Only pairs that share something are raised; the openings are few (LEDE_UNITS a
    report), so their pairs are scored one by one."""
    opening: list[int] = []
    seen: Counter[int] = Counter()
    for i in range(len(reads)):
        if seen[group[i]] < LEDE_UNITS:
            seen[group[i]] += 1
            opening.append(i)
    out = dict(pairs)
    for x, a in enumerate(opening):
        for b in opening[x + 1 :]:
            if group[a] == group[b]:
                continue
            score = pairs.get((a, b))
            if score is None:
                score = index.cosine(a, b)
                if score <= 0.0:
                    continue
            if score + LEDE_BONUS >= MATCH_SCORE:
                out[(a, b)] = score + LEDE_BONUS
    return out


def _discount_measures(
    pairs: dict[tuple[int, int], float], reads: list[Read], index: Index
) -> dict[tuple[int, int], float]:
    """Scores without the shared measures that are not one measure: two units that both give
    a date, or an amount in euros, share the feature "a date" or "euros"; it is evidence of
    one fact only when some pair of their values agrees or is of one measure (same_measure),
    not for an insured value of 4 million and a reward of 50,000, or a restoration's year and
    a reopening's day."""
    out: dict[tuple[int, int], float] = {}
    for (a, b), score in pairs.items():
        ra, rb = reads[a], reads[b]
        if ra.values and rb.values:
            same = _same_measure(ra, rb, lambda: 1.0)
            for key in {f"K:{v.kind_key}" for v in ra.values if v.kind != "status"}:
                kind = key[2:].split(":")[0]
                related = False
                for i, va in enumerate(ra.values):
                    if f"K:{va.kind_key}" != key:
                        continue
                    for j, vb in enumerate(rb.values):
                        if vb.kind_key != va.kind_key:
                            continue
                        outcome = compare(va, vb)
                        if outcome is True or (
                            outcome is False and (kind == "quantity" or same(i, j))
                        ):
                            related = True
                            break
                    if related:
                        break
                if not related:
                    score -= index.contribution(a, b, key)
        if score >= MATCH_SCORE:
            out[(a, b)] = score
    return out


def _agreeing(a: Read, b: Read) -> bool:
    """Do two units give some equal value (two equal dates, the same fine)? Then they tell
    one story however few of their words they share, and their other figures may clash."""
    return any(compare(x, y) is True for x in a.values for y in b.values)


def _triangle(i: int, j: int, linked: dict[int, dict[int, float]], group: list[int]) -> bool:
    """Is some passage of a third report matched to both i and j at TRIANGLE_SCORE or more?
    Three reports that each match the other two state one fact, however few words the pair
    shares."""
    return any(
        group[k] not in (group[i], group[j]) and min(linked[i][k], linked[j][k]) >= TRIANGLE_SCORE
        for k in linked.get(i, {}).keys() & linked.get(j, {}).keys()
    )


def _with_embeddings(
    pairs: dict[tuple[int, int], float],
    reads: list[Read],
    close: dict[tuple[int, int], float],
) -> dict[tuple[int, int], float]:
    """The lexical scores, each raised by EMBED_WEIGHT times how far the pair's cosine is
    above EMBED_FLOOR (0 at the floor, EMBED_WEIGHT at 1): a pair of claims that shares no
    word can now score, and one that shares a few scores more when it says the same."""
    scored = dict(pairs)
    for (i, j), cosine in close.items():
        if reads[i].claim and reads[j].claim:
            lift = EMBED_WEIGHT * (cosine - EMBED_FLOOR) / (1.0 - EMBED_FLOOR)
            scored[(i, j)] = scored.get((i, j), 0.0) + lift
    return {pair: score for pair, score in scored.items() if score >= MATCH_SCORE}


def _comparable(a: Read, b: Read) -> bool:
    """Do two units give values of one kind (two dates, two amounts in euros)?"""
    kinds = {v.kind_key for v in a.values}
    return any(v.kind_key in kinds for v in b.values)


def _candidates(
    lexical: dict[tuple[int, int], float],
    reads: list[Read],
    group: list[int],
    index: Index,
    cosines: Any,
) -> tuple[list[tuple[int, int]], list[list[float]]]:
    """The pairs the fitted model (pairmodel.py) weighs, and their features: pairs of
    claims with a lexical score or close in meaning, screened."""
    claim = [r.claim for r in reads]
    scored = sorted(p for p in lexical if claim[p[0]] and claim[p[1]])
    ranked = pairmodel.ranks(scored, lexical, group)
    close, by_cosine = pairmodel.cosine_features(cosines, group, claim, scored)
    kept = set(pairmodel.screened(close, ranked))
    pairs = [p for p in close if p in kept]
    lede = [r.lede for r in reads]
    rows = pairmodel.lexical_features(pairs, lexical, ranked, index, group, lede)
    by_cosine = [row for p, row in zip(close, by_cosine, strict=True) if p in kept]
    return pairs, [x + y for x, y in zip(rows, by_cosine, strict=True)]


def _fitted(
    lexical: dict[tuple[int, int], float],
    scored: dict[tuple[int, int], float],
    reads: list[Read],
    group: list[int],
    apart: set[tuple[int, int]],
    index: Index,
    embedded: Any,
    model: pairmodel.PairModel,
) -> tuple[dict[int, list[tuple[float, int]]], set[tuple[int, int]], dict[tuple[int, int], float]]:
    """The matches of every unit, (score, other unit), the pairs only the model chose and
    the score to show for those of them the model is surer of than their words:
    the pairs the fitted model (pairmodel.py) chooses, and those the rules (_select) choose
    that give values of one kind: the model judges what two passages say, and two passages
    giving two counts of one thing are worth setting side by side even when worded apart.
    A pair keeps its score (with the embeddings' lift: what the panel shows), at least
    MATCH_SCORE."""
    cosines = embedded @ embedded.T
    pairs, rows = _candidates(lexical, reads, group, index, cosines)
    chosen: dict[tuple[int, int], float] = {}
    sure: dict[tuple[int, int], float] = {}
    for (i, j), row in zip(pairs, rows, strict=True):
        probability = model.probability(row)
        if probability >= model.threshold:
            base = scored.get((i, j))
            if base is None:
                lift = max(0.0, float(cosines[i, j]) - EMBED_FLOOR) / (1.0 - EMBED_FLOOR)
                base = lexical.get((i, j), 0.0) + EMBED_WEIGHT * lift
            chosen[(i, j)] = max(base, MATCH_SCORE)
            sure[(i, j)] = MODEL_SCORE * probability
    chosen = _on_topic(chosen, apart, group)
    by_rules = {
        (a, b): score
        for a, found in _select(scored, reads, group).items()
        for score, b in found
        if a < b
    }
    model_only = set(chosen) - set(by_rules)
    # The score shown for a pair chosen on its meaning: how sure the model is, on the lexical
    # scale (a sure pair half way, where passages plainly say one thing), where its words
    # give less; at the floor, its bar in the panel showed as good as none. The relation is
    # still worked out on the words' score: on the model's, 3 verdicts of 910 went wrong.
    shown = {p: max(chosen[p], sure[p]) for p in model_only if sure[p] > chosen[p]}
    for (a, b), score in by_rules.items():
        if (a, b) not in chosen and _comparable(reads[a], reads[b]):
            chosen[(a, b)] = score
    found: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), score in chosen.items():
        found[a].append((score, b))
        found[b].append((score, a))
    return found, model_only, shown


def match_units(
    articles: list[Article], check: Callable[[float], None], *, embed: bool = False
) -> tuple[list[Read], dict[int, list[tuple[Match, int]]]]:
    """Every unit read, and for each (by index) its matches with the matched unit's index.

    check(fraction) is called between steps: it reports progress and may raise
    AlignCancelled. embed: add the multilingual embeddings' similarity (embeddings.py) to
    the lexical score.
    """
    reads, features = _read(articles, check, 0.3 if embed else 0.6)
    article_index = {a.id: n for n, a in enumerate(articles)}
    group = [article_index[r.unit.article] for r in reads]
    close: dict[tuple[int, int], float] = {}
    if embed and len(reads) > EMBED_MAX_UNITS:
        embed = False  # minutes of embedding: a long article is aligned on its words alone
    embedded = None
    if embed:
        texts = [r.unit.text for r in reads]
        embedded = vectors(texts, lambda f: check(0.3 + 0.5 * f))
        if embedded is not None:
            close = close_pairs(embedded, group, EMBED_FLOOR)
    check(0.8 if embed else 0.65)
    index = Index(features, [r.language for r in reads], len(articles))
    pairs = _with_ledes(index.pairs(group, MATCH_SCORE), reads, group, index)
    pairs = _discount_measures(pairs, reads, index)
    apart = _apart(features, group)
    lexical = _on_topic(pairs, apart, group)
    if close:
        pairs = _with_embeddings(pairs, reads, close)
    pairs = _on_topic(pairs, apart, group)
    check(0.9 if embed else 0.85)
    model = pairmodel.load() if embedded is not None else None
    model_only: set[tuple[int, int]] = set()
    shown: dict[tuple[int, int], float] = {}
    if model is not None:
        found, model_only, shown = _fitted(
            lexical, pairs, reads, group, apart, index, embedded, model
        )
    else:
        found = _select(pairs, reads, group)
    linked = {i: {j: score for score, j in found_i} for i, found_i in found.items()}
    matches: dict[int, list[tuple[Match, int]]] = {}
    for i, read in enumerate(reads):
        kept: list[tuple[Match, int]] = []
        for score, j in sorted(found.get(i, []), key=lambda p: (-p[0], p[1])):
            other = reads[j].unit
            if len(kept) >= MAX_MATCHES:
                break
            same = _same_measure(read, reads[j], partial(index.wording, i, j))
            # Three reports each matched to the other two state one fact, however few words
            # this pair shares.
            triangle = score >= TRIANGLE_SCORE and _triangle(i, j, linked, group)
            relation, conflicts, at = relate(
                read.values, reads[j].values, read.unit.start, score, same, triangle=triangle
            )
            if relation == "conflicts" and (min(i, j), max(i, j)) in model_only:
                # Which figures are of one measure was worked out on the pairs the rules
                # choose; on the model's others it made five false contradictions of 36
                # sets and found three.
                relation, conflicts, at = "related", (), ()
            if relation != "conflicts" and read.language == reads[j].language:
                # Nearly word for word, with a figure, a name or a "not" changed: what one
                # report changed is the conflict (edits.py).
                changed = edits(read.unit.text, other.text)
                if changed:
                    relation = "conflicts"
                    conflicts = tuple(Conflict(e.what, e.here, e.there) for e in changed)
                    at = tuple(
                        (read.unit.start + e.start, read.unit.start + e.end) for e in changed
                    )
            if relation == "agrees" and _only_a_day(index.shared(i, j)):
                # A day and nothing else in common ("The team won 3-1 on Sunday" / "Il
                # sindaco ha parlato domenica"): two events of one day, not one fact.
                relation = "related"
            # (Who holds one role is the fact itself, however little else two passages
            # share: "il ruolo di vicesindaco andrebbe a Molinari" / "her deputy mayor will be
            # Gatti". A status is too, of a thing both name: "Il rifugio ha riaperto" / "The
            # hut will remain closed".)
            if (
                conflicts
                and index.wording(i, j) < CONFLICT_WORDING
                and not _agreeing(read, reads[j])
            ):
                # Two figures of one kind in passages that share little else: not one fact
                # told two ways, so not a contradiction either. Who and a status of a thing
                # both name stand (above), even beside a figure that goes.
                named = any(not k.startswith(("K:", "V:")) for k in index.shared(i, j))
                standing = [
                    (c, where)
                    for c, where in zip(conflicts, at, strict=True)
                    if c.what in ("who", WINNER) or (c.what == "status" and named)
                ]
                if standing:
                    conflicts = tuple(c for c, _ in standing)
                    at = tuple(where for _, where in standing)
                else:
                    relation, conflicts, at = "related", (), ()
            kept.append(
                (
                    Match(
                        other.article,
                        other.start,
                        other.end,
                        round(min(shown.get((min(i, j), max(i, j)), score), 1.0), 3),
                        relation,
                        conflicts,
                        at,
                        days_of(conflicts, read.values, reads[j].values),
                    ),
                    j,
                )
            )
        matches[i] = kept
    _restated_conflicts(reads, group, index, matches)
    return reads, matches
