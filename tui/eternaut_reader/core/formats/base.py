"""What every export format is given: the selected annotations, anchored in the corpus.

`choose` filters annotations by tag and article. `prepare` anchors each chosen annotation in
its article's current text (anchor.anchor, as the store and the claims index do), so every
format can say whether it is an orphan, and keeps every annotation (chosen or not) so that
links to annotations outside the selection still show their quote.

Links are shown from both ends: a link is stored on the claim that made it (A links to B),
and `ExportSet.linked_from(B)` gives the links other claims made to B, chosen or not, so each
format can show them on B too and say which end made the link. Nothing of it is stored.

The profile (config.toml's [profile]: name, url, organisation, review_url) is what a format
that publishes (ClaimReview) says about who reviewed; None when there is none.

An annotation whose article is not in the corpus has `orphan` None ("unknown"): nothing says
whether its quote is still in a text we do not have.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol, TextIO
from urllib.parse import quote, urlsplit, urlunsplit

import orjson

from eternaut_reader.core.annotations.anchor import anchor
from eternaut_reader.core.annotations.model import Anchored, Annotation, Link, check_tag, now_iso
from eternaut_reader.core.annotations.tags import OPEN, tag_key

__all__ = [
    "ArticleInfo",
    "Backlink",
    "ExportCancelled",
    "ExportError",
    "ExportSet",
    "Item",
    "ProfileInfo",
    "Progress",
    "Ticker",
    "Writer",
    "article_author",
    "article_url",
    "choose",
    "passive",
    "prepare",
    "web_uri",
]

Progress = Callable[[int, int], None]


class ExportError(Exception):
    """An export could not be written; str() is one line, fit to show the user."""


class ExportCancelled(ExportError):
    """The caller's `cancelled()` returned True; nothing was left at the output path."""


class ArticleInfo(Protocol):
    """What exports read of an article (corpus.Article has all of it)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def content_hash(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...


def _text_attribute(article: object, name: str) -> str | None:
    value = getattr(article, name, None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def article_url(article: ArticleInfo | None) -> str | None:
    """The article's URL (a web page's canonical URL, or as the user set it), if it has one."""
    return _text_attribute(article, "url")


def article_author(article: ArticleInfo | None) -> str | None:
    """The article's author, if known."""
    return _text_attribute(article, "author")


# Kept as they are when a URL is written as a URI (RFC 3986 reserved and unreserved
# characters, and "%" so that escapes already there are kept).
_URI_SAFE = "-._~:/?#[]@!$&'()*+,;=%"
_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


@lru_cache(maxsize=1024)  # once per annotation, for a handful of articles
def web_uri(url: str) -> str | None:
    """An http(s) URL as an RFC 3986 URI (host in IDNA, the rest percent-encoded as needed),
    or None if it is not one."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    else:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    user = parts.netloc.rpartition("@")[0]
    netloc = (f"{quote(user, safe=_URI_SAFE)}@" if user else "") + host
    if port is not None:
        netloc += f":{port}"

    def escaped(part: str) -> str:
        return _ESCAPE.sub("%25", quote(part, safe=_URI_SAFE))

    return urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            escaped(parts.path),
            escaped(parts.query),
            escaped(parts.fragment),
        )
    )


class ProfileInfo(Protocol):
    """Who is exporting (config.Profile has all of it); any of it may be None."""

    @property
    def name(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def organisation(self) -> str | None: ...
    @property
    def review_url(self) -> str | None: ...


# A link seen from its target: "supports" made by A reads "supported by A" on B.
PASSIVE = {"supports": "supported by", "contradicts": "contradicted by"}


def passive(relation: str) -> str:
    return PASSIVE.get(relation, f"{relation} (from)")


@dataclass(frozen=True, slots=True)
class Backlink:
    """A link that another claim (`source`) made to this one."""

    source: Annotation
    relation: str

    def to_dict(self) -> dict[str, str]:
        """As JSON and JSON Lines write it in `linked_from` (export only, never imported)."""
        return {
            "source": self.source.id,
            "relation": self.relation,
            "article_id": self.source.article_id,
        }


class _HasAnnotations(Protocol):
    def annotations(self) -> list[Annotation]: ...


Source = _HasAnnotations | Iterable[Annotation]


def _names(value: str | Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset([value] if isinstance(value, str) else value) or None


def choose(
    source: Source,
    tag: str | Iterable[str] | None = None,
    article: str | Iterable[str] | None = None,
) -> list[Annotation]:
    """The annotations of a store (or any iterable) with one of the tags, in one of the articles.

    tag and article take one value or several; None or empty means no filter on it. A tag is
    one of TAGS, or "open" for the open claims (no verdict yet). Articles are matched by id.
    The order is kept (a store gives article, then position).
    """
    tags = _names(tag)
    if tags is not None:
        for name in tags:
            if name != OPEN:
                check_tag(name)
    articles = _names(article)
    annotations = source.annotations() if hasattr(source, "annotations") else list(source)
    return [
        a
        for a in annotations
        if (tags is None or tag_key(a.tag) in tags)
        and (articles is None or a.article_id in articles)
    ]


@dataclass(frozen=True, slots=True)
class Item:
    """One exported annotation, with its article (None if not in the corpus) and its anchor."""

    annotation: Annotation
    article: ArticleInfo | None
    anchor: Anchored | None  # None when the article is not in the corpus
    remembered: str | None = None  # the title of an article not in the corpus, if known

    @property
    def orphan(self) -> bool | None:
        """True if the quote is no longer found; None (unknown) if the article is not loaded."""
        return None if self.anchor is None else self.anchor.orphan

    @property
    def title(self) -> str:
        if self.article is not None:
            return self.article.title
        return self.remembered or self.annotation.article_id


@dataclass
class ExportSet:
    items: list[Item]
    annotations: Mapping[str, Annotation]  # every annotation known, for links
    articles: Mapping[str, ArticleInfo]
    generated: str = field(default_factory=now_iso)
    filters: dict[str, list[str]] = field(default_factory=dict)
    profile: ProfileInfo | None = None
    remembered: Mapping[str, str] = field(default_factory=dict)  # titles of articles not open
    _hashes: dict[str, str] = field(default_factory=dict, repr=False)
    _incoming: dict[str, list[Backlink]] | None = field(default=None, repr=False)

    def title(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        if article is not None:
            return article.title
        return self.remembered.get(article_id) or article_id

    def article_hash(self, article_id: str) -> str | None:
        """The article's current content hash (computed once per article), None if not loaded."""
        if article_id not in self._hashes:
            article = self.articles.get(article_id)
            if article is None:
                return None
            self._hashes[article_id] = article.content_hash
        return self._hashes[article_id]

    def target(self, link: Link) -> Annotation | None:
        return self.annotations.get(link.target)

    def linked_from(self, ann_id: str) -> list[Backlink]:
        """The links other annotations made to this one, in the store's order (article, then
        position) of the annotations that made them."""
        if self._incoming is None:
            incoming: dict[str, list[Backlink]] = {}
            for source in self.annotations.values():
                for link in source.links:
                    if link.target != source.id:
                        incoming.setdefault(link.target, []).append(Backlink(source, link.relation))
            self._incoming = incoming
        return self._incoming.get(ann_id, [])


