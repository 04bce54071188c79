"""Italian words read as the English words of the same meaning, from a real dictionary.

The glossary in lexicon.py covers the everyday words of the stories the method was tuned on;
a story on any other subject ("farmacie", "impurità", "pista") would meet English on names
and figures only. This module reads a general Italian-English lexicon derived from
MultiWordNet (31,000 Italian lemmas, CC BY 3.0; built by scripts/build_lexicon.py, shipped in
data/it_en.txt.gz) and maps each Italian stem of a corpus onto one English stem *that the
corpus's English reports use*. A dictionary lists every sense of a word; choosing only among
the words the other reports actually contain is what keeps a rare sense from bridging two
unrelated passages.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eternaut_reader.core.analysis.lexicon import SYNONYMS, news_words, stem, stopwords, unaccent

__all__ = ["TranslationMap", "could_be_lemma", "entries"]

LEXICON_FILE = "it_en.txt.gz"
# Only the first English word of each Italian lemma's first sense is a translation: on the
# tuning sets, more senses or more words (up to 6 and 10) bridged as many neighbouring facts
# as they found the same fact (pooled F1 0.785 with one, 0.769-0.779 with more).
MAX_SENSES = 1
MAX_WORDS = 1
# Stems shorter than this come from short Italian words ("volte", "parte", "molto"): too
# many lemmas share them for any one translation to be the one meant.
MIN_STEM = 6

Entry = tuple[str, tuple[str, ...]]  # an Italian lemma, unaccented, and its English stems
# The accented letters of Italian, folded the way `unaccent` folds them (str.translate is
# ten times faster than Unicode decomposition over 31,000 lemmas).
_FOLD = str.maketrans("àáèéìíòóùú", "aaeeiioouu")


@lru_cache(maxsize=1)
def _by_prefix() -> dict[str, list[tuple[str, str]]]:
    """The lexicon's lines by the first six letters of their lemma, unaccented.

    A stem of six letters (the only ones looked up, MIN_STEM) is the first six letters of
    every lemma that has it, so only those lemmas need stemming: the whole file is read in
    about 40 ms, once, on the first corpus with Italian and English reports."""
    raw = resources.files(__package__).joinpath("data", LEXICON_FILE).read_bytes()
    out: dict[str, list[tuple[str, str]]] = {}
    for line in gzip.decompress(raw).decode().splitlines():
        if line and not line.startswith("#"):
            lemma, _, senses = line.partition("\t")
            folded = lemma.translate(_FOLD)
            out.setdefault(folded[:MIN_STEM], []).append((folded, senses))
    return out


def _english_stem(word: str) -> str:
    """An English word's stem as the glossary reads it, through the synonyms."""
    target = stem(word)
    return SYNONYMS.get(target, target)


def entries(stem_: str) -> list[Entry]:
    """The lemmas whose stem is `stem_`, each with the English stems of its senses in
    MultiWordNet's order (at most MAX_SENSES senses and MAX_WORDS words of each)."""
    out: list[Entry] = []
    english_stop = stopwords("en")
    for lemma, senses in _by_prefix().get(stem_[:MIN_STEM], ()):
        if stem(lemma) != stem_:
            continue
        targets: list[str] = []
        for sense in senses.split("; ")[:MAX_SENSES]:
            for word in sense.split()[:MAX_WORDS]:
                if word not in english_stop:
                    targets.append(_english_stem(word))
        if targets:
            out.append((lemma, tuple(targets)))
    return out


_VOWELS = "aeio"
_VERB_ENDINGS = ("are", "ere", "ire")
MAX_VERB_ENDING = 6  # "sostituiranno" / "sostituire": the longest ending kept after the root


def could_be_lemma(form: str, lemma: str) -> bool:
    """Could `lemma` be the dictionary form of the word `form` (both unaccented)?

    Italian nouns and adjectives change their last vowel ("farmacie" / "farmacia", "lotti" /
    "lotto"), with an h before it after c and g ("tecniche" / "tecnica"), or drop the o of
    -io ("studi" / "studio"); a verb keeps its root ("ritirati", "sostituiranno" /
    "ritirare", "sostituire"). This only rules lemmas out: "trasferta" is not a form of
    "trasferimento". It is not a lemmatiser."""
    if form == lemma:
        return True
    vowels = len(form) > 3 and form[-1] in _VOWELS and lemma[-1] in _VOWELS
    if vowels and (form[:-1] == lemma[:-1] or (form[-2] == "h" and form[:-2] == lemma[:-1])):
        return True
    if form.endswith("i") and lemma == form + "o":
        return True
    if lemma.endswith(_VERB_ENDINGS) and len(lemma) > 5:
        root = lemma[:-3]
        return form.startswith(root) and len(form) - len(root) <= MAX_VERB_ENDING
    return False


@dataclass
class TranslationMap:
    """Italian stems of one corpus mapped onto English stems found in its English units."""

    mapping: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls, italian: set[str], english: set[str], forms: Mapping[str, Iterable[str]]
    ) -> TranslationMap:
        """`forms` gives, for each Italian stem, the words of the corpus that have it: only
        the lemmas those words can be forms of are looked up ("trasferimento" is not
        "trasferta")."""
        mapping: dict[str, str] = {}
        news = news_words()
        for source in sorted(italian - english):
            # The news vocabulary first, by the corpus's own words of this stem: "autisti" is
            # "drivers" where an English report has drivers. Only where it gives every word
            # of the stem one meaning: "farmaci" (drugs) is in it, "farmacie" (pharmacies),
            # of the same stem, is not, and a drug recall's pharmacies are no drugs.
            words = forms.get(source, ())
            offered = {_english_stem(news[w]) for w in words if w in news}
            if len(offered) == 1 and all(w in news for w in words):
                (news_word,) = offered
                if news_word in english:
                    mapping[source] = news_word
                    continue
            if len(source) < MIN_STEM:
                continue
            words = {unaccent(w) for w in forms.get(source, ())}
            for lemma, targets in entries(source):
                if not any(could_be_lemma(w, lemma) for w in words):
                    continue
                found = next((t for t in targets if t in english), None)
                if found is not None:
                    mapping[source] = found
                    break
        return cls(mapping)

    def __call__(self, stem_: str) -> str:
        return self.mapping.get(stem_, stem_)
