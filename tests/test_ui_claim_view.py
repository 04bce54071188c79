"""The claim view (`r`): one claim across its reports with its record, opened from a pane, the
claims panel and the matrix; the summary, review and evidence edited there, undone, redone and
kept after a restart; another annotator's record read only; data shown literally."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import DataTable, OptionList

from eternaut_reader import load_corpus, open_store
from eternaut_reader.core.analysis.conflicts import claim_conflicts
from eternaut_reader.core.annotations.editing import ClaimEditor
from eternaut_reader.core.annotations.model import Evidence
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.claim_record import EvidenceScreen, RecordScreen
from eternaut_reader.ui.screens.claim_view import ClaimViewScreen
from eternaut_reader.ui.screens.main import MainScreen
from eternaut_reader.ui.screens.matrix import MatrixScreen
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from tests.screen import focused_pane, settle, widget_text

ME = "tester"
CALL = Evidence(
    "https://ir.netflix.net/q2-2025-interview",
    "Netflix Q2 2025 earnings interview",
    "the first GenAI final footage to appear on screen",
    "Sarandos says it himself",
)


@pytest.fixture(autouse=True)
def _annotator(monkeypatch):
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", ME)


def _three_reports(annotator: str = ME, tags=("confirmed", "confirmed", "contradicted")):
    """The first sentence of the first three reports, tagged; the first linked to the other
    two (supports, contradicts). Returns the annotations' ids."""
    corpus = load_corpus()
    with open_store(annotator=annotator) as store:
        made = []
        for article, tag in zip(corpus.articles[:3], tags, strict=True):
            first = article.segment()[0]
            made.append(store.add(article, first.start, first.end, tag))
        store.link(made[0].id, made[1].id, "supports")
        store.link(made[0].id, made[2].id, "contradicts")
    return [a.id for a in made]


def _record(ann_id: str):
    with open_store(annotator=ME) as store:
        editor = ClaimEditor.load(store, load_corpus())
        group = editor.group(ann_id)
        assert group is not None
        lead = group.lead(ME)
        return (
            (lead.summary, lead.review, lead.evidence) if lead is not None else None,
            group,
        )


def _view_text(app) -> str:
    screen = app.screen
    assert isinstance(screen, ClaimViewScreen)
    # Every line of the list (scrolled or not), and the title and keys as drawn; lines wrap
    # where the width says, so the words are compared, one space between them.
    options = screen.query_one("#claim-view-list", OptionList)
    rows = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
    parts = [widget_text(screen.query_one("#claim-view-title")), *rows]
    parts.append(widget_text(screen.query_one("#claim-view-keys")))
    return " ".join(" ".join(part.split()) for part in parts)


def _messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def _open_from_pane(app, pilot) -> None:
    await settle(app, pilot)
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, ClaimViewScreen)


async def _to_row(pilot, kind: str, index: int = 0) -> None:
    """Put the view's cursor on its index-th row of a kind ("passage", "evidence")."""
    screen = pilot.app.screen
    rows = [n for n, row in enumerate(screen._rows) if row.kind == kind]
    options = screen.query_one("#claim-view-list")
    options.highlighted = rows[index]
    await pilot.pause()


async def test_r_opens_the_claim_under_the_cursor_with_every_report_and_the_mixed_verdict():
    _three_reports()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        assert "r claim view" in widget_text(app.screen.query_one(ClaimBar))
        await _open_from_pane(app, pilot)
        text = _view_text(app)
        corpus = app.corpus
        assert "Claim · ± mixed · 3 passages in 3 reports" in text
        first, _, third = (a.title for a in corpus.articles[:3])
        # Titles as long as a 160-column view has room for (38 characters).
        assert (
            "confirmed in 1/5 Netflix usa l’IA per velocizzare la pr…, "
            "2/5 First AI-Generated Scene Debuts in El …;" in text
        )
        assert "contradicted in 3/5 Netflix’s Pioneering Step into AI-Enha…" in text
        # The passage and its tag under each report, the conflicts marked on them.
        assert "✗ contradicted · you · ⚠ disagrees" in text
        # Grouped by report, with its place, language, title, outlet and date.
        assert f"1/5 [IT] {first[:40]}" in text
        assert f"3/5 [EN] {third[:40]}" in text
        assert "2025-07-18" in text
        # Where they disagree: the tags side by side, and the contradicts link.
        assert "⚠ Where the passages disagree (2)" in text
        assert "tagged: ✓ confirmed (1/5) vs ✗ contradicted (3/5)" in text
        assert "linked as contradicting each other" in text
        assert text.count("· you") == 3
        assert "Summary · none yet" in text and "Evidence (0)" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_j_and_k_stop_at_the_views_last_and_first_lines():
    """j past the last line went back to the top (an outside tester thought keys were lost)."""
    _three_reports()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await _open_from_pane(app, pilot)
        options = app.screen.query_one(OptionList)
        for _ in range(options.option_count + 3):
            await pilot.press("j")
        last = options.highlighted
        assert last is not None and last > 0
        await pilot.press("j")
        assert options.highlighted == last
        for _ in range(options.option_count + 3):
            await pilot.press("k")
        first = options.highlighted
        await pilot.press("k")
        assert options.highlighted == first < last


