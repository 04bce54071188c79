"""Nothing acknowledged is ever lost: SIGKILLed writers, two writers at once, a corrupt file."""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from eternaut_reader.core.storage.database import CorruptDatabase
from eternaut_reader.core.storage.shards import read_tables
from eternaut_reader.core.storage.store import open_store

ROOT = Path(__file__).resolve().parents[1]
WRITER = ROOT / "tests" / "helpers" / "writer.py"
KILLS = 25

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@dataclass
class FakeArticle:
    id: str
    text: str = "".join(
        f"Paragraph {i}: the mayor said the bridge would reopen. " for i in range(300)
    )
    content_hash: str = "sha256:fake"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_DB", str(tmp_path / "env-default.json"))
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", "tester")


class Child:
    """A writer.py process whose acknowledged ids are collected by a reader thread."""

    def __init__(self, db: Path, prefix: str, count: int) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "tui")}
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), prefix, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.acked: list[str] = []
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("ack "):
                self.acked.append(line.split()[1])
            self.lines.put(line)

    def wait_for_acks(self, n: int, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.acked) < n:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                stderr = self.proc.stderr.read() if self.proc.stderr else ""
                pytest.fail(f"writer stalled after {len(self.acked)} acks: {stderr}")
            time.sleep(0.005)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.reader.join()  # everything the child printed before dying is now in self.acked

    def finish(self, timeout: float = 120.0) -> None:
        rc = self.proc.wait(timeout)
        self.reader.join()
        stderr = self.proc.stderr.read() if self.proc.stderr else ""
        assert rc == 0, stderr


def _annotation_ids_on_disk(db: Path) -> set[str]:
    data = read_tables(db)  # every file must parse after every kill
    return set(data.get("annotations", {}))


def test_sigkilled_writer_never_loses_an_acknowledged_write(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    # A few thousand annotations make each write take long enough for kills to land inside it.
    article = FakeArticle("bulk")
    with open_store(db) as store:
        for i in range(3000):
            store.add(article, i % 500, i % 500 + 40)
    rng = random.Random(1234)
    acknowledged: set[str] = set()
    for round_ in range(KILLS):
        child = Child(db, f"kill{round_}", 0)
        child.wait_for_acks(rng.randint(1, 5))
        time.sleep(rng.uniform(0, 0.08))
        child.kill()
        acknowledged.update(child.acked)
        on_disk = _annotation_ids_on_disk(db)
        missing = acknowledged - on_disk
        assert not missing, f"round {round_}: {len(missing)} acknowledged writes lost"

    with open_store(db) as store:
        assert acknowledged <= {a.id for a in store.annotations()}
        assert len(store.annotations(article)) == 3000
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == [], "temp files of killed writers are cleaned up on open"


def test_two_writers_at_once_keep_each_others_writes(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    per_writer = 120
    a = Child(db, "alpha", per_writer)
    b = Child(db, "beta", per_writer)
    a.finish()
    b.finish()
    assert len(a.acked) == len(b.acked) == per_writer
    with open_store(db) as store:
        ids = {ann.id for ann in store.annotations()}
        notes = {ann.note for ann in store.annotations()}
    assert set(a.acked) | set(b.acked) <= ids
    assert len(ids) == 2 * per_writer
    assert {f"alpha-{i}" for i in range(per_writer)} <= notes
    assert {f"beta-{i}" for i in range(per_writer)} <= notes


def test_two_open_stores_see_each_others_changes_after_refresh(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    article, other = FakeArticle("one"), FakeArticle("two")
    with open_store(db) as first, open_store(db) as second:
        mine = first.add(article, 0, 10)
        first.flush()
        theirs = second.add(other, 5, 20)
        second.flush()  # must merge with first's write, not overwrite it
        assert first.refresh() is True
        assert {a.id for a in first.annotations()} == {mine.id, theirs.id}
        assert {a.id for a in second.annotations()} == {mine.id, theirs.id}
    with open_store(db) as store:
        assert {a.id for a in store.annotations()} == {mine.id, theirs.id}


def test_corrupt_file_is_moved_aside_never_overwritten_and_reported(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    with open_store(db) as store:
        kept = store.add(FakeArticle("one"), 0, 10)
    garbage = db.read_bytes()[:-5]  # a truncated file, as JSONStorage leaves after a crash
    db.write_bytes(garbage)

    # The manifest holds no claim: the claims beside it open, and the bad file is reported.
    with open_store(db) as store:
        assert [a.id for a in store.annotations()] == [kept.id]
        damaged = store.damaged
    assert damaged is not None
    message = str(damaged)
    assert "\n" not in message
    assert str(db) in message
    moved = damaged.moved_to
    assert moved is not None and moved.name.startswith("annotations.json.corrupt-")
    assert moved.read_bytes() == garbage
    assert db.exists() and db.read_bytes() != garbage  # a new manifest in its place

    # A second bad file gets its own name; the first one is left exactly as it was.
    db.write_text("{not json", encoding="utf-8")
    with open_store(db) as store:
        again = store.damaged
    assert again is not None and again.moved_to not in (None, moved)
    assert moved.read_bytes() == garbage
    assert again.moved_to is not None
    assert again.moved_to.read_text(encoding="utf-8") == "{not json"


def test_a_corrupt_single_file_database_is_moved_aside_and_not_replaced(tmp_path: Path) -> None:
    """With no shards beside it the bad file was the whole database: nothing could be shown,
    so the store does not open as if it were empty."""
    db = tmp_path / "annotations.json"
    db.write_text('{"annotations": {"1": {"id": "x"', encoding="utf-8")
    with pytest.raises(CorruptDatabase) as caught:
        open_store(db)
    moved = caught.value.moved_to
    assert moved is not None and moved.read_text(encoding="utf-8").startswith('{"annotations"')
    assert not db.exists()
