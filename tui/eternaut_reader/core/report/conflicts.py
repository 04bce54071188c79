"""Where a claim's reports disagree: pairs of passages side by side, with the values at odds.

Three things put two passages of one claim (in different reports) side by side:

- the alignment (analysis/align.py) matched one to the other and found values that conflict
  (a date, an amount, a status...), within the tagged span;
- one is linked to the other as `contradicts` (either end made the link);
- they are tagged differently (one confirmed, the other contradicted).

A pair shows once, with every reason and every conflicting value, the earlier passage (in the
claim's order: report, then position) on the left. An aligned passage that conflicts in a
report that does not state the claim at all is shown too, as "not tagged", once per report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from eternaut_reader.core.analysis.matrix import Placed
from eternaut_reader.core.analysis.verdict import Match, restrict
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.report.model import Disagreement, Passage, Source, ValueConflict

__all__ = ["ALIGNED", "LINKED", "TAGGED", "AlignmentLike", "disagreements"]

ALIGNED = "the values differ"
LINKED = "linked as contradicting"
TAGGED = "tagged differently"
ELSEWHERE = "an aligned passage of a report that does not state the claim"


class AlignmentLike(Protocol):
    def matches(self, article_id: str, start: int, end: int) -> Sequence[Match]: ...


class _Pair:
    def __init__(self) -> None:
        self.values: list[ValueConflict] = []
        self.reasons: list[str] = []

    def add(self, reason: str, values: Sequence[ValueConflict] = ()) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)
        for value in values:
            if value not in self.values:
                self.values.append(value)


def disagreements(
    members: Sequence[Annotation],
    placed: Mapping[str, Placed],
    passages: Mapping[str, Passage],
    alignment: AlignmentLike | None,
    texts: Mapping[str, str],
    source_of: Callable[[str], Source],
    *,
    limit: int = 8,
) -> tuple[list[Disagreement], int]:
    """The claim's disagreements (at most `limit`) and how many more were left out."""
    order = {a.id: n for n, a in enumerate(members)}
    by_id = {a.id: a for a in members}
    pairs: dict[tuple[str, str], _Pair] = {}

    def add(a: str, b: str, reason: str, values: Sequence[tuple[str, str, str]] = ()) -> None:
        if order[a] > order[b]:  # the earlier passage on the left, its values first
            a, b = b, a
            values = [(what, there, here) for what, here, there in values]
        pair = pairs.setdefault((a, b), _Pair())
        pair.add(reason, [ValueConflict(*v) for v in values])

    stated = {a.article_id for a in members}
    elsewhere: dict[str, Disagreement] = {}
    if alignment is not None:
        for a in members:
            here = placed.get(a.id)
            if here is None:
                continue
            found = alignment.matches(a.article_id, here.start, here.end)
            for match in restrict(found, here.start, here.end):
                if match.relation != "conflicts" or match.article == a.article_id:
                    continue
                values = [(c.what, c.here, c.there) for c in match.conflicts]
                others = [
                    b
                    for b in members
                    if b.article_id == match.article
                    and (there := placed.get(b.id)) is not None
                    and there.start < match.end
                    and match.start < there.end
                ]
                for b in others:
                    add(a.id, b.id, ALIGNED, values)
                if not others and match.article not in stated and match.article not in elsewhere:
                    text = texts.get(match.article, "")[match.start : match.end]
                    elsewhere[match.article] = Disagreement(
                        passages[a.id],
                        Passage(source_of(match.article), text, None, None),
                        tuple(ValueConflict(*v) for v in values),
                        (ELSEWHERE,),
                    )
    for a in members:
        for link in a.links:
            target = by_id.get(link.target)
            if (
                link.relation == "contradicts"
                and target is not None
                and target.article_id != a.article_id
            ):
                add(a.id, target.id, LINKED)
    for n, a in enumerate(members):
        for other in members[n + 1 :]:
            if a.tag and other.tag and a.tag != other.tag and a.article_id != other.article_id:
                add(a.id, other.id, TAGGED)
    ordered = sorted(pairs.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]]))
    out = [
        Disagreement(passages[a], passages[b], tuple(p.values), tuple(p.reasons))
        for (a, b), p in ordered
    ]
    out += list(elsewhere.values())
    return out[:limit], max(0, len(out) - limit)
