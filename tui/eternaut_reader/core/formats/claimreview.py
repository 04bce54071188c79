"""schema.org ClaimReview (JSON-LD): a JSON array with one ClaimReview per claim, shaped for
Google's Fact Check structured data (developers.google.com/search/docs/appearance/
structured-data/factcheck).

Our verdicts map to ratings on a 1–5 scale (bestRating 5, worstRating 1); `alternateName`
(Google requires it: it is the rating shown in search results) and `name` say it in words:

    tag           ratingValue  alternateName
    confirmed     5            True
    speculative   3            Unproven
    contradicted  1            False

An open claim (highlighted, no verdict yet) has no rating to give, so it is left out: export()
does not pass it (ExportResult.left_out counts it, and the export command says how many on
standard error), and this writer skips any it is given.

A claim is an annotation, together with every annotation joined to it by `supports` links
(either way, transitively) that carries the same tag: they are one ClaimReview whose
itemReviewed.appearance lists every article the claim appears in, the articles of the open
passages linked to it as supporting it included (the same-fact panel's `+` makes those: no
verdict, so no review of their own, but a report that states the claim), when the export's
article filter chose their article, as for the tagged ones. A `supports` link between
different verdicts does not merge them (one review has one rating), nor do `contradicts` links.
Its "first" annotation is the first tagged (on a tie, the first in export order: by article,
then position).

Google's required properties:

    claimReviewed   a short summary: the first annotation's summary (written in the note
                    dialog), else its quote; whitespace made single spaces, cut at a word
                    boundary to at most 75 characters ("…" included);
                    the whole quote is itemReviewed.text
    reviewRating    Rating: ratingValue, bestRating, worstRating, alternateName, name
    url             the profile's review_url with {id} replaced by the review's id (the first
                    annotation's id, percent-encoded); without review_url there is none, and
                    google_notes() says so (the export command prints it on standard error)

and recommended ones:

    author          the profile's organisation (an Organization), else its name (a Person),
                    with the profile's url (an Organization without one takes the site of
                    review_url); with no profile, the annotator (a Person) or a list of them
    datePublished   the date of the latest change to any of its annotations
    itemReviewed    a Claim: author (the first annotation's article's outlet as an
                    Organization, else its author as a Person), datePublished (that article's
                    date), text (the whole quote), appearance (a CreativeWork per article: url,
                    headline, datePublished, inLanguage, author, publisher, identifier = our
                    article id) and firstAppearance (the earliest dated appearance)

Besides: `@id` is the review's own IRI, never the W3C annotation's: <url without its
fragment>#claimreview-<id> when there is a url, else urn:eternaut-reader:review:<id>.
`identifier` lists the ids of the annotations it reviews; `reviewBody` holds the claim
record's review, then the notes, one paragraph each (absent when there are none); `citation`
lists the record's evidence, each a CreativeWork (url, name = its title, description = its
quote and note). `claimReviewed` takes the record's summary from any of its annotations.
The record is read from the open passages linked to the review's annotations too: an open
passage has no rating, so no review of its own, but the claim view may keep the record there.
Orphans are marked on their appearance with schema.org's creativeWorkStatus: "quote not
found in the current text", or "article not in the corpus" (the quote could not be checked).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO
from urllib.parse import quote, urldefrag, urlsplit

from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.formats.base import (
    ExportSet,
    Item,
    ProfileInfo,
    article_author,
    article_url,
    dumps_indented,
    place_item,
    web_uri,
)

__all__ = [
    "BEST",
    "CLAIM_CHARS",
    "NOT_IN_CORPUS",
    "ORPHANED",
    "RATINGS",
    "REVIEW_URN",
    "WORST",
    "claim_groups",
    "count_reviews",
    "google_notes",
    "review_id",
    "review_url",
    "short_claim",
    "to_claimreview",
    "write_claimreview",
]

RATINGS: dict[str, tuple[int, str]] = {
    "confirmed": (5, "True"),
    "speculative": (3, "Unproven"),
    "contradicted": (1, "False"),
}
BEST, WORST = 5, 1
CLAIM_CHARS = 75  # Google: keep claimReviewed under 75 characters (no wrapping on phones)
REVIEW_URN = "urn:eternaut-reader:review:"
ORPHANED = "quote not found in the current text"
NOT_IN_CORPUS = "article not in the corpus"
_ELLIPSIS = "…"
# Characters that belong to the one before them: a cut never falls just before one.
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}


def claim_groups(items: list[Item]) -> list[list[Item]]:
    """Items joined by same-tag `supports` links, in the order of each group's first item."""
    index = {item.annotation.id: n for n, item in enumerate(items)}
    parent = list(range(len(items)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for n, item in enumerate(items):
        for link in item.annotation.links:
            other = index.get(link.target)
            if (
                link.relation == "supports"
                and other is not None
                and items[other].annotation.tag == item.annotation.tag
            ):
                a, b = root(n), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Item]] = {}
    for n, item in enumerate(items):
        groups.setdefault(root(n), []).append(item)
    return list(groups.values())


