"""Start-up and quit, each in a process of its own, against a bare Textual app.

    python benchmarks/bench_reader.py [--runs 5]

- first frame with 5 and with 200 articles (generated prose, about 8 kB each), interleaved
  with a bare Textual app run by run, so that the ratios hold on a busy machine;
  target: 200 articles ≤ 1.5× the first frame of 5 (goal 1.2×);
- a 5 MB article of generated prose (abbreviations, decimals, quotes, lists, Italian):
  first screen (target < 1 s, goal 0.5 s) and fully navigable, `G` and a tag working
  (target < 5 s, goal 2 s);
- quit while that article is loading: from `q` to the end of the process (target < 1 s);
- peak RSS of every case.
Tests never assert times; only this script prints them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "_startup_child.py"
sys.path.insert(0, str(HERE))

import prose  # noqa: E402

# As on a user's machine, where bytecode is cached: some sandboxes set PYTHONDONTWRITEBYTECODE.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(mode: str, *paths: str) -> tuple[float, float]:
    """(seconds, peak RSS MiB) of one child; for "quit", seconds from `q` to the exit."""
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, str(CHILD), mode, repr(t0), *paths],
        capture_output=True,
        text=True,
        timeout=300,
        env=CHILD_ENV,
        check=False,
    )
    end = time.time()
    if out.returncode:
        raise SystemExit(out.stderr[-2000:])
    value, rss = (float(x) for x in out.stdout.strip().splitlines()[-1].split())
    return (end - value if mode == "quit" else value), rss


def folder_of(root: Path, count: int) -> list[str]:
    folder = root / f"articles-{count}"
    folder.mkdir()
    for i in range(count):
        (folder / f"report-{i:03}.txt").write_text(prose.article(8_000, seed=i), encoding="utf-8")
    return [str(folder)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        five, many = folder_of(root, 5), folder_of(root, 200)
        big = root / "big.txt"
        big.write_text(prose.article(5_000_000, seed=5), encoding="utf-8")
        for warm in (("bare",), ("reader", *five), ("reader", *many)):
            run(*warm)  # file cache and .pyc files
        times: dict[str, list[float]] = {"bare": [], "5": [], "200": []}
        rss: dict[str, float] = {}
        for _ in range(args.runs):
            for key, call in (
                ("bare", ("bare",)),
                ("5", ("reader", *five)),
                ("200", ("reader", *many)),
            ):
                seconds, peak = run(*call)
                times[key].append(seconds)
                rss[key] = max(rss.get(key, 0), peak)
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"First frame, 160x45 headless, median of {args.runs} interleaved runs")
        print(
            f"  bare Textual app       {med['bare'] * 1000:6.0f} ms   "
            f"peak RSS {rss['bare']:4.0f} MiB"
        )
        print(
            f"  5 articles             {med['5'] * 1000:6.0f} ms   peak RSS {rss['5']:4.0f} MiB   "
            f"{med['5'] / med['bare']:.2f}x bare"
        )
        ratio = med["200"] / med["5"]
        print(
            f"  200 articles           {med['200'] * 1000:6.0f} ms   "
            f"peak RSS {rss['200']:4.0f} MiB   "
            f"{ratio:.2f}x of 5 (target ≤ 1.5x, goal 1.2x): {'ok' if ratio <= 1.5 else 'over'}"
        )

        mb = big.stat().st_size / 1e6
        shown = [run("reader", str(big)) for _ in range(3)]
        ready = [run("ready", str(big)) for _ in range(3)]
        quits = [run("quit", str(big)) for _ in range(3)]
        s, r = statistics.median(x[0] for x in shown), max(x[1] for x in shown)
        print(f"\n{mb:.1f} MB article of generated prose (median of 3)")
        print(
            f"  first screen           {s:6.2f} s    peak RSS {r:4.0f} MiB   "
            f"target < 1 s (goal 0.5): {'ok' if s < 1 else 'over'}"
        )
        s, r = statistics.median(x[0] for x in ready), max(x[1] for x in ready)
        print(
            f"  fully navigable (G)    {s:6.2f} s    peak RSS {r:4.0f} MiB   "
            f"target < 5 s (goal 2): {'ok' if s < 5 else 'over'}"
        )
        s, r = max(x[0] for x in quits), max(x[1] for x in quits)
        print(
            f"  quit while loading     {s:6.2f} s    peak RSS {r:4.0f} MiB   "
            f"(worst of 3) target < 1 s: {'ok' if s < 1 else 'over'}"
        )


if __name__ == "__main__":
    main()
