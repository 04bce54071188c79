"""gc_paused: the collector is off inside a load, and on again after the last one ends."""

from __future__ import annotations

import gc
import threading

from eternaut_reader.core.gcpause import gc_paused


def test_paused_inside_and_enabled_after_nested_and_concurrent_loads():
    assert gc.isenabled()
    inside = threading.Event()
    release = threading.Event()

    def other_load() -> None:
        with gc_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other_load)
    with gc_paused():
        assert not gc.isenabled()
        thread.start()
        inside.wait(5)
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's load is still under way
    release.set()
    thread.join()
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_enabled_again_after_an_error():
    try:
        with gc_paused():
            raise ValueError("a corrupt file")
    except ValueError:
        pass
    assert gc.isenabled()
