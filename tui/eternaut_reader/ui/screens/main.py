"""The main screen: as many article panes as fit side by side, and a key bar."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen

from eternaut_reader.core.corpus import Article, Corpus
from eternaut_reader.ui import session
from eternaut_reader.ui.screens.claims import ClaimActions
from eternaut_reader.ui.widgets.article_view import Place
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from eternaut_reader.ui.widgets.claim_pane import ClaimPane
from eternaut_reader.ui.widgets.key_bar import KeyBar

MIN_PANE_WIDTH = 40


class MainScreen(ClaimActions, Screen[None]):
    # Shown in the key bar in this order, by their tooltip (a short label) when they have one.
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("tab", "next_pane", "Next pane", key_display="Tab", tooltip="Pane"),
        Binding("shift+tab", "previous_pane", "Previous pane", key_display="Shift+Tab", show=False),
        Binding(
            "right_square_bracket",
            "next_article",
            "Next article in this pane",
            key_display="]",
            tooltip="Article",
        ),
        Binding(
            "left_square_bracket",
            "previous_article",
            "Previous article in this pane",
            key_display="[",
            show=False,
        ),
        Binding("slash", "search", "Search in this article", key_display="/", tooltip="Search"),
        Binding("t", "toggle_claims", "Claims panel", key_display="t", tooltip="Claims"),
        Binding("e", "export", "Export the claims", key_display="e", tooltip="Export"),
        Binding("u", "undo", "Undo", key_display="u", show=False),
        Binding("ctrl+r", "redo", "Redo", key_display="Ctrl+R", show=False),
        Binding("q", "app.quit", "Quit", key_display="q"),
    ]

    def __init__(self, corpus: Corpus, session_file: Path | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.session_file = session_file
        saved, self._focus_first = session.load(session_file, corpus) if session_file else ([], 0)
        # Which article each pane shows, kept for panes that a narrower terminal hides.
        ids = [a.id for a in corpus.articles]
        restored = [ids.index(state.article_id) for state in saved]
        rest = [i for i in range(len(ids)) if i not in restored]
        self.assignment = (restored + rest)[: len(ids)]
        self.places = {n: Place(s.cursor_offset, s.top_offset) for n, s in enumerate(saved)}
        self._session_dirty = False

    def compose(self) -> ComposeResult:
        # The first panes are composed rather than mounted later, saving a layout pass.
        with Horizontal(id="panes"):
            for number in range(self._panes_for(self.app.size.width)):
                yield self._make_pane(number)
        with Vertical(id="bars"):
            yield ClaimBar()
            yield KeyBar([b for b in self.BINDINGS if isinstance(b, Binding)])

    def on_mount(self) -> None:
        self._focus_pane(self._focus_first if self._focus_first < len(self.panes) else 0)
        self.set_interval(3.0, self._save_session_if_changed)

    def on_resize(self, event: Resize) -> None:
        self._fit_panes(event.size.width)

    @property
    def panes(self) -> list[ClaimPane]:
        """The panes, left to right."""
        return list(self.query(ClaimPane))

    def _panes_for(self, width: int) -> int:
        return max(1, min(len(self.corpus.articles), width // MIN_PANE_WIDTH))

    def _make_pane(self, number: int) -> ClaimPane:
        article = self.corpus.articles[self.assignment[number]]
        return ClaimPane(self.corpus, article, number, self.places.get(number))

    # -- the session -----------------------------------------------------------------------

    def note_session_change(self) -> None:
        self._session_dirty = True

    def save_session(self) -> None:
        """Write each pane's article and cursor, so that the next start opens here."""
        if self.session_file is None:
            return
        panes = self.panes
        for pane in panes:
            self.places[pane.number] = pane.place()
        states = [
            session.PaneState(
                self.corpus.articles[self.assignment[n]].id, place.cursor_offset, place.top_offset
            )
            for n, place in sorted(self.places.items())
            if n < len(self.assignment)
        ]
        focused = self.focused_view.number if self.focused_view else 0
        try:
            session.save(self.session_file, self.corpus, states, focused)
        except OSError as exc:
            self.notify(
                f"Could not save the reading position: {exc}", severity="warning", markup=False
            )
        self._session_dirty = False

    def _save_session_if_changed(self) -> None:
        if self._session_dirty:
            self.save_session()

    def _fit_panes(self, width: int) -> None:
        wanted = self._panes_for(width)
        panes = self.panes
        if len(panes) < wanted:
            self.query_one("#panes").mount_all(
                self._make_pane(number) for number in range(len(panes), wanted)
            )
        elif len(panes) > wanted:
            if self.focused_view in panes[wanted:]:
                self._focus_pane(wanted - 1)
            for pane in panes[wanted:]:
                self.places[pane.number] = pane.place()
                pane.remove()

    @property
    def focused_view(self) -> ClaimPane | None:
        return self.focused if isinstance(self.focused, ClaimPane) else None

    def _focus_pane(self, number: int) -> None:
        panes = self.panes
        if panes:
            self.set_focus(panes[number % len(panes)])

    def action_next_pane(self) -> None:
        self._step_pane(+1)

    def action_previous_pane(self) -> None:
        self._step_pane(-1)

    def _step_pane(self, step: int) -> None:
        pane = self.focused_view
        self._focus_pane((pane.number if pane else -step) + step)

    def action_next_article(self) -> None:
        self._step_article(+1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def _step_article(self, step: int) -> None:
        """Show the next article that no other pane shows; if every one is shown, the next one."""
        pane = self.focused_view
        if pane is None:
            return
        total = len(self.corpus.articles)
        current = self.assignment[pane.number]
        shown = {self.assignment[p.number] for p in self.panes if p is not pane}
        candidates = [(current + step * k) % total for k in range(1, total)]
        choice = next(
            (c for c in candidates if c not in shown), candidates[0] if candidates else current
        )
        self._show_in_pane(pane, self.corpus.articles[choice])

    def _show_in_pane(self, pane: ClaimPane, article: Article) -> None:
        self.assignment[pane.number] = self.corpus.articles.index(article)
        pane.show_article(article)
        self.note_session_change()

    def action_search(self) -> None:
        view = self.focused_view
        if view is not None:
            view.open_prompt()

    def action_help(self) -> None:
        from eternaut_reader.ui.screens.help import HelpScreen  # rich.table: only when asked

        self.app.push_screen(HelpScreen())
