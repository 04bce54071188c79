"""Work for tests/test_parallel.py's worker processes: module level, so that they can import
it."""

from __future__ import annotations

import os
import time
from pathlib import Path

PARENT = os.getpid()


def add_and_say_where(item: int, shared: int) -> tuple[int, int]:
    """item + shared, and the process that worked it out."""
    return item + shared, os.getpid()


def wait_for_a_worker(item: int, shared: tuple[str, int]) -> tuple[int, int]:
    """item, and the process that read it. The test's own process waits (20 s at most) until
    a worker has read an item, so that both surely take part however slowly workers start."""
    flag, parent = Path(shared[0]), shared[1]
    if os.getpid() == parent:
        deadline = time.monotonic() + 20
        while not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
    else:
        flag.touch()
    return item, os.getpid()


def die_in_a_worker(item: int, shared: int) -> int:
    """Kills any process but the test's (a worker crashing mid-read)."""
    if os.getpid() != shared:
        os._exit(3)
    return item * 2
