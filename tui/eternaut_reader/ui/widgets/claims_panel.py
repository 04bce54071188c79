"""The claims panel (`t`): every claim of the corpus in a table, filtered by tag and article."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message

from eternaut_reader.core.annotations.claims import Claim, ClaimIndex
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.annotations.tags import OPEN, verdict
from eternaut_reader.core.text.corpus import Corpus
from eternaut_reader.core.text.display import printable
from eternaut_reader.ui.keys import display_key, key_hint, keyed
from eternaut_reader.ui.widgets.claims_table import Cell, ClaimsTable
from eternaut_reader.ui.widgets.hint_line import HintLine


class Row(NamedTuple):
    # A tuple, not a dataclass: the panel makes one per claim (100,000 in 0.02 s). Who made
    # it and the links made to it are looked up when the row is drawn.
    annotation: Annotation
    orphan: bool = False
    closed: bool = False  # on an article that is not open: shown dimmed, Enter opens it


# Each column's label, width and narrowest width: in a narrow terminal the note, who made
# the claim and the article give up room before the claim's own column goes below 20.
class ArticleRows:
    """One article's rows, in its claim index's order (position, then id), then its orphans;
    kept up to date edit by edit. A tag among 100,000 claims replaces one row, where building
    all the rows again took 0.2 s with the panel open."""

    def __init__(self, index: ClaimIndex) -> None:
        self.index = index
        self._built_from: list[Claim] | None = index.claims()
        self.rows = [Row(c.annotation) for c in self._built_from]
        # In the order their quotes stood in the text (they were listed last one first).
        orphans = sorted(index.orphans.values(), key=lambda a: (a.start, a.end, a.id))
        self.orphans = [Row(a, True) for a in orphans]
        # Each row's key in the index's order, and each claim's key: made at the first edit
        # (from the claims the rows were built from), so that opening the panel does not pay
        # for them.
        self.keys: list[tuple[int, int, str]] = []
        self.where: dict[str, tuple[int, int, str]] = {}

    def _keyed(self) -> list[tuple[int, int, str]]:
        if self._built_from is not None:
            self.keys = [(c.start, c.end, c.id) for c in self._built_from]
            self.where = {key[2]: key for key in self.keys}
            self._built_from = None
        return self.keys

    def follows(self, annotation_ids: Iterable[str | None]) -> bool:
        """Follow the index after edits of these claims; False when it cannot."""
        return all(self.update(ident) for ident in annotation_ids)

    def update(self, annotation_id: str | None) -> bool:
        """Follow the index after an edit of this claim (None: a claim removed, unnamed).
        False when the rows cannot follow (an orphan changed): build them again."""
        index = self.index
        if len(self.orphans) != len(index.orphans) or (
            annotation_id is not None and annotation_id in index.orphans
        ):
            return False
        keys = self._keyed()
        gone = (
            [annotation_id]
            if annotation_id is not None
            else [i for i in self.where if index.get(i) is None]
        )
        for ident in gone:
            key = self.where.pop(ident, None)
            if key is not None:
                at = bisect_left(keys, key)
                del keys[at], self.rows[at]
        claim = index.get(annotation_id) if annotation_id is not None else None
        if claim is not None:
            key = (claim.start, claim.end, claim.id)
            at = bisect_left(keys, key)
            keys.insert(at, key)
            self.rows.insert(at, Row(claim.annotation))
            self.where[claim.id] = key
        return len(self.rows) == len(index)


COLUMNS = (
    ("Tag", 14, 14),
    ("Article", 10, 5),
    ("By", 8, 4),
    ("Claim", 50, 20),
    ("Note", 24, 6),
    ("Links", 7, 5),
)


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _links(relations: list[str]) -> str:
    """The claim's links, made from it or to it, by relation: "+2 −1" for two supporting and
    one contradicting; a dash when there are none. (The claim bar says which end made each.)"""
    supports = relations.count("supports")
    contradicts = len(relations) - supports
    parts = ([f"+{supports}"] if supports else []) + ([f"−{contradicts}"] if contradicts else [])
    return " ".join(parts) or "—"


@keyed("Claims panel")
class ClaimsPanel(Vertical):
    BINDINGS = [
        Binding("j,down", "move(1)", "Claims panel: next claim", id="panel.down", show=False),
        Binding("k,up", "move(-1)", "Claims panel: previous claim", id="panel.up", show=False),
        # The table reads enter itself (ClaimsTable.Selected); bound here too so that help,
        # the README and a keymap name it.
        Binding("enter", "go", "Claims panel: go to the claim", id="panel.go", show=False),
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
        self._me: str | None = None  # the reader's annotator: others' claims are read only
        # The relations of the links other claims made to a claim.
        self._received: Callable[[str], list[str]] = lambda ann_id: []
        self._shown: list[Row] = []

    def compose(self) -> ComposeResult:
        yield HintLine(id="claims-filter")
        # The claim's column takes what the others leave; only the rows in sight are drawn.
        yield ClaimsTable(COLUMNS, "Claim", id="claims-table")

    @property
    def table(self) -> ClaimsTable:
        return self.query_one(ClaimsTable)

    def _cells(self, index: int, claim_width: int) -> list[Cell]:
        """A row's cells, worked out when it comes into sight: quotes are cut to the
        claim's column with an ellipsis."""
        row = self._shown[index]
        annotation = row.annotation
        place = (
            "not open"
            if row.closed
            else self.corpus.place(annotation.article_id) + (" orphan" if row.orphan else "")
        )
        texts = (
            verdict(annotation.tag),
            place,
            "you"
            if annotation.annotator == self._me
            else printable(_one_line(annotation.annotator, 20)),
            printable(_one_line(annotation.quote, claim_width)),
            printable(_one_line(annotation.note, 30)) or "—",
            _links([k.relation for k in annotation.links] + self._received(annotation.id)),
        )
        return [(text, row.closed) for text in texts]

    def set_rows(
        self,
        rows: list[Row],
        me: str | None = None,
        received: Callable[[str], list[str]] | None = None,
        *,
        refit: bool = True,
    ) -> None:
        """Every claim's row; `me` the reader's annotator, received(id) the relations of the
        links other claims made to that one. refit: fit the article and annotator columns to
        the rows."""
        self._rows = rows
        self._me = me
        if received is not None:
            self._received = received
        if refit:  # an edit of one's own claim never needs wider columns: not worked out
            self._fit_columns()
        self._refill()

    def _fit_columns(self) -> None:
        """The article and annotator columns as wide as what they show, so that the quote
        gets the rest ("2/3" and "you" kept 10 and 8 cells at 80 columns)."""
        count = len(self.corpus.articles)
        place = len(f"{count}/{count}") + (
            len(" orphan") if any(r.orphan for r in self._rows) else 0
        )
        if any(r.closed for r in self._rows):
            place = max(place, len("not open"))
        names = {r.annotation.annotator for r in self._rows} - {self._me}
        by = max([len("you"), *(min(20, len(printable(n))) for n in names)])
        widths = {"Article": max(len("Article"), place), "By": max(len("By"), by)}
        # Fitted to what they show, they keep it: "not open" is not cut to "not …".
        self.table.columns = [
            (label, widths[label], widths[label]) if label in widths else (label, w, narrowest)
            for label, w, narrowest in COLUMNS
        ]
        self.table.refresh_layout()

    def _refill(self, *, to_top: bool = False) -> None:
        """Show the rows the filters let through; to_top: the cursor goes to the first
        (a new filter), else it stays on its row (an edit)."""
        article_id = (
            None if self.article_filter is None else self.corpus.articles[self.article_filter].id
        )
        self._shown = [
            row
            for row in self._rows
            if (self.only is None or (row.annotation.tag or OPEN) == self.only)
            and (article_id is None or row.annotation.article_id == article_id)
        ]
        if to_top:
            self.table.move_cursor(0)
        self.table.show(len(self._shown), self._cells)
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
        # A key and what it does are never parted by a wrap ("Esc" at a line's end, "closes"
        # on the next, an outside tester saw): a HintLine breaks only between hints.
        summary = (
            f"Claims: {len(self._shown)} of {len(self._rows)} · {shown} ({keys}) · {article} "
            f"({key_hint(self.app, 'panel.article')}) · {key_hint(self.app, 'panel.clear')}"
            f"\u00a0clears · {display_key('enter')}\u00a0goes\u00a0there · "
            f"{key_hint(self.app, 'panel.close')}\u00a0closes"
        )
        closed = [row for row in self._rows if row.closed]
        if closed:
            count = len({row.annotation.article_id for row in closed})
            plural = "s" if count > 1 else ""
            summary = f"+{len(closed)} on {count} article{plural} not open (dimmed) · " + summary
        if self._rows and not self._shown:
            summary = f"No claims match ({shown}, {article}) · " + summary
        elif not self._rows:
            summary = "No claims yet: tag one in a pane · " + summary
        self.query_one("#claims-filter", HintLine).update(Content(summary))

    def action_only_tag(self, tag: str) -> None:
        """Show only this tag's claims; the same key again shows every tag."""
        self.only = None if self.only == tag else tag
        self._refill(to_top=True)

    def action_move(self, step: int) -> None:
        self.table.action_cursor(step)

    def action_go(self) -> None:
        claim = self.selected()
        if claim is not None:
            self.post_message(self.Jump(claim))

    def action_next_article(self) -> None:
        count = len(self.corpus.articles)
        if self.article_filter is None:
            self.article_filter = 0
        elif self.article_filter + 1 < count:
            self.article_filter += 1
        else:
            self.article_filter = None
        self._refill(to_top=True)

    def action_clear_filters(self) -> None:
        self.only = None
        self.article_filter = None
        self._refill(to_top=True)

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def on_claims_table_selected(self, event: ClaimsTable.Selected) -> None:
        event.stop()
        if 0 <= event.row < len(self._shown):
            self.post_message(self.Jump(self._shown[event.row].annotation))

    class Highlighted(Message):
        """The table's cursor moved to another claim: the claim bar describes it."""

    def on_claims_table_highlighted(self, event: ClaimsTable.Highlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted())

    def selected(self) -> Annotation | None:
        """The claim of the row under the table's cursor."""
        row = self.table.cursor_row
        return self._shown[row].annotation if 0 <= row < len(self._shown) else None

    def focus_table(self) -> None:
        self.table.focus()
