"""The main screen's third layer: changes to claims (edits, undo, redo), the claim bar, notes,
links and following them, and the export. See main_panes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on

from eternaut_reader.core.annotations.tags import verdict
from eternaut_reader.core.storage.database import StoreError
from eternaut_reader.ui.claim_text import describe, step_notice, suggestion_text, totals
from eternaut_reader.ui.keys import key_hint
from eternaut_reader.ui.screens.main_articles import ArticlesScreen
from eternaut_reader.ui.widgets.claim_bar import ClaimBar
from eternaut_reader.ui.widgets.pane import ArticlePane

if TYPE_CHECKING:
    from eternaut_reader.core.annotations.claims import Claim
    from eternaut_reader.core.annotations.editing import Edit
    from eternaut_reader.core.annotations.model import Annotation
    from eternaut_reader.ui.screens.link import LinkChoice
    from eternaut_reader.ui.screens.note import NoteResult


class ClaimsScreen(ArticlesScreen):
    # -- claims: changes -------------------------------------------------------------------

    @on(ArticlePane.Edited)
    def _edited(self, message: ArticlePane.Edited) -> None:
        self.apply_edit(message.edit)

    def apply_edit(self, edit: Edit) -> None:
        """Redraw what an edit touched in every pane showing its article, and the bars."""
        self._not_open_cache = None
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
            self.fill_panel(edit)

    def claims_loaded(self) -> None:
        """The stored claims are anchored (or more of them are): draw them."""
        for pane in self.panes:
            pane.redraw()
        self.refresh_claim_bar()
        # Whether the database is read-only is known from now: its keys go from the bar.
        self._refresh_key_bar()
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
        # One step may have touched several claims (a link and the open claims it made).
        notice = step_notice(which, editor.store.last_step, edit.annotation, len(edit.also))
        self.notify(notice, timeout=3)

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
        focused = self._working_pane()
        showing = [p for p in self.panes if p.article.id == article.id]
        pane = (focused if focused in showing else None) or (showing[0] if showing else None)
        if pane is None:
            pane = focused or self.panes[0]
            self.show_in_pane(pane, article)
        pane.scroll_to_span(start, end)
        if pane.ready:
            pane.move_cursor(pane.sentence_at(start))

    def _working_pane(self) -> ArticlePane | None:
        """The pane the user works in: the focused one, or, while the same-fact panel has the
        focus, the pane it works from (an undo then brings its step there, and the claim bar
        follows that pane's claim: it stayed on the claim before, an outside tester found)."""
        focused = self.focused_view
        if focused is not None:
            return focused
        panel = self._same_fact()
        if panel is not None and panel.display and panel.source is not None:
            return self.pane(panel.source)
        return None

    # -- the claim bar ---------------------------------------------------------------------

    @on(ArticlePane.Changed)
    def _pane_changed(self, message: ArticlePane.Changed) -> None:
        self.note_session_change()
        working = self._working_pane()
        if working is not None and message.pane == working.number:
            self.refresh_claim_bar()
        same_fact = self._same_fact()
        if same_fact is not None and same_fact.display and same_fact.source == message.pane:
            same_fact.refresh_matches()
        self._refresh_key_bar()

    def on_descendant_focus(self) -> None:
        self.refresh_claim_bar()
        self._refresh_key_bar()

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
        pane = self._working_pane()
        claim = pane.claim_under_cursor() if pane is not None else None
        read_only = editor.store.read_only
        if self._panel_focused():
            # The claims panel has the focus: the bar describes its row (not the pane's claim
            # behind it), and its keys there filter (c s x) rather than tag.
            listed = self._listed_claim()
            found = editor.claim(listed.id) if listed is not None else None
            claim, pane = (found[1] if found is not None else None), None
            if claim is None:
                left = self._row_text(listed)
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
            # After the tag and the claim view's key, before the links and the note: at 80
            # columns the bar's two lines hold what comes first, and a claim with a link and
            # a note pushed the suggestion out (found by an outside tester).
            parts = left.split(" · ")
            keep = 2 if claim is not None else len(parts)
            left = " · ".join([*parts[:keep], suggestion, *parts[keep:]])
        counts = editor.counts()
        elsewhere = self.not_open_text()
        self._claim_bar_text = (left, f"all {totals(counts)}{elsewhere}", read_only)
        self._show_claim_bar(bar)

    def _panel_focused(self) -> bool:
        panel = self._panel()
        return panel is not None and panel.display and panel.has_focus_within

    def _listed_claim(self) -> Annotation | None:
        """The claims panel's highlighted claim when the panel has the focus."""
        panel = self._panel()
        return panel.selected() if panel is not None and self._panel_focused() else None

    def _row_text(self, listed: Annotation | None) -> str:
        """The claim bar for a claims panel row with no claim in a pane: no row at all (the
        filters let none through), an orphan of an open article, or a claim on one not open."""
        if listed is None:
            return f"no claim in the panel · {key_hint(self.app, 'panel.clear')} shows them all"
        if self.corpus.by_id(listed.article_id) is not None:  # its text is no longer there
            place = self.corpus.place(listed.article_id)
            return (
                f"{verdict(listed.tag)} · orphan: its text is no longer in {place} "
                "(the quote and note are kept, and exported)"
            )
        return f"{verdict(listed.tag)} · on an article not open · Enter opens it"

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
        if pane is None:
            return ""
        suggestion = pane.suggestion()
        editor = self.editor
        if suggestion is None or (
            claim is not None
            and editor is not None
            and claim.annotation.annotator == editor.me
            and claim.tag == suggestion.tag
        ):
            return ""
        read_only = editor is not None and editor.store.read_only
        accept = None if read_only else key_hint(self.app, "suggestion.accept")
        return suggestion_text(suggestion.tag, suggestion.reason, self.corpus, accept)

    def alignment_changed(self) -> None:
        """The alignment progressed or arrived: the claim bar's suggestion and the panel."""
        self.refresh_claim_bar()
        panel = self._same_fact()
        if panel is not None and panel.display:
            panel.refresh_matches()

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

    def action_export(self) -> None:
        editor = self.editor
        if editor is None:
            self.notify("Annotations are not available yet", severity="warning")
            return
        from eternaut_reader.ui.screens.export import ExportScreen  # only when asked

        fmt = getattr(self.app, "export_format", "csv")
        last = getattr(self.app, "export_path", None)
        self.app.push_screen(ExportScreen(editor.store, self.corpus, fmt, last))
