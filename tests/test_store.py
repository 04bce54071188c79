"""The annotation store as a user sees it: what is there after reopening, and what is refused."""

from __future__ import annotations

import errno
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs
import pytest
from tinydb import Query

from eternaut_reader import Annotation, load_corpus, open_store
from eternaut_reader.core.annotations.model import SCHEMA_VERSION
from eternaut_reader.core.storage.database import (
    AnnotationDB,
    AtomicJSONStorage,
    NewerSchema,
    StoreError,
    StoreWriteError,
    UnreadableDatabase,
)
from eternaut_reader.core.storage.paths import default_db_path, resolve_db_path
from eternaut_reader.core.storage.shards import read_tables, shard_files, shards_root
from eternaut_reader.core.storage.store import AnnotationStore, UnknownAnnotation
from eternaut_reader.core.text.corpus import Article


@dataclass
class FakeArticle:
    id: str
    text: str
    content_hash: str = "sha256:fake"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_DB", str(tmp_path / "env-default.json"))
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", "tester")


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_corpus().articles


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def _on_disk(db: Path) -> dict[str, dict[str, dict[str, object]]]:
    """Every table, manifest and shard files together (see storage/shards.py)."""
    return read_tables(db)  # type: ignore[return-value]


# ---- adding, changing, removing, reopening ----------------------------------------------------


def test_an_added_annotation_is_all_there_after_reopening(db: Path, articles: list[Article]):
    article = articles[1]
    start, end = 40, 95
    with open_store(db) as store:
        ann = store.add(article, start, end, tag="confirmed", note="two sources agree")
    with open_store(db) as store:
        (back,) = store.annotations()
    assert back == ann
    assert uuid.UUID(back.id)
    assert back.article_id == article.id
    assert back.quote == article.text[start:end]
    assert back.prefix == article.text[start - 32 : start]
    assert back.suffix == article.text[end : end + 32]
    assert (back.start, back.end, back.tag, back.note) == (
        start,
        end,
        "confirmed",
        "two sources agree",
    )
    assert back.annotator == "tester"
    assert back.content_hash == article.content_hash
    for stamp in (back.created, back.modified):
        assert datetime.fromisoformat(stamp).utcoffset().total_seconds() == 0  # type: ignore[union-attr]


def test_context_is_shorter_at_the_edges_of_the_text(db: Path):
    article = FakeArticle("a", "Short text, nothing around it.")
    with open_store(db) as store:
        ann = store.add(article, 0, len(article.text))
    assert (ann.prefix, ann.suffix) == ("", "")


def test_updates_and_removals_persist(db: Path, articles: list[Article]):
    with open_store(db) as store:
        kept = store.add(articles[0], 0, 20)
        gone = store.add(articles[0], 30, 60)
        changed = store.update(kept.id, tag="speculative", note="only one source")
        store.remove(gone.id)
    with open_store(db) as store:
        assert [a.id for a in store.annotations()] == [kept.id]
        back = store.get(kept.id)
    assert back == changed
    assert (back.tag, back.note) == ("speculative", "only one source")
    assert back.created == kept.created


def test_any_character_range_and_overlapping_spans_are_allowed(db: Path, articles: list[Article]):
    article = articles[2]
    spans = [(3, 4), (0, 50), (10, 30), (10, 30), (25, len(article.text))]
    with open_store(db) as store:
        for start, end in spans:
            store.add(article, start, end)
    with open_store(db) as store:
        got = sorted((a.start, a.end, a.quote) for a in store.annotations(article))
    assert got == sorted((s, e, article.text[s:e]) for s, e in spans)


def test_annotations_filter_by_article_and_tag(db: Path, articles: list[Article]):
    with open_store(db) as store:
        a = store.add(articles[0], 0, 10, tag="confirmed")
        b = store.add(articles[1], 0, 10, tag="contradicted")
        c = store.add(articles[1], 20, 30, tag="confirmed")
        assert {x.id for x in store.annotations()} == {a.id, b.id, c.id}
        assert [x.id for x in store.annotations(articles[1])] == [b.id, c.id]
        assert [x.id for x in store.annotations(articles[1].id, tag="confirmed")] == [c.id]
        assert [x.id for x in store.annotations(tag="contradicted")] == [b.id]
        with pytest.raises(ValueError, match="unknown tag"):
            store.annotations(tag="maybe")


# ---- refusals write nothing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "tag"),
    [
        (0, 10, "maybe"),
        (0, 10, ""),
        (5, 5, "confirmed"),
        (10, 5, "confirmed"),
        (-1, 5, "confirmed"),
        (0, 10**6, "confirmed"),
        (0.5, 10, "confirmed"),
    ],
)
def test_bad_tag_or_span_raises_and_writes_nothing(
    db: Path, articles: list[Article], start, end, tag
):
    with open_store(db) as store:
        with pytest.raises(ValueError) as caught:
            store.add(articles[0], start, end, tag=tag)
        assert "\n" not in str(caught.value)
        assert store.annotations() == []
        assert store.pending == 0
        assert not store.can_undo
    assert not db.exists()


