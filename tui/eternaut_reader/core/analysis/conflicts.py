"""Where the passages of one claim disagree, pair by pair, for the claim view.

Three things make two passages of a claim disagree:

- the alignment found that one states a value the other contradicts (a match whose relation is
  "conflicts", with the values side by side: `status: "premiered" vs "upcoming"`);
- someone linked one to the other as `contradicts`;
- they carry different tags (one report's passage confirmed, another's contradicted).

Each pair is reported once, with every reason found for it, in the order of the claim's
members. Pure data: the reader draws it, a report could print it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from eternaut_reader.core.annotations.groups import ClaimGroup
from eternaut_reader.core.annotations.model import Annotation

__all__ = ["PassageConflict", "claim_conflicts"]


class _Conflict(Protocol):
    @property
    def what(self) -> str: ...
    @property
    def here(self) -> str: ...
    @property
    def there(self) -> str: ...


class _Match(Protocol):
    @property
    def article(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def relation(self) -> str: ...
    @property
    def conflicts(self) -> Sequence[_Conflict]: ...


class AlignmentLike(Protocol):
    def matches(self, article_id: str, start: int, end: int) -> Sequence[_Match]: ...


@dataclass
class PassageConflict:
    """Two passages of a claim that disagree, and why."""

    first: Annotation
    second: Annotation
    # (what, the value in first, the value in second), as the alignment found them.
    values: list[tuple[str, str, str]] = field(default_factory=list)
    linked: bool = False  # one is linked to the other as "contradicts"
    tags: tuple[str | None, str | None] | None = None  # (first's, second's) when they differ


def _default_span(annotation: Annotation) -> tuple[int, int] | None:
    return annotation.start, annotation.end


def claim_conflicts(
    group: ClaimGroup,
    alignment: AlignmentLike | None = None,
    span: Callable[[Annotation], tuple[int, int] | None] = _default_span,
) -> list[PassageConflict]:
    """Every pair of the claim's passages (in different reports, for values and tags; any two
    for a `contradicts` link) that disagree. `span` gives where a passage sits now (its
    anchored span; None for an orphan, which the alignment cannot place)."""
    members = group.members
    order = {a.id: n for n, a in enumerate(members)}
    found: dict[tuple[str, str], PassageConflict] = {}

    def pair(a: Annotation, b: Annotation) -> tuple[PassageConflict, bool]:
        """The record of the pair, and whether a is its first passage."""
        first, second = (a, b) if order[a.id] <= order[b.id] else (b, a)
        key = (first.id, second.id)
        if key not in found:
            found[key] = PassageConflict(first, second)
        return found[key], first is a

    if alignment is not None:
        placed = {a.id: span(a) for a in members}
        for a in members:
            where = placed[a.id]
            if where is None:
                continue
            for match in alignment.matches(a.article_id, *where):
                if match.relation != "conflicts" or match.article == a.article_id:
                    continue
                for b in members:
                    there = placed[b.id]
                    if (
                        b.article_id != match.article
                        or there is None
                        or not (there[0] < match.end and match.start < there[1])
                    ):
                        continue
                    conflict, forward = pair(a, b)
                    for c in match.conflicts:
                        value = (c.what, c.here, c.there) if forward else (c.what, c.there, c.here)
                        if value not in conflict.values:
                            conflict.values.append(value)
    by_id = {a.id: a for a in members}
    for a in members:
        for link in a.links:
            other = by_id.get(link.target)
            if link.relation == "contradicts" and other is not None and other.id != a.id:
                pair(a, other)[0].linked = True
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if (
                a.article_id != b.article_id
                and a.tag is not None
                and b.tag is not None
                and a.tag != b.tag
            ):
                conflict, _ = pair(a, b)
                conflict.tags = (conflict.first.tag, conflict.second.tag)
    return sorted(found.values(), key=lambda c: (order[c.first.id], order[c.second.id]))