def count_reviews(data: ExportSet) -> int:
    """How many reviews write_claimreview writes: one per group of rated items."""
    return len(claim_groups([item for item in data.items if item.annotation.tag is not None]))


# ---- claimReviewed ------------------------------------------------------------------------


def _joins(char: str) -> bool:
    """Whether `char` is part of the character before it (a combining mark, a joiner, a
    variation selector or an emoji skin tone)."""
    return (
        unicodedata.combining(char) > 0
        or char in _JOINERS
        or "\U0001f3fb" <= char <= "\U0001f3ff"
        or unicodedata.category(char) in ("Mn", "Me")
    )


def short_claim(text: str, limit: int = CLAIM_CHARS) -> str:
    """The text on one line, cut at a word boundary to at most `limit` characters.

    Runs of whitespace become one space. A text that is too long ends with "…" (counted in
    the limit), cut at the last space within the limit, and punctuation left before the cut
    (, ; : and dashes) goes too; a text with no space there (one long word, or a script
    written without spaces) is cut inside the word, never between a character and the marks
    that belong to it.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = limit - len(_ELLIPSIS)
    space = text.rfind(" ", 0, room + 1)  # a space right after the room ends a word too
    if space > 0:
        head = text[:space]
    else:
        cut = room
        while cut > 1 and _joins(text[cut]):
            cut -= 1
        head = text[:cut]
    return head.rstrip(" ,;:-–—") + _ELLIPSIS


# ---- url, @id and author --------------------------------------------------------------------


def review_id(group: list[Item]) -> str:
    """A review's id: its first annotation's id (the first tagged)."""
    return _first(group).annotation.id


def review_url(template: str | None, ident: str) -> str | None:
    """Where the review is published: the template with {id} replaced (percent-encoded),
    written as a URI when it is an http(s) URL."""
    if not template:
        return None
    url = template.replace("{id}", quote(ident, safe=""))
    return web_uri(url) or url


def _review_iri(template: str | None, url: str | None, ident: str) -> str:
    """The review's own IRI: on its page (one page per review when the template has {id},
    else a fragment per review), or a URN of its own."""
    if not url:
        return REVIEW_URN + quote(ident, safe="")
    page = urldefrag(url)[0]
    if template and "{id}" in urldefrag(template)[0]:
        return f"{page}#claimreview"
    return f"{page}#claimreview-{quote(ident, safe='')}"


def _is_web_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _site(url: str | None) -> str | None:
    """The site a URL is on (scheme://host/), if it is an http(s) URL."""
    if not _is_web_url(url):
        return None
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}/"


def _agent(kind: str, name: str, url: str | None = None) -> dict[str, str]:
    agent = {"@type": kind, "name": name}
    if url:
        agent["url"] = url
    return agent


def _publisher(profile: ProfileInfo | None) -> dict[str, str] | None:
    """The profile as the review's author: its organisation, else its person; None if it
    names neither."""
    if profile is None:
        return None
    if profile.organisation:
        url = profile.url or _site(profile.review_url)
        return _agent("Organization", profile.organisation, url)
    if profile.name:
        return _agent("Person", profile.name, profile.url)
    return None


