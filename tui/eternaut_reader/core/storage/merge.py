"""Merging annotations made elsewhere (an import) into the store: which one wins, and where.

AnnotationStore.merge() describes the rules; plan_merge() works out what they do, without
changing anything.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.annotations.record import check_annotation as check_record


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What merge() did with each annotation it was given, by id (as stored)."""

    added: tuple[str, ...] = ()  # new to the store
    updated: tuple[str, ...] = ()  # same id and annotator, the given one newer: it replaced ours
    unchanged: tuple[str, ...] = ()  # already stored exactly so
    kept: tuple[str, ...] = ()  # same id and annotator, ours as new or newer: ours kept
    beside: tuple[tuple[str, str], ...] = ()  # (given id, stored id): see merge()

    @property
    def changed(self) -> int:
        return len(self.added) + len(self.updated) + len(self.beside)


# Another annotator's annotation that arrives with the id of one of ours is stored under an id
# derived from theirs and their name, so importing the same file again finds it there.
_BESIDE_NAMESPACE = uuid.UUID("5c0b3f2e-6a53-4f6b-9a51-0e7e6d1e2f3a")


def beside_id(ann_id: str, annotator: str) -> str:
    return str(uuid.uuid5(_BESIDE_NAMESPACE, f"{annotator}\n{ann_id}"))


def check_annotation(ann: object) -> Annotation:
    """An annotation given to merge, checked by the one validator (annotations/record.py).

    Its recorded span need not be as long as its quote (the text it was made on may have
    changed since); anchoring finds the quote, or keeps the annotation as an orphan.
    """
    if not isinstance(ann, Annotation):
        raise TypeError(f"merge takes Annotation objects, not {type(ann).__name__}")
    return check_record(ann, quote_span=False)


def plan_merge(
    stored: Mapping[str, Annotation], given: list[Annotation]
) -> tuple[MergeResult, list[Annotation]]:
    """What merging the given (checked) annotations into the stored ones does, and the
    annotations to put into the store, in order, each under its stored id."""
    moved: dict[tuple[str, str], str] = {}  # (annotator, given id) -> stored id
    owners = {k: a.annotator for k, a in stored.items()}
    for ann in given:
        owner = owners.setdefault(ann.id, ann.annotator)
        if owner != ann.annotator:
            moved[(ann.annotator, ann.id)] = beside_id(ann.id, ann.annotator)
    origin = {new: old for (_, old), new in moved.items()}
    now = dict(stored)
    put: list[Annotation] = []
    added, updated, unchanged, kept, beside = [], [], [], [], []
    for ann in given:
        ann = _follow(ann, moved)
        ours = now.get(ann.id)
        if ours == ann:
            unchanged.append(ann.id)
            continue
        if ours is not None and not _newer(ann.modified, ours.modified):
            kept.append(ann.id)
            continue
        if ours is not None:
            updated.append(ann.id)
        elif ann.id in origin:
            beside.append((origin[ann.id], ann.id))
        else:
            added.append(ann.id)
        now[ann.id] = ann
        put.append(ann)
    result = MergeResult(tuple(added), tuple(updated), tuple(unchanged), tuple(kept), tuple(beside))
    return result, put


def _follow(ann: Annotation, moved: dict[tuple[str, str], str]) -> Annotation:
    """The annotation under its stored id, its links pointing where their targets went."""
    if not moved:
        return ann
    new_id = moved.get((ann.annotator, ann.id), ann.id)
    links = tuple(
        replace(lk, target=moved[(ann.annotator, lk.target)])
        if (ann.annotator, lk.target) in moved
        else lk
        for lk in ann.links
    )
    if new_id == ann.id and links == ann.links:
        return ann
    return replace(ann, id=new_id, links=links)


def _newer(given: str, ours: str) -> bool:
    try:
        return datetime.fromisoformat(given) > datetime.fromisoformat(ours)
    except (TypeError, ValueError):  # not both ISO 8601 with the same awareness
        return given > ours
