"""Files that are not clean UTF-8 articles still open, and the user is told what happened."""

from __future__ import annotations

import json

from eternaut_reader import load_corpus
from eternaut_reader.ui.app import ReaderApp
from tests.screen import focused_pane, settle, view_text


async def test_mis_encoded_and_skipped_files_are_reported_on_screen(write_articles):
    folder = write_articles(
        {
            "latin.txt": "La città è più bella. Perché no?\n".encode("cp1252"),
            "empty.md": "",
            "zz.bin.txt": b"\x00\x00binary",
            "win.txt": b"\xef\xbb\xbfWindows text.\r\nSecond line here.\r\n",
        }
    )
    app = ReaderApp(load_corpus([folder]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("latin.txt is not valid UTF-8; shown as cp1252" in m for m in messages)
        assert any("empty.md is empty; skipped" in m for m in messages)
        assert any("binary" in m for m in messages)
        assert "La città è più bella." in view_text(focused_pane(app))
        await pilot.press("tab")
        text = view_text(focused_pane(app))
        assert "Windows text." in text and "\r" not in text and "\ufeff" not in text


async def test_a_corrupt_database_is_moved_aside_and_reported(tmp_path):
    db = tmp_path / "annotations.json"
    db.write_text('{"annotations": {"1": {"id": "x"', encoding="utf-8")
    app = ReaderApp(load_corpus(), db=db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(1.0)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and str(db) in errors[0].message
        assert "\n" not in errors[0].message
        assert app.editor is None  # nothing silently reset: no empty store in its place
    [moved] = list(tmp_path.glob("annotations.json.corrupt-*"))
    assert moved.read_text(encoding="utf-8") == '{"annotations": {"1": {"id": "x"'


async def test_a_damaged_claims_file_is_set_aside_and_said_on_screen(tmp_path):
    """One claims file cut short (a sync conflict, a bad copy): its claims are moved aside
    and the reader says so, naming the file, as the others open (an outside tester saw a
    claim vanish with nothing on screen)."""
    from eternaut_reader.core.storage.shards import shard_files, shards_root
    from eternaut_reader.core.storage.store import open_store

    corpus = load_corpus()
    db = tmp_path / "annotations.json"
    first, second = corpus.articles[0], corpus.articles[1]
    with open_store(db, "alice") as store:
        store.add(first, 0, 20)
    with open_store(db, "bob") as store:
        store.add(second, 0, 20)
    (broken,) = (p for p in shard_files(shards_root(db)) if f"/{first.id}/" in p.as_posix())
    broken.write_bytes(broken.read_bytes()[:50])
    app = ReaderApp(corpus, db=db)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.5)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any(
            m.startswith("Some claims could not be read and are not shown: ")
            and str(broken) in m
            and "moved aside" in m
            for m in warnings
        ), warnings
        assert app.editor is not None and len(app.editor.store.annotations()) == 1


async def test_a_damaged_manifest_hides_no_claim_and_is_said_in_one_line(tmp_path):
    """annotations.json cut short (the claims live beside it, in annotations.d): every claim
    was hidden until a restart, which then left `export` finding no database (an outside
    tester). Now the claims show at once, the damage is one line, the bad file is kept."""
    from eternaut_reader.cli import main
    from eternaut_reader.core.storage.store import open_store

    corpus = load_corpus()
    db = tmp_path / "annotations.json"
    first = corpus.articles[0]
    with open_store(db, "alice") as store:
        store.add(first, 0, 20, "confirmed")
        store.add(first, 30, 60, "speculative")
    garbage = db.read_bytes()[:-5]
    db.write_bytes(garbage)
    app = ReaderApp(corpus, db=db)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.5)
        assert app.editor is not None and len(app.editor.store.annotations()) == 2
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        [notice] = [m for m in warnings if "claims database" in m]
        assert notice.startswith(f"The claims database {db} was damaged (")
        assert "\n" not in notice and "moved aside to" in notice
    [moved] = list(tmp_path.glob("annotations.json.corrupt-*"))
    assert moved.read_bytes() == garbage  # nothing the user had is lost
    out = tmp_path / "claims.json"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["annotations"]) == 2


def test_export_finds_claims_whose_manifest_was_moved_aside(tmp_path, capsys):
    """An earlier version moved a damaged annotations.json aside and wrote no new one:
    `export` said there was no database, though every claim was in annotations.d."""
    from eternaut_reader.cli import main
    from eternaut_reader.core.storage.store import open_store

    corpus = load_corpus()
    db = tmp_path / "annotations.json"
    with open_store(db, "alice") as store:
        store.add(corpus.articles[0], 0, 20, "confirmed")
    db.rename(tmp_path / "annotations.json.corrupt-20260101T000000Z")
    assert main(["export", "--db", str(db), "-f", "json"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)["annotations"]) == 1 and err == ""
    with open_store(db, "alice") as store:  # a store that writes makes the database whole
        assert len(store.annotations()) == 1
    assert db.exists()
