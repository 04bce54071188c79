"""The HTML fact-check report of the seeds, and its screenshot in a headless browser.

    python scripts/report_screenshot.py   # screenshots/report-html.png, report.html, report.md

Tags, links and a claim record are made through the store API in a temporary data folder (the
user's annotations are never touched), the report is written by the `report` command itself,
and Chromium (apt install chromium) renders it. Not part of the test run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"

RECORD = {
    "summary": "Netflix’s AI-powered ad formats launch in the second half of 2025",
    "review": (
        "Two reports date the launch to the second half of 2025, as Netflix said on its Q2 "
        "earnings call; a third says “by 2026”, citing a trade magazine. The call is the "
        "primary source: the launch date stands, the later date is a misreading."
    ),
}
EVIDENCE = [
    (
        "https://ir.netflix.net/financials/quarterly-earnings/default.aspx",
        "Netflix Q2 2025 earnings interview",
        "we expect interactive ad formats in the second half of this year",
        "Primary source: the company's own call.",
    ),
]


def demo(db: Path) -> None:
    """Claims of every verdict on the seeds, linked across reports, with a claim record."""
    from eternaut_reader import load_corpus, open_store
    from eternaut_reader.core.annotations.model import Evidence

    corpus = load_corpus()
    a = corpus.articles

    def at(n: int, phrase: str) -> tuple[int, int]:
        start = a[n].text.index(phrase)
        return start, start + len(phrase)

    with open_store(db, "Ana Ruiz") as store:
        # Mixed: the launch date of AI ad formats.
        ads = store.add(
            a[1],
            *at(
                1,
                "And interactive advertising, with AI-powered ad formats"
                " expected to launch in the second half of 2025.",
            ),
            "confirmed",
        )
        ads_it = store.add(a[0], *at(0, "entro la seconda metà dell’anno"), "confirmed")
        ads_late = store.add(
            a[2],
            *at(2, "Netflix plans to introduce AI-driven interactive ads by 2026"),
            "contradicted",
            note="Attributed to a trade magazine, not to Netflix.",
        )
        store.link(ads.id, ads_it.id, "supports")
        store.link(ads.id, ads_late.id, "contradicts")
        store.update(
            ads.id,
            evidence=[Evidence(*item) for item in EVIDENCE],
            **RECORD,
        )
        # Contradicted: "upcoming" when the series had premiered in April.
        upcoming = store.add(
            a[4],
            *at(
                4,
                "Netflix has announced the use of generative AI in its"
                " upcoming series “The Eternaut”",
            ),
            "contradicted",
            note="The series premiered on 30 April 2025, months before.",
        )
        store.update(upcoming.id, summary="The Eternaut was still upcoming in July 2025")
        # Confirmed in three reports: ten times faster.
        faster = store.add(
            a[2], *at(2, "complete the visual effects sequence 10 times faster"), "confirmed"
        )
        for n, phrase in (
            (1, "completed up to ten times faster"),
            (0, "dieci volte più velocemente"),
        ):
            other = store.add(a[n], *at(n, phrase), "confirmed")
            store.link(faster.id, other.id, "supports")
        store.update(faster.id, summary="The VFX sequence was finished ten times faster")
        # Speculative: a hedge, in one report only.
        store.add(
            a[2], *at(2, "this approach could set a precedent for cost management"), "speculative"
        )
        # Open: highlighted, not judged yet.
        store.add(
            a[1],
            *at(
                1,
                "the AI-assisted workflow made scenes viable that might otherwise"
                " have been cut due to budget constraints",
            ),
            None,
        )


def main() -> int:
    browser = next(
        (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
    )
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        os.environ["ETERNAUT_READER_DB"] = str(data / "annotations.json")
        os.environ["ETERNAUT_READER_CONFIG"] = str(data / "config.toml")
        os.environ.setdefault("ETERNAUT_READER_CACHE", str(data / "cache"))
        demo(data / "annotations.json")
        from eternaut_reader.cli import main as cli

        page, markdown = OUT / "report.html", OUT / "report.md"
        title = ["--title", "El Eternauta and generative AI: a fact-check"]
        if cli(["report", "-o", str(page), *title]) or cli(["report", "-o", str(markdown), *title]):
            return 1
        if browser is None:
            print("no chromium: wrote the report, but no screenshot", file=sys.stderr)
            return 1
        shot = OUT / "report-html.png"
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--screenshot={shot}",
                "--window-size=1000,1800",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "HOME": tmp},
        )
        print(f"wrote {shot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
