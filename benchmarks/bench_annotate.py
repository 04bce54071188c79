"""Annotating benchmark: one article with 10,000 claims already stored.

Run: python benchmarks/bench_annotate.py   (prints figures; tests never assert times)

Measures the UI work a key costs before the next frame: the action (store call, claim index
update, invalidating the touched lines) plus rendering every visible line, as CPU time. Target:
tagging under the cursor and paging each stay under 16 ms.
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

CLAIMS = 10_000


def seed_store(db: Path) -> None:
    from eternaut_reader import load_corpus, open_store
    from eternaut_reader.core.annotations.model import TAGS

    article = load_corpus().articles[4]  # the longest seed
    rng = random.Random(7)
    with open_store(db) as store:
        for _ in range(CLAIMS):
            start = rng.randrange(0, len(article.text) - 60)
            store.add(article, start, start + rng.randrange(8, 60), tag=rng.choice(TAGS))


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95)]
    return f"{statistics.median(ordered):6.2f} / {p95:6.2f} / {ordered[-1]:6.2f} ms"


async def measure(db: Path) -> dict[str, list[float]]:
    from eternaut_reader import load_corpus
    from eternaut_reader.ui.app import ReaderApp
    from eternaut_reader.ui.widgets.pane import ArticlePane

    corpus = load_corpus()
    app = ReaderApp(corpus, db=db)
    results: dict[str, list[float]] = {
        "tag under cursor (c/s/x)": [],
        "next sentence": [],
        "page down": [],
        "page up": [],
        "tag, with Textual's compositor": [],
    }
    async with app.run_test(size=(160, 45)) as pilot:
        while app.editor is None:
            await pilot.pause(0.05)
        pane = app.screen.query_one(ArticlePane)
        pane.show_article(corpus.articles[4])
        while not pane.ready:
            await pilot.pause(0.05)
        await pilot.pause()
        loaded = len(app.editor.index(pane.article))
        rows = range(pane.scrollable_content_region.height)

        def frame(action) -> float:
            # The UI thread's CPU only: the store's writer thread saves meanwhile, off it.
            start = time.thread_time()
            action()
            for y in rows:
                pane.render_line(y)
            return (time.thread_time() - start) * 1000

        screen = app.screen
        deliver = pane.post_message

        def handled_at_once(message) -> bool:
            # The screen's handler runs inside the measured frame instead of a turn later.
            if type(message).__name__ == "ClaimsChanged":
                screen.on_claims_changed(message)
                screen.refresh_claim_bar()
                return True
            return deliver(message)

        def tag_frame(tag: str) -> float:
            """The key's action, the screen applying the change, and the redraw of the lines."""
            pane.post_message = handled_at_once  # type: ignore[method-assign]
            try:
                return frame(lambda: pane.action_tag(tag))
            finally:
                pane.post_message = deliver  # type: ignore[method-assign]

        async def full_frame(tag: str) -> float:
            """For comparison: the same through Textual's message loop and compositor."""
            start = time.thread_time()
            pane.action_tag(tag)
            await pilot.pause()
            return (time.thread_time() - start) * 1000

        gc.collect()
        tags = ["confirmed", "speculative", "contradicted"]
        for i in range(150):
            results["tag under cursor (c/s/x)"].append(tag_frame(tags[i % 3]))
            await pilot.pause()
            results["next sentence"].append(frame(pane.action_next_sentence))
            await pilot.pause()
            results["tag, with Textual's compositor"].append(await full_frame(tags[(i + 1) % 3]))
            pane.action_next_sentence()
            await pilot.pause()
        for _ in range(40):
            results["page down"].append(frame(pane.action_page_down))
        for _ in range(40):
            results["page up"].append(frame(pane.action_page_up))
        print(f"claims on the article: {loaded} stored + the ones tagged here")
    return results


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "annotations.json"
        os.environ["ETERNAUT_READER_DB"] = str(db)
        t0 = time.perf_counter()
        seed_store(db)
        size = db.stat().st_size / 1e6
        print(f"seeded {CLAIMS} claims in {time.perf_counter() - t0:.1f} s ({size:.1f} MB)")
        results = asyncio.run(measure(db))
    print("UI-thread CPU per key: action, change handling and rendering every visible line")
    print("(median / p95 / worst); target < 16 ms. The last row adds Textual's own frame work.")
    for name, samples in results.items():
        print(f"  {name:<26} {summary(samples)}")


if __name__ == "__main__":
    main()
