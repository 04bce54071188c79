"""The database split in shard files (issue 13): one TinyDB file per annotator and article,
a save that writes only what changed, single-file databases migrated with a backup, a corrupt
shard moved aside and reported, claims that arrive on disk, and an import that is all there
or not there at all when its writer is SIGKILLed."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from eternaut_reader.core.storage.shards import (
    JOURNAL,
    name_on_disk,
    read_tables,
    shard_files,
    shards_root,
)
from eternaut_reader.core.storage.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CHILD = ROOT / "tests" / "helpers" / "importer_child.py"


@dataclass
class FakeArticle:
    id: str
    text: str = "The mayor said the bridge would reopen in May. Engineers disagreed. " * 8
    content_hash: str = "sha256:fake"


ONE, TWO = FakeArticle("one"), FakeArticle("two")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def _files(db: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(db.parent)): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in shard_files(shards_root(db))
    }


def test_each_annotator_and_article_has_files_of_its_own(db: Path) -> None:
    with open_store(db, "alice") as store:
        store.add(ONE, 0, 20)
        store.add(TWO, 0, 20)
    with open_store(db, "bob") as store:
        store.add(ONE, 0, 20, tag="contradicted")
    folders = {Path(name).parts[1:3] for name in _files(db)}
    assert folders == {
        ("alice", "one"),
        ("alice", "two"),
        ("alice", "history.json"),
        ("bob", "one"),
        ("bob", "history.json"),
    }
    # Every file is a TinyDB database of its own.
    for path in shard_files(shards_root(db)):
        assert json.loads(path.read_text(encoding="utf-8"))["meta"]["1"]["schema"] >= 1
    assert len(read_tables(db)["annotations"]) == 3


def test_a_save_writes_only_the_files_it_changed(db: Path) -> None:
    with open_store(db, "alice") as store:
        for start in range(0, 400, 10):
            store.add(ONE, start, start + 8)
        store.add(TWO, 0, 20)
    before = _files(db)
    with open_store(db, "alice") as store:
        claim = store.annotations(TWO)[0]
        store.update(claim.id, tag="speculative")
    after = _files(db)
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert rewritten == {
        next(n for n in after if "/two/" in n),
        next(n for n in after if n.endswith("history.json")),
    }


def test_a_single_file_database_is_split_with_a_backup(db: Path) -> None:
    with open_store(db, "alice") as store:
        mine = store.add(ONE, 0, 20, note="mine")
    with open_store(db, "bob") as store:
        theirs = store.add(TWO, 5, 25)
    # The same records as the single-file layout held them: every table in one file.
    single = read_tables(db)
    for path in shard_files(shards_root(db)):
        path.unlink()
    db.write_text(json.dumps(single), encoding="utf-8")
    original = db.read_bytes()

    with open_store(db, "alice") as store:
        assert {a.id for a in store.annotations()} == {mine.id, theirs.id}
        assert store.can_undo  # the history came along
    (backup,) = db.parent.glob("annotations.json.single-file-*.bak")
    assert backup.read_bytes() == original
    assert "annotations" not in json.loads(db.read_text(encoding="utf-8"))
    assert set(read_tables(db)["annotations"]) == {mine.id, theirs.id}


def test_a_single_file_database_opened_read_only_is_read_as_it_is(db: Path) -> None:
    with open_store(db, "alice") as store:
        mine = store.add(ONE, 0, 20)
    single = read_tables(db)
    for path in shard_files(shards_root(db)):
        path.unlink()
    db.write_text(json.dumps(single), encoding="utf-8")
    original = db.read_bytes()
    with open_store(db, "alice", readonly=True) as store:
        assert [a.id for a in store.annotations()] == [mine.id]
    assert db.read_bytes() == original
    assert not list(db.parent.glob("*.bak"))


def test_a_corrupt_shard_is_moved_aside_and_reported_and_the_rest_kept(db: Path) -> None:
    with open_store(db, "alice") as store:
        store.add(ONE, 0, 20)
    with open_store(db, "bob") as store:
        kept = store.add(TWO, 0, 20)
    (broken,) = (p for p in shard_files(shards_root(db)) if "/alice/one/" in p.as_posix())
    garbage = broken.read_bytes()[:-30]
    broken.write_bytes(garbage)

    with open_store(db, "bob") as store:
        assert [a.id for a in store.annotations()] == [kept.id]
        (problem,) = [s for s in store.skipped if "corrupt" in s]
        assert str(broken) in problem and "moved aside" in problem
        store.add(ONE, 30, 40)
    (moved,) = broken.parent.glob(broken.name + ".corrupt-*")
    assert moved.read_bytes() == garbage  # never overwritten


def test_a_running_store_sees_claims_that_arrive_on_disk(db: Path) -> None:
    with open_store(db, "alice") as alice:
        alice.add(ONE, 0, 20)
        alice.flush()
        with open_store(db, "bob") as bob:
            theirs = bob.add(ONE, 30, 50)
        assert alice.refresh() is True
        assert alice.get(theirs.id) == theirs
        assert alice.refresh() is False


def test_names_on_disk_are_safe_and_never_shared() -> None:
    assert name_on_disk("alice") == "alice"
    assert name_on_disk("Alice") != name_on_disk("alice")
    assert "/" not in name_on_disk("https://example.com/a/b")
    assert name_on_disk("..") not in {".", ".."} and not name_on_disk("..").startswith(".")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_an_import_across_many_files_is_all_or_nothing_under_sigkill(db: Path) -> None:
    rng = random.Random(13)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tui")}
    acked: set[int] = set()
    for _ in range(8):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(db), "40"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        time.sleep(rng.uniform(0.4, 1.5))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        acked |= {int(line.split()[1]) for line in out.splitlines() if line.startswith("ack ")}

        with open_store(db, "checker") as store:  # finishes a journal a kill left behind
            ids = {a.id for a in store.annotations()}
        assert not (shards_root(db) / JOURNAL).exists()
        for line in {i.rsplit("-", 1)[0] for i in ids}:
            count = sum(1 for i in ids if i.startswith(line + "-"))
            assert count == 120, f"{line}: {count} of 120 annotations"
        assert {f"batch-{n}-0" for n in acked} <= ids  # nothing acknowledged is lost
    assert acked  # the kills did land after some imports


def test_the_store_indexes_claims_by_article_and_by_link_target(db: Path) -> None:
    with open_store(db, "alice") as store:
        a = store.add(ONE, 0, 20)
        b = store.add(TWO, 0, 20)
        c = store.add(TWO, 30, 40)
        store.link(b.id, a.id)
        store.link(c.id, a.id)
        assert [x.id for x in store.linking_to(a.id)] == [b.id, c.id]
        assert [x.id for x in store.annotations(TWO)] == [b.id, c.id]
        assert store.article_ids() == {"one", "two"}
        store.unlink(b.id, a.id)
        store.remove(c.id)
        assert store.linking_to(a.id) == []
        store.undo()  # c comes back, with its link
        assert [x.id for x in store.linking_to(a.id)] == [c.id]
    with open_store(db, "bob") as store:  # and after a reload from disk
        assert [x.id for x in store.linking_to(a.id)] == [c.id]
        assert [x.id for x in store.annotations(ONE)] == [a.id]