def google_notes(data: ExportSet) -> list[str]:
    """What Google's Fact Check markup asks for that the profile does not give, one line each;
    nothing when there is no review to write."""
    if not any(item.annotation.tag is not None for item in data.items):
        return []
    profile = data.profile
    notes = []
    template = profile.review_url if profile is not None else None
    if not template:
        notes.append(
            "claimreview: no review_url in [profile]: Google requires each fact-check's url "
            '(e.g. review_url = "https://example.org/checks/{id}" in config.toml, which '
            "`eternaut-reader where` names); written without one"
        )
    elif not _is_web_url(review_url(template, "x")):
        notes.append(
            f"claimreview: review_url {template!r} is not an http(s) address: Google requires "
            "the address of the page that publishes the fact-check"
        )
    author = _publisher(profile)
    if author is None:
        notes.append(
            "claimreview: no organisation or name in [profile]: each review's author is its "
            "annotator, without the url Google asks for"
        )
    elif "url" not in author:
        notes.append("claimreview: no url in [profile]: Google asks for the author's url")
    return notes


# ---- one review -----------------------------------------------------------------------------


def _first(group: list[Item]) -> Item:
    # The first tagged; on a tie (same millisecond) the first in export order.
    return min(group, key=lambda i: i.annotation.created)


def _appearance(items: list[Item]) -> dict[str, Any]:
    """The CreativeWork of one article a claim appears in (`items`: its annotations there)."""
    item = items[0]
    article = item.article
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = article_url(article)
    uri = web_uri(url) if url else None
    if uri:
        work["url"] = uri
    work["headline"] = item.title
    work["identifier"] = item.annotation.article_id
    if article is not None:
        work["inLanguage"] = article.language
        if article.date:
            work["datePublished"] = article.date
        author = article_author(article)
        if author:
            work["author"] = _agent("Person", author)
        if article.outlet:
            work["publisher"] = _agent("Organization", article.outlet)
    if any(i.orphan is None for i in items):
        work["creativeWorkStatus"] = NOT_IN_CORPUS
    elif any(i.orphan for i in items):
        work["creativeWorkStatus"] = ORPHANED
    return work


def _claim(first: Item, appearances: list[dict[str, Any]]) -> dict[str, Any]:
    """The Claim reviewed, as the first annotation's article made it (its outlet, else its
    author; its date), with every article it appears in (`appearances`, in export order)
    and the earliest dated one as its first appearance."""
    claim: dict[str, Any] = {"@type": "Claim"}
    article = first.article
    if article is not None:
        author = article_author(article)
        if article.outlet:
            claim["author"] = _agent("Organization", article.outlet)
        elif author:
            claim["author"] = _agent("Person", author)
        if article.date:
            claim["datePublished"] = article.date
    claim["text"] = first.annotation.quote
    claim["appearance"] = appearances
    dated = [a for a in appearances if a.get("datePublished")]
    if dated:
        claim["firstAppearance"] = min(dated, key=lambda a: str(a["datePublished"]))
    elif len(appearances) == 1:
        claim["firstAppearance"] = appearances[0]
    return claim


def to_claimreview(
    group: list[Item],
    profile: ProfileInfo | None = None,
    records: list[Annotation] | None = None,
    also: Sequence[Item] = (),
) -> dict[str, Any]:
    """One review of a group of rated items. `records`: the items the claim record (summary,
    review, evidence, notes) is read from: the group, plus the open passages linked to it,
    where the claim view may have kept the record (default: the group). `also`: open
    passages linked to the group as supporting it, which appear in its appearances too."""
    records = [i.annotation for i in group] if records is None else records
    first = _first(group)
    tag = first.annotation.tag
    if tag is None:
        raise ValueError("an open claim has no rating: leave it out of ClaimReview")
    value, name = RATINGS[tag]
    by_article: dict[str, list[Item]] = {}
    for item in [*group, *also]:  # in export order, then the supporting open passages
        by_article.setdefault(item.annotation.article_id, []).append(item)
    appearances = [_appearance(items) for items in by_article.values()]
    ident = review_id(group)
    template = profile.review_url if profile is not None else None
    url = review_url(template, ident)
    authors = list(dict.fromkeys(i.annotation.annotator for i in group))
    notes = [a.note for a in records if a.note]
    reviews = list(dict.fromkeys(a.review for a in records if a.review))
    latest = max(i.annotation.modified or i.annotation.created for i in group)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": _review_iri(template, url, ident),
    }
    if url:
        review["url"] = url
    review["identifier"] = [i.annotation.id for i in group]
    # The user's own summary when they wrote one, else the quote: cut to Google's length.
    summary = first.annotation.summary or next((a.summary for a in records if a.summary), "")
    review["claimReviewed"] = short_claim(summary or first.annotation.quote)
    review["reviewRating"] = {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": BEST,
        "worstRating": WORST,
        "alternateName": name,
        "name": name,
    }
    review["itemReviewed"] = _claim(first, appearances)
    publisher = _publisher(profile)
    if publisher is not None:
        review["author"] = publisher
    else:
        people = [_agent("Person", a or "unknown") for a in authors]
        review["author"] = people[0] if len(people) == 1 else people
    if latest:
        review["datePublished"] = latest[:10]
    if reviews or notes:
        review["reviewBody"] = "\n\n".join([*reviews, *notes])
    citations = _citations(records)
    if citations:
        review["citation"] = citations
    return review


