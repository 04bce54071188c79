"""Article text and file names are data: never markup, never actions, never terminal codes."""

from __future__ import annotations

from eternaut_reader import load_corpus
from eternaut_reader.ui.app import ReaderApp
from tests.screen import focused_pane, pane_header, settle, view_lines, view_text

HOSTILE = (
    "[bold]Not bold[/] and [@click=app.quit]click me[/] and [red]red[/red].\n"
    "Escape: \x1b[2J\x1b[31mred\x1b[0m and a title change \x1b]0;pwned\x07 done.\n"
)


async def test_markup_actions_and_escapes_show_as_inert_text(write_articles):
    folder = write_articles({"hostile[red].txt": HOSTILE})
    app = ReaderApp(load_corpus([folder]))
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app, pilot)
        pane = focused_pane(app)
        text = view_text(pane)
        assert "[bold]Not bold[/]" in text
        assert "[@click=app.quit]click me[/]" in text
        assert "␛[2J␛[31mred␛[0m" in text
        assert "␛]0;pwned␇" in text
        assert "\x1b" not in "".join(view_lines(pane))
        assert "[bold]Not bold[/]" in pane_header(pane)
        segments = [seg for y in range(3) for seg in pane.render_line(y)]
        assert not any(seg.style and seg.style.meta.get("@click") for seg in segments)
        # Clicking the would-be link only moves the cursor; the app keeps running.
        await pilot.click(pane, offset=(30, 0))
        await pilot.pause()
        assert app.is_running
