"""The database on disk: a small manifest file and one folder of TinyDB shard files.

    annotations.json                 the manifest (`--db FILE`): {"meta": {"1": {...}}}
    annotations.json.lock            the file lock (never shared: put it in .gitignore)
    annotations.d/                   the shards, one folder per annotator
      alice/history.json             alice's undo history
      alice/<article>/<0-3>.json     alice's claims on one article, in 4 files by claim id
      .journal.json                  only while a save that spans files is under way

Every shard is an ordinary TinyDB database (tables "annotations", "history" and "meta",
document ids the records' uuids) written atomically on its own. A save rewrites only the
files whose records changed, so its cost follows the change, not the database; and each
annotator writes only under their own folder, so two people tagging apart never touch the
same file: a data folder in git or a synced folder merges without conflicts.

A save that spans more than one claims file (an import) first writes a journal holding every
file it will write, atomically; then the files; then removes the journal. A writer killed in
between leaves the journal, and the next one to take the lock finishes it: an import is all
there or not there at all.

Names on disk come from annotator names and article ids: anything but lower-case letters,
digits, '.', '_' and '-' becomes '_', and a name that had to change gets a short hash of the
original, so that two names never share a folder (nor do "Alice" and "alice" on a file system
that ignores case).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eternaut_reader.core.storage.atomic import TEMP_SUFFIX, atomic_file, fsync_folder

__all__ = [
    "BUCKETS",
    "HISTORY_FILE",
    "JOURNAL",
    "bucket_path",
    "finish_journal",
    "history_path",
    "name_on_disk",
    "read_tables",
    "remove_stale_temp_files",
    "shard_files",
    "shards_root",
    "write_journal",
]

# Files per annotator and article. More keep a save small when one article holds 100,000
# claims; fewer keep a project of many articles quick to open (each file costs about as much
# to open as checking its records). Four: 100,000 claims on 100 articles by three people are
# 1,200 files (opened in 1.0 s, against 1.3 s for 4,800 with 16), and a tag on an article with
# 100,000 claims rewrites 8,000 of them.
BUCKETS = 4
HISTORY_FILE = "history.json"
JOURNAL = ".journal.json"
_UNSAFE = re.compile(r"[^a-z0-9._-]")


def shards_root(db: Path) -> Path:
    """The shards folder of the database whose manifest is `db`: annotations.json beside
    annotations.d/ (a manifest named without a suffix, such as `claims`, has `claims.d`)."""
    return db.with_name((db.stem if db.suffix else db.name) + ".d")


def name_on_disk(name: str) -> str:
    safe = _UNSAFE.sub("_", name.lower())[:60].lstrip(".") or "_"
    if safe != name:
        digest = hashlib.sha1(name.encode("utf-8")).digest()[:5]
        safe += "-" + base64.b32encode(digest).decode("ascii").lower()
    return safe


def bucket_path(root: Path, annotator: str, article_id: str, key: str) -> Path:
    bucket = zlib.crc32(key.encode("utf-8")) % BUCKETS
    return root / name_on_disk(annotator) / name_on_disk(article_id) / f"{bucket:x}.json"


def history_path(root: Path, annotator: str) -> Path:
    return root / name_on_disk(annotator) / HISTORY_FILE


def shard_files(root: Path) -> Iterator[Path]:
    """Every shard file under root (annotators' history files and claims files)."""
    try:
        annotators = list(os.scandir(root))
    except (FileNotFoundError, NotADirectoryError):
        return
    for person in annotators:
        if person.name.startswith(".") or not person.is_dir():
            continue
        for entry in os.scandir(person.path):
            if entry.name == HISTORY_FILE and entry.is_file():
                yield Path(entry.path)
            elif entry.is_dir() and not entry.name.startswith("."):
                for shard in os.scandir(entry.path):
                    if shard.name.endswith(".json") and not shard.name.startswith("."):
                        yield Path(shard.path)


def remove_stale_temp_files(root: Path) -> None:
    """Temp files left by a killed writer. Only call while holding the store's lock."""
    with contextlib.suppress(OSError):
        for leftover in root.glob("**/.*" + TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                leftover.unlink()


def write_journal(root: Path, files: dict[Path, bytes]) -> None:
    """Record every file a save is about to write (atomically, before writing any)."""
    root.mkdir(parents=True, exist_ok=True)
    record = {str(path.relative_to(root)): data.decode("utf-8") for path, data in files.items()}
    with atomic_file(root / JOURNAL) as handle:
        handle.write(json.dumps(record, ensure_ascii=False).encode("utf-8"))


def finish_journal(root: Path) -> list[Path]:
    """Write the files a killed save left in its journal, then remove it; returns them.

    A journal that does not parse cannot have been finished (it is written atomically), so it
    is a stray file: it is moved aside, never half applied."""
    journal = root / JOURNAL
    try:
        raw = journal.read_bytes()
    except FileNotFoundError:
        return []
    try:
        record = json.loads(raw.decode("utf-8"))
        files = {root / name: text.encode("utf-8") for name, text in record.items()}
    except (ValueError, AttributeError, TypeError):
        journal.rename(journal.with_name(JOURNAL + ".bad"))
        return []
    for path, data in files.items():
        if root not in path.resolve().parents:
            continue  # never outside the shards folder, whatever the journal says
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path) as handle:
            handle.write(data)
    journal.unlink()
    fsync_folder(root)
    return list(files)


def read_tables(db: Path) -> dict[str, dict[str, Any]]:
    """Every table of a database, manifest and shards together, as one TinyDB-format dict
    (what the single file used to hold): for scripts and tests that look at the disk."""
    tables: dict[str, dict[str, Any]] = {}
    paths = ([db] if db.exists() else []) + sorted(shard_files(shards_root(db)))
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for name, docs in data.items():
            tables.setdefault(name, {}).update(docs)
    return tables