def test_a_refused_update_leaves_the_annotation_as_it_was(db: Path, articles: list[Article]):
    with open_store(db) as store:
        ann = store.add(articles[0], 0, 10)
        store.flush()
        before = db.read_bytes()
        with pytest.raises(ValueError, match="unknown tag 'rumour'"):
            store.update(ann.id, tag="rumour", note="should not be saved")
        with pytest.raises(UnknownAnnotation):
            store.update("no-such-id", tag="confirmed")
        assert store.get(ann.id) == ann
        assert store.pending == 0
    assert db.read_bytes() == before


# ---- links ------------------------------------------------------------------------------------


def test_links_join_annotations_in_different_articles(db: Path, articles: list[Article]):
    with open_store(db) as store:
        claim = store.add(articles[0], 0, 10)
        support = store.add(articles[1], 0, 10)
        same_article = store.add(articles[0], 20, 30)
        linked = store.link(claim.id, support.id, "supports")
        relinked = store.link(claim.id, support.id, "contradicts")
        with pytest.raises(ValueError, match="unknown relation"):
            store.link(claim.id, support.id, "refutes")
        with pytest.raises(ValueError, match="different articles"):
            store.link(claim.id, same_article.id)
        with pytest.raises(UnknownAnnotation):
            store.link(claim.id, "missing")
    assert [(lk.target, lk.relation, lk.article_id) for lk in linked.links] == [
        (support.id, "supports", articles[1].id)
    ]
    with open_store(db) as store:
        back = store.get(claim.id)
        assert back is not None and back.links == relinked.links
        assert [lk.relation for lk in back.links] == ["contradicts"]
        assert store.unlink(claim.id, support.id).links == ()
    with open_store(db) as store:
        assert store.get(claim.id).links == ()  # type: ignore[union-attr]


def test_a_pair_linked_from_the_other_end_is_not_linked_again(db: Path, articles: list[Article]):
    """B links to A as contradicting; A cannot then link to B, as supporting (an outside tester
    saved both from the same-fact panel) or as contradicting (another saved the pair twice with
    `L`): one link per pair, shown at both ends. Once B's link is gone, A may link."""
    with open_store(db) as store:
        a = store.add(articles[0], 0, 10)
        b = store.add(articles[1], 0, 10)
        store.link(b.id, a.id, "contradicts")
        for relation in ("supports", "contradicts"):
            with pytest.raises(StoreError, match="already links to this one as contradicts"):
                store.link(a.id, b.id, relation)
        assert store.get(a.id).links == ()  # type: ignore[union-attr]
        store.unlink(b.id, a.id)
        assert [lk.relation for lk in store.link(a.id, b.id, "supports").links] == ["supports"]


# ---- undo and redo ----------------------------------------------------------------------------


def test_undo_and_redo_cover_add_update_remove_and_link(db: Path, articles: list[Article]):
    with open_store(db) as store:
        other = store.add(articles[1], 0, 10)
        ann = store.add(articles[0], 0, 10, note="first")
        store.update(ann.id, note="second")
        store.link(ann.id, other.id, "supports")
        store.remove(ann.id)

        store.undo()  # remove
        assert store.get(ann.id) is not None
        assert store.last_step == "claim"  # what "Undo (…)" names
        store.undo()  # link
        assert store.get(ann.id).links == ()  # type: ignore[union-attr]
        assert store.last_step == "link"
        store.undo()  # update
        assert store.get(ann.id).note == "first"  # type: ignore[union-attr]
        assert store.last_step == "note"
        store.undo()  # add
        assert store.get(ann.id) is None

        store.redo()
        store.redo()
        assert store.get(ann.id).note == "second"  # type: ignore[union-attr]
    with open_store(db) as store:
        assert store.get(ann.id).note == "second"  # type: ignore[union-attr]
        store.redo()  # the link, redone after a restart
        assert store.last_step == "link"  # said after a restart too
        store.redo()  # the remove
        assert store.get(ann.id) is None
        assert store.redo() is None
        assert store.undo() is not None
        assert store.get(ann.id) is not None


