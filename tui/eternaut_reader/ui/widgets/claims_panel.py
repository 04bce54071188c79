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

from eternaut_reader.core.corpus import Corpus
from eternaut_reader.core.display import printable
from eternaut_reader.core.model import TAGS, Annotation
from eternaut_reader.core.tags import SYMBOLS


@dataclass(frozen=True)
class Row:
    annotation: Annotation
    orphan: bool
    mine: bool = True  # made by the reader's annotator; others' claims are shown, read only


COLUMNS = (
    ("Tag", 14),
    ("Article", 10),
    ("By", 8),
    ("Claim", 50),
    ("Note", 24),
    ("Links", 5),
)


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ClaimsPanel(Vertical):
    BINDINGS = [
        Binding("c", "toggle_tag('confirmed')", "Filter: confirmed", show=False),
        Binding("s", "toggle_tag('speculative')", "Filter: speculative", show=False),
        Binding("x", "toggle_tag('contradicted')", "Filter: contradicted", show=False),
        Binding("a", "next_article", "Filter: next article", show=False),
        Binding("0", "clear_filters", "Clear the filters", show=False),
        Binding("escape", "close", "Close the panel", key_display="Esc", show=False),
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
        self.tags: set[str] = set(TAGS)
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
        table.columns[ColumnKey("Claim")].width = max(20, self.size.width - others - 2)
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
            if row.annotation.tag in self.tags
            and (article_id is None or row.annotation.article_id == article_id)
        ]
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows(
            (
                Content(f"{SYMBOLS[row.annotation.tag]} {row.annotation.tag}"),
                Content(
                    self.corpus.place(row.annotation.article_id) + (" orphan" if row.orphan else "")
                ),
                Content("you" if row.mine else printable(_one_line(row.annotation.annotator, 20))),
                Content(printable(_one_line(row.annotation.quote, 200))),
                Content(printable(_one_line(row.annotation.note, 30)) or "—"),
                Content(str(len(row.annotation.links)) if row.annotation.links else "—"),
            )
            for row in self._shown
        )
        tags = " ".join(f"{SYMBOLS[t]}{'on' if t in self.tags else 'off'}" for t in TAGS)
        article = "all" if self.article_filter is None else f"{self.article_filter + 1}"
        self.query_one("#claims-filter", Static).update(
            Content(
                f"Claims: {len(self._shown)} of {len(self._rows)} · tags {tags} (c s x) · "
                f"article {article} (a) · 0 clears · Enter goes to the claim · Esc closes"
            )
        )

    def action_toggle_tag(self, tag: str) -> None:
        self.tags ^= {tag}
        self._refill()

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
        self.tags = set(TAGS)
        self.article_filter = None
        self._refill()

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self._shown):
            self.post_message(self.Jump(self._shown[event.cursor_row].annotation))

    def focus_table(self) -> None:
        self.query_one(DataTable).focus()
