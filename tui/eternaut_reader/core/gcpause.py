"""Bulk loads without the cyclic garbage collector.

Reading 100,000 claims makes a few million objects that all stay alive. Every 700 new
objects the collector runs, and every so often it walks all of them: loading and indexing
100,000 claims took about twice as long with it running. Nothing a load makes is a cycle to
collect, so it is paused for the load and runs again after (the reader then freezes what it
loaded: gc.freeze in ui/app.py).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0  # loads under way (two threads may load at once)
_was_enabled = True


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside; the collector is enabled again once the last of the
    nested or concurrent pauses ends, unless it was disabled before the first began."""
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
