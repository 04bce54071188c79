"""How alike two clause units are: weighted features, cognates joined across languages.

A unit's features are its content-word stems (Italian ones mapped through the glossary here,
and through the dictionary in matcher, bilingual.TranslationMap), its name keys and its value
keys. Each feature weighs its inverse document frequency over
the units of the corpus, names and values more than words, and two units score the cosine
of their weighted features, from 0 to 1. Two units in different languages are measured only
on the words that the other language uses somewhere in the corpus (names, values and
measures always count): an Italian word that neither the glossary nor a cognate turns into
English cannot be shared, and would otherwise lower every Italian-English score.

Cognates whose stems differ in a letter ("produz"/"produc", "tradiz"/"tradit",
"effett"/"effect") are joined before weighting: each stem found only in one language is
mapped onto the closest stem of the other languages when rapidfuzz's similarity ratio
says they are the same word spelt the other way (CognateMap).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from eternaut_reader.core.analysis.lexicon import (
    GLOSSARY,
    GLOSSARY_BASE,
    IT_WORDS,
    SYNONYMS,
    SYNONYMS_BASE,
    base_stem,
    phrased,
    stem,
    stopwords,
)

__all__ = [
    "CognateMap",
    "Features",
    "Index",
    "Word",
    "common_units",
    "content_stems",
    "content_words",
]

_WORD = re.compile(r"[^\W\d_]{2,}")
NAME_WEIGHT = 1.0
VALUE_WEIGHT = 2.0
MEASURE_WEIGHT = 2.0
# Stems at least this alike (rapidfuzz ratio, 0-100) are one word in two spellings.
COGNATE_RATIO = 80
# A feature found in more than this share of units says nothing about which fact is meant.
COMMON_SHARE = 0.12
COMMON_UNITS = 64  # ...or in more units than this: the cost grows with the square of it
# ...unless it is found about once a report: one fact that every report states ("The harbour
# will reopen in March" in 22 reports) is the best evidence there is, not a topic word.
PER_REPORT = 1.2
MOST_UNITS = 80  # the cost of that, bounded: 100 reports of 5 kB align in as long as before


def content_stems(text: str, language: str, base: bool = False) -> list[str]:
    """Stems of the content words of text, glossary-mapped to English where known (with
    `base`, English verbs by their base form: lexicon.base_stem)."""
    out = []
    for word in _WORD.findall(phrased(text, language)):
        s = _content_stem(word.lower(), language, base)
        if s is not None:
            out.append(s)
    return out


class Word(NamedTuple):
    text: str  # lower case, as written
    stem: str  # as content_stems gives it


def content_words(text: str, language: str) -> list[Word]:
    """The content words of text with their stems: what content_stems reads, word by word."""
    out = []
    for word in _WORD.findall(phrased(text, language)):
        lower = word.lower()
        s = _content_stem(lower, language)
        if s is not None:
            out.append(Word(lower, s))
    return out


@lru_cache(maxsize=65536)
def _content_stem(lower: str, language: str, base: bool = False) -> str | None:
    if lower in stopwords(language):
        return None
    to_stem, glossary, synonyms = (
        (base_stem, GLOSSARY_BASE, SYNONYMS_BASE) if base else (stem, GLOSSARY, SYNONYMS)
    )
    if language == "it" and lower in IT_WORDS:
        s = to_stem(IT_WORDS[lower])
        return synonyms.get(s, s)
    s = to_stem(lower) if language == "en" else stem(lower)
    if language == "it":
        s = glossary.get(s, s)
    return synonyms.get(s, s)


# English spellings of Greek and Latin words that Italian writes otherwise.
_SPELLING = (("mph", "nf"), ("ph", "f"), ("th", "t"), ("y", "i"))


def _spelled(stem_: str) -> str:
    for english, italian in _SPELLING:
        stem_ = stem_.replace(english, italian)
    return stem_


@dataclass
class CognateMap:
    """Stems of one language mapped onto their cognate in another (rapidfuzz ratio)."""

    mapping: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, stems_by_language: dict[str, set[str]]) -> CognateMap:
        mapping: dict[str, str] = {}
        languages = sorted(stems_by_language)
        for lang in languages:
            others = set().union(*(stems_by_language[o] for o in languages if o != lang))
            own = sorted(s for s in stems_by_language[lang] - others if len(s) >= 5)
            targets = sorted(s for s in others if len(s) >= 5)
            if not own or not targets:
                continue
            # Compared as spelled in Italian: "amphor" is "anfor", "theatr" "teatr".
            own_keys, target_keys = [_spelled(s) for s in own], [_spelled(s) for s in targets]
            # One C call scores every pair; a cognate shares its first three letters too.
            scores = process.cdist(
                own_keys, target_keys, scorer=fuzz.ratio, score_cutoff=COGNATE_RATIO
            )
            for i, source in enumerate(own):
                row = scores[i]
                best, best_score = None, 0.0
                for j, score in enumerate(row):
                    if score > best_score and target_keys[j][:3] == own_keys[i][:3]:
                        best, best_score = targets[j], float(score)
                if best is not None and best not in mapping:
                    mapping[source] = best
        return cls(mapping)

    def __call__(self, stem_: str) -> str:
        return self.mapping.get(stem_, stem_)


@dataclass
class Features:
    """The features of one unit, before weighting."""

    stems: list[str]
    names: list[str]
    values: list[str]
    measures: list[str] = field(default_factory=list)
    # Names seen only as a unit's first word, which is capitalised whatever it is ("Overall
    # turnout…", a one-word headline "Hiring"): weak evidence of a story's names.
    leading: list[str] = field(default_factory=list)

    def keys(self) -> Iterable[tuple[str, float]]:
        for s in self.stems:
            yield s, 1.0
        for m in self.measures:
            yield "K:" + m, MEASURE_WEIGHT
        for n in self.names:
            yield "N:" + n, NAME_WEIGHT
        for v in self.values:
            yield "V:" + v, VALUE_WEIGHT


class Index:
    """Weighted feature vectors of every unit, and the pairs of units that share features."""

    def __init__(
        self,
        features: Sequence[Features],
        languages: Sequence[str] | None = None,
        reports: int = 0,
    ) -> None:
        raw = [dict(f.keys()) for f in features]
        df: dict[str, int] = defaultdict(int)
        for vector in raw:
            for key in vector:
                df[key] += 1
        total = max(len(raw), 1)
        self.idf = {k: math.log((total + 1) / (n + 0.5)) for k, n in df.items()}
        self.vectors: list[dict[str, float]] = [
            {k: w * self.idf[k] for k, w in vector.items()} for vector in raw
        ]
        self.l2 = [math.sqrt(sum(w * w for w in v.values())) or 1.0 for v in self.vectors]
        # Across languages a unit is measured on the words the other language has at all: a
        # word left untranslated cannot be shared, and should not count against the pair.
        # (Names, values and measures are written alike in every language: they all count.)
        self.languages = list(languages) if languages else ["" for _ in raw]
        seen: dict[str, set[str]] = defaultdict(set)
        for vector, language in zip(raw, self.languages, strict=True):
            for key in vector:
                seen[key].add(language)
        names = sorted(set(self.languages))
        self.l2_across: list[dict[str, float]] = [
            {
                other: math.sqrt(
                    sum(
                        w * w
                        for k, w in v.items()
                        if other in seen[k] or k.startswith(("K:", "N:", "V:"))
                    )
                )
                or 1.0
                for other in names
                if other != language
            }
            for v, language in zip(self.vectors, self.languages, strict=True)
        ]
        self._common = common_units(total, reports)
        self._wording: dict[int, tuple[dict[str, float], float]] = {}
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, vector in enumerate(self.vectors):
            for key in vector:
                self._postings[key].append(i)

    def pairs(self, group: Sequence[int], minimum: float) -> dict[tuple[int, int], float]:
        """The cosine of every pair of units in different groups scoring at least minimum.

        Features shared by too many units are left out of the sum: they would join every
        unit to every other and weigh little anyway.
        """
        dots: dict[tuple[int, int], float] = defaultdict(float)
        for key, posting in self._postings.items():
            if len(posting) < 2 or len(posting) > self._common:
                continue
            for a_index, a in enumerate(posting):
                wa = self.vectors[a][key]
                for b in posting[a_index + 1 :]:
                    if group[a] != group[b]:
                        dots[(a, b)] += wa * self.vectors[b][key]
        scored = {(a, b): dot / self._norm(a, b) for (a, b), dot in dots.items()}
        return {pair: s for pair, s in scored.items() if s >= minimum}

    def _norm(self, a: int, b: int) -> float:
        la, lb = self.languages[a], self.languages[b]
        if la == lb:
            return self.l2[a] * self.l2[b]
        return self.l2_across[a][lb] * self.l2_across[b][la]

    def cosine(self, a: int, b: int) -> float:
        """The score of one pair, as pairs() gives it (features shared by too many units
        left out)."""
        va, vb = self.vectors[a], self.vectors[b]
        dot = sum(
            w * vb[k]
            for k, w in va.items()
            if k in vb and 2 <= len(self._postings[k]) <= self._common
        )
        return dot / self._norm(a, b)

    def contribution(self, a: int, b: int, key: str) -> float:
        """What one shared feature adds to the score of a pair."""
        va, vb = self.vectors[a], self.vectors[b]
        if key not in va or key not in vb:
            return 0.0
        return va[key] * vb[key] / self._norm(a, b)

    def parts(self, a: int, b: int) -> tuple[list[float], list[float], float]:
        """What the shared words, measures, names and values each add to the score of a
        pair, how many of each the two share, and their wording (in one pass: the model
        asks this of tens of thousands of pairs)."""
        va, vb = self.vectors[a], self.vectors[b]
        if len(vb) < len(va):
            va, vb = vb, va
        norm = self._norm(a, b)
        (words, na), nb = self._words(a), self._words(b)[1]
        added, shared = [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]
        worded = 0.0
        for key, weight in va.items():
            other = vb.get(key)
            if other is not None:
                part = _PARTS.get(key[:2], 0)
                added[part] += weight * other / norm
                shared[part] += 1
                if key in words:  # as wording() counts it
                    worded += weight * other
        return added, shared, (worded / (na * nb) if na and nb else 0.0)

    def wording(self, a: int, b: int) -> float:
        """The cosine of two units on their words, names and named measures ("a number of
        passengers", "the release of this series"), bare values and measures left out: how
        far they say the same thing apart from figures that merely share a kind."""
        wa, na = self._words(a)
        wb, nb = self._words(b)
        if len(wb) < len(wa):
            wa, wb = wb, wa
        dot = sum(w * wb[k] for k, w in wa.items() if k in wb)
        return dot / (na * nb) if na and nb else 0.0

    def _words(self, a: int) -> tuple[dict[str, float], float]:
        """A unit's vector without bare values and measures, and its length (kept: the
        model asks for the wording of tens of thousands of pairs)."""
        found = self._wording.get(a)
        if found is None:
            words = {
                k: w
                for k, w in self.vectors[a].items()
                if not k.startswith(("K:", "V:")) or _named(k)
            }
            found = words, math.sqrt(sum(w * w for w in words.values()))
            self._wording[a] = found
        return found

    def shared(self, a: int, b: int) -> list[str]:
        """The features two units share, heaviest first."""
        va, vb = self.vectors[a], self.vectors[b]
        return sorted((k for k in va if k in vb), key=lambda k: -va[k] * vb[k])


def common_units(units: int, reports: int) -> int:
    """The most units a feature may be found in and still tell one fact from another."""
    topic = max(8, min(int(COMMON_SHARE * units), COMMON_UNITS))
    return max(topic, min(int(PER_REPORT * reports), MOST_UNITS))


_PARTS = {"K:": 1, "N:": 2, "V:": 3}  # Index.parts: words (0), measures, names, values


def _named(key: str) -> bool:
    return key.startswith(("K:quantity:", "K:status@", "K:money:"))
