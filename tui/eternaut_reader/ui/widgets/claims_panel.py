"""The claims panel (`t`): every claim of the corpus in a table, filtered by tag and article."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.annotations.tags import OPEN, verdict
from eternaut_reader.core.text.corpus import Corpus
from eternaut_reader.core.text.display import printable
from eternaut_reader.ui.keys import display_key, key_hint, keyed


@dataclass(frozen=True)
class Row:
    annotation: Annotation
    orphan: bool
    mine: bool = True  # made by the reader's annotator; others' claims are shown, read only
    closed: bool = False  # on an article that is not open: shown dimmed, Enter opens it
    linked_from: int = 0  # links other claims made to this one (the other end of a link)


COLUMNS = (
    ("Tag", 14),
    ("Article", 10),
    ("By", 8),
    ("Claim", 50),
    ("Note", 24),
    ("Links", 7),
)


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _links(made: int, received: int) -> str:
    """Links made from the claim (→) and to it (←); a dash when there are none."""
    parts = ([f"{made}→"] if made else []) + ([f"{received}←"] if received else [])
    return " ".join(parts) or "—"


@keyed("Claims panel")
class ClaimsPanel(Vertical):
    BINDINGS = [
        Binding("j", "move(1)", "Claims panel: next claim", id="panel.down", show=False),
        Binding("k", "move(-1)", "Claims panel: previous claim", id="panel.up", show=False),
        Binding(
            "c",
            "only_tag('confirmed')",
            "Claims panel: only confirmed",
            id="panel.confirmed",
            tooltip="Only ✓",
        ),
        Binding(
            "s",
            "only_tag('speculative')",
            "Claims panel: only speculative",
            id="panel.speculative",
            tooltip="Only ?",
        ),
        Binding(
            "x",
            "only_tag('contradicted')",
            "Claims panel: only contradicted",
            id="panel.contradicted",
            tooltip="Only ✗",
        ),
        Binding(
            "exclamation_mark",
            "only_tag('open')",
            "Claims panel: only open claims",
            id="panel.open",
            tooltip="Only ○",
        ),
        Binding(
            "a", "next_article", "Claims panel: next article", id="panel.article", tooltip="Article"
        ),
        Binding(
            "0", "clear_filters", "Claims panel: clear the filters", id="panel.clear", tooltip="All"
        ),
        Binding("escape", "close", "Claims panel: close", id="panel.close", tooltip="Close"),
    ]

    class Jump(Message):
        """The user chose a claim to go to."""

        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    class Closed(Message):
        pass

    def __init__(self, corpus: Corpus) -> None:
        super().__init__(id="claims-panel")
        self.corpus = corpus
        self.only: str | None = None  # a tag, "open", or None for every claim
        self.article_filter: int | None = None  # index into corpus.articles
        self._rows: list[Row] = []
        self._shown: list[Row] = []

    def compose(self) -> ComposeResult:
        yield Static(id="claims-filter")
        table: DataTable[Content] = DataTable(cursor_type="row", zebra_stripes=True)
        yield table

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width, key=label)

    def on_resize(self) -> None:
        # The claim's column takes what the others leave (each cell has 2 cells of padding).
        others = sum(width for label, width in COLUMNS if label != "Claim") + 2 * len(COLUMNS)
        table = self.query_one(DataTable)
        width = max(20, self.size.width - others - 2)
        if table.columns[ColumnKey("Claim")].width != width:
            table.columns[ColumnKey("Claim")].width = width
            row = table.cursor_row
            self._refill()  # the quotes are cut to the column, with an ellipsis
            if 0 <= row < table.row_count:
                table.move_cursor(row=row)
        table.refresh()

    def set_rows(self, rows: list[Row]) -> None:
        self._rows = rows
        self._refill()

    def _refill(self) -> None:
        article_id = (
            None if self.article_filter is None else self.corpus.articles[self.article_filter].id
        )
        self._shown = [
            row
            for row in self._rows
            if (self.only is None or (row.annotation.tag or OPEN) == self.only)
            and (article_id is None or row.annotation.article_id == article_id)
        ]
        table = self.query_one(DataTable)
        claim_width = table.columns[ColumnKey("Claim")].width
        table.clear()
        table.add_rows(
            tuple(
                Content.styled(cell, "dim") if row.closed else Content(cell)
                for cell in (
                    verdict(row.annotation.tag),
                    "not open"
                    if row.closed
                    else self.corpus.place(row.annotation.article_id)
                    + (" orphan" if row.orphan else ""),
                    "you" if row.mine else printable(_one_line(row.annotation.annotator, 20)),
                    printable(_one_line(row.annotation.quote, claim_width)),
                    printable(_one_line(row.annotation.note, 30)) or "—",
                    _links(len(row.annotation.links), row.linked_from),
                )
            )
            for row in self._shown
        )
        shown = (
            "every tag"
            if self.only is None
            else f"only {verdict(None if self.only == OPEN else self.only)}"
        )
        article = (
            "every article"
            if self.article_filter is None
            else (f"article {self.article_filter + 1}")
        )
        keys = key_hint(
            self.app, "panel.confirmed", "panel.speculative", "panel.contradicted", "panel.open"
        )
        summary = (
            f"Claims: {len(self._shown)} of {len(self._rows)} · {shown} ({keys}) · {article} "
            f"({key_hint(self.app, 'panel.article')}) · {key_hint(self.app, 'panel.clear')} "
            f"clears · {display_key('enter')} goes to the claim · "
            f"{key_hint(self.app, 'panel.close')} closes"
        )
        closed = [row for row in self._rows if row.closed]
        if closed:
            count = len({row.annotation.article_id for row in closed})
            plural = "s" if count > 1 else ""
            summary = (
                f"+{len(closed)} on {count} article{plural} not open (dimmed; "
                f"{display_key('enter')} opens) · " + summary
            )
        if self._rows and not self._shown:
            summary = f"No claims match ({shown}, {article}) · " + summary
        elif not self._rows:
            summary = "No claims yet: tag one in a pane · " + summary
        self.query_one("#claims-filter", Static).update(Content(summary))

    def action_only_tag(self, tag: str) -> None:
        """Show only this tag's claims; the same key again shows every tag."""
        self.only = None if self.only == tag else tag
        self._refill()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_next_article(self) -> None:
        count = len(self.corpus.articles)
        if self.article_filter is None:
            self.article_filter = 0
        elif self.article_filter + 1 < count:
            self.article_filter += 1
        else:
            self.article_filter = None
        self._refill()

    def action_clear_filters(self) -> None:
        self.only = None
        self.article_filter = None
        self._refill()

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self._shown):
            self.post_message(self.Jump(self._shown[event.cursor_row].annotation))

    class Highlighted(Message):
        """The table's cursor moved to another claim: the claim bar describes it."""

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted())

    def selected(self) -> Annotation | None:
        """The claim of the row under the table's cursor."""
        row = self.query_one(DataTable).cursor_row
        return self._shown[row].annotation if 0 <= row < len(self._shown) else None

    def focus_table(self) -> None:
        self.query_one(DataTable).focus()
