"""The annotation store: an in-memory model the UI reads and changes at once, saved by one thread.

add/update/remove/link/unlink/undo/redo validate, change the in-memory model and queue the
change; they never touch the disk. One writer thread takes everything queued so far, and under
a file lock (`<db>.lock`) re-reads the database if another process replaced it, applies the
changes, and writes the whole file once (AtomicJSONStorage: temp file, fsync, rename, fsync).
Changes are saved in the order they were made, and a burst of them costs one write.

TinyDB's own Table API re-reads and rebuilds the whole table on every operation (about 20 ms
per insert at 10,000 documents; see benchmarks/bench_store.py), so the writer keeps the
TinyDB-format tables ({table: {doc_id: document}}, doc_id = the record's uuid) as one encoded
JSON fragment per document (storage.EncodedTables), re-encodes only what changed, and streams
the file through AtomicJSONStorage. The file stays a TinyDB database: storage.AnnotationDB(path)
(TinyDB with uuid document ids) reads and queries it.

The undo history lives in the file (table "history", newest HISTORY_LIMIT entries), so it
survives a restart; two programs writing one file share it, and undo takes back the latest
change in it, whoever made it.

What a crash can lose: only changes that were not yet flushed — in practice the few made in
the milliseconds before the crash, since the writer starts at once. flush() returns only when
every change made before it is on disk; the file on disk is always a complete, parsable state.
Write errors are never swallowed: they are kept in `last_error`, reported to `on_state`
listeners, the changes stay queued (and in memory), and flush() raises until a retry succeeds.
"""

from __future__ import annotations

import atexit
import contextlib
import getpass
import logging
import os
import shutil
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from filelock import FileLock, Timeout

from eternaut_reader.core.anchor import Selector, locate, select
from eternaut_reader.core.model import (
    META_ID,
    META_TABLE,
    SCHEMA_VERSION,
    Anchored,
    Annotation,
    HistoryEntry,
    Link,
    Tables,
    check_relation,
    check_tag,
    migrate,
    now_iso,
)
from eternaut_reader.core.paths import resolve_db_path
from eternaut_reader.core.storage import (
    AtomicJSONStorage,
    EncodedTables,
    StoreError,
    StoreWriteError,
    file_signature,
    remove_stale_temp_files,
)

__all__ = [
    "ANNOTATOR_ENV",
    "HISTORY_LIMIT",
    "AnnotationStore",
    "ArticleLike",
    "MergeResult",
    "UnknownAnnotation",
    "default_annotator",
    "open_store",
]

ANNOTATOR_ENV = "ETERNAUT_READER_ANNOTATOR"
ANNOTATIONS = "annotations"
HISTORY = "history"
HISTORY_LIMIT = 500
LOCK_TIMEOUT = 30.0

log = logging.getLogger(__name__)


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


@dataclass(frozen=True, slots=True)
class _Op:
    """Put `record` under `key` in `table`, or delete the key when record is None."""

    table: str
    key: str
    record: Annotation | HistoryEntry | None


_Change = list[_Op]


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


def _newer(given: str, ours: str) -> bool:
    try:
        return datetime.fromisoformat(given) > datetime.fromisoformat(ours)
    except (TypeError, ValueError):  # not both ISO 8601 with the same awareness
        return given > ours


def _check_annotation(ann: object) -> Annotation:
    if not isinstance(ann, Annotation):
        raise TypeError(f"merge takes Annotation objects, not {type(ann).__name__}")
    check_tag(ann.tag)
    for link in ann.links:
        check_relation(link.relation)
    if not ann.id or not ann.article_id or not ann.quote or not 0 <= ann.start < ann.end:
        raise ValueError(f"annotation {ann.id!r} has no id, article, quote or span")
    return ann


def default_annotator() -> str:
    from_env = os.environ.get(ANNOTATOR_ENV, "").strip()
    if from_env:
        return from_env
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


