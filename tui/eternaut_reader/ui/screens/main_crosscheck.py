"""The main screen's fourth layer: cross-checking. The same-fact panel, the claim view and the
claim × report matrix. See main_panes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eternaut_reader.core.analysis.matrix import covers
from eternaut_reader.core.storage.database import StoreError
from eternaut_reader.core.text.corpus import Article
from eternaut_reader.ui.keys import key_hint
from eternaut_reader.ui.screens.main_claims import ClaimsScreen
from eternaut_reader.ui.widgets.pane import ArticlePane

if TYPE_CHECKING:
    from eternaut_reader.core.analysis.matrix import Matrix
    from eternaut_reader.core.analysis.scorecard import ReportScore
    from eternaut_reader.core.annotations.editing import ClaimEditor, Edit
    from eternaut_reader.core.annotations.model import Annotation
    from eternaut_reader.ui.screens.claim_view import ClaimViewScreen
    from eternaut_reader.ui.widgets.same_fact import SameFactPanel


class CrossCheckScreen(ClaimsScreen):
    # -- the same fact elsewhere -----------------------------------------------------------

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

    def panes_hidden(self, shown: int) -> None:
        # The panel followed a pane a narrower terminal took away: it follows the last pane
        # still shown, the one that took the focus (it had kept showing the hidden one).
        panel = self._same_fact()
        if panel is not None and panel.source is not None and panel.source >= shown:
            panel.follow(shown - 1)

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
        # A small tag inside the passage (a date) is not the passage: it is tagged itself.
        if target is None or not covers(target.start, target.end, message.start, message.end):
            edit = editor.tag(article, message.start, message.end, None)
            self.apply_edit(edit)
            target = editor.index(article).exactly(message.start, message.end, annotator=editor.me)
        if target is None:
            return None
        made = next((k for k in source.annotation.links if k.target == target.id), None)
        if made is not None and made.relation == message.relation:
            self.notify(f"Already linked: {made.relation}", timeout=3)
            return None
        if made is not None:
            # A key pressed next to the other one must not turn a contradiction into support
            # unseen: the relation is changed deliberately, with L in the pane.
            self.notify(
                f"Already linked: {made.relation}. To change it, use L in the pane "
                "(or u to undo the link)",
                title="Not linked",
                severity="warning",
                timeout=8,
            )
            return None
        back = next((k for k in target.annotation.links if k.target == source.id), None)
        if back is not None and back.relation == message.relation:
            # Made from the other end already: a second link would count the pair twice.
            self.notify(f"Already linked from there: {back.relation}", timeout=3)
            return None
        return editor.link(pane.article, source, target, message.relation)

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
            claims = key_hint(self.app, "claims")
            if editor.store.read_only:
                # Nothing can be tagged here: no tag keys suggested (an outside tester).
                self.notify(
                    f"No claim here, and this database is read-only: choose a claim in the "
                    f"claims panel ({claims})",
                    severity="warning",
                )
                return
            tags = key_hint(self.app, "tag.confirmed", "tag.speculative", "tag.contradicted")
            self.notify(
                f"No claim here: tag one first ({tags}), or choose one in the claims panel "
                f"({claims})",
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
