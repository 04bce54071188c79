"""The annotation store: an in-memory model the UI reads and changes at once, saved by one thread.

add/update/remove/link/unlink/undo/redo validate, change the in-memory model and queue the
change; they never touch the disk. How and when the queue reaches the file, and what a crash
can lose, is explained in writer.py; the undo history in history.py; merging an import in
merge.py. changes.py defines the change itself and the tables it is saved in.

A verdict belongs to its annotator: update, remove, link (from) and unlink act only on the
store's annotator's own annotations and raise NotYours for anyone else's; undo and redo only
ever take back or make again the annotator's own changes (history.py). Others' annotations
are read like any other, and one's own may link to them. merge() (an import) is the one way
others' annotations come in, each under its own annotator.

The model is what annotations() returns: it holds every change at once, saved or not. After a
failed save (disk full), annotations() still has the unsaved changes, so a program can write
them elsewhere (unsaved_annotations() are the ones they touched), retry flush(), or give them
up with abandon().

A read-only store (asked for, or a database file or folder that cannot be written) reads the
file without a lock, creates, writes and moves nothing, and refuses every change with
ReadOnlyStore; read_only_reason says why in one line.
"""

from __future__ import annotations

import getpass
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from eternaut_reader.core.annotations.anchor import anchor, select
from eternaut_reader.core.annotations.model import (
    KEEP,
    Anchored,
    Annotation,
    Evidence,
    HistoryEntry,
    Keep,
    Link,
    check_relation,
    check_tag,
    now_iso,
)
from eternaut_reader.core.annotations.record import (
    MAX_EVIDENCE,
    BadRecord,
    check_evidence,
    check_text,
)
from eternaut_reader.core.gcpause import gc_paused
from eternaut_reader.core.storage.changes import ANNOTATIONS, Change, Model, Op, apply_change
from eternaut_reader.core.storage.database import (
    CorruptDatabase,
    LinkedFromThere,
    NotYours,
    ReadOnlyStore,
    StoreError,
    StoreWriteError,
    read_only_reason,
)
from eternaut_reader.core.storage.history import HISTORY_LIMIT, History
from eternaut_reader.core.storage.merge import MergeResult, check_annotation, plan_merge
from eternaut_reader.core.storage.merge import (
    beside_id as beside_id,  # imported from here by callers
)
from eternaut_reader.core.storage.paths import resolve_db_path
from eternaut_reader.core.storage.shards import shards_root
from eternaut_reader.core.storage.writer import LOCK_TIMEOUT, Writer

__all__ = [
    "ANNOTATOR_ENV",
    "HISTORY_LIMIT",
    "AnnotationStore",
    "ArticleLike",
    "MergeResult",
    "NotYours",
    "ReadOnlyStore",
    "StoreError",
    "StoreWriteError",
    "UnknownAnnotation",
    "default_annotator",
    "open_store",
]

ANNOTATOR_ENV = "ETERNAUT_READER_ANNOTATOR"
# Changes remembered for changed_since(); beyond this (a large import), the older half is
# forgotten and an index anchored before them is anchored again (reloaded_since says so).
TOUCHED_LIMIT = 20_000


class ArticleLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def content_hash(self) -> str: ...


class UnknownAnnotation(LookupError):
    def __init__(self, ann_id: str) -> None:
        super().__init__(f"no annotation with id {ann_id!r}")

    def __str__(self) -> str:
        return str(self.args[0])


def default_annotator() -> str:
    """$ETERNAUT_READER_ANNOTATOR, else config.toml's [profile] name, else the login name."""
    from_env = os.environ.get(ANNOTATOR_ENV, "").strip()
    if from_env:
        return from_env
    from eternaut_reader.core.config import load_config

    name = load_config().profile.name
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in some containers
        return "unknown"


def _check_note(note: object) -> str:
    if not isinstance(note, str):
        raise ValueError(f"note must be a string, not {type(note).__name__}")
    return note


def _article_id(article: ArticleLike | str) -> str:
    return article if isinstance(article, str) else article.id


