"""A TinyDB storage that cannot leave a half-written file, and that never hides a bad one.

TinyDB's JSONStorage truncates and rewrites its file in place, so a crash mid-write leaves a
truncated database. AtomicJSONStorage writes a temporary file in the same folder, fsyncs it,
renames it over the database (atomic on POSIX and Windows) and fsyncs the folder, so the file
on disk is always either the old state or the new one.

A file that does not parse is moved aside to `<name>.corrupt-<UTC stamp>` and reported with
CorruptDatabase; it is never overwritten and the data is never silently replaced by an empty
database. This storage does no locking: AnnotationStore holds a file lock around each
read-modify-write.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

__all__ = [
    "AnnotationDB",
    "AtomicJSONStorage",
    "CorruptDatabase",
    "EncodedTables",
    "NewerSchema",
    "StoreError",
    "StoreWriteError",
    "UnreadableDatabase",
    "UuidTable",
    "file_signature",
    "remove_stale_temp_files",
]

TEMP_SUFFIX = ".tmp"
_COMPACT: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}


class StoreError(Exception):
    """A problem with the annotation database; str() is one line, fit to show the user."""


class CorruptDatabase(StoreError):
    def __init__(self, path: Path, moved_to: Path | None, reason: str) -> None:
        self.path = path
        self.moved_to = moved_to
        self.reason = reason
        where = (
            f"it was moved aside to {moved_to}, untouched"
            if moved_to
            else "it could not be moved aside and was left in place, untouched"
        )
        super().__init__(f"the annotation database {path} is corrupt ({reason}); {where}")


class UnreadableDatabase(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"cannot read the annotation database {path}: {reason}")


class NewerSchema(StoreError):
    """The file was written by a newer version; it is left untouched."""


class StoreWriteError(StoreError):
    """Saving failed; the changes are still in memory and the next flush() retries them."""


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """Changes whenever the file is replaced or rewritten: (inode, size, mtime in ns)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a writer that was killed. Only call while holding the store's lock."""
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(_temp_prefix(path) + "*" + TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable. Windows cannot open a directory; there the rename is
    # already journaled by NTFS.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _move_aside(path: Path) -> Path | None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    for n in range(1000):
        target = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{n}" if n else ""))
        try:
            # link() fails if the target exists, so an earlier corrupt copy is never replaced.
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            try:
                os.rename(path, target)
            except OSError:
                return None
            return target
        with contextlib.suppress(OSError):
            os.unlink(path)
        return target
    return None


class AtomicJSONStorage(Storage):
    """Usable on its own with TinyDB: TinyDB(path, storage=AtomicJSONStorage)."""

    def __init__(self, path: str | Path, create_dirs: bool = True, **json_kwargs: Any) -> None:
        super().__init__()
        self.path = Path(path)
        self.create_dirs = create_dirs
        self.json_kwargs = json_kwargs or _COMPACT

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise UnreadableDatabase(self.path, exc.strerror or str(exc)) from exc
        if not raw.strip():
            # Only `touch` makes an empty file (we never write one): it holds nothing to lose.
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
            _check_shape(data)
        except (UnicodeDecodeError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise CorruptDatabase(self.path, _move_aside(self.path), reason) from exc
        return data  # type: ignore[no-any-return]

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.write_chunks([json.dumps(data, **self.json_kwargs).encode("utf-8")])

    def write_chunks(self, chunks: Iterable[bytes]) -> None:
        """Atomically replace the file with the concatenated chunks (encoded JSON)."""
        folder = self.path.parent
        if self.create_dirs:
            folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(self.path), suffix=TEMP_SUFFIX, dir=folder)
        try:
            with contextlib.suppress(OSError):
                # mkstemp makes the file 0600; keep whatever mode the user gave the database.
                os.chmod(tmp, os.stat(self.path).st_mode & 0o7777)
            with os.fdopen(fd, "wb") as handle:
                for chunk in chunks:
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_dir(folder)


def _check_shape(data: object) -> None:
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object of tables, found {type(data).__name__}")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"table {name!r} is not a JSON object")


def _fragment(key: str, doc: Any) -> bytes:
    text = json.dumps(key, ensure_ascii=False) + ":" + json.dumps(doc, **_COMPACT)
    return text.encode("utf-8")


class EncodedTables:
    """TinyDB tables held as one encoded JSON fragment per document, for cheap rewrites.

    A save re-encodes only the documents that changed and streams the rest to the file in
    small pieces. One json.dumps of the whole database (or one join of it) would hold the GIL
    for tens of milliseconds, freezing the UI thread while the writer thread saves; many
    small calls let other threads run between them. The file is ordinary JSON, one document
    per line.
    """

    CHUNK = 256  # documents per write() call

    def __init__(self, tables: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        # Encoded lazily, on the writer thread, so that opening the store stays fast.
        self._raw = tables
        self._tables: dict[str, dict[str, bytes]] = {}

    def _encoded(self) -> dict[str, dict[str, bytes]]:
        if self._raw is not None:
            for name, docs in self._raw.items():
                encoded = self._tables[name] = {}
                for n, (key, doc) in enumerate(docs.items()):
                    encoded[key] = _fragment(key, doc)
                    if n % self.CHUNK == 0:
                        time.sleep(0)  # hand the GIL to the UI thread now, not in 5 ms
            self._raw = None
        return self._tables

    def put(self, table: str, key: str, doc: Any) -> None:
        self._encoded().setdefault(table, {})[key] = _fragment(key, doc)

    def delete(self, table: str, key: str) -> None:
        self._encoded().get(table, {}).pop(key, None)

    def chunks(self) -> Iterator[bytes]:
        yield b"{"
        for n, (name, docs) in enumerate(self._encoded().items()):
            yield (b",\n" if n else b"") + json.dumps(name).encode("utf-8") + b":{\n"
            fragments = list(docs.values())
            for start in range(0, len(fragments), self.CHUNK):
                yield (b",\n" if start else b"") + b",\n".join(
                    fragments[start : start + self.CHUNK]
                )
                time.sleep(0)
            yield b"\n}"
        yield b"}\n"


class UuidTable(Table):
    """Documents keyed by a uuid string instead of TinyDB's int counter, so that two processes
    can add records without agreeing on the next id."""

    document_id_class = str  # type: ignore[assignment]

    def _get_next_id(self) -> str:  # type: ignore[override]
        return str(uuid.uuid4())


class AnnotationDB(TinyDB):
    """TinyDB over the annotation file: AnnotationDB(path).table("annotations").all()."""

    table_class = UuidTable
    default_storage_class = AtomicJSONStorage  # type: ignore[assignment]
