"""Replacing a file atomically: the one way the project writes a file that must not be torn.

A temporary file in the same folder is written, flushed and fsynced, renamed over the target
(atomic on POSIX and Windows) and the folder is fsynced so that the rename itself survives a
crash. A reader therefore sees the old file or the new one, never half of either. The store,
the session file, the config file, the exports and the alignment cache all write through
`atomic_file` (a context manager giving a binary or text handle) or `write_atomic` (chunks).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, TextIO, cast, overload

__all__ = ["TEMP_SUFFIX", "atomic_file", "fsync_folder", "temp_prefix", "write_atomic"]

TEMP_SUFFIX = ".tmp"


def _read_umask() -> int:
    # The only way to read the umask is to set it; done once, at import, before any thread.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_NEW_FILE_MODE = 0o666 & ~_read_umask()


def temp_prefix(path: Path) -> str:
    """Temporary files for `path` start with this, so leftovers of a killed writer are found."""
    return f".{path.name}."


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable. Windows cannot open a folder; NTFS journals it."""
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


@overload
def atomic_file(
    path: str | Path, *, mode: int | None = None, text: Literal[False] = False
) -> AbstractContextManager[BinaryIO]: ...


@overload
def atomic_file(
    path: str | Path,
    *,
    mode: int | None = None,
    text: Literal[True],
    encoding: str = "utf-8",
    newline: str | None = None,
) -> AbstractContextManager[TextIO]: ...


def atomic_file(
    path: str | Path,
    *,
    mode: int | None = None,
    text: bool = False,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> AbstractContextManager[BinaryIO] | AbstractContextManager[TextIO]:
    """A handle on a temporary file that replaces `path` when the block ends without error.

        with atomic_file(path) as handle:        # binary; text=True for a text handle
            handle.write(data)

    The temporary file is in the same folder; on success it is flushed, fsynced, renamed over
    `path` and the folder is fsynced. On any error (or KeyboardInterrupt) it is removed and
    `path` is left as it was. The new file keeps the old one's mode (mkstemp would make it
    0600), or takes `mode`, or the default for a new file (0666 less the umask).
    """
    if text:
        return cast(AbstractContextManager[TextIO], _atomic(Path(path), mode, encoding, newline))
    return cast(AbstractContextManager[BinaryIO], _atomic(Path(path), mode, None, None))


@contextlib.contextmanager
def _atomic(
    path: Path, mode: int | None, encoding: str | None, newline: str | None
) -> Iterator[IO[Any]]:
    """atomic_file's work: a text handle when an encoding is given, else a binary one."""
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    try:
        try:
            wanted = os.stat(path).st_mode & 0o7777 if mode is None else mode
        except FileNotFoundError:
            wanted = _NEW_FILE_MODE
        with contextlib.suppress(OSError):
            os.chmod(tmp, wanted)
        handle: IO[Any]
        if encoding is not None:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        else:
            handle = os.fdopen(fd, "wb")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_folder(folder)


def write_atomic(path: Path, chunks: Iterable[bytes], *, mode: int | None = None) -> None:
    """Replace `path` with the concatenated chunks (see atomic_file)."""
    with atomic_file(path, mode=mode) as handle:
        for chunk in chunks:
            handle.write(chunk)
