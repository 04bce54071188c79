"""Key costs through the real key path: Pilot presses a key, and the clock stops when the next
frame has been composited (key dispatch, the action, the compositor and every rendered line).

    python benchmarks/bench_keys.py [--samples 60] [CASE...]

Cases (each runs in a process of its own, so that its peak RSS is its own):
  bare        a bare Textual app whose binding changes one Static: the floor a key costs here
  10kB        one generated article of about 10 kB (English with Italian paragraphs)
  5MB         one generated article of 5 MB, once it is segmented
  5MB-loading the same article, keys pressed at once after the first frame, while it loads
  claims10k   the 10 kB article with 10,000 stored claims
  claims100k  the 10 kB article with 100,000 stored claims (ten on every character: the worst)
  claims100k-100articles  100,000 claims on 100 articles of 10 kB, all open

For each key: wall time and UI-thread CPU time, p50 and p95, against the issue's targets.
"Ready" is the time from the app's start to the pane being segmented and the claims shown.
Tests never assert times; only this script prints them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import prose  # noqa: E402

CASES = [
    "bare",
    "10kB",
    "5MB",
    "5MB-loading",
    "claims10k",
    "claims100k",
    "claims100k-100articles",
]
SIZE = (160, 45)
KEY_TARGET_MS = {"j": 32, "pagedown": 32, "G": 32, "search char": 16, "tag": 10}
LOADING_TARGET_MS = 50


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


class FrameClock:
    """Records when each frame is composited (wall and UI-thread CPU)."""

    def __init__(self) -> None:
        self.frames: list[tuple[float, float]] = []

    def mark(self) -> None:
        self.frames.append((time.perf_counter(), time.thread_time()))


def timed(app_class: type) -> type:
    """A subclass of app_class whose _display (called once per composited frame, even
    headless) notes the time."""

    class Timed(app_class):  # type: ignore[misc, valid-type]
        clock = FrameClock()

        def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
            super()._display(screen, renderable)
            if renderable is not None:
                self.clock.mark()

    return Timed


async def press_to_frame(pilot, app, key: str, timeout: float = 2.0) -> tuple[float, float] | None:
    """(wall ms, UI CPU ms) from the key press to the first frame after it."""
    clock = app.clock
    seen = len(clock.frames)
    w0, c0 = time.perf_counter(), time.thread_time()
    await pilot.press(key)
    deadline = time.perf_counter() + timeout
    while len(clock.frames) == seen and time.perf_counter() < deadline:
        await asyncio.sleep(0.0005)
    if len(clock.frames) == seen:
        return None
    w1, c1 = clock.frames[seen]
    return (w1 - w0) * 1000, (c1 - c0) * 1000


def make_article(folder: Path, size: int) -> Path:
    path = folder / f"article-{size}.txt"
    path.write_text(prose.article(size, seed=size % 97), encoding="utf-8")
    return path


def make_claims(db: Path, article_path: Path, count: int) -> None:
    """count claims by three annotators on random spans, as the reader stores them (the
    bench's own ones through add(), so that they have an undo history; the rest merged)."""
    import uuid

    from eternaut_reader import Annotation, load_corpus, open_store
    from eternaut_reader.core.annotations.anchor import select
    from eternaut_reader.core.annotations.model import TAGS, now_iso

    articles = load_corpus([article_path]).articles
    article = articles[0]
    rng = random.Random(7)
    now = now_iso()
    made = []
    for n in range(count):
        on = articles[n % len(articles)]
        text = on.text
        start = rng.randrange(0, len(text) - 60)
        sel = select(text, start, start + rng.randrange(8, 60))
        made.append(
            Annotation(
                id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                article_id=on.id,
                quote=sel.quote,
                prefix=sel.prefix,
                suffix=sel.suffix,
                start=sel.start,
                end=sel.end,
                tag=rng.choice(TAGS),
                note="" if n % 5 else "Checked against the agency's release.",
                annotator=("alice", "bob", "carol")[n % 3],
                created=now,
                modified=now,
                content_hash=on.content_hash,
            )
        )
    with open_store(db, annotator="bench") as store:
        for first in range(0, len(made), 10_000):
            store.merge(made[first : first + 10_000])
        for start in range(0, 2000, 40):
            store.add(article, start, start + 30, tag=rng.choice(TAGS))
        store.flush()


async def run_bare(samples: int) -> dict:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Static

    class Bare(App[None]):
        BINDINGS = [Binding("j", "bump", "bump", id="bump")]

        def compose(self) -> ComposeResult:
            self.n = 0
            yield Static("0", id="n")

        def action_bump(self) -> None:
            self.n += 1
            self.query_one("#n", Static).update(str(self.n))

    app = timed(Bare)()
    out: dict[str, list] = {"j": []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(samples):
            cost = await press_to_frame(pilot, app, "j")
            if cost:
                out["j"].append(cost)
    return {"keys": out}


async def run_reader(case: str, samples: int, folder: Path) -> dict:
    from eternaut_reader import load_corpus
    from eternaut_reader.ui.app import ReaderApp
    from eternaut_reader.ui.widgets.pane import ArticlePane

    size = 5_000_000 if case.startswith("5MB") else 10_000
    if case.endswith("articles"):
        # The same 100,000 claims spread over 100 articles of 10 kB, all of them open.
        article = folder / "articles"
        article.mkdir()
        for n in range(100):
            text = prose.article(size, seed=1000 + n)
            (article / f"report-{n:03}.txt").write_text(text, encoding="utf-8")
    else:
        article = make_article(folder, size)
    db = folder / "db.json"
    claims = {"claims10k": 10_000}.get(case, 100_000 if case.startswith("claims100k") else 0)
    if claims:
        # In a process of its own, so that this one's peak RSS is the reader's alone.
        subprocess.run(
            [sys.executable, __file__, "--make-claims", str(db), str(article), str(claims)],
            check=True,
            timeout=1800,
        )
    start = time.perf_counter()
    app = timed(ReaderApp)(load_corpus([article]), db=db)
    out: dict[str, list] = {}
    info: dict[str, float] = {}

    def add(key: str, cost: tuple[float, float] | None) -> None:
        if cost is not None:
            out.setdefault(key, []).append(cost)

    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(ArticlePane)
        if case == "5MB-loading":
            while not app.clock.frames:
                await asyncio.sleep(0.001)
            info["first frame s"] = time.perf_counter() - start
            while not pane.ready and len(out.get("j/PgDn while loading", [])) < samples:
                add("j/PgDn while loading", await press_to_frame(pilot, app, "pagedown"))
                add("j/PgDn while loading", await press_to_frame(pilot, app, "j"))
            info["G works s"] = time.perf_counter() - start
            return {"keys": out, "info": info}
        while not pane.ready or app.editor is None:
            await asyncio.sleep(0.002)
        info["ready s"] = time.perf_counter() - start
        info["ready RSS MiB"] = peak_rss_mib()
        await pilot.pause()
        if claims:
            info["claims shown"] = len(app.editor.index(pane.article))
        for _ in range(samples):
            add("j", await press_to_frame(pilot, app, "j"))
        await press_to_frame(pilot, app, "g")
        for _ in range(samples):
            add("pagedown", await press_to_frame(pilot, app, "pagedown"))
        for _ in range(samples // 2):
            add("G", await press_to_frame(pilot, app, "G"))
            await press_to_frame(pilot, app, "g")
        words = ["generative", "Buenos", "million", "produzione"]
        typed = 0
        while typed < samples:
            await press_to_frame(pilot, app, "slash")
            for char in words[typed % len(words)]:
                add("search char", await press_to_frame(pilot, app, char))
                typed += 1
            await press_to_frame(pilot, app, "escape")
            await press_to_frame(pilot, app, "escape")
        await press_to_frame(pilot, app, "g")
        for i in range(samples):
            add("tag", await press_to_frame(pilot, app, "csx"[i % 3]))
            await press_to_frame(pilot, app, "j")
        # The claims panel: opening it, moving in it, and tagging in a pane while it is open
        # (it lists every claim, so each tag refills it).
        add("claims panel: t", await press_to_frame(pilot, app, "t", timeout=60))
        for _ in range(samples // 2):
            add("claims panel: j", await press_to_frame(pilot, app, "j"))
        await press_to_frame(pilot, app, "tab")
        for i in range(samples // 4):
            add("tag, panel open", await press_to_frame(pilot, app, "csx"[i % 3], timeout=60))
            await press_to_frame(pilot, app, "j")
        if app.editor is not None:
            app.editor.store.flush()
    return {"keys": out, "info": info}


def run_case(case: str, samples: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ETERNAUT_READER_CONFIG"] = str(Path(tmp) / "config.toml")
        if case == "bare":
            result = asyncio.run(run_bare(samples))
        else:
            result = asyncio.run(run_reader(case, samples, Path(tmp)))
    result["peak_rss_mib"] = peak_rss_mib()
    return result


def child(case: str, samples: int) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, __file__, "--child", case, "--samples", str(samples)],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )
    if out.returncode:
        raise SystemExit(f"{case} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", default=CASES, help=" ".join(CASES))
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--child")
    parser.add_argument("--make-claims", nargs=3, metavar=("DB", "ARTICLE", "COUNT"))
    args = parser.parse_args()
    if args.make_claims:
        db, article, count = args.make_claims
        make_claims(Path(db), Path(article), int(count))
        return
    if args.child:
        print(json.dumps(run_case(args.child, args.samples)))
        return
    print(f"Key press to next frame through Pilot, {SIZE[0]}x{SIZE[1]}, {args.samples} samples")
    print("wall p50 / p95 ms | UI-thread CPU p50 / p95 ms | target (p95)")
    for case in args.cases:
        result = child(case, args.samples)
        info = result.get("info", {})
        extra = "  ".join(
            f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in info.items()
        )
        print(f"\n[{case}] peak RSS {result['peak_rss_mib']:.0f} MiB  {extra}")
        for key, costs in result["keys"].items():
            walls = [c[0] for c in costs]
            cpus = [c[1] for c in costs]
            target = LOADING_TARGET_MS if "loading" in key else KEY_TARGET_MS.get(key)
            if key == "tag":
                verdict = "CPU" if pct(cpus, 0.5) <= (target or 0) else "CPU over"
            else:
                verdict = "ok" if target and pct(walls, 0.95) <= target else "over"
            aim = f"≤ {target} ms {verdict}" if target else ""
            print(
                f"  {key:<22} {statistics.median(walls):6.1f} / {pct(walls, 0.95):6.1f}"
                f"  | {statistics.median(cpus):6.1f} / {pct(cpus, 0.95):6.1f}   {aim}"
                f"  (n={len(costs)})"
            )


if __name__ == "__main__":
    main()