def test_changes_made_in_one_step_are_undone_and_redone_together_after_a_restart(
    db: Path, articles: list[Article]
):
    """Tagging two passages and linking them from one key is one step for undo and redo,
    and stays one after a restart."""
    with open_store(db) as store:
        kept = store.add(articles[0], 20, 30, note="before the step")
        with store.one_step():
            mine = store.add(articles[0], 0, 10)
            theirs = store.add(articles[1], 0, 10)
            store.link(mine.id, theirs.id, "contradicts")
    with open_store(db) as store:
        touched = store.undo_step()
        assert {a.id for a in touched} == {mine.id, theirs.id}
        assert store.get(mine.id) is None and store.get(theirs.id) is None
        assert store.get(kept.id) is not None  # the change before the step is not part of it
    with open_store(db) as store:
        store.redo()
        assert store.get(theirs.id) is not None
        assert [lk.relation for lk in store.get(mine.id).links] == ["contradicts"]  # type: ignore[union-attr]
        store.undo()
        store.undo()  # now the change before the step, on its own
        assert store.get(kept.id) is None and store.get(mine.id) is None


def test_a_new_change_ends_the_redo_chain(db: Path, articles: list[Article]):
    with open_store(db) as store:
        ann = store.add(articles[0], 0, 10, note="a")
        store.update(ann.id, note="b")
        store.undo()
        assert store.can_redo
        store.update(ann.id, note="c")
        assert not store.can_redo
        assert store.redo() is None
        assert store.get(ann.id).note == "c"  # type: ignore[union-attr]


def test_undo_survives_a_restart_for_the_last_hundred_changes(db: Path, articles: list[Article]):
    with open_store(db) as store:
        ann = store.add(articles[0], 0, 10, note="n0")
        for i in range(1, 121):
            store.update(ann.id, note=f"n{i}")
    with open_store(db) as store:
        for _ in range(100):
            assert store.undo() is not None
        assert store.get(ann.id).note == "n20"  # type: ignore[union-attr]
    with open_store(db) as store:
        assert store.get(ann.id).note == "n20"  # type: ignore[union-attr]
        for _ in range(100):
            store.redo()
        assert store.get(ann.id).note == "n120"  # type: ignore[union-attr]


def test_history_is_capped(db: Path, articles: list[Article]):
    with AnnotationStore(db, "tester", history_limit=10) as store:
        ann = store.add(articles[0], 0, 10)
        for i in range(30):
            store.update(ann.id, note=str(i))
    assert len(_on_disk(db)["history"]) == 10
    with AnnotationStore(db, "tester", history_limit=10) as store:
        undone = 0
        while store.undo() is not None:
            undone += 1
        assert undone == 10
        assert store.get(ann.id).note == "19"  # type: ignore[union-attr]


# ---- anchoring ------------------------------------------------------------------------------


def test_anchor_finds_spans_in_edited_text_and_keeps_orphans(db: Path):
    original = FakeArticle(
        "a",
        "The storm reached the coast at dawn. The mayor said the bridge would stay "
        "closed until Friday. Residents were told to stay indoors.",
    )
    with open_store(db) as store:
        bridge = store.add(
            original, original.text.index("The mayor"), original.text.index(" Residents")
        )
        dawn = store.add(
            original, original.text.index("at dawn"), original.text.index("at dawn") + 7
        )
        storm = store.add(original, 4, 9)
    edited = FakeArticle(
        "a",
        "UPDATE: The storm reached the coast early. The mayor said that the bridge would stay "
        "closed until Friday. Residents were told to stay indoors.",
    )
    with open_store(db) as store:
        found = {a.annotation.id: a for a in store.anchor(edited)}
        assert len(store.annotations(edited)) == 3  # orphans stay listed
    assert not found[storm.id].orphan
    assert edited.text[found[storm.id].start : found[storm.id].end] == "storm"
    b = found[bridge.id]
    assert not b.orphan
    assert (
        edited.text[b.start : b.end]
        == "The mayor said that the bridge would stay closed until Friday."
    )
    assert found[dawn.id].orphan
    assert (found[dawn.id].start, found[dawn.id].end) == (None, None)
    assert found[dawn.id].annotation.quote == "at dawn"


# ---- saving ---------------------------------------------------------------------------------


