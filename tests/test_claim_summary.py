"""The claim in short: written in the note dialog, kept, used as ClaimReview's claimReviewed."""

from __future__ import annotations

import json

from eternaut_reader import load_corpus, open_store
from eternaut_reader.cli import main
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.note import NoteScreen
from tests.screen import settle

SUMMARY = "Netflix used generative AI for a building collapse in El Eternauta"


async def test_the_summary_written_in_the_note_dialog_is_kept_and_published(tmp_path, capsys):
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"Two outlets agree.", "tab", *SUMMARY, "ctrl+s")
        await pilot.pause()
    with open_store() as store:
        [ann] = store.annotations()
    assert (ann.note, ann.summary) == ("Two outlets agree.", SUMMARY)
    # Reopened: the dialog shows it again, and an untouched save changes nothing.
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#note-summary").value == SUMMARY
        await pilot.press("ctrl+s")
        await pilot.pause()
    with open_store() as store:
        assert store.annotations()[0].modified == ann.modified
    capsys.readouterr()
    assert main(["export", "-f", "claimreview"]) == 0
    [review] = json.loads(capsys.readouterr().out)
    assert review["claimReviewed"] == SUMMARY
    assert review["itemReviewed"]["text"] == ann.quote  # the whole quote is still there


def test_a_summary_survives_an_export_and_import_and_is_cut_for_google(tmp_path, capsys):
    article = load_corpus().articles[1]
    first = article.segment()[0]
    long = "A summary that goes on well past what Google shows for a claim, " * 2
    with open_store(annotator="ana") as store:
        made = store.add(article, first.start, first.end, "confirmed")
        store.update(made.id, summary=long)
    exported = tmp_path / "out.json"
    assert main(["export", "-o", str(exported)]) == 0
    other = tmp_path / "other.json"
    assert main(["import", "--db", str(other), str(exported)]) == 0
    with open_store(other) as store:
        [back] = store.annotations()
    assert back.summary == " ".join(long.split())
    capsys.readouterr()
    assert main(["export", "--db", str(other), "-f", "claimreview"]) == 0
    [review] = json.loads(capsys.readouterr().out)
    assert len(review["claimReviewed"]) <= 75 and review["claimReviewed"].endswith("…")
    assert review["claimReviewed"].startswith("A summary that goes on")
