"""Cross-source verification in the reader: the suggested verdict, the same fact elsewhere
(`a`), links made from the panel and seen from both ends, and the claim × report matrix."""

from __future__ import annotations

import csv
import io

import pytest
from textual.widgets import DataTable

from eternaut_reader import load_corpus, open_store
from eternaut_reader.cli import main
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.matrix import MatrixScreen
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel
from eternaut_reader.ui.widgets.same_fact import SameFactPanel
from tests.screen import focused_pane, panes, settle, widget_text

ME = "tester"
# The third report says the series "premiered recently"; the fifth calls it "upcoming".
PREMIERED = "premiered recently"


@pytest.fixture(autouse=True)
def _annotator(monkeypatch):
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", ME)


async def _ready(app, pilot) -> None:
    await settle(app, pilot)
    for _ in range(100):
        if app.alignment is not None:
            break
        await pilot.pause(0.05)
    assert app.alignment is not None


async def _on_premiered(app, pilot) -> None:
    """Focus the third report's pane and put the cursor on "premiered recently"."""
    await _ready(app, pilot)
    await pilot.press("tab", "tab", "slash", *PREMIERED, "enter")
    await pilot.pause()
    pane = focused_pane(app)
    assert pane.article.id.startswith("002")
    span = pane.target_span()
    assert span and PREMIERED in pane.article.text[span[0] : span[1]]


async def _to_conflict(pilot, options) -> None:
    """Move the same-fact panel's cursor down to the passage that conflicts."""
    while "conflicts" not in str(options.get_option_at_index(options.highlighted).prompt):
        await pilot.press("down")


async def _contradicted_and_on_conflict(app, pilot):
    """Tag the cursor's sentence contradicted, open the same-fact panel and move its cursor
    to the passage that conflicts; the panel's option list."""
    await pilot.press("x", "a")
    await pilot.pause()
    options = app.screen.query_one(SameFactPanel).query_one("OptionList")
    await _to_conflict(pilot, options)
    return options


def _bar(app) -> str:
    return widget_text(app.screen.query_one(ClaimBar))


def _stored() -> list[tuple[str, str | None, str]]:
    with open_store() as store:
        return sorted((a.article_id[:3], a.tag, a.annotator) for a in store.annotations())


async def test_the_claim_bar_suggests_a_verdict_and_a_accepts_it():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        bar = _bar(app)
        assert "suggest ✗ contradicted (A accepts): status:" in bar
        assert _stored() == []  # a suggestion is never applied by itself
        await pilot.press("A")
        await pilot.pause()
        assert _stored() == [("002", "contradicted", ME)]
        assert "✗ contradicted" in _bar(app) and "suggest" not in _bar(app)


async def test_same_fact_panel_lists_the_conflict_and_enter_shows_the_passage():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        panel = app.screen.query_one(SameFactPanel)
        listing = widget_text(panel.query_one("OptionList"))
        assert "5/5 [EN] Netflix Uses Generative AI" in listing
        assert "⚠ conflicts" in listing
        assert "⚠ status: “premiered” here vs “upcoming”" in listing
        title = widget_text(panel.query_one("#same-fact-title"))
        assert "Same fact as “The series, which premiered recently" in title
        # Move to the conflicting passage and show it: report 5 comes up in another pane.
        options = panel.query_one("OptionList")
        await _to_conflict(pilot, options)
        await pilot.press("enter")
        await pilot.pause()
        showing = [p for p in panes(app) if p.article.id.startswith("004")]
        assert showing, "the fifth report is shown in a pane"
        span = showing[0].cursor_span
        assert span and "upcoming" in showing[0].article.text[span[0] : span[1]]
        assert app.screen.focused is options  # still in the panel


async def test_a_link_made_from_the_panel_tags_the_passage_and_shows_at_both_ends():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("x", "a")
        await pilot.pause()
        panel = app.screen.query_one(SameFactPanel)
        options = panel.query_one("OptionList")
        await _to_conflict(pilot, options)
        await pilot.press("minus")
        await pilot.pause()
        assert _stored() == [("002", "contradicted", ME), ("004", None, ME)]
        assert "[○ open]" in widget_text(options)  # the passage is now an open claim
        assert "[linked: contradicts]" in widget_text(options)  # and says it is linked
        await pilot.press("escape")
        await pilot.pause()
        assert "links: contradicts 5/5" in _bar(app)
        await pilot.press("f")  # follow the link: the other end
        await pilot.pause()
        pane = focused_pane(app)
        assert pane.article.id.startswith("004")
        assert "contradicts from 3/5" in _bar(app)  # the link, seen from the other end
        await pilot.press("f")  # and back, from that end
        await pilot.pause()
        assert focused_pane(app).article.id.startswith("002")
        await pilot.press("t")  # the claims panel shows both ends too
        await pilot.pause()
        table = widget_text(app.screen.query_one(ClaimsPanel).query_one("ClaimsTable"))
        # ...with the relation: one contradicting link, made at one end, seen at both.
        assert table.count("−1") == 2 and "+1" not in table


