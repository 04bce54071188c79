"""Saving the annotation store: one writer thread, a file lock, and what a crash can lose.

The store changes its in-memory model at once and queues each change here; nothing on the
calling (UI) thread touches the disk. One writer thread takes everything queued so far, and
under a file lock (`<db>.lock`) re-reads the shard files another process changed, applies the
changes, and writes each shard file they touched once (AtomicJSONStorage: temp file, fsync,
rename, fsync). Changes are saved in the order they were made, and a burst of them costs one
write per file touched.

The database is a manifest file (`<db>`, what --db names) and a folder of shards beside it,
one TinyDB file per annotator and article (in 4 files by claim id) and one history file per
annotator: see shards.py for the layout, the journal that makes a save spanning several files
all-or-nothing, and why each annotator's files are their own. A save writes only the files
whose records changed. Each file stays a TinyDB database: storage.AnnotationDB(path) (TinyDB
with uuid document ids) reads and queries it; shards.read_tables(db) reads them all as one.
A database of the earlier single-file layout (every record in `<db>`) is split into shards the
first time it is opened for writing, after a copy of it is kept as
`<db>.single-file-<stamp>.bak`; opened read-only it is read as it is.

What a crash can lose: only changes that were not yet flushed — in practice the few made in
the milliseconds before the crash, since the writer starts at once. flush() returns only when
every change made before it is on disk; the file on disk is always a complete, parsable state.
Write errors are never swallowed: they are kept in `last_error`, reported to `on_state`
listeners, the changes stay queued (and in memory), and flush() raises until a retry succeeds.
abandon() gives up on them (a user's "quit anyway"): the thread stops, nothing more is written.
At exit, a store nobody closed is flushed; if that fails, one line is logged, never a traceback.

A read-only writer (`read_only_because`: asked for, a read-only file or folder, or a lock file
that cannot be created) has no thread and no lock: it reads the file on the calling thread,
never creates, writes or moves anything, and refuses changes with ReadOnlyStore. Reading needs
no lock because every save is an atomic rename.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import json
import logging
import os
import shutil
import threading
import weakref
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from eternaut_reader.core.annotations.model import (
    META_ID,
    META_TABLE,
    SCHEMA_VERSION,
    Annotation,
    HistoryEntry,
    migrate,
)
from eternaut_reader.core.annotations.record import read_record
from eternaut_reader.core.gcpause import gc_paused
from eternaut_reader.core.storage import shards
from eternaut_reader.core.storage.atomic import fsync_folder
from eternaut_reader.core.storage.changes import ANNOTATIONS, HISTORY, Change, Model
from eternaut_reader.core.storage.database import (
    AtomicJSONStorage,
    CorruptDatabase,
    ReadOnlyStore,
    StoreError,
    StoreWriteError,
    file_signature,
    fragment,
    remove_stale_temp_files,
)

LOCK_TIMEOUT = 30.0

log = logging.getLogger(__name__)

Signature = tuple[int, int, int] | None
Record = Annotation | HistoryEntry | dict[str, Any]


class _Shard:
    """One file's records as last read or written: {table: {key: record}}; a record this
    version cannot read stays the raw document it was, and is written back unchanged."""

    __slots__ = ("problems", "signature", "tables")

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, Record]] = {}
        self.signature: Signature = None
        self.problems: list[str] = []


def _parse(
    data: dict[str, dict[str, Any]], where: Path, share: Callable[[str], str] = str
) -> _Shard:
    """The records of one file; `share` maps the strings records repeat (article ids,
    annotators, tags, content hashes) to one object, which keeps 100,000 claims in memory
    about a fifth smaller."""
    shard = _Shard()
    for table, docs in data.items():
        if table == META_TABLE:
            continue
        kept: dict[str, Record] = {}
        for key, doc in docs.items():
            try:
                if table == ANNOTATIONS:
                    kept[key] = read_record(doc, stored=True, share=share)
                elif table == HISTORY:
                    kept[key] = HistoryEntry.from_dict(doc)
                else:
                    kept[key] = doc
            except (KeyError, TypeError, ValueError) as exc:
                kind = "annotation" if table == ANNOTATIONS else "history entry"
                shard.problems.append(f"{kind} {key}: {type(exc).__name__}: {exc}")
                kept[key] = doc
        shard.tables[table] = kept
    return shard


def _encode(shard: _Shard) -> bytes:
    """The shard as a TinyDB file, documents in key order (so that a diff shows the change)."""
    parts = [b'{"' + META_TABLE.encode() + b'":{"' + META_ID.encode() + b'":']
    parts.append(json.dumps({"schema": SCHEMA_VERSION}).encode("utf-8") + b"}")
    for table in sorted(shard.tables):
        docs = shard.tables[table]
        if not docs:
            continue
        body = b",\n".join(
            fragment(key, record if isinstance(record, dict) else record.to_dict())
            for key, record in sorted(docs.items())
        )
        parts.append(b",\n" + json.dumps(table).encode("utf-8") + b":{\n" + body + b"\n}")
    parts.append(b"}\n")
    return b"".join(parts)


class Writer:
    """The save queue of one store and the thread that writes it to `path`.

    `cond` is the store's lock, shared so that the model and the queue change together;
    `on_reload(model)` is called under it, from the writer thread, with what was read from the
    file whenever another process had changed it. Methods other than load() and start() may be
    called from any thread; queue() only by a caller holding `cond`.
    """

    def __init__(
        self,
        path: Path,
        cond: threading.Condition,
        on_reload: Callable[[Model], None],
        *,
        lock_timeout: float = LOCK_TIMEOUT,
        read_only_because: str | None = None,
    ) -> None:
        self.path = path
        self.lock_timeout = lock_timeout
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.unsaved: list[Change] = []  # queued, oldest first; already in the store's model
        self.read_only_because = read_only_because
        self._cond = cond
        self._on_reload = on_reload
        self._storage = AtomicJSONStorage(self.path, read_only_because=read_only_because)
        self._enqueued = self._saved = self._failures = 0
        self._last_error: BaseException | None = None
        self._listeners: list[Callable[[str], None]] = []
        self._wake = self._closing = self._abandoned = self.closed = False
        self._refresh_asked = self._refresh_done = 0
        # Owned by the writer thread once it runs: each shard file as last read or written,
        # where each record lives, the manifest's signature and what could not be read.
        self.root = shards.shards_root(self.path)
        self._shards: dict[Path, _Shard] = {}
        self._where: dict[str, dict[str, Path]] = {ANNOTATIONS: {}, HISTORY: {}}
        self._problems: list[str] = []
        # The manifest found damaged (and moved aside unless read-only), for the store to say.
        self.damaged: CorruptDatabase | None = None
        self._shared: dict[str, str] = {}
        self._manifest: dict[str, dict[str, Any]] = {}
        self._loaded = False
        self._signature: Signature = None
        self._thread = threading.Thread(target=self._run, name="annotation-writer", daemon=True)

    def load(self) -> Model:
        """Read the file (creating its folder) on the calling thread, before start().

        A writer that cannot create its lock file (a folder it may not write, a read-only file
        system) becomes read-only instead of failing: reading needs no lock.
        """
        if self.read_only_because is None:
            self._prepare_folder()
        if self.read_only_because is not None:
            model = self._sync_locked([])
        else:
            with self._file_lock():
                remove_stale_temp_files(self.path)
                shards.remove_stale_temp_files(self.root)
                model = self._sync_locked([])
        assert model is not None
        return model

    def _prepare_folder(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # FileLock retries a lock file it cannot create until its timeout, then says only
            # that it timed out; trying once ourselves tells a read-only folder apart at once.
            os.close(os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644))
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise
            where = exc.filename or self.lock_path
            self._read_only(f"cannot create {where} ({exc.strerror or exc})")

    def _read_only(self, reason: str) -> None:
        self.read_only_because = self._storage.read_only_because = reason

    def start(self) -> None:
        if self.read_only_because is not None:
            return  # nothing will ever be saved: no thread, nothing to flush at exit
        self._thread.start()
        _open_writers.add(self)

    # ---- the queue (any thread) ------------------------------------------------------------

    def check_open(self) -> None:
        if self.closed or self._closing:
            raise StoreError(f"the annotation store {self.path} is closed")

    def check_writable(self) -> None:
        if self.read_only_because is not None:
            raise ReadOnlyStore(self.read_only_because)

    def queue(self, change: Change) -> None:
        """Save the change (the caller holds `cond` and has applied it to the model)."""
        self.check_writable()
        self.check_open()
        self.unsaved.append(change)
        self._enqueued += 1
        self._wake = True
        self._cond.notify_all()

    @property
    def last_error(self) -> BaseException | None:
        with self._cond:
            return self._last_error

    @property
    def state(self) -> str:
        with self._cond:
            if self.read_only_because is not None:
                return "read-only"
            if self._last_error is not None:
                return "error"
            return "saving" if self.unsaved else "saved"

    def on_state(self, listener: Callable[[str], None]) -> None:
        with self._cond:
            self._listeners.append(listener)

    def flush(self, timeout: float | None = None) -> None:
        if self.read_only_because is not None:
            return  # nothing is ever queued
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
        if isinstance(error, StoreWriteError):
            raise error
        # One type for every failed save, so that a caller can offer to retry; the message
        # stays one line whatever the error (an OSError's text comes from the system).
        detail = " ".join(str(error).split()) or type(error).__name__
        if isinstance(error, StoreError):
            raise StoreWriteError(f"could not save annotations: {detail}") from error
        raise StoreWriteError(f"could not save annotations to {self.path}: {detail}") from error

    def refresh(self, timeout: float | None = None) -> None:
        """Have the writer re-read the file if another process changed it; wait for that."""
        if self.read_only_because is not None:
            self._refresh_here()
            return
        with self._cond:
            self.check_open()
            failures = self._failures
            self._refresh_asked += 1
            ticket = self._refresh_asked
            self._wake = True
            self._cond.notify_all()
            self._cond.wait_for(
                lambda: self._refresh_done >= ticket or self._failures > failures, timeout
            )

    def _refresh_here(self) -> None:
        """A read-only writer re-reads on the calling thread (it has no thread of its own)."""
        self.check_open()
        try:
            model = self._sync_locked([])
        except Exception as exc:
            # As for the writer thread: kept for last_error, reported, never raised here.
            with self._cond:
                self._last_error = exc
            self._emit(f"error: {exc}")
            return
        with self._cond:
            self._last_error = None
            if model is not None:
                self._on_reload(model)

    def close(self) -> None:
        """Flush and stop the thread. If saving fails this raises and the writer stays open."""
        if self.closed:
            return
        if self.read_only_because is not None:
            self.closed = True
            return
        self.flush()
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join()
        self.closed = True
        _open_writers.discard(self)
        if self.unsaved:  # only if another thread kept changing the store while it closed
            raise StoreWriteError(f"{len(self.unsaved)} changes were not saved to {self.path}")

    def abandon(self, timeout: float | None = 1.0) -> int:
        """Stop without saving what is still queued (the user chose to lose it); never raises.

        Returns how many changes were not saved; they stay in `unsaved` and in the store's
        model. A save already under way may finish; `timeout` bounds the wait for it, after
        which the (daemon) thread is left to end with the program.
        """
        with self._cond:
            if not self.closed:
                self._closing = self._abandoned = True
                self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self.closed = True
        _open_writers.discard(self)
        with self._cond:
            return len(self.unsaved)

    # ---- the writer thread -----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._wake or self._closing)
                if self._closing and (self._abandoned or not self._wake):
                    return
                self._wake = False
                batch = list(self.unsaved)
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
                    self._on_reload(model)  # replays the batch too: it is still in unsaved
                if batch:
                    del self.unsaved[: len(batch)]
                    self._saved = target
                self._last_error = None
                self._refresh_done = refresh
                self._cond.notify_all()
            if batch:
                self._emit("saved")

    def _sync_locked(self, batch: list[Change]) -> Model | None:
        """Under the file lock: load what changed on disk, apply batch, write what it touched.

        Returns the model read from the files when any was (re)loaded, else None; the batch is
        not in it (the store replays its unsaved changes on top).
        """
        writable = self.read_only_because is None
        touched: set[Path] = set()
        changed = not self._loaded
        signature = file_signature(self.path)
        legacy = False
        if not self._loaded or signature != self._signature:
            changed = True
            data = self._read_manifest()
            signature = file_signature(self.path)  # None once a damaged one is moved aside
            self._manifest = {}
            if data is not None:
                data, found = migrate(data, self.path)
                if found < SCHEMA_VERSION and writable:
                    self._back_up(self.path, f"schema{found}")
                    touched.add(self.path)
                self._manifest = {t: d for t, d in data.items() if t != META_TABLE}
                legacy = bool(self._manifest.get(ANNOTATIONS) or self._manifest.get(HISTORY))
            self._signature = signature
        if writable:
            shards.finish_journal(self.root)
        changed |= self._scan()
        if signature is None and writable and self._shards and not legacy:
            # Claims without their manifest (moved aside as damaged, now or by an earlier
            # version, or deleted): a new one, so that the database is whole again and
            # `export` finds it. A damaged one left in place is never written over.
            touched.add(self.path)
        if legacy:
            touched |= self._split_single_file(writable)
        self._loaded = True
        model = self._model() if changed else None
        for change in batch:
            for op in change:
                touched |= self._apply(op)
        if batch and signature is None:
            touched.add(self.path)  # the manifest is written with the first save
        if touched and writable:
            self._write(touched)
        return model

    def _read_manifest(self) -> dict[str, dict[str, Any]] | None:
        """The manifest's tables; None when there is none, or when it is damaged beside
        readable shards.

        The manifest holds no claims once the database is split into shards: a damaged one
        (a truncated copy, a sync conflict) must not hide the claims beside it (an outside
        tester saw every claim vanish, then `export` find no database). It is moved aside as
        any damaged file (left alone when read-only), said in `damaged`, and the shards are
        read. With no shard at all the damaged file was the whole database (the single-file
        layout): CorruptDatabase, as before, since nothing could be shown in its place.
        """
        try:
            return self._storage.read()
        except CorruptDatabase as error:
            if not any(shards.shard_files(self.root)):
                raise
            self.damaged = error
            return None

    def _split_single_file(self, writable: bool) -> set[Path]:
        """A database of the single-file layout: its records go to their shards (a copy of the
        file is kept first). Read-only, they are only held in memory, under the file's name."""
        legacy = {t: self._manifest.pop(t, {}) for t in (ANNOTATIONS, HISTORY)}
        parsed = _parse(legacy, self.path, self._share)
        self._problems.extend(parsed.problems)
        if not writable:
            self._shards[self.path] = parsed
            for table, docs in parsed.tables.items():
                self._where.setdefault(table, {}).update(dict.fromkeys(docs, self.path))
            return set()
        self._back_up(self.path, "single-file")
        touched = {self.path}
        for table, docs in parsed.tables.items():
            for key, record in docs.items():
                touched |= self._put(table, key, record)
        return touched

    def _scan(self) -> bool:
        """Read the shard files that appeared or changed since last seen; forget vanished
        ones. True if any did."""
        with gc_paused():  # see gcpause.py
            return self._scan_files()

    def _scan_files(self) -> bool:
        on_disk = {path: file_signature(path) for path in shards.shard_files(self.root)}
        changed = False
        for path in [p for p in self._shards if p not in on_disk and p != self.path]:
            self._forget(path)
            changed = True
        for path, signature in on_disk.items():
            known = self._shards.get(path)
            if known is not None and known.signature == signature:
                continue
            changed = True
            storage = AtomicJSONStorage(path, read_only_because=self.read_only_because)
            try:
                data = storage.read()
            except CorruptDatabase as error:
                # One bad file (a sync conflict, a truncated copy) costs only its own claims:
                # it is moved aside (left alone when read-only) and reported, never rewritten.
                self._problems.append(str(error))
                data = None
            if known is not None:
                self._forget(path)
            shard = _Shard() if data is None else self._migrated(path, data)
            shard.signature = signature
            self._shards[path] = shard
            for table, docs in shard.tables.items():
                self._where.setdefault(table, {}).update(dict.fromkeys(docs, path))
        return changed

    def _migrated(self, path: Path, data: dict[str, dict[str, Any]]) -> _Shard:
        data, found = migrate(data, path)
        shard = _parse(data, path, self._share)
        if found < SCHEMA_VERSION and self.read_only_because is None:
            self._back_up(path, f"schema{found}")
            shard.signature = None  # written again below, in the current schema
        return shard

    def _share(self, text: str) -> str:
        return self._shared.setdefault(text, text)

    def _forget(self, path: Path) -> None:
        shard = self._shards.pop(path, None)
        if shard is None:
            return
        for table, docs in shard.tables.items():
            where = self._where.get(table, {})
            for key in docs:
                if where.get(key) == path:
                    del where[key]

    def _model(self) -> Model:
        annotations: dict[str, Annotation] = {}
        entries: list[HistoryEntry] = []
        skipped = list(self._problems)
        for shard in self._shards.values():
            skipped.extend(shard.problems)
            for record in shard.tables.get(ANNOTATIONS, {}).values():
                if isinstance(record, Annotation):
                    annotations[record.id] = record
            for record in shard.tables.get(HISTORY, {}).values():
                if isinstance(record, HistoryEntry):
                    entries.append(record)
        entries.sort(key=lambda e: e.at)
        return annotations, {e.id: e for e in entries}, skipped

    def _route(self, table: str, key: str, record: Record) -> Path:
        if isinstance(record, Annotation):
            return shards.bucket_path(self.root, record.annotator, record.article_id, key)
        if isinstance(record, HistoryEntry):
            return shards.history_path(self.root, record.annotator)
        annotator = str(record.get("annotator") or "unknown")
        article = str(record.get("article_id") or "unknown")
        if table == HISTORY:
            return shards.history_path(self.root, annotator)
        return shards.bucket_path(self.root, annotator, article, key)

    def _put(self, table: str, key: str, record: Record) -> set[Path]:
        path = self._route(table, key, record)
        touched = {path}
        where = self._where.setdefault(table, {})
        old = where.get(key)
        if old is not None and old != path:
            self._shards[old].tables.get(table, {}).pop(key, None)
            touched.add(old)
        self._shards.setdefault(path, _Shard()).tables.setdefault(table, {})[key] = record
        where[key] = path
        return touched

    def _apply(self, op: Any) -> set[Path]:
        if op.record is not None:
            return self._put(op.table, op.key, op.record)
        path = self._where.get(op.table, {}).pop(op.key, None)
        if path is None:
            return set()
        self._shards[path].tables.get(op.table, {}).pop(op.key, None)
        return {path}

    def _write(self, touched: set[Path]) -> None:
        # The manifest stands for the database: made read-only, nothing of it is replaced.
        self._storage.check_replaceable()
        files = {path: _encode(self._shards[path]) for path in touched if path != self.path}
        claims_files = [p for p in files if p.name != shards.HISTORY_FILE]
        journaled = len(claims_files) > 1
        if journaled:
            # More than one claims file: all of them or none (see shards.py).
            shards.write_journal(self.root, files)
        for path, data in files.items():
            AtomicJSONStorage(path).write_chunks([data])
            self._shards[path].signature = file_signature(path)
        if self.path in touched:
            manifest = {**self._manifest, META_TABLE: {META_ID: {"schema": SCHEMA_VERSION}}}
            self._storage.write_chunks(
                [json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"]
            )
            self._signature = file_signature(self.path)
        if journaled:
            (self.root / shards.JOURNAL).unlink()
            fsync_folder(self.root)

    def _back_up(self, path: Path, why: str) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = path.with_name(f"{path.name}.{why}-{stamp}.bak")
        if not backup.exists():
            shutil.copy2(path, backup)

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


_open_writers: weakref.WeakSet[Writer] = weakref.WeakSet()


@atexit.register
def _flush_open_writers() -> None:
    # A program that forgot close() still gets its changes saved at a normal exit. If that
    # fails, a traceback from an exit handler would only bury the message: one line is logged.
    for writer in list(_open_writers):
        try:
            writer.close()
        except Exception as exc:
            lost = len(writer.unsaved)
            log.warning(
                "%s; %d %s lost at exit",
                " ".join(str(exc).split()) or type(exc).__name__,
                lost,
                "change" if lost == 1 else "changes",
            )
