"""Regenerate the README screenshots from the app itself: python scripts/screenshots.py"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from eternaut_reader import load_corpus
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.widgets.pane import ArticlePane

OUT = Path(__file__).resolve().parents[1] / "screenshots"

# Claims in all three tags, a nested one, a note and a link, made with the keys.
TAGGING = [
    "c",
    "v",
    "w",
    "x",
    "j",
    "s",
    "j",
    "j",
    "x",  # pane 1: the Italian report
    "tab",
    "j",
    "c",
    "n",
    *"Same building-collapse scene",
    "ctrl+s",  # pane 2
    "L",
    "enter",
    "G",
    "x",
]

# The third report says the series "premiered recently": tag it, see the same fact elsewhere.
SAME_FACT = ["tab", "tab", "slash", *"premiered recently", "enter", "x", "a"]
MATRIX = [*TAGGING, *SAME_FACT, "minus", "escape", "m"]
# The claim view of that claim, with a summary, a review and a piece of evidence written in it.
RECORD = [
    "s",
    *"The series had not premiered yet",
    "tab",
    *"Decrypt says upcoming on 28 July; the third report says premiered.",
    "ctrl+s",
    "a",
    *"https://decrypt.co/eternaut",
    "tab",
    *"Decrypt, 28 July",
    "tab",
    *"its upcoming series",
    "ctrl+s",
]
# "premiered" (report 3) linked as contradicted by "upcoming" (report 5), then the claim view.
CLAIM_VIEW = [*SAME_FACT, "minus", "escape", "r", *RECORD]
# At 80×24 one pane: the first sentence, linked to the passage the same-fact panel lists first.
CLAIM_VIEW_80 = ["c", "a", "plus", "escape", "r", *RECORD]

# name, size, theme, keys pressed before the shot
SHOTS: list[tuple[str, tuple[int, int], str | None, list[str]]] = [
    ("reader-80x24", (80, 24), None, ["j"]),
    ("reader-wide", (220, 50), None, [*TAGGING, "tab", "j", "j", "s", "tab", "j"]),
    ("tagged-80x24", (80, 24), None, TAGGING),
    ("tagged-light", (120, 34), "textual-light", TAGGING),
    ("claims-panel", (120, 34), None, [*TAGGING, "t"]),
    ("search-light", (120, 32), "textual-light", ["slash", *"sarandos", "enter", "n"]),
    ("help", (100, 40), None, ["question_mark"]),
    ("same-fact", (160, 40), None, SAME_FACT),
    ("same-fact-80x24", (80, 24), None, SAME_FACT),
    ("matrix", (160, 40), None, MATRIX),
    ("matrix-80x24", (80, 24), None, MATRIX),
    ("claim-view", (160, 45), None, CLAIM_VIEW),
    ("claim-view-80x24", (80, 24), "textual-light", CLAIM_VIEW_80),
]


# The alignment is computed afresh, without the embeddings extra, as a default install makes
# it: a cached result in the user's cache may come from another version of the method.
os.environ["ETERNAUT_READER_CACHE"] = tempfile.mkdtemp(prefix="eternaut-shot-cache-")
os.environ["ETERNAUT_READER_EMBEDDINGS"] = "0"


async def shoot(name: str, size: tuple[int, int], theme: str | None, keys: list[str]) -> Path:
    # A fresh database per shot: the shots never touch the user's annotations.
    db = Path(tempfile.mkdtemp(prefix="eternaut-shot-")) / "annotations.json"
    app = ReaderApp(load_corpus(), theme=theme, db=db)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        while (
            app.editor is None
            or app.alignment is None
            or not all(v.ready for v in app.screen.query(ArticlePane))
        ):
            await pilot.pause(0.05)
        await pilot.press(*keys)
        app.editor.store.flush()
        await pilot.pause(0.3)
        app.clear_notifications()  # the shot shows the screen, not the last toast
        await pilot.pause()
        path = app.save_screenshot(f"{name}.svg", str(OUT))
    return Path(path)


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    for shot in SHOTS:
        print(await shoot(*shot))


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