async def test_no_claim_under_the_cursor_says_how_to_make_one():
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("No claim here: tag one first (c s x)" in m for m in _messages(app))


async def test_the_claims_panel_and_the_matrix_open_the_view_of_their_selected_row():
    ids = _three_reports()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("j", "j")  # the third claim: the contradicted one, report 3
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClaimViewScreen)
        assert screen.annotation_id == ids[2]
        assert "3 passages in 3 reports" in _view_text(app)
        await pilot.press("r")  # r again closes, like m closes the matrix
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("escape", "m")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ClaimViewScreen)
        assert app.screen.annotation_id in ids
        # Enter on a passage goes to it in a pane, through the matrix.
        await _to_row(pilot, "passage", 2)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        pane = focused_pane(app)
        assert pane.article.id == app.corpus.articles[2].id
        # The claim is on report 3's date line, made here through the store: the cursor,
        # which never stops on a date line, is on the headline beside it.
        first = app.corpus.articles[2].units[0]
        assert pane.cursor_span == (first.start, first.end)


async def test_summary_and_review_are_edited_undone_redone_and_kept_after_a_restart():
    ids = _three_reports()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_pane(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)
        await pilot.press(*"Netflix used GenAI on screen", "tab", *"Two reports agree.")
        await pilot.press("enter", *"The third does not.", "ctrl+s")
        await pilot.pause()
        text = _view_text(app)
        assert "Summary · yours" in text and "Netflix used GenAI on screen" in text
        assert "yours: Two reports agree." in text
        app.editor.store.flush()
        assert _record(ids[1])[0][:2] == (
            "Netflix used GenAI on screen",
            "Two reports agree.\nThe third does not.",
        )
        await pilot.press("u")  # the reader's undo, from the view
        await pilot.pause()
        assert "Summary · none yet" in _view_text(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Netflix used GenAI on screen" in _view_text(app)
        await pilot.press("escape", "q")
        await pilot.pause()
    assert _record(ids[2])[0][:2] == (
        "Netflix used GenAI on screen",
        "Two reports agree.\nThe third does not.",
    )
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_pane(app, pilot)
        assert "Netflix used GenAI on screen" in _view_text(app)
        await pilot.press("escape", "u")  # the undo history survives the restart
        await pilot.pause()
        app.editor.store.flush()
    assert _record(ids[0])[0][:2] == ("", "")


async def test_evidence_is_added_checked_edited_removed_and_each_step_undone():
    ids = _three_reports()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_pane(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)
        await pilot.press(*"javascript:alert(1)", "ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EvidenceScreen), "a bad URL is refused"
        error = widget_text(dialog.query_one("#evidence-error"))
        assert "is not an http or https URL" in error and "\n" not in error.strip()
        dialog.query_one("#evidence-url").value = CALL.url
        await pilot.press("tab", *CALL.title, "tab", *CALL.quote, "tab", *CALL.note, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClaimViewScreen)
        text = _view_text(app)
        assert "Evidence (1)" in text and CALL.title in text and CALL.url in text
        assert f"“{CALL.quote}”" in text and f"note: {CALL.note}" in text
        assert "· yours" in text
        app.editor.store.flush()
        assert _record(ids[0])[0][2] == (CALL,)
        # Edit: the cursor on the evidence, e, change the title.
        await _to_row(pilot, "evidence")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)
        app.screen.query_one("#evidence-title").value = "The Q2 call"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "The Q2 call" in _view_text(app)
        app.editor.store.flush()
        edited = Evidence(CALL.url, "The Q2 call", CALL.quote, CALL.note)
        assert _record(ids[0])[0][2] == (edited,)
        # Remove it; undo brings it back, redo removes it again, undo once more.
        await _to_row(pilot, "evidence")
        await pilot.press("d")
        await pilot.pause()
        assert "Evidence (0)" in _view_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert "The Q2 call" in _view_text(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Evidence (0)" in _view_text(app)
        await pilot.press("u", "u")  # undo the removal, then the edit
        await pilot.pause()
        assert CALL.title in _view_text(app) and "The Q2 call" not in _view_text(app)
        app.editor.store.flush()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_pane(app, pilot)
        assert CALL.title in _view_text(app)
    assert _record(ids[1])[0][2] == (CALL,)


async def test_enter_on_evidence_copies_its_url_and_opens_nothing(monkeypatch):
    ids = _three_reports()
    with open_store(annotator=ME) as store:
        store.update(ids[0], evidence=(CALL,))
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda *a, **k: opened.append(a))
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_pane(app, pilot)
        await _to_row(pilot, "evidence")
        await pilot.press("enter")
        await pilot.pause()
        assert app.clipboard == CALL.url
        assert f"copied {CALL.url}" in _messages(app)
        assert isinstance(app.screen, ClaimViewScreen)
    assert opened == []


async def test_another_annotators_record_is_read_only_and_editing_says_why():
    ids = _three_reports(annotator="bob")
    with open_store(annotator="bob") as store:
        store.update(ids[0], summary="Bob's summary", review="Bob checked it.", evidence=(CALL,))
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_pane(app, pilot)
        text = _view_text(app)
        assert "Summary · bob's (read only)" in text and "Bob's summary" in text
        assert "bob's (read only): Bob checked it." in text
        assert "bob (read only)" in text  # the passages
        assert "none yet (tag or link a passage to write it)" not in text  # bob wrote one
        assert "copies the URL · read only" in text
        for key in ("s", "a"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ClaimViewScreen), "no dialog opens"
        assert any("none of this claim's passages is yours" in m for m in _messages(app))
        await pilot.press("escape")
        await pilot.pause()
        # Tag a passage of the claim: now the user writes a record of their own beside bob's.
        await pilot.press("x")  # tags the first report's sentence as mine, beside bob's
        await pilot.pause()
    with open_store(annotator=ME) as store:
        mine = next(a for a in store.annotations() if a.annotator == ME)
        store.link(mine.id, ids[1], "supports")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_pane(app, pilot)
        await _to_row(pilot, "evidence")
        await pilot.press("d")
        await pilot.pause()
        assert any("This evidence is bob's: read only" in m for m in _messages(app))
        await pilot.press("s", *"Mine", "ctrl+s")
        await pilot.pause()
        text = _view_text(app)
        assert "Summary · yours" in text and "Mine" in text
        assert "bob's (read only): Bob checked it." in text
        app.editor.store.flush()
    with open_store(annotator="bob") as store:
        bob = store.get(ids[0])
        assert (bob.summary, bob.review, bob.evidence) == (
            "Bob's summary",
            "Bob checked it.",
            (CALL,),
        )


HOSTILE = "[bold]x[/] \x1b]0;pwned\x07 \x1b[31mred"
URL = "https://example.org/[bold]"


async def test_summary_review_notes_and_evidence_are_shown_literally_and_safely():
    ids = _three_reports()
    with open_store(annotator=ME) as store:
        store.update(
            ids[0],
            note=f"note {HOSTILE}",
            summary=f"summary {HOSTILE}",
            review=f"review {HOSTILE}",
            evidence=(
                Evidence("https://example.org/[bold]", f"title {HOSTILE}", HOSTILE, HOSTILE),
            ),
        )
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await _open_from_pane(app, pilot)
        text = _view_text(app)
        assert "summary [bold]x[/] ␛]0;pwned␇ ␛[31mred" in text
        assert "review [bold]x[/]" in text and "note: note [bold]x[/]" in text
        assert "title [bold]x[/] ␛]0;pwned␇" in text
        assert URL in text
        assert "\x1b" not in text and "\x07" not in text
        # The dialogs show the same text safely, and saving untouched keeps it exactly.
        await pilot.press("s")
        await pilot.pause()
        assert "\x1b" not in app.screen.query_one("#record-summary").value
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.editor.store.flush()
    record, _ = _record(ids[0])
    assert record[0] == f"summary {HOSTILE}" and record[1] == f"review {HOSTILE}"


async def test_the_matrix_shows_a_scorecard_legible_without_colour():
    _three_reports(tags=("confirmed", "confirmed", "contradicted"))
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        widget = app.screen.query_one("#matrix-scores")
        size = widget.outer_size  # its top border and every line
        strips = widget.render_lines(Region(0, 0, size.width, size.height))
        scores = "\n".join(strip.text.rstrip() for strip in strips)
        lines = [line for line in scores.splitlines() if not line.startswith("─")]
        assert "Sources: claims by tag" in lines[0]
        assert len(lines) == 6  # the heading and one line per report
        assert "✓1 ?0 ✗0 ○0" in lines[1] and "✗1" in lines[3]
        assert "◀ most contradicted" in lines[3]
        # One glyph per claim: a single claim is no full bar (an outside tester).
        assert "1/5 IT Netflix usa l’IA per … ✓" + " " * 25 + "✓1 ?0 ✗0 ○0 ◇0 alone" in lines[1]
        assert "✓0 ?0 ✗0 ○0 ◇0 alone" in lines[4]
        assert isinstance(app.screen.query_one(DataTable), DataTable)


def test_conflicts_pair_the_passages_that_disagree_once_with_every_reason():
    ids = _three_reports()
    corpus = load_corpus()
    with open_store(annotator=ME) as store:
        editor = ClaimEditor.load(store, corpus)
        group = editor.group(ids[1])
        conflicts = claim_conflicts(group.members)
    pairs = [(c.first.id, c.second.id, c.linked, c.tags) for c in conflicts]
    assert pairs == [
        (ids[0], ids[2], True, ("confirmed", "contradicted")),
        (ids[1], ids[2], False, ("confirmed", "contradicted")),
    ]


async def test_an_aligned_report_that_does_not_state_the_claim_shows_where_it_disagrees():
    """Decrypt (5/5) says the series is upcoming; the third report, which nobody tagged, says
    it premiered: the view shows that passage beside the claim's, as the report does."""
    from tests.test_ui_scale import wait_for

    corpus = load_corpus()
    with open_store(annotator=ME) as store:
        debut = store.add(corpus.articles[4], 157, 299, "contradicted")
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await wait_for(pilot, lambda: app.editor is not None and app.alignment is not None, 60)
        app.screen.open_claim_view(debut.id)
        await pilot.pause()
        assert isinstance(app.screen, ClaimViewScreen)
        text = _view_text(app)
        assert "⚠ Where the passages disagree (1)" in text
        assert "⚠ 5/5 “" in text and "⟷ 3/5 “" in text
        assert "status: “upcoming” (5/5) vs “premiered” (3/5)" in text
        assert (
            "not tagged: an aligned passage of a report where no passage of the claim is tagged"
            in text
        )
        assert "✗ contradicted · you · ⚠ disagrees" in text


async def test_a_remapped_key_opens_the_view_and_the_remapped_undo_works_in_it(_isolated_data):
    config = _isolated_data / "config.toml"
    config.write_text('[keymap]\n"claim-view" = "V"\n"undo" = "z"\n', encoding="utf-8")
    ids = _three_reports()
    with open_store(annotator=ME) as store:
        store.update(ids[0], evidence=(CALL,))
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "V claim view" in widget_text(app.screen.query_one(ClaimBar))
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, ClaimViewScreen)
        assert "z undo" in _view_text(app)
        await _to_row(pilot, "evidence")
        await pilot.press("d")
        await pilot.pause()
        assert "Evidence (0)" in _view_text(app)
        await pilot.press("u")  # no longer undoes
        await pilot.pause()
        assert "Evidence (0)" in _view_text(app)
        await pilot.press("z")
        await pilot.pause()
        assert CALL.title in _view_text(app)


