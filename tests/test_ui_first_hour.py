"""What a new user hit in the first hour: a span that starts anywhere, undo that shows what it
undid, the claims panel's keys."""

from __future__ import annotations

from eternaut_reader import load_corpus
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel
from tests.screen import focused_pane, pane_status, panes, settle, view_lines


async def test_o_lets_the_start_of_a_selection_move_too():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "v")  # the second sentence, from its start to its first word
        pane = focused_pane(app)
        text = pane.article.text
        start, end = pane.target_span()
        assert text[start:end] == "A"
        await pilot.press("w", "w")
        assert text[slice(*pane.target_span())] == "A confermarlo è"
        # The start moves now, from word start to word start: it skips two words and never
        # begins on the space before the next one.
        await pilot.press("o", "w", "w")
        assert text[slice(*pane.target_span())] == "è"
        await pilot.press("o", "l", "l")  # and the end again
        assert text[slice(*pane.target_span())] == "è s"
        assert "other end" in pane_status(pane)
        await pilot.press("x")
        [ann] = app.editor.store.annotations()
        assert (ann.quote, ann.tag) == ("è s", "contradicted")


async def test_a_selection_starts_on_the_search_match():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Sarandos", "enter", "v", "s")
        [ann] = app.editor.store.annotations()
        assert (ann.quote, ann.tag) == ("Sarandos", "speculative")


async def test_undo_in_an_article_not_on_screen_brings_it_into_view():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")  # article 1 of 5, in the left pane
        tagged = focused_pane(app).article.id
        await pilot.press("right_square_bracket", "right_square_bracket")  # article 1 leaves
        await settle(app, pilot)
        assert all(p.article.id != tagged for p in panes(app))
        await pilot.press("u")
        await settle(app, pilot)
        assert any(p.article.id == tagged for p in panes(app))
        assert app.editor.store.annotations() == []


async def test_claims_panel_j_and_k_move_and_an_empty_filter_says_so():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "j", "s", "t")
        await pilot.pause()
        panel = app.screen.query_one(ClaimsPanel)
        table = panel.query_one("ClaimsTable")
        assert table.cursor_row == 0
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("k")
        assert table.cursor_row == 0
        await pilot.press("x")  # only contradicted: there are none
        await pilot.pause()
        summary = str(panel.query_one("#claims-filter").render())
        assert summary.startswith("No claims match (only ✗ contradicted, every article)")


async def test_the_cursor_stays_in_sight_when_a_panel_makes_the_pane_shorter():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j")
        pane = panes(app)[0]
        assert any(line.startswith("▌") for line in view_lines(pane))
        await pilot.press("a")  # the same-fact panel takes the lower part of the screen
        await pilot.pause(0.3)
        assert any(line.startswith("▌") for line in view_lines(pane))  # the cursor's mark


async def test_a_scroll_to_keep_the_cursor_in_sight_repaints_the_whole_pane():
    """A panel opening below scrolls the pane to keep the cursor in sight. The scroll used
    to be set without a repaint: the terminal kept the old lines, and the next partial
    redraw (a tag) mixed old and new ones (found by an outside tester in tmux; reading the
    lines afresh, as Pilot does, hid it). A full refresh must follow every such scroll."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("g", "j", "j", "j")
        await pilot.pause()
        pane = panes(app)[0]
        before = pane.scroll_y
        full: list[float] = []
        original = pane.refresh

        def refresh(*regions, **kwargs):
            if not regions:
                full.append(pane.scroll_y)
            return original(*regions, **kwargs)

        pane.refresh = refresh  # type: ignore[method-assign]
        await pilot.press("a")
        await pilot.pause(0.3)
        assert pane.scroll_y != before
        assert pane.scroll_y in full  # repainted at the scroll it ended at
