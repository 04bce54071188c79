"""Regenerate the README screenshots from the app itself: python scripts/screenshots.py"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from eternaut_reader import load_corpus
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.widgets.article_view import ArticleView

OUT = Path(__file__).resolve().parents[1] / "screenshots"

# name, size, theme, keys pressed before the shot
SHOTS: list[tuple[str, tuple[int, int], str | None, list[str]]] = [
    ("reader-80x24", (80, 24), None, ["j"]),
    ("reader-wide", (220, 50), None, ["j", "j", "tab", "right_curly_bracket", "tab", "j"]),
    ("search-light", (120, 32), "textual-light", ["slash", *"sarandos", "enter", "n"]),
    ("help", (100, 40), None, ["question_mark"]),
]


async def shoot(name: str, size: tuple[int, int], theme: str | None, keys: list[str]) -> Path:
    app = ReaderApp(load_corpus(), theme=theme)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        while not all(v.ready for v in app.screen.query(ArticleView)):
            await pilot.pause(0.05)
        await pilot.press(*keys)
        await pilot.pause(0.2)
        path = app.save_screenshot(f"{name}.svg", str(OUT))
    return Path(path)


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    for shot in SHOTS:
        print(await shoot(*shot))


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
