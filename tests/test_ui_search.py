"""`/` searches the article in the focused pane; `n` and `N` step through the matches."""

from __future__ import annotations

from eternaut_reader import load_corpus
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.widgets.pane import HEADER_ROWS
from tests.screen import focused_pane, pane_status, settle, view_text


async def search(pilot, query: str, submit: str = "enter") -> None:
    await pilot.press("slash")
    for char in query:
        await pilot.press(char if char != " " else "space")
    await pilot.press(submit)
    await pilot.pause()


async def test_search_highlights_matches_and_moves_the_cursor():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(pilot, "sarandos")
        pane = focused_pane(app)
        view = pane
        assert len(view.reading.search.matches) == 3
        assert "/sarandos 1/3" in pane_status(pane)
        sentence = view.article.sentences[view.cursor].text
        assert "Sarandos" in sentence
        assert app.screen.focused is view  # Enter returns to the article
        await pilot.press("n")
        assert "/sarandos 2/3" in pane_status(pane)
        await pilot.press("n", "n")
        assert "/sarandos 1/3" in pane_status(pane)  # wraps around
        await pilot.press("N")
        assert "/sarandos 3/3" in pane_status(pane)
        assert "Sarandos" in view.article.sentences[view.cursor].text


async def test_search_matches_are_styled_on_screen():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(pilot, "netflix")
        view = focused_pane(app)
        start, _end = view.reading.search.matches[view.reading.search.current]
        row = HEADER_ROWS + view._index.line_of(start) - int(view.scroll_y)
        strip = view.render_line(row)
        styled = [seg for seg in strip if seg.text.lower() == "netflix"]
        assert styled and styled[0].style.underline


async def test_search_without_matches_says_so():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(pilot, "zzzz")
        assert pane_status(focused_pane(app)) == "1/12 ¶1 · /zzzz no matches"
        assert any("No matches for 'zzzz'" in n.message for n in app._notifications)


async def test_escape_cancels_and_restores_the_previous_search():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(pilot, "netflix")
        await search(pilot, "xyz", submit="escape")
        view = focused_pane(app)
        assert view.reading.search.query == "netflix"
        assert pane_status(focused_pane(app)).endswith("/netflix 1/7")
        assert view.prompt is None
        assert app.screen.focused is view


async def test_n_without_a_search_is_the_note_key():
    from eternaut_reader.ui.screens.note import NoteScreen

    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert "Nel panorama" in view_text(focused_pane(app))


async def test_typed_apostrophe_finds_typographic_one():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(pilot, "l'ia")
        assert len(focused_pane(app).reading.search.matches) >= 3


async def test_the_prompt_shows_in_the_status_line_and_edits():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "s", "a", "r", "x")
        pane = focused_pane(app)
        assert pane_status(pane).startswith("/sarx▏  0 found")
        await pilot.press("backspace")
        assert pane_status(pane).startswith("/sar▏  8 found")
        await pilot.press("j", "k")  # typed into the prompt, not moving the cursor
        assert pane.prompt == "sarjk"
        await pilot.press("ctrl+u", *"netflix", "enter")
        assert pane.prompt is None and pane_status(pane).endswith("/netflix 1/7")


async def test_keys_typed_fast_after_slash_all_reach_the_prompt():
    """Keys arriving in one burst (a fast typist, a paste) keep their order."""
    from textual import events

    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for key, char in [
            ("slash", "/"),
            *[(c, c) for c in "sarandos"],
            ("enter", "\r"),
            ("n", "n"),
        ]:
            app.post_message(events.Key(key, char))
        await pilot.pause(0.3)
        assert pane_status(focused_pane(app)).endswith("/sarandos 2/3")
