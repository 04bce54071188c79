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


def _whole(lines: list[str], text: str) -> None:
    """Every line is made of whole hints of `text` (its parts between " · ")."""
    hints = set(" ".join(text.split()).split(" · "))
    for line in lines:
        for part in " ".join(line.split()).split(" · "):
            assert part in hints, (part, lines)


def test_no_break_spaces_keep_a_phrase_whole_in_a_hint_wider_than_the_line():
    phrase = "5\u00a0passages\u00a0in\u00a03\u00a0reports"
    heading = Content(f"Same fact as “a quote of forty-odd characters here”: {phrase} · q quit")
    lines = [line.plain for line in hint_lines(heading, 60)]
    assert any(phrase in line for line in lines), lines
    assert all(len(line) <= 60 for line in lines)


async def test_the_claims_panel_summary_breaks_only_between_hints(write_articles):
    from tests.test_ui_articles import _claims_on_the_seeds

    _claims_on_the_seeds()
    for articles in (None, [write_articles({"mine.txt": "My report\n\nIt says one thing."})]):
        for width in (80, 120):
            app = ReaderApp(load_corpus(articles))
            async with app.run_test(size=(width, 24)) as pilot:
                await settle(app, pilot)
                await pilot.press("t")
                await pilot.pause()
                widget = app.screen.query_one("#claims-filter")
                lines = widget_text(widget).splitlines()
                text = " · ".join(line.strip() for line in lines)
                assert "Enter goes there" in " ".join(text.split())
                if articles:
                    assert "+10 on 5 articles not open (dimmed)" in text
                _whole(lines, str(widget._hints))


async def test_the_same_fact_heading_keeps_its_count_whole_at_80_columns():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        seen = 0
        for _ in range(25):
            await pilot.pause()
            title = app.screen.query_one("#same-fact-title")
            lines = widget_text(title).splitlines()
            text = " ".join(str(title._hints).split())
            if " passage" in text and " in " in text:
                seen += 1
                count = text.split("”: ", 1)[1].split(" · ")[0]
                assert any(count in " ".join(line.split()) for line in lines), (count, lines)
                assert "Esc closes" in lines[-1], lines  # within the heading's two lines
            await pilot.press("j")
        assert seen
