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
import logging
import os
import shutil
import threading
import weakref
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from eternaut_reader.core.annotations.model import META_ID, META_TABLE, SCHEMA_VERSION, migrate
from eternaut_reader.core.storage.changes import Change, Model, parse_tables
from eternaut_reader.core.storage.database import (
    AtomicJSONStorage,
    EncodedTables,
    ReadOnlyStore,
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
        # Owned by the writer thread once it runs: the tables as last read or written.
        self._disk = EncodedTables()
        self._loaded = False
        self._signature: tuple[int, int, int] | None = None
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
                if found < SCHEMA_VERSION and self.read_only_because is None:
                    self._back_up(found)
                    must_write = True
            elif not self._loaded:
                model = ({}, {}, [])
            elif self.read_only_because is not None:
                pass  # gone since we read it: keep showing what it held; we cannot write it
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
