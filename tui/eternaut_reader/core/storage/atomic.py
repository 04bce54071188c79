"""Replacing a file atomically: the one way the project writes a file that must not be torn.

A temporary file in the same folder is written, flushed and fsynced, renamed over the target
(atomic on POSIX and Windows) and the folder is fsynced so that the rename itself survives a
crash. A reader therefore sees the old file or the new one, never half of either. The store,
the session file, the config file and the exports all write through `write_atomic`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["TEMP_SUFFIX", "fsync_folder", "temp_prefix", "write_atomic"]

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


def write_atomic(path: Path, chunks: Iterable[bytes], *, mode: int | None = None) -> None:
    """Replace `path` with the concatenated chunks. The new file keeps the old one's mode
    (mkstemp would make it 0600), or takes `mode`, or the default for a new file."""
    path = Path(path)
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    try:
        try:
            wanted = os.stat(path).st_mode & 0o7777 if mode is None else mode
        except FileNotFoundError:
            wanted = _NEW_FILE_MODE
        with contextlib.suppress(OSError):
            os.chmod(tmp, wanted)
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_folder(folder)
