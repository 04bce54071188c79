"""Where the passages of one claim disagree, pair by pair, and why: for the claim view and the
fact-check report alike (each draws it in its own words).

Three things make two passages of a claim disagree:

- the alignment (analysis/align.py) found that one states a value the other contradicts (a
  match whose relation is "conflicts", with the values side by side: `status: "premiered" vs
  "upcoming"`), counting only the values within the tagged span (a conflict on another value of
  the same sentence is about another fact: analysis/verdict.restrict);
- someone linked one to the other as `contradicts` (either end made the link);
- they carry different tags in different reports (one report's passage confirmed, another's
  contradicted).

Each pair is reported once, with every reason and every conflicting value, the earlier passage
(in the order of the claim's members) first. Then, once per report, an aligned passage that
conflicts in a report where no passage of the claim is tagged (`Untagged`): that report may
well state it, with another value.
Pure data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from eternaut_reader.core.analysis.verdict import AlignmentLike, Match, restrict
from eternaut_reader.core.annotations.model import Annotation

__all__ = [
    "ALIGNED",
    "ELSEWHERE",
    "LINKED",
    "OWN_CLAIM",
    "TAGGED",
    "TAGGED_ELSEWHERE",
    "AlignmentLike",
    "PassageConflict",
    "Untagged",
    "claim_conflicts",
]

# Why two passages are side by side, in a few words.
ALIGNED = "the values differ"
LINKED = "linked as contradicting"
TAGGED = "tagged differently"
ELSEWHERE = "an aligned passage of a report where no passage of the claim is tagged"
# ...when that passage is tagged all the same, as a claim of its own (the report shows its tag).
OWN_CLAIM = "an aligned passage tagged as a claim of its own, not linked to this one"
# An aligned passage that states the claim, tagged otherwise as a claim of its own: the
# matrix shows its verdict in the claim's row, beside the claim's own.
TAGGED_ELSEWHERE = "an aligned passage stating the claim, tagged otherwise as a claim of its own"


@dataclass(frozen=True)
class Untagged:
    """A passage, where the alignment matched the claim, of a report where no passage of the
    claim is tagged."""

    article_id: str
    start: int
    end: int


@dataclass
class PassageConflict:
    """Two passages of a claim that disagree, and why; or a passage of the claim and an
    aligned passage of a report that does not state it (`second` is then `Untagged`)."""

    first: Annotation
    second: Annotation | Untagged
    # (what, the value in first, the value in second), as the alignment found them.
    values: list[tuple[str, str, str]] = field(default_factory=list)
    linked: bool = False  # one is linked to the other as "contradicts"
    tags: tuple[str | None, str | None] | None = None  # (first's, second's) when they differ

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the two are side by side: ALIGNED, LINKED, TAGGED in that order, or ELSEWHERE."""
        if isinstance(self.second, Untagged):
            return (TAGGED_ELSEWHERE,) if self.tags else (ELSEWHERE,)
        found = (ALIGNED, bool(self.values)), (LINKED, self.linked), (TAGGED, bool(self.tags))
        return tuple(reason for reason, present in found if present)


def _stored_span(annotation: Annotation) -> tuple[int, int] | None:
    return annotation.start, annotation.end


def claim_conflicts(
    members: Sequence[Annotation],
    alignment: AlignmentLike | None = None,
    span: Callable[[Annotation], tuple[int, int] | None] = _stored_span,
    tagged_over: Callable[[str, int, int], Annotation | None] | None = None,
) -> list[PassageConflict]:
    """Every pair of the claim's passages (`members`, in the claim's order) that disagree, in
    that order; then the untagged aligned passages that conflict, once per report that does
    not state the claim. `span` gives where a passage sits now (its anchored span; None for an
    orphan, which the alignment cannot place). With `tagged_over` (the claim that covers a
    passage, as the matrix finds it), an aligned passage that states the claim in such a
    report, tagged otherwise as a claim of its own, is listed too (TAGGED_ELSEWHERE): the
    fact-check report's verdict sat above ✗ cells of its own matrix row, a tester found."""
    order = {a.id: n for n, a in enumerate(members)}
    found: dict[tuple[str, str], PassageConflict] = {}

    def pair(a: Annotation, b: Annotation) -> tuple[PassageConflict, bool]:
        """The record of the pair, and whether a is its first passage."""
        first, second = (a, b) if order[a.id] <= order[b.id] else (b, a)
        key = (first.id, second.id)
        if key not in found:
            found[key] = PassageConflict(first, second)
        return found[key], first is a

    stated = {a.article_id for a in members}
    elsewhere: dict[str, PassageConflict] = {}
    agreeing: list[tuple[Annotation, Match]] = []
    if alignment is not None:
        placed = {a.id: span(a) for a in members}
        for a in members:
            where = placed[a.id]
            if where is None:
                continue
            for match in restrict(alignment.matches(a.article_id, *where), *where):
                if match.relation == "agrees" and match.article not in stated:
                    agreeing.append((a, match))
                if match.relation != "conflicts" or match.article == a.article_id:
                    continue
                values = [(c.what, *match.shown(k)) for k, c in enumerate(match.conflicts)]
                if match.article not in stated:
                    if match.article not in elsewhere:
                        untagged = Untagged(match.article, match.start, match.end)
                        elsewhere[match.article] = PassageConflict(a, untagged, values)
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
                    for what, here, theirs in values:
                        value = (what, here, theirs) if forward else (what, theirs, here)
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
                conflict, forward = pair(a, b)
                conflict.tags = (a.tag, b.tag) if forward else (b.tag, a.tag)
    ordered = sorted(found.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]]))
    if tagged_over is not None:
        own = {a.tag for a in members if a.tag is not None}
        for a, match in agreeing:
            other = tagged_over(match.article, match.start, match.end)
            if match.article in elsewhere or other is None or other.tag is None or not own:
                continue
            if other.tag not in own:
                untagged = Untagged(match.article, match.start, match.end)
                elsewhere[match.article] = PassageConflict(a, untagged, tags=(a.tag, other.tag))
    return [conflict for _, conflict in ordered] + list(elsewhere.values())
