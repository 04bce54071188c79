"""A claim across its sources: the annotations joined by links, with the record that reviews it.

A fact-checker's unit of work is not one highlight but one claim as every report states it.
Here a *claim* is a connected group of annotations (links join them, whichever end made the
link and whatever the relation; accepting an aligned passage from the same-fact panel makes
such a link). Each annotation is one report's statement of the claim, with that report's tag.

The claim's *record* (summary, review, evidence) is stored on one of its annotations, its
*lead*, so that it is saved, undone, merged, imported and exported exactly like annotations,
with no second kind of record to keep in step. Each annotator keeps their own record on their
own lead: the one of their annotations in the group that holds a record, else the earliest
of theirs. When two groups are joined by a new link and both had a record from the same
annotator, the earlier one leads and the other still shows (see `records`).

The claim's verdict comes from its annotations' tags: one tag shared by all is the verdict;
different tags make it "mixed", and so do passages linked as contradicting each other under
one tag other than contradicted; `verdict_reason` says which reports say what.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from eternaut_reader.core.annotations.model import Annotation, Evidence
from eternaut_reader.core.annotations.tags import OPEN, SYMBOLS, TAGS, tag_key

__all__ = [
    "MIXED",
    "VERDICT_ORDER",
    "ClaimGroup",
    "claim_groups",
    "group_of",
    "linked_components",
    "verdict_label",
]

MIXED = "mixed"
MIXED_SYMBOL = "±"
# The order a report lists claims in: where the reports disagree first, then what is false,
# unproven and true; claims nobody has judged yet last.
VERDICT_ORDER: tuple[str, ...] = (MIXED, "contradicted", "speculative", "confirmed", OPEN)


def verdict_label(verdict: str) -> str:
    """A claim's verdict in words with its glyph, legible without colour: "✗ contradicted"."""
    if verdict == MIXED:
        return f"{MIXED_SYMBOL} {MIXED}"
    if verdict == OPEN:
        return f"○ {OPEN}"
    return f"{SYMBOLS[verdict]} {verdict}"


def _order(annotation: Annotation) -> tuple[str, int, int, str]:
    return (annotation.article_id, annotation.start, annotation.end, annotation.created)


