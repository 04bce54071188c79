"""A tag made while claims that arrived on disk are being anchored again (issue 13): the
reload is injected in the middle of the anchoring, through the store API and the real tag key,
and the tag must be in the index that is swapped in, not only in the store."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from eternaut_reader import load_corpus, open_store
from eternaut_reader.core.annotations.claims import ClaimIndex
from eternaut_reader.core.annotations.editing import ClaimEditor
from eternaut_reader.core.storage.store import AnnotationStore
from eternaut_reader.ui.app import ReaderApp
from tests.screen import focused_pane, settle


async def wait_for(pilot, condition, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await pilot.pause(0.05)


async def test_a_tag_made_while_arriving_claims_are_anchored_is_kept(tmp_path: Path, monkeypatch):
    db = tmp_path / "annotations.json"
    app = ReaderApp(load_corpus(), db=db)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await wait_for(pilot, lambda: app.editor is not None and app._claims_settled.is_set())
        pane = focused_pane(app)
        article = pane.article
        tagged: list[str] = []
        anchoring = threading.Event()
        tag_done = threading.Event()
        real_claims_of = AnnotationStore.of_article

        def anchor_then_tag(store, art):  # the watching worker's thread
            found = real_claims_of(store, art)
            if art.id == article.id and not anchoring.is_set():
                # This article's claims are read: the user tags now, on the UI thread.
                anchoring.set()
                tag_done.wait(10)
            return found

        monkeypatch.setattr(AnnotationStore, "of_article", anchor_then_tag)
        with open_store(db, "bob") as bob:  # another program: a git pull, a synced folder
            theirs = bob.add(article, 0, 30, tag="contradicted")
        app._reload_if_changed(app.editor)
        await wait_for(pilot, anchoring.is_set)
        await pilot.press("c")  # the real tag key, while the worker is anchoring
        await pilot.pause()
        mine = [a for a in app.editor.store.annotations(article) if a.annotator != "bob"]
        tagged = [a.id for a in mine]
        assert tagged, "the tag key made no claim"
        tag_done.set()
        await wait_for(
            pilot,
            lambda: app.editor is not None and app.editor.index(article).get(theirs.id),
        )
        index = app.editor.index(article)
        for ann_id in tagged:
            assert index.get(ann_id) is not None, "the tag is saved but not shown"
        assert index.counts()["confirmed"] >= 1


def test_catch_up_puts_changes_made_during_anchoring_in_the_new_indexes(tmp_path: Path):
    corpus = load_corpus()
    article = corpus.articles[0]
    with open_store(tmp_path / "a.json", "me") as store:
        first = store.add(article, 0, 20, tag="confirmed")
        editor = ClaimEditor.load(store, corpus)
        # A reload begins: the new editor notes the store's version, then anchors.
        fresh = ClaimEditor(store, corpus)
        for art in corpus.articles:
            fresh.indexes[art.id] = ClaimIndex(store.anchor(art))
        # Meanwhile, on the UI thread, through the old editor: a new tag, a retag, a removal.
        added = editor.tag(article, 40, 60, "contradicted").annotation
        editor.tag(article, first.start, first.end, "speculative")
        assert added is not None
        assert fresh.index(article).get(added.id) is None  # what the race lost
        assert fresh.catch_up()
        index = fresh.index(article)
        assert index.get(added.id) is not None
        assert index.get(first.id).tag == "speculative"
        editor.untag(article, index.get(added.id))
        assert fresh.catch_up()
        assert fresh.index(article).get(added.id) is None
        assert fresh.index(article).counts() == editor.index(article).counts()


def test_a_reload_during_anchoring_marks_the_editor_stale(tmp_path: Path):
    corpus = load_corpus()
    article = corpus.articles[0]
    db = tmp_path / "a.json"
    with open_store(db, "me") as store:
        fresh = ClaimEditor(store, corpus)
        assert not fresh.stale()
        with open_store(db, "bob") as bob:
            bob.add(article, 0, 20, tag="confirmed")
        assert store.refresh(timeout=5)
        mine = store.add(article, 30, 50, tag="confirmed")
        assert not fresh.catch_up()  # reloaded meanwhile: to be anchored again
        assert fresh.stale()
        assert fresh.index(article).get(mine.id) is not None  # still shown until then


def test_claims_of_articles_off_screen_arrive_after_and_keep_changes_made_meanwhile(
    tmp_path: Path,
):
    corpus = load_corpus()
    shown, hidden = corpus.articles[0], corpus.articles[1]
    with open_store(tmp_path / "a.json", "me") as store:
        on_hidden = store.add(hidden, 0, 20, tag="confirmed")
        store.add(shown, 0, 20, tag="confirmed")
        editor = ClaimEditor.load(store, corpus, only={shown.id})
        assert len(editor.index(shown)) == 1
        assert hidden.id not in editor.indexes
        indexes, version = editor.anchor_more(skip={shown.id})
        # Before they arrive: a retag on the hidden article (from a link, an undo...).
        editor.store.update(on_hidden.id, tag="contradicted")
        editor.more(indexes, version)
        assert editor.index(hidden).get(on_hidden.id).tag == "contradicted"
        assert editor.counts()["confirmed"] == 1
        assert editor.counts()["contradicted"] == 1


async def test_the_reader_shows_claims_on_every_article_not_only_those_on_screen(
    tmp_path: Path,
):
    db = tmp_path / "annotations.json"
    corpus = load_corpus()
    with open_store(db, "bob") as bob:
        ids = {a.id: bob.add(a, 0, 20, tag="confirmed").id for a in corpus.articles}
    app = ReaderApp(load_corpus(), db=db)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await wait_for(pilot, lambda: app.editor is not None and app._claims_settled.is_set())
        await pilot.pause()
        for article in app.corpus.articles:
            assert app.editor.index(article).get(ids[article.id]) is not None
        assert app.editor.counts()["confirmed"] == len(ids)


def test_too_many_changes_since_an_index_was_anchored_make_it_stale(tmp_path: Path, monkeypatch):
    from eternaut_reader.core.storage import store as store_module

    monkeypatch.setattr(store_module, "TOUCHED_LIMIT", 10)
    corpus = load_corpus()
    article = corpus.articles[0]
    with open_store(tmp_path / "a.json", "me") as store:
        fresh = ClaimEditor(store, corpus)
        for n in range(6):
            store.add(article, 10 * n, 10 * n + 5, tag="confirmed")
        assert fresh.catch_up()  # six changes: all remembered
        later = ClaimEditor(store, corpus)
        for n in range(6, 20):
            store.add(article, 10 * n, 10 * n + 5, tag="confirmed")
        assert len(store._touched) <= 10
        assert not later.catch_up()  # some were forgotten: anchored again at the next look
        assert later.stale()