def test_flush_puts_every_change_on_disk(db: Path, articles: list[Article]):
    states: list[str] = []
    with open_store(db, on_state=states.append) as store:
        anns = [store.add(articles[0], i, i + 5) for i in range(50)]
        store.flush()
        assert store.pending == 0
        assert store.state == "saved"
        assert set(_on_disk(db)["annotations"]) == {a.id for a in anns}
        assert _on_disk(db)["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert states[-1] == "saved"


def test_write_errors_surface_and_the_changes_are_kept_until_saved(
    db: Path, articles: list[Article], monkeypatch: pytest.MonkeyPatch
):
    states: list[str] = []
    with open_store(db, on_state=states.append) as store:
        real_write = AtomicJSONStorage.write_chunks

        def disk_full(self: AtomicJSONStorage, chunks: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(AtomicJSONStorage, "write_chunks", disk_full)
        ann = store.add(articles[0], 0, 10)
        with pytest.raises(StoreWriteError) as caught:
            store.flush()
        assert str(db) in str(caught.value) and "No space left" in str(caught.value)
        assert isinstance(store.last_error, OSError)
        assert store.state == "error"
        assert store.pending == 1
        assert any(s.startswith("error:") and "No space left" in s for s in states)
        assert store.get(ann.id) == ann  # the UI still shows it

        monkeypatch.setattr(AtomicJSONStorage, "write_chunks", real_write)
        store.flush()  # retries
        assert store.last_error is None
        assert store.pending == 0
    with open_store(db) as store:
        assert store.get(ann.id) == ann


def test_the_file_is_a_tinydb_database(db: Path, articles: list[Article]):
    with open_store(db) as store:
        ann = store.add(articles[0], 0, 10)
    (shard,) = (p for p in shard_files(shards_root(db)) if p.name != "history.json")
    tiny = AnnotationDB(shard)
    try:
        (doc,) = tiny.table("annotations").search(Query().tag == "confirmed")
        assert doc.doc_id == ann.id
        assert Annotation.from_dict(doc) == ann
        assert tiny.table("meta").all() == [{"schema": SCHEMA_VERSION}]
    finally:
        tiny.close()


def test_unreadable_database_is_reported_and_left_alone(tmp_path: Path):
    db = tmp_path / "annotations.json"
    db.mkdir()  # reading a directory fails even for root
    with pytest.raises(UnreadableDatabase) as caught:
        open_store(db)
    assert str(db) in str(caught.value) and "\n" not in str(caught.value)
    assert db.is_dir()


def test_a_file_from_a_newer_version_is_refused_untouched(db: Path):
    content = json.dumps({"meta": {"1": {"schema": SCHEMA_VERSION + 1}}, "annotations": {}})
    db.write_text(content, encoding="utf-8")
    with pytest.raises(NewerSchema, match="newer eternaut-reader") as caught:
        open_store(db)
    assert isinstance(caught.value, StoreError)
    assert db.read_text(encoding="utf-8") == content


def test_an_old_schema_file_is_migrated_with_a_backup(db: Path, articles: list[Article]):
    with open_store(db) as store:
        ann = store.add(articles[0], 0, 10)
    old = _on_disk(db)
    del old["meta"]
    for doc in old["annotations"].values():
        del doc["schema"]
    db.write_text(json.dumps(old), encoding="utf-8")

    with open_store(db) as store:
        assert store.get(ann.id) == ann
    migrated = _on_disk(db)
    assert migrated["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert all(doc["schema"] == SCHEMA_VERSION for doc in migrated["annotations"].values())
    (backup,) = db.parent.glob("annotations.json.schema0-*.bak")
    assert json.loads(backup.read_text(encoding="utf-8")) == old


def test_records_this_version_cannot_read_are_kept_in_the_file(db: Path, articles: list[Article]):
    with open_store(db) as store:
        store.add(articles[0], 0, 10)
    data = _on_disk(db)
    data["annotations"]["odd"] = {"id": "odd", "from": "the future"}
    db.write_text(json.dumps(data), encoding="utf-8")
    with open_store(db) as store:
        assert len(store.annotations()) == 1
        assert any("odd" in s for s in store.skipped)
        store.add(articles[0], 20, 30)
    assert _on_disk(db)["annotations"]["odd"] == {"id": "odd", "from": "the future"}


def test_a_closed_store_refuses_changes(db: Path, articles: list[Article]):
    store = open_store(db)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.add(articles[0], 0, 10)


# ---- where the data lives ---------------------------------------------------------------------


def test_db_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    explicit, from_env = tmp_path / "cli.json", tmp_path / "env.json"
    monkeypatch.setenv("ETERNAUT_READER_DB", str(from_env))
    assert resolve_db_path(explicit) == explicit
    assert resolve_db_path(str(explicit)) == explicit
    assert resolve_db_path(None) == from_env
    monkeypatch.delenv("ETERNAUT_READER_DB")
    assert resolve_db_path(None) == default_db_path()
    expected = Path(platformdirs.user_data_dir("eternaut-reader", appauthor=False))
    assert default_db_path() == expected / "annotations.json"


def test_open_store_without_a_path_uses_the_environment(tmp_path: Path, articles: list[Article]):
    with open_store() as store:
        assert store.path == tmp_path / "env-default.json"
        store.add(articles[0], 0, 10)
    assert (tmp_path / "env-default.json").exists()


def test_annotator_comes_from_argument_then_environment(db: Path, articles: list[Article]):
    with open_store(db, annotator="ana") as store:
        assert store.add(articles[0], 0, 10).annotator == "ana"
    with open_store(db) as store:
        assert store.add(articles[0], 0, 10).annotator == "tester"
