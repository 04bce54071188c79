"""Annotating in the reader: every key and flow, checked on screen and in the store."""

from __future__ import annotations

from textual.geometry import Offset
from textual.selection import Selection

from eternaut_reader import load_corpus, open_store
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.link import LinkScreen
from eternaut_reader.ui.screens.note import NoteScreen
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel
from tests.screen import (
    focused_pane,
    pane_header,
    panes,
    settle,
    view_lines,
    widget_text,
)


def stored():
    """The annotations in the database, read the way a script would."""
    with open_store() as store:
        return store.annotations()


def claim_bar(app) -> str:
    return widget_text(app.screen.query_one(ClaimBar))


def sentence(app, pane=None):
    pane = pane or focused_pane(app)
    return pane.article.sentences[pane.cursor]


async def started(app, pilot, *keys):
    await settle(app, pilot)
    if keys:
        await pilot.press(*keys)
        await pilot.pause()


async def test_c_s_x_tag_the_sentence_and_retag_it_and_d_removes():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "c")
        pane = focused_pane(app)
        first = sentence(app)
        [ann] = app.editor.store.annotations()
        assert (ann.tag, ann.quote, ann.start, ann.end) == (
            "confirmed",
            first.text,
            first.start,
            first.end,
        )
        assert view_lines(pane)[0][1] == "✓"  # the gutter mark, readable without colour
        assert "1/5 ✓1 ?0 ✗0" in pane_header(pane)
        assert "✓ confirmed" in claim_bar(app)
        await pilot.press("s")
        [ann] = app.editor.store.annotations()
        assert ann.tag == "speculative" and view_lines(pane)[0][1] == "?"
        await pilot.press("x")
        [ann] = app.editor.store.annotations()
        assert ann.tag == "contradicted" and view_lines(pane)[0][1] == "✗"
        assert "1/5 ✓0 ?0 ✗1" in pane_header(pane)
        await pilot.press("d")
        assert app.editor.store.annotations() == []
        assert view_lines(pane)[0][1] == " "
    assert stored() == []