class AnnotationStore:
    """Open with open_store(). All methods are meant for one (UI) thread; see module docstring."""

    def __init__(
        self,
        path: Path,
        annotator: str,
        *,
        history_limit: int = HISTORY_LIMIT,
        lock_timeout: float = LOCK_TIMEOUT,
        readonly: bool = False,
    ) -> None:
        self.path = Path(path)
        self.annotator = annotator
        self.history_limit = history_limit
        self.skipped: list[str] = []  # records in the file this version could not read
        self.generation = 0  # grows whenever another process's changes were loaded
        # Grows with every change made here and every reload. What a change touched is kept by
        # id (with its article and the version it was made at), so that a claim index anchored
        # off the UI thread can catch up with the changes made while it was being built:
        # changed_since().
        self.version = 0
        self._touched: dict[str, tuple[int, str]] = {}
        self._installed_at = 0
        self._forgotten_at = 0  # changes up to this version are no longer in _touched
        # One lock for the model and the writer's queue, so that they change together.
        self._cond = threading.Condition(threading.RLock())
        self._annotations: dict[str, Annotation] = {}
        # Kept in step with _annotations, so that a key press never scans every claim:
        # the claims of each article, and which claims link to each claim.
        self._by_article: dict[str, dict[str, Annotation]] = {}
        self._linked_from: dict[str, set[str]] = {}
        self._history = History()
        self._step = ""  # the step the changes now being made belong to (one_step)
        self.last_step = ""  # what the last undo or redo changed (step_words)
        self._hashed: tuple[str, str] | None = None  # (text, hash) of the last article seen
        reason = f"{self.path} was opened read-only" if readonly else read_only_reason(self.path)
        self._writer = Writer(
            self.path,
            self._cond,
            self._reloaded,
            lock_timeout=lock_timeout,
            read_only_because=reason,
        )
        with gc_paused():  # 100,000 claims load in about half the time (gcpause.py)
            self._install(self._writer.load())
        self._writer.start()

    @property
    def read_only(self) -> bool:
        """True when nothing can be saved: every change raises ReadOnlyStore."""
        return self._writer.read_only_because is not None

    @property
    def read_only_reason(self) -> str | None:
        """Why the store is read-only, in one line (e.g. "the folder /x is not writable")."""
        return self._writer.read_only_because

    @property
    def damaged(self) -> CorruptDatabase | None:
        """The database's manifest when it was found damaged: moved aside (left alone when
        read-only) while the claims beside it were read; skipped_notice says it in a line."""
        return self._writer.damaged

    @property
    def lock_path(self) -> Path:
        """The lock file held around every read-modify-write of the database."""
        return self._writer.lock_path

    @property
    def lock_timeout(self) -> float:
        return self._writer.lock_timeout

    @lock_timeout.setter
    def lock_timeout(self, seconds: float) -> None:
        self._writer.lock_timeout = seconds

    # ---- reading ---------------------------------------------------------------------------

    def get(self, ann_id: str) -> Annotation | None:
        with self._cond:
            return self._annotations.get(ann_id)

    def annotations(
        self, article: ArticleLike | str | None = None, tag: str | None = None
    ) -> list[Annotation]:
        """Sorted by article, then position."""
        if tag is not None:
            check_tag(tag)
        wanted = None if article is None else _article_id(article)
        with self._cond:
            pool = (
                self._annotations if wanted is None else self._by_article.get(wanted, {})
            ).values()
            found = [a for a in pool if tag is None or a.tag == tag]
        found.sort(key=lambda a: (a.article_id, a.start, a.end, a.created))
        return found

    def article_ids(self) -> set[str]:
        """The articles that hold at least one claim."""
        with self._cond:
            return {key for key, claims in self._by_article.items() if claims}

    def linking_to(self, ann_id: str) -> list[Annotation]:
        """The annotations whose links point at this one, by article and position."""
        with self._cond:
            found = [self._annotations[i] for i in self._linked_from.get(ann_id, ())]
        found.sort(key=lambda a: (a.article_id, a.start, a.end, a.created))
        return found

    def linked_from_relations(self, ann_id: str) -> list[str]:
        """The relations of the links made to this annotation ("supports", "contradicts")."""
        with self._cond:
            linking = [self._annotations[i] for i in self._linked_from.get(ann_id, ())]
        return [k.relation for a in linking for k in a.links if k.target == ann_id]

    def of_article(self, article: ArticleLike | str) -> list[Annotation]:
        """The article's annotations, in no particular order (ClaimIndex.of sorts them)."""
        with self._cond:
            return list(self._by_article.get(_article_id(article), {}).values())

    def anchor(self, article: ArticleLike) -> list[Anchored]:
        """Every annotation of the article, located in its current text (see anchor.py), in
        no particular order (a ClaimIndex sorts them; opening 100,000 need not sort twice)."""
        text = article.text
        with self._cond:
            pool = list(self._by_article.get(_article_id(article), {}).values())
        return [Anchored.at(ann, anchor(text, ann)) for ann in pool]

    def changed_since(self, version: int) -> list[tuple[str, str]]:
        """(annotation id, article id) of every annotation changed here after `version`, oldest
        first.

        A view that anchors claims off the UI thread notes `version` first, and puts these in
        on the UI thread when it swaps its index in: a tag made meanwhile is not lost. When
        reloaded_since(version), the model came from disk again meanwhile, and the view should
        anchor everything again (these are still worth putting in until it has).
        """
        with self._cond:
            found = [(v, key, art) for key, (v, art) in self._touched.items() if v > version]
        found.sort()
        return [(key, art) for _, key, art in found]

    def reloaded_since(self, version: int) -> bool:
        """Whether the model was read from disk again after `version`, or changes made after it
        were forgotten (more than TOUCHED_LIMIT since): see changed_since."""
        with self._cond:
            return self._installed_at > version or self._forgotten_at > version

    @property
    def can_undo(self) -> bool:
        """Whether undo() has one of this annotator's changes to take back."""
        with self._cond:
            return (
                not self.read_only
                and self._history.last(undone=False, annotator=self.annotator) is not None
            )

    @property
    def can_redo(self) -> bool:
        with self._cond:
            return (
                not self.read_only
                and self._history.last(undone=True, annotator=self.annotator) is not None
            )

    def is_mine(self, ann: Annotation | str) -> bool:
        """Whether this store's annotator may change the annotation (given or by id)."""
        found = self.get(ann) if isinstance(ann, str) else ann
        return found is not None and found.annotator == self.annotator

    # ---- changing --------------------------------------------------------------------------

    def add(
        self,
        article: ArticleLike,
        start: int,
        end: int,
        tag: str | None = "confirmed",
        note: str = "",
    ) -> Annotation:
        """A new claim on start..end; tag None makes it an open claim (no verdict yet)."""
        self._writer.check_writable()
        tag = check_tag(tag)
        note = _check_note(note)
        sel = select(article.text, start, end)
        now = now_iso()
        ann = Annotation(
            id=str(uuid.uuid4()),
            article_id=article.id,
            quote=sel.quote,
            prefix=sel.prefix,
            suffix=sel.suffix,
            start=sel.start,
            end=sel.end,
            tag=tag,
            note=note,
            annotator=self.annotator,
            created=now,
            modified=now,
            content_hash=self._content_hash(article),
        )
        self._commit("add", None, ann)
        return ann

    def update(
        self,
        ann_id: str,
        *,
        tag: str | Keep | None = KEEP,
        note: str | None = None,
        summary: str | None = None,
        review: str | None = None,
        evidence: Sequence[Evidence] | None = None,
    ) -> Annotation:
        """Change the tag, the note, the summary, the review and/or the evidence; unchanged
        values make no history entry.

        tag=KEEP (the default) leaves the tag as it is; tag=None makes the claim open again.
        note, summary, review and evidence left at None stay as they are. A text over
        record.MAX_TEXT_CHARS, or evidence an import would refuse, raises BadRecord (a
        ValueError) and changes nothing: what is saved here can be imported anywhere.
        """
        fields: dict[str, Any] = {}
        if tag is not KEEP:
            fields["tag"] = check_tag(tag)
        if note is not None:
            fields["note"] = check_text("the note", _check_note(note))
        if summary is not None:
            fields["summary"] = check_text("the summary", " ".join(_check_note(summary).split()))
        if review is not None:
            fields["review"] = check_text("the review", _check_note(review))
        if evidence is not None:
            if len(evidence) > MAX_EVIDENCE:
                raise BadRecord(
                    f"{len(evidence):,} evidence items, over the limit of {MAX_EVIDENCE:,}"
                )
            fields["evidence"] = tuple(check_evidence(item) for item in evidence)
        with self._cond:
            before = self._require_mine(ann_id)
            fields = {k: v for k, v in fields.items() if getattr(before, k) != v}
            if not fields:
                return before
            after = before.changed(**fields)
            self._commit("update", before, after)
        return after

    def remove(self, ann_id: str) -> Annotation:
        """Returns the removed annotation. Links pointing at it stay, so undo restores them."""
        with self._cond:
            before = self._require_mine(ann_id)
            self._commit("remove", before, None)
        return before

    def link(self, ann_id: str, target_id: str, relation: str = "supports") -> Annotation:
        """Link an annotation to one in another article; relinking replaces the relation. A
        pair the other end already links is refused (LinkedFromThere): one link per pair, which
        shows at both ends, so a claim never both supports and contradicts another.

        The annotation must be this annotator's own; the target may be anyone's.
        """
        relation = check_relation(relation)
        with self._cond:
            before = self._require_mine(ann_id)
            target = self._require(target_id)
            if target.article_id == before.article_id:
                raise ValueError("links join annotations in different articles")
            new = Link(target.id, relation, target.article_id)
            if new in before.links:
                return before
            back = next((lk for lk in target.links if lk.target == before.id), None)
            if back is not None:
                # One link per pair: made from there, it counts for both ends already.
                raise LinkedFromThere(back.relation)
            links = (*(lk for lk in before.links if lk.target != target.id), new)
            after = before.changed(links=links)
            self._commit("link", before, after)
        return after

    def unlink(self, ann_id: str, target_id: str) -> Annotation:
        with self._cond:
            before = self._require_mine(ann_id)
            links = tuple(lk for lk in before.links if lk.target != target_id)
            if links == before.links:
                return before
            after = before.changed(links=links)
            self._commit("unlink", before, after)
        return after

    def merge(self, annotations: Iterable[Annotation], *, dry_run: bool = False) -> MergeResult:
        """Put annotations made elsewhere (an import) into the store, keyed by their id.

        Each keeps its own id, annotator, created and modified. For an id already stored:
        identical → unchanged; same annotator → the one with the later `modified` wins (ours
        on a tie); another annotator → theirs is stored beside ours under beside_id(id,
        annotator), and links among the given annotations follow it. Everything is checked
        before anything changes (TypeError/ValueError), and all of it is saved in one write.
        dry_run=True only says what would happen (a read-only store allows it).

        Not undoable: merge adds no history entry, so undo/redo never take back part of an
        import (an undo of an earlier change may still revert an annotation merge replaced).
        """
        if not dry_run:
            self._writer.check_writable()
        given = [check_annotation(ann) for ann in annotations]
        with self._cond:
            self._check_open()
            result, put = plan_merge(self._annotations, given)
            if put and not dry_run:
                self._enqueue([Op(ANNOTATIONS, ann.id, ann) for ann in put])
        return result

    @contextmanager
    def one_step(self) -> Iterator[None]:
        """The changes made inside are one step for undo and redo (tagging a passage and
        linking to it, from one key). Nested steps are the outer one."""
        if self._step:
            yield
            return
        self._step = str(uuid.uuid4())
        try:
            yield
        finally:
            self._step = ""

    def undo(self) -> Annotation | None:
        """Undo this annotator's latest step; returns the annotation it concerned (the one
        changed last, when the step changed several), or None.

        Changes by other annotators (another program on the same file, an import) are never
        undone, even when they are newer.
        """
        touched = self.undo_step()
        return touched[0] if touched else None

    def redo(self) -> Annotation | None:
        """Make this annotator's latest undone step again; None if there is none."""
        touched = self.redo_step()
        return touched[0] if touched else None

    def undo_step(self) -> list[Annotation]:
        """Undo this annotator's latest step: the annotations it concerned, the one changed
        last first (empty when there is nothing to undo)."""
        self._writer.check_writable()
        with self._cond:
            found = self._history.undo(self.annotator)
            if found is None:
                return []
            entries, change = found
            self._enqueue(change)
            self.last_step = step_words(entries)
            return _touched(entries, before=True)

    def redo_step(self) -> list[Annotation]:
        """Make this annotator's latest undone step again: the annotations it concerned, the
        one changed last first."""
        self._writer.check_writable()
        with self._cond:
            found = self._history.redo(self.annotator)
            if found is None:
                return []
            entries, change = found
            self._enqueue(change)
            self.last_step = step_words(entries)
            return _touched(entries, before=False)

    # ---- saving (see writer.py) ------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Changes made but not yet on disk."""
        with self._cond:
            return len(self._writer.unsaved)

    def unsaved_annotations(self) -> list[Annotation]:
        """The annotations that changes not yet on disk touched, as they are now in memory.

        Removed ones are not listed (there is nothing left to write). To keep everything after
        a failed save, write annotations() instead: it always includes the unsaved changes.
        """
        with self._cond:
            ids = {op.key for ch in self._writer.unsaved for op in ch if op.table == ANNOTATIONS}
            found = [self._annotations[i] for i in ids if i in self._annotations]
        found.sort(key=lambda a: (a.article_id, a.start, a.end, a.created))
        return found

    @property
    def last_error(self) -> BaseException | None:
        """The error of the latest failed save; None once a save succeeds."""
        return self._writer.last_error

    @property
    def state(self) -> str:
        """ "read-only", "error", "saving" or "saved"."""
        return self._writer.state

    def on_state(self, listener: Callable[[str], None]) -> None:
        """Call listener(state) from the writer thread: "saving", "saved", or "error: ..."."""
        self._writer.on_state(listener)

    def flush(self, timeout: float | None = None) -> None:
        """Return once every change made so far is on disk.

        Raises StoreWriteError (one line) if saving fails or takes longer than timeout; the
        changes stay in memory and queued, and the next flush() tries again. A no-op when
        read-only.
        """
        self._writer.flush(timeout)

    def refresh(self, timeout: float | None = None) -> bool:
        """Load changes other processes saved; True if there were any."""
        with self._cond:
            generation = self.generation
            self._writer.refresh(timeout)
            return self.generation != generation

    def close(self, *, force: bool = False) -> None:
        """Flush and stop the writer. If saving fails this raises StoreWriteError and the store
        stays open with its changes, so that the caller can retry, write them elsewhere, or
        give them up with force=True (see abandon)."""
        if force:
            self.abandon()
            return
        self._writer.close()

    def abandon(self) -> int:
        """Close without saving the changes still pending (a user's "quit anyway").

        Never raises and never waits on the disk for long; returns how many changes were not
        saved. They remain readable through annotations() until the program ends.
        """
        return self._writer.abandon()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ---- the in-memory model (UI thread, under self._cond) -----------------------------------

    def _require(self, ann_id: str) -> Annotation:
        ann = self._annotations.get(ann_id)
        if ann is None:
            raise UnknownAnnotation(ann_id)
        return ann

    def _require_mine(self, ann_id: str) -> Annotation:
        self._writer.check_writable()
        ann = self._require(ann_id)
        if ann.annotator != self.annotator:
            raise NotYours(ann.annotator, self.annotator)
        return ann

    def _check_open(self) -> None:
        self._writer.check_open()

    def _content_hash(self, article: ArticleLike) -> str:
        if self._hashed is None or self._hashed[0] is not article.text:
            self._hashed = (article.text, article.content_hash)
        return self._hashed[1]

    def _commit(self, action: str, before: Annotation | None, after: Annotation | None) -> None:
        with self._cond:
            self._check_open()
            change = self._history.record(
                action,
                before,
                after,
                annotator=self.annotator,
                limit=self.history_limit,
                step=self._step,
            )
            self._enqueue(change)

    def _enqueue(self, change: Change) -> None:
        self._check_open()
        before: dict[str, Annotation | None] = {}
        for op in change:
            if op.table == ANNOTATIONS:
                before.setdefault(op.key, self._annotations.get(op.key))
        apply_change(change, self._annotations, self._history.entries)
        self.version += 1
        for key, old in before.items():
            new = self._annotations.get(key)
            self._reindex(old, new)
            held = new if new is not None else old
            if held is not None:
                self._touched.pop(key, None)  # kept in the order of the changes
                self._touched[key] = (self.version, held.article_id)
        if len(self._touched) > TOUCHED_LIMIT:
            kept = list(self._touched.items())[TOUCHED_LIMIT // 2 :]
            self._forgotten_at = kept[0][1][0]  # some changes of this version may be gone
            self._touched = dict(kept)
        self._writer.queue(change)

    def _reindex(self, old: Annotation | None, new: Annotation | None) -> None:
        if old is not None:
            self._by_article.get(old.article_id, {}).pop(old.id, None)
            for link in old.links:
                self._linked_from.get(link.target, set()).discard(old.id)
        if new is not None:
            self._by_article.setdefault(new.article_id, {})[new.id] = new
            for link in new.links:
                self._linked_from.setdefault(link.target, set()).add(new.id)

    def _install(self, model: Model) -> None:
        """Replace the model with what was read from disk plus the changes not yet saved."""
        with self._cond:
            self._annotations, self._history.entries, self.skipped = model
            for change in self._writer.unsaved:
                apply_change(change, self._annotations, self._history.entries)
            self._history.catch_up()
            self._by_article, self._linked_from = {}, {}
            for ann in self._annotations.values():
                self._reindex(None, ann)
            # What was changed before the previous reload is dropped: an index anchored that
            # long ago has been reloaded twice since, and is anchored again in any case.
            self._touched = {
                key: held for key, held in self._touched.items() if held[0] > self._installed_at
            }
            self.version += 1
            self._installed_at = self.version

    def _reloaded(self, model: Model) -> None:
        """Called by the writer thread, under self._cond, when another process changed the file."""
        with gc_paused():
            self._install(model)
        self.generation += 1


def skipped_notice(skipped: list[str], damaged: CorruptDatabase | None = None) -> str | None:
    """One line for what a store could not read: its damaged manifest (`store.damaged`: the
    claims beside it are shown), and the claims it could not read (a damaged claims file,
    moved aside, or a record this version cannot read): how many problems, the first in full.
    """
    parts = []
    if damaged is not None:
        if damaged.moved_to is not None:
            what = f"was moved aside to {damaged.moved_to}, untouched, and a new one written"
        elif damaged.untouched_because:
            what = f"was left untouched ({damaged.untouched_because})"
        else:
            what = "could not be moved aside and was left in place, untouched"
        parts.append(
            f"The claims database {damaged.path} was damaged ({damaged.reason}) and {what}; "
            f"the claims kept beside it in {shards_root(damaged.path)} are read as usual"
        )
    if skipped:
        more = f" (and {len(skipped) - 1} more problem{'s' if len(skipped) > 2 else ''})"
        parts.append(
            ("; also, some" if parts else "Some")
            + " claims could not be read and are not shown: "
            + skipped[0]
            + (more if len(skipped) > 1 else "")
        )
    return "".join(parts) or None


def open_store(
    path: str | Path | None = None,
    annotator: str | None = None,
    *,
    on_state: Callable[[str], None] | None = None,
    readonly: bool = False,
) -> AnnotationStore:
    """Open (creating on first save) the database; usable as a context manager.

    path=None means $ETERNAUT_READER_DB or the user data dir (see paths.resolve_db_path).
    readonly=True (commands that only read) never creates, locks, writes or moves anything;
    a database whose file or folder cannot be written opens read-only by itself.
    Raises CorruptDatabase (a writable store moves the bad file aside first; a read-only one
    leaves it), UnreadableDatabase or NewerSchema (all StoreError).
    """
    store = AnnotationStore(
        resolve_db_path(path), annotator or default_annotator(), readonly=readonly
    )
    if on_state is not None:
        store.on_state(on_state)
    return store


_FIELDS = ("tag", "note", "summary", "review", "evidence")


def step_words(entries: list[HistoryEntry]) -> str:
    """What an undo step changed, in a word or two ("tag", "note, link", "claim"), so that
    "Undo:" can say what it undid (after a restart it named only the claim, a tester found)."""
    words: list[str] = []
    for entry in entries:
        before, after = entry.before, entry.after
        if before is None or after is None:
            words.append("claim")
            continue
        if before.links != after.links:
            words.append("link")
        words += [name for name in _FIELDS if getattr(before, name) != getattr(after, name)]
    return ", ".join(dict.fromkeys(words))


def _touched(entries: list[HistoryEntry], *, before: bool) -> list[Annotation]:
    """The annotations a step's entries concerned, as undo (before) or redo left them, each
    once, in the entries' order."""
    seen: set[str] = set()
    out: list[Annotation] = []
    for entry in entries:
        if entry.annotation_id in seen:
            continue
        seen.add(entry.annotation_id)
        held = (entry.before or entry.after) if before else (entry.after or entry.before)
        if held is not None:
            out.append(held)
    return out
