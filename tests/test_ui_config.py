"""config.toml in the reader: a [keymap] entry changes what a key does and what every hint and
the help screen say; a picked theme is saved; a broken file is reported and never fatal."""

from __future__ import annotations

import pytest

from eternaut_reader import load_corpus, open_store
from eternaut_reader.core.config import load_config
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.help import HelpScreen
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from eternaut_reader.ui.widgets.key_bar import KeyBar
from tests.screen import focused_pane, settle, widget_text


@pytest.fixture
def config(_isolated_data):
    return _isolated_data / "config.toml"


def _tags() -> list[str | None]:
    with open_store() as store:
        return [a.tag for a in store.annotations()]


async def test_a_keymap_entry_changes_the_key_and_every_hint(config):
    config.write_text('[keymap]\n"tag.confirmed" = "y"\n"help" = "f1"\n', encoding="utf-8")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(app, pilot)
        bar = widget_text(app.screen.query_one(ClaimBar))
        assert "y s x to tag" in bar  # the hint names the key the user chose
        assert " y ✓ " in widget_text(app.screen.query_one(KeyBar))
        await pilot.press("c")  # no longer tags
        await pilot.pause()
        assert _tags() == []
        await pilot.press("y")
        await pilot.pause()
        assert _tags() == ["confirmed"]
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = widget_text(app.screen.query_one("#help-keys"))
        line = next(line for line in help_text.splitlines() if "Tag confirmed" in line)
        assert line.split()[0] == "y"


async def test_an_unknown_binding_id_and_a_broken_value_are_reported_not_fatal(config):
    config.write_text('theme = 5\n[keymap]\n"tag.confirmd" = "y"\n', encoding="utf-8")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any(f"{config}:1: theme must be a string" in m for m in messages)
        # With its line, as every other problem of the file (found by an outside tester).
        assert any(f"{config}:3: [keymap] 'tag.confirmd' is no binding id" in m for m in messages)
        await pilot.press("c")  # defaults still work
        await pilot.pause()
        assert _tags() == ["confirmed"]


async def test_a_syntax_error_starts_on_the_defaults_and_says_where(config):
    config.write_text("[keymap\n", encoding="utf-8")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert any(f"{config}:1:" in n.message for n in app._notifications)
        assert focused_pane(app).ready


async def test_the_theme_is_read_at_start_and_a_picked_one_is_saved(config):
    config.write_text('theme = "nord"\n# keep me\n', encoding="utf-8")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.theme == "nord"
        app.theme = "gruvbox"  # what the palette's "Theme" command does
        await pilot.pause()
    assert load_config().theme == "gruvbox"
    assert "# keep me" in config.read_text(encoding="utf-8")


async def test_a_key_that_is_none_or_taken_is_reported_and_the_defaults_kept(config):
    """Found by an outside tester: a keymap taking `s` from "Tag speculative", or naming a key
    that does not exist, was accepted silently, and the help listed `s` twice."""
    config.write_text(
        '[keymap]\n"tag.confirmed" = "s"\n"help" = "f1"\n"undo" = "notakey!!"\n'
        '"tag.speculative" = "z"\n',
        encoding="utf-8",
    )
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        bad_key = f"{config}:4: [keymap] 'undo': 'notakey!!' is no key; ignored"
        assert bad_key in messages
        # A swap is no clash: `s` is free once "Tag speculative" moves to `z`.
        assert not any("'tag.confirmed'" in m for m in messages)
        await pilot.press("s")
        await pilot.pause()
        assert _tags() == ["confirmed"]
        await pilot.press("u")  # undo kept its own key
        await pilot.pause()
        assert _tags() == []


async def test_a_key_taken_from_a_binding_live_at_the_same_time_is_refused(config):
    config.write_text('[keymap]\n"tag.confirmed" = "y"\n"quit" = "y"\n', encoding="utf-8")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any(
            f"{config}:3: [keymap] 'quit': y is already the key of 'tag.confirmed'" in m
            for m in messages
        )
        assert " q Quit" in widget_text(app.screen.query_one(KeyBar))
        await pilot.press("y")
        await pilot.pause()
        assert _tags() == ["confirmed"]
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = widget_text(app.screen.query_one("#help-keys"))
        quit_line = next(line for line in help_text.splitlines() if line.strip().endswith("Quit"))
        assert quit_line.split()[0] == "q"


async def test_the_help_screen_is_not_covered_by_notifications(config):
    """A config problem's notification stays up 20 s and sat over the help's keys (found by
    an outside tester): opening the help dismisses the notifications."""
    config.write_text('[keymap]\n"no.such" = "z"\n', encoding="utf-8")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert list(app._notifications)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and not list(app._notifications)


async def test_a_syntax_error_keeps_your_own_claims_yours(config, monkeypatch):
    """A broken line in config.toml dropped the profile name: claims made as "Ana Pérez" read
    as someone else's (the login name) and could not be retagged (an outside tester)."""
    monkeypatch.delenv("ETERNAUT_READER_ANNOTATOR", raising=False)
    corpus = load_corpus()
    article = corpus.articles[0]
    first = article.segment()[0]
    with open_store(annotator="Ana Pérez") as store:
        store.add(article, first.start, first.end, "confirmed")
    config.write_text(
        '[keymap]\n"tag.confirmed" "C"\n\n[profile]\nname = "Ana Pérez"\n', encoding="utf-8"
    )
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        [problem] = [m for m in messages if str(config) in m]
        assert problem.startswith(f"{config}:2: ") and 'name "Ana Pérez"' in problem
        assert "theirs" not in widget_text(app.screen.query_one(ClaimBar))
        await pilot.press("x")  # retags her own claim, no second claim beside it
        await pilot.pause()
        assert _tags() == ["contradicted"]
    with open_store(readonly=True) as store:
        assert [a.annotator for a in store.annotations()] == ["Ana Pérez"]
