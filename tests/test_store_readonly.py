"""The store at the edges: read-only databases and folders, corrupt files, saves that fail.

Tests may run as root, who can write a 0444 file or a 0555 folder anyway: the store goes by
the mode bits too, so these tests mean the same for root and for anyone else.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from eternaut_reader.cli import main
from eternaut_reader.core.storage import writer as writer_module
from eternaut_reader.core.storage.database import (
    AtomicJSONStorage,
    ReadOnlyStore,
    StoreWriteError,
)
from eternaut_reader.core.storage.store import AnnotationStore, open_store
from tests.helpers.claims import seeds, tag_claims

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class FakeArticle:
    id: str
    text: str = "The mayor said the bridge would reopen in May. Engineers disagreed. " * 4
    content_hash: str = "sha256:fake"


ONE, TWO = FakeArticle("one"), FakeArticle("two")


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    yield folder
    # Writable again, so that pytest can clean up when the tests do not run as root.
    for path in (folder, *folder.rglob("*")):
        if path.is_dir():
            path.chmod(0o755)


@pytest.fixture
def db(folder: Path) -> Path:
    """A database holding one of alice's claims, and no lock file: as someone sends it."""
    db = folder / "annotations.json"
    with open_store(db, "alice") as store:
        store.add(ONE, 0, 46, tag="speculative", note="hers")
        store.add(TWO, 0, 20, tag="confirmed")
    (folder / "annotations.json.lock").unlink()
    return db


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file in the folder and below (the shards): its bytes, inode and mode; a replaced
    file gets a new inode."""
    return {
        str(p.relative_to(folder)): (
            p.read_bytes(),
            p.stat().st_ino,
            stat.S_IMODE(p.stat().st_mode),
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _every_change_is_refused(store: AnnotationStore) -> list[str]:
    mine = store.annotations()[0]
    other = store.annotations()[1]
    messages = []
    for change in (
        lambda: store.add(ONE, 0, 10),
        lambda: store.update(mine.id, tag="confirmed"),
        lambda: store.update(mine.id, note="new"),
        lambda: store.remove(mine.id),
        lambda: store.link(mine.id, other.id),
        lambda: store.unlink(mine.id, other.id),
        lambda: store.merge([mine.changed(note="imported")]),
        store.undo,
        store.redo,
    ):
        with pytest.raises(ReadOnlyStore) as caught:
            change()
        messages.append(str(caught.value))
    return messages


# ---- a read-only database file ----------------------------------------------------------------


def test_a_0444_database_opens_read_only_and_is_never_replaced(db: Path, folder: Path):
    db.chmod(0o444)
    before = _snapshot(folder)
    store = open_store(db, "alice")
    assert store.read_only
    assert store.read_only_reason == f"{db} is read-only (file mode 0444)"
    assert store.state == "read-only"
    assert [a.note for a in store.annotations()] == ["hers", ""]
    assert not store.can_undo and not store.can_redo  # the UI offers no undo

    messages = _every_change_is_refused(store)
    assert set(messages) == {f"cannot change the annotations: {db} is read-only (file mode 0444)"}
    assert store.merge([store.annotations()[0]], dry_run=True).unchanged  # asking is fine
    store.flush()
    assert store.refresh() is False
    store.close()
    assert [a.note for a in store.annotations()] == ["hers", ""]
    assert _snapshot(folder) == before  # no lock file, no temp file, same bytes, same inode


def test_a_database_made_read_only_while_open_is_not_replaced_by_the_next_save(
    db: Path, folder: Path
):
    with open_store(db, "alice") as store:
        assert not store.read_only
        db.chmod(0o444)
        before = _snapshot(folder)
        ann = store.add(ONE, 50, 60)
        with pytest.raises(StoreWriteError) as caught:
            store.flush()
        assert str(caught.value) == (
            f"could not save annotations to {db}: it is read-only (file mode 0444)"
        )
        assert _snapshot(folder) == before
        assert store.get(ann.id) == ann  # still in memory, still pending
        assert store.pending == 1
        db.chmod(0o644)  # the user lets it be written again: the retry saves
        store.flush()
    with open_store(db, "alice") as store:
        assert store.get(ann.id) == ann


# ---- a read-only folder -----------------------------------------------------------------------


def test_a_database_in_a_read_only_folder_is_read_without_a_lock_file(db: Path, folder: Path):
    folder.chmod(0o555)
    before = _snapshot(folder)
    with open_store(db, "alice") as store:
        assert store.read_only
        assert store.read_only_reason == f"the folder {folder} is not writable"
        assert store.state == "read-only"
        assert len(store.annotations()) == 2
        messages = _every_change_is_refused(store)
        assert messages[0] == f"cannot change the annotations: the folder {folder} is not writable"
    assert _snapshot(folder) == before


def test_no_folder_is_created_under_a_read_only_one(folder: Path):
    folder.chmod(0o555)
    with open_store(folder / "new" / "annotations.json", "alice") as store:
        assert store.read_only
        assert store.read_only_reason == f"the folder {folder} is not writable"
        assert store.annotations() == []
    assert list(folder.iterdir()) == []


def test_a_lock_file_that_cannot_be_created_makes_the_store_read_only(
    db: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
):
    # A read-only file system (or a folder shared with other users) refuses to create the
    # lock file even where the mode bits look writable.
    real_open = os.open

    def read_only_fs(path: object, flags: int, *args: object) -> int:
        if str(path).endswith(".lock") and flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(writer_module.os, "open", read_only_fs)
    before = _snapshot(folder)
    with open_store(db, "alice") as store:
        assert store.read_only
        assert store.read_only_reason == (
            f"cannot create {folder / 'annotations.json.lock'} (Read-only file system)"
        )
        assert len(store.annotations()) == 2
        with pytest.raises(ReadOnlyStore):
            store.add(ONE, 0, 10)
    assert _snapshot(folder) == before


# ---- opened read-only on purpose --------------------------------------------------------------


def test_a_store_opened_read_only_creates_nothing_and_sees_later_saves(db: Path, folder: Path):
    before = _snapshot(folder)
    with open_store(db, "bob", readonly=True) as reader:
        assert reader.read_only and reader.read_only_reason == f"{db} was opened read-only"
        assert _snapshot(folder) == before
        with open_store(db, "alice") as writer:
            ann = writer.add(ONE, 50, 60, note="later")
        assert reader.refresh() is True
        assert reader.get(ann.id) == ann
        with pytest.raises(ReadOnlyStore):
            reader.add(ONE, 0, 10)


def test_a_missing_database_opened_read_only_is_empty_and_not_created(folder: Path):
    with open_store(folder / "sub" / "annotations.json", readonly=True) as store:
        assert store.annotations() == []
    assert list(folder.iterdir()) == []


# ---- read-only commands -----------------------------------------------------------------------


@pytest.fixture
def shared_db(folder: Path) -> Path:
    """Alice's and Bob's verdicts on the same claims of the bundled seeds, without a lock file."""
    db = folder / "claims.json"
    corpus = seeds()
    tag_claims(db, corpus, "alice")
    tag_claims(db, corpus, "bob")
    (folder / "claims.json.lock").unlink()
    return db


@pytest.mark.parametrize("protect", ["file", "folder"])
def test_export_and_agreement_work_on_a_read_only_database(
    shared_db: Path, folder: Path, protect: str, capsys: pytest.CaptureFixture[str]
):
    (shared_db if protect == "file" else folder).chmod(0o444 if protect == "file" else 0o555)
    before = _snapshot(folder)

    assert main(["export", "--db", str(shared_db), "-f", "json"]) == 0
    out, err = capsys.readouterr()
    exported = json.loads(out)["annotations"]
    assert sorted({a["annotator"] for a in exported}) == ["alice", "bob"]
    assert len(exported) == 12
    assert err == ""

    assert main(["agreement", "--db", str(shared_db)]) == 0
    out = capsys.readouterr().out
    assert "alice and bob: Cohen's kappa" in out

    assert _snapshot(folder) == before


def test_export_leaves_a_corrupt_database_where_it_is_and_says_so(
    db: Path, folder: Path, capsys: pytest.CaptureFixture[str]
):
    # Truncated, as a crash of another program might leave it (the manifest is short). The
    # claims live beside it, in the shards: they are exported, and the damage is said in a
    # line (export failed outright, and a reader that wrote moved it aside: an outside tester
    # then found no database at all).
    garbage = db.read_bytes()[:-5]
    db.write_bytes(garbage)
    before = _snapshot(folder)

    assert main(["export", "--db", str(db), "-f", "json"]) == 0
    out, err = capsys.readouterr()
    assert [a["note"] for a in json.loads(out)["annotations"]] == ["hers", ""]
    assert len(err.splitlines()) == 1
    assert err.startswith(f"eternaut-reader: The claims database {db} was damaged (")
    assert "was left untouched (opened read-only)" in err
    main(["agreement", "--db", str(db)])  # one annotator: it says so, after the damage
    assert "left untouched" in capsys.readouterr().err
    assert _snapshot(folder) == before  # same name, same bytes, nothing moved aside

    with open_store(db, "alice") as store:  # a store that writes moves it aside, and says where
        assert len(store.annotations()) == 2
        moved = store.damaged.moved_to if store.damaged else None
    assert moved is not None and moved.read_bytes() == garbage
    assert db.exists() and db.read_bytes() != garbage  # a new manifest, the bad one kept

    # After that restart, every claim is there and export works as before, saying nothing.
    assert main(["export", "--db", str(db), "-f", "json"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)["annotations"]) == 2 and err == ""


def test_a_corrupt_read_only_database_is_left_alone_even_by_a_writing_store(db: Path, folder: Path):
    db.write_text("{not json", encoding="utf-8")
    db.chmod(0o444)
    before = _snapshot(folder)
    with open_store(db, "alice") as store:  # its claims, in the shards, are read all the same
        assert store.read_only and len(store.annotations()) == 2
        damaged = store.damaged
    assert damaged is not None and damaged.moved_to is None
    assert str(damaged).endswith("; left untouched (opened read-only)")
    assert _snapshot(folder) == before


# ---- a save that fails: disk full -------------------------------------------------------------


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """While the list holds True, every save fails as on a full disk."""
    full = [True]
    real_write = AtomicJSONStorage.write_chunks

    def write_chunks(self: AtomicJSONStorage, chunks: object) -> None:
        if full[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, chunks)  # type: ignore[arg-type]

    monkeypatch.setattr(AtomicJSONStorage, "write_chunks", write_chunks)
    yield full


def test_a_full_disk_keeps_the_change_in_memory_until_a_retry_saves_it(
    db: Path, disk_full: list[bool]
):
    store = open_store(db, "alice")
    ann = store.add(ONE, 50, 60, tag="contradicted", note="unsaved")
    with pytest.raises(StoreWriteError) as caught:
        store.flush(timeout=30)
    assert str(caught.value) == (
        f"could not save annotations to {db}: [Errno 28] No space left on device"
    )
    assert store.state == "error"
    assert store.pending == 1
    assert ann in store.annotations()  # what the UI would write to another file
    assert store.unsaved_annotations() == [ann]
    with pytest.raises(StoreWriteError):
        store.close()  # refuses to drop the change; the store stays open
    assert store.get(ann.id) == ann

    disk_full[0] = False
    store.flush(timeout=30)
    assert store.pending == 0 and store.unsaved_annotations() == []
    store.close()
    with open_store(db, "alice") as again:
        assert again.get(ann.id) == ann


@pytest.mark.parametrize("how", ["abandon", "close(force=True)"])
def test_quitting_anyway_drops_only_the_unsaved_change_and_never_raises(
    db: Path, disk_full: list[bool], how: str
):
    store = open_store(db, "alice")
    kept = [a.id for a in store.annotations()]
    lost = store.add(ONE, 50, 60, note="lost")
    with pytest.raises(StoreWriteError):
        store.flush(timeout=30)
    if how == "abandon":
        assert store.abandon() == 1
    else:
        store.close(force=True)
    assert store.get(lost.id) == lost  # still readable, e.g. to tell the user what was lost
    with pytest.raises(Exception, match="closed"):
        store.add(ONE, 0, 10)
    store.close()  # closing again is harmless

    disk_full[0] = False
    with open_store(db, "alice") as again:
        assert [a.id for a in again.annotations()] == kept


def test_an_unsaved_change_at_exit_is_reported_in_one_line_without_a_traceback(db: Path):
    script = f"""
import errno, types
from eternaut_reader.core.storage.database import AtomicJSONStorage
from eternaut_reader.core.storage.store import open_store

def disk_full(self, chunks):
    raise OSError(errno.ENOSPC, "No space left on device")

store = open_store({str(db)!r}, "alice")
AtomicJSONStorage.write_chunks = disk_full
article = types.SimpleNamespace(id="one", text="The bridge will reopen.", content_hash="x")
store.add(article, 0, 10)
# no close(): the exit hook tries to save
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tui")},
    )
    assert done.returncode == 0
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"could not save annotations to {db}: [Errno 28] No space left on device; "
        "1 change lost at exit"
    ]