def _parse(tables: Tables) -> tuple[dict[str, Annotation], dict[str, HistoryEntry], list[str]]:
    """The model held in the tables. Unparsable records are reported and left in the file."""
    skipped: list[str] = []
    annotations: dict[str, Annotation] = {}
    for key, doc in tables.get(ANNOTATIONS, {}).items():
        try:
            annotations[key] = Annotation.from_dict(doc)
        except (KeyError, TypeError, ValueError) as exc:
            skipped.append(f"annotation {key}: {type(exc).__name__}: {exc}")
    entries: list[HistoryEntry] = []
    for key, doc in tables.get(HISTORY, {}).items():
        try:
            entries.append(HistoryEntry.from_dict(doc))
        except (KeyError, TypeError, ValueError) as exc:
            skipped.append(f"history entry {key}: {type(exc).__name__}: {exc}")
    entries.sort(key=lambda e: e.at)
    return annotations, {e.id: e for e in entries}, skipped


class AnnotationStore:
    """Open with open_store(). All methods are meant for one (UI) thread; see module docstring."""

    def __init__(
        self,
        path: Path,
        annotator: str,
        *,
        history_limit: int = HISTORY_LIMIT,
        lock_timeout: float = LOCK_TIMEOUT,
    ) -> None:
        self.path = Path(path)
        self.annotator = annotator
        self.history_limit = history_limit
        self.lock_timeout = lock_timeout
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.skipped: list[str] = []  # records in the file this version could not read
        self.generation = 0  # grows whenever another process's changes were loaded
        self._storage = AtomicJSONStorage(self.path)
        self._cond = threading.Condition(threading.RLock())
        self._annotations: dict[str, Annotation] = {}
        self._history: dict[str, HistoryEntry] = {}  # oldest first
        self._unsaved: list[_Change] = []
        self._enqueued = self._saved = self._failures = 0
        self._last_error: BaseException | None = None
        self._listeners: list[Callable[[str], None]] = []
        self._wake = self._closing = self._closed = False
        self._refresh_asked = self._refresh_done = 0
        self._clock = 0
        self._hashed: tuple[str, str] | None = None  # (text, hash) of the last article seen
        # Owned by the writer thread once it runs: the tables as last read or written.
        self._disk = EncodedTables()
        self._loaded = False
        self._signature: tuple[int, int, int] | None = None

        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._file_lock():
            remove_stale_temp_files(self.path)
            model = self._sync_locked([])
        assert model is not None
        self._install(model)
        self._thread = threading.Thread(target=self._run, name="annotation-writer", daemon=True)
        self._thread.start()
        _open_stores.add(self)

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
            found = [
                a
                for a in self._annotations.values()
                if (wanted is None or a.article_id == wanted) and (tag is None or a.tag == tag)
            ]
        found.sort(key=lambda a: (a.article_id, a.start, a.end, a.created))
        return found

    def anchor(self, article: ArticleLike) -> list[Anchored]:
        """Every annotation of the article, located in its current text (see anchor.py)."""
        text = article.text
        anchored = []
        for ann in self.annotations(article):
            where = locate(text, Selector(ann.quote, ann.prefix, ann.suffix, ann.start, ann.end))
            if where is None:
                anchored.append(Anchored(ann, None, None, None))
            else:
                anchored.append(Anchored(ann, where.start, where.end, where.method))
        return anchored

    @property
    def can_undo(self) -> bool:
        return self._last_entry(undone=False) is not None

    @property
    def can_redo(self) -> bool:
        return self._last_entry(undone=True) is not None

    # ---- changing --------------------------------------------------------------------------

    def add(
        self,
        article: ArticleLike,
        start: int,
        end: int,
        tag: str = "confirmed",
        note: str = "",
    ) -> Annotation:
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

    def update(self, ann_id: str, *, tag: str | None = None, note: str | None = None) -> Annotation:
        """Change the tag and/or note; unchanged values make no history entry."""
        fields: dict[str, Any] = {}
        if tag is not None:
            fields["tag"] = check_tag(tag)
        if note is not None:
            fields["note"] = _check_note(note)
        with self._cond:
            before = self._require(ann_id)
            fields = {k: v for k, v in fields.items() if getattr(before, k) != v}
            if not fields:
                return before
            after = before.changed(**fields)
            self._commit("update", before, after)
        return after

    def remove(self, ann_id: str) -> Annotation:
        """Returns the removed annotation. Links pointing at it stay, so undo restores them."""
        with self._cond:
            before = self._require(ann_id)
            self._commit("remove", before, None)
        return before

    def link(self, ann_id: str, target_id: str, relation: str = "supports") -> Annotation:
        """Link an annotation to one in another article; relinking replaces the relation."""
        relation = check_relation(relation)
        with self._cond:
            before = self._require(ann_id)
            target = self._require(target_id)
            if target.article_id == before.article_id:
                raise ValueError("links join annotations in different articles")
            new = Link(target.id, relation, target.article_id)
            if new in before.links:
                return before
            links = (*(lk for lk in before.links if lk.target != target.id), new)
            after = before.changed(links=links)
            self._commit("link", before, after)
        return after

    def unlink(self, ann_id: str, target_id: str) -> Annotation:
        with self._cond:
            before = self._require(ann_id)
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
        dry_run=True only says what would happen.

        Not undoable: merge adds no history entry, so undo/redo never take back part of an
        import (an undo of an earlier change may still revert an annotation merge replaced).
        """
        given = [_check_annotation(ann) for ann in annotations]
        moved: dict[tuple[str, str], str] = {}  # (annotator, given id) -> stored id
        with self._cond:
            self._check_open()
            owners = {k: a.annotator for k, a in self._annotations.items()}
            for ann in given:
                owner = owners.setdefault(ann.id, ann.annotator)
                if owner != ann.annotator:
                    moved[(ann.annotator, ann.id)] = beside_id(ann.id, ann.annotator)
            origin = {new: old for (_, old), new in moved.items()}
            now = dict(self._annotations)
            change: _Change = []
            added, updated, unchanged, kept, beside = [], [], [], [], []
            for ann in given:
                ann = self._follow(ann, moved)
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
                change.append(self._set_annotation(ann.id, ann))
            if change and not dry_run:
                self._enqueue(change)
        return MergeResult(
            tuple(added), tuple(updated), tuple(unchanged), tuple(kept), tuple(beside)
        )

    @staticmethod
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

    def undo(self) -> Annotation | None:
        """Undo the latest change; returns the annotation it concerned, or None if none."""
        with self._cond:
            entry = self._last_entry(undone=False)
            if entry is None:
                return None
            undone = replace(entry, undone_at=self._tick())
            self._enqueue(
                [self._set_annotation(entry.annotation_id, entry.before), self._set_entry(undone)]
            )
            return entry.before or entry.after

    def redo(self) -> Annotation | None:
        with self._cond:
            entry = self._last_entry(undone=True)
            if entry is None:
                return None
            redone = replace(entry, undone_at=None)
            self._enqueue(
                [self._set_annotation(entry.annotation_id, entry.after), self._set_entry(redone)]
            )
            return entry.after or entry.before

    # ---- saving ----------------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Changes made but not yet on disk."""
        with self._cond:
            return len(self._unsaved)

    @property
    def last_error(self) -> BaseException | None:
        """The error of the latest failed save; None once a save succeeds."""
        with self._cond:
            return self._last_error

    @property
    def state(self) -> str:
        """ "error", "saving" or "saved"."""
        with self._cond:
            if self._last_error is not None:
                return "error"
            return "saving" if self._unsaved else "saved"

    def on_state(self, listener: Callable[[str], None]) -> None:
        """Call listener(state) from the writer thread: "saving", "saved", or "error: ..."."""
        with self._cond:
            self._listeners.append(listener)

    def flush(self, timeout: float | None = None) -> None:
        """Return once every change made so far is on disk; raise the error if saving fails."""
        with self._cond:
            target, failures = self._enqueued, self._failures
            if self._saved >= target:
                return
            self._wake = True
            self._cond.notify_all()
            self._cond.wait_for(
                lambda: (
                    self._saved >= target
                    or self._failures > failures
                    or not self._thread.is_alive()
                ),
                timeout,
            )
            if self._saved >= target:
                return
            error = self._last_error
        if error is None:
            raise StoreWriteError(f"saving to {self.path} did not finish in time")
        if isinstance(error, StoreError):
            raise error
        raise StoreWriteError(f"could not save annotations to {self.path}: {error}") from error

    def refresh(self, timeout: float | None = None) -> bool:
        """Load changes other processes saved; True if there were any."""
        with self._cond:
            self._check_open()
            generation, failures = self.generation, self._failures
            self._refresh_asked += 1
            ticket = self._refresh_asked
            self._wake = True
            self._cond.notify_all()
            self._cond.wait_for(
                lambda: self._refresh_done >= ticket or self._failures > failures, timeout
            )
            return self.generation != generation

    def close(self) -> None:
        """Flush and stop the writer. If saving fails this raises and the store stays open."""
        if self._closed:
            return
        self.flush()
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join()
        self._closed = True
        _open_stores.discard(self)
        if self._unsaved:  # only if another thread kept changing the store while it closed
            raise StoreWriteError(f"{len(self._unsaved)} changes were not saved to {self.path}")

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

    def _check_open(self) -> None:
        if self._closed or self._closing:
            raise StoreError(f"the annotation store {self.path} is closed")

    def _content_hash(self, article: ArticleLike) -> str:
        if self._hashed is None or self._hashed[0] is not article.text:
            self._hashed = (article.text, article.content_hash)
        return self._hashed[1]

    def _tick(self) -> int:
        """A clock that never goes back, so history stays ordered even if the wall clock does."""
        self._clock = max(time.time_ns(), self._clock + 1)
        return self._clock

    def _last_entry(self, *, undone: bool) -> HistoryEntry | None:
        with self._cond:
            entries = [e for e in self._history.values() if e.undone == undone]
        if not entries:
            return None
        return max(entries, key=lambda e: (e.undone_at or 0) if undone else e.at)

    def _commit(self, action: str, before: Annotation | None, after: Annotation | None) -> None:
        with self._cond:
            self._check_open()
            ann_id = (after or before).id  # type: ignore[union-attr]
            entry = HistoryEntry(
                id=str(uuid.uuid4()),
                action=action,
                annotation_id=ann_id,
                before=before,
                after=after,
                at=self._tick(),
                annotator=self.annotator,
            )
            change = [self._set_annotation(ann_id, after)]
            # A new change ends the redo chain, as in every editor.
            change += [_Op(HISTORY, e.id, None) for e in self._history.values() if e.undone]
            change.append(self._set_entry(entry))
            kept = [e for e in self._history.values() if not e.undone] + [entry]
            change += [_Op(HISTORY, e.id, None) for e in kept[: -self.history_limit]]
            self._enqueue(change)

    def _set_annotation(self, ann_id: str, ann: Annotation | None) -> _Op:
        return _Op(ANNOTATIONS, ann_id, ann)

    def _set_entry(self, entry: HistoryEntry) -> _Op:
        return _Op(HISTORY, entry.id, entry)

    def _enqueue(self, change: _Change) -> None:
        self._check_open()
        self._apply_to_model(change)
        self._unsaved.append(change)
        self._enqueued += 1
        self._wake = True
        self._cond.notify_all()

    def _apply_to_model(self, change: _Change) -> None:
        for op in change:
            if op.table == ANNOTATIONS:
                if isinstance(op.record, Annotation):
                    self._annotations[op.key] = op.record
                else:
                    self._annotations.pop(op.key, None)
            elif isinstance(op.record, HistoryEntry):
                self._history[op.key] = op.record
            else:
                self._history.pop(op.key, None)

    def _install(
        self, model: tuple[dict[str, Annotation], dict[str, HistoryEntry], list[str]]
    ) -> None:
        """Replace the model with what was read from disk plus the changes not yet saved."""
        with self._cond:
            self._annotations, self._history, self.skipped = model
            for change in self._unsaved:
                self._apply_to_model(change)
            latest = max((max(e.at, e.undone_at or 0) for e in self._history.values()), default=0)
            self._clock = max(self._clock, latest)

    # ---- the writer thread -----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._wake or self._closing)
                if self._closing and not self._wake:
                    return
                self._wake = False
                batch = list(self._unsaved)
                target = self._enqueued
                refresh = self._refresh_asked
            if batch:
                self._emit("saving")
            try:
                if batch or refresh > self._refresh_done:
                    with self._file_lock():
                        model = self._sync_locked(batch)
                else:
                    model = None
            except Exception as exc:
                with self._cond:
                    self._last_error = exc
                    self._failures += 1
                    self._cond.notify_all()
                self._emit(f"error: {exc}")
                continue
            with self._cond:
                if model is not None:
                    self._install(model)  # replays the batch too: it is still in _unsaved
                    self.generation += 1
                if batch:
                    del self._unsaved[: len(batch)]
                    self._saved = target
                self._last_error = None
                self._refresh_done = refresh
                self._cond.notify_all()
            if batch:
                self._emit("saved")

    def _sync_locked(
        self, batch: list[_Change]
    ) -> tuple[dict[str, Annotation], dict[str, HistoryEntry], list[str]] | None:
        """Under the file lock: reload if someone else wrote, apply batch, write.

        Returns the model read from the file when it was (re)loaded, else None.
        """
        signature = file_signature(self.path)
        model = None
        must_write = bool(batch)
        if not self._loaded or signature != self._signature:
            data = self._storage.read()
            if data is not None:
                data, found = migrate(data, self.path)
                self._disk = EncodedTables(data)
                model = _parse(data)
                if found < SCHEMA_VERSION:
                    self._back_up(found)
                    must_write = True
            elif not self._loaded:
                model = ({}, {}, [])
            else:
                # The file vanished (or was moved aside as corrupt) under us: write back what
                # we last knew rather than start again from nothing.
                must_write = True
            self._loaded = True
            self._signature = signature
        if must_write:
            for change in batch:
                for op in change:
                    if op.record is None:
                        self._disk.delete(op.table, op.key)
                    else:
                        self._disk.put(op.table, op.key, op.record.to_dict())
            self._disk.put(META_TABLE, META_ID, {"schema": SCHEMA_VERSION})
            self._storage.write_chunks(self._disk.chunks())
            self._signature = file_signature(self.path)
        return model

    def _back_up(self, schema: int) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = self.path.with_name(f"{self.path.name}.schema{schema}-{stamp}.bak")
        if not backup.exists():
            shutil.copy2(self.path, backup)

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        lock = FileLock(str(self.lock_path), timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout as exc:
            raise StoreError(
                f"another program has held {self.lock_path} for over {self.lock_timeout:g}s"
            ) from exc
        try:
            yield
        finally:
            lock.release()

    def _emit(self, state: str) -> None:
        with self._cond:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(state)
            except Exception:
                # A broken listener must not stop the saving; its bug goes to the log.
                log.exception("annotation store state listener failed")


def open_store(
    path: str | Path | None = None,
    annotator: str | None = None,
    *,
    on_state: Callable[[str], None] | None = None,
) -> AnnotationStore:
    """Open (creating on first save) the database; usable as a context manager.

    path=None means $ETERNAUT_READER_DB or the user data dir (see paths.resolve_db_path).
    Raises CorruptDatabase, UnreadableDatabase or NewerSchema (all StoreError).
    """
    store = AnnotationStore(resolve_db_path(path), annotator or default_annotator())
    if on_state is not None:
        store.on_state(on_state)
    return store


_open_stores: weakref.WeakSet[AnnotationStore] = weakref.WeakSet()


@atexit.register
def _flush_open_stores() -> None:
    # A program that forgot close() still gets its changes saved at a normal exit.
    for store in list(_open_stores):
        try:
            store.close()
        except Exception:
            log.exception("could not save annotations to %s at exit", store.path)
