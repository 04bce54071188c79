"""The one validator of the annotation record (annotations/record.py): strict for imports,
migrating for the store's own files, and the same rules for store.merge."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from eternaut_reader import open_store
from eternaut_reader.core.annotations.model import SCHEMA_VERSION, Annotation, HistoryEntry
from eternaut_reader.core.annotations.record import BadRecord, check_annotation, read_record
from eternaut_reader.core.formats.importer import Limits

GOOD: dict[str, Any] = {
    "schema": 1,
    "id": "r1",
    "article_id": "story",
    "quote": "forty",
    "prefix": "about ",
    "suffix": " people",
    "start": 6,
    "end": 11,
    "tag": "confirmed",
    "note": "checked",
    "links": [{"target": "r2", "relation": "supports", "article_id": "other"}],
    "annotator": "alice",
    "created": "2025-07-20T10:00:00.000Z",
    "modified": "2025-07-21T10:00:00.000Z",
    "content_hash": "sha256:abc",
}


def test_a_good_record_reads_the_same_in_both_modes_and_round_trips():
    strict = read_record(GOOD)
    stored = read_record(GOOD, stored=True)
    assert strict == stored
    assert strict.to_dict() == GOOD
    assert Annotation.from_dict(GOOD) == strict
    assert check_annotation(strict) is strict
    assert strict.links[0].relation == "supports" and strict.links[0].article_id == "other"


def test_an_open_claim_has_a_null_tag():
    ann = read_record({**GOOD, "tag": None})
    assert ann.tag is None and ann.open
    assert ann.to_dict()["tag"] is None
    assert Annotation.from_dict(ann.to_dict()) == ann


BAD = {
    "not an object": ([1, 2], "expected an object, found an array"),
    "no id": ({k: v for k, v in GOOD.items() if k != "id"}, 'missing "id"'),
    "empty quote": ({**GOOD, "quote": ""}, '"quote" is empty'),
    "quote a number": ({**GOOD, "quote": 5}, '"quote" must be a string, not a number'),
    "note an array": ({**GOOD, "note": []}, '"note" must be a string, not an array'),
    "start a bool": ({**GOOD, "start": True}, '"start" must be a whole number, not true/false'),
    "start a float": ({**GOOD, "start": 6.0}, '"start" must be a whole number, not a number'),
    "inverted span": ({**GOOD, "start": 11, "end": 6}, "start 11 and end 6 are not a span"),
    "no tag": (
        {k: v for k, v in GOOD.items() if k != "tag"},
        'missing "tag" (null for an open claim)',
    ),
    "unknown tag": ({**GOOD, "tag": "rumour"}, "tag 'rumour' is not one of confirmed"),
    "tag a number": ({**GOOD, "tag": 1}, "tag a number is not one of"),
    "links an object": ({**GOOD, "links": {}}, '"links" must be an array, not an object'),
    "link a string": ({**GOOD, "links": ["r2"]}, "a link must be an object, not a string"),
    "bad relation": (
        {**GOOD, "links": [{"target": "r2", "relation": "likes"}]},
        "link relation 'likes' is not one of supports, contradicts",
    ),
    "newer schema": ({**GOOD, "schema": SCHEMA_VERSION + 1}, "written by a newer eternaut-reader"),
    "schema a string": ({**GOOD, "schema": "1"}, '"schema" must be a whole number'),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_kind_of_bad_record_is_refused_in_both_modes(case):
    record, message = BAD[case]
    for stored in (False, True):
        with pytest.raises(BadRecord) as caught:
            read_record(record, stored=stored)
        assert message in str(caught.value)
        assert "\n" not in str(caught.value)


STRICT_ONLY = {
    "span not the quote's length": (
        {**GOOD, "end": 20},
        "start 6 and end 20 span 14 characters, but the quote has 5",
    ),
    "a date that is not one": ({**GOOD, "created": "yesterday"}, '"created" is not an ISO 8601'),
    "schema 0": ({**GOOD, "schema": 0}, '"schema" must be a whole number from 1'),
}


@pytest.mark.parametrize("case", sorted(STRICT_ONLY))
def test_a_strict_read_refuses_what_the_store_reads(case):
    record, message = STRICT_ONLY[case]
    with pytest.raises(BadRecord, match=message):
        read_record(record)
    assert read_record(record, stored=True).id == "r1"


def test_limits_bound_a_strict_read():
    limits = Limits.default(text_chars=4)
    with pytest.raises(BadRecord, match="quote is 5 characters, over the limit of 4"):
        read_record(GOOD, limits=limits)
    with pytest.raises(BadRecord, match="2 links, over the limit of 1"):
        read_record({**GOOD, "links": GOOD["links"] * 2}, limits=Limits.default(links=1))


def test_an_old_record_is_migrated_when_the_store_reads_it():
    old = {
        k: v
        for k, v in GOOD.items()
        if k not in {"schema", "prefix", "suffix", "note", "links", "modified", "content_hash"}
    }
    ann = read_record(old, stored=True)
    assert ann.schema == SCHEMA_VERSION
    assert (ann.prefix, ann.suffix, ann.note, ann.content_hash, ann.links) == ("", "", "", "", ())
    assert ann.modified == ann.created == GOOD["created"]  # never edited
    # An old record inside a history entry (the file migration stamps only top-level records).
    entry = HistoryEntry.from_dict(
        {"id": "h1", "action": "add", "annotation_id": "r1", "before": None, "after": old, "at": 1}
    )
    assert entry.after == ann


def test_the_store_reports_a_bad_record_in_its_file_and_keeps_the_others(tmp_path):
    db = tmp_path / "db.json"
    docs = {"r1": GOOD, "r9": {**GOOD, "id": "r9", "tag": "rumour"}}
    db.write_text(
        json.dumps({"meta": {"1": {"schema": SCHEMA_VERSION}}, "annotations": docs}),
        encoding="utf-8",
    )
    with open_store(db, "alice", readonly=True) as store:
        assert [a.id for a in store.annotations()] == ["r1"]
        skipped = store.skipped
    assert skipped and all(
        s.startswith("annotation r9: BadRecord: tag 'rumour' is not one of") for s in skipped
    )


def test_merge_checks_with_the_same_rules(tmp_path):
    good = read_record(GOOD)
    with open_store(tmp_path / "db.json", "alice") as store:
        with pytest.raises(TypeError, match="merge takes Annotation objects, not dict"):
            store.merge([GOOD])  # type: ignore[list-item]
        with pytest.raises(ValueError, match="unknown tag 'rumour'"):
            store.merge([replace(good, tag="rumour")])
        with pytest.raises(ValueError, match="unknown relation 'likes'"):
            store.merge([replace(good, links=(replace(good.links[0], relation="likes"),))])
        with pytest.raises(ValueError, match="has no id, article, quote or span"):
            store.merge([replace(good, quote="")])
        with pytest.raises(ValueError, match="are not a span"):
            store.merge([replace(good, start=11, end=6)])
        # An open claim merges; a span recorded on another text need not fit the quote.
        result = store.merge([replace(good, tag=None, end=30)])
        assert result.added == ("r1",)
        assert store.annotations()[0].tag is None


def test_the_stores_quick_read_gives_what_the_full_read_gives():
    """Records the store wrote are read in one pass; anything else takes the full reading.
    Both must give the very same annotation (a MappingProxy forces the full reading)."""
    from types import MappingProxyType

    from eternaut_reader.core.annotations.model import Annotation

    base = dict(GOOD, schema=1, links=[])
    variants = [
        base,
        dict(base, tag=None),
        dict(base, summary="In short"),
        dict(base, modified=base["created"]),
        {k: v for k, v in base.items() if k != "links"},
    ]
    for record in variants:
        quick = read_record(record, stored=True)
        full = read_record(MappingProxyType(record), stored=True)
        assert isinstance(quick, Annotation) and quick == full
