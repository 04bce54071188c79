"""Our lossless JSON and JSON Lines exports, the filters, progress and cancelling."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eternaut_reader import open_store
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.formats import (
    FORMATS,
    ExportCancelled,
    ExportError,
    choose,
    export,
    guess_format,
)
from tests.helpers.claims import GONE_QUOTE, OLD_QUOTE, seeds, tag_claims

# linked_from only on an annotation that others link to (tests/test_export_links_both_ends.py)
EXTRAS = {"article_title", "article_hash", "orphan", "anchor", "linked_from"}


@pytest.fixture(scope="module")
def corpus():
    return seeds()


@pytest.fixture
def claims(tmp_path: Path, corpus) -> dict[str, Annotation]:
    return tag_claims(tmp_path / "db.json", corpus)


@pytest.fixture
def store(tmp_path: Path, claims):
    with open_store(tmp_path / "db.json") as store:
        yield store


def _records(path: Path) -> dict[str, dict]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {r["id"]: r for r in doc["annotations"]}


def test_json_holds_every_stored_field_and_what_is_known_of_the_article(
    tmp_path, corpus, claims, store
):
    out = tmp_path / "claims.json"
    result = export(store, corpus, "json", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "eternaut-reader" and doc["version"] == 1
    assert doc["count"] == result.count == len(claims) == 6
    records = _records(out)
    for ann in claims.values():
        record = records[ann.id]
        assert {k: v for k, v in record.items() if k not in EXTRAS} == ann.to_dict()
    a1, article = records[claims["a1"].id], corpus.articles[1]
    assert a1["article_title"] == article.title
    assert a1["article_hash"] == article.content_hash
    assert a1["orphan"] is False
    assert a1["anchor"] == {"start": 0, "end": 46, "method": "position"}
    assert a1["note"] == "Two outlets agree.\nThe third one does not."
    assert a1["links"] == [
        {"target": claims["b1"].id, "relation": "supports", "article_id": article_id(corpus, 2)}
    ]


def article_id(corpus, index: int) -> str:
    return corpus.articles[index].id


def test_orphans_and_articles_not_in_the_corpus_are_exported_and_marked(
    tmp_path, corpus, claims, store
):
    out = tmp_path / "claims.json"
    result = export(store, corpus, "json", out)
    records = _records(out)
    orphan = records[claims["orphan"].id]
    assert orphan["quote"] == OLD_QUOTE
    assert orphan["orphan"] is True and orphan["anchor"] is None
    unknown = records[claims["unknown"].id]
    assert unknown["quote"] == GONE_QUOTE
    assert unknown["orphan"] is None  # unknown: the article is not loaded
    assert unknown["article_title"] == "gone-article" and unknown["article_hash"] is None
    assert result.orphans == 2


def test_jsonl_has_one_record_a_line_the_same_as_json(tmp_path, corpus, claims, store):
    export(store, corpus, "json", tmp_path / "a.json")
    export(store, corpus, "jsonl", tmp_path / "a.jsonl")
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(claims)
    from_lines = {r["id"]: r for r in map(json.loads, lines)}
    assert from_lines == _records(tmp_path / "a.json")


def test_without_a_corpus_every_orphan_status_is_unknown(tmp_path, claims, store):
    export(store, None, "json", tmp_path / "a.json")
    records = _records(tmp_path / "a.json")
    assert {r["orphan"] for r in records.values()} == {None}
    assert records[claims["a1"].id]["article_title"] == claims["a1"].article_id


def test_tag_filter_keeps_only_those_tags(tmp_path, corpus, claims, store):
    export(store, corpus, "json", tmp_path / "c.json", tags=["confirmed"])
    records = _records(tmp_path / "c.json")
    assert set(records) == {claims[n].id for n in ("a1", "b1", "unknown")}
    export(store, corpus, "json", tmp_path / "cs.json", tags=["contradicted", "speculative"])
    assert set(_records(tmp_path / "cs.json")) == {claims[n].id for n in ("c1", "s1", "orphan")}


def test_article_filter_and_both_filters_together(tmp_path, corpus, claims, store):
    first = corpus.articles[1].id
    export(store, corpus, "json", tmp_path / "a.json", articles=[first])
    assert set(_records(tmp_path / "a.json")) == {claims["a1"].id, claims["orphan"].id}
    export(store, corpus, "json", tmp_path / "b.json", articles=first, tags="speculative")
    doc = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in doc["annotations"]] == [claims["orphan"].id]
    assert doc["filters"] == {"tag": ["speculative"], "article": [first]}


def test_select_filters_a_store_or_a_list(claims, store):
    everything = store.annotations()
    assert choose(store) == everything
    assert {a.id for a in choose(everything, tag=["confirmed", "speculative"])} == {
        claims[n].id for n in ("a1", "b1", "unknown", "s1", "orphan")
    }
    assert choose(everything, article="no-such-article") == []
    with pytest.raises(ValueError, match="unknown tag"):
        choose(store, tag="true")


def test_a_filter_matching_nothing_writes_an_empty_valid_document(tmp_path, corpus, store):
    result = export(store, corpus, "json", tmp_path / "e.json", articles=["nothing"])
    doc = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert result.count == 0 and doc["count"] == 0 and doc["annotations"] == []


def test_progress_counts_up_to_the_total(tmp_path, corpus, claims, store):
    seen: list[tuple[int, int]] = []
    export(store, corpus, "jsonl", tmp_path / "p.jsonl", progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_cancelled_export_leaves_the_old_file_and_no_temporary_file(
    tmp_path, corpus, claims, store
):
    out = tmp_path / "out" / "claims.json"
    out.parent.mkdir()
    out.write_text("previous export", encoding="utf-8")
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ExportCancelled):
        export(store, corpus, "json", out, cancelled=cancelled)
    assert out.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in out.parent.iterdir()] == ["claims.json"]


def test_export_to_an_open_stream(corpus, claims, store):
    stream = io.StringIO()
    result = export(store, corpus, "jsonl", stream)
    assert result.path is None and len(stream.getvalue().splitlines()) == 6


def test_export_takes_a_plain_list_of_annotations(tmp_path, corpus, claims):
    export(list(claims.values()), corpus, "json", tmp_path / "l.json")
    assert set(_records(tmp_path / "l.json")) == {a.id for a in claims.values()}


def test_failures_are_export_errors_with_one_line(tmp_path, corpus, store):
    with pytest.raises(ExportError, match="unknown export format 'xml'"):
        export(store, corpus, "xml", tmp_path / "x.xml")
    with pytest.raises(ExportError, match=r"cannot write .*missing.*No such file"):
        export(store, corpus, "json", tmp_path / "missing" / "x.json")
    with pytest.raises(ExportError, match="it is a folder"):
        export(store, corpus, "json", tmp_path)


def test_formats_have_extensions_that_guess_format_reads_back():
    assert list(FORMATS) == ["json", "jsonl", "csv", "md", "w3c", "claimreview"]
    for name, fmt in FORMATS.items():
        assert guess_format(f"claims{fmt.extension}") == name
    assert guess_format("CLAIMS.CSV") == "csv"
    assert guess_format("claims.txt") is None
