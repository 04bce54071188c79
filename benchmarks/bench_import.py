"""Figures for importing a large export: peak memory and time of each format, against targets.

    PYTHONPATH=tui python benchmarks/bench_import.py [--mb 200] [--formats jsonl,json,w3c]
                                                     [--whole] [--keep]

For each format a file of about --mb megabytes is written the way `export` writes it (our
JSON Lines, our indented JSON document, a W3C AnnotationCollection), with annotations on real
spans of the bundled seed articles, notes in English and Italian, and one in ten linked. Then
a fresh Python process reads it, and reports its peak resident memory (VmHWM; ru_maxrss where
there is no /proc) and the time:

- "read" is the importer alone: read_files([path]), every record checked and turned into an
  Annotation, which is what an import holds before it merges (the part that scales with the
  file);
- "whole" (with --whole) is `eternaut-reader import --db <new db> FILE`: the read, the merge
  and the database write, end to end.

Target (issue 9): the peak stays proportional to the file: what the import adds to the
interpreter's own memory ("-base", the peak less the memory before the read) is at most about
3x the file's size (a 388 MB file used to peak at 2 GB). The time is printed, not judged.
Tests never assert either; this script only prints them. Everything happens in a temporary
folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from eternaut_reader import load_corpus
from eternaut_reader.core.annotations.model import TAGS, Annotation, Link
from eternaut_reader.core.formats.base import ExportSet, Item
from eternaut_reader.core.formats.native import write_json, write_jsonl
from eternaut_reader.core.formats.w3c import write_w3c
from eternaut_reader.core.text.corpus import Article

WRITERS = {
    "jsonl": (write_jsonl, ".jsonl"),
    "json": (write_json, ".json"),
    "w3c": (write_w3c, ".jsonld"),
}
TARGET_FACTOR = 3.0

NOTES = [
    "",
    "",
    "Two outlets agree on the figure; the third one hedges.",
    "Only Decrypt says so.\nThe others call it an announcement, not a confirmation.",
    "Il comunicato parla di 10 volte più veloce, non di un costo 10 volte inferiore.",
    "Check the date: the interview ran on 18 July 2025, a day before the earnings call.",
    "Sarandos said it in the Q2 call; the quote is paraphrased here (see p. 4 of the transcript).",
    "Nessun'altra fonte conferma il budget di 1,5 milioni di dollari.",
]
ANNOTATORS = ["alice", "bob", "carla.rossi", "dmitri", "eve"]

# The child process: imports what it needs first, so that the base figure is the interpreter
# and the package, then measures one read or one whole import of the file.
CHILD = r"""
import contextlib, io, json, resource, sys, time
mode, path, db, out = sys.argv[1:5]
from eternaut_reader.cli import main
from eternaut_reader.core.formats.importer import read_files
import eternaut_reader.core.storage.store, eternaut_reader.core.text.corpus

def hwm():
    # VmHWM is this process's own peak; ru_maxrss on Linux also counts the parent's memory
    # at the fork that started it.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
base = hwm()
t0 = time.perf_counter()
if mode == "read":
    files = read_files([path])
    count, code = sum(len(f.annotations) for f in files), 0
else:
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["import", "--db", db, path])
    count = -1
elapsed = time.perf_counter() - t0
peak = hwm()
with open(out, "w") as f:
    json.dump({"base_kb": base, "peak_kb": peak, "seconds": elapsed, "count": count,
               "code": code}, f)
"""


def annotations(articles: list[Article], rng: random.Random) -> Iterator[Annotation]:
    """An endless run of plausible annotations on real spans of the articles."""
    previous: Annotation | None = None
    day = 0
    while True:
        article = rng.choice(articles)
        text = article.text
        start = rng.randrange(0, len(text) - 210)
        end = start + rng.randint(20, 200)
        day = (day + 1) % 28
        stamp = f"2025-07-{day + 1:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00.000Z"
        links: tuple[Link, ...] = ()
        if previous is not None and rng.random() < 0.1:
            relation = rng.choice(("supports", "contradicts"))
            links = (Link(previous.id, relation, previous.article_id),)
        ann = Annotation(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            article_id=article.id,
            quote=text[start:end],
            prefix=text[max(0, start - 32) : start],
            suffix=text[end : end + 32],
            start=start,
            end=end,
            tag=rng.choice(TAGS),
            note=rng.choice(NOTES),
            annotator=rng.choice(ANNOTATORS),
            created=stamp,
            modified=stamp,
            content_hash=article.content_hash,
            links=links,
        )
        previous = ann
        yield ann


def write_file(fmt: str, path: Path, megabytes: float, articles: list[Article]) -> int:
    """Write about `megabytes` of `fmt` to path; returns the number of annotations."""
    writer, _ = WRITERS[fmt]
    # A sample tells how many annotations make the size, then the whole file is written once
    # with the exporter itself, so the layout is exactly what users import.
    sample = list_of(articles, 2000)
    sample_path = path.with_suffix(".sample")
    with sample_path.open("w", encoding="utf-8") as out:
        writer(export_set(sample), out, lambda: None)
    per_record = sample_path.stat().st_size / len(sample)
    sample_path.unlink()
    count = int(megabytes * 1e6 / per_record)
    with path.open("w", encoding="utf-8") as out:
        writer(export_set(list_of(articles, count)), out, lambda: None)
    return count


def list_of(articles: list[Article], count: int) -> list[Annotation]:
    stream = annotations(articles, random.Random(count))
    return [next(stream) for _ in range(count)]


def export_set(items: list[Annotation]) -> ExportSet:
    # No article: exports then skip anchoring, which is not what is measured here.
    return ExportSet([Item(a, None, None) for a in items], {}, {})


def measure(mode: str, path: Path, folder: Path) -> dict[str, float]:
    out = folder / "figures.json"
    db = folder / "db.json"
    for stale in folder.glob("db.json*"):
        stale.unlink()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "tui")}
    subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(path), str(db), str(out)], check=True, env=env
    )
    figures: dict[str, float] = json.loads(out.read_text())
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200, help="size of each file (MB)")
    parser.add_argument("--formats", default="jsonl,json,w3c")
    parser.add_argument("--whole", action="store_true", help="also the whole import command")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    articles = load_corpus().articles
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    print(f"import of about {args.mb:.0f} MB per format ({folder})")
    print(f"  {'file':<34}{'what':<7}{'count':>9}{'time':>9}{'peak':>10}{'-base':>10}  target")
    try:
        for fmt in args.formats.split(","):
            path = folder / f"annotations{WRITERS[fmt][1]}"
            count = write_file(fmt, path, args.mb, articles)
            size = path.stat().st_size
            for mode in ("read", "whole") if args.whole else ("read",):
                f = measure(mode, path, folder)
                peak, own = f["peak_kb"] * 1024, (f["peak_kb"] - f["base_kb"]) * 1024
                limit = TARGET_FACTOR * size
                verdict = "ok" if own <= limit else "OVER"
                if f["code"] != 0:
                    verdict += f" (exit code {f['code']:.0f})"
                label = f"{fmt} ({size / 1e6:.0f} MB)"
                print(
                    f"  {label:<34}{mode:<7}{count:>9,}{f['seconds']:>8.1f}s"
                    f"{peak / 1e6:>8.0f}MB{own / 1e6:>8.0f}MB  {own / size:.1f}x the file,"
                    f" target <= {TARGET_FACTOR:.0f}x: {verdict}"
                )
            path.unlink()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
