"""Figures for the annotation store with 10,000 annotations already stored.

    PYTHONPATH=tui python benchmarks/bench_store.py [--annotations 10000]

Targets (from the issue): add() returns in < 5 ms; flush() completes in < 250 ms; opening the
store and anchoring all of one article's annotations takes < 300 ms. Tests never assert times;
this script only prints them. Everything happens in a temporary folder.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import JSONStorage

from eternaut_reader import load_corpus, open_store
from eternaut_reader.core.annotations.model import TAGS


@dataclass
class EditedArticle:
    id: str
    text: str
    content_hash: str = "sha256:edited"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def row(label: str, value: str, target: str = "") -> None:
    print(f"  {label:<52}{value}{'   target ' + target if target else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=10_000)
    args = parser.parse_args()
    n = args.annotations
    articles = load_corpus().articles
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="bench-store-"))
    db = folder / "annotations.json"

    print(f"annotation store, {n} annotations over {len(articles)} articles ({folder})")
    with open_store(db, annotator="bench") as store:
        t0 = time.perf_counter()
        for i in range(n):
            article = articles[i % len(articles)]
            start = rng.randrange(0, len(article.text) - 210)
            end = start + rng.randint(20, 200)
            store.add(article, start, end, tag=rng.choice(TAGS), note=f"note {i}")
        added = time.perf_counter() - t0
        store.flush()
        total = time.perf_counter() - t0
    size = db.stat().st_size
    row(f"{n} adds (in memory)", ms(added))
    row(f"{n} adds + flush", ms(total))
    row("database file size", f"{size / 1e6:8.2f} MB")

    print("with the store full:")
    with open_store(db, annotator="bench") as store:
        article = articles[1]
        store.add(article, 0, 30)
        # The first save after opening encodes every document once (later ones only changes).
        row("first flush() after opening, one add", ms(timed(store.flush)), "< 250 ms")
        # add() while the writer thread is busy saving the previous adds: what the UI feels.
        adds = []
        for i in range(300):
            start = rng.randrange(0, len(article.text) - 100)
            adds.append(timed(lambda s=start, i=i: store.add(article, s, s + 60, note=str(i))))
            if i % 10 == 0:
                time.sleep(0.01)
        store.flush()
        adds.sort()
        row("add(): median", ms(statistics.median(adds)), "< 5 ms")
        row("add(): 99th percentile", ms(adds[int(len(adds) * 0.99)]))
        row("add(): worst of 300", ms(adds[-1]))

        flushes = []
        for i in range(20):
            ann = store.add(article, 10, 50, note=f"flush {i}")
            flushes.append(timed(store.flush))
            store.update(ann.id, tag="speculative")
            store.flush()
        row("flush() after one add: median", ms(statistics.median(flushes)), "< 250 ms")
        row("flush() after one add: worst of 20", ms(max(flushes)))

        burst = [store.add(article, 0, 30) for _ in range(100)]
        row("flush() after a burst of 100 adds", ms(timed(store.flush)), "< 250 ms")
        for ann in burst:
            store.remove(ann.id)

        # The writer thread must not freeze the UI thread (the GIL): wake every 2 ms, change
        # something (so the writer saves continuously) and see how late each wake-up is.
        probe = store.add(article, 0, 20)
        lateness = []
        for i in range(300):
            t0 = time.perf_counter()
            time.sleep(0.002)
            store.update(probe.id, note=f"probe {i}")
            lateness.append(time.perf_counter() - t0 - 0.002)
        store.flush()
        lateness.sort()
        row(
            "UI thread delay while saving: 99th percentile", ms(lateness[int(len(lateness) * 0.99)])
        )
        row("UI thread delay while saving: worst of 300", ms(lateness[-1]))

    opens, anchors = [], []
    for _ in range(5):
        t0 = time.perf_counter()
        with open_store(db, annotator="bench") as store:
            t1 = time.perf_counter()
            anchored = store.anchor(articles[1])
            t2 = time.perf_counter()
        opens.append(t1 - t0)
        anchors.append(t2 - t0)
    row(f"open store: median of 5 ({size / 1e6:.1f} MB)", ms(statistics.median(opens)))
    row(
        f"open + anchor one article ({len(anchored)} annotations)",
        ms(statistics.median(anchors)),
        "< 300 ms",
    )
    orphans = sum(a.orphan for a in anchored)
    row("  of which orphans (text unchanged)", f"{orphans:8d}")

    original = articles[1].text
    edited = EditedArticle(articles[1].id, "Updated: " + original.replace(" the ", " a ", 40))
    with open_store(db, annotator="bench") as store:
        t0 = time.perf_counter()
        anchored = store.anchor(edited)
        t1 = time.perf_counter()
    methods: dict[str | None, int] = {}
    for a in anchored:
        methods[a.method] = methods.get(a.method, 0) + 1
    row(f"anchor {len(anchored)} annotations in an edited text", ms(t1 - t0))
    row("  by method", str({k or "orphan": v for k, v in sorted(methods.items(), key=str)}))

    print("for comparison, plain TinyDB (JSONStorage, in-place rewrite, no fsync of folder):")
    plain = folder / "plain.json"
    tiny = TinyDB(plain, storage=JSONStorage)
    table = tiny.table("annotations")
    table.insert_multiple({"i": i, "quote": "x" * 100, "note": f"note {i}"} for i in range(n))
    inserts = [timed(lambda: table.insert({"quote": "y" * 100})) for _ in range(10)]
    tiny.close()
    row(f"TinyDB insert() with {n} docs: median", ms(statistics.median(inserts)))


if __name__ == "__main__":
    main()