def place_item(
    ann: Annotation, articles: Mapping[str, ArticleInfo], remembered: Mapping[str, str]
) -> Item:
    """An annotation as an exported item, anchored in its article's current text when the
    article is in the corpus."""
    article = articles.get(ann.article_id)
    placed = None if article is None else Anchored.at(ann, anchor(article.text, ann))
    return Item(ann, article, placed, remembered.get(ann.article_id))


def prepare(
    selected: Sequence[Annotation],
    articles: Iterable[ArticleInfo] = (),
    *,
    everything: Iterable[Annotation] = (),
    filters: Mapping[str, Collection[str]] | None = None,
    profile: ProfileInfo | None = None,
    remembered: Mapping[str, str] | None = None,
) -> ExportSet:
    """Anchor the selected annotations in their articles; `everything` resolves links (both
    ways: what a chosen annotation links to, and what links to it). `remembered` names the
    articles that are not open (Corpus.elsewhere)."""
    remembered = dict(remembered or {})
    by_article = {a.id: a for a in articles}
    known = {a.id: a for a in everything}
    known.update((a.id, a) for a in selected)
    items = [place_item(ann, by_article, remembered) for ann in selected]
    wanted = {k: sorted(v) for k, v in (filters or {}).items() if v}
    return ExportSet(
        items, known, by_article, filters=wanted, profile=profile, remembered=remembered
    )


class Ticker:
    """Calls progress(done, total) every `every` items and at the end; checks for cancel."""

    def __init__(
        self,
        total: int,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        every: int = 0,
    ) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        self._every = every or max(1, total // 100)

    def __call__(self) -> None:
        self.done += 1
        if self.done % self._every == 0 or self.done == self.total:
            if self._cancelled is not None and self._cancelled():
                raise ExportCancelled("export cancelled")
            if self._progress is not None:
                self._progress(self.done, self.total)

    def start(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled("export cancelled")
        if self._progress is not None:
            self._progress(0, self.total)


class Writer(Protocol):
    def __call__(self, data: ExportSet, out: TextIO, tick: Callable[[], None]) -> None: ...


def dumps_indented(obj: object) -> str:
    """json.dumps(obj, ensure_ascii=False, indent=2), byte for byte, several times faster.

    Python's json module encodes in pure Python whenever it indents; orjson's two-space
    indent writes the same bytes for every string, number and nesting an export holds
    (tests/test_export_json_bytes.py compares them over every character). Floats would differ
    ("1e+20" against "1e20"), and no export writes one. What orjson refuses (a lone surrogate
    from a badly decoded file, an integer beyond 64 bits) goes through json as before.
    """
    try:
        return orjson.dumps(obj, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        import json

        return json.dumps(obj, ensure_ascii=False, indent=2)
