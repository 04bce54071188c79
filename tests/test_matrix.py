"""The claim × report matrix (core): rows joined by links, each cell's mark, CSV and Markdown."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from eternaut_reader.core.analysis.matrix import Placed, build_matrix
from eternaut_reader.core.annotations.model import Annotation, Link


def ann(ann_id: str, article: str, start: int, quote: str, tag: str | None, *links: Link):
    return Annotation(
        id=ann_id,
        article_id=article,
        quote=quote,
        prefix="",
        suffix="",
        start=start,
        end=start + len(quote),
        tag=tag,  # type: ignore[arg-type]
        note="",
        annotator="ana",
        created="2025-07-20T10:00:00Z",
        modified="2025-07-20T10:00:00Z",
        content_hash="sha256:x",
        links=tuple(links),
    )


def placed(a: Annotation) -> Placed:
    return Placed(a, a.start, a.end)


@dataclass(frozen=True)
class M:
    article: str
    start: int
    end: int
    relation: str


class FakeAlignment:
    """Matches by (article, start) of the claim asked about."""

    def __init__(self, table: dict[tuple[str, int], list[M]]) -> None:
        self.table = table

    def matches(self, article_id: str, start: int, end: int) -> list[M]:
        return self.table.get((article_id, start), [])


COLUMNS = [("A", "1 EN"), ("B", "2 IT"), ("C", "3 EN"), ("D", "4 EN")]


def test_each_cell_says_what_that_report_has():
    here = ann("x", "A", 0, "The show premiered in April.", "contradicted")
    tagged_in_c = ann("y", "C", 40, "It is upcoming.", "speculative")
    alignment = FakeAlignment(
        {
            ("A", 0): [
                M("B", 0, 8, "related"),  # on the same topic only: not a dot
                M("B", 10, 30, "agrees"),  # an aligned passage nobody tagged: a dot
                M("C", 42, 50, "conflicts"),  # overlaps a tagged claim: its verdict wins
                M("D", 5, 9, "conflicts"),  # conflicts, untagged: the conflict mark
                M("E", 0, 9, "related"),  # a report with only a related passage: blank
            ]
        }
    )
    tagged_at = {"A": [placed(here)], "C": [placed(tagged_in_c)]}
    columns = [*COLUMNS, ("E", "5 EN")]
    matrix = build_matrix([placed(here)], columns, alignment, tagged_at=tagged_at)
    [row] = matrix.rows
    marks = {article: row.cells[article].mark for article, _ in columns}
    assert marks == {"A": "✗", "B": "·", "C": "?", "D": "⚠", "E": ""}
    assert (row.cells["B"].start, row.cells["B"].end) == (10, 30)
    assert (row.cells["D"].kind, row.cells["D"].start) == ("conflicts", 5)
    assert row.cells["C"].annotation == tagged_in_c


def test_linked_claims_share_a_row_and_unlinked_ones_do_not():
    b = ann("b", "B", 5, "Arriva nella seconda metà dell'anno.", "confirmed")
    a = ann("a", "A", 0, "Coming in the second half of 2025.", "confirmed", Link("b", "supports"))
    alone = ann("c", "C", 0, "Nothing to do with it.", None)
    matrix = build_matrix([placed(a), placed(b), placed(alone)], COLUMNS, None)
    assert [len(row.claims) for row in matrix.rows] == [2, 1]
    first, second = matrix.rows
    assert [first.cells[c].mark for c, _ in COLUMNS] == ["✓", "✓", "", ""]
    assert [second.cells[c].mark for c, _ in COLUMNS] == ["", "", "○", ""]
    assert second.cells["A"].empty


def test_csv_and_markdown_hold_the_same_cells_as_the_screen():
    here = ann("x", "A", 0, "=cmd| 'evil' claim", "confirmed")
    matrix = build_matrix(
        [placed(here)], COLUMNS, FakeAlignment({("A", 0): [M("D", 1, 2, "conflicts")]})
    )
    rows = list(csv.reader(io.StringIO(matrix.to_csv())))
    assert rows[0] == ["claim", "1 EN", "2 IT", "3 EN", "4 EN"]
    assert rows[1] == ["'=cmd| 'evil' claim", "✓", "", "", "⚠"]  # formula guarded
    md = matrix.to_markdown().splitlines()
    assert md[0] == "| claim | 1 EN | 2 IT | 3 EN | 4 EN |"
    assert md[1] == "| --- | :-: | :-: | :-: | :-: |"
    assert md[2].startswith("| \\=cmd\\| 'evil' claim | ✓ |")
    assert md[2].endswith("| ⚠ |")
    assert "⚠ an aligned passage conflicts" in matrix.to_markdown()


def test_no_claims_no_rows():
    matrix = build_matrix([], COLUMNS, None)
    assert matrix.rows == [] and matrix.table() == [["claim", "1 EN", "2 IT", "3 EN", "4 EN"]]


def test_a_tag_on_a_passage_only_related_does_not_hide_a_conflict():
    """An outside tester tagged a heading of report C that the alignment relates to the claim;
    its ✓ replaced the ⚠ of C's conflicting passage. The conflict shows; a tagged passage
    that states the claim (agrees) still shows its verdict."""
    here = ann("x", "A", 0, "The ads arrive in the second half of 2025.", "confirmed")
    heading = ann("h", "C", 0, "Efficiency Gains", "confirmed")
    agreeing = ann("g", "D", 20, "Ads in late 2025.", "speculative")
    alignment = FakeAlignment(
        {
            ("A", 0): [
                M("C", 0, 16, "related"),
                M("C", 40, 60, "conflicts"),
                M("D", 20, 37, "agrees"),
            ]
        }
    )
    tagged_at = {"A": [placed(here)], "C": [placed(heading)], "D": [placed(agreeing)]}
    [row] = build_matrix([placed(here)], COLUMNS, alignment, tagged_at=tagged_at).rows
    assert row.cells["C"].mark == "⚠" and row.cells["C"].start == 40
    assert row.cells["D"].mark == "?"


def test_report_columns_name_each_report_by_number_language_and_title():
    from eternaut_reader.core.analysis.matrix import report_columns
    from eternaut_reader.core.text.corpus import Article

    articles = [
        Article(id="a", title="Netflix usa l'IA", language="it", text="x"),
        Article(id="b", title="First AI Scene", language="en", text="y"),
    ]
    assert report_columns(articles) == [
        ("a", "1 IT Netflix usa l'IA"),
        ("b", "2 EN First AI Scene"),
    ]


def test_the_scorecard_counts_a_claim_with_only_related_passages_elsewhere_as_alone():
    """The scorecard's "alone" and the matrix's blank cells agree: a passage on the same
    topic that does not state the claim is no second report making it."""
    from eternaut_reader.core.analysis.scorecard import scorecard
    from eternaut_reader.core.annotations.groups import claim_groups

    lonely = ann("x", "A", 0, "The show premiered in April.", "speculative")
    backed = ann("y", "A", 40, "It cost ten million.", "confirmed")
    alignment = FakeAlignment(
        {("A", 0): [M("B", 0, 9, "related")], ("A", 40): [M("B", 20, 30, "agrees")]}
    )
    [score, *_] = scorecard(claim_groups([lonely, backed]), COLUMNS, alignment)
    assert (score.claims, score.alone) == (2, 1)


def test_a_row_is_named_by_the_claims_summary_when_it_has_one():
    """The report named the claim by its summary, the matrix by its first quote (found by
    an outside tester): both use the summary."""
    from dataclasses import replace

    here = replace(
        ann("x", "A", 0, "Some 1,200 people cross daily.", "confirmed"), summary="Daily crossings"
    )
    plain = ann("y", "B", 0, "It says 800.", "contradicted")
    matrix = build_matrix([placed(here), placed(plain)], COLUMNS, None)
    assert sorted(row.label for row in matrix.rows) == ["Daily crossings", "It says 800."]


def test_a_small_tag_inside_a_passage_is_no_verdict_on_it():
    """A date tagged inside a long lede gave its ✓ to every claim the lede was aligned with
    (an outside tester saw "30,000 litres" confirmed by a tagged "Monday 13 April")."""
    here = ann("x", "A", 0, "Up to 30,000 litres of solvent reached the river.", "speculative")
    date = ann("d", "B", 60, "Monday 13 April", "confirmed")  # 15 of the passage's 120
    most = ann(
        "m", "C", 0, "About 30,000 litres of solvent leaked into the Adige on Monday", "confirmed"
    )
    alignment = FakeAlignment({("A", 0): [M("B", 20, 140, "agrees"), M("C", 0, 70, "agrees")]})
    matrix = build_matrix(
        [placed(here)],
        COLUMNS,
        alignment,
        tagged_at={"A": [placed(here)], "B": [placed(date)], "C": [placed(most)]},
    )
    [row] = matrix.rows
    assert row.cells["B"].mark == "·"  # states it, not tagged: the date is no verdict on it
    assert row.cells["C"].mark == "✓"  # a tag covering most of the passage gives its verdict


def _injured_row() -> tuple[Annotation, Annotation, FakeAlignment]:
    """An outside tester's row: an Italian "12 feriti" claim linked as contradicting another
    report's "19 injured", and a third report that says 12 injured."""
    row_claim = ann(
        "a", "A", 0, "Crollo del ponte: 12 feriti", "contradicted", Link("b", "contradicts")
    )
    other_side = ann("b", "B", 10, "19 people were injured", None)
    alignment = FakeAlignment(
        {
            ("A", 0): [M("B", 10, 32, "conflicts"), M("C", 5, 25, "agrees")],
            ("B", 10): [M("A", 0, 27, "conflicts"), M("C", 5, 25, "conflicts")],
        }
    )
    return row_claim, other_side, alignment


