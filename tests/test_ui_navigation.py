"""Keys that move through the text, between panes and between articles."""

from __future__ import annotations

from eternaut_reader import load_corpus
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.help import HelpScreen
from tests.screen import (
    focused_pane,
    pane_header,
    pane_status,
    panes,
    settle,
    view_text,
    widget_text,
)


def cursor_text(app) -> str:
    view = focused_pane(app)
    return view.article.sentences[view.cursor].text


async def test_j_k_and_arrows_move_by_sentence():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("j")
        assert cursor_text(app).startswith("A confermarlo è stato Ted Sarandos")
        assert pane_status(focused_pane(app)).startswith("2/12 ")
        await pilot.press("down", "down")
        assert cursor_text(app).startswith("Secondo quanto dichiarato")
        await pilot.press("k", "up")
        assert cursor_text(app).startswith("A confermarlo")
        await pilot.press("k", "k")
        assert pane_status(focused_pane(app)).startswith("1/12 ")


async def test_cursor_is_kept_in_view():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for _ in range(8):
            await pilot.press("j")
        await pilot.pause()
        view = focused_pane(app)
        marked = [line for line in view_text(view).splitlines() if line.startswith("▌")]
        assert marked, "the cursor sentence must be on screen"
        assert " ".join(m[2:].strip() for m in marked) in " ".join(cursor_text(app).split())


async def test_paragraph_keys_and_top_bottom():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab")  # the English report with many short paragraphs
        await pilot.press("right_curly_bracket")
        assert cursor_text(app) == "Highlights"
        await pilot.press("right_curly_bracket")
        assert cursor_text(app).startswith("- First Mainstream Use")
        await pilot.press("left_curly_bracket")
        assert cursor_text(app) == "Highlights"
        await pilot.press("G")
        assert cursor_text(app).startswith("While it’s still early")
        assert "While it’s still early" in view_text(focused_pane(app))
        await pilot.press("g")
        assert cursor_text(app).startswith("Netflix has confirmed")


async def test_page_down_and_up_move_a_screen():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = focused_pane(app)
        before = view_text(view)
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_y > 0 and view.cursor > 0
        assert view_text(view) != before
        assert any(line.startswith("▌") for line in view_text(view).splitlines())
        await pilot.press("pageup")
        await pilot.pause()
        assert view.scroll_y == 0 and view.cursor == 0


async def test_tab_and_shift_tab_change_pane():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        first, second = panes(app)
        await pilot.press("tab")
        assert focused_pane(app) is second
        await pilot.press("tab")
        assert focused_pane(app) is first
        await pilot.press("shift+tab")
        assert focused_pane(app) is second


async def test_brackets_change_the_article_and_remember_the_place():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        pane = focused_pane(app)
        await pilot.press("j", "j")
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        # Pane two already shows report 2, so report 3 comes next.
        assert "3/5" in pane_header(pane)
        assert "Pioneering Step into AI-Enhanced" in view_text(pane)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await settle(app, pilot)
        assert "1/5" in pane_header(pane)
        assert pane_status(pane).startswith("3/12 ")
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert "5/5" in pane_header(pane)


async def test_every_article_is_reachable_from_one_pane():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(app, pilot)
        seen = set()
        for _ in range(5):
            seen.add(focused_pane(app).article.id)
            await pilot.press("right_square_bracket")
            await settle(app, pilot)
        assert seen == {a.id for a in app.corpus.articles}


async def test_help_screen_lists_the_bindings_and_closes():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = widget_text(app.screen.query_one("#help-keys"))
        for words in (
            "Next sentence",
            "Next paragraph",
            "Next article",
            "Search",
            "Next match",
            "Quit",
            # Enter in the lists that go somewhere with it (an outside tester missed them).
            "Claims panel: go to the claim",
            "Matrix: go to the cell's passage",
        ):
            assert words in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_offers_every_action():
    from eternaut_reader.ui.keys import key_rows

    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        wanted = {r.description for r in key_rows() if r.target in {"pane", "screen"}}
        assert len(wanted) > 30
        assert wanted <= titles
        next_sentence = next(
            c for c in app.get_system_commands(app.screen) if c.title == "Next sentence"
        )
        next_sentence.callback()
        await pilot.pause()
        assert pane_status(focused_pane(app)).startswith("2/12 ")


