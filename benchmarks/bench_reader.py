"""Reader benchmark: start-up against a bare Textual app, a 5 MB article, and key costs.

Run: python benchmarks/bench_reader.py   (prints figures; targets are in the README)
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "_startup_child.py"
RUNS = 7


# As on a user's machine, where bytecode is cached: some sandboxes set PYTHONDONTWRITEBYTECODE,
# and then every start compiles the sources again.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def startup(mode: str, *paths: str) -> float:
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, str(CHILD), mode, repr(t0), *paths],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=CHILD_ENV,
    ).stdout
    return float(out.strip().splitlines()[-1])


def median_startup(mode: str, *paths: str, runs: int = RUNS) -> float:
    startup(mode, *paths)  # warm the file cache and .pyc files
    return statistics.median(startup(mode, *paths) for _ in range(runs))


def make_big_article(folder: Path, size: int = 5_000_000) -> Path:
    from eternaut_reader import load_corpus

    seeds = "\n\n".join(a.text for a in load_corpus().articles if a.language == "en")
    text = (seeds + "\n\n") * (size // len(seeds) + 1)
    path = folder / "big.txt"
    path.write_text(text[:size], encoding="utf-8")
    return path


async def key_costs(paths: list[str], size: tuple[int, int], samples: int = 300) -> dict:
    """CPU time of a key's action plus rendering every visible line, as one frame would."""
    from eternaut_reader import load_corpus
    from eternaut_reader.ui.app import ReaderApp
    from eternaut_reader.ui.widgets.pane import ArticlePane

    app = ReaderApp(load_corpus(paths or None))
    results: dict[str, list[float]] = {
        "next sentence (j)": [],
        "page down (PgDn)": [],
        "page up (PgUp)": [],
    }
    async with app.run_test(size=size) as pilot:
        view = app.screen.query_one(ArticlePane)
        while not view.ready:
            await pilot.pause(0.1)
        await pilot.pause()
        height = view.scrollable_content_region.height

        def frame(action) -> float:
            start = time.process_time()  # CPU time, so waiting on other processes is not counted
            action()
            for y in range(height):
                view.render_line(y)
            return (time.process_time() - start) * 1000

        for _ in range(samples):
            results["next sentence (j)"].append(frame(view.action_next_sentence))
        for _ in range(samples // 3):
            results["page down (PgDn)"].append(frame(view.action_page_down))
        for _ in range(samples // 3):
            results["page up (PgUp)"].append(frame(view.action_page_up))
        lines = len(view._index) if view._index else 0
    return {"lines": lines, **{k: _summary(v) for k, v in results.items()}}


def _summary(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95)], ordered[-1]


def main() -> None:
    print(f"eternaut-reader benchmark (median of {RUNS} runs where timed in processes)\n")
    bare = median_startup("bare")
    shown = median_startup("reader")
    ready = median_startup("ready")
    print("Start-up to first screen, 160x45 headless")
    print(f"  bare Textual app                 {bare * 1000:7.0f} ms")
    print(
        f"  eternaut-reader, seeds shown     {shown * 1000:7.0f} ms   "
        f"ratio {shown / bare:.2f}x (target < 1.5x)"
    )
    print(f"  eternaut-reader, seeds segmented {ready * 1000:7.0f} ms   ratio {ready / bare:.2f}x")

    with tempfile.TemporaryDirectory() as tmp:
        big = make_big_article(Path(tmp))
        mb = big.stat().st_size / 1_000_000
        first = median_startup("reader", str(big), runs=3)
        print(f"\n{mb:.1f} MB plain-text article")
        print(f"  process start to first screen    {first * 1000:7.0f} ms   (target < 1500 ms)")
        segmented = median_startup("ready", str(big), runs=1)
        print(
            f"  ... every sentence segmented     {segmented:7.1f} s    "
            "(in a worker; the pane shows 'loading… N%' meanwhile)"
        )
        big_costs = asyncio.run(key_costs([str(big)], (160, 45)))
    small_costs = asyncio.run(key_costs([], (160, 45)))

    print(
        "\nCPU per key: action plus rendering every visible line; median / p95 / worst;"
        " target < 16 ms"
    )
    for label, costs in (("seed article", small_costs), (f"{mb:.0f} MB article", big_costs)):
        print(f"  {label} ({costs['lines']} wrapped lines)")
        for key in ("next sentence (j)", "page down (PgDn)", "page up (PgUp)"):
            med, p95, worst = costs[key]
            print(f"    {key:<20} {med:6.2f} / {p95:6.2f} / {worst:6.2f} ms")


if __name__ == "__main__":
    main()
