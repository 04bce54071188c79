"""Hint lines wrap between whole hints, never inside one (an outside tester, at 120 columns,
saw "+ supports · -" on one line and "contradicts" on the next)."""

from __future__ import annotations

from textual.content import Content

from eternaut_reader import load_corpus
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.widgets.hint_line import hint_lines
from tests.screen import settle, widget_text


def test_lines_break_only_between_hints():
    hints = Content("Same fact as “x”: 20 passages · Enter shows · + supports · - contradicts")
    lines = [line.plain for line in hint_lines(hints, 50)]
    assert lines == ["Same fact as “x”: 20 passages · Enter shows", "+ supports · - contradicts"]


def test_a_hint_wider_than_the_line_is_the_only_one_wrapped_inside():
    lines = [line.plain for line in hint_lines(Content("a long heading here · q quit"), 10)]
    assert all(len(line) <= 10 for line in lines)
    assert lines[-1] == "q quit"


async def test_the_same_fact_panel_keys_stay_whole_at_120_columns():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        lines = widget_text(app.screen.query_one("#same-fact-title")).splitlines()
        hints = ("Enter shows", "+ supports", "- contradicts", "Esc closes")
        for hint in hints:
            assert any(hint in line for line in lines), (hint, lines)
