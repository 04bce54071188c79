"""A verdict belongs to its annotator: the reader changes only the current annotator's claims."""

from __future__ import annotations

import json

import pytest

from eternaut_reader import load_corpus, open_store
from eternaut_reader.cli import main
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.note import NoteScreen
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel
from tests.screen import focused_pane, settle, view_lines, widget_text

ME = "tester"


@pytest.fixture(autouse=True)
def _annotator(monkeypatch):
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", ME)


def _alice_tags_the_first_sentence() -> str:
    article = load_corpus().articles[0]
    first = article.segment()[0]
    with open_store(annotator="alice") as store:
        return store.add(article, first.start, first.end, "confirmed", note="her reason").id


def _by_annotator() -> dict[str, tuple[str, str]]:
    with open_store() as store:
        return {a.annotator: (a.tag, a.note) for a in store.annotations()}


def _messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_others_claims_show_as_theirs_and_a_tag_key_adds_our_own_beside():
    alice_id = _alice_tags_the_first_sentence()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        pane = focused_pane(app)
        bar = widget_text(app.screen.query_one(ClaimBar))
        assert "alice's ✓ confirmed (theirs: read only)" in bar and "her reason" in bar
        assert view_lines(pane)[0][1] == "a"  # her initial in the gutter
        await pilot.press("x")
        await pilot.pause()
        assert view_lines(pane)[0][1] == "✗"  # ours shows where both tagged
        assert "✗ contradicted" in widget_text(app.screen.query_one(ClaimBar))
    assert _by_annotator() == {"alice": ("confirmed", "her reason"), ME: ("contradicted", "")}
    with open_store() as store:
        theirs = store.get(alice_id)
        assert theirs is not None and theirs.modified == theirs.created  # never rewritten


async def test_removing_noting_and_linking_from_their_claim_is_refused_with_a_reason():
    _alice_tags_the_first_sentence()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for key in ("d", "n", "L"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, NoteScreen)
        messages = _messages(app)
        assert any("This claim is alice's: you (tester) cannot remove it" in m for m in messages)
        assert any("cannot change the note of it" in m for m in messages)
        assert any("cannot link from it" in m for m in messages)
    assert _by_annotator() == {"alice": ("confirmed", "her reason")}


async def test_undo_never_takes_back_another_annotators_change():
    _alice_tags_the_first_sentence()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "s", "u")
        await pilot.pause()
        assert _by_annotator() == {"alice": ("confirmed", "her reason")}
        await pilot.press("u")
        await pilot.pause()
        assert any("Nothing to undo" in m for m in _messages(app))
        await pilot.press("ctrl+r")
        await pilot.pause()
    assert _by_annotator() == {"alice": ("confirmed", "her reason"), ME: ("speculative", "")}


async def test_the_claims_panel_says_whose_each_claim_is():
    _alice_tags_the_first_sentence()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "c", "t")
        await pilot.pause()
        table = widget_text(app.screen.query_one(ClaimsPanel).query_one("ClaimsTable"))
        rows = [line for line in table.splitlines() if "✓ confirmed" in line]
        assert len(rows) == 2
        assert any(" alice " in line for line in rows) and any(" you " in line for line in rows)


async def test_exports_credit_each_verdict_to_whoever_gave_it(tmp_path, capsys):
    _alice_tags_the_first_sentence()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await pilot.pause()
    assert main(["export", "-f", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)["annotations"]
    assert sorted((a["annotator"], a["tag"]) for a in exported) == [
        ("alice", "confirmed"),
        (ME, "contradicted"),
    ]
