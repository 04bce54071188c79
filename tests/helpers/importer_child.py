"""Child process for test_store_shards.py: imports batches that span many shard files.

usage: python importer_child.py DB BATCHES

Each batch holds 120 annotations by three annotators on ten articles, with ids
"batch-<n>-<i>"; it is merged in one call and flushed, and "ack <n>" is printed once it is on
disk. The parent kills this process at random moments.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eternaut_reader import Annotation
from eternaut_reader.core.storage.store import open_store

TEXT = "The mayor said the bridge would reopen in May. Engineers disagreed. " * 8


def batch(n: int) -> list[Annotation]:
    out = []
    for i in range(120):
        start = (i * 7) % 400
        out.append(
            Annotation(
                id=f"batch-{n}-{i}",
                article_id=f"article-{i % 10}",
                quote=TEXT[start : start + 20],
                prefix=TEXT[max(0, start - 32) : start],
                suffix=TEXT[start + 20 : start + 52],
                start=start,
                end=start + 20,
                tag="confirmed",
                note="imported",
                annotator=("alice", "bob", "carol")[i % 3],
                created="2026-01-01T00:00:00Z",
                modified="2026-01-01T00:00:00Z",
                content_hash="sha256:fake",
            )
        )
    return out


def main() -> None:
    db, batches = Path(sys.argv[1]), int(sys.argv[2])
    with open_store(db, "importer") as store:
        for n in range(batches):
            store.merge(batch(n))
            store.flush()
            print(f"ack {n}", flush=True)


if __name__ == "__main__":
    main()
