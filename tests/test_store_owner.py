"""A verdict belongs to its annotator: the store changes and undoes only its annotator's claims."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from eternaut_reader import Annotation
from eternaut_reader.core.annotations.model import now_iso
from eternaut_reader.core.storage.shards import read_tables
from eternaut_reader.core.storage.store import AnnotationStore, NotYours, StoreError, open_store


@dataclass
class FakeArticle:
    id: str
    text: str = "The mayor said the bridge would reopen in May. Engineers disagreed. " * 4
    content_hash: str = "sha256:fake"


ONE, TWO = FakeArticle("one"), FakeArticle("two")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def _hers(annotator: str = "alice", article: FakeArticle = ONE) -> Annotation:
    now = now_iso()
    return Annotation(
        id=str(uuid.uuid4()),
        article_id=article.id,
        quote=article.text[0:46],
        prefix="",
        suffix=article.text[46:78],
        start=0,
        end=46,
        tag="speculative",
        note="her reasons",
        annotator=annotator,
        created=now,
        modified=now,
        content_hash=article.content_hash,
    )


def _record_on_disk(db: Path, ann_id: str) -> object:
    return read_tables(db)["annotations"][ann_id]


@pytest.fixture
def hers(db: Path) -> Annotation:
    """Alice's claim, imported into the database that "tui" then opens."""
    ann = _hers()
    with open_store(db, "tui") as store:
        store.merge([ann])
    return ann


def test_tagging_noting_or_removing_anothers_claim_is_refused_and_changes_nothing(
    db: Path, hers: Annotation
):
    before = _record_on_disk(db, hers.id)
    with open_store(db, "tui") as store:
        for change in (
            lambda: store.update(hers.id, tag="confirmed"),
            lambda: store.update(hers.id, note="mine now"),
            lambda: store.remove(hers.id),
            lambda: store.unlink(hers.id, "anything"),
        ):
            with pytest.raises(NotYours) as caught:
                change()
            assert str(caught.value) == "this claim is alice's; you (tui) can only change your own"
            assert isinstance(caught.value, StoreError)
        assert not store.can_undo
        assert store.pending == 0
    assert _record_on_disk(db, hers.id) == before
    with open_store(db, "tui") as store:
        assert store.get(hers.id) == hers


def test_linking_from_anothers_claim_is_refused_but_linking_to_it_works(db: Path, hers: Annotation):
    with open_store(db, "tui") as store:
        mine = store.add(TWO, 0, 46, tag="confirmed")
        with pytest.raises(NotYours):
            store.link(hers.id, mine.id, "supports")
        linked = store.link(mine.id, hers.id, "contradicts")
        assert [(lk.target, lk.relation) for lk in linked.links] == [(hers.id, "contradicts")]
    with open_store(db, "tui") as store:
        back = store.get(mine.id)
        assert back is not None and back.annotator == "tui"
        assert [(lk.target, lk.relation) for lk in back.links] == [(hers.id, "contradicts")]
        assert store.get(hers.id) == hers  # her claim gained no link and no new verdict


def test_is_mine_tells_own_claims_from_others(db: Path, hers: Annotation):
    with open_store(db, "tui") as store:
        mine = store.add(TWO, 0, 10)
        assert store.is_mine(mine) and store.is_mine(mine.id)
        assert not store.is_mine(hers) and not store.is_mine(hers.id)
        assert not store.is_mine("no such id")


def test_an_import_of_her_claims_is_never_undone_by_me(db: Path):
    with open_store(db, "tui") as store:
        mine = store.add(ONE, 0, 10, note="mine")
        store.merge([_hers()])  # newer than my change, but not mine
        assert store.undo() == mine  # my add, not her import
        assert store.undo() is None
        assert [a.annotator for a in store.annotations()] == ["alice"]


def test_one_annotators_undo_never_reverts_anothers_change_on_a_shared_file(db: Path):
    with open_store(db, "alice") as alice, open_store(db, "bob") as bob:
        bobs = bob.add(TWO, 0, 10, note="bob's first")
        bob.flush()
        alices = alice.add(ONE, 0, 10, note="alice's")
        alice.update(alices.id, tag="contradicted")
        alice.flush()
        assert bob.refresh()

        assert bob.undo() == bobs  # his own add, though alice changed the file since
        assert bob.undo() is None  # alice's changes are not his to undo
        assert not bob.can_undo
        bob.flush()
        assert alice.refresh()
        assert alice.get(alices.id).tag == "contradicted"  # type: ignore[union-attr]

        # Bob's redo remakes his claim; a new change of Alice's leaves his redo chain alone.
        alice.update(alices.id, note="still hers")
        alice.flush()
        bob.refresh()
        assert bob.can_redo
        assert bob.redo() == bobs
        bob.flush()

        assert alice.refresh()
        assert alice.undo() is not None  # her note
        assert alice.get(alices.id).note == "alice's"  # type: ignore[union-attr]
        assert alice.get(bobs.id) == bobs
    with open_store(db, "carol") as carol:
        notes = {a.annotator: (a.tag, a.note) for a in carol.annotations()}
        assert notes == {"alice": ("contradicted", "alice's"), "bob": ("confirmed", "bob's first")}
        assert not carol.can_undo and not carol.can_redo
        assert carol.undo() is None


def test_an_old_history_entry_that_rewrote_anothers_claim_is_never_redone(db: Path):
    # Before claims had owners, "tui" could retag Alice's claim; that entry is left alone.
    hers = _hers()
    retagged = replace(hers, tag="confirmed")
    with AnnotationStore(db, "tui") as store:
        store.merge([hers])
    tables = read_tables(db)  # written back below as one file, as the single-file layout was
    tables["annotations"][hers.id] = retagged.to_dict()
    tables["history"] = {
        "old": {
            "id": "old",
            "action": "update",
            "annotation_id": hers.id,
            "before": hers.to_dict(),
            "after": retagged.to_dict(),
            "at": 1,
            "undone_at": 2,
            "annotator": "tui",
        }
    }
    db.write_text(json.dumps(tables), encoding="utf-8")
    with open_store(db, "tui") as store:
        assert not store.can_redo and not store.can_undo
        assert store.redo() is None