async def test_a_tag_key_retags_the_short_claim_the_claim_bar_describes(monkeypatch):
    """A clause of a long sentence, tagged from the same-fact panel or reached by f: the claim
    bar describes it, and a tag key retags it rather than add an unlinked claim over the whole
    sentence beside it (two testers saw the duplicate); v selects the sentence to tag it."""
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", "tester")
    corpus = load_corpus()
    first = corpus.articles[0]
    start = first.text.index("Netflix compie")
    with open_store(annotator="tester") as store:
        clause = store.add(first, start, start + len("Netflix compie"), None)
    app = ReaderApp(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        assert "○ open" in claim_bar(app)
        await pilot.press("s")
        await pilot.pause()
        [ann] = app.editor.store.annotations()
        assert (ann.id, ann.tag) == (clause.id, "speculative")


async def test_closing_the_claims_panel_gives_the_focus_back_to_the_pane_that_had_it():
    """The focus went to the first pane, and the next tag acted on another article (a tester)."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await started(app, pilot, "tab", "tab")
        third = focused_pane(app)
        assert third.number == 2
        for close in ("escape", "t"):
            await pilot.press("t")
            await pilot.pause()
            assert app.screen.query_one(ClaimsPanel).display  # it has the focus now
            await pilot.press(close)
            await pilot.pause()
            assert focused_pane(app) is third, close


async def test_undo_says_what_it_undid():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "c", "s", "u")
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Undo (tag): “") for m in messages)
        await pilot.press("u")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Undo (claim): “") for m in messages)


async def test_tags_survive_a_restart_with_panes_and_cursors():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "j", "j", "c", "tab", "right_square_bracket")
        await settle(app, pilot)
        await pilot.press("j", "x")
        second_pane_article = focused_pane(app).article.id
        await pilot.press("q")
    assert sorted(a.tag for a in stored()) == ["confirmed", "contradicted"]

    again = ReaderApp(load_corpus())
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(again, pilot)
        first, second = panes(again)
        assert focused_pane(again) is second
        assert second.article.id == second_pane_article
        assert first.cursor == 2 and second.cursor == 1
        assert "✓1" in pane_header(first) and "✗1" in pane_header(second)
        assert any(line[1] == "✓" for line in view_lines(first))
        assert "✗ contradicted" in claim_bar(again)


async def test_visual_selection_tags_a_span_by_word_and_character():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "v")
        pane = focused_pane(app)
        assert pane.target_span() == (0, 3)  # "Nel"
        assert pane.status().startswith("SELECT 3 chars")
        await pilot.press("w", "w", "l", "h", "h")
        start, end = pane.target_span()
        assert pane.article.text[start:end] == "Nel panorama i"
        await pilot.press("b")
        assert pane.article.text[slice(*pane.target_span())] == "Nel panorama"
        await pilot.press("x")
        [ann] = app.editor.store.annotations()
        assert (ann.quote, ann.tag) == ("Nel panorama", "contradicted")
        assert pane.selection is None and not pane.status().startswith("SELECT")


async def test_selection_extends_by_sentence_and_escape_cancels():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "v", "j")
        pane = focused_pane(app)
        sentences = pane.article.sentences
        assert pane.target_span() == (sentences[0].start, sentences[1].end)
        await pilot.press("k")
        assert pane.target_span() == (sentences[0].start, sentences[0].end)
        await pilot.press("escape", "c")
        [ann] = app.editor.store.annotations()
        assert ann.quote == sentences[0].text  # Esc dropped the selection: the sentence


async def test_mouse_selection_then_a_tag_key():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        pane = focused_pane(app)
        # Select "panorama" on the first text row (gutter is 2 cells; text starts at x=2).
        app.screen.selections = {pane: Selection(Offset(6, 0), Offset(14, 0))}
        await pilot.press("s")
        [ann] = app.editor.store.annotations()
        assert (ann.quote, ann.tag) == ("panorama", "speculative")
        assert app.screen.selections == {}


async def test_overlapping_and_nested_claims_both_show():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "c", "v", "w", "x", "tab")  # unfocused: no bold cursor
        pane = panes(app)[0]
        assert len(app.editor.store.annotations()) == 2
        assert view_lines(pane)[0][1] == "※"  # two different tags on this line
        segments = list(pane.render_line(2))  # the first text row
        styles = {seg.text: seg.style for seg in segments if seg.text.strip()}
        nested = next(style for text, style in styles.items() if text.startswith("Nel"))
        outer = next(style for text, style in styles.items() if "in continua" in text)
        assert nested.bold and nested.underline  # contradicted, inside
        assert outer.underline and not outer.bold  # confirmed, around it
        assert nested.bgcolor != outer.bgcolor


async def test_note_dialog_saves_with_ctrl_s_and_cancels_with_escape():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "c", "n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"Q2 call", "enter", *"per Sarandos")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
        [ann] = app.editor.store.annotations()
        assert ann.note == "Q2 call\nper Sarandos"
        assert "note: Q2 call per Sarandos" in claim_bar(app)
        await pilot.press("enter", *" changed", "escape")
        await pilot.pause()
        assert app.editor.store.annotations()[0].note == "Q2 call\nper Sarandos"
    assert stored()[0].note == "Q2 call\nper Sarandos"


async def test_a_note_where_nothing_is_tagged_makes_an_open_claim():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "n")
        assert isinstance(app.screen, NoteScreen)
        assert "a new open claim" in widget_text(app.screen.query_one("#note-title"))
        await pilot.press("escape")  # nothing typed: closes at once, nothing made
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen) and stored() == []
        await pilot.press("enter", *"why it matters", "ctrl+s")
        await pilot.pause()
        [ann] = app.editor.store.annotations()
        assert (ann.tag, ann.note, ann.quote) == (None, "why it matters", sentence(app).text)
        assert "○ open" in claim_bar(app)
        await pilot.press("s")  # the verdict comes later, on the same claim
        [ann] = app.editor.store.annotations()
        assert (ann.tag, ann.note) == ("speculative", "why it matters")


async def test_bang_marks_an_open_claim_counted_and_filtered():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot, "exclamation_mark", "j", "c")
        pane = focused_pane(app)
        assert view_lines(pane)[0][1] == "○"
        assert [a.tag for a in app.editor.store.annotations()] == [None, "confirmed"]
        assert "○1" in pane_header(pane) and "○1" in claim_bar(app)
        await pilot.press("t", "exclamation_mark")  # the panel: only open claims
        await pilot.pause()
        text = widget_text(app.screen.query_one(ClaimsPanel).query_one("ClaimsTable"))
        assert "○ open" in text and "✓ confirmed" not in text


async def test_link_to_the_other_pane_and_follow_it():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "tab", "j", "j", "c", "tab", "c", "L")
        assert isinstance(app.screen, LinkScreen)
        await pilot.press("down", "enter")  # the second choice: contradicts
        await pilot.pause()
        stored_now = app.editor.store.annotations()
        source = next(a for a in stored_now if a.article_id.startswith("000"))
        target = next(a for a in stored_now if a.article_id.startswith("001"))
        assert [(k.target, k.relation) for k in source.links] == [(target.id, "contradicts")]
        assert "links: contradicts 2/5 (f follows)" in claim_bar(app)
        await pilot.press("j", "f")  # a sentence that is no claim
        assert any("No claim here: tag one first" in n.message for n in app._notifications)
        await pilot.press("k", "f")
        await pilot.pause()
        other = focused_pane(app)
        assert other.article.id == target.article_id
        assert sentence(app, other).start == target.start


async def test_link_without_a_claim_in_another_pane_explains():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "c", "L")
        assert not isinstance(app.screen, LinkScreen)
        assert any("tagged claim in another pane" in n.message for n in app._notifications)


async def test_u_and_ctrl_r_undo_and_redo_every_change():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "c", "s")
        pane = focused_pane(app)
        await pilot.press("u")
        assert app.editor.store.annotations()[0].tag == "confirmed"
        assert view_lines(pane)[0][1] == "✓"
        await pilot.press("u")
        assert app.editor.store.annotations() == []
        assert view_lines(pane)[0][1] == " "
        await pilot.press("ctrl+r", "ctrl+r")
        assert app.editor.store.annotations()[0].tag == "speculative"
        assert view_lines(pane)[0][1] == "?"
        await pilot.press("ctrl+r")
        assert any("Nothing to redo" in n.message for n in app._notifications)


async def test_claims_panel_lists_filters_and_jumps():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot, "c", "j", "x", "tab", "G", "s", "t")
        panel = app.screen.query_one(ClaimsPanel)
        assert panel.display
        text = widget_text(panel.query_one("ClaimsTable"))
        assert "✓ confirmed" in text and "✗ contradicted" in text and "? speculative" in text
        assert "Nel panorama in continua" in text and "While it’s still early" in text
        await pilot.press("x")  # only contradicted
        text = widget_text(panel.query_one("ClaimsTable"))
        assert "✓ confirmed" not in text and "✗ contradicted" in text
        assert "? speculative" not in text
        await pilot.press("x")  # again: every tag
        text = widget_text(panel.query_one("ClaimsTable"))
        assert "✓ confirmed" in text and "? speculative" in text
        await pilot.press("c")  # only confirmed
        text = widget_text(panel.query_one("ClaimsTable"))
        assert "✓ confirmed" in text and "✗ contradicted" not in text
        await pilot.press("0", "a", "a")  # article 2 only
        text = widget_text(panel.query_one("ClaimsTable"))
        assert "? speculative" in text and "✗ contradicted" not in text
        await pilot.press("0", "down", "enter")  # the contradicted claim in article 1
        await pilot.pause()
        pane = focused_pane(app)
        assert pane.article.id.startswith("000") and pane.cursor == 1
        await pilot.press("t")
        assert not panel.display


async def test_orphans_are_listed_in_the_panel(tmp_path):
    corpus = load_corpus()
    article = corpus.articles[0]
    with open_store() as store:
        ann = store.add(article, 0, 40, tag="speculative")
    # The text changes so much that the quote cannot be found any more.
    article.text = "Completely different text. " * 20
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot, "t")
        text = widget_text(app.screen.query_one(ClaimsPanel).query_one("ClaimsTable"))
        assert "? speculative" in text and "1/5 orphan" in text
        assert ann.quote[:20] in text
        # Its article is open: the claim bar says it is an orphan, not that it is not open.
        bar = claim_bar(app)
        assert "? speculative" in bar and "orphan: its text is no longer in 1/5" in bar
        assert "not open" not in bar
        await pilot.press("enter")
        assert any("orphan" in n.message for n in app._notifications)


async def test_save_state_is_shown_and_a_write_error_is_not_swallowed(monkeypatch):
    from eternaut_reader.core.storage import database as storage

    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "c")
        app.editor.store.flush()
        await pilot.pause(0.2)
        assert claim_bar(app).splitlines()[0].endswith("saved")

        def broken(self, chunks):
            raise OSError(28, "No space left on device")

        # A context of its own: undoing the test's monkeypatch would also drop the
        # isolated database that conftest set.
        with monkeypatch.context() as patch:
            patch.setattr(storage.AtomicJSONStorage, "write_chunks", broken)
            await pilot.press("j", "s")
            await pilot.pause(0.5)
            assert "NOT SAVED" in claim_bar(app)
            assert any("Could not save" in n.message for n in app._notifications)
        await pilot.press("j", "x")
        app.editor.store.flush()
        await pilot.pause(0.3)
        assert claim_bar(app).splitlines()[0].endswith("saved")
    assert len(stored()) == 3


async def test_claims_panel_with_hundreds_of_claims_scrolls_a_page_at_a_time(tmp_path):
    """The panel draws only the rows in sight: End, PgUp, Home and a click reach any claim,
    and the header stays on top however far it scrolls."""
    corpus = load_corpus()
    article = corpus.articles[1]
    spans = [(5 * n, 5 * n + 4) for n in range(400)]  # 400 claims that do not overlap
    assert len(article.text) > spans[-1][1]
    with open_store() as store:
        for n, (start, end) in enumerate(spans):
            store.add(article, start, end, tag=("confirmed", "speculative", "contradicted")[n % 3])
    app = ReaderApp(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot, "t")
        panel = app.screen.query_one(ClaimsPanel)
        table = panel.query_one("ClaimsTable")
        summary = " ".join(widget_text(panel.query_one("#claims-filter")).split())
        assert "Claims: 400 of 400" in summary
        await pilot.press("end")
        lines = widget_text(table).splitlines()
        assert lines[0].split()[:2] == ["Tag", "Article"]  # the header, still on top
        assert table.cursor_row == 399
        assert " ".join(article.text[slice(*spans[399])].split()) in lines[-1]
        await pilot.press("pageup")
        assert table.cursor_row == 399 - (table.size.height - 1)
        await pilot.press("home")
        assert table.cursor_row == 0
        # A click on the third row in sight goes to that claim's sentence in its pane.
        await pilot.press("end")
        row = table.scroll_offset.y + 2
        await pilot.click(table, offset=(30, 3))
        await pilot.pause()
        pane = focused_pane(app)
        assert pane.article is article
        assert pane.cursor == pane.sentence_at(spans[row][0]) > 0


async def test_the_claims_panel_says_when_no_claim_is_left_and_keeps_its_cursor_in_sight():
    """Found by an outside tester: with no row the claim bar described the pane's claim
    behind the panel, and after a resize to 60 columns the cursor on the last row was out of
    sight."""
    corpus = load_corpus()
    article = corpus.articles[1]
    with open_store() as store:
        for n in range(60):
            store.add(article, 5 * n, 5 * n + 4, "confirmed")
    app = ReaderApp(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(app, pilot, "t")
        await pilot.press("x")  # only contradicted: none
        await pilot.pause()
        assert "no claim in the panel · 0 shows them all" in claim_bar(app)
        await pilot.press("0", "end")
        await pilot.pause()
        table = app.screen.query_one(ClaimsPanel).query_one("ClaimsTable")
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        await pilot.pause()
        height = table.scrollable_content_region.height - 1
        top = table.scroll_offset.y
        assert table.cursor_row == 59 and top <= 59 < top + height


async def test_an_article_a_hidden_pane_had_is_not_shown_twice_after_a_restart():
    """Wide, four panes; narrow, the first pane moves on to the third pane's article (hidden
    now); wide again after a restart: four different articles (an outside tester saw one
    article in two panes and another in none)."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        assert len({p.article.id for p in panes(app)}) == len(panes(app)) == 4
        await pilot.press("q")
    narrow = ReaderApp(load_corpus())
    async with narrow.run_test(size=(80, 24)) as pilot:
        await settle(narrow, pilot)
        shown = {p.article.id for p in panes(narrow)}
        await pilot.press("right_square_bracket")
        await settle(narrow, pilot)
        moved = focused_pane(narrow).article.id
        assert moved not in shown
        await pilot.press("q")
    wide = ReaderApp(load_corpus())
    async with wide.run_test(size=(160, 45)) as pilot:
        await settle(wide, pilot)
        ids = [p.article.id for p in panes(wide)]
        assert ids[0] == moved and len(set(ids)) == len(ids) == 4
