"""The main screen's second layer: articles that are not open (their claims, opening them
from where they came from, their details) and the claims panel. See main_panes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import work

from eternaut_reader.core.text.corpus import Article
from eternaut_reader.ui.screens.main_panes import PanesScreen
from eternaut_reader.ui.widgets.pane import ArticlePane

if TYPE_CHECKING:
    from pathlib import Path

    from eternaut_reader.core.annotations.claims import ClaimIndex
    from eternaut_reader.core.annotations.editing import Edit
    from eternaut_reader.core.annotations.model import Annotation
    from eternaut_reader.core.text.corpus import Corpus
    from eternaut_reader.ui.widgets.claims_panel import ArticleRows, ClaimsPanel


class ArticlesScreen(PanesScreen):
    # The claims on articles not open, with the key they were found for (not_open).
    _not_open_cache: tuple[object, list[Annotation]] | None = None
    _pane_before_panel: ArticlePane | None = None  # where the focus goes back to

    def __init__(self, corpus: Corpus, session_file: Path | None = None) -> None:
        super().__init__(corpus, session_file)
        # The claims panel's rows of each open article, kept up to date edit by edit.
        self._article_rows: dict[str, ArticleRows] = {}

    # -- articles: claims on those not open, opening them, their details -------------------

    def not_open(self) -> list[Annotation]:
        """The stored claims on articles that are not in the corpus (cached until an edit,
        a reload of the database or a newly opened article)."""
        editor = self.editor
        if editor is None:
            return []
        store = editor.store
        key = (id(editor), store.generation, len(self.corpus.articles))
        cached = self._not_open_cache
        if cached is not None and cached[0] == key:
            return cached[1]
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

        editor = self.editor
        read_only = (
            (editor.store.read_only_reason or "the database is read-only")
            if editor is not None and editor.store.read_only
            else None
        )
        self.app.push_screen(MetadataScreen(article, read_only=read_only), save)

    # -- the claims panel ------------------------------------------------------------------

    async def action_toggle_claims(self) -> None:
        panel = self._panel()
        if panel is not None and panel.display:
            self._close_panel(panel)
            return
        if panel is None:
            # Built on first use: nothing of it is needed before then.
            from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel

            panel = ClaimsPanel(self.corpus)
            await self.mount(panel, before=self.query_one("#bars"))
        same_fact = self._same_fact()
        if same_fact is not None and same_fact.display:
            same_fact.display = False  # one panel at a time at the bottom
        # The pane the focus comes back to when the panel closes (it went to the first pane,
        # and the next tag acted on another article, an outside tester found).
        self._pane_before_panel = self.focused_view
        panel.display = True
        self.fill_panel()
        panel.focus_table()
        self._refresh_key_bar()

    def _close_panel(self, panel: ClaimsPanel) -> None:
        panel.display = False
        if self.focused_view is None:
            before = self._pane_before_panel
            if before is not None and before in self.panes:
                self.set_focus(before)
            else:
                self._focus_pane(0)
        self._refresh_key_bar()

    def on_claims_panel_closed(self) -> None:
        panel = self._panel()
        if panel is not None:
            self._close_panel(panel)

    def fill_panel(self, edit: Edit | None = None) -> None:
        """Give the claims panel every claim. After an edit only the rows it touched change
        (claims_panel.ArticleRows); anything else builds every article's rows again."""
        from eternaut_reader.ui.widgets.claims_panel import ArticleRows, Row

        panel, editor = self._panel(), self.editor
        if panel is None:
            return
        if editor is None:
            self._article_rows = {}
            panel.set_rows([])
            return
        touched: dict[str, list[str | None]] = {}
        for each in (edit, *edit.also) if edit is not None else ():
            ident = each.annotation.id if each.annotation is not None else None
            touched.setdefault(each.article_id, []).append(ident)
        rows: list[Row] = []
        for article in self.corpus.articles:
            index = editor.index(article)
            kept = self._article_rows.get(article.id)
            usable = kept is not None and kept.index is index and edit is not None
            if kept is None or not usable or not kept.follows(touched.get(article.id, ())):
                kept = self._article_rows[article.id] = ArticleRows(index)
            rows.extend(kept.rows)
            rows.extend(kept.orphans)
        rows.extend(Row(a, closed=True) for a in self.not_open())
        # A link shows at both of its ends: the store counts those made to each claim.
        panel.set_rows(rows, editor.me, editor.store.linked_from_relations, refit=edit is None)

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
