"""Nothing is lost at the edges: a failing disk on quit, read-only and unreadable databases."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from eternaut_reader import load_corpus, open_store
from eternaut_reader.cli import main
from eternaut_reader.core.storage.database import AtomicJSONStorage
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.note import NoteScreen
from eternaut_reader.ui.screens.unsaved import UnsavedScreen
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from eternaut_reader.ui.widgets.key_bar import KeyBar
from tests.screen import focused_pane, pane_status, settle, widget_text

ME = "tester"


@pytest.fixture(autouse=True)
def _annotator(monkeypatch):
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", ME)


@pytest.fixture
def full_disk(monkeypatch):
    """Every save fails as on a full disk until the returned function is called."""
    real = AtomicJSONStorage.write_chunks

    def no_space(self, chunks):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(AtomicJSONStorage, "write_chunks", no_space)
    return lambda: monkeypatch.setattr(AtomicJSONStorage, "write_chunks", real)


def _stored() -> list[tuple[str, str]]:
    with open_store() as store:
        return [(a.annotator, a.tag) for a in store.annotations()]


def _claim_bar(app) -> str:
    return widget_text(app.screen.query_one(ClaimBar))


async def test_quit_with_unsaved_changes_asks_and_retry_saves_them(full_disk):
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause(0.3)
        assert "NOT SAVED" in _claim_bar(app)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        reason = widget_text(app.screen.query_one("#unsaved-reason"))
        assert "1 change could not be saved" in reason and "No space left on device" in reason
        await pilot.press("r")  # the disk is still full: the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        full_disk()
        await pilot.press("r")
        await pilot.pause()
    assert app.exit_note is None
    assert _stored() == [(ME, "confirmed")]


async def test_writing_the_claims_to_another_file_keeps_them_for_an_import(full_disk, tmp_path):
    rescue = tmp_path / "rescued.json"
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("x", "q")
        await pilot.pause()
        app.screen.query_one("#unsaved-path").value = str(rescue)
        await pilot.press("w")
        await pilot.pause()
    assert app.exit_note is not None and str(rescue) in app.exit_note
    full_disk()
    assert _stored() == []
    assert main(["import", str(rescue)]) == 0
    assert _stored() == [(ME, "contradicted")]


async def test_quit_anyway_says_what_was_lost(full_disk):
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "q")
        await pilot.pause()
        await pilot.press("Q")
        await pilot.pause()
    assert app.exit_note is not None and "1 changes were lost" in app.exit_note
    full_disk()
    assert _stored() == []


async def test_escape_goes_back_to_reading_with_the_change_still_in_memory(full_disk):
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, UnsavedScreen)
        assert [a.tag for a in app.editor.store.annotations()] == ["confirmed"]
        full_disk()
        await pilot.press("q")
        await pilot.pause()
    assert _stored() == [(ME, "confirmed")]


async def test_a_read_only_database_is_read_and_never_changed(tmp_path):
    db = tmp_path / "annotations.json"
    article = load_corpus().articles[0]
    first = article.segment()[0]
    with open_store(db, ME) as store:
        store.add(article, first.start, first.end, "confirmed")
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = (db.read_bytes(), os.stat(db).st_ino)
    app = ReaderApp(load_corpus(), db=db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert "read-only" in _claim_bar(app) and "✓ confirmed" in _claim_bar(app)
        await pilot.press("j", "x")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("read-only" in m for m in messages)
        assert [a.tag for a in app.editor.store.annotations()] == ["confirmed"]
        # The note editor is refused before any typing (it took a note, then lost it).
        await pilot.press("k", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
        assert any("Notes cannot be changed" in str(n.message) for n in app._notifications)
        # The article's details live beside the database: not written either, so they are
        # shown read-only, with no Save and no Ctrl+S (an outside tester was offered both).
        from textual.widgets import Button, Input, Static

        from eternaut_reader.ui.screens.metadata import MetadataScreen

        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MetadataScreen)
        text = " ".join(" ".join(widget_text(w) for w in dialog.query(Static)).split())
        assert "Read-only" in text and "Save" not in text and "Ctrl+S" not in text
        assert not dialog.query(Input)
        assert [str(b.label) for b in dialog.query(Button)] == ["Close"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MetadataScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MetadataScreen)
        # `r` on a sentence with no claim does not suggest tagging one.
        app.clear_notifications()
        await pilot.press("j", "r")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("No claim here") and "read-only" in m for m in messages)
        assert not any("tag one" in m for m in messages), messages
        await pilot.press("q")
        await pilot.pause()
    assert (db.read_bytes(), os.stat(db).st_ino) == before
    assert not (tmp_path / "annotations.json.articles.json").exists()
    # Nor the reading position (found by an outside tester: it was rewritten on quit).
    assert not (tmp_path / "annotations.json.session.json").exists()


async def test_a_read_only_database_shows_no_key_that_would_change_a_claim(tmp_path):
    """An outside tester saw c ✓ s ? x ✗ ! ○ in the key bar of a read-only reader: keys that
    can only say no. They are left out of the bar and the hint lines, and still say why."""
    db = tmp_path / "annotations.json"
    article = load_corpus().articles[0]
    first = article.segment()[0]
    with open_store(db, ME) as store:
        store.add(article, first.start, first.end, "confirmed")
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    app = ReaderApp(load_corpus(), db=db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.clear_notifications()
        keys = widget_text(app.screen.query_one(KeyBar))
        assert " Help" in keys and " Quit" in keys
        for hint in ("c ✓", "s ?", "x ✗", "! ○"):
            assert hint not in keys
        # Pressed all the same, a tag key says why it did nothing.
        await pilot.press("j", "c")
        await pilot.pause()
        assert any("read-only" in str(n.message) for n in app._notifications)
        # A selection's status line offers no tag keys either.
        await pilot.press("v")
        await pilot.pause()
        status = pane_status(focused_pane(app))
        assert "SELECT" in status and "tag" not in status
        await pilot.press("escape")
        # The same-fact panel: its link keys are neither in its hint line nor in the bar.
        await pilot.press("a")
        for _ in range(100):
            if app.alignment is not None:
                break
            await pilot.pause(0.05)
        app.screen.query_one("#same-fact-list").focus()
        await pilot.pause()
        title = widget_text(app.screen.query_one("#same-fact-title"))
        assert "closes" in title and "supports" not in title and "contradicts" not in title
        keys = widget_text(app.screen.query_one(KeyBar))
        assert "Supports" not in keys and "Contradicts" not in keys
        app.clear_notifications()
        await pilot.press("minus")
        await pilot.pause()
        assert any("read-only" in str(n.message) for n in app._notifications)
        # The claim view's keys line offers no key that writes the record.
        await pilot.press("escape")
        await pilot.pause()
        focused_pane(app).focus()
        await pilot.press("g", "r")
        await pilot.pause()
        line = widget_text(app.screen.query_one("#claim-view-keys"))
        assert "back" in line and "summary" not in line and "evidence" not in line
        app.clear_notifications()
        await pilot.press("s")
        await pilot.pause()
        assert any("read-only" in str(n.message) for n in app._notifications)


async def test_unreadable_annotations_are_said_plainly_not_loading_forever(tmp_path):
    db = tmp_path / "annotations.json"
    db.mkdir()  # a folder where the database should be: it cannot be read
    app = ReaderApp(load_corpus(), db=db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(1.0)
        bar = _claim_bar(app)
        assert "annotations unavailable:" in bar and "loading" not in bar
        await pilot.press("c")
        await pilot.pause()
        assert any("Annotations are unavailable:" in n.message for n in app._notifications)


async def test_a_database_in_a_read_only_folder_is_read_without_a_lock_file(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "annotations.json"
    article = load_corpus().articles[0]
    first = article.segment()[0]
    with open_store(db, "alice") as store:
        store.add(article, first.start, first.end, "speculative")
    Path(f"{db}.lock").unlink(missing_ok=True)
    folder.chmod(0o555)
    try:
        app = ReaderApp(load_corpus(), db=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(app, pilot)
            bar = _claim_bar(app)
            assert "read-only" in bar and "alice's ? speculative" in bar
        # No lock file, nothing new: the manifest and the shards folder, as alice left them.
        assert sorted(p.name for p in folder.iterdir()) == ["annotations.d", "annotations.json"]
    finally:
        folder.chmod(0o755)


def test_import_into_a_read_only_database_is_refused_before_anything_is_written(tmp_path, capsys):
    from eternaut_reader.cli import main as cli_main

    source = tmp_path / "theirs.json"
    article = load_corpus().articles[0]
    first = article.segment()[0]
    with open_store(tmp_path / "theirs-db.json", "alice") as store:
        store.add(article, first.start, first.end, "confirmed")
    assert cli_main(["export", "--db", str(tmp_path / "theirs-db.json"), "-o", str(source)]) == 0
    db = tmp_path / "ro" / "annotations.json"
    db.parent.mkdir()
    db.write_text("{}", encoding="utf-8")
    db.chmod(0o444)
    capsys.readouterr()
    assert cli_main(["import", "--db", str(db), str(source)]) == 1
    err = capsys.readouterr().err
    assert "nothing imported:" in err and "read-only" in err
    assert sorted(p.name for p in db.parent.iterdir()) == ["annotations.json"]


async def test_the_same_save_error_is_told_once_until_a_save_succeeds(full_disk):
    """Every retry of a failing save stacked the same notification, until they covered the
    unsaved-changes dialog (found by an outside tester)."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for key in ("c", "j", "s", "j", "x"):  # three changes, three failed saves
            await pilot.press(key)
            await pilot.pause(0.2)
        assert "NOT SAVED" in _claim_bar(app)
        told = [n for n in app._notifications if "Could not save" in str(n.message)]
        assert len(told) == 1
        full_disk()
        await pilot.press("j", "c")
        await pilot.pause(0.5)
        assert "NOT SAVED" not in _claim_bar(app)
