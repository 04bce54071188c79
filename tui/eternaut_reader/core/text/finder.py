"""Finding an article among many, and a phrase in all of them.

`pick` ranks articles for a fuzzy query over their titles, outlets and ids (rapidfuzz), so that
one of 200 is a few keys away; `search_articles` finds a query in every article (the same
matching as the search in one article: case-insensitive, straight quotes and dashes finding
their typographic forms) and gives each match with its context, grouped by article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from eternaut_reader.core.text.search import find_all

__all__ = ["ArticleMatches", "Hit", "label", "pick", "search_articles"]


class ArticleLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def language(self) -> str: ...


A = TypeVar("A", bound=ArticleLike)


def label(article: ArticleLike) -> str:
    """What the picker shows and matches: title, outlet, language and id."""
    parts = [article.title, article.outlet or "", article.language, article.id]
    return " · ".join(p for p in parts if p)


def pick(articles: Sequence[A], query: str, limit: int = 100) -> list[A]:
    """The articles that match `query` best, best first; all of them, in order, for ''."""
    query = query.strip()
    if not query:
        return list(articles[:limit])
    from rapidfuzz import fuzz, process, utils

    labels = [label(a) for a in articles]
    found = process.extract(
        query,
        labels,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=None,
        score_cutoff=50,
    )
    # Fuzzy scores alone rank "Tribune report 4" above "Tribune report 34" for "tribune 34":
    # labels holding more of the typed words, as typed, come first.
    words = utils.default_process(query).split()
    lowered = [utils.default_process(text) for text in labels]

    def rank(item: tuple[str, float, int]) -> tuple[int, float, int]:
        _, score, index = item
        return (-sum(word in lowered[index] for word in words), -score, index)

    return [articles[index] for _, _, index in sorted(found, key=rank)[:limit]]


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    before: str
    match: str
    after: str


@dataclass(frozen=True, slots=True)
class ArticleMatches:
    article_id: str
    total: int  # every match in the article; `hits` holds at most per_article of them
    hits: tuple[Hit, ...]


def _context(text: str, start: int, end: int, width: int) -> Hit:
    low = max(0, start - width)
    high = min(len(text), end + width)
    before = " ".join(text[low:start].split()[-12:])
    after = " ".join(text[end:high].split()[:12])
    if start - width > 0 and before:
        before = "…" + before
    if high < len(text) and after:
        after += "…"
    lead = " " if text[start - 1 : start].isspace() and before else ""
    trail = " " if text[end : end + 1].isspace() and after else ""
    return Hit(start, end, before + lead, text[start:end], trail + after)


def search_articles(
    articles: Sequence[ArticleLike],
    query: str,
    *,
    context: int = 40,
    per_article: int = 50,
    cancel: Callable[[], bool] | None = None,
) -> list[ArticleMatches]:
    """Every article holding `query`, in corpus order, with up to per_article matches each
    and their context on one line. `cancel` is asked between articles (and inside large ones:
    SearchCancelled)."""
    if not query:
        return []
    found: list[ArticleMatches] = []
    for article in articles:
        if cancel is not None and cancel():
            from eternaut_reader.core.text.search import SearchCancelled

            raise SearchCancelled
        spans = find_all(article.text, query, cancel=cancel)
        if spans:
            hits = tuple(_context(article.text, s, e, context) for s, e in spans[:per_article])
            found.append(ArticleMatches(article.id, len(spans), hits))
    return found
