"""One function anchors an annotation: the store, the claims index (via the editor) and the
exports all place it where anchor.anchor() says, for every way a text can have changed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from eternaut_reader import open_store
from eternaut_reader.core.annotations.anchor import Location, anchor
from eternaut_reader.core.annotations.editing import ClaimEditor
from eternaut_reader.core.formats import prepare
from eternaut_reader.core.text.corpus import Article, Corpus

OLD = (
    "The studio said the sequence was finished ten times faster than planned. "
    "Critics were not convinced. The studio said nothing else."
)
QUOTE = "the sequence was finished ten times faster"
NEW_TEXTS = {
    # where the quote is in the new text, and how it is found
    "position": (OLD, "position"),
    "exact": ("A new first sentence moves everything along. " + OLD, "exact"),
    "fuzzy": (OLD.replace("finished ten times", "finished ten tims"), "fuzzy"),
    "orphan": ("Nothing of the old report is left in this one at all.", None),
}


def _article(text: str) -> Article:
    return Article(id="report", title="Report", language="en", text=text)


def _annotated(db: Path) -> tuple[Path, str]:
    start = OLD.index(QUOTE)
    with open_store(db, "alice") as store:
        ann = store.add(_article(OLD), start, start + len(QUOTE), tag="speculative")
    return db, ann.id


@pytest.mark.parametrize("case", sorted(NEW_TEXTS))
def test_store_editor_and_export_place_an_annotation_where_anchor_does(tmp_path, case):
    db, ann_id = _annotated(tmp_path / "db.json")
    text, method = NEW_TEXTS[case]
    article = _article(text)
    with open_store(db, "alice") as store:
        annotation = store.get(ann_id)
        assert annotation is not None
        expected = anchor(text, annotation)
        assert (expected is None) == (method is None)
        if expected is not None:
            assert expected.method == method
            if method != "fuzzy":
                assert text[expected.start : expected.end] == QUOTE

        def span(where: Location | None) -> tuple[int, int] | None:
            return None if where is None else (where.start, where.end)

        # 1. the store
        (placed,) = store.anchor(article)
        assert (placed.start, placed.end, placed.method) == (
            (expected.start, expected.end, expected.method)
            if expected is not None
            else (None, None, None)
        )
        # 2. the claims index, loaded by the editor, and re-anchored after an undo
        editor = ClaimEditor.load(store, Corpus([article], source="test"))
        index = editor.index(article)
        claim = index.get(ann_id)
        assert (None if claim is None else (claim.start, claim.end)) == span(expected)
        assert (ann_id in index.orphans) == (expected is None)
        store.update(ann_id, note="a note")
        editor.undo()
        claim = editor.index(article).get(ann_id)
        assert (None if claim is None else (claim.start, claim.end)) == span(expected)
        # 3. the exports
        (item,) = prepare([annotation], [article]).items
        assert item.anchor == placed
        assert item.orphan is (expected is None)


def test_anchor_reads_the_stored_selector_of_the_annotation(tmp_path):
    db, ann_id = _annotated(tmp_path / "db.json")
    with open_store(db, "alice") as store:
        annotation = store.get(ann_id)
    assert annotation is not None
    # The quote is there twice; the stored prefix and suffix choose the right one.
    text = "Preface: " + QUOTE + ". " + OLD
    where = anchor(text, annotation)
    assert where is not None and where.method == "exact"
    assert where.start == text.index(QUOTE, 20)
    # A quote that is not there and too short to search for fuzzily is an orphan.
    assert anchor("nothing here", replace(annotation, quote="gone", start=0, end=4)) is None
