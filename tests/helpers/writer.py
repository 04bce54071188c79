"""A child process that writes annotations and acknowledges each one once flush() returned.

    python writer.py DB PREFIX COUNT

Prints "ready", then for each annotation "ack <id>" after its flush() returned; COUNT=0 loops
until killed. Used by tests/test_storage_crash.py, which SIGKILLs it or runs two at once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from eternaut_reader.core.storage.store import open_store

TEXT = "".join(f"Sentence number {i} of the report says something. " for i in range(400))


@dataclass
class FakeArticle:
    id: str
    text: str = TEXT
    content_hash: str = "sha256:test"


def main() -> None:
    db, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    article = FakeArticle(prefix)
    with open_store(db, annotator=prefix) as store:
        print("ready", flush=True)
        i = 0
        while count == 0 or i < count:
            start = (i * 7) % (len(TEXT) - 40)
            ann = store.add(article, start, start + 30, tag="confirmed", note=f"{prefix}-{i}")
            store.flush()
            print(f"ack {ann.id}", flush=True)
            i += 1


if __name__ == "__main__":
    main()
