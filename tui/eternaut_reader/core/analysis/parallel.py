"""Read many articles at once: the calling process and worker processes share the work.

Reading a unit (segmenting, values, names) is pure Python, so threads would wait on one
another; on a machine of two cores, 50 reports of 5 kB are read in about half the time when
a worker process takes half of them, and aligned in 3.7 s rather than 4.7. A pool costs its
start (a fresh interpreter importing the analysis, some 0.3 s), so small corpora, the seeds
among them, are read in this process alone. The caller starts on the largest article while
the workers start, and takes the next largest whenever it is free; the workers take the
smallest first. One huge article is thus read where it is needed, with no copy of its
thousands of units sent back.

Worker processes start from a fork server (a process started afresh, safe however many
threads the caller runs, as the reader's worker thread does; it stays, idle, until the
caller exits), or are spawned where there is none; the workers end with each alignment.
Like any multiprocessing, they import the script that calls align under another name: a
script must guard its work with `if __name__ == "__main__":`. Inside a worker, or when the
pool cannot start or breaks, everything is read here: the result is the same.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pickle import PicklingError
from typing import Any, TypeVar

__all__ = ["PARALLEL_ABOVE", "map_in_workers", "workers"]

T = TypeVar("T")
R = TypeVar("R")

# Characters in all, below which a pool's start costs more than it saves (the seeds are
# 20,000; 50 reports of 5 kB are 250,000 and are aligned 1 s faster on two cores).
PARALLEL_ABOVE = 100_000
_PRELOAD = ["__main__", "eternaut_reader.core.analysis.matcher"]

_MISSING: Any = object()  # a result not yet read
# In a worker, sent once when it starts: what every task needs, and which items are taken.
_shared: Any = None
_claimed: Any = None
_kept: Any = None  # in the caller: the last pool's array of items taken


def workers() -> int:
    """How many processes may work at once: the cores this process may run on, or the
    ETERNAUT_READER_WORKERS environment variable (1: never start a pool)."""
    wanted = os.environ.get("ETERNAUT_READER_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _start(shared: Any, claimed: Any) -> None:
    global _shared, _claimed
    _shared, _claimed = shared, claimed


def _claim(claimed: Any, i: int) -> bool:
    """Take item i, unless the other side has: each item is read once, by whoever is free."""
    with claimed.get_lock():
        if claimed[i]:
            return False
        claimed[i] = 1
        return True


class _Taken:
    """A worker's answer for an item the caller took first."""


def _task(work: Callable[[Any, Any], Any], i: int, item: Any) -> Any:
    return work(item, _shared) if _claim(_claimed, i) else _Taken()


def map_in_workers(
    work: Callable[[T, Any], R],
    items: Sequence[T],
    sizes: Sequence[int],
    shared: Any,
    done: Callable[[int], None] | None = None,
) -> list[R]:
    """[work(item, shared) for item in items], in order, shared between this process and
    worker processes when the items are large enough in all (sizes, in characters).

    work must be a module-level function, items, shared and results picklable (or all is
    read here). done(n) is called here after each item with how many are done; it may raise
    (to cancel), which stops the workers' pending items and is passed on."""
    count = len(items)
    results: list[Any] = [_MISSING] * count
    finished = 0

    def read_here(i: int) -> None:
        nonlocal finished
        results[i] = work(items[i], shared)
        finished += 1
        if done is not None:
            done(finished)

    helpers = min(workers() - 1, count - 1)
    if helpers < 1 or sum(sizes) < PARALLEL_ABOVE or _in_worker():
        for i in range(count):
            read_here(i)
        return results
    try:
        pool, claimed = _pool(helpers, shared, count)
    except (OSError, ValueError, RuntimeError, ImportError):
        for i in range(count):
            read_here(i)
        return results
    largest_first = sorted(range(count), key=lambda i: -sizes[i])
    try:
        futures = {i: pool.submit(_task, work, i, items[i]) for i in reversed(largest_first)}
        for i in largest_first:
            if _claim(claimed, i):
                read_here(i)
        for i, future in futures.items():
            result = future.result()
            if not isinstance(result, _Taken):
                results[i] = result
                finished += 1
                if done is not None:
                    done(finished)
    except (BrokenProcessPool, PicklingError, OSError, EOFError, TypeError, AttributeError):
        # A worker died, or an item or a result could not be pickled (TypeError,
        # AttributeError): what is not read yet is read here. An error of work itself comes
        # again here, where it is raised.
        finished = sum(r is not _MISSING for r in results)
        for i in range(count):
            if results[i] is _MISSING:
                read_here(i)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return results


def _in_worker() -> bool:
    """Is this a worker process, or one still importing its parent's script (which an
    unguarded script makes align there too)? It never starts a pool of its own."""
    bootstrapping = getattr(multiprocessing.current_process(), "_inheriting", False)
    return bool(bootstrapping) or multiprocessing.parent_process() is not None


def _pool(helpers: int, shared: Any, count: int) -> tuple[ProcessPoolExecutor, Any]:
    context: multiprocessing.context.BaseContext
    if "forkserver" in multiprocessing.get_all_start_methods():
        server = multiprocessing.get_context("forkserver")
        # Imported once in the server, not in every worker: the analysis and the caller's
        # script (its workers would import it again otherwise).
        server.set_forkserver_preload(_PRELOAD)
        context = server
    else:
        context = multiprocessing.get_context("spawn")
    global _kept
    claimed = context.Array("b", count)  # shared memory, with a lock
    # Kept until the next pool: a worker still starting when the caller is done (it took
    # every item) or cancelled unpickles the array, which would be gone, and print why on
    # the terminal the reader draws on.
    _kept = claimed
    pool = ProcessPoolExecutor(
        max_workers=helpers, mp_context=context, initializer=_start, initargs=(shared, claimed)
    )
    return pool, claimed