async def test_an_open_view_shows_another_annotators_record_as_it_arrives_on_disk(tmp_path):
    from tests.test_ui_scale import wait_for

    db = tmp_path / "annotations.json"
    corpus = load_corpus()
    with open_store(db, ME) as store:
        first = corpus.articles[0].segment()[0]
        mine = store.add(corpus.articles[0], first.start, first.end, "confirmed")
    app = ReaderApp(corpus, db=db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await wait_for(pilot, lambda: app.editor is not None)
        await _open_from_pane(app, pilot)
        assert "Evidence (0)" in _view_text(app)
        # Another program (a git pull, a synced folder): Bob links his passage and cites.
        with open_store(db, "bob") as bob:
            other = corpus.articles[1].segment()[0]
            theirs = bob.add(corpus.articles[1], other.start, other.end, "confirmed")
            bob.link(theirs.id, mine.id, "supports")
            bob.update(theirs.id, evidence=(CALL,))
        await wait_for(pilot, lambda: "Evidence (1)" in _view_text(app))
        text = _view_text(app)
        assert "2 passages in 2 reports" in text and CALL.title in text


async def test_a_view_opened_before_the_alignment_shows_its_conflicts_when_it_arrives():
    from tests.test_ui_scale import wait_for

    corpus = load_corpus()
    with open_store(annotator=ME) as store:
        debut = store.add(corpus.articles[4], 157, 299, "contradicted")
        other = store.add(corpus.articles[3], 0, 40, "contradicted")
        store.link(debut.id, other.id, "supports")  # same tag, no contradicts link
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await wait_for(pilot, lambda: app.editor is not None and app.alignment is not None, 60)
        done = app.alignment
        app.alignment = None  # as if the view opened while the reports were being aligned
        app.screen.open_claim_view(debut.id)
        await pilot.pause()
        assert "still being aligned" in _view_text(app)
        app.post_message(ReaderApp.AlignmentReady(done))
        await wait_for(pilot, lambda: "status: “upcoming” (5/5)" in _view_text(app))
        assert "still being aligned" not in _view_text(app)


async def test_evidence_of_a_second_record_joined_by_a_link_can_still_be_removed():
    # Two claims, each with its own record, then linked: one claim, two records of one
    # annotator. The evidence of the later record stays the user's to edit and remove.
    second = Evidence("https://about.netflix.com/en/news", "Netflix press room")
    corpus = load_corpus()
    with open_store(annotator=ME) as store:
        firsts = [article.segment()[0] for article in corpus.articles[:2]]
        one = store.add(corpus.articles[0], firsts[0].start, firsts[0].end, "confirmed")
        store.update(one.id, evidence=(CALL,))
        two = store.add(corpus.articles[1], firsts[1].start, firsts[1].end, "confirmed")
        store.update(two.id, evidence=(second,))
        store.link(one.id, two.id, "supports")
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        app.screen.open_claim_view(one.id)
        await pilot.pause()
        assert "Evidence (2)" in _view_text(app)
        # The later record's item (two made in one millisecond list in either order).
        rows = [row.evidence for row in app.screen._rows if row.kind == "evidence"]
        await _to_row(pilot, "evidence", rows.index(second))
        await pilot.press("d")
        await pilot.pause()
        assert "Evidence (1)" in _view_text(app)
        assert "read only" not in " ".join(_messages(app))
    with open_store(annotator=ME) as store:
        assert store.get(two.id).evidence == ()
        assert store.get(one.id).evidence == (CALL,)


async def test_reports_stating_the_claim_untagged_are_listed_as_the_matrix_dots_them():
    """The claim view and the matrix told different stories: the matrix dotted reports that
    state the claim, the view did not name them. Both now come from the same cells."""
    from tests.test_ui_scale import wait_for

    corpus = load_corpus()
    third = corpus.articles[2]
    start = third.text.index("complete the visual effects sequence 10 times faster")
    with open_store(annotator=ME) as store:
        faster = store.add(third, start, start + 52, "confirmed")
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await wait_for(pilot, lambda: app.editor is not None and app.alignment is not None, 60)
        app.screen.action_matrix()
        await pilot.pause()
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        [row] = matrix.matrix.rows
        dotted = {a for a, cell in row.cells.items() if cell.kind == "matches"}
        assert corpus.articles[0].id in dotted  # the Italian "dieci volte più velocemente"
        await pilot.press("escape")
        await pilot.pause()
        app.screen.open_claim_view(faster.id)
        await pilot.pause()
        text = _view_text(app)
        assert f"Also stated in {len(dotted)} other report" in text
        assert "· states it · not tagged" in text and "dieci volte" in text
        listed = [row.where[0] for row in app.screen._rows if row.kind == "aligned"]
        assert set(listed) == dotted
        await _to_row(pilot, "aligned")
        await pilot.press("enter")
        await pilot.pause()
        pane = focused_pane(app)
        assert pane.article.id == listed[0]
        span = pane.cursor_span
        assert span is not None and row.cells[listed[0]].start < span[1]


async def test_a_passage_in_an_article_not_open_is_said_so_and_enter_opens_it():
    """It said "text no longer found" (an orphan, which it is not) and Enter refused to go
    there (found by an outside tester)."""
    from eternaut_reader.core.text.corpus import seeds_dir
    from eternaut_reader.core.text.sources import records_path, remember_sources
    from tests.test_ui_scale import wait_for

    seeds = load_corpus()
    remember_sources(records_path(), seeds.articles)
    third, fifth = seeds.articles[2], seeds.articles[4]
    here = third.text.index("The series, which premiered recently")
    there = fifth.text.index("upcoming")
    with open_store(annotator=ME) as store:
        a = store.add(third, here, here + 36, "contradicted")
        b = store.add(fifth, there, there + 8, "confirmed")
        store.link(a.id, b.id, "contradicts")
    files = sorted(seeds_dir().glob("*.txt"))[:3]  # the fifth report left out
    app = ReaderApp(load_corpus([str(f) for f in files]))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await wait_for(pilot, lambda: app.editor is not None, 60)
        app.screen.open_claim_view(a.id)
        await pilot.pause()
        text = _view_text(app)
        assert "article not open (Enter opens it)" in text
        assert "text no longer found" not in text and "?/" not in text
        await _to_row(pilot, "passage", 1)
        assert app.screen._rows[app.screen.query_one(OptionList).highlighted].annotation.id == b.id
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.corpus.by_id(fifth.id) is not None, 30)
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        pane = focused_pane(app)
        assert pane.article.id == fifth.id
        span = pane.cursor_span
        assert span is not None and span[0] <= there < span[1]


