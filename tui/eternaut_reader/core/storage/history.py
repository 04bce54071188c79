"""The undo history of the annotation store: what undo and redo take back or make again.

The undo history lives in the file (table "history"), so it survives a restart. Two programs
writing one file share it, and so do annotators: each entry records who made it, and an
annotator's undo and redo only ever see their own entries. Undo takes back your latest change,
never a colleague's (from another program on the same file, or from an import), so a verdict is
never taken back or made again under someone else's name. Likewise a new change ends only your
own redo chain, and each annotator keeps their newest HISTORY_LIMIT entries.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import replace

from eternaut_reader.core.annotations.model import Annotation, HistoryEntry
from eternaut_reader.core.storage.changes import ANNOTATIONS, HISTORY, Change, Op

HISTORY_LIMIT = 500


class History:
    """The history entries by id, oldest first, and the clock that orders them.

    Its methods only build changes; the store applies them (to `entries` too) and queues them.
    The caller holds the store's lock.
    """

    def __init__(self) -> None:
        self.entries: dict[str, HistoryEntry] = {}
        self._clock = 0

    def tick(self) -> int:
        """A clock that never goes back, so history stays ordered even if the wall clock does."""
        self._clock = max(time.time_ns(), self._clock + 1)
        return self._clock

    def catch_up(self) -> None:
        """After entries were loaded: never stamp a new one before any of them."""
        latest = max((max(e.at, e.undone_at or 0) for e in self.entries.values()), default=0)
        self._clock = max(self._clock, latest)

    def last(self, *, undone: bool, annotator: str) -> HistoryEntry | None:
        """The entry annotator's undo (undone=False) or redo (undone=True) would use next."""
        entries = [e for e in self._own(annotator) if e.undone == undone]
        if not entries:
            return None
        return max(entries, key=lambda e: (e.undone_at or 0) if undone else e.at)

    def _own(self, annotator: str) -> list[HistoryEntry]:
        return [e for e in self.entries.values() if _is_own(e, annotator)]

    def record(
        self,
        action: str,
        before: Annotation | None,
        after: Annotation | None,
        *,
        annotator: str,
        limit: int,
        step: str = "",
    ) -> Change:
        """The change that makes before into after and records it, keeping `limit` entries.
        Entries with one `step` are undone and redone together."""
        ann_id = (after or before).id  # type: ignore[union-attr]
        entry = HistoryEntry(
            id=str(uuid.uuid4()),
            action=action,
            annotation_id=ann_id,
            before=before,
            after=after,
            at=self.tick(),
            annotator=annotator,
            step=step,
        )
        change = [Op(ANNOTATIONS, ann_id, after)]
        own = self._own(annotator)
        # A new change ends the redo chain, as in every editor: one's own chain only.
        change += [Op(HISTORY, e.id, None) for e in own if e.undone]
        change.append(Op(HISTORY, entry.id, entry))
        kept = [e for e in own if not e.undone] + [entry]
        change += [Op(HISTORY, e.id, None) for e in kept[:-limit]]
        return change

    def undo(self, annotator: str) -> tuple[list[HistoryEntry], Change] | None:
        """annotator's latest step not undone (its entries, latest first) and the change that
        takes it back; None if there is none."""
        entry = self.last(undone=False, annotator=annotator)
        if entry is None:
            return None
        entries = sorted(self._step_of(entry, undone=False), key=lambda e: e.at, reverse=True)
        change: Change = []
        for each in entries:  # latest first: a passage tagged then linked ends untagged
            change.append(Op(ANNOTATIONS, each.annotation_id, each.before))
            undone = replace(each, undone_at=self.tick())
            change.append(Op(HISTORY, undone.id, undone))
        return entries, change

    def redo(self, annotator: str) -> tuple[list[HistoryEntry], Change] | None:
        """annotator's latest undone step (its entries, latest first) and the change that
        makes it again; None if there is none."""
        entry = self.last(undone=True, annotator=annotator)
        if entry is None:
            return None
        entries = sorted(self._step_of(entry, undone=True), key=lambda e: e.at)
        change: Change = []
        for each in entries:  # earliest first, as they were made
            change.append(Op(ANNOTATIONS, each.annotation_id, each.after))
            redone = replace(each, undone_at=None)
            change.append(Op(HISTORY, redone.id, redone))
        return entries[::-1], change

    def _step_of(self, entry: HistoryEntry, *, undone: bool) -> list[HistoryEntry]:
        if not entry.step:
            return [entry]
        return [
            e for e in self._own(entry.annotator) if e.step == entry.step and e.undone == undone
        ] or [entry]


def _is_own(entry: HistoryEntry, annotator: str) -> bool:
    """Whether undo and redo of `annotator` may use the entry.

    The entry must be theirs and so must the annotation it changes: an entry from before claims
    had owners may have rewritten someone else's claim, and redoing it would do so again.
    Entries written before entries had an annotator count as the annotation's owner's.
    """
    ann = entry.after or entry.before
    owner = ann.annotator if ann is not None else ""
    return (entry.annotator or owner) == annotator and owner == annotator
