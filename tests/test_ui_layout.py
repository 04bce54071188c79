"""What the user sees when the reader opens: panes, headers, focus."""

from __future__ import annotations

import pytest

from eternaut_reader import load_corpus
from eternaut_reader.ui.app import ReaderApp
from tests.screen import focused_pane, pane_header, pane_status, panes, settle, view_text


@pytest.mark.parametrize(("size", "expected"), [((80, 24), 2), ((220, 50), 5), ((60, 20), 1)])
async def test_as_many_panes_as_fit_at_40_columns(size, expected):
    app = ReaderApp(load_corpus())
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        shown = panes(app)
        assert len(shown) == expected
        assert all(p.region.width >= 40 or expected == 1 for p in shown)
        titles = [pane_header(p).splitlines()[0] for p in shown]
        assert len(set(titles)) == expected


async def test_header_shows_title_outlet_and_language():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(220, 50)) as pilot:
        await settle(app, pilot)
        headers = [pane_header(p) for p in panes(app)]
        assert headers[0].startswith("Netflix usa l’IA")
        assert headers[0].splitlines()[1] == "1/5 ✓0 ?0 ✗0 · IT"  # nothing said of the unknown
        assert headers[4].splitlines()[0].endswith(" · Decrypt")  # the outlet beside the title
        assert headers[4].splitlines()[1] == "5/5 ✓0 ?0 ✗0 · EN · 2025-07-28"


async def test_first_pane_has_focus_and_shows_text_and_cursor():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        pane = focused_pane(app)
        assert pane is panes(app)[0]
        assert pane.has_pseudo_class("focus-within")
        text = view_text(pane)
        assert "Nel panorama in continua" in text
        assert text.startswith("▌")  # the cursor sentence is marked in the gutter
        assert pane_status(pane).startswith("1/12 ")


async def test_resizing_adds_and_removes_panes():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.resize_terminal(220, 50)
        await settle(app, pilot)
        assert len(panes(app)) == 5
        await pilot.press("tab", "tab", "tab", "tab")
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        assert len(panes(app)) == 2
        assert focused_pane(app) in panes(app)


async def test_wrapping_follows_the_pane_width():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = panes(app)[0]
        width = view.scrollable_content_region.width
        assert all(len(line.rstrip()) <= width for line in view_text(view).splitlines())


async def test_notifications_never_cover_the_status_lines_or_the_save_state():
    from textual.widgets._toast import Toast

    from eternaut_reader.ui.widgets.claim_bar import ClaimBar
    from eternaut_reader.ui.widgets.pane import HEADER_ROWS

    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        app.notify("A long notification that takes a few lines " * 3, timeout=30)
        app.notify("and another one", timeout=30)
        await pilot.pause(0.3)
        toasts = [t.region for t in app.screen.query(Toast)]
        assert toasts
        bar = app.screen.query_one(ClaimBar).region
        for pane in panes(app):
            status_y = pane.region.y + 1 + HEADER_ROWS + pane.text_height  # below the border
            for toast in toasts:
                assert not toast.overlaps(bar)
                assert not (toast.y <= status_y < toast.bottom and toast.overlaps(pane.region))


async def test_a_pane_added_by_a_wider_terminal_shows_an_article_not_shown_yet():
    """The second pane moved on to report 3; widening must not add a third pane showing
    report 3 again while report 2 is shown nowhere (found by an outside tester)."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "]")
        await settle(app, pilot)
        assert [pane_header(p).splitlines()[1][:3] for p in panes(app)] == ["1/5", "3/5"]
        await pilot.resize_terminal(220, 50)
        await settle(app, pilot)
        places = sorted(pane_header(p).splitlines()[1][:3] for p in panes(app))
        assert places == ["1/5", "2/5", "3/5", "4/5", "5/5"]


async def test_the_pane_order_survives_a_restart_at_a_wider_terminal():
    """An outside tester arranged the panes at 80 columns and restarted at 220: the hidden
    panes came back in the corpus's order, not in the order a wider terminal had shown them
    before the restart."""
    corpus = load_corpus()
    ids = [a.id for a in corpus.articles]
    app = ReaderApp(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("left_square_bracket")  # pane 1 takes report 5; report 1 hides
        await pilot.pause()
        app.screen.save_session()
        saved = app.screen.session_file.read_bytes()
        # Widened now, the panes read 5 2 3 4 1: report 1 where report 5 was.
        await pilot.resize_terminal(220, 50)
        await settle(app, pilot)
        assert [p.article.id for p in panes(app)] == [ids[4], ids[1], ids[2], ids[3], ids[0]]
        session_file = app.screen.session_file
    session_file.write_bytes(saved)  # the session as it was left at 80 columns
    restarted = ReaderApp(load_corpus())
    async with restarted.run_test(size=(220, 50)) as pilot:
        await settle(restarted, pilot)
        assert [p.article.id for p in panes(restarted)] == [ids[4], ids[1], ids[2], ids[3], ids[0]]
