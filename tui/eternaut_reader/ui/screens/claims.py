"""The main screen's side of annotating: notes, links, undo, the claims panel, the claim bar.

A mixin for MainScreen, kept apart so that the screen's layout code stays short. Its key
bindings are declared on MainScreen (Textual merges bindings only from widget classes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.css.query import NoMatches

from eternaut_reader.core.storage import StoreError
from eternaut_reader.core.tags import SYMBOLS
from eternaut_reader.ui.messages import (
    ClaimsChanged,
    FollowRequested,
    LinkRequested,
    NoteRequested,
    SaveState,
)
from eternaut_reader.ui.widgets.article_view import ArticleView
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from eternaut_reader.ui.widgets.claim_pane import ClaimPane

if TYPE_CHECKING:
    from eternaut_reader.core.claims import Claim
    from eternaut_reader.core.corpus import Article, Corpus
    from eternaut_reader.ui.annotator import Annotator, Change
    from eternaut_reader.ui.screens.link import LinkChoice
    from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel


def describe(claim: Claim, corpus: Corpus, me: str | None = None) -> str:
    """The claim bar's text: tag, note and links of one claim, and whose it is if not ours."""
    annotation = claim.annotation
    parts = [f"{SYMBOLS[annotation.tag]} {annotation.tag}"]
    if me is not None and annotation.annotator != me:
        parts[0] = f"{annotation.annotator}'s {parts[0]} (theirs: read only)"
    if annotation.note:
        note = " ".join(annotation.note.split())
        parts.append(f"note: {note}")
    if annotation.links:
        links = ", ".join(
            f"{link.relation} {corpus.place(link.article_id)}" for link in annotation.links
        )
        parts.append(f"links: {links} (f follows)")
    return " · ".join(parts)


if TYPE_CHECKING:
    from textual.screen import Screen

    _ScreenBase = Screen[None]
else:
    _ScreenBase = object


