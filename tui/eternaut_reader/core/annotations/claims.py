"""The claims of one article as the reader sees them: anchored spans, quick to look up.

A view asks "which claims touch these characters?" for every line it draws, so the index
keeps the anchored annotations sorted by start and answers with two bisections and a short
scan; adding, retagging or removing one claim never re-anchors the others.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from eternaut_reader.core.annotations.anchor import anchor
from eternaut_reader.core.annotations.model import Anchored, Annotation
from eternaut_reader.core.annotations.tags import OPEN, TAGS, tag_key


class Claim(NamedTuple):
    """An annotation where it is in the article now. A named tuple, not a frozen dataclass:
    opening 100,000 claims makes 100,000 of them, and a tuple is made in a third of the time."""

    start: int
    end: int
    annotation: Annotation

    @property
    def id(self) -> str:
        return self.annotation.id

    @property
    def tag(self) -> str | None:
        """The verdict; None for an open claim."""
        return self.annotation.tag


class ClaimIndex:
    """Anchored claims of one article, plus its orphans."""

    def __init__(self, anchored: Iterable[Anchored] = ()) -> None:
        # (start, end, id, claim), sorted: ids are unique, so a claim is never compared, and
        # the claims that overlap a line are one slice away (no lookup by id).
        self._keys: list[tuple[int, int, str, Claim]] = []
        self._claims: dict[str, Claim] = {}
        self.orphans: dict[str, Annotation] = {}
        # The last answers of `at`: the claim bar asks it again at every frame that moves
        # nothing (a search keystroke), and a sentence can hold a thousand claims.
        self._at: dict[tuple[int, int, str | None], Claim | None] = {}
        # One pass over the anchored claims (100,000 of them open in well under a second).
        keys = self._keys
        claims = self._claims
        tags: list[str | None] = []
        for item in anchored:
            ann, start, end = item.annotation, item.start, item.end
            tags.append(ann.tag)
            if start is None or end is None:
                self.orphans[ann.id] = ann
            else:
                claim = claims[ann.id] = Claim(start, end, ann)
                keys.append((start, end, ann.id, claim))
        keys.sort()
        self._longest = max((key[1] - key[0] for key in keys), default=0)
        self._counts: Counter[str] = Counter({tag: 0 for tag in (*TAGS, OPEN)})
        self._counts.update(map(tag_key, tags))

    @classmethod
    def of(cls, text: str, annotations: Iterable[Annotation]) -> ClaimIndex:
        """The index of these annotations, each anchored in `text` (anchor.anchor's rules).

        The same as ClaimIndex(Anchored.at(a, anchor(text, a)) for a in annotations), in one
        pass that makes no Location or Anchored for the claims still where they were (nearly
        all of them): 100,000 claims are indexed in about half the time.
        """
        index = cls()
        keys, claims, orphans = index._keys, index._claims, index.orphans
        tags: list[str | None] = []
        longest = 0
        new = tuple.__new__  # Claim(start, end, ann), without the call through __new__
        for ann in annotations:
            start, end, quote = ann.start, ann.end, ann.quote
            tags.append(ann.tag)
            if not quote or text[start:end] != quote:
                where = anchor(text, ann)
                if where is None:
                    orphans[ann.id] = ann
                    continue
                start, end = where.start, where.end
            claim = claims[ann.id] = new(Claim, (start, end, ann))
            keys.append((start, end, ann.id, claim))
            if end - start > longest:
                longest = end - start
        keys.sort()
        index._longest = longest
        index._counts.update(map(tag_key, tags))
        return index

    def __len__(self) -> int:
        return len(self._claims)

    def __contains__(self, ann_id: object) -> bool:
        return ann_id in self._claims or ann_id in self.orphans

    def get(self, ann_id: str) -> Claim | None:
        return self._claims.get(ann_id)

    def claims(self) -> list[Claim]:
        return [key[3] for key in self._keys]

    def put(self, annotation: Annotation, span: tuple[int, int] | None) -> None:
        """Add or replace a claim; span None makes it an orphan."""
        self.discard(annotation.id)
        self._at.clear()
        self._counts[tag_key(annotation.tag)] += 1
        if span is None:
            self.orphans[annotation.id] = annotation
            return
        claim = Claim(span[0], span[1], annotation)
        self._claims[annotation.id] = claim
        insort(self._keys, (claim.start, claim.end, claim.id, claim))
        self._longest = max(self._longest, claim.end - claim.start)

    def discard(self, ann_id: str) -> Claim | None:
        self._at.clear()
        orphan = self.orphans.pop(ann_id, None)
        if orphan is not None:
            self._counts[tag_key(orphan.tag)] -= 1
        claim = self._claims.pop(ann_id, None)
        if claim is not None:
            self._counts[tag_key(claim.tag)] -= 1
            key = (claim.start, claim.end, claim.id)
            del self._keys[bisect_left(self._keys, key)]
        return claim

    def overlapping(self, start: int, end: int) -> list[Claim]:
        """Claims with at least one character in start..end, in order of position.

        An empty range (a blank line) touches the claims that contain its position.
        """
        end = max(end, start + 1)
        low = bisect_left(self._keys, (start - self._longest,))
        high = bisect_left(self._keys, (end,))
        return [key[3] for key in self._keys[low:high] if key[1] > start]

    def at(self, start: int, end: int, *, prefer: str | None = None) -> Claim | None:
        """The claim a user means by the range start..end (a sentence or a selection).

        The claim on exactly that range if there is one, else the one covering most of it;
        ties go to the shorter (more specific) claim. With `prefer` (an annotator), that
        annotator's claims come before anyone else's: the reader shows the user's own claim
        where both tagged the same words.
        """
        key = (start, end, prefer)
        if key in self._at:
            return self._at[key]
        best: tuple[bool, bool, int, int] | None = None
        chosen = None
        for claim in self.overlapping(start, end):
            exact = (claim.start, claim.end) == (start, end)
            overlap = min(end, claim.end) - max(start, claim.start)
            score = (claim.annotation.annotator == prefer, exact, overlap, claim.start - claim.end)
            if best is None or score > best:
                best, chosen = score, claim
        if len(self._at) >= 64:
            self._at.clear()
        self._at[key] = chosen
        return chosen

    def own_at(self, start: int, end: int, annotator: str) -> Claim | None:
        """Like `at`, but only among `annotator`'s claims."""
        claim = self.at(start, end, prefer=annotator)
        return claim if claim is not None and claim.annotation.annotator == annotator else None

    def exactly(self, start: int, end: int, *, annotator: str | None = None) -> Claim | None:
        """The claim on exactly start..end (only `annotator`'s, when given)."""
        for claim in self.overlapping(start, end):
            if (claim.start, claim.end) == (start, end) and (
                annotator is None or claim.annotation.annotator == annotator
            ):
                return claim
        return None

    def counts(self) -> Counter[str]:
        """Claims per tag, open claims under "open", orphans included (they are still claims
        the user made)."""
        return Counter(self._counts)
