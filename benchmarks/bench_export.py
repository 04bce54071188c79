"""Figures for exporting 10,000 annotations to each format.

    PYTHONPATH=tui python benchmarks/bench_export.py [--annotations 10000] [--repeat 3]

Targets: each format in under 1 s for 10,000 annotations in process (issue 9), and under 0.5 s
as a whole process (issue 13: `eternaut-reader export -f FMT -o FILE --db DB`, interpreter
start-up, imports, reading the database and writing the file, with its peak RSS). In process
means as the UI runs it: export(store, corpus, fmt, path) reads the annotations from the
store, anchors each in its article, writes a temporary file and renames it. Tests never assert
times; this script only prints them. Everything happens in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from eternaut_reader import load_corpus, open_store
from eternaut_reader.core.annotations.model import TAGS, Link
from eternaut_reader.core.formats import FORMATS, export, prepare

NOTES = [
    "",
    "Two outlets agree.",
    "Only Decrypt says so; the others hedge.\nSee the interview.",
    "=SUM(A1) would be a formula in a spreadsheet",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per format (median shown)")
    args = parser.parse_args()
    n = args.annotations
    corpus = load_corpus()
    articles = corpus.articles
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    db = folder / "annotations.json"

    with open_store(db, annotator="bench") as store:
        made = []
        for i in range(n):
            article = articles[i % len(articles)]
            start = rng.randrange(0, len(article.text) - 210)
            end = start + rng.randint(20, 200)
            made.append(store.add(article, start, end, rng.choice(TAGS), rng.choice(NOTES)))
        # One in ten supports an annotation in the next article: ClaimReview groups them.
        for i in range(0, n - 1, 10):
            a, b = made[i], made[i + 1]
            made[i] = replace(a, links=(Link(b.id, "supports", b.article_id),))
        store.merge(made)
    print(f"export, {n} annotations over {len(articles)} articles, 10% linked ({folder})")

    with open_store(db) as store:
        annotations = store.annotations()
        t0 = time.perf_counter()
        prepare(annotations, articles, everything=annotations)
        print(f"  {'select + anchor all (part of every export)':<46}{ms(time.perf_counter() - t0)}")
        for name, fmt in FORMATS.items():
            out = folder / f"claims{fmt.extension}"
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                export(store, corpus, name, out)
                times.append(time.perf_counter() - t0)
            size = out.stat().st_size / 1e6
            label = f"{name} ({size:.1f} MB)"
            verdict = "ok" if statistics.median(times) < 1.0 else "OVER"
            print(f"  {label:<46}{ms(statistics.median(times))}   target < 1000 ms  {verdict}")

    print("whole process: eternaut-reader export -f FMT -o FILE --db DB (median, peak RSS)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-m", "eternaut_reader.cli", "export", "--db", str(db)]
    for name, fmt in FORMATS.items():
        out = folder / f"whole{fmt.extension}"
        times, peaks = [], []
        for _ in range(args.repeat + 1):
            t0 = time.perf_counter()
            child = subprocess.Popen(
                [*command, "-f", name, "-o", str(out)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            _, status, usage = os.wait4(child.pid, 0)
            times.append(time.perf_counter() - t0)
            peaks.append(usage.ru_maxrss / 1024)
            if status:
                raise SystemExit(f"export {name} failed ({status})")
        med = statistics.median(times[1:])  # the first run warms the file cache
        verdict = "ok" if med < 0.5 else "OVER"
        print(f"  {name:<46}{ms(med)}   {max(peaks):4.0f} MiB   target < 500 ms  {verdict}")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


if __name__ == "__main__":
    main()
