"""Keys that arrive in one burst (tmux send-keys, a macro, a paste without bracketed paste):
a Tab among them moves to the next field before the keys after it are handed on."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from eternaut_reader import load_corpus, open_store
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.claim_record import EvidenceScreen
from eternaut_reader.ui.screens.note import NoteScreen
from tests.screen import settle


async def _until(pilot, done, rounds: int = 50) -> None:
    """Pauses until done() holds, a bounded number of them: two pauses left the burst half
    handled on a loaded machine (a full parallel run); the assertions after say what is
    wrong if it never holds."""
    for _ in range(rounds):
        await pilot.pause()
        if done():
            return


def _burst(app, text: str) -> None:
    """Every key posted at once, none waited for: what a terminal delivers in one read."""
    for char in text:
        key = {"\t": "tab"}.get(char, char)
        app.post_message(events.Key(key, char))


async def test_a_tab_in_a_burst_moves_to_the_next_field_of_the_note_dialog():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        _burst(app, "Two outlets\tNetflix used AI")
        await _until(
            pilot, lambda: app.screen.query_one("#note-summary", Input).value == "Netflix used AI"
        )
        assert app.screen.query_one(TextArea).text == "Two outlets"
        assert app.screen.query_one("#note-summary", Input).value == "Netflix used AI"


async def test_a_tab_in_a_burst_moves_to_the_next_field_of_the_evidence_form(monkeypatch):
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", "tester")
    corpus = load_corpus()
    with open_store(annotator="tester") as store:
        first = corpus.articles[0].segment()[0]
        store.add(corpus.articles[0], first.start, first.end, "confirmed")
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)
        _burst(app, "https://example.org/a\tQ2 letter\tthe quote")
        await _until(
            pilot, lambda: [f.value for f in app.screen.query(Input)][2:3] == ["the quote"]
        )
        values = [field.value for field in app.screen.query(Input)]
        assert values[:3] == ["https://example.org/a", "Q2 letter", "the quote"]


async def test_keys_in_one_burst_across_a_dialog_go_where_they_were_typed_for():
    # Tag, open the note, type it, save, move down, tag the next sentence contradicted: all
    # at once. Without ordering, the note's letters went to the pane as commands and Ctrl+S
    # saved an empty note before they arrived.
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for key, char in [
            ("c", "c"),
            ("enter", "\r"),
            *((ch if ch != " " else "space", ch) for ch in "hello there"),
            ("ctrl+s", None),
            ("j", "j"),
            ("x", "x"),
        ]:
            app.post_message(events.Key(key, char))
        for _ in range(20):
            await pilot.pause(0.02)
    with open_store() as store:
        claims = store.annotations()
    assert sorted((a.tag, a.note) for a in claims) == [
        ("confirmed", "hello there"),
        ("contradicted", ""),
    ]


async def test_a_long_burst_through_the_note_the_claim_view_and_the_evidence_form(monkeypatch):
    # Tag, note with a summary, open the claim view, add evidence, save: one burst. A long
    # burst must not be let through all at once once its first key has waited long enough.
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", "tester")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        _burst(app, "c")
        app.post_message(events.Key("enter", "\r"))
        _burst(app, "Two outlets\tNetflix used AI")
        app.post_message(events.Key("ctrl+s", None))
        _burst(app, "ra")
        _burst(app, "https://example.org/a\tQ2 letter")
        app.post_message(events.Key("ctrl+s", None))
        for _ in range(150):
            await pilot.pause(0.02)
    with open_store() as store:
        [claim] = store.annotations()
    assert (claim.note, claim.summary) == ("Two outlets", "Netflix used AI")
    assert [(item.url, item.title) for item in claim.evidence] == [
        ("https://example.org/a", "Q2 letter")
    ]


async def test_a_paste_in_a_burst_lands_after_the_keys_typed_before_it():
    """Found by an outside tester: "/bri" typed and "dge" pasted at once gave "/dgebri" in
    the search prompt, and a paste jumped ahead of typed text in the note editor."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for char in "/bri":
            key = {"/": "slash"}.get(char, char)
            app.post_message(events.Key(key, char))
        app.post_message(events.Paste("dge"))
        for _ in range(10):
            await pilot.pause(0.02)
        pane = app.screen.focused
        assert pane.reading.prompt == "bridge"
        await pilot.press("escape", "escape", "c", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        _burst(app, "typed first, ")
        app.post_message(events.Paste("then pasted"))
        for _ in range(10):
            await pilot.pause(0.02)
        assert app.screen.query_one(TextArea).text == "typed first, then pasted"


async def test_a_pasted_note_keeps_its_line_breaks():
    """Terminals send a pasted line break as CR: it was stored as "␍" (found by an outside
    tester)."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        app.post_message(events.Paste("first line\rsecond line\r\nthird"))
        for _ in range(5):
            await pilot.pause(0.02)
        assert app.screen.query_one(TextArea).text == "first line\nsecond line\nthird"
        await pilot.press("ctrl+s")
        await pilot.pause()
    with open_store() as store:
        [claim] = store.annotations()
    assert claim.note == "first line\nsecond line\nthird"