def _open_linked(
    group: list[Item], open_ones: Mapping[str, Annotation], linking: Mapping[str, list[Annotation]]
) -> list[Annotation]:
    """The open passages (no verdict, so no review of their own) linked to or from a group:
    the claim record written in the claim view may live on one of them. `linking` maps an
    annotation id to the open annotations whose links point at it."""
    found: dict[str, Annotation] = {}
    for item in group:
        for link in item.annotation.links:
            if link.target in open_ones:
                found.setdefault(link.target, open_ones[link.target])
        for other in linking.get(item.annotation.id, ()):
            found.setdefault(other.id, other)
    return list(found.values())


def _supporting(
    group: list[Item], open_ones: Mapping[str, Annotation], linking: Mapping[str, list[Annotation]]
) -> list[Annotation]:
    """The exported open passages linked to a group as supporting it, either way (the
    same-fact panel's `+` tags a passage as an open claim and links it so): the claim appears
    there too (they were left out of the appearances, found by an outside tester)."""
    found: dict[str, Annotation] = {}
    members = {item.annotation.id for item in group}
    for item in group:
        for link in item.annotation.links:
            if link.relation == "supports" and link.target in open_ones:
                found.setdefault(link.target, open_ones[link.target])
        for other in linking.get(item.annotation.id, ()):
            if any(k.target in members and k.relation == "supports" for k in other.links):
                found.setdefault(other.id, other)
    return list(found.values())


def _citations(records: list[Annotation]) -> list[dict[str, str]]:
    """The claim record's evidence as schema.org CreativeWorks (url, name, and the quote and
    note as its description), each item once."""
    out: list[dict[str, str]] = []
    for annotation in records:
        for evidence in annotation.evidence:
            work = {"@type": "CreativeWork"}
            uri = web_uri(evidence.url) if evidence.url else None
            if uri:
                work["url"] = uri
            work["name"] = evidence.title or evidence.url
            about = [f"“{evidence.quote}”" if evidence.quote else "", evidence.note]
            if any(about):
                work["description"] = " — ".join(a for a in about if a)
            if work not in out:
                out.append(work)
    return out


def write_claimreview(data: ExportSet, out: TextIO, tick: Callable[[], None]) -> None:
    out.write("[")
    rated = []
    for item in data.items:
        if item.annotation.tag is None:
            tick()  # an open claim: no rating to give
        else:
            rated.append(item)
    # Every open claim the store holds, those left out of the items included (no rating).
    open_ones = {k: a for k, a in data.annotations.items() if a.tag is None}
    linking: dict[str, list[Annotation]] = {}
    for other in open_ones.values():  # once, not per review: 10,000 claims stay linear
        for link in other.links:
            linking.setdefault(link.target, []).append(other)
    # An export of some articles reviews only their claims: a supporting open passage in
    # another article is no more part of the review than a tagged one there, which the
    # selection leaves out (its report was listed through the open passage alone, an outside
    # tester found). The tag filter does not apply: an open passage is never written as a
    # review of its own, whichever tags are chosen.
    chosen = set(data.filters.get("article") or ())
    for n, group in enumerate(claim_groups(rated)):
        records = [i.annotation for i in group] + _open_linked(group, open_ones, linking)
        also = [
            place_item(a, data.articles, data.remembered)
            for a in _supporting(group, open_ones, linking)
            if not chosen or a.article_id in chosen
        ]
        body = dumps_indented(to_claimreview(group, data.profile, records, also))
        out.write(("\n  " if n == 0 else ",\n  ") + body.replace("\n", "\n  "))
        for _ in group:
            tick()
    out.write("\n]\n" if rated else "]\n")
