"""A TinyDB storage that cannot leave a half-written file, and that never hides a bad one.

TinyDB's JSONStorage truncates and rewrites its file in place, so a crash mid-write leaves a
truncated database. AtomicJSONStorage writes through atomic.atomic_file: a temporary file in
the same folder, fsynced, renamed over the database (atomic on POSIX and Windows), and the
folder fsynced, so the file on disk is always either the old state or the new one.

A file that does not parse is moved aside to `<name>.corrupt-<UTC stamp>` and reported with
CorruptDatabase; it is never overwritten and the data is never silently replaced by an empty
database. A storage opened read-only (`read_only_because`) moves nothing: it reports the bad
file and leaves it where it is, since a command that only reads has no business renaming the
user's files. A file without write permission is never replaced either: write_chunks refuses
it, where os.replace would silently swap it (renaming needs only a writable folder).

This storage does no locking: AnnotationStore holds a file lock around each read-modify-write.
Reading needs no lock, because every write is an atomic rename: a reader sees the old file or
the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from eternaut_reader.core.storage.atomic import TEMP_SUFFIX, atomic_file, temp_prefix

__all__ = [
    "AnnotationDB",
    "AtomicJSONStorage",
    "CorruptDatabase",
    "EncodedTables",
    "NewerSchema",
    "NotYours",
    "ReadOnlyStore",
    "StoreError",
    "StoreWriteError",
    "UnreadableDatabase",
    "UuidTable",
    "file_signature",
    "fragment",
    "read_only_reason",
    "remove_stale_temp_files",
]

_COMPACT: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}


class StoreError(Exception):
    """A problem with the annotation database; str() is one line, fit to show the user."""


class CorruptDatabase(StoreError):
    """moved_to is where the bad file now is; None when it was left in place.

    `untouched_because` says why it was deliberately left in place (a read-only store).
    """

    def __init__(
        self,
        path: Path,
        moved_to: Path | None,
        reason: str,
        *,
        untouched_because: str | None = None,
    ) -> None:
        self.path = path
        self.moved_to = moved_to
        self.reason = reason
        self.untouched_because = untouched_because
        if moved_to:
            where = f"it was moved aside to {moved_to}, untouched"
        elif untouched_because:
            where = f"left untouched ({untouched_because})"
        else:
            where = "it could not be moved aside and was left in place, untouched"
        super().__init__(f"the annotation database {path} is corrupt ({reason}); {where}")


class UnreadableDatabase(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"cannot read the annotation database {path}: {reason}")


class NewerSchema(StoreError):
    """The file was written by a newer version; it is left untouched."""


class StoreWriteError(StoreError):
    """Saving failed; the changes are still in memory and the next flush() retries them."""


class ReadOnlyStore(StoreError):
    """A change was asked of a store that cannot save (see read_only_reason)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"cannot change the annotations: {reason}")


class NotYours(StoreError):
    """A change was asked to another annotator's annotation: a verdict belongs to its annotator."""

    def __init__(self, owner: str, annotator: str) -> None:
        self.owner = owner
        self.annotator = annotator
        super().__init__(
            f"this claim is {_name(owner)}'s; you ({_name(annotator)}) can only change your own"
        )


class LinkedFromThere(StoreError):
    """A link was asked between two annotations the other end already links: one link per
    pair (it shows at both ends), so a pair never both supports and contradicts."""

    def __init__(self, relation: str) -> None:
        self.relation = relation
        super().__init__(
            f"the other claim already links to this one as {relation}: change or remove that "
            "link from there"
        )


class NotInClaim(StoreError):
    """A claim's record was to be written by an annotator with no passage in the claim: a record
    lives on one of the annotator's own annotations (annotations/groups.py)."""

    def __init__(self) -> None:
        super().__init__(
            "none of this claim's passages is yours: tag or link one of them first, "
            "then write the claim's summary, review and evidence"
        )


def _name(annotator: str) -> str:
    # An annotator's name comes from data (an imported file); the message stays one line.
    return " ".join(annotator.split()) or "an unnamed annotator"


