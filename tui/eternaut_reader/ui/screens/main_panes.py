"""The main screen's first layer: the article panes side by side, moving between panes and
articles, and the reading session (which article each pane shows, and where).

The main screen is built in layers, each a Screen subclass of the one before:
PanesScreen (here) < ArticlesScreen (main_articles: articles not open, the claims panel) <
ClaimsScreen (main_claims: edits, the claim bar, notes, links) < CrossCheckScreen
(main_crosscheck: the same fact elsewhere, the claim view, the matrix) < MainScreen (main:
the bindings). Each layer calls only its own methods and those of the layers below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen

from eternaut_reader.core.text.corpus import Article, Corpus
from eternaut_reader.ui import session
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from eternaut_reader.ui.widgets.key_bar import KeyBar
from eternaut_reader.ui.widgets.pane import ArticlePane, Place

if TYPE_CHECKING:
    from eternaut_reader.core.annotations.claims import Claim
    from eternaut_reader.core.annotations.editing import ClaimEditor
    from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel
    from eternaut_reader.ui.widgets.same_fact import SameFactPanel

MIN_PANE_WIDTH = 40


class PanesScreen(Screen[None]):
    def __init__(self, corpus: Corpus, session_file: Path | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.session_file = session_file
        self.save_state = "saved"
        self._save_errors_told: set[str] = set()  # the save errors notified since the last save
        # The claim bar's claim and totals as last worked out, and whether read-only: a new
        # save state redraws it without working them out again.
        self._claim_bar_text: tuple[str, str, bool] | None = None
        saved, self._focus_first = session.load(session_file, corpus) if session_file else ([], 0)
        # Which article each pane shows, kept for panes that a narrower terminal hides.
        ids = [a.id for a in corpus.articles]
        # One pane per article: a session that names one twice (written before a hidden
        # pane's article was opened in a shown one) keeps its first.
        saved = [
            s for n, s in enumerate(saved) if s.article_id not in (t.article_id for t in saved[:n])
        ]
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
            yield KeyBar()

    def on_mount(self) -> None:
        self._focus_pane(self._focus_first if self._focus_first < len(self.panes) else 0)
        if self.session_file is not None:
            fmt = session.export_format(self.session_file, self.corpus)
            if fmt is not None and hasattr(self.app, "export_format"):
                self.app.export_format = fmt
        self.set_interval(3.0, self._save_session_if_changed)

    def on_resize(self, event: Resize) -> None:
        self._fit_panes(event.size.width)

    @property
    def editor(self) -> ClaimEditor | None:
        return cast("ClaimEditor | None", getattr(self.app, "editor", None))

    # -- panes -----------------------------------------------------------------------------

    @property
    def panes(self) -> list[ArticlePane]:
        """The panes, left to right."""
        return list(self.query(ArticlePane))

    def pane(self, number: int) -> ArticlePane | None:
        return next((p for p in self.panes if p.number == number), None)

    @property
    def focused_view(self) -> ArticlePane | None:
        return self.focused if isinstance(self.focused, ArticlePane) else None

    def _panes_for(self, width: int) -> int:
        return max(1, min(len(self.corpus.articles), width // MIN_PANE_WIDTH))

    def _make_pane(self, number: int) -> ArticlePane:
        article = self.corpus.articles[self.assignment[number]]
        return ArticlePane(self.corpus, article, number, self.places.get(number))

    def _fit_panes(self, width: int) -> None:
        wanted = self._panes_for(width)
        panes = self.panes
        if len(panes) < wanted:
            self._assign_new_panes(len(panes), wanted)
            self.query_one("#panes").mount_all(
                self._make_pane(number) for number in range(len(panes), wanted)
            )
        elif len(panes) > wanted:
            if self.focused_view in panes[wanted:]:
                self._focus_pane(wanted - 1)
            for pane in panes[wanted:]:
                self.places[pane.number] = pane.place()
                pane.remove()
            self.panes_hidden(wanted)

    def panes_hidden(self, shown: int) -> None:
        """Panes from number `shown` on are gone (a narrower terminal): what followed one of
        them follows a pane still shown (the cross-check layer's panel)."""

    def _assign_new_panes(self, first: int, wanted: int) -> None:
        """Give panes a wider terminal adds an article no pane shows yet: the one a pane had
        before may since be shown by another (`]`, the picker), and articles opened later
        have no pane of their own yet."""
        total = len(self.corpus.articles)
        self.assignment += [i for i in range(total) if i not in self.assignment]
        shown = {self.assignment[n] for n in range(first)}
        for number in range(first, wanted):
            if self.assignment[number] in shown:
                free = next((i for i in range(total) if i not in shown), None)
                if free is not None:
                    self.assignment[number] = free
                    self.places.pop(number, None)  # that place was in another article
            shown.add(self.assignment[number])

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
        self.show_in_pane(pane, self.corpus.articles[choice])

    def show_in_pane(self, pane: ArticlePane, article: Article) -> None:
        index = self.corpus.articles.index(article)
        hidden = len(self.panes)
        if index in self.assignment[hidden:]:
            # A pane a narrower terminal hides had this article: it takes this pane's, so
            # that a wider terminal (or the next start) does not show one article twice.
            slot = self.assignment.index(index, hidden)
            self.assignment[slot] = self.assignment[pane.number]
            self.places.pop(slot, None)
        self.assignment[pane.number] = index
        pane.show_article(article)
        self.note_session_change()

    def action_pick_article(self) -> None:
        from eternaut_reader.ui.screens.picker import PickerScreen

        pane = self.focused_view or next(iter(self.panes), None)
        current = pane.article.id if pane is not None else None

        def chosen(article_id: str | None) -> None:
            article = self.corpus.by_id(article_id) if article_id else None
            target = pane if pane is not None and pane.is_mounted else next(iter(self.panes), None)
            if article is not None and target is not None:
                target = self._showing(article, target)
                self.set_focus(target)

        self.app.push_screen(PickerScreen(self.corpus, current), chosen)

    def _showing(self, article: Article, target: ArticlePane) -> ArticlePane:
        """The pane that shows article: another pane already showing it (one article is
        never shown twice; an outside tester's Ctrl+F showed one in two panes), else target,
        which it is then shown in."""
        if target.article.id == article.id:
            return target
        elsewhere = next((p for p in self.panes if p.article.id == article.id), None)
        if elsewhere is not None:
            return elsewhere
        self.show_in_pane(target, article)
        return target

    def action_search_all(self) -> None:
        from eternaut_reader.ui.screens.search_all import MatchChoice, SearchAllScreen

        pane = self.focused_view or next(iter(self.panes), None)
        query = pane.reading.search.query if pane is not None else ""

        def chosen(match: MatchChoice | None) -> None:
            article = self.corpus.by_id(match.article_id) if match else None
            target = pane if pane is not None and pane.is_mounted else next(iter(self.panes), None)
            if match is None or article is None or target is None:
                return
            target = self._showing(article, target)
            target.show_match(match.query, match.start, match.end)
            self.set_focus(target)

        self.app.push_screen(SearchAllScreen(self.corpus, query), chosen)

    def action_search(self) -> None:
        view = self.focused_view
        if view is not None:
            view.open_prompt()

    # -- the session -----------------------------------------------------------------------

    def note_session_change(self) -> None:
        self._session_dirty = True

    def save_session(self) -> None:
        """Write each pane's article and cursor, so that the next start opens here."""
        editor = self.editor
        if self.session_file is None or (editor is not None and editor.store.read_only):
            # Nothing beside a read-only database is written, the reading position included.
            return
        for pane in self.panes:
            self.places[pane.number] = pane.place()
        states = []
        # Every pane's article in order, those a narrow terminal hides included: saving only
        # the panes ever shown let a restart at a wider terminal fill the others in the
        # corpus's order, not the order the user left them in (an outside tester).
        for n in range(len(self.assignment)):
            place = self.places.get(n, Place())
            article = self.corpus.articles[self.assignment[n]]
            states.append(
                session.PaneState(
                    article.id,
                    place.cursor_offset,
                    place.top_offset,
                    session.snippet(article.text, place.cursor_offset),
                )
            )
        focused = self.focused_view.number if self.focused_view else 0
        try:
            session.save(
                self.session_file,
                self.corpus,
                states,
                focused,
                getattr(self.app, "export_format", None),
            )
        except OSError as exc:
            self.notify(f"Could not save the reading position: {exc}", severity="warning")
        self._session_dirty = False

    def _save_session_if_changed(self) -> None:
        if self._session_dirty:
            self.save_session()

    def _refresh_key_bar(self) -> None:
        for bar in self.query(KeyBar):
            bar.refresh_hints()

    def _same_fact(self) -> SameFactPanel | None:
        from eternaut_reader.ui.widgets.same_fact import SameFactPanel

        for node in self.query(SameFactPanel):
            return node
        return None

    def show_span(
        self, article: Article, start: int, end: int, *, avoid: ArticlePane | None, focus: bool
    ) -> ArticlePane | None:
        """Bring start..end of an article up in a pane (not `avoid` when another will do),
        opening the article in one if no pane shows it, with the cursor on it."""
        panes = self.panes
        if not panes:
            return None
        showing = [p for p in panes if p.article.id == article.id and p is not avoid]
        if showing:
            pane = showing[0]
        else:
            pane = self._pane_to_replace(avoid)
            self.show_in_pane(pane, article)
        pane.go_to_span(start, end)
        if focus:
            self.set_focus(pane)
        return pane

    def _pane_to_replace(self, avoid: ArticlePane | None) -> ArticlePane:
        """The pane an article no pane shows takes: the one in focus (or in focus before the
        claims panel took it), as the README says, unless that is `avoid` (the pane a jump
        comes from, whose passage the reader is checking), then the first other. An outside
        tester, in pane 2, saw the claims panel open an article in pane 1."""
        panes = self.panes
        others = [p for p in panes if p is not avoid] or panes
        recent = self.focused_view or getattr(self, "_pane_before_panel", None)
        return recent if recent in others else others[0]

    def go_to_claim(self, article: Article, claim: Claim, avoid: ArticlePane | None = None) -> None:
        """Show a claim: in a pane already showing its article, else in another pane."""
        panes = self.panes
        showing = [p for p in panes if p.article.id == article.id]
        if showing:
            pane = next((p for p in showing if p is not avoid), showing[0])
        else:
            pane = self._pane_to_replace(avoid)
            self.show_in_pane(pane, article)
        pane.show_claim(claim)
        self.set_focus(pane)

    def _panel(self) -> ClaimsPanel | None:
        """The claims panel, if it was opened once (it is built on first use)."""
        from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel

        for node in self.query(ClaimsPanel):
            return node
        return None

    def close_a_panel(self) -> bool:
        """Close the same-fact panel, or else the claims panel, whichever is open (Esc in a
        pane with nothing of its own to cancel); the focus stays where it is."""
        for panel in (self._same_fact(), self._panel()):
            if panel is not None and panel.display:
                panel.display = False
                self._refresh_key_bar()
                return True
        return False

    def refresh_claim_bar(self) -> None:
        """Redraw the claim bar (the claims layer, main_claims.ClaimsScreen, fills it in)."""
