"""The claim × report matrix (`m`): one row per claim, one column per report.

A cell shows the verdict glyph where that report's passage is tagged, ⚠ where an aligned
passage conflicts, · where one exists untagged, and nothing where none was found (see
core/analysis/matrix.py, which also writes it as CSV and Markdown). Enter on a cell goes to
the passage; the table scrolls at 80×24 and takes the full width when there is room.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from eternaut_reader.core.analysis.matrix import (
    CONFLICT_MARK,
    MATCH_MARK,
    Matrix,
    Placed,
    build_matrix,
    report_columns,
    report_headings,
)
from eternaut_reader.core.analysis.scorecard import ReportScore, scorecard
from eternaut_reader.core.annotations.groups import claim_groups
from eternaut_reader.core.annotations.tags import OPEN, OPEN_SYMBOL, SYMBOLS, TAGS
from eternaut_reader.core.storage.atomic import write_atomic
from eternaut_reader.core.text.display import printable
from eternaut_reader.ui.keys import display_key, key_hint, keyed
from eternaut_reader.ui.screens.choice import Choice, ChoiceScreen
from eternaut_reader.ui.widgets.hint_line import HintLine

if TYPE_CHECKING:
    from textual.screen import Screen as AnyScreen

    from eternaut_reader.core.analysis import Alignment
    from eternaut_reader.core.annotations.editing import ClaimEditor
    from eternaut_reader.core.text.corpus import Corpus

REPORT_WIDTH = 7  # cells for a report column at its narrowest
CLAIM_MIN = 24
REPORT_MOST = 32


def matrix_of(
    editor: ClaimEditor,
    corpus: Corpus,
    alignment: Alignment | None,
    only: Collection[str] | None = None,
) -> Matrix:
    """The matrix of every anchored claim of the corpus (anyone's) over its reports; with
    `only`, of those claims (ids) alone, the others still telling which passages are
    tagged (the claim view's row)."""
    placed = {
        article.id: [Placed(c.annotation, c.start, c.end) for c in editor.index(article).claims()]
        for article in corpus.articles
    }
    claims = [
        c
        for article in corpus.articles
        for c in placed[article.id]
        if only is None or c.annotation.id in only
    ]
    return build_matrix(claims, report_columns(corpus.articles), alignment, tagged_at=placed)


def scores_of(
    editor: ClaimEditor, corpus: Corpus, alignment: Alignment | None
) -> list[ReportScore]:
    """The source scorecard of every anchored claim of the corpus, one score per report."""
    annotations = [
        c.annotation for article in corpus.articles for c in editor.index(article).claims()
    ]
    # Claims on articles not open count as the other end of a link (a claim linked to one is
    # not "alone"), though they have no column of their own.
    open_ids = {a.id for a in corpus.articles}
    annotations += [a for a in editor.store.annotations() if a.article_id not in open_ids]
    titles = {a.id: a.title for a in corpus.articles}
    columns = [(a.id, a.title) for a in corpus.articles]
    return scorecard(claim_groups(annotations, titles), columns, alignment)


ALONE_SYMBOL = "◇"
BAR_MOST = 24  # cells of the longest bar
SCORE_STYLES = {
    "confirmed": "$success",
    "speculative": "$warning",
    "contradicted": "$error",
    OPEN: "$primary",
}


def score_lines(scores: list[ReportScore], corpus: Corpus, width: int) -> list[Content]:
    """The scorecard as one line per report: its place and language, its title, a bar of
    one glyph per claim by tag (scaled down when the biggest report's would not fit), the
    counts, and the claims no other report makes; the report with the most contradicted
    claims is pointed out. Legible without colour: the glyphs and the numbers say it all."""
    if not scores:
        return []
    biggest = max(sum(s.count(t) for t in (*TAGS, OPEN)) for s in scores) or 1
    contradicted = [s.contradicted for s in scores]
    most = max(contradicted)
    outlier = most > 0 and contradicted.count(most) == 1
    label_width = max(12, min(34, width // 4))
    counts_width = 26
    # A bar chart of one glyph per claim, scaled down only when the report with the most
    # claims would not fit: a single claim drawn as a full bar looked like many (a tester).
    bar_width = max(4, min(BAR_MOST, width - label_width - counts_width - 6 - 20 * outlier))
    per_claim = min(1.0, bar_width / biggest)
    lines = []
    for score in scores:
        article = corpus.by_id(score.article_id)
        language = f" {article.language.upper()}" if article is not None else ""
        label = _cut(
            f"{corpus.place(score.article_id)}{language} {score.title}", label_width
        ).ljust(label_width)
        parts: list[Content] = [Content(printable(label) + " ")]
        used = 0
        for tag, glyph in (*SYMBOLS.items(), (OPEN, OPEN_SYMBOL)):
            cells = round(score.count(tag) * per_claim)
            if score.count(tag) and not cells:
                cells = 1
            cells = min(cells, bar_width - used)
            used += cells
            if cells:
                parts.append(Content.styled(glyph * cells, f"bold {SCORE_STYLES[tag]}"))
        parts.append(Content(" " * (bar_width - used + 2)))
        numbers = " ".join(
            f"{glyph}{score.count(tag)}" for tag, glyph in (*SYMBOLS.items(), (OPEN, OPEN_SYMBOL))
        )
        parts.append(Content(f"{numbers} {ALONE_SYMBOL}{score.alone} alone"))
        if outlier and score.contradicted == most:
            parts.append(Content.styled(" ◀ most contradicted", "bold $error"))
        lines.append(Content.assemble(*parts))
    return lines


def unique_path(path: Path) -> Path:
    """`path`, or `name-2.ext`, `name-3.ext`… when it is taken: an export never overwrites."""
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


@keyed("Matrix")
class MatrixScreen(Screen[tuple[str, int, int] | None]):
    """Dismisses with (article id, start, end) of the passage chosen, or None."""

    BINDINGS = [
        Binding("escape,q,m", "close", "Matrix: back to reading", id="matrix.close"),
        Binding("e", "export", "Matrix: export as CSV or Markdown", id="matrix.export"),
        Binding("r", "claim_view", "Matrix: the claim view of the row", id="matrix.claim"),
        Binding("j,down", "row(1)", "Matrix: next row", id="matrix.down", show=False),
        Binding("k,up", "row(-1)", "Matrix: previous row", id="matrix.up", show=False),
        Binding("l,right", "column(1)", "Matrix: next report", id="matrix.right", show=False),
        Binding("h,left", "column(-1)", "Matrix: previous report", id="matrix.left", show=False),
        # The table reads enter itself (DataTable.CellSelected); bound here too so that help,
        # the README and a keymap name it.
        Binding(
            "enter",
            "go",
            "Matrix: go to the cell's passage (the first column: the claim)",
            id="matrix.go",
            show=False,
        ),
    ]

    def __init__(
        self,
        matrix: Matrix,
        corpus: Corpus,
        *,
        aligning: str | None = None,
        scores: list[ReportScore] | None = None,
        claim_view: Callable[[str], AnyScreen[tuple[str, int, int] | None] | None] | None = None,
        reload: Callable[[], tuple[Matrix, list[ReportScore]]] | None = None,
    ) -> None:
        """`scores`: the source scorecard drawn under the table; `claim_view` makes the claim
        view of an annotation's claim; `reload` computes both again after it changed them."""
        super().__init__()
        self.matrix = matrix
        self.corpus = corpus
        self.aligning = aligning
        self.scores = scores or []
        self.claim_view = claim_view
        self.reload = reload

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="matrix-title")
            table: DataTable[Content] = DataTable(
                id="matrix-table", cursor_type="cell", zebra_stripes=True, fixed_columns=1
            )
            yield table
            if self.scores:
                yield Static(id="matrix-scores")
            yield HintLine(self._legend(), id="matrix-legend")

    def _legend(self) -> Content:
        glyphs = " ".join(SYMBOLS.values()) + f" {OPEN_SYMBOL}"
        return Content(
            f"{glyphs} tagged there · {CONFLICT_MARK} conflicts (after a glyph: linked as "
            f"contradicting the row's claim) · {MATCH_MARK} states it, not "
            f"tagged · blank: not found · {key_hint(self.app, 'matrix.left', 'matrix.right')} "
            "or ←→ reports · "
            f"{display_key('enter')} goes there · "
            f"{key_hint(self.app, 'matrix.claim')} the claim · "
            f"{key_hint(self.app, 'matrix.export')} export · {key_hint(self.app, 'matrix.close')} "
            "back"
        )

    def on_mount(self) -> None:
        claims = sum(len(row.claims) for row in self.matrix.rows)
        state = f" · {self.aligning}" if self.aligning else ""
        title = (
            f"Claims × reports: {_count(len(self.matrix.rows), 'row')} "
            f"({_count(claims, 'claim')}, linked claims share a row) × "
            f"{_count(len(self.matrix.columns), 'report')}{state}"
        )
        if not self.matrix.rows:
            title = "No claims yet: tag some in the panes, then come back"
        self.query_one("#matrix-title", Static).update(Content(title))
        self._fill()
        table = self.query_one(DataTable)
        if self.matrix.rows and self.matrix.columns:
            # On the first report's cell: Enter goes to a passage, and l moves to report 2.
            table.cursor_coordinate = table.cursor_coordinate._replace(row=0, column=1)
        table.focus()

    def on_resize(self) -> None:
        self._fill()

    def _widths(self) -> tuple[int, int]:
        reports = max(1, len(self.matrix.columns))
        width = max(40, self.size.width - 4)
        # The claim column keeps two fifths of the width; the report columns share the rest,
        # up to REPORT_MOST cells each: at 220 columns five reports' headings are told apart
        # by their titles.
        least = max(CLAIM_MIN, width * 2 // 5)
        report = max(REPORT_WIDTH, min(REPORT_MOST, (width - least) // reports - 2))
        claim = max(CLAIM_MIN, width - reports * (report + 2) - 2)
        return claim, report

    def _fill(self) -> None:
        self._fill_scores()
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        claim_width, report_width = self._widths()
        table.add_column("Claim", width=claim_width, key="claim")
        articles = [self.corpus.by_id(article_id) for article_id, _ in self.matrix.columns]
        if all(a is not None for a in articles):
            # Told apart at any width (the titles mostly begin alike): see report_headings.
            headings = report_headings([a for a in articles if a is not None], report_width)
        else:
            headings = [_cut(heading, report_width) for _, heading in self.matrix.columns]
        for heading in headings:
            table.add_column(printable(heading), width=report_width)
        for row in self.matrix.rows:
            cells = [Content(printable(_cut(row.label, claim_width)))]
            cells += [Content(row.cells[a].mark.center(3)) for a, _ in self.matrix.columns]
            table.add_row(*cells)
        if self.matrix.rows:
            table.cursor_coordinate = cursor

    def _fill_scores(self) -> None:
        if not self.scores:
            return
        width = max(40, self.size.width - 2)
        glyphs = " ".join((*SYMBOLS.values(), OPEN_SYMBOL))
        heading = Content.styled(
            f"Sources: claims by tag ({glyphs}) · {ALONE_SYMBOL} alone: no other report makes it",
            "bold",
        )
        lines = [heading, *score_lines(self.scores, self.corpus, width)]
        self.query_one("#matrix-scores", Static).update(Content("\n").join(lines))

    def action_row(self, step: int) -> None:
        """j and k move between rows, as in every other list of the reader."""
        table = self.query_one(DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_column(self, step: int) -> None:
        """h and l move between reports, as ← and → do."""
        table = self.query_one(DataTable)
        if step > 0:
            table.action_cursor_right()
        else:
            table.action_cursor_left()

    def action_go(self) -> None:
        self.query_one(DataTable).action_select_cursor()

    def action_claim_view(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_coordinate.row
        if self.claim_view is None or not 0 <= row < len(self.matrix.rows):
            self.notify("No claim here", severity="warning")
            return
        screen = self.claim_view(self.matrix.rows[row].claims[0].annotation.id)
        if screen is None:
            return

        def back(target: tuple[str, int, int] | None) -> None:
            if target is not None:
                self.dismiss(target)
            elif self.reload is not None:
                self.matrix, self.scores = self.reload()
                self._fill()

        self.app.push_screen(screen, back)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        row, column = event.coordinate.row, event.coordinate.column
        if not 0 <= row < len(self.matrix.rows):
            return
        matrix_row = self.matrix.rows[row]
        if column == 0:
            first = matrix_row.claims[0]
            self.dismiss((first.annotation.article_id, first.start, first.end))
            return
        article_id = self.matrix.columns[column - 1][0]
        cell = matrix_row.cells[article_id]
        if cell.empty:
            self.notify("No passage of this report was found to state this claim")
            return
        self.dismiss((article_id, cell.start, cell.end))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        if not self.matrix.rows:
            self.notify("No claims to export yet: tag some first", severity="warning")
            return

        def write(choice: str | None) -> None:
            if choice not in {"csv", "md"}:
                return
            path = unique_path(Path.cwd() / f"claims-matrix.{choice}")
            text = self.matrix.to_csv() if choice == "csv" else self.matrix.to_markdown()
            try:
                write_atomic(path, [text.encode("utf-8")])
            except OSError as error:
                reason = error.strerror or str(error)
                self.notify(f"cannot write {path}: {reason}", title="Not written", severity="error")
                return
            self.notify(f"Matrix written to {path}", title="Export", timeout=10)

        self.app.push_screen(
            ChoiceScreen(
                f"Export the matrix to {printable(str(Path.cwd()))} as (claims-matrix.csv "
                "or .md, never over an existing file):",
                [
                    Choice("c", "CSV", "csv"),
                    Choice("m", "Markdown", "md"),
                    Choice("escape", "Cancel", "cancel"),
                ],
            ),
            write,
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
