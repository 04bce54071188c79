"""A pane: an article's header, the reader view and a status line."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from eternaut_reader.core.corpus import Article, Corpus
from eternaut_reader.core.display import printable
from eternaut_reader.ui.widgets.article_view import ArticleView


def article_details(article: Article, number: int, total: int) -> Content:
    """Outlet, language, date and place in the corpus, as plain text (never markup)."""
    # Shortest first, so that a narrow pane still shows the place and the language.
    details = [f"{number}/{total}", article.language.upper(), article.outlet or "outlet not named"]
    if article.date:
        details.append(article.date)
    return Content(printable(" · ".join(details)))


class Pane(Vertical):
    """One article in one column; the app mounts as many as fit the terminal's width."""

    def __init__(self, corpus: Corpus, article: Article, number: int) -> None:
        super().__init__(id=f"pane-{number}", classes="pane")
        self.number = number
        self.corpus = corpus
        self._article = article

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def compose(self) -> ComposeResult:
        with Vertical(classes="pane-header"):
            yield Static(classes="pane-title")
            yield Static(classes="pane-details")
        yield ArticleView(self._article)
        yield Static("", classes="pane-status")

    @on(ArticleView.Changed)
    def _update(self, message: ArticleView.Changed) -> None:
        view = message.view
        article = view.article
        self.query_one(".pane-title", Static).update(Content(printable(article.title)))
        number = self.corpus.articles.index(article) + 1
        self.query_one(".pane-details", Static).update(
            article_details(article, number, len(self.corpus.articles)))
        self.query_one(".pane-status", Static).update(Content(view.status()))
        self.set_class(not view.ready, "-loading")

    def show_article(self, article: Article) -> None:
        self.view.show_article(article)