def test_the_scorecard_counts_a_claim_linked_to_an_article_not_open_as_not_alone():
    from eternaut_reader.core.text.corpus import seeds_dir
    from eternaut_reader.ui.screens.matrix import scores_of

    seeds = load_corpus()
    third, fifth = seeds.articles[2], seeds.articles[4]
    files = sorted(seeds_dir().glob("*.txt"))[:3]
    opened = load_corpus([str(f) for f in files])
    with open_store(annotator=ME) as store:
        first = third.segment()[1]
        a = store.add(third, first.start, first.end, "contradicted")
        other = fifth.segment()[1]
        b = store.add(fifth, other.start, other.end, "confirmed")
        store.link(a.id, b.id, "contradicts")
        editor = ClaimEditor.load(store, opened)
        scores = {s.article_id: s for s in scores_of(editor, opened, None)}
    assert (scores[third.id].contradicted, scores[third.id].alone) == (1, 0)


async def test_a_conflicting_passage_tagged_as_a_claim_of_its_own_is_not_called_untagged():
    """The claim view and the report said "not tagged" of a passage the matrix showed as ✗
    (it was tagged, as a claim of its own, not linked): found by an outside tester."""
    from eternaut_reader.core.report import build_report
    from tests.test_ui_scale import wait_for

    corpus = load_corpus()
    third = corpus.articles[2]
    premiered = third.text.index("The series, which premiered recently")
    with open_store(annotator=ME) as store:
        debut = store.add(corpus.articles[4], 157, 299, "contradicted")
        store.add(third, premiered, premiered + 36, "contradicted")
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await wait_for(pilot, lambda: app.editor is not None and app.alignment is not None, 60)
        app.screen.open_claim_view(debut.id)
        await pilot.pause()
        text = _view_text(app)
        assert "tagged ✗ contradicted by you, as a claim of its own, not linked to this one" in text
        assert "not tagged:" not in text
        with open_store(annotator=ME) as store:
            report = build_report(store.annotations(), corpus.articles, alignment=app.alignment)
    [entry] = [
        c
        for c in report.claims
        if any(s.quote.startswith(corpus.articles[4].text[157:180]) for s in c.statements)
    ]
    assert entry.conflicts and entry.conflicts[0].right.verdict == "✗ contradicted"


async def test_a_summary_over_75_characters_is_said_as_it_is_typed():
    """ClaimReview cuts a long summary at a word: the dialog said "≤ 75 characters" and let a
    longer one through without a word (found by an outside tester)."""
    ids = _three_reports()
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        app.screen.open_claim_view(ids[0])
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RecordScreen)
        help_line = dialog.query_one("#record-help")
        assert "ClaimReview cuts" not in widget_text(help_line)
        await pilot.press(*("word " * 18))
        await pilot.pause()
        shown = " ".join(widget_text(help_line).split())
        assert "summary 89 characters: ClaimReview cuts it to 75 at a word" in shown