async def test_q_quits():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_the_text_stays_put_when_the_alignment_arrives_after_a_page_move(monkeypatch):
    # The alignment arrives a moment after start-up; the claim bar may then take a second
    # line. The page the reader moved to must not jump under their eyes.
    from eternaut_reader.ui import app as app_module

    monkeypatch.setattr(app_module, "ALIGN_DELAY", 3.0)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        # Waits for the first screen, however busy the machine, well inside the delay.
        for _ in range(50):
            await pilot.pause(0.05)
            view = focused_pane(app)
            if view.ready:
                break
        assert view.ready and app.align_progress is not None and app.alignment is None
        await pilot.press("pagedown")
        await pilot.pause()
        shown = view_text(view).splitlines()[1:6]
        await settle(app, pilot)
        assert app.alignment is not None
        after = view_text(view).splitlines()
        # At most the one line the claim bar took, and the cursor still in sight.
        assert after[1:6] == shown or after[1:5] == shown[1:5]
        assert any(line.startswith("▌") for line in after)


async def test_a_reports_date_line_is_no_claim_the_cursor_stops_on(write_articles):
    """An outside tester moved onto the date line of a report of their own and tagged it."""
    from eternaut_reader import open_store

    folder = write_articles(
        {
            "report.txt": "Ferry strike closes the harbour\n\n2025-07-18\n\n"
            "A ferry strike closed the harbour on Monday. Talks resume on Friday.\n"
        }
    )
    app = ReaderApp(load_corpus([folder]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        pane = focused_pane(app)
        assert pane.article.date == "2025-07-18"  # still read as the report's date
        here = pane.reading.sentences
        assert pane_status(pane).startswith("1/3 ")
        await pilot.press("j")
        assert here[pane.cursor].text == "A ferry strike closed the harbour on Monday."
        await pilot.press("k")
        assert here[pane.cursor].text == "Ferry strike closes the harbour"
        # Tagging everything the cursor reaches leaves the date untagged.
        await pilot.press("c", "j", "c", "j", "c", "G", "k", "c")
        await pilot.pause()
        app.editor.store.flush()
    with open_store() as store:
        quotes = {a.quote for a in store.annotations()}
    assert "2025-07-18" not in quotes and len(quotes) == 3


async def test_the_seeds_date_lines_are_passed_by_too():
    corpus = load_corpus()
    app = ReaderApp(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        pane = focused_pane(app)
        app.screen.show_in_pane(pane, corpus.articles[4])  # "2025-07-28" under its headline
        await settle(app, pilot)
        await pilot.press("g", "j")
        assert pane.reading.sentences[pane.cursor].text.startswith("Netflix Uses Generative AI")
        assert ":" in pane.reading.sentences[pane.cursor].text  # the subtitle, not the title


def _as_the_terminal_sends(data: str):
    """The key events a terminal's bytes make (Textual's own parser, as the driver uses)."""
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    return [*parser.feed(data), *parser.feed("")]


async def test_escape_sent_together_with_a_key_is_both_keys():
    """tmux send-keys Escape j: the terminal sends ESC j, which reads as Alt+J, and both
    keys were lost (an outside tester). Esc closes the panel, then j moves."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        panel = app.screen.query_one("#same-fact-title").parent
        assert panel.display
        [key] = _as_the_terminal_sends("\x1bj")
        assert key.key == "alt+j"
        app.post_message(key)
        await pilot.pause()
        await pilot.pause()
        assert not panel.display
        assert pane_status(focused_pane(app)).startswith("2/12 ")
        # ESC m: the panel is closed already, so Esc has nothing to close and m opens the matrix.
        from eternaut_reader.ui.screens.matrix import MatrixScreen

        for key in _as_the_terminal_sends("\x1bm"):
            app.post_message(key)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)


async def test_help_scrolls_with_j_and_k_and_its_key_bar_shows_its_own_keys():
    """An outside tester: j/k did not scroll the help (PgDn did), and the key bar under it
    showed the reader's tag keys, which do nothing there."""
    from eternaut_reader.ui.screens.help import HelpScreen
    from eternaut_reader.ui.widgets.key_bar import KeyBar

    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        assert body.scroll_y == 0
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert body.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 2
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 2
        bars = list(app.screen.query(KeyBar))
        assert bars and bars[0].region.bottom == 24  # it covers the reader's bar
        keys = " ".join(widget_text(bars[0]).split())
        for hint in ("Esc Close help", "j Down", "k Up", "PgDn Page"):
            assert hint in keys, keys
        for tag in ("c ✓", "s ?", "x ✗", "Tab Pane"):
            assert tag not in keys, keys
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