def test_a_claim_linked_as_contradicting_stands_on_the_other_side_of_the_row():
    """An outside tester's row: an Italian "12 feriti" claim linked as contradicting another
    report's "19 injured". A third report says 12 injured: it agrees with the row's claim and
    shows a dot, not the ⚠ of its conflict with "19 injured"; and the contradicting claim
    shows its verdict with the conflict mark."""
    row_claim, other_side, alignment = _injured_row()
    tagged_at = {"A": [placed(row_claim)], "B": [placed(other_side)]}
    [row] = build_matrix(
        [placed(row_claim), placed(other_side)], COLUMNS, alignment, tagged_at=tagged_at
    ).rows
    assert [row.cells[c].mark for c, _ in COLUMNS] == ["✗", "○⚠", "·", ""]


def test_a_report_with_a_supporting_and_a_contradicting_passage_shows_the_conflict():
    """An outside tester linked two passages of one report to the row's claim, the first in
    the text as supporting, the second as contradicting: the cell showed "○", hiding the
    conflict. It shows the contradicting one, with its mark, and Enter goes to it."""
    here = ann(
        "x",
        "A",
        0,
        "Sarandos confirmed it.",
        "contradicted",
        Link("s", "supports"),
        Link("c", "contradicts"),
    )
    support = ann("s", "B", 10, "He confirmed it too.", None)
    against = ann("c", "B", 80, "He denied it.", None)
    claims = [placed(here), placed(support), placed(against)]
    [row] = build_matrix(claims, COLUMNS, None).rows
    assert row.cells["B"].mark == "○⚠"
    assert (row.cells["B"].start, row.cells["B"].end) == (80, 80 + len("He denied it."))


