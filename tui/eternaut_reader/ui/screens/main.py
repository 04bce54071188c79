"""The main screen: as many article panes as fit side by side, the claim bar and the key bar.

Attributes down, messages up: a pane says what its keys asked for (ArticlePane.Edited,
NoteRequested, LinkRequested, FollowRequested, with ids), and the screen, the one place that
handles claims, changes them through the app's ClaimEditor and tells the panes what to draw.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen

from eternaut_reader.core.storage.database import StoreError
from eternaut_reader.core.text.corpus import Article, Corpus
from eternaut_reader.ui import session
from eternaut_reader.ui.claim_text import describe, others_touched, suggestion_text, totals
from eternaut_reader.ui.keys import key_hint, keyed
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from eternaut_reader.ui.widgets.key_bar import KeyBar
from eternaut_reader.ui.widgets.pane import ArticlePane, Place

if TYPE_CHECKING:
    from eternaut_reader.core.analysis.matrix import Matrix
    from eternaut_reader.core.analysis.scorecard import ReportScore
    from eternaut_reader.core.annotations.claims import Claim, ClaimIndex
    from eternaut_reader.core.annotations.editing import ClaimEditor, Edit
    from eternaut_reader.core.annotations.model import Annotation
    from eternaut_reader.ui.screens.claim_view import ClaimViewScreen
    from eternaut_reader.ui.screens.link import LinkChoice
    from eternaut_reader.ui.screens.note import NoteResult
    from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel
    from eternaut_reader.ui.widgets.same_fact import SameFactPanel

MIN_PANE_WIDTH = 40


@keyed("Panes and articles", "screen")
class MainScreen(Screen[None]):
    # Shown in the key bar in this order, by their tooltip (a short label) when they have one.
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", id="help"),
        Binding("tab", "next_pane", "Next pane", id="pane.next", tooltip="Pane"),
        Binding("shift+tab", "previous_pane", "Previous pane", id="pane.previous", show=False),
        Binding(
            "right_square_bracket",
            "next_article",
            "Next article in this pane",
            id="article.next",
            tooltip="Article",
        ),
        Binding(
            "left_square_bracket",
            "previous_article",
            "Previous article in this pane",
            id="article.previous",
            show=False,
        ),
        Binding(
            "p",
            "pick_article",
            "Open an article: a fuzzy finder over titles, outlets and ids",
            id="article.pick",
            show=False,
        ),
        Binding(
            "ctrl+f",
            "search_all",
            "Search all the articles",
            id="search.all",
            show=False,
        ),
        Binding("slash", "search", "Search in this article", id="search", tooltip="Search"),
        Binding("t", "toggle_claims", "Claims panel", id="claims", tooltip="Claims"),
        Binding(
            "a",
            "toggle_same_fact",
            "Same fact elsewhere: the other reports' passages",
            id="same-fact",
            tooltip="Elsewhere",
        ),
        Binding(
            "r",
            "claim_view",
            "The claim view: every report's passage, the summary, review and evidence",
            id="claim-view",
            tooltip="Claim",
        ),
        Binding("m", "matrix", "The claim × report matrix", id="matrix", tooltip="Matrix"),
        Binding("e", "export", "Export the claims", id="export", tooltip="Export"),
        Binding(
            "i",
            "article_info",
            "The article's details: title, outlet, author, URL, date, language (editable)",
            id="article.info",
            show=False,
        ),
        Binding("u", "undo", "Undo", id="undo", show=False),
        Binding("ctrl+r", "redo", "Redo", id="redo", show=False),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

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
        self.assignment[pane.number] = self.corpus.articles.index(article)
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
                self.show_in_pane(target, article)
                self.set_focus(target)

        self.app.push_screen(PickerScreen(self.corpus, current), chosen)

    def action_search_all(self) -> None:
        from eternaut_reader.ui.screens.search_all import MatchChoice, SearchAllScreen

        pane = self.focused_view or next(iter(self.panes), None)
        query = pane.reading.search.query if pane is not None else ""

        def chosen(match: MatchChoice | None) -> None:
            article = self.corpus.by_id(match.article_id) if match else None
            target = pane if pane is not None and pane.is_mounted else next(iter(self.panes), None)
            if match is None or article is None or target is None:
                return
            self.show_in_pane(target, article)
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
        if self.session_file is None:
            return
        for pane in self.panes:
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

    # -- claims: changes -------------------------------------------------------------------

    @on(ArticlePane.Edited)
    def _edited(self, message: ArticlePane.Edited) -> None:
        self.apply_edit(message.edit)

    def apply_edit(self, edit: Edit) -> None:
        """Redraw what an edit touched in every pane showing its article, and the bars."""
        self._not_open_cache: tuple[object, list[Annotation]] | None = None
        for each in (edit, *edit.also):
            for pane in self.panes:
                if pane.article.id == each.article_id:
                    pane.redraw(each.spans)
        focused = self.focused_view
        if focused is None or focused.article.id != edit.article_id:
            # (else the focused pane's Changed message refreshes it: once per key, not twice)
            self.refresh_claim_bar()
        panel = self._panel()
        if panel is not None and panel.display:
            self.fill_panel()

    def claims_loaded(self) -> None:
        """The stored claims are anchored (or more of them are): draw them."""
        for pane in self.panes:
            pane.redraw()
        self.refresh_claim_bar()
        panel = self._panel()
        if panel is not None and panel.display:
            self.fill_panel()

    def set_save_state(self, state: str) -> None:
        self.save_state = state
        # Each error once until a save succeeds, not at every retry: a stack of the same
        # error covered the unsaved-changes dialog (found by an outside tester). NOT SAVED
        # stays in the bar meanwhile.
        told = self._save_errors_told
        if state == "saved":
            told.clear()
        elif state != "saving" and state not in told:
            told.add(state)
            self.notify(f"Could not save the annotations: {state}", severity="error", timeout=30)
        # Only the state changed ("saving…", "saved"): the claim and the totals are as they
        # were, so they are not worked out again (twice for every tag).
        bars = list(self.query(ClaimBar))
        if bars and self.editor is not None and self._claim_bar_text is not None:
            self._show_claim_bar(bars[0])
        else:
            self.refresh_claim_bar()

    def action_undo(self) -> None:
        self._undo_redo("undo")

    def action_redo(self) -> None:
        self._undo_redo("redo")

    def _undo_redo(self, which: str) -> None:
        editor = self.editor
        if editor is None:
            return
        try:
            edit = editor.undo() if which == "undo" else editor.redo()
        except StoreError as error:
            self.notify(str(error), title="Not changed", severity="warning", timeout=8)
            return
        if edit is None:
            self.notify(f"Nothing to {which}", severity="warning")
            return
        self.apply_edit(edit)
        self._bring_into_view(edit)
        quote = edit.annotation.quote if edit.annotation else ""
        short = quote if len(quote) <= 40 else quote[:39] + "…"
        # One step may have touched several claims (a link and the open claims it made).
        self.notify(f"{which.capitalize()}: “{short}”{others_touched(len(edit.also))}", timeout=3)

    def _bring_into_view(self, edit: Edit) -> None:
        """An undo or redo in an article no pane shows opens it, so the user sees what
        changed."""
        editor, annotation = self.editor, edit.annotation
        if editor is None or annotation is None:
            return
        article = self.corpus.by_id(edit.article_id)
        if article is None:  # a step from an earlier session, on an article left out this time
            self.open_article(edit.article_id, span=(annotation.start, annotation.end))
            return
        if not edit.spans:
            return
        start, end = edit.spans[-1]
        focused = self.focused_view
        showing = [p for p in self.panes if p.article.id == article.id]
        pane = (focused if focused in showing else None) or (showing[0] if showing else None)
        if pane is None:
            pane = focused or self.panes[0]
            self.show_in_pane(pane, article)
        pane.scroll_to_span(start, end)
        if pane.ready:
            pane.move_cursor(pane.sentence_at(start))

    # -- the claim bar ---------------------------------------------------------------------

    @on(ArticlePane.Changed)
    def _pane_changed(self, message: ArticlePane.Changed) -> None:
        self.note_session_change()
        focused = self.focused_view
        if focused is not None and message.pane == focused.number:
            self.refresh_claim_bar()
        same_fact = self._same_fact()
        if same_fact is not None and same_fact.display and same_fact.source == message.pane:
            same_fact.refresh_matches()
        self._refresh_key_bar()

    def on_descendant_focus(self) -> None:
        self.refresh_claim_bar()
        self._refresh_key_bar()

    def _refresh_key_bar(self) -> None:
        for bar in self.query(KeyBar):
            bar.refresh_hints()

    def refresh_claim_bar(self) -> None:
        bars = list(self.query(ClaimBar))
        if not bars:  # not composed yet
            return
        bar = bars[0]
        editor = self.editor
        if editor is None:
            problem = getattr(self.app, "store_problem", None)
            if problem:
                bar.show(f"annotations unavailable: {problem}", "", error=True)
            else:
                bar.show("annotations loading…", "")
            return
        pane = self.focused_view
        panel = self._same_fact()
        if pane is None and panel is not None and panel.display and panel.source is not None:
            pane = self.pane(panel.source)  # the panel follows this pane's claim
        claim = pane.claim_under_cursor() if pane is not None else None
        read_only = editor.store.read_only
        listed = self._listed_claim()
        if listed is not None:
            # The claims panel has the focus: the bar describes its row, and its keys there
            # filter (c s x) rather than tag.
            found = editor.claim(listed.id)
            claim, pane = (found[1], None) if found is not None else (None, None)
            if claim is None:
                left = "on an article not open · Enter opens it"
                self._claim_bar_text = (left, f"all {totals(editor.counts())}", read_only)
                self._show_claim_bar(bar)
                return
        if claim is not None:
            left = describe(
                claim,
                self.corpus,
                editor.me,
                editor.links_to(claim.id),
                key_hint(self.app, "follow"),
                key_hint(self.app, "claim-view"),
                alive=lambda ann_id: editor.store.get(ann_id) is not None,
            )
        elif read_only:
            left = "no claim here"
        else:
            tags = key_hint(self.app, "tag.confirmed", "tag.speculative", "tag.contradicted")
            left = f"no claim here · {tags} to tag"
        suggestion = self._suggestion_for(pane, claim)
        if suggestion:
            left = f"{left} · {suggestion}"
        counts = editor.counts()
        elsewhere = self.not_open_text()
        self._claim_bar_text = (left, f"all {totals(counts)}{elsewhere}", read_only)
        self._show_claim_bar(bar)

    def _listed_claim(self) -> Annotation | None:
        """The claims panel's highlighted claim when the panel has the focus."""
        panel = self._panel()
        if panel is None or not panel.display or not panel.has_focus_within:
            return None
        return panel.selected()

    def on_claims_panel_highlighted(self) -> None:
        self.refresh_claim_bar()

    def _show_claim_bar(self, bar: ClaimBar) -> None:
        """The claim bar as last worked out, with the save state as it is now."""
        if self._claim_bar_text is None:
            return
        left, right, read_only = self._claim_bar_text
        if read_only:
            state = "read-only"
        else:
            state = {"saving": "saving…", "saved": "saved"}.get(self.save_state, "NOT SAVED")
        bar.show(left, f"{right} · {state}", error=state == "NOT SAVED")

    def _suggestion_for(self, pane: ArticlePane | None, claim: Claim | None) -> str:
        """The suggested verdict for what the cursor is on, unless it already has it."""
        alignment = getattr(self.app, "alignment", None)
        span = pane.target_span() if pane is not None else None
        if alignment is None or span is None or pane is None:
            return ""
        suggestion = alignment.suggest(pane.article.id, *span)
        editor = self.editor
        if suggestion is None or (
            claim is not None
            and editor is not None
            and claim.annotation.annotator == editor.me
            and claim.tag == suggestion.tag
        ):
            return ""
        return suggestion_text(
            suggestion.tag, suggestion.reason, self.corpus, key_hint(self.app, "suggestion.accept")
        )

    def alignment_changed(self) -> None:
        """The alignment progressed or arrived: the claim bar's suggestion and the panel."""
        self.refresh_claim_bar()
        panel = self._same_fact()
        if panel is not None and panel.display:
            panel.refresh_matches()

    # -- the same fact elsewhere -----------------------------------------------------------

    def _same_fact(self) -> SameFactPanel | None:
        from eternaut_reader.ui.widgets.same_fact import SameFactPanel

        for node in self.query(SameFactPanel):
            return node
        return None

    async def action_toggle_same_fact(self) -> None:
        panel = self._same_fact()
        source = self.focused_view
        # `a` in another pane than the one followed: the panel follows that pane instead.
        here = source is None or (panel is not None and source.number == panel.source)
        if panel is not None and panel.display and here:
            self._close_same_fact(panel)
            return
        if source is None:
            source = self.panes[0] if self.panes else None
        if source is None:
            return
        # One panel at a time at the bottom: the claims panel, docked, would cover this one.
        claims = self._panel()
        if claims is not None and claims.display:
            claims.display = False
        if panel is None:
            from eternaut_reader.ui.widgets.same_fact import SameFactPanel

            panel = SameFactPanel(self.corpus)
            await self.mount(panel, before=self.query_one("#bars"))
        panel.display = True
        panel.follow(source.number)
        panel.focus_list()
        self._refresh_key_bar()

    def _close_same_fact(self, panel: SameFactPanel) -> None:
        panel.display = False
        pane = self.pane(panel.source) if panel.source is not None else None
        if pane is not None:
            self.set_focus(pane)
        elif self.focused_view is None:
            self._focus_pane(0)
        self._refresh_key_bar()

    def on_same_fact_panel_closed(self) -> None:
        panel = self._same_fact()
        if panel is not None:
            self._close_same_fact(panel)

    def on_same_fact_panel_go(self, message: SameFactPanel.Go) -> None:
        """Show a passage of another report, keeping the panel (and its source) as it is."""
        article = self.corpus.by_id(message.article_id)
        if article is None:
            return
        avoid = self.pane(message.source)
        self.show_span(article, message.start, message.end, avoid=avoid, focus=False)

    def on_same_fact_panel_accept(self, message: SameFactPanel.Accept) -> None:
        """`A` in the panel accepts the suggestion the claim bar shows, as `A` in the pane."""
        pane = self.pane(message.source)
        if pane is not None:
            pane.action_accept_suggestion()

    def on_same_fact_panel_link(self, message: SameFactPanel.Link) -> None:
        """Link the source pane's claim to a passage (tagged as an open claim first if it is
        no claim yet), from the panel, without leaving it."""
        name_first = getattr(self.app, "name_first", None)
        if callable(name_first) and name_first(lambda: self.on_same_fact_panel_link(message)):
            return
        editor, pane = self.editor, self.pane(message.source)
        article = self.corpus.by_id(message.article_id)
        if editor is None or pane is None or article is None:
            return
        span = pane.target_span()
        if span is None:
            return
        try:
            # One key, one step: u takes back the link and the open claims it made.
            with editor.one_step():
                edit = self._link_from_panel(editor, pane, span, article, message)
        except StoreError as error:
            self.notify(str(error), title="Not linked", severity="warning", timeout=8)
            return
        if edit is None:
            return
        self.apply_edit(edit)
        self.notify(f"Linked: {message.relation} {self.corpus.place(article.id)}", timeout=3)
        panel = self._same_fact()
        if panel is not None:
            panel.refresh_matches()

    def _link_from_panel(
        self,
        editor: ClaimEditor,
        pane: ArticlePane,
        span: tuple[int, int],
        article: Article,
        message: SameFactPanel.Link,
    ) -> Edit | None:
        """The edits of one `+` or `-` in the same-fact panel; the link's Edit, or None."""
        source = editor.index(pane.article).own_at(*span, editor.me)
        if source is None:
            # What the cursor is on becomes an open claim, as the passage does below: the
            # link needs both ends, and the verdict can be given later.
            self.apply_edit(editor.tag(pane.article, *span, None))
            source = editor.index(pane.article).exactly(*span, annotator=editor.me)
        if source is None:
            return None
        target = editor.index(article).at(message.start, message.end, prefer=editor.me)
        if target is None or not (target.start < message.end and message.start < target.end):
            edit = editor.tag(article, message.start, message.end, None)
            self.apply_edit(edit)
            target = editor.index(article).exactly(message.start, message.end, annotator=editor.me)
        if target is None:
            return None
        back = next((k for k in target.annotation.links if k.target == source.id), None)
        if back is not None and back.relation == message.relation:
            # Made from the other end already: a second link would count the pair twice.
            self.notify(f"Already linked from there: {back.relation}", timeout=3)
            return None
        return editor.link(pane.article, source, target, message.relation)

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
            others = [p for p in panes if p is not avoid] or panes
            pane = others[0]
            self.show_in_pane(pane, article)
        pane.go_to_span(start, end)
        if focus:
            self.set_focus(pane)
        return pane

    # -- the claim view --------------------------------------------------------------------

    def _chosen_claim(self) -> Annotation | None:
        """The claim the user means: the claims panel's row when it has the focus, else the
        claim under the cursor of the focused pane (or of the pane the same-fact panel
        follows)."""
        panel = self._panel()
        if panel is not None and panel.display and panel.has_focus_within:
            return panel.selected()
        pane = self.focused_view
        same_fact = self._same_fact()
        if pane is None and same_fact is not None and same_fact.display:
            pane = self.pane(same_fact.source) if same_fact.source is not None else None
        claim = pane.claim_under_cursor() if pane is not None else None
        return claim.annotation if claim is not None else None

    def action_claim_view(self) -> None:
        editor = self.editor
        if editor is None:
            self.notify("The annotations are still loading; try again in a moment")
            return
        annotation = self._chosen_claim()
        if annotation is None:
            tags = key_hint(self.app, "tag.confirmed", "tag.speculative", "tag.contradicted")
            self.notify(
                f"No claim here: tag one first ({tags}), or choose one in the claims panel "
                f"({key_hint(self.app, 'claims')})",
                severity="warning",
            )
            return
        self.open_claim_view(annotation.id)

    def claim_view_screen(self, annotation_id: str) -> ClaimViewScreen | None:
        """The claim view of the claim an annotation belongs to (None while loading)."""
        from eternaut_reader.ui.screens.claim_view import ClaimViewScreen

        editor = self.editor
        if editor is None:
            return None
        return ClaimViewScreen(
            editor,
            self.corpus,
            annotation_id,
            getattr(self.app, "alignment", None),
            on_edit=self.apply_edit,
        )

    def open_claim_view(self, annotation_id: str) -> None:
        screen = self.claim_view_screen(annotation_id)
        if screen is not None:
            self.app.push_screen(screen, self._jump)

    def _jump(self, target: tuple[str, int, int] | None) -> None:
        """Go to a passage chosen in the matrix or the claim view, in a pane, with the focus."""
        if target is None:
            return
        article = self.corpus.by_id(target[0])
        if article is not None:
            self.show_span(article, target[1], target[2], avoid=None, focus=True)
        else:  # a passage of an article not open (the claim view lists them): open it there
            self.open_article(target[0], span=(target[1], target[2]))

    # -- the matrix ------------------------------------------------------------------------

    def action_matrix(self) -> None:
        editor = self.editor
        if editor is None:
            self.notify("The annotations are still loading; try again in a moment")
            return
        from eternaut_reader.ui.screens.matrix import MatrixScreen, matrix_of, scores_of

        alignment = getattr(self.app, "alignment", None)

        def load() -> tuple[Matrix, list[ReportScore]]:
            current = self.editor or editor
            return (
                matrix_of(current, self.corpus, alignment),
                scores_of(current, self.corpus, alignment),
            )

        matrix, scores = load()
        self.app.push_screen(
            MatrixScreen(
                matrix,
                self.corpus,
                aligning=self._aligning(),
                scores=scores,
                claim_view=self.claim_view_screen,
                reload=load,
            ),
            self._jump,
        )

    def _aligning(self) -> str | None:
        """Why the alignment is not there yet, or None when it is."""
        app = self.app
        alignment = getattr(app, "alignment", None)
        if alignment is not None:
            missing = [a for a in self.corpus.articles if a.id not in alignment.article_ids]
            if not missing:
                return None
            percent = int((getattr(app, "align_progress", None) or 0.0) * 100)
            return f"aligning the report just opened… {percent}%: its column is not filled yet"
        problem = getattr(app, "align_problem", None)
        if problem:
            return f"no alignment: {problem}"
        progress = getattr(app, "align_progress", None)
        return f"aligning… {int((progress or 0) * 100)}%"

    # -- notes and links -------------------------------------------------------------------

    def _claim(self, pane_number: int, claim_id: str) -> tuple[ArticlePane, Claim] | None:
        pane, editor = self.pane(pane_number), self.editor
        if pane is None or editor is None:
            return None
        claim = editor.index(pane.article).get(claim_id)
        return None if claim is None else (pane, claim)

    @on(ArticlePane.NoteRequested)
    def _note_requested(self, message: ArticlePane.NoteRequested) -> None:
        from eternaut_reader.ui.screens.note import NoteScreen  # TextArea: only when asked

        if message.claim_id is None:
            self._new_noted_claim(message)
            return
        found = self._claim(message.pane, message.claim_id)
        if found is None:
            return
        pane, claim = found

        def save(result: NoteResult | None) -> None:
            editor = self.editor
            annotation = claim.annotation
            if result is None or editor is None:
                return
            if (result.note, result.summary) == (annotation.note, annotation.summary):
                return
            current = editor.index(pane.article).get(claim.id) or claim
            try:
                edit = editor.set_note(pane.article, current, result.note, result.summary)
            except (StoreError, ValueError) as error:
                self.notify(str(error), title="Note not saved", severity="error", timeout=15)
                return
            self.apply_edit(edit)

        self.app.push_screen(NoteScreen(claim), save)

    def _new_noted_claim(self, message: ArticlePane.NoteRequested) -> None:
        """A note where nothing is tagged: saving a note makes an open claim carrying it."""
        from eternaut_reader.ui.screens.note import NoteScreen

        pane = self.pane(message.pane)
        if pane is None:
            return
        article, start, end = pane.article, message.start, message.end

        def save(result: NoteResult | None) -> None:
            editor = self.editor
            if result is None or not (result.note or result.summary) or editor is None:
                return
            try:
                with editor.one_step():  # one u takes back the note and the claim it made
                    edit = editor.tag(article, start, end, None)
                    claim = editor.index(article).exactly(start, end, annotator=editor.me)
                    if claim is not None:
                        edit = editor.set_note(article, claim, result.note, result.summary)
            except (StoreError, ValueError) as error:
                self.notify(str(error), title="Note not saved", severity="error", timeout=15)
                return
            self.apply_edit(edit)

        self.app.push_screen(NoteScreen(quote=article.text[start:end]), save)

    @on(ArticlePane.LinkRequested)
    def _link_requested(self, message: ArticlePane.LinkRequested) -> None:
        from eternaut_reader.ui.screens.link import LinkScreen, LinkTarget

        found = self._claim(message.pane, message.claim_id)
        if found is None:
            return
        source_pane, claim = found
        targets = []
        for pane in self.panes:
            if pane.article.id == source_pane.article.id:
                continue
            target = pane.claim_under_cursor()
            if target is not None:
                targets.append(LinkTarget(pane.number, pane.article.title, target))
        if not targets:
            others = [p for p in self.panes if p is not source_pane]
            if others and all(p.article.id == source_pane.article.id for p in others):
                message_text = (
                    "Links join claims of two different articles: show another article in "
                    f"a pane ({key_hint(self.app, 'article.next')} or "
                    f"{key_hint(self.app, 'article.pick')}), put its cursor on a claim, then "
                    f"press {key_hint(self.app, 'link')}"
                )
            else:
                message_text = (
                    "Put the cursor on a tagged claim in another pane first, then press "
                    f"{key_hint(self.app, 'link')}"
                )
            self.notify(message_text, severity="warning")
            return

        def link(choice: LinkChoice | None) -> None:
            editor = self.editor
            if choice is None or editor is None:
                return
            try:
                edit = editor.link(source_pane.article, claim, choice.target.claim, choice.relation)
            except StoreError as error:
                self.notify(str(error), title="Not linked", severity="warning", timeout=8)
                return
            self.apply_edit(edit)
            self.notify(
                f"Linked: {choice.relation} pane {choice.target.pane_number + 1}", timeout=3
            )

        self.app.push_screen(LinkScreen(claim, targets), link)

    @on(ArticlePane.FollowRequested)
    def _follow_requested(self, message: ArticlePane.FollowRequested) -> None:
        editor = self.editor
        found = editor.claim(message.target_id) if editor else None
        if found is None:
            stored = editor.store.get(message.target_id) if editor else None
            if stored is not None and self.corpus.by_id(stored.article_id) is None:
                # Linked into an article not opened this time: open it, as the claims
                # panel does, rather than stop at the edge of the opened set.
                self.open_article(stored.article_id, stored.id)
                return
            self.notify("The linked claim is gone (it was removed)", severity="warning")
            return
        self.go_to_claim(*found, avoid=self.pane(message.pane))

    def go_to_claim(self, article: Article, claim: Claim, avoid: ArticlePane | None = None) -> None:
        """Show a claim: in a pane already showing its article, else in another pane."""
        panes = self.panes
        showing = [p for p in panes if p.article.id == article.id]
        if showing:
            pane = next((p for p in showing if p is not avoid), showing[0])
        else:
            others = [p for p in panes if p is not avoid] or panes
            pane = others[0]
            self.show_in_pane(pane, article)
        pane.show_claim(claim)
        self.set_focus(pane)

    def action_export(self) -> None:
        editor = self.editor
        if editor is None:
            self.notify("Annotations are not available yet", severity="warning")
            return
        from eternaut_reader.ui.screens.export import ExportScreen  # only when asked

        fmt = getattr(self.app, "export_format", "csv")
        self.app.push_screen(ExportScreen(editor.store, self.corpus, fmt))

    # -- articles: claims on those not open, opening them, their details -------------------

    def not_open(self) -> list[Annotation]:
        """The stored claims on articles that are not in the corpus (cached until an edit,
        a reload of the database or a newly opened article)."""
        editor = self.editor
        if editor is None:
            return []
        store = editor.store
        key = (id(editor), store.generation, len(self.corpus.articles))
        cached = getattr(self, "_not_open_cache", None)
        if cached is not None and cached[0] == key:
            return cast("list[Annotation]", cached[1])
        open_ids = {a.id for a in self.corpus.articles}
        found = [
            a
            for article_id in sorted(store.article_ids() - open_ids)
            for a in store.annotations(article_id)
        ]
        self._not_open_cache = (key, found)
        return found

    def not_open_text(self) -> str:
        """The claim bar's " · +10 on 5 articles not open", or "" when there are none."""
        found = self.not_open()
        if not found:
            return ""
        articles = len({a.article_id for a in found})
        return f" · +{len(found)} on {articles} article{'s' if articles > 1 else ''} not open"

    def open_article(
        self, article_id: str, claim_id: str | None = None, span: tuple[int, int] | None = None
    ) -> None:
        """Open an article that has claims but is not in the corpus, from where the store
        remembers it came from (a file, or a web page's snapshot), then show the claim."""
        from eternaut_reader.core.text.sources import load_records, records_path

        record = load_records(records_path(getattr(self.app, "db", None))).get(article_id)
        if record is None or not record.source:
            self.notify(
                f"The article {article_id} is not open, and where it came from is not known: "
                "open it with eternaut-reader PATH",
                severity="warning",
                timeout=8,
            )
            return
        self.notify(f"Opening {record.source} …", timeout=3)
        self._load_article(article_id, record.source, claim_id, span)

    @work(thread=True, exit_on_error=False, group="open-article")
    def _load_article(
        self, article_id: str, source: str, claim_id: str | None, span: tuple[int, int] | None
    ) -> None:
        from eternaut_reader.core.annotations.claims import ClaimIndex
        from eternaut_reader.core.text.corpus import CorpusError, load_article

        try:
            article = load_article(source, article_id, db=getattr(self.app, "db", None))
        except (CorpusError, OSError) as error:
            self.app.call_from_thread(
                self.notify, f"Could not open {source}: {error}", severity="error", timeout=12
            )
            return
        editor = self.editor
        version = editor.store.version if editor is not None else 0
        index = ClaimIndex(editor.store.anchor(article)) if editor is not None else None
        self.app.call_from_thread(self._article_opened, article, index, claim_id, version, span)

    def _article_opened(
        self,
        article: Article,
        index: ClaimIndex | None,
        claim_id: str | None,
        version: int = 0,
        span: tuple[int, int] | None = None,
    ) -> None:
        if self.corpus.by_id(article.id) is not None:  # opened twice meanwhile
            article = cast(Article, self.corpus.by_id(article.id))
        else:
            self.corpus.articles.append(article)
            for shown in self.panes:
                shown.redraw(())  # every header counts one more article: "1/3", not "1/2"
            if self.editor is not None and index is not None:
                self.editor.indexes[article.id] = index
                # What changed while it was anchored (a claim linked to it, a reload).
                self.editor.catch_up(version)
            realign = getattr(self.app, "realign", None)
            if callable(realign):
                realign()  # the panel, suggestions and matrix must know the new report
            if len(self.panes) < self._panes_for(self.size.width):
                # Room for one more pane: the article gets its own, beside what is shown,
                # once it is mounted (rather than replacing the article in focus).
                self._fit_panes(self.size.width)
                self.call_after_refresh(self._show_opened, article, claim_id, span)
                return
        self._show_opened(article, claim_id, span)

    def _show_opened(
        self, article: Article, claim_id: str | None, span: tuple[int, int] | None
    ) -> None:
        """Bring an article just opened into view, at its claim or at span."""
        self._not_open_cache = None
        editor = self.editor
        found = editor.claim(claim_id) if editor is not None and claim_id else None
        if found is not None:
            self.go_to_claim(*found)
        else:
            showing = [p for p in self.panes if p.article.id == article.id]
            pane: ArticlePane | None = showing[0] if showing else self.focused_view
            if pane is None and self.panes:
                pane = self.panes[0]
            if pane is not None:
                if pane.article.id != article.id:
                    self.show_in_pane(pane, article)
                self.set_focus(pane)
                if span is not None:  # where an undo changed it, or a passage the claim view chose
                    pane.go_to_span(*span)
        self.refresh_claim_bar()
        panel = self._panel()
        if panel is not None and panel.display:
            self.fill_panel()

    def action_article_info(self) -> None:
        """Show the focused pane's article details; what the user corrects is kept beside the
        claims (never in the file) and applied whenever the corpus loads."""
        pane = self.focused_view
        if pane is None:
            return
        article = pane.article
        from eternaut_reader.ui.screens.metadata import MetadataScreen

        def save(changes: dict[str, str | None] | None) -> None:
            if not changes:
                return
            editor = self.editor
            if editor is not None and editor.store.read_only:
                # The details live beside the database: a read-only one is never written,
                # nor is anything beside it.
                reason = editor.store.read_only_reason or "the database is read-only"
                self.notify(f"The details were not saved: {reason}", severity="warning")
                return
            from eternaut_reader.core.text.sources import edit_article, records_path

            language = article.language
            try:
                edit_article(records_path(getattr(self.app, "db", None)), article, changes)
            except OSError as error:
                self.notify(f"The details were not saved: {error}", severity="error", timeout=12)
                return
            for shown in self.panes:
                if shown.article is article:
                    if article.language != language:
                        shown.article_changed()  # other sentence rules: segmented again
                    else:
                        shown.redraw()
            self.notify(f"Saved: {', '.join(changes)}", timeout=3)

        self.app.push_screen(MetadataScreen(article), save)

    # -- the claims panel ------------------------------------------------------------------

    def _panel(self) -> ClaimsPanel | None:
        """The claims panel, if it was opened once (it is built on first use)."""
        from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel

        for node in self.query(ClaimsPanel):
            return node
        return None

    async def action_toggle_claims(self) -> None:
        panel = self._panel()
        if panel is not None and panel.display:
            self._close_panel(panel)
            return
        if panel is None:
            # Built on first use: a DataTable is not worth its start-up time before then.
            from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel

            panel = ClaimsPanel(self.corpus)
            await self.mount(panel, before=self.query_one("#bars"))
        same_fact = self._same_fact()
        if same_fact is not None and same_fact.display:
            same_fact.display = False  # one panel at a time at the bottom
        panel.display = True
        self.fill_panel()
        panel.focus_table()
        self._refresh_key_bar()

    def _close_panel(self, panel: ClaimsPanel) -> None:
        panel.display = False
        if self.focused_view is None:
            self._focus_pane(0)
        self._refresh_key_bar()

    def close_a_panel(self) -> bool:
        """Close the same-fact panel, or else the claims panel, whichever is open (Esc in a
        pane with nothing of its own to cancel); the focus stays where it is."""
        for panel in (self._same_fact(), self._panel()):
            if panel is not None and panel.display:
                panel.display = False
                self._refresh_key_bar()
                return True
        return False

    def on_claims_panel_closed(self) -> None:
        panel = self._panel()
        if panel is not None:
            self._close_panel(panel)

    def fill_panel(self) -> None:
        from eternaut_reader.ui.widgets.claims_panel import Row

        panel, editor = self._panel(), self.editor
        if panel is None:
            return
        rows: list[Row] = []
        if editor is not None:
            me = editor.me
            # How many links point at each claim: a link shows at both of its ends.
            received: Counter[str] = Counter(
                link.target for a in editor.store.annotations() for link in a.links
            )
            for article in self.corpus.articles:
                index = editor.index(article)
                rows.extend(
                    Row(
                        c.annotation,
                        False,
                        c.annotation.annotator == me,
                        linked_from=received[c.id],
                    )
                    for c in index.claims()
                )
                rows.extend(
                    Row(a, True, a.annotator == me, linked_from=received[a.id])
                    for a in index.orphans.values()
                )
            rows.extend(
                Row(a, False, a.annotator == me, closed=True, linked_from=received[a.id])
                for a in self.not_open()
            )
        panel.set_rows(rows)

    def on_claims_panel_jump(self, message: ClaimsPanel.Jump) -> None:
        editor = self.editor
        found = editor.claim(message.annotation.id) if editor else None
        if found is None and self.corpus.by_id(message.annotation.article_id) is None:
            self.open_article(message.annotation.article_id, message.annotation.id)
            return
        if found is None:
            self.notify(
                "This claim is an orphan: its text is no longer in the article", severity="warning"
            )
            return
        self.go_to_claim(*found)