class ClaimActions(_ScreenBase):
    """Handlers for MainScreen; `self` is the screen."""

    corpus: Corpus
    save_state = "saved"

    # MainScreen supplies these.
    if TYPE_CHECKING:

        @property
        def panes(self) -> list[ClaimPane]: ...
        @property
        def focused_view(self) -> ClaimPane | None: ...
        def _focus_pane(self, number: int) -> None: ...
        def _show_in_pane(self, pane: ClaimPane, article: Article) -> None: ...
        def note_session_change(self) -> None: ...

    @property
    def annotator(self) -> Annotator | None:
        return getattr(self.app, "annotator", None)

    # -- changes ---------------------------------------------------------------------------

    def on_claims_changed(self, message: ClaimsChanged) -> None:
        self.apply_change(message.change)

    def apply_change(self, change: Change) -> None:
        for pane in self.panes:
            if pane.article.id == change.article_id:
                for span in change.spans:
                    pane.invalidate_span(span)
                pane._changed()
        self.refresh_claim_bar()
        panel = self._panel()
        if panel is not None and panel.display:
            self.fill_panel()

    def on_save_state(self, message: SaveState) -> None:
        self.save_state = message.state
        if message.state not in {"saving", "saved"}:
            self.notify(
                f"Could not save the annotations: {message.state}",
                severity="error",
                timeout=30,
                markup=False,
            )
        self.refresh_claim_bar()

    def action_undo(self) -> None:
        self._undo_redo("undo")

    def action_redo(self) -> None:
        self._undo_redo("redo")

    def _undo_redo(self, which: str) -> None:
        annotator = self.annotator
        if annotator is None:
            return
        try:
            change = annotator.undo() if which == "undo" else annotator.redo()
        except StoreError as error:
            self.notify(str(error), title="Not changed", severity="warning", timeout=8)
            return
        if change is None:
            self.notify(f"Nothing to {which}", severity="warning")
            return
        self.apply_change(change)
        quote = change.annotation.quote if change.annotation else ""
        short = quote if len(quote) <= 40 else quote[:39] + "…"
        self.notify(f"{which.capitalize()}: “{short}”", timeout=3, markup=False)

    def claims_loaded(self) -> None:
        """The stored claims are anchored: draw them."""
        for pane in self.panes:
            pane._cache.clear()
            pane._changed()
        self.refresh_claim_bar()

    # -- the claim bar ---------------------------------------------------------------------

    def on_article_view_changed(self, message: ArticleView.Changed) -> None:
        self.note_session_change()
        if message.view is self.focused_view:
            self.refresh_claim_bar()

    def on_descendant_focus(self) -> None:
        self.refresh_claim_bar()

    def refresh_claim_bar(self) -> None:
        try:
            bar = self.query_one(ClaimBar)
        except NoMatches:  # not composed yet
            return
        annotator = self.annotator
        pane = self.focused_view
        if annotator is None:
            problem = getattr(self.app, "store_problem", None)
            if problem:
                bar.show(f"annotations unavailable: {problem}", "", error=True)
            else:
                bar.show("annotations loading…", "")
            return
        claim = pane.claim_under_cursor() if isinstance(pane, ClaimPane) else None
        read_only = annotator.store.read_only
        if claim:
            left = describe(claim, self.corpus, annotator.me)
        else:
            left = "no claim here" + ("" if read_only else " · c s x to tag")
        counts = annotator.counts()
        totals = " ".join(f"{SYMBOLS[t]}{counts[t]}" for t in SYMBOLS)
        if read_only:
            state = "read-only"
        else:
            state = {"saving": "saving…", "saved": "saved"}.get(self.save_state, "NOT SAVED")
        bar.show(left, f"all {totals} · {state}", error=state == "NOT SAVED")

    # -- notes -----------------------------------------------------------------------------

    def on_note_requested(self, message: NoteRequested) -> None:
        pane, claim = message.pane, message.claim

        def save(note: str | None) -> None:
            annotator = self.annotator
            if note is None or annotator is None or note == claim.annotation.note:
                return
            current = annotator.index(pane.article).get(claim.id) or claim
            try:
                change = annotator.set_note(pane.article, current, note)
            except StoreError as error:
                self.notify(str(error), title="Note not saved", severity="error", timeout=15)
                return
            self.apply_change(change)

        from eternaut_reader.ui.screens.note import NoteScreen  # TextArea: only when asked

        self.app.push_screen(NoteScreen(claim), save)

    # -- links -----------------------------------------------------------------------------

    def on_link_requested(self, message: LinkRequested) -> None:
        from eternaut_reader.ui.screens.link import LinkScreen, LinkTarget

        source_pane, claim = message.pane, message.claim
        targets = []
        for pane in self.panes:
            if pane is source_pane or pane.article.id == source_pane.article.id:
                continue
            target = pane.claim_under_cursor()
            if target is not None:
                targets.append(LinkTarget(pane.number, pane.article.title, target))
        if not targets:
            self.notify(
                "Put the cursor on a tagged claim in another pane first, then press L",
                severity="warning",
            )
            return

        def link(choice: LinkChoice | None) -> None:
            annotator = self.annotator
            if choice is None or annotator is None:
                return
            try:
                change = annotator.link(
                    source_pane.article, claim, choice.target.claim, choice.relation
                )
            except StoreError as error:
                self.notify(str(error), title="Not linked", severity="warning", timeout=8)
                return
            self.apply_change(change)
            self.notify(
                f"Linked: {choice.relation} pane {choice.target.pane_number + 1}", timeout=3
            )

        self.app.push_screen(LinkScreen(claim, targets), link)

    def on_follow_requested(self, message: FollowRequested) -> None:
        annotator = self.annotator
        found = annotator.claim(message.target_id) if annotator else None
        if found is None:
            self.notify(
                "The linked claim is gone (removed, or its article is not open)", severity="warning"
            )
            return
        avoid = message.pane if isinstance(message.pane, ClaimPane) else None
        self.go_to_claim(*found, avoid=avoid)

    def go_to_claim(self, article: Article, claim: Claim, avoid: ClaimPane | None = None) -> None:
        """Show a claim: in a pane already showing its article, else in another pane."""
        panes = self.panes
        showing = [p for p in panes if p.article.id == article.id]
        if showing:
            pane = next((p for p in showing if p is not avoid), showing[0])
        else:
            others = [p for p in panes if p is not avoid] or panes
            pane = others[0]
            self._show_in_pane(pane, article)
        pane.show_claim(claim)
        self.set_focus(pane)

    def action_export(self) -> None:
        annotator = self.annotator
        if annotator is None:
            self.notify("Annotations are not available yet", severity="warning")
            return
        from eternaut_reader.ui.screens.export import ExportScreen  # only when asked

        self.app.push_screen(ExportScreen(annotator.store, self.corpus))

    # -- the claims panel ------------------------------------------------------------------

    def _panel(self) -> ClaimsPanel | None:
        """The claims panel, if it was opened once (it is built on first use)."""
        for node in self.query("#claims-panel"):
            return cast("ClaimsPanel", node)
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
        panel.display = True
        self.fill_panel()
        panel.focus_table()

    def _close_panel(self, panel: ClaimsPanel) -> None:
        panel.display = False
        if self.focused_view is None:
            self._focus_pane(0)

    def on_claims_panel_closed(self) -> None:
        panel = self._panel()
        if panel is not None:
            self._close_panel(panel)

    def fill_panel(self) -> None:
        from eternaut_reader.ui.widgets.claims_panel import Row

        panel, annotator = self._panel(), self.annotator
        if panel is None:
            return
        rows: list[Row] = []
        if annotator is not None:
            for article in self.corpus.articles:
                index = annotator.index(article)
                me = annotator.me
                rows.extend(
                    Row(c.annotation, False, c.annotation.annotator == me) for c in index.claims()
                )
                rows.extend(Row(a, True, a.annotator == me) for a in index.orphans.values())
        panel.set_rows(rows)

    def on_claims_panel_jump(self, message: ClaimsPanel.Jump) -> None:
        annotation = message.annotation
        annotator = self.annotator
        found = annotator.claim(annotation.id) if annotator else None
        if found is None:
            self.notify(
                "This claim is an orphan: its text is no longer in the article", severity="warning"
            )
            return
        self.go_to_claim(*found)
