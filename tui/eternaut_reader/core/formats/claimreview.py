"""schema.org ClaimReview (JSON-LD): a JSON array with one ClaimReview per claim.

Our verdicts map to ratings on a 1–5 scale (bestRating 5, worstRating 1):

    tag           ratingValue  alternateName
    confirmed     5            True
    speculative   3            Unproven
    contradicted  1            False

An open claim (highlighted, no verdict yet) has no rating to give, so it is left out: export()
does not pass it (ExportResult.left_out counts it, and the export command says how many on
standard error), and this writer skips any it is given.

A claim is an annotation, together with every annotation joined to it by `supports` links
(either way, transitively) that carries the same tag: they are one ClaimReview whose
itemReviewed.appearance lists every article the claim appears in. A `supports` link between
different verdicts does not merge them (one review has one rating), nor do `contradicts` links.

    claimReviewed   the quote of the claim's first-tagged annotation (on a tie, the first
                    in export order: by article, then position)
    reviewBody      the notes, one paragraph each (absent when there are none)
    author          the annotator (a Person), or a list of them
    datePublished   the date of the latest change to any of its annotations
    identifier      the ids of the annotations it reviews
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

from eternaut_reader.core.formats.base import ExportSet, Item
from eternaut_reader.core.formats.w3c import annotation_iri

__all__ = ["BEST", "RATINGS", "WORST", "claim_groups", "to_claimreview", "write_claimreview"]

RATINGS: dict[str, tuple[int, str]] = {
    "confirmed": (5, "True"),
    "speculative": (3, "Unproven"),
    "contradicted": (1, "False"),
}
BEST, WORST = 5, 1


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


def _person(name: str) -> dict[str, str]:
    return {"@type": "Person", "name": name or "unknown"}


def _appearance(item: Item) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": item.title}
    work["identifier"] = item.annotation.article_id
    article = item.article
    if article is not None:
        work["inLanguage"] = article.language
        if article.date:
            work["datePublished"] = article.date
        if article.outlet:
            work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work


def to_claimreview(group: list[Item]) -> dict[str, Any]:
    # The first tagged; on a tie (same millisecond) the first in export order.
    first = min(group, key=lambda i: i.annotation.created)
    tag = first.annotation.tag
    if tag is None:
        raise ValueError("an open claim has no rating: leave it out of ClaimReview")
    value, name = RATINGS[tag]
    articles: dict[str, dict[str, Any]] = {}
    for item in group:
        articles.setdefault(item.annotation.article_id, _appearance(item))
    authors = list(dict.fromkeys(i.annotation.annotator for i in group))
    notes = [i.annotation.note for i in group if i.annotation.note]
    latest = max(i.annotation.modified or i.annotation.created for i in group)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": annotation_iri(first.annotation.id),
        "identifier": [i.annotation.id for i in group],
        "claimReviewed": first.annotation.quote,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": name,
        },
        "itemReviewed": {"@type": "Claim", "appearance": list(articles.values())},
        "author": _person(authors[0]) if len(authors) == 1 else [_person(a) for a in authors],
    }
    if latest:
        review["datePublished"] = latest[:10]
    if notes:
        review["reviewBody"] = "\n\n".join(notes)
    return review


def write_claimreview(data: ExportSet, out: TextIO, tick: Callable[[], None]) -> None:
    out.write("[")
    rated = []
    for item in data.items:
        if item.annotation.tag is None:
            tick()  # an open claim: no rating to give
        else:
            rated.append(item)
    for n, group in enumerate(claim_groups(rated)):
        body = json.dumps(to_claimreview(group), ensure_ascii=False, indent=2)
        out.write(("\n  " if n == 0 else ",\n  ") + body.replace("\n", "\n  "))
        for _ in group:
            tick()
    out.write("\n]\n" if rated else "]\n")
