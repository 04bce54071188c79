"""The alignment cache: one JSON file per set of articles, named by their content hashes.

It lives in platformdirs' user cache directory for "eternaut-reader", or in the directory
named by ETERNAUT_READER_CACHE (tests point it at a temporary folder). A file that cannot be
read or parsed is ignored and rewritten; a cache that cannot be written is skipped, since it
only saves time. Each corpus one opens adds a file, so the folder is kept to the MAX_FILES
most recently used and MAX_BYTES in all: the least recently used go first (reading a file
marks it used).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eternaut_reader.core.storage.atomic import atomic_file

__all__ = ["cache_dir", "key", "load", "path_for", "prune", "save"]

ENV = "ETERNAUT_READER_CACHE"
_FORMAT = 1
MAX_FILES = 64
MAX_BYTES = 256 * 1024 * 1024


def cache_dir() -> Path:
    configured = os.environ.get(ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("eternaut-reader"))


def key(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def path_for(cache_key: str) -> Path:
    return cache_dir() / f"align-{cache_key[:40]}.json"


def load(cache_key: str) -> dict[str, Any] | None:
    """The cached data for this key, or None if there is none or it is damaged."""
    try:
        with path_for(cache_key).open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("key") != cache_key:
        return None
    payload = data.get("data")
    if not isinstance(payload, dict):
        return None
    with contextlib.suppress(OSError):
        os.utime(path_for(cache_key))  # used now: the last to be pruned
    return payload


def save(cache_key: str, payload: dict[str, Any]) -> None:
    """Write atomically (storage.atomic), so a reader never sees half a file."""
    target = path_for(cache_key)
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(target, text=True) as handle:
            json.dump({"format": _FORMAT, "key": cache_key, "data": payload}, handle)
    prune(target.parent, keep=target)


def prune(folder: Path, keep: Path | None = None) -> None:
    """Remove the least recently used alignment files beyond MAX_FILES or MAX_BYTES (never
    `keep`, the one just written)."""
    entries = []
    for path in folder.glob("align-*.json"):
        with contextlib.suppress(OSError):
            stat = path.stat()
            entries.append((stat.st_mtime, stat.st_size, path))
    entries.sort(key=lambda e: e[0], reverse=True)  # the most recently used first
    total = 0
    for n, (_, size, path) in enumerate(entries):
        total += size
        if path != keep and (n >= MAX_FILES or total > MAX_BYTES):
            with contextlib.suppress(OSError):
                path.unlink()
