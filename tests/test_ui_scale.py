"""Many articles and claims in the reader (issue 13): the article picker, the search across
all articles, claims that arrive on disk while it runs, and quitting while a large article is
still being segmented."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import OptionList

from eternaut_reader import load_corpus, open_store
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.picker import PickerScreen
from eternaut_reader.ui.screens.search_all import SearchAllScreen
from tests.screen import focused_pane, settle, widget_text

OUTLETS = ["Wire", "Gazette", "Courier", "Herald", "Tribune", "Post"]


def many_articles(write_articles, count: int = 40) -> Path:
    files = {}
    for n in range(count):
        outlet = OUTLETS[n % len(OUTLETS)]
        body = f"Report number {n} from the {outlet}. The council met on Monday. "
        if n in (7, 23):
            body += "A ferry strike closed the harbour for a day. "
        files[f"report-{n:03}.txt"] = f"{outlet} report {n}: the harbour\n\n{body * 3}\n"
    return write_articles(files)


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press(char if char != " " else "space")


async def wait_for(pilot, condition, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await pilot.pause(0.05)


async def test_the_picker_opens_the_chosen_article_in_the_focused_pane(write_articles):
    corpus = load_corpus([many_articles(write_articles)])
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab")  # the second pane
        pane = focused_pane(app)
        await pilot.press("p")
        assert isinstance(app.screen, PickerScreen)
        await type_text(pilot, "tribune 34")
        await pilot.pause()
        listed = widget_text(app.screen.query_one("#picker-list", OptionList))
        assert "Tribune report 34: the harbour" in listed.splitlines()[1]  # the first row
        await pilot.press("enter")
        await pilot.pause()
        assert focused_pane(app) is pane
        assert pane.article.title == "Tribune report 34: the harbour"


async def test_the_picker_is_in_the_command_palette(write_articles):
    app = ReaderApp(load_corpus([many_articles(write_articles, 6)]))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Open an article: a fuzzy finder over titles, outlets and ids" in titles
        assert "Search all the articles" in titles


async def test_escape_closes_the_picker_and_changes_nothing(write_articles):
    app = ReaderApp(load_corpus([many_articles(write_articles, 6)]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        before = focused_pane(app).article
        await pilot.press("p")
        await type_text(pilot, "gazette")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PickerScreen)
        assert focused_pane(app).article is before


async def test_search_all_lists_matches_by_article_and_opens_one(write_articles):
    corpus = load_corpus([many_articles(write_articles)])
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchAllScreen)
        await type_text(pilot, "ferry strike")
        options = app.screen.query_one("#search-all-list", OptionList)
        # The list of the whole query, not of "ferry strik" (the same 8 rows, redrawn after).
        await wait_for(
            pilot, lambda: app.screen.query_text == "ferry strike" and options.option_count == 8
        )
        listed = widget_text(options)
        assert "Gazette report 7: the harbour" in listed  # a heading per article
        assert "Post report 23: the harbour" in listed
        assert listed.count("A ferry strike closed the harbour") == 6  # three in each
        assert "3 matches" in listed
        await pilot.press("down", "down", "down")  # past report 7's three: the first of 23
        await pilot.press("enter")
        await pilot.pause()
        pane = focused_pane(app)
        assert pane.article.title == "Post report 23: the harbour"
        start, end = pane.reading.search.current_span or (0, 0)
        assert pane.article.text[start:end] == "ferry strike"
        assert pane.reading.search.current == 0
        await settle(app, pilot)
        sentence = pane.article.sentences[pane.cursor].text
        assert "ferry strike" in sentence


async def test_search_all_names_each_report_by_its_place_and_title_not_its_id():
    """An outside tester saw '…Generative AI Leap…: 003_084280ef9a8343a0' in the list."""
    corpus = load_corpus()
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f")
        await type_text(pilot, "Netflix")
        options = app.screen.query_one("#search-all-list", OptionList)
        await wait_for(pilot, lambda: app.screen.query_text == "Netflix")
        listed = "\n".join(
            str(options.get_option_at_index(n).prompt) for n in range(options.option_count)
        )
        assert "1/5 [IT] Netflix usa l’IA" in widget_text(options)  # as drawn
        fourth = corpus.articles[3]
        assert f"4/5 [EN] {fourth.title[:40]}" in listed
        assert "5/5 [EN] Netflix Uses Generative AI in TV Show for First Time — Decrypt" in listed
        for article in corpus.articles:
            assert article.id not in listed


async def test_a_running_reader_shows_claims_that_arrive_on_disk(tmp_path: Path):
    db = tmp_path / "annotations.json"
    corpus = load_corpus()
    app = ReaderApp(corpus, db=db)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await wait_for(pilot, lambda: app.editor is not None)
        article = focused_pane(app).article
        with open_store(db, "bob") as bob:  # another program: a git pull, a synced folder
            theirs = bob.add(article, 0, 30, tag="contradicted")
        await wait_for(
            pilot,
            lambda: app.editor is not None and app.editor.index(article).get(theirs.id),
        )


async def test_quit_while_a_large_article_is_segmented_does_not_wait(write_articles, monkeypatch):
    from eternaut_reader.core.text import segment

    monkeypatch.setattr(segment, "FAST_ABOVE", 10**9)  # pySBD: seconds for this article
    sentence = "Mr. Smith said the U.S. budget rose 3.5% by 9 a.m., e.g. in the first quarter. "
    folder = write_articles({"long.txt": (sentence * 12 + "\n\n") * 800})
    corpus = load_corpus([folder])
    article = corpus.articles[0]
    app = ReaderApp(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not article.segmented
        await pilot.press("q")
    assert not article.segmented  # the segmenter stopped rather than finishing first


async def test_search_all_goes_to_the_pane_that_already_shows_the_article():
    """An outside tester's Ctrl+F opened, in the focused pane, an article another pane
    already showed: one article in two panes. The focus goes to that pane instead."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        before = [p.article.id for p in app.screen.panes]
        assert focused_pane(app) is app.screen.panes[0]
        await pilot.press("ctrl+f")
        await type_text(pilot, "tenfold")
        options = app.screen.query_one("#search-all-list", OptionList)
        await wait_for(pilot, lambda: app.screen.query_text == "tenfold" and options.option_count)
        await pilot.press("enter")
        await pilot.pause()
        assert [p.article.id for p in app.screen.panes] == before  # no pane changed article
        pane = focused_pane(app)
        assert pane.article.id.startswith("003")
        start, end = pane.reading.search.current_span or (0, 0)
        assert pane.article.text[start:end] == "tenfold"
