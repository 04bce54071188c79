"""The one atomic-write helper (storage/atomic.py): atomic_file replaces a file only when its
block succeeds, keeps the file's mode, fsyncs, and leaves no temporary file; the database, the
exports and the alignment cache write through it."""

from __future__ import annotations

import json
import os
import stat

import pytest

from eternaut_reader.core.analysis import cache
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.formats import ExportError, export
from eternaut_reader.core.storage import atomic
from eternaut_reader.core.storage.atomic import atomic_file
from eternaut_reader.core.storage.database import AtomicJSONStorage
from tests.helpers.claims import FakeArticle


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_the_file_is_replaced_on_success_keeping_its_mode(tmp_path):
    target = tmp_path / "data.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with atomic_file(target, text=True) as handle:
        handle.write("new ")
        assert target.read_text(encoding="utf-8") == "old"  # not yet
        handle.write("text é")
    assert target.read_text(encoding="utf-8") == "new text é"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert _names(tmp_path) == ["data.txt"]
    with atomic_file(target) as binary:
        binary.write(b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640


@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()])
def test_the_file_is_left_as_it_was_when_the_block_fails(tmp_path, error):
    target = tmp_path / "data.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(type(error)), atomic_file(target, text=True) as handle:
        handle.write("half")
        raise error
    assert target.read_text(encoding="utf-8") == "old"
    assert _names(tmp_path) == ["data.txt"]


def test_a_new_file_gets_the_default_mode_or_the_one_asked(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    with atomic_file(tmp_path / "new.txt") as handle:
        handle.write(b"x")
    assert stat.S_IMODE(os.stat(tmp_path / "new.txt").st_mode) == 0o666 & ~umask
    with atomic_file(tmp_path / "private.txt", mode=0o600) as handle:
        handle.write(b"x")
    assert stat.S_IMODE(os.stat(tmp_path / "private.txt").st_mode) == 0o600


def test_it_fsyncs_the_file_and_the_folder(tmp_path, monkeypatch):
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    folders: list[object] = []
    monkeypatch.setattr(atomic, "fsync_folder", folders.append)
    with atomic_file(tmp_path / "f.txt") as handle:
        handle.write(b"x")
    assert len(synced) == 1 and folders == [tmp_path]


def test_the_database_exports_and_cache_leave_no_temporary_file_when_they_fail(
    tmp_path, monkeypatch
):
    # The database: a new one is private, an existing one keeps its mode.
    db = tmp_path / "db" / "annotations.json"
    storage = AtomicJSONStorage(db)
    storage.write({"annotations": {}})
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    db.chmod(0o644)
    storage.write({"annotations": {"a": {"x": 1}}})
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o644
    assert json.loads(db.read_text(encoding="utf-8")) == {"annotations": {"a": {"x": 1}}}
    assert _names(db.parent) == ["annotations.json"]

    # An export that fails midway leaves the old file and nothing else.
    out = tmp_path / "out"
    out.mkdir()
    target = out / "claims.csv"
    target.write_text("old", encoding="utf-8")

    def boom(done: int, total: int) -> None:
        if done:
            raise OSError(28, "No space left on device")

    article = FakeArticle("a", "Some text to annotate here.")
    ann = Annotation("i", "a", "Some", "", " text", 0, 4, "confirmed", "", "me", "", "", "")
    with pytest.raises(ExportError, match="No space left on device"):
        export([ann], [article], "csv", target, progress=boom)
    assert target.read_text(encoding="utf-8") == "old"
    assert _names(out) == ["claims.csv"]

    # The alignment cache writes the same way.
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    cache.save("k" * 64, {"rows": [1, 2]})
    assert cache.load("k" * 64) == {"rows": [1, 2]}
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".json"]
