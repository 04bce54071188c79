"""Sentence segmenters: agreement with pySBD's boundaries, and speed.

    python benchmarks/bench_segment.py [--paragraphs 600]

pySBD (what the reader used for every article) is the reference; the candidates are measured
on the bundled seeds and on generated English and Italian prose (benchmarks/prose.py: "Mr.",
"U.S.", "a.m.", "e.g.", decimals, quotes, lists, "sig.", "ecc."). Agreement is the F1 of the
sentence ends: 1.0 means the very same sentences. Every candidate goes through the reader's
own alignment, so each sentence is an exact slice of the text (checked here too). The
disagreements printed below show who is right; most are pySBD's errors.
Tests never assert times; only this script prints them.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import prose

from eternaut_reader import load_corpus
from eternaut_reader.core.text import segment

Segmenter = Callable[[str, str], list[segment.Sentence]]


def with_engine(engine: str) -> Segmenter:
    def run(text: str, language: str) -> list[segment.Sentence]:
        return segment.sentences(text, language, engine=engine)

    return run


def blingfire(text: str, language: str) -> list[segment.Sentence]:
    import blingfire as bf

    out = []
    for index, para in enumerate(segment.paragraphs(text)):
        chunk = text[para.start : para.end]
        for start, end in segment._align(chunk, bf.text_to_sentences(chunk).split("\n")):
            out.append(
                segment.Sentence(para.start + start, para.start + end, chunk[start:end], index)
            )
    return out


def ends(sentences: list[segment.Sentence]) -> set[int]:
    return {s.end for s in sentences}


def f1(ref: set[int], got: set[int]) -> float:
    return 2 * len(ref & got) / ((len(ref) + len(got)) or 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=600)
    args = parser.parse_args()
    texts = [(a.id[:12] + f" ({a.language})", a.text, a.language) for a in load_corpus().articles]
    texts.append(("generated en", "\n\n".join(prose.paragraphs_of(args.paragraphs, False)), "en"))
    texts.append(("generated it", "\n\n".join(prose.paragraphs_of(args.paragraphs, True)), "it"))
    candidates: dict[str, Segmenter] = {"sentencex": with_engine("sentencex")}
    try:
        import blingfire as _

        candidates["blingfire"] = blingfire
    except ImportError:
        pass
    pysbd = with_engine("pysbd")
    refs = {label: pysbd(text, lang) for label, text, lang in texts}
    print("Agreement with pySBD (F1 of sentence ends; pySBD's count / the candidate's)")
    disagreements: dict[str, collections.Counter[str]] = {}
    for name, run in candidates.items():
        for label, text, lang in texts:
            got = run(text, lang)
            assert all(text[s.start : s.end] == s.text for s in got), "not a slice"
            ref_ends, got_ends = ends(refs[label]), ends(got)
            print(
                f"  {name:<10} {label:<22} {f1(ref_ends, got_ends):.3f}  "
                f"{len(ref_ends):5} / {len(got_ends):5}"
            )
            counter = disagreements.setdefault(f"{name} {lang}", collections.Counter())
            for end in ref_ends - got_ends:
                counter["pySBD only: " + text[max(0, end - 14) : end + 8].replace("\n", "⏎")] += 1
            for end in got_ends - ref_ends:
                counter[f"{name} only: " + text[max(0, end - 14) : end + 8].replace("\n", "⏎")] += 1
    print("\nCommonest disagreements (a boundary after the |)")
    for key, counter in disagreements.items():
        for what, count in counter.most_common(6):
            head, _, tail = what.partition(": ")
            print(f"  {key:<14} {count:4}  {head}: {tail[:14]!r}|{tail[14:]!r}")

    big = prose.article(1_000_000, seed=3)
    print("\nSpeed on 1 MB of generated prose (CPU seconds; 5 MB takes five times as long)")
    for name, run in {"pysbd": pysbd, **candidates}.items():
        t0 = time.process_time()
        count = len(run(big, "en"))
        print(f"  {name:<10} {time.process_time() - t0:7.2f} s   {count} sentences")


if __name__ == "__main__":
    main()
