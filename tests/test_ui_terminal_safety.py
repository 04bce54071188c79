"""No control sequence from data reaches the terminal from the reader.

Paths: the note editor (showing a note, typing and pasting into it), notifications (a skipped
file's name), text inputs, and, end to end on a real pseudo-terminal, the bytes the reader
writes while it shows all of these.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea

from eternaut_reader import load_corpus, open_store
from eternaut_reader.core.terminal import safe
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.export import ExportScreen
from eternaut_reader.ui.screens.note import NoteScreen
from tests.helpers.pty_terminal import HOSTILE, leaks, run_on_terminal
from tests.screen import settle, widget_text

ME = "tester"


@pytest.fixture(autouse=True)
def _annotator(monkeypatch):
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", ME)


def _noted_first_sentence(db: Path | None = None) -> str:
    """Tag the first sentence of the first seed with the hostile note; returns its id."""
    corpus = load_corpus()
    article = corpus.articles[0]
    first = article.segment()[0]
    with open_store(db, ME) as store:
        return store.add(article, first.start, first.end, "confirmed", note=HOSTILE).id


def _note(ann_id: str) -> str:
    with open_store() as store:
        annotation = store.get(ann_id)
        assert annotation is not None
        return annotation.note


async def _open_note(app, pilot):
    await settle(app, pilot)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, NoteScreen)
    return app.screen.query_one(TextArea)


async def test_the_note_editor_shows_control_characters_and_saves_an_untouched_note_exactly():
    ann_id = _noted_first_sentence()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await _open_note(app, pilot)
        assert editor.text == safe(HOSTILE)
        drawn = widget_text(editor)
        assert "␛]0;PWNED␇" in drawn and not leaks(drawn)
        before = app.editor.store.get(ann_id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.editor.store.get(ann_id) == before  # not even its modified time
    assert _note(ann_id) == HOSTILE


async def test_editing_the_note_keeps_the_characters_the_user_did_not_touch():
    ann_id = _noted_first_sentence()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_note(app, pilot)
        await pilot.press("!", "ctrl+s")
        await pilot.pause()
    assert _note(ann_id) == HOSTILE + "!"


async def test_pasted_control_characters_are_stored_as_what_the_user_saw():
    ann_id = _noted_first_sentence()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await _open_note(app, pilot)
        app.post_message(events.Paste(" pasted\x1b[2J\x07\u202e"))  # as the terminal sends it
        await pilot.pause()
        assert editor.text.endswith(" pasted␛[2J␇\ufffd")
        assert not leaks(widget_text(editor))
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert _note(ann_id) == HOSTILE + " pasted␛[2J␇\ufffd"


async def test_a_skipped_file_name_is_shown_safely_in_the_notification(write_articles):
    folder = write_articles(
        {"ok.txt": "A report. It says things.", "empty \x1b]0;PWNED\x07\u202e.txt": ""}
    )
    app = ReaderApp(load_corpus([folder]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("empty ␛]0;PWNED␇\ufffd.txt is empty; skipped" in m for m in messages)
        assert not any(leaks(m) for m in messages)
        app.notify("direct \x1b[2J", title="\x9bTitle")
        await pilot.pause()
        direct = [n for n in app._notifications if n.message.startswith("direct")]
        assert [(n.message, n.title) for n in direct] == [("direct ␛[2J", "\ufffdTitle")]


async def test_a_text_input_never_holds_a_control_character():
    _noted_first_sentence()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path", Input)
        field.value = "out\x1b]52;c;ZXZpbA==\x07.csv"
        field.focus()
        await pilot.pause()
        field.action_end()
        app.post_message(events.Paste("\x9b2J"))
        await pilot.pause()
        assert field.value == "out␛]52;c;ZXZpbA==␇.csv\ufffd2J"
        assert not leaks(field.value)


def test_the_reader_writes_no_control_sequence_from_data_to_the_terminal(tmp_path):
    """End to end: the bytes on a real terminal while the reader shows a hostile note in its
    editor, the claim bar and a notification naming a hostile file."""
    db = tmp_path / "db.json"
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        f"First sentence {HOSTILE} here. Second sentence.", encoding="utf-8"
    )
    (folder / "empty \x1b]0;PWNED\x07.txt").write_text("", encoding="utf-8")
    corpus = load_corpus([folder])
    article = corpus.articles[0]
    first = article.segment()[0]
    with open_store(db, ME) as store:
        store.add(article, first.start, first.end, "confirmed", note=HOSTILE)
    env = {**os.environ, "ETERNAUT_READER_DB": str(db), "ETERNAUT_READER_ANNOTATOR": ME}
    output, code = run_on_terminal([str(folder)], ["n", "\x1b", "q"], env, startup=5.0)
    assert code == 0, output[-500:]
    assert "PWNED" in output  # the note and the file name were drawn...
    assert not leaks(output), leaks(output)  # ...as text, never as control sequences
