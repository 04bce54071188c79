"""`import`: round trips through every importable format, the merge rules, and bad files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eternaut_reader import open_store
from eternaut_reader.cli import main
from eternaut_reader.core.formats import export
from eternaut_reader.core.formats.importer import ImportFileError, read_file
from eternaut_reader.core.storage.store import beside_id
from tests.helpers.claims import seeds, tag_claims


@pytest.fixture(scope="module")
def corpus():
    return seeds()


@pytest.fixture
def alice_db(tmp_path: Path, corpus) -> Path:
    db = tmp_path / "alice.json"
    tag_claims(db, corpus, "alice")
    return db


def _export(db: Path, corpus, fmt: str, out: Path) -> Path:
    with open_store(db) as store:
        export(store, corpus, fmt, out)
    return out


def _stored(db: Path):
    with open_store(db) as store:
        return store.annotations()


def _import(capsys, db: Path, *files: Path | str, extra: tuple[str, ...] = ()):
    code = main(["import", "--db", str(db), *extra, *map(str, files)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("fmt", "name"), [("json", "a.json"), ("jsonl", "a.jsonl"), ("w3c", "a.jsonld")]
)
def test_import_reproduces_the_store_exactly(tmp_path, corpus, alice_db, capsys, fmt, name):
    exported = _export(alice_db, corpus, fmt, tmp_path / name)
    copy = tmp_path / "copy.json"
    code, out, err = _import(capsys, copy, exported)
    assert (code, err) == (0, "")
    assert f"{exported}: 6 annotations ({fmt})" in out
    assert "6 added" in out
    assert _stored(copy) == _stored(alice_db)  # every field, links and orphans included


def test_importing_the_same_file_twice_adds_nothing(tmp_path, corpus, alice_db, capsys):
    exported = _export(alice_db, corpus, "json", tmp_path / "a.json")
    copy = tmp_path / "copy.json"
    _import(capsys, copy, exported)
    before = copy.read_bytes()
    code, out, _ = _import(capsys, copy, exported)
    assert code == 0 and "0 added" in out and "6 already there" in out
    assert copy.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))  # nothing changed, so no copy was kept


def test_importing_our_own_export_back_changes_nothing(tmp_path, corpus, alice_db, capsys):
    exported = _export(alice_db, corpus, "w3c", tmp_path / "a.jsonld")
    before = alice_db.read_bytes()
    code, out, _ = _import(capsys, alice_db, exported)
    assert code == 0 and "6 already there" in out
    assert alice_db.read_bytes() == before


def test_another_annotator_s_claims_are_kept_beside_ours(tmp_path, corpus, alice_db, capsys):
    bob_db = tmp_path / "bob.json"
    bob = tag_claims(bob_db, corpus, "bob")  # the same spans, tagged by bob
    exported = _export(bob_db, corpus, "jsonl", tmp_path / "bob.jsonl")
    ours = _stored(alice_db)
    code, out, _ = _import(capsys, alice_db, exported)
    assert code == 0 and "6 added" in out
    after = _stored(alice_db)
    assert len(after) == 12
    assert set(ours) <= set(after)
    at_a1 = [a for a in after if (a.article_id, a.start) == (bob["a1"].article_id, 0)]
    assert sorted(a.annotator for a in at_a1) == ["alice", "bob"]


def test_the_same_id_from_another_annotator_never_overwrites_ours(tmp_path, alice_db, capsys):
    a1 = next(a for a in _stored(alice_db) if a.links and a.links[0].relation == "supports")
    # bob's file holds an annotation with the id of alice's a1, and one of his linking to it.
    theirs = replace(a1, annotator="bob", tag="contradicted", note="bob disagrees", links=())
    linker = replace(a1, id="bob-2", annotator="bob", links=(replace(a1.links[0], target=a1.id),))
    payload = {
        "format": "eternaut-reader",
        "version": 1,
        "annotations": [theirs.to_dict(), linker.to_dict()],
    }
    path = tmp_path / "bob.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    code, out, _ = _import(capsys, alice_db, path)
    assert code == 0
    new_id = beside_id(a1.id, "bob")
    assert f"{a1.id} is another annotator's: stored as {new_id}" in out
    with open_store(alice_db) as store:
        assert store.get(a1.id) == a1  # ours, untouched
        kept = store.get(new_id)
        assert kept is not None and (kept.annotator, kept.tag) == ("bob", "contradicted")
        bob_2 = store.get("bob-2")
        assert bob_2 is not None and [lk.target for lk in bob_2.links] == [new_id]
    before = alice_db.read_bytes()
    code, out, _ = _import(capsys, alice_db, path)
    assert "0 added" in out and "2 already there" in out
    assert alice_db.read_bytes() == before


def test_same_annotator_the_later_modified_wins(tmp_path, alice_db, capsys):
    a1 = next(a for a in _stored(alice_db) if a.start == 0 and a.quote.startswith("Netflix"))
    newer = replace(a1, note="revised later", modified="2999-01-01T00:00:00.000Z")
    older = replace(a1, note="an old draft", modified="2000-01-01T00:00:00.000Z")
    for name, ann in (("newer.json", newer), ("older.json", older)):
        (tmp_path / name).write_text(json.dumps([ann.to_dict()]), encoding="utf-8")
    _, out, _ = _import(capsys, alice_db, tmp_path / "older.json")
    assert "1 kept ours" in out
    assert next(a for a in _stored(alice_db) if a.id == a1.id).note == a1.note
    _, out, _ = _import(capsys, alice_db, tmp_path / "newer.json")
    assert "1 updated" in out
    assert next(a for a in _stored(alice_db) if a.id == a1.id).note == "revised later"


def test_an_import_is_not_in_the_undo_history_and_a_copy_is_kept(
    tmp_path, corpus, alice_db, capsys
):
    exported = _export(alice_db, corpus, "json", tmp_path / "a.json")
    target = tmp_path / "target.json"
    with open_store(target) as store:
        store.merge([])  # an empty merge writes nothing
    assert not target.exists()
    _import(capsys, target, exported)
    with open_store(target) as store:
        assert len(store.annotations()) == 6 and not store.can_undo
    # A second import that changes something keeps the database as it was.
    bob_db = tmp_path / "bob.json"
    tag_claims(bob_db, corpus, "bob")
    before = target.read_bytes()
    _, out, _ = _import(capsys, target, _export(bob_db, corpus, "json", tmp_path / "b.json"))
    (backup,) = tmp_path.glob("target.json.before-import-*.bak")
    assert backup.read_bytes() == before and str(backup) in out


def test_dry_run_changes_nothing(tmp_path, corpus, alice_db, capsys):
    bob_db = tmp_path / "bob.json"
    tag_claims(bob_db, corpus, "bob")
    exported = _export(bob_db, corpus, "json", tmp_path / "b.json")
    before = alice_db.read_bytes()
    code, out, _ = _import(capsys, alice_db, exported, extra=("--dry-run",))
    assert code == 0 and "6 would be added" in out
    assert alice_db.read_bytes() == before


def test_a_w3c_annotation_from_another_tool(tmp_path, capsys):
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://annotations.example/a/42",
        "type": "Annotation",
        "creator": "https://annotations.example/users/carol",
        "created": "2025-07-20T10:00:00Z",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "speculative"},
            {"type": "TextualBody", "value": "Only one source."},
            {"type": "TextualBody", "purpose": "tagging", "value": "vfx"},
        ],
        "target": {
            "source": "https://news.example/story",
            "selector": {"type": "TextQuoteSelector", "exact": "ten times faster"},
        },
    }
    path = tmp_path / "foreign.jsonld"
    path.write_text(json.dumps(foreign), encoding="utf-8")
    db = tmp_path / "db.json"
    code, out, _ = _import(capsys, db, path)
    assert code == 0 and "1 annotation (w3c)" in out
    (ann,) = _stored(db)
    assert ann.id == "https://annotations.example/a/42"
    assert ann.article_id == "https://news.example/story"
    assert (ann.quote, ann.start, ann.end) == ("ten times faster", 0, 16)
    assert (ann.tag, ann.note) == ("speculative", "Only one source.")
    assert ann.annotator == "https://annotations.example/users/carol"
    assert ann.created == ann.modified == "2025-07-20T10:00:00Z"


# ---- bad files --------------------------------------------------------------------------------

RECORD = {
    "id": "x1",
    "article_id": "a",
    "quote": "q",
    "start": 0,
    "end": 1,
    "tag": "confirmed",
}
BAD_FILES = {
    "empty": (b"", "the file is empty"),
    "blank": (b"  \n\n ", "the file is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a binary file, not JSON"),
    "latin1": ('{"note": "caf\u00e9"}'.encode("latin-1"), "not UTF-8 text (byte 0xe9"),
    "text": (b"hello, world", "not JSON (line 1, column 1: Expecting value)"),
    "truncated": (b'{"format": "eternaut-reader", "annotations": [', "not JSON (line 1"),
    "number": (b"42", "not an annotation file (the JSON is a number, not an object)"),
    "other": (b'{"hello": 1}', "not an eternaut-reader export or a W3C Web Annotation file"),
    "list": (b"[1, 2]", "annotation 1: expected an object, found a number"),
    "no-quote": (
        json.dumps([{k: v for k, v in RECORD.items() if k != "quote"}]).encode(),
        'annotation 1 (id x1): missing "quote"',
    ),
    "bad-tag": (json.dumps([{**RECORD, "tag": "true"}]).encode(), "tag 'true' is not one of"),
    "bad-span": (json.dumps([{**RECORD, "start": 5, "end": 2}]).encode(), "start 5 and end 2"),
    "bool-start": (json.dumps([{**RECORD, "start": True}]).encode(), '"start" must be a whole'),
    "bad-date": (json.dumps([{**RECORD, "created": "yesterday"}]).encode(), "ISO 8601"),
    "bad-link": (
        json.dumps([{**RECORD, "links": [{"target": "y", "relation": "likes"}]}]).encode(),
        "link relation 'likes'",
    ),
    "newer": (
        json.dumps({"format": "eternaut-reader", "version": 99, "annotations": []}).encode(),
        "written by a newer eternaut-reader (format version 99)",
    ),
    "no-array": (
        json.dumps({"format": "eternaut-reader", "version": 1, "annotations": {}}).encode(),
        '"annotations" must be an array',
    ),
    "jsonl-line-2": (
        (json.dumps(RECORD) + "\n{oops}\n").encode(),
        "line 2: not JSON",
    ),
    "w3c-no-tag": (
        json.dumps(
            {
                "type": "Annotation",
                "id": "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e",
                "body": {"type": "TextualBody", "value": "a note"},
                "target": {
                    "source": "urn:x",
                    "selector": {"type": "TextQuoteSelector", "exact": "q"},
                },
            }
        ).encode(),
        "no tagging body whose value is one of confirmed, speculative, contradicted",
    ),
    "w3c-iri-target": (
        json.dumps({"type": "Annotation", "id": "urn:a", "target": "http://x.example/"}).encode(),
        "no target with selectors",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_named_in_one_line_and_nothing_is_written(tmp_path, alice_db, capsys, case):
    content, reason = BAD_FILES[case]
    bad = tmp_path / f"{case}.json"
    bad.write_bytes(content)
    good = tmp_path / "good.json"
    good.write_text(json.dumps([{**RECORD, "id": "fine"}]), encoding="utf-8")
    before = alice_db.read_bytes()
    code, out, err = _import(capsys, alice_db, good, bad)
    assert code == 1
    assert len(err.splitlines()) == 1
    assert err.startswith(f"eternaut-reader: {bad}: "), err
    assert reason in err
    assert "Traceback" not in err and out == ""
    assert alice_db.read_bytes() == before  # not even the good file's annotation
    assert not list(tmp_path.glob("*.bak"))


def test_missing_file_and_folder(tmp_path, alice_db, capsys):
    before = alice_db.read_bytes()
    for path, reason in ((tmp_path / "nope.json", "no such file"), (tmp_path, "is a folder")):
        code, _, err = _import(capsys, alice_db, path)
        assert code == 1
        assert err.strip().startswith(f"eternaut-reader: {path}: {reason}")
        assert len(err.splitlines()) == 1
    assert alice_db.read_bytes() == before


def test_read_file_raises_an_error_that_names_the_file(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("[]", encoding="utf-8")
    assert read_file(path).annotations == []
    path.write_text("nope", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_file(path)
    assert caught.value.path == path and str(caught.value).startswith(f"{path}: not JSON")


# ---- store.merge ------------------------------------------------------------------------------


def test_merge_checks_everything_before_changing_anything(tmp_path, alice_db):
    ours = _stored(alice_db)
    fresh = replace(ours[0], id="new-one")
    broken = replace(ours[1], id="broken", tag="maybe")
    with open_store(alice_db) as store:
        with pytest.raises(ValueError, match="unknown tag 'maybe'"):
            store.merge([fresh, broken])
        assert store.get("new-one") is None
    assert _stored(alice_db) == ours


def test_merge_reports_each_outcome_and_saves_them_after_reopening(tmp_path, alice_db):
    ours = _stored(alice_db)
    fresh = replace(ours[0], id="new-one", annotator="carol")
    newer = replace(ours[1], note="newer", modified="2999-01-01T00:00:00.000Z")
    older = replace(ours[2], note="older", modified="1999-01-01T00:00:00.000Z")
    with open_store(alice_db) as store:
        planned = store.merge([fresh, newer, older, ours[3]], dry_run=True)
        assert store.get("new-one") is None
        result = store.merge([fresh, newer, older, ours[3]])
    assert result == planned
    assert result.added == ("new-one",)
    assert result.updated == (ours[1].id,)
    assert result.kept == (ours[2].id,)
    assert result.unchanged == (ours[3].id,)
    assert result.changed == 2
    with open_store(alice_db) as store:
        assert store.get("new-one") == fresh
        assert store.get(ours[1].id) == newer
        assert store.get(ours[2].id) == ours[2]


def test_our_csv_export_is_refused_as_csv_not_as_bad_json(tmp_path):
    """An outside tester importing claims.csv was told it was "not JSON (line 1, column 1…)"."""
    path = tmp_path / "claims.csv"
    path.write_text("id,article,quote,tag\r\n1,a,some words,confirmed\r\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_file(path)
    assert str(caught.value) == (
        f"{path}: a CSV file: import reads our JSON, JSON Lines and W3C exports only"
    )
