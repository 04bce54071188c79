"""Many articles are read by this process and worker processes at once: the result is what
one process alone reads, in order, and a worker that cannot start, crashes or cannot be sent
its work costs nothing but time."""

from __future__ import annotations

import os
import threading

import pytest

from eternaut_reader.core.analysis import parallel
from eternaut_reader.core.analysis.align import align
from eternaut_reader.core.text.corpus import load_corpus
from tests.helpers.parallel_work import add_and_say_where, die_in_a_worker, wait_for_a_worker


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_WORKERS", "2")
    monkeypatch.setattr(parallel, "PARALLEL_ABOVE", 0)


def test_large_work_is_shared_with_a_worker_and_comes_back_in_order(two_cores, tmp_path) -> None:
    items = list(range(40))
    done: list[int] = []
    shared = (str(tmp_path / "a-worker-read-one"), os.getpid())
    out = parallel.map_in_workers(wait_for_a_worker, items, [1000] * 40, shared, done.append)
    assert [value for value, _ in out] == items
    assert {pid for _, pid in out} - {os.getpid()}, "no item was read by a worker"
    assert os.getpid() in {pid for _, pid in out}, "this process read nothing"
    assert done == list(range(1, 41))


def test_small_work_stays_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_WORKERS", "2")
    out = parallel.map_in_workers(add_and_say_where, [1, 2, 3], [10, 10, 10], 1)
    assert out == [(2, os.getpid()), (3, os.getpid()), (4, os.getpid())]


def test_one_worker_setting_never_starts_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_WORKERS", "1")
    monkeypatch.setattr(parallel, "PARALLEL_ABOVE", 0)
    out = parallel.map_in_workers(add_and_say_where, list(range(10)), [1000] * 10, 0)
    assert {pid for _, pid in out} == {os.getpid()}


def test_a_worker_that_crashes_leaves_its_items_to_this_process(two_cores) -> None:
    out = parallel.map_in_workers(die_in_a_worker, list(range(30)), [1000] * 30, os.getpid())
    assert out == [i * 2 for i in range(30)]


def test_work_that_cannot_be_sent_is_done_here(two_cores) -> None:
    lock = threading.Lock()  # no lock can go to another process
    out = parallel.map_in_workers(lambda item, shared: (item, shared is lock), [1, 2], [1, 1], lock)
    assert out == [(1, True), (2, True)]


def test_a_cancel_from_progress_stops_the_pool(two_cores) -> None:
    class Stop(Exception):
        pass

    def done(n: int) -> None:
        if n >= 2:
            raise Stop

    with pytest.raises(Stop):
        parallel.map_in_workers(add_and_say_where, list(range(200)), [1000] * 200, 0, done)


def test_the_seeds_aligned_by_two_processes_match_one(two_cores, monkeypatch) -> None:
    together = align(load_corpus(), use_cache=False)
    monkeypatch.setenv("ETERNAUT_READER_WORKERS", "1")
    alone = align(load_corpus(), use_cache=False)
    found = 0
    for article in load_corpus().articles:
        ours = together.units(article.id)
        assert ours == alone.units(article.id)
        for unit in ours:
            matches = together.matches(article.id, unit.start, unit.end)
            assert matches == alone.matches(article.id, unit.start, unit.end)
            found += len(matches)
            assert together.suggest(article.id, unit.start, unit.end) == alone.suggest(
                article.id, unit.start, unit.end
            )
    assert found > 100  # the comparison compared something