def _not_writable(path: Path) -> bool:
    """True when `path` cannot be written, for this user or for anyone.

    os.access answers for this user, but root passes it for a file with mode 0444. The mode
    bits say what the owner meant: a database or folder no one may write is treated as
    read-only even by root, so that nothing replaces a file the user protected.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return mode & 0o222 == 0 or not os.access(path, os.W_OK)


def read_only_reason(path: Path) -> str | None:
    """Why the database at `path` cannot be saved (one line), or None if it can be.

    The file itself when it exists, else (or also) the nearest existing folder it would be
    saved in: a save writes a temporary file there and renames it over the database.
    """
    if path.exists() and _not_writable(path):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        return f"{path} is read-only (file mode {mode:04o})"
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if _not_writable(folder):
        return f"the folder {folder} is not writable"
    return None


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """Changes whenever the file is replaced or rewritten: (inode, size, mtime in ns)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a writer that was killed. Only call while holding the store's lock."""
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(temp_prefix(path) + "*" + TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                leftover.unlink()


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


def _loads(raw: bytes) -> Any:
    """The JSON document in raw (UTF-8): orjson, about three times quicker than json on
    100,000 claims; anything orjson refuses (NaN, a lone surrogate escape, an integer beyond
    64 bits, a byte order mark) is read by json, which accepts or refuses it as before."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw.decode("utf-8"))


class AtomicJSONStorage(Storage):
    """Usable on its own with TinyDB: TinyDB(path, storage=AtomicJSONStorage)."""

    def __init__(
        self,
        path: str | Path,
        create_dirs: bool = True,
        *,
        read_only_because: str | None = None,
        **json_kwargs: Any,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.create_dirs = create_dirs
        # Set for a read-only store: a corrupt file is reported, never moved; nothing written.
        self.read_only_because = read_only_because
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
            data = _loads(raw)
            _check_shape(data)
        except (UnicodeDecodeError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if self.read_only_because is not None:
                raise CorruptDatabase(
                    self.path, None, reason, untouched_because="opened read-only"
                ) from exc
            raise CorruptDatabase(self.path, _move_aside(self.path), reason) from exc
        return data  # type: ignore[no-any-return]

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.write_chunks([json.dumps(data, **self.json_kwargs).encode("utf-8")])

    def write_chunks(self, chunks: Iterable[bytes]) -> None:
        """Atomically replace the file with the concatenated chunks (encoded JSON)."""
        self.check_replaceable()
        if self.create_dirs:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # A database keeps whatever mode the user gave it; a new one is private (0600), as
        # notes may be.
        new_mode = None if self.path.exists() else 0o600
        with atomic_file(self.path, mode=new_mode) as handle:
            for chunk in chunks:
                handle.write(chunk)

    def check_replaceable(self) -> None:
        """Raise unless the file may be replaced: not a read-only storage or file."""
        if self.read_only_because is not None:
            raise ReadOnlyStore(self.read_only_because)
        if self.path.exists() and _not_writable(self.path):
            # The rename would succeed (it needs only the folder) and silently replace a file
            # the user made read-only, perhaps after we opened it.
            mode = stat.S_IMODE(os.stat(self.path).st_mode)
            raise StoreWriteError(
                f"could not save annotations to {self.path}: it is read-only (file mode {mode:04o})"
            )


def _check_shape(data: object) -> None:
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object of tables, found {type(data).__name__}")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"table {name!r} is not a JSON object")


def fragment(key: str, doc: Any) -> bytes:
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
                    encoded[key] = fragment(key, doc)
                    if n % self.CHUNK == 0:
                        time.sleep(0)  # hand the GIL to the UI thread now, not in 5 ms
            self._raw = None
        return self._tables

    def put(self, table: str, key: str, doc: Any) -> None:
        self._encoded().setdefault(table, {})[key] = fragment(key, doc)

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

    def _get_next_id(self) -> str:
        return str(uuid.uuid4())


class AnnotationDB(TinyDB):
    """TinyDB over the annotation file: AnnotationDB(path).table("annotations").all()."""

    table_class = UuidTable
    default_storage_class = AtomicJSONStorage  # type: ignore[assignment]