def test_writing_a_summary_on_the_other_side_does_not_change_the_cells():
    """The row's cells are read from its first claim, whichever claim holds the summary: a
    tester saw a cell turn ?⚠ when a summary was written, and back with its undo."""
    from dataclasses import replace

    row_claim, other_side, alignment = _injured_row()

    def marks(b: Annotation) -> list[str]:
        tagged_at = {"A": [placed(row_claim)], "B": [placed(b)]}
        [row] = build_matrix(
            [placed(row_claim), placed(b)], COLUMNS, alignment, tagged_at=tagged_at
        ).rows
        return [row.cells[c].mark for c, _ in COLUMNS]

    summarised = replace(other_side, summary="How many were injured")
    assert marks(summarised) == marks(other_side) == ["✗", "○⚠", "·", ""]


def test_the_scorecard_draws_one_glyph_per_claim_until_the_bar_is_full():
    from eternaut_reader import load_corpus
    from eternaut_reader.core.analysis.scorecard import ReportScore
    from eternaut_reader.ui.screens.matrix import score_lines

    corpus = load_corpus()
    ids = [a.id for a in corpus.articles]

    def score(article: str, **counts: int) -> ReportScore:
        return ReportScore(article, "title", **counts)

    one = score_lines([score(ids[0], confirmed=1), score(ids[1], contradicted=2)], corpus, 160)
    assert one[0].plain.count("✓") == 2  # one in the bar, one in "✓1"
    assert one[1].plain.count("✗") == 3
    many = score_lines([score(ids[0], confirmed=500), score(ids[1], confirmed=250)], corpus, 80)
    assert 4 < many[0].plain.count("✓") - 1 <= 80 and many[1].plain.count("✓") > 2


def test_report_headings_are_told_apart_when_the_titles_begin_alike():
    """At 80 columns every "Netflix…" report's column read "N…" (an outside tester)."""
    from eternaut_reader import load_corpus
    from eternaut_reader.core.analysis.matrix import report_headings

    articles = load_corpus().articles
    narrow = report_headings(articles, 7)
    assert narrow == ["1 velo…", "2 Gene…", "3 Pion…", "4 Leap…", "5 Decr…"]
    assert report_headings(articles, 16)[2] == "3 EN Pioneering…"
    # Wide enough for the titles to differ: the full headings, as before.
    assert report_headings(articles, 32)[2] == "3 EN Netflix’s Pioneering Step …"


async def test_the_matrix_columns_differ_at_80_by_24():
    from textual.widgets import DataTable

    from eternaut_reader import load_corpus
    from eternaut_reader.ui.app import ReaderApp
    from tests.screen import settle

    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "m")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        labels = [str(column.label) for column in table.columns.values()][1:]
        assert len(labels) == 5
        # Without their numbers, still five different headings.
        assert len({label.split(" ", 1)[1] for label in labels}) == 5