@dataclass
class ClaimGroup:
    """One claim: its annotations in every report (by article, then position)."""

    members: list[Annotation]
    titles: Mapping[str, str] = field(default_factory=dict)  # article id -> how to name it

    @property
    def id(self) -> str:
        """Stable while the group holds its earliest annotation: that annotation's id."""
        return min(self.members, key=lambda a: (a.created, a.id)).id

    @property
    def articles(self) -> list[str]:
        """The reports that state the claim, in order, each once."""
        return list(dict.fromkeys(a.article_id for a in self.members))

    def by_article(self) -> dict[str, list[Annotation]]:
        out: dict[str, list[Annotation]] = {}
        for annotation in self.members:
            out.setdefault(annotation.article_id, []).append(annotation)
        return out

    # ---- the record ----------------------------------------------------------------------

    def records(self) -> list[Annotation]:
        """The annotations that hold a record (summary, review or evidence), earliest first."""
        held = [a for a in self.members if a.has_record]
        held.sort(key=lambda a: (a.created, a.id))
        return held

    def lead(self, annotator: str) -> Annotation | None:
        """Where `annotator` keeps their record: their annotation that holds one (the earliest,
        if a link joined two), else their earliest annotation; None if they have none here."""
        mine = [a for a in self.members if a.annotator == annotator]
        if not mine:
            return None
        held = [a for a in mine if a.has_record]
        return min(held or mine, key=lambda a: (a.created, a.id))

    def record_for(self, annotator: str | None = None) -> Annotation | None:
        """The record to show: `annotator`'s own when they wrote one, else the earliest."""
        records = self.records()
        if annotator is not None:
            own = [a for a in records if a.annotator == annotator]
            if own:
                return own[0]
        return records[0] if records else None

    def summary(self, annotator: str | None = None) -> str:
        """The claim in short: the record's summary, else any summary, else the first quote."""
        record = self.record_for(annotator)
        if record is not None and record.summary:
            return record.summary
        for annotation in self.records():
            if annotation.summary:
                return annotation.summary
        return " ".join(self.members[0].quote.split())

    def reviews(self) -> list[tuple[str, str]]:
        """(annotator, review) for every record with a review, earliest first."""
        return [(a.annotator, a.review) for a in self.records() if a.review]

    def evidence(self, me: str | None = None) -> list[tuple[str, Evidence]]:
        """(annotator, item) for every record's evidence; an item given twice shows once,
        credited to `me` when I gave it too (so that I can edit or remove mine), else to the
        first who gave it."""
        owner: dict[tuple[str, str, str, str], int] = {}
        out: list[tuple[str, Evidence]] = []
        for annotation in self.records():
            for item in annotation.evidence:
                key = (item.url, item.title, item.quote, item.note)
                if key not in owner:
                    owner[key] = len(out)
                    out.append((annotation.annotator, item))
                elif me is not None and annotation.annotator == me:
                    out[owner[key]] = (me, item)
        return out

    # ---- the verdict ---------------------------------------------------------------------

    @property
    def verdict(self) -> str:
        """One of TAGS when every tagged annotation agrees, MIXED when they differ, OPEN when
        none is tagged yet."""
        tags = {a.tag for a in self.members if a.tag is not None}
        if not tags:
            return OPEN
        if len(tags) == 1:
            tag = next(iter(tags))
            # Passages linked as contradicting each other: the reports disagree, whatever the
            # one tag given so far (a "✓ confirmed" above "where the passages disagree" read
            # as a contradiction of its own page, an outside tester found).
            if tag != "contradicted" and self.contradicts_within():
                return MIXED
            return tag
        return MIXED

    def contradicts_within(self) -> bool:
        """Is any member linked to another as contradicting it?"""
        ids = {a.id for a in self.members}
        return any(
            link.relation == "contradicts" and link.target in ids
            for a in self.members
            for link in a.links
        )

    def tags_by_article(self) -> dict[str, list[str]]:
        """Each report's tags for the claim (open claims as "open"), each tag once."""
        out: dict[str, list[str]] = {}
        for annotation in self.members:
            tags = out.setdefault(annotation.article_id, [])
            key = tag_key(annotation.tag)
            if key not in tags:
                tags.append(key)
        return out

    def reports_by_tag(self) -> dict[str, list[str]]:
        """Each tag ("open" too) with the reports whose passages carry it, named by `titles`,
        in the order the reports come."""
        by_tag: dict[str, list[str]] = {}
        for article, tags in self.tags_by_article().items():
            for tag in tags:
                by_tag.setdefault(tag, []).append(self.titles.get(article, article))
        return by_tag

    def verdict_reason(self) -> str:
        """Which reports say what: "confirmed in A, B; contradicted in C" (open passages too,
        as "open in D"); when every report says the same, "confirmed in 3 reports"."""
        by_tag = self.reports_by_tag()
        if len(by_tag) == 1:
            reports = len(self.articles)
            return f"{next(iter(by_tag))} in {reports} report{'s' if reports != 1 else ''}"
        return "; ".join(
            f"{tag} in {', '.join(by_tag[tag])}" for tag in (*TAGS, OPEN) if tag in by_tag
        )

    def rank(self) -> tuple[int, int]:
        """Sort key for a report: by verdict (VERDICT_ORDER), then most reports first."""
        return (VERDICT_ORDER.index(self.verdict), -len(self.articles))


def linked_components(
    items: Sequence[Annotation], order: Callable[[Annotation], object] = _order
) -> list[list[Annotation]]:
    """The annotations grouped by links (either way, transitively; links to annotations not
    among `items` are ignored); groups in the order of their first member."""
    parent = {a.id: a.id for a in items}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for annotation in items:
        for link in annotation.links:
            if link.target in parent:
                a, b = find(link.target), find(annotation.id)
                if a != b:
                    parent[a] = b
    groups: dict[str, list[Annotation]] = {}
    for annotation in sorted(items, key=order):  # type: ignore[arg-type]
        groups.setdefault(find(annotation.id), []).append(annotation)
    return list(groups.values())


def claim_groups(
    annotations: Iterable[Annotation],
    titles: Mapping[str, str] | None = None,
    *,
    ranked: bool = False,
) -> list[ClaimGroup]:
    """Every claim the annotations make, in reading order, or by importance with ranked=True
    (see ClaimGroup.rank; ties keep reading order)."""
    groups = [
        ClaimGroup(members, dict(titles or {})) for members in linked_components(list(annotations))
    ]
    if ranked:
        groups.sort(key=ClaimGroup.rank)
    return groups


def group_of(
    start: Annotation,
    get: Callable[[str], Annotation | None],
    linking_to: Callable[[str], Iterable[Annotation]],
    titles: Mapping[str, str] | None = None,
) -> ClaimGroup:
    """The claim one annotation belongs to, found by walking links both ways from it (what
    the reader does for the claim under the cursor, without grouping the whole store)."""
    seen: dict[str, Annotation] = {start.id: start}
    todo = [start]
    while todo:
        current = todo.pop()
        neighbours = [get(link.target) for link in current.links]
        neighbours += list(linking_to(current.id))
        for other in neighbours:
            if other is not None and other.id not in seen:
                seen[other.id] = other
                todo.append(other)
    return ClaimGroup(sorted(seen.values(), key=_order), dict(titles or {}))