async def test_the_matrix_shows_each_report_and_enter_goes_to_the_passage():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await _contradicted_and_on_conflict(app, pilot)
        await pilot.press("minus", "escape", "m")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        table = app.screen.query_one(DataTable)
        assert len(app.screen.matrix.rows) == 1  # our claim and the passage it links
        cells = [str(c).strip() for c in table.get_row_at(0)[1:]]
        assert cells[2] == "✗" and cells[4] == "○⚠"  # linked as contradicting it
        assert "The series, which premiered recently" in str(table.get_row_at(0)[0])
        table.cursor_coordinate = table.cursor_coordinate._replace(row=0, column=5)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, MatrixScreen)
        pane = focused_pane(app)
        span = pane.cursor_span
        assert (
            pane.article.id.startswith("004") and "upcoming" in pane.article.text[span[0] : span[1]]
        )


def test_the_matrix_command_writes_the_same_cells(tmp_path, capsys):
    corpus = load_corpus()
    third = corpus.articles[2]
    start = third.text.index("The series, which premiered recently")
    end = third.text.index(".", start) + 1
    with open_store(annotator=ME) as store:
        store.add(third, start, end, "contradicted")
    assert main(["matrix", "-f", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    # The same headings as the reader's own export of the matrix (`m` `e`).
    assert rows[0][0] == "claim" and rows[0][1].startswith("1 IT Netflix usa l’IA")
    assert rows[0][2].startswith("2 EN First AI-Generated Scene")
    assert rows[1][0].startswith("The series, which premiered recently")
    assert rows[1][3] == "✗" and rows[1][5] == "⚠"
    target = tmp_path / "m.md"
    assert main(["matrix", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("| claim | 1 IT Netflix usa l’IA")
    assert f"matrix of 1 row written to {target}" in capsys.readouterr().err


def test_an_empty_matrix_says_why_it_is_empty(write_articles, capsys):
    corpus = load_corpus()
    with open_store(annotator=ME) as store:
        store.remove(store.add(corpus.articles[0], 0, 10, "confirmed").id)
    assert main(["matrix"]) == 0
    assert "the matrix has no rows: no claims are stored" in capsys.readouterr().err
    with open_store(annotator=ME) as store:
        store.add(corpus.articles[0], 0, 10, "confirmed")
    folder = write_articles({"other.txt": "Another story\n\nNothing to do with it."})
    assert main(["matrix", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "no rows: the one stored claim is not on these articles" in err


def test_the_matrix_command_into_a_missing_folder_names_the_path(tmp_path, capsys):
    corpus = load_corpus()
    with open_store(annotator=ME) as store:
        store.add(corpus.articles[0], 0, 10, "confirmed")
    target = tmp_path / "missing" / "m.csv"
    assert main(["matrix", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {target}: No such file or directory" in err and ".tmp" not in err
    assert main(["matrix", "-o", str(tmp_path)]) == 1
    assert f"cannot write {tmp_path}: it is a folder" in capsys.readouterr().err


async def test_one_report_only_says_why_there_is_nothing_elsewhere(write_articles):
    folder = write_articles({"only.txt": "A lone report. It says the show premiered in April."})
    app = ReaderApp(load_corpus([folder]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for _ in range(40):
            if app.align_problem:
                break
            await pilot.pause(0.05)
        await pilot.press("a")
        await pilot.pause()
        title = widget_text(app.screen.query_one(SameFactPanel).query_one("#same-fact-title"))
        assert "unavailable (only one report is open)" in title
        await pilot.press("plus")  # with nothing listed, it says so (not "choose a passage")
        await pilot.pause()
        assert any("Nothing to link" in n.message for n in app._notifications)
        await pilot.press("escape", "c", "m")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        title = " ".join(widget_text(app.screen.query_one("#matrix-title")).split())
        assert "1 row (1 claim" in title and "no alignment: only one report is open" in title


async def test_links_from_the_panel_keep_the_chosen_row_and_tag_an_untagged_claim():
    """From an untagged sentence: `+` on the second passage makes both ends open claims and
    links them, and the highlight stays on that passage for the next key (it used to jump
    back to the first row, and an untagged sentence was refused with keys that did nothing
    in the panel)."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        panel = app.screen.query_one(SameFactPanel)
        options = panel.query_one("OptionList")
        first = options.highlighted
        await pilot.press("j")
        await pilot.pause()
        chosen = options.highlighted
        assert chosen is not None and chosen > first
        passage = panel._current()
        await pilot.press("plus")
        await pilot.pause()
        assert panel._current() == passage and options.highlighted == chosen
        stored = _stored()
        assert len(stored) == 2 and all(tag is None for _, tag, _ in stored)
        with open_store() as store:
            links = [link.relation for a in store.annotations() for link in a.links]
            assert links == ["supports"]


async def test_a_in_another_pane_follows_that_pane_instead_of_closing():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        panel = app.screen.query_one(SameFactPanel)
        followed = panel.source
        await pilot.press("tab")  # from the panel to a pane
        await pilot.pause()
        other = focused_pane(app)
        if other.number == followed:
            await pilot.press("tab")
            await pilot.pause()
            other = focused_pane(app)
        assert other.number != followed
        await pilot.press("a")
        await pilot.pause()
        assert panel.display and panel.source == other.number
        await pilot.press("a")  # from the panel itself, `a` closes it
        await pilot.pause()
        assert not panel.display


def test_claim_bar_parts_that_do_not_fit_go_to_a_second_line():
    from eternaut_reader.ui.widgets.claim_bar import split_parts

    left = "no claim here · c s x to tag · suggest ✗ contradicted: date: “by 2026” (A accepts)"
    assert split_parts(left, 200) == (left, "")
    first, rest = split_parts(left, 40)
    assert first == "no claim here · c s x to tag"
    assert rest == "suggest ✗ contradicted: date: “by 2026” (A accepts)"


async def test_at_80_columns_the_whole_suggestion_shows():
    """At 80×24 the suggestion was cut to "suggest ✗ contradicte…"; it now takes a second
    line of the claim bar, with its reason and the key that accepts it."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        bar = app.screen.query_one(ClaimBar)
        suggestion = 'suggest ✗ contradicted: date: "by 2026" in 3/5 vs "second half" (A accepts)'
        bar.show(f"no claim here · c s x to tag · {suggestion}", "all ✓14 ?9 ✗5 ○4 · saved")
        await pilot.pause()
        assert bar.size.height == 2
        lines = widget_text(bar).splitlines()
        assert any(suggestion in line for line in lines)
        # ...and keeps it for a short one: the panes must not grow and shrink a row as the
        # cursor moves (found by an outside tester), until the width changes.
        panes_height = focused_pane(app).size.height
        bar.show("no claim here · c s x to tag", "all ✓14 ?9 ✗5 ○4 · saved")
        await pilot.pause()
        assert bar.size.height == 2 and focused_pane(app).size.height == panes_height
        await pilot.resize_terminal(100, 24)
        await pilot.pause()
        assert bar.size.height == 1


async def test_the_readers_matrix_export_is_what_the_matrix_command_writes(
    tmp_path, monkeypatch, capsys
):
    """`m` `e` `c` wrote "1 IT", "2 EN"… as headings, so columns 2-5 could not be told apart,
    while the command wrote the titles: both now write the same file."""
    corpus = load_corpus()
    third = corpus.articles[2]
    start = third.text.index("The series, which premiered recently")
    with open_store(annotator=ME) as store:
        store.add(third, start, third.text.index(".", start) + 1, "contradicted")
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _ready(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        await pilot.press("e")
        await pilot.pause()
        # The dialog names the folder it writes to (an outside tester had to guess it).
        question = str(app.screen.query_one("#choice-question").render())
        assert str(tmp_path) in question and "claims-matrix.csv" in question
        await pilot.press("c")
        await pilot.pause()
    written = (tmp_path / "claims-matrix.csv").read_bytes().decode("utf-8")
    assert main(["matrix", "-f", "csv"]) == 0
    assert written == capsys.readouterr().out
    assert "2 EN First AI-Generated Scene" in written


async def test_escape_in_a_pane_closes_the_open_panel():
    """After Enter on a passage, or Tab back to a pane, Esc left the panel open; with nothing
    of its own to cancel, the pane's Esc closes it, and the focus stays in the pane."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _ready(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        panel = app.screen.query_one(SameFactPanel)
        assert panel.display
        await pilot.press("tab")
        await pilot.pause()
        pane = focused_pane(app)
        assert pane is not None
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display and focused_pane(app) is pane
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one(ClaimsPanel).display


async def test_one_u_takes_back_what_one_plus_did_and_ctrl_r_makes_it_again():
    """`+` from an untagged sentence makes two open claims and a link: one step. A single
    `u` leaves nothing behind (it used to take three), on screen and on disk."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        assert len(_stored()) == 2
        await pilot.press("escape")  # back to the pane, where u is undo
        await pilot.pause()
        assert "links: supports 5/5" in _bar(app) and "○2" in _bar(app)
        await pilot.press("u")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert _stored() == []
        assert "no claim here" in _bar(app) and "○" not in _bar(app)
        assert any("and 1 other claim" in n.message for n in app._notifications)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert len(_stored()) == 2
        with open_store() as store:
            links = [link.relation for a in store.annotations() for link in a.links]
            assert links == ["supports"]


async def test_the_claim_column_stays_in_sight_when_the_matrix_scrolls_to_far_reports(
    write_articles,
):
    """With many reports the matrix scrolls sideways; the claim column stays on the left, so
    the row still says which claim it is (it used to scroll away)."""
    files = {
        f"r{n:02}.txt": f"Report {n}\n\nThe ferry carries {100 + n} passengers on the lake."
        for n in range(24)
    }
    app = ReaderApp(load_corpus([write_articles(files)]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "c", "m")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        table = app.screen.query_one(DataTable)
        table.cursor_coordinate = table.cursor_coordinate._replace(row=0, column=24)
        await pilot.pause()
        assert table.scroll_x > 0  # the last report's column is in sight...
        assert "The ferry carries 100" in widget_text(table)  # ...and so is the claim


async def test_reports_named_like_words_are_renamed_only_where_the_reason_lists_them(
    write_articles,
):
    """Reports saved as a.txt and b.txt: the reason used to read "1/2lso st1/2ted 2/2y 1
    other report", every "a" and "b" taken for a report (found by an outside tester)."""
    story = "Storm in Orvane\n\n2025-05-12\n\nForty-one boats sank in Orvane harbour on Sunday."
    folder = write_articles({"a.txt": story, "b.txt": story.replace("Forty-one", "41")})
    app = ReaderApp(load_corpus([folder]))
    async with app.run_test(size=(140, 30)) as pilot:
        await _ready(app, pilot)
        await pilot.press("j", "j")
        await pilot.pause()
        assert "also stated by 1 other report: 2/2" in " ".join(_bar(app).split())


async def test_a_in_the_panel_accepts_and_j_k_move_in_the_matrix():
    """Keys that did nothing (found by an outside tester): `A` in the same-fact panel, under a
    claim bar saying "(A accepts)", and `j`/`k` in the matrix, unlike every other list."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert "(A accepts)" in _bar(app)
        await pilot.press("A")
        await pilot.pause()
        assert ("002", "contradicted", ME) in _stored()
        await pilot.press("escape", "tab", "c", "m")  # a second claim, so a second row
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        # On the first report's cell, so that Enter goes to a passage (an outside tester).
        assert table.row_count == 2 and tuple(table.cursor_coordinate) == (0, 1)
        await pilot.press("j")
        assert table.cursor_coordinate.row == 1
        await pilot.press("k")
        assert table.cursor_coordinate.row == 0
        await pilot.press("l", "l")
        assert table.cursor_coordinate.column == 3  # report 3


async def test_the_panel_marks_a_link_made_from_the_other_end_and_recuts_after_a_resize():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("x", "a")
        await pilot.pause()
        panel = app.screen.query_one(SameFactPanel)
        options = panel.query_one("OptionList")
        await _to_conflict(pilot, options)
        await pilot.press("minus", "escape", "f")  # link, close, go to the other end
        await pilot.pause()
        assert focused_pane(app).article.id.startswith("004")
        await pilot.press("a")
        await pilot.pause()
        listing = widget_text(options)
        assert "[linked from there: contradicts]" in listing
        while "linked from there" not in str(
            options.get_option_at_index(options.highlighted).prompt
        ):
            await pilot.press("down")
        await pilot.press("minus")  # the same link from this end: said, not doubled
        await pilot.pause()
        with open_store() as store:
            assert sum(len(a.links) for a in store.annotations()) == 1
        assert any("Already linked from there" in str(n.message) for n in app._notifications)
        await pilot.press("plus")  # the other relation from this end: refused, not saved
        await pilot.pause()
        with open_store() as store:
            assert [lk.relation for a in store.annotations() for lk in a.links] == ["contradicts"]
        assert any("already links to this one" in str(n.message) for n in app._notifications)
        narrow = max(len(line) for line in widget_text(options).splitlines())
        await pilot.resize_terminal(230, 40)
        await settle(app, pilot)
        wide = max(len(line) for line in widget_text(options).splitlines())
        assert wide > narrow + 40  # the quotes are cut to the wider panel now
        assert "\u2800" not in widget_text(options)  # the indent copies as spaces


async def test_at_80_columns_a_row_with_badges_puts_its_quote_on_a_line_of_its_own():
    """ "[✗ contradicted] [linked from there: contradicts]" left the quote no room: it wrapped
    under them from the first column (an outside tester). It goes on its own indented line."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        options = await _contradicted_and_on_conflict(app, pilot)
        await pilot.press("minus", "escape", "f", "x")  # link, go to the other end, tag it
        await pilot.pause()
        # x retagged the claim f landed on (the passage the panel tagged), not its sentence.
        with open_store() as store:
            assert sorted((a.article_id[:3], a.tag) for a in store.annotations()) == [
                ("002", "contradicted"),
                ("004", "contradicted"),
            ]
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        options = app.screen.query_one(SameFactPanel).query_one("OptionList")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        row = next(p for p in prompts if "[linked from there: contradicts]" in p)
        badges, quote = row.split("\n")[:2]
        assert "“" not in badges and quote.startswith(" " * 13 + "“The series")
        assert all(len(line) <= options.size.width for p in prompts for line in p.split("\n"))


def test_a_narrow_claim_bar_keeps_both_conflicting_values():
    """At 80 columns the reason lost its end, the value "here" (found by an outside tester):
    the verdict's name goes first, then the middle of long values, never the values' ends."""
    from eternaut_reader.ui.widgets.claim_bar import squeeze

    reason = 'suggest ✗ contradicted (A accepts): status: "upcoming" in 5/5 vs "premiered" here'
    assert squeeze(reason, 200) == reason
    assert (
        squeeze(reason, 78)
        == 'suggest ✗ (A accepts): status: "upcoming" in 5/5 vs "premiered" here'
    )
    long = (
        'suggest ✗ contradicted (A accepts): date: "in the second half of 2025" in 3/5 vs '
        '"by the end of 2026" here; 2 other reports agree'
    )
    short = squeeze(long, 78)
    assert short.split("; ")[0].endswith('" here') and len(short.split("; ")[0]) <= 78
    assert '2025" in 3/5' in short and '2026" here' in short and "…" in short
    # The bar then cuts the tail with an ellipsis: it must not fall on "here" (an outside
    # tester saw 'vs "42 i pa…acuati" her…' at 80 columns).
    from eternaut_reader.ui.widgets.chrome import fit

    shown = fit(squeeze(long, 78), 78)
    assert '2026" here;' in shown or '2026" here…' in shown


def test_a_conflict_in_the_same_fact_panel_keeps_both_values_on_one_line():
    from eternaut_reader.ui.widgets.same_fact import _middle

    assert _middle("Thirty-seven people were evacuated", 18) == "Thirty-se…vacuated"
    assert len(_middle("Thirty-seven people were evacuated", 18)) == 18
    assert _middle("42 passeggeri", 18) == "42 passeggeri"


async def test_at_80_columns_the_suggestion_has_the_second_line_before_hints_and_links():
    """An outside tester saw 'suggest ✗ (A accepts): number: "19 i…ured" in 2/3 vs "12 i…ure…'
    under a first line with room to spare: the hints and links now wait behind the
    suggestion, and short values are never cut."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        bar = app.screen.query_one(ClaimBar)
        suggestion = (
            'suggest ✗ contradicted (A accepts): number: "19 injured" in 2/3 vs '
            '"12 injured" here; 1 other report agrees'
        )
        bar.show(
            f"✗ contradicted · r claim view · {suggestion} · links: contradicts 2/3",
            "all ✓0 ?0 ✗1 ○1 · +3 on 3 articles not open · saved",
        )
        await pilot.pause()
        first, second = widget_text(bar).splitlines()
        assert first.strip().startswith("✗ contradicted")
        assert '"19 injured" in 2/3 vs "12 injured" here' in second
        assert "…ured" not in second
        assert "links: con" in second  # the links stay in the bar, cut (a later tester)


async def test_at_80_columns_the_claim_bar_shows_the_value_here():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("tab", "right_square_bracket", "slash", *PREMIERED, "enter")
        await pilot.pause()
        text = _bar(app)
        assert 'vs "premiered" here' in text and '"upcoming" in 5/5' in text


async def test_one_panel_at_a_time_the_claims_panel_never_hides_the_same_fact_panel():
    """`t`, Enter on a claim (the claims panel stays open), then `a`: the same-fact panel
    opened under the claims panel, while the key bar showed its keys (found by a tester)."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("x", "t")
        await pilot.pause()
        claims = app.screen.query_one(ClaimsPanel)
        await pilot.press("enter")
        await pilot.pause()
        assert claims.display and isinstance(app.screen.focused, type(focused_pane(app)))
        await pilot.press("a")
        await pilot.pause()
        same_fact = app.screen.query_one(SameFactPanel)
        assert same_fact.display and not claims.display
        assert same_fact.region.height > 0
        await pilot.press("t")
        await pilot.pause()
        assert claims.display and not same_fact.display


async def test_the_panel_shows_the_users_own_claim_where_a_colleague_tagged_the_same_words():
    corpus = load_corpus()
    fifth = corpus.articles[4]
    start = fifth.text.index("In a landmark move")
    end = fifth.text.index(".", start) + 1
    with open_store(annotator="alice") as store:
        store.add(fifth, start, end, "speculative")
    with open_store(annotator=ME) as store:
        store.add(fifth, start, end, None)
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await _on_premiered(app, pilot)
        options = await _contradicted_and_on_conflict(app, pilot)
        assert "[○ open]" in str(options.get_option_at_index(options.highlighted).prompt)
        await pilot.press("minus")
        await pilot.pause()
        row = str(options.get_option_at_index(options.highlighted).prompt)
        assert "[○ open] [linked: contradicts]" in row and "speculative" not in row


async def test_a_link_to_a_removed_claim_is_not_shown_and_comes_back_with_undo():
    corpus = load_corpus()
    third, fifth = corpus.articles[2], corpus.articles[4]
    here = third.text.index("The series, which premiered recently")
    there = fifth.text.index("In a landmark move")
    with open_store(annotator=ME) as store:
        a = store.add(third, here, here + 36, "contradicted")
        b = store.add(fifth, there, there + 18, "confirmed")
        store.link(a.id, b.id, "contradicts")
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(app, pilot)
        app.screen.go_to_claim(*app.editor.claim(b.id))
        await pilot.pause()
        assert "contradicts from 3/5" in _bar(app)
        await pilot.press("d")  # the other end is removed
        await pilot.pause()
        app.screen.go_to_claim(*app.editor.claim(a.id))
        await pilot.pause()
        assert "links:" not in _bar(app)
        await pilot.press("f")
        await pilot.pause()
        assert any("has no links" in str(n.message) for n in app._notifications)
        await pilot.press("u")  # the removal undone: the link shows again
        await pilot.pause()
        app.screen.go_to_claim(*app.editor.claim(a.id))
        await pilot.pause()
        assert "links: contradicts 5/5" in _bar(app)


async def test_with_the_claims_panel_focused_the_claim_bar_describes_its_row():
    """It said "no claim here · c s x to tag" (in the panel those keys filter) and did not
    follow j/k (found by an outside tester)."""
    corpus = load_corpus()
    with open_store(annotator=ME) as store:
        for article, tag, note in (
            (corpus.articles[0], "confirmed", "first"),
            (corpus.articles[1], "contradicted", "second"),
        ):
            sentence = article.segment()[0]
            store.add(article, sentence.start, sentence.end, tag, note=note)
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert "✓ confirmed" in _bar(app) and "note: first" in _bar(app)
        assert "to tag" not in _bar(app)
        await pilot.press("j")
        await pilot.pause()
        assert "✗ contradicted" in _bar(app) and "note: second" in _bar(app)


async def test_l_with_the_same_article_in_every_other_pane_says_links_join_two_articles():
    corpus = load_corpus()
    first = corpus.articles[0]
    sentence = first.segment()[0]
    with open_store(annotator=ME) as store:
        store.add(first, sentence.start, sentence.end, "confirmed")
    app = ReaderApp(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        right = panes(app)[1]
        app.screen.show_in_pane(right, first)  # both panes show the first report
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("Links join claims of two different articles" in m for m in messages)


async def test_a_read_only_database_offers_no_key_to_accept_a_suggestion(tmp_path):
    db = tmp_path / "annotations.json"
    article = load_corpus().articles[0]
    with open_store(db, ME) as store:
        store.add(article, 0, 20, "confirmed")
    db.chmod(0o444)
    app = ReaderApp(load_corpus(), db=db)
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        bar = _bar(app)
        assert "suggest ✗ contradicted: status:" in bar and "accepts" not in bar


async def test_linking_twice_from_the_same_end_says_so():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await _contradicted_and_on_conflict(app, pilot)
        await pilot.press("minus")
        await pilot.pause()
        await pilot.press("minus")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert sum(m.startswith("Linked: contradicts") for m in messages) == 1
        assert "Already linked: contradicts" in messages
        with open_store() as store:
            assert sum(len(a.links) for a in store.annotations()) == 1


async def test_the_other_relation_on_a_linked_passage_is_refused_not_swapped():
    """`-` then `+` on one passage: the contradiction stays; an outside tester saw it turn
    into support without a word."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await _contradicted_and_on_conflict(app, pilot)
        await pilot.press("minus")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Already linked: contradicts. To change it") for m in messages)
        assert not any(m.startswith("Linked: supports") for m in messages)
        with open_store() as store:
            links = [k.relation for a in store.annotations() for k in a.links]
        assert links == ["contradicts"]


async def test_at_80_columns_a_noted_claim_keeps_the_suggestion_with_both_values():
    """Found by an outside tester: once the claim had a note (and a link), the suggestion
    came last on the bar's two lines and was cut away at 80 columns."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("tab", "right_square_bracket", "slash", *PREMIERED, "enter")
        await pilot.pause()
        await pilot.press("c", "enter")
        await pilot.pause()
        app.screen.query_one("TextArea").insert(
            "Checked against the studio's own release notes " * 3
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = _bar(app)
        assert "note:" in text  # after the suggestion, cut: the note is in its dialog
        assert 'vs "premiered" here' in text and '"upcoming" in 5/5' in text


async def test_a_tag_key_in_the_same_fact_panel_says_where_tags_are_given():
    """`x` in the panel tagged nothing and said nothing (found by an outside tester)."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert any("Tags are given in the pane" in str(n.message) for n in app._notifications)
        assert app.editor.store.annotations() == []
        await pilot.press("S")  # the panel's own keys still work: link as supporting
        await pilot.pause()
        assert any(a.links for a in app.editor.store.annotations())


async def test_the_panel_follows_a_pane_still_shown_after_a_narrowing():
    """The panel followed the third pane; at 80 columns that pane is gone, and the panel
    follows a pane still on screen (an outside tester saw it keep the hidden pane's passage)."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "tab", "a")
        await settle(app, pilot)
        panel = app.screen.query_one(SameFactPanel)
        assert panel.source == 2
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        shown = panes(app)
        assert panel.source == max(p.number for p in shown) < 2
        followed = next(p for p in shown if p.number == panel.source)
        span = followed.target_span()
        assert span is not None
        quote = followed.article.text[span[0] : span[1]]
        assert quote[:20] in widget_text(panel.query_one("#same-fact-title"))


async def test_with_no_color_the_chosen_row_is_in_reverse_video(monkeypatch):
    """With NO_COLOR the highlighted row has no background: reverse video marks it."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        options = app.screen.query_one(SameFactPanel).query_one("OptionList")
        style = options.get_component_rich_style("option-list--option-highlighted")
        # Dark text on the light band, bold: the colours swapped by hand, since an option
        # list drew a "reverse" row bold on grey in a real terminal (an outside tester).
        assert style.bold and _shade(style.bgcolor) > 0.7 > 0.3 > _shade(style.color)
        await pilot.press("escape", "p")  # the article picker: its list is not focused
        await settle(app, pilot)
        picker = app.screen.query_one("#picker-list")
        assert not picker.has_focus
        blurred = picker.get_component_rich_style("option-list--option-highlighted")
        assert blurred.bold and _shade(blurred.bgcolor) > _shade(app.screen.rich_style.bgcolor)
    monkeypatch.delenv("NO_COLOR")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        options = app.screen.query_one(SameFactPanel).query_one("OptionList")
        style = options.get_component_rich_style("option-list--option-highlighted")
        assert not style.reverse and _shade(style.bgcolor) < 0.7


def _shade(color) -> float:
    """How light a colour is, 0 (black) to 1 (white)."""
    red, green, blue = color.get_truecolor()
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


async def test_f_in_the_panel_follows_the_claims_link():
    """The claim bar says "f follows" while the panel has the focus: f closes the panel and
    follows the link, as in the pane (an outside tester found it ignored)."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("x", "a")
        await pilot.pause()
        panel = app.screen.query_one(SameFactPanel)
        await _to_conflict(pilot, panel.query_one("OptionList"))
        await pilot.press("minus", "f")
        await settle(app, pilot)
        assert not panel.display
        assert focused_pane(app).article.id.startswith("004")


async def test_f_on_a_sentence_that_is_no_claim_says_to_tag_it_first():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert "No claim here: tag one first, then link it" in messages
        assert not any("has no links" in m for m in messages)


async def test_the_matrix_with_no_claims_offers_no_empty_export(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)  # no format dialog
        messages = [str(n.message) for n in app._notifications]
        assert "No claims to export yet: tag some first" in messages
    assert list(tmp_path.iterdir()) == []


async def test_a_claim_linked_as_contradicting_is_suggested_contradicted():
    """An outside tester linked a claim as contradicting another report's passage and was
    still offered "✓ confirmed … also stated by all 4 other reports"; A would have tagged it
    so. The link is the reader's own evidence: the suggestion says so, and A follows it."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(app, pilot)
        assert "suggest ✓ confirmed" in _bar(app)  # the first sentence, as aligned
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("minus")  # its first passage elsewhere, linked as contradicting
        await pilot.pause()
        bar = _bar(app)
        assert "suggest ✗ contradicted (A accepts): you linked it as contradicting 2/5" in bar
        await pilot.press("A")
        await pilot.pause()
        with open_store() as store:
            tags = sorted((a.article_id[:3], a.tag) for a in store.annotations())
        assert ("000", "contradicted") in tags


async def test_undo_with_the_panel_open_brings_the_bar_to_the_claim_undone():
    """The panel has the focus, and `u` takes back a tag made in another article: the pane
    shows that article again, the panel follows it, and so must the claim bar (it kept the
    claim shown before, an outside tester found)."""
    corpus = load_corpus()
    fifth = corpus.articles[4]
    there = fifth.text.index("In a landmark move")
    with open_store(annotator=ME) as store:
        store.add(fifth, there, there + 18, "confirmed")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await _on_premiered(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        pane = focused_pane(app)
        tagged = pane.article.id
        app.screen.show_in_pane(pane, app.corpus.by_id(fifth.id))
        for other in panes(app):  # no pane shows the tagged article now
            if other is not pane and other.article.id == tagged:
                spare = next(a for a in app.corpus.articles if a.id not in (tagged, fifth.id))
                app.screen.show_in_pane(other, spare)
        await settle(app, pilot)
        pane.move_cursor(pane.sentence_at(there))
        await pilot.pause()
        assert "✓ confirmed" in _bar(app)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one(SameFactPanel).has_focus_within
        await pilot.press("u")
        await settle(app, pilot)
        assert pane.article.id == tagged
        assert "✓ confirmed" not in _bar(app) and "no claim here" in _bar(app)


async def test_a_clause_tagged_out_of_a_hedged_sentence_keeps_its_own_suggestion():
    """The Italian report's sentence is hedged ("potrebbe") after its first clause. That
    clause, selected, is suggested "confirmed"; once tagged, the claim bar and `A` must go on
    judging the claim's own words, not the sentence's (it turned "speculative")."""
    corpus = load_corpus()
    italian = corpus.articles[0]
    start = italian.text.index("A confermarlo")
    end = italian.text.index("del secondo trimestre") + len("del secondo trimestre")
    with open_store(annotator=ME) as store:
        claim_id = store.add(italian, start, end, None).id  # an open claim
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(app, pilot)
        app.screen.go_to_claim(*app.editor.claim(claim_id))
        await pilot.pause()
        pane = focused_pane(app) or panes(app)[0]
        assert pane.claim_under_cursor() is not None
        assert "suggest ✓ confirmed" in _bar(app) and "potrebbe" not in _bar(app)
        await pilot.press("A")
        await pilot.pause()
        assert _stored() == [("000", "confirmed", ME)]


def test_the_score_bar_tells_strong_matches_apart():
    """0.53 and 0.79 drew as the same full bar (a tester); a weak match is more than a sliver."""
    from eternaut_reader.ui.widgets.same_fact import score_bar

    assert score_bar(0.53) != score_bar(0.79)
    assert score_bar(1.0) == "█████" and score_bar(0.0).strip() == ""
    assert len(score_bar(0.1).strip()) >= 1
    bars = [score_bar(s / 10) for s in range(11)]
    assert all(len(b) == 5 for b in bars)

    def eighths(bar: str) -> int:
        return sum(8 if c == "█" else " ▏▎▍▌▋▊▉".index(c) for c in bar)

    assert [eighths(b) for b in bars] == sorted(eighths(b) for b in bars)


async def test_a_link_made_by_another_annotator_is_said_to_be_theirs(monkeypatch):
    """An outside tester, running as "bob", was told "you linked it as contradicting" of a
    link Zoë had made: the suggestion names whose link it is."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("minus")
        await pilot.pause()
        assert "you linked it as contradicting 2/5" in _bar(app)
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", "bob")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(app, pilot)
        bar = _bar(app)
        assert f"suggest ✗ contradicted (A accepts): {ME} linked it as contradicting 2/5" in bar
        assert "you linked" not in bar


async def test_a_claim_of_an_article_no_pane_shows_opens_in_the_focused_pane():
    """An outside tester, in pane 2, chose a claim in the claims panel whose article no pane
    showed: it replaced pane 1's article, not pane 2's, as the README says it should."""
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        first = panes(app)[0]
        await pilot.press("c")  # a claim on the first article, in pane 1
        await pilot.pause()
        claimed = first.article.id
        await pilot.press("right_square_bracket")  # pane 1 moves on to another article
        await pilot.pause()
        shown = {p.article.id for p in panes(app)}
        assert claimed not in shown and len(panes(app)) == 2
        await pilot.press("tab")  # focus pane 2
        await pilot.pause()
        second = focused_pane(app)
        assert second is panes(app)[1]
        left = panes(app)[0].article.id
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")  # the one claim, on an article no pane shows
        await pilot.pause()
        assert panes(app)[1].article.id == claimed
        assert panes(app)[0].article.id == left
        assert focused_pane(app) is panes(app)[1]


def test_claim_bar_cuts_a_part_to_the_first_line_rather_than_after_the_suggestion():
    """At 80 columns the links went after the suggestion on the second line, where nothing
    of them was left, with some 30 cells free on the first (an outside tester)."""
    from eternaut_reader.ui.widgets.claim_bar import split_parts

    links = "→ contradicts 4/5 · ← supported by 2/5, 3/5 and 5/5"
    left = (
        "✓ confirmed · r claim view · "
        + links
        + " · suggest ✗ contradicted (A accepts): you linked it as contradicting 4/5"
    )
    first, rest = split_parts(left, 70)
    assert first.startswith("✓ confirmed · r claim view · → contradicts 4/5 · ← supported by")
    assert first.endswith("…") and len(first) == 70
    assert rest == "suggest ✗ contradicted (A accepts): you linked it as contradicting 4/5"
    # Too little room left for a part to say anything: it follows the suggestion, whole.
    first, rest = split_parts(left, 52)
    assert first == "✓ confirmed · r claim view · → contradicts 4/5"
    assert rest.startswith("suggest ✗ contradicted (A accepts)")
    assert rest.endswith("← supported by 2/5, 3/5 and 5/5")


async def test_a_long_suggestion_at_80_columns_leaves_the_claims_links_in_the_bar():
    """An outside tester saw "links: supports from 4/5" vanish from the claim bar at 80×24
    when a long suggestion was shown: the suggestion is cut first, the links stay."""
    from textual.app import App

    suggestion = (
        "suggest ✓ confirmed (A accepts): 2/5, 3/5 and 4/5 state the same: Netflix used "
        "generative AI for a building collapse scene in El Eternauta"
    )
    left = (
        f"✓ confirmed · r claim view · {suggestion} · links: supports from 4/5 (f follows)"
        " · note: checked"
    )

    class BarApp(App):
        def compose(self):
            yield ClaimBar()

    app = BarApp()
    async with app.run_test(size=(80, 24)) as pilot:
        bar = app.query_one(ClaimBar)
        for right in ("all ✓3 ?0 ✗1 · saved", "all ✓3 ?1 ✗1 ○1 · +2 on 1 article not open · saved"):
            bar.show(left, right)
            await pilot.pause()
            shown = widget_text(bar)
            assert "links: supports from 4/5" in shown, shown
            assert "suggest ✓ (A accepts): 2/5, 3/5" in shown, shown
