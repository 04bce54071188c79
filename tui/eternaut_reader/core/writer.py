"""Saving the annotation store: one writer thread, a file lock, and what a crash can lose.

The store changes its in-memory model at once and queues each change here; nothing on the
calling (UI) thread touches the disk. One writer thread takes everything queued so far, and
under a file lock (`<db>.lock`) re-reads the database if another process replaced it, applies
the changes, and writes the whole file once (AtomicJSONStorage: temp file, fsync, rename,
fsync). Changes are saved in the order they were made, and a burst of them costs one write.

TinyDB's own Table API re-reads and rebuilds the whole table on every operation (about 20 ms
per insert at 10,000 documents; see benchmarks/bench_store.py), so the writer keeps the
TinyDB-format tables ({table: {doc_id: document}}, doc_id = the record's uuid) as one encoded
JSON fragment per document (storage.EncodedTables), re-encodes only what changed, and streams
the file through AtomicJSONStorage. The file stays a TinyDB database: storage.AnnotationDB(path)
(TinyDB with uuid document ids) reads and queries it.

What a crash can lose: only changes that were not yet flushed — in practice the few made in
the milliseconds before the crash, since the writer starts at once. flush() returns only when
every change made before it is on disk; the file on disk is always a complete, parsable state.
Write errors are never swallowed: they are kept in `last_error`, reported to `on_state`
listeners, the changes stay queued (and in memory), and flush() raises until a retry succeeds.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import shutil
import threading
import weakref
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from eternaut_reader.core.changes import Change, Model, parse_tables
from eternaut_reader.core.model import META_ID, META_TABLE, SCHEMA_VERSION, migrate
from eternaut_reader.core.storage import (
    AtomicJSONStorage,
    EncodedTables,
    StoreError,
    StoreWriteError,
    file_signature,
    remove_stale_temp_files,
)

LOCK_TIMEOUT = 30.0

log = logging.getLogger(__name__)


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
    ) -> None:
        self.path = path
        self.lock_timeout = lock_timeout
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.unsaved: list[Change] = []  # queued, oldest first; already in the store's model
        self._cond = cond
        self._on_reload = on_reload
        self._storage = AtomicJSONStorage(self.path)
        self._enqueued = self._saved = self._failures = 0
        self._last_error: BaseException | None = None
        self._listeners: list[Callable[[str], None]] = []
        self._wake = self._closing = self.closed = False
        self._refresh_asked = self._refresh_done = 0
        # Owned by the writer thread once it runs: the tables as last read or written.
        self._disk = EncodedTables()
        self._loaded = False
        self._signature: tuple[int, int, int] | None = None
        self._thread = threading.Thread(target=self._run, name="annotation-writer", daemon=True)

    def load(self) -> Model:
        """Read the file (creating its folder) on the calling thread, before start()."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._file_lock():
            remove_stale_temp_files(self.path)
            model = self._sync_locked([])
        assert model is not None
        return model

    def start(self) -> None:
        self._thread.start()
        _open_writers.add(self)

    # ---- the queue (any thread) ------------------------------------------------------------

    def check_open(self) -> None:
        if self.closed or self._closing:
            raise StoreError(f"the annotation store {self.path} is closed")

    def queue(self, change: Change) -> None:
        """Save the change (the caller holds `cond` and has applied it to the model)."""
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
            if self._last_error is not None:
                return "error"
            return "saving" if self.unsaved else "saved"

    def on_state(self, listener: Callable[[str], None]) -> None:
        with self._cond:
            self._listeners.append(listener)

    def flush(self, timeout: float | None = None) -> None:
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

    def refresh(self, timeout: float | None = None) -> None:
        """Have the writer re-read the file if another process changed it; wait for that."""
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

    def close(self) -> None:
        """Flush and stop the thread. If saving fails this raises and the writer stays open."""
        if self.closed:
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

    # ---- the writer thread -----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._wake or self._closing)
                if self._closing and not self._wake:
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
                model = parse_tables(data)
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


_open_writers: weakref.WeakSet[Writer] = weakref.WeakSet()


@atexit.register
def _flush_open_writers() -> None:
    # A program that forgot close() still gets its changes saved at a normal exit.
    for writer in list(_open_writers):
        try:
            writer.close()
        except Exception:
            log.exception("could not save annotations to %s at exit", writer.path)
